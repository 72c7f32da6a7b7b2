package aks_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

const kubernetesVersionsConfig = `
data "aks_kubernetes_versions" "ga" {
  location = %[1]q
}

data "aks_kubernetes_versions" "all" {
  location        = %[1]q
  include_preview = true
}
`

// TestAccKubernetesVersionsDataSource_MatchesTheEmulator compares the data source with what the
// emulator answers to the SDK directly, minor by minor and patch by patch, with and without
// preview versions, and with the seed's documented facts.
func TestAccKubernetesVersionsDataSource_MatchesTheEmulator(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	served := servedVersions(t, srv, "eastus")

	acctest.Test(t, []resource.TestStep{{
		// A display name works as well as the ARM name.
		Config: fmt.Sprintf(kubernetesVersionsConfig, "East US"),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.aks_kubernetes_versions.ga", tfjsonpath.New("versions"), served.list(false)),
			statecheck.ExpectKnownValue("data.aks_kubernetes_versions.all", tfjsonpath.New("versions"), served.list(true)),
			statecheck.ExpectKnownValue("data.aks_kubernetes_versions.ga", tfjsonpath.New("default_version"), knownvalue.StringExact(served.defaultPatch)),
			statecheck.ExpectKnownValue("data.aks_kubernetes_versions.ga", tfjsonpath.New("latest_version"), knownvalue.StringExact(served.latest(false))),
			statecheck.ExpectKnownValue("data.aks_kubernetes_versions.all", tfjsonpath.New("latest_version"), knownvalue.StringExact(served.latest(true))),
			// The seed's catalogue (internal/ARCHITECTURE.md): 1.33.3 is the default and the newest
			// GA patch, 1.34.0 the only preview, 1.28 offers long-term support.
			statecheck.ExpectKnownValue("data.aks_kubernetes_versions.ga", tfjsonpath.New("default_version"), knownvalue.StringExact("1.33.3")),
			statecheck.ExpectKnownValue("data.aks_kubernetes_versions.ga", tfjsonpath.New("latest_version"), knownvalue.StringExact("1.33.3")),
			statecheck.ExpectKnownValue("data.aks_kubernetes_versions.all", tfjsonpath.New("latest_version"), knownvalue.StringExact("1.34.0")),
			statecheck.ExpectKnownValue("data.aks_kubernetes_versions.ga", tfjsonpath.New("versions"), knownvalue.ListSizeExact(6)),
			statecheck.ExpectKnownValue("data.aks_kubernetes_versions.all", tfjsonpath.New("versions"), knownvalue.ListSizeExact(7)),
			statecheck.ExpectKnownValue("data.aks_kubernetes_versions.ga", tfjsonpath.New("versions").AtSliceIndex(0).AtMapKey("support_plans"),
				knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("KubernetesOfficial"), knownvalue.StringExact("AKSLongTermSupport")})),
			acctest.ExpectNoWrites(srv),
		},
	}})
}

// TestAccKubernetesVersionsDataSource_SemverOrder serves a catalogue whose minors and patches
// sort differently as strings and as versions (1.9 < 1.10, 1.9.9 < 1.9.10); the emulator's JSON
// lists patches as object keys, in string order.
func TestAccKubernetesVersionsDataSource_SemverOrder(t *testing.T) {
	acctest.PreCheck(t)
	seed := filepath.Join(t.TempDir(), "seed.json")
	if err := os.WriteFile(seed, []byte(`{"kubernetesVersions": [
		{"version": "1.9.10", "isDefault": true},
		{"version": "1.9.9"},
		{"version": "1.10.2", "isPreview": true},
		{"version": "1.10.10", "isPreview": true}
	]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	acctest.NewEmulator(t, acctest.WithSeedFile(seed))

	minor := func(version string, preview, isDefault bool, patches ...string) knownvalue.Check {
		patchChecks := make([]knownvalue.Check, len(patches))
		for i, p := range patches {
			patchChecks[i] = knownvalue.StringExact(p)
		}
		return knownvalue.ObjectExact(map[string]knownvalue.Check{
			"version":        knownvalue.StringExact(version),
			"patch_versions": knownvalue.ListExact(patchChecks),
			"is_preview":     knownvalue.Bool(preview),
			"is_default":     knownvalue.Bool(isDefault),
			"support_plans":  knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("KubernetesOfficial")}),
		})
	}
	acctest.Test(t, []resource.TestStep{{
		Config: fmt.Sprintf(kubernetesVersionsConfig, "westeurope"),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.aks_kubernetes_versions.ga", tfjsonpath.New("versions"), knownvalue.ListExact([]knownvalue.Check{
				minor("1.9", false, true, "1.9.9", "1.9.10"),
			})),
			statecheck.ExpectKnownValue("data.aks_kubernetes_versions.all", tfjsonpath.New("versions"), knownvalue.ListExact([]knownvalue.Check{
				minor("1.9", false, true, "1.9.9", "1.9.10"),
				minor("1.10", true, false, "1.10.2", "1.10.10"),
			})),
			statecheck.ExpectKnownValue("data.aks_kubernetes_versions.ga", tfjsonpath.New("default_version"), knownvalue.StringExact("1.9.10")),
			statecheck.ExpectKnownValue("data.aks_kubernetes_versions.ga", tfjsonpath.New("latest_version"), knownvalue.StringExact("1.9.10")),
			statecheck.ExpectKnownValue("data.aks_kubernetes_versions.all", tfjsonpath.New("latest_version"), knownvalue.StringExact("1.10.10")),
		},
	}})
}

// servedCatalogue is the emulator's answer, read through the SDK and arranged the way the data
// source documents: minors and patches in version order.
type servedCatalogue struct {
	minors       []servedMinor
	defaultPatch string
}

type servedMinor struct {
	version            string
	patches            []string
	preview, isDefault bool
	supportPlans       []string
}

func servedVersions(t *testing.T, srv *emulator.Server, location string) servedCatalogue {
	t.Helper()
	client, err := armcontainerservice.NewManagedClustersClient(emulator.DefaultSubscriptionID, acctest.SDKCredential(t, srv), acctest.SDKOptions(srv))
	if err != nil {
		t.Fatal(err)
	}
	answer, err := client.ListKubernetesVersions(context.Background(), location, nil)
	if err != nil {
		t.Fatalf("listing the emulator's versions through the SDK: %v", err)
	}
	srv.ResetJournal()

	var out servedCatalogue
	for _, v := range answer.Values {
		m := servedMinor{version: *v.Version, preview: v.IsPreview != nil && *v.IsPreview, isDefault: v.IsDefault != nil && *v.IsDefault}
		for patch := range v.PatchVersions {
			m.patches = append(m.patches, patch)
		}
		sort.Slice(m.patches, func(i, j int) bool { return lessNumeric(m.patches[i], m.patches[j]) })
		if v.Capabilities != nil {
			for _, plan := range v.Capabilities.SupportPlan {
				m.supportPlans = append(m.supportPlans, string(*plan))
			}
		}
		if m.isDefault {
			out.defaultPatch = m.patches[len(m.patches)-1]
		}
		out.minors = append(out.minors, m)
	}
	sort.Slice(out.minors, func(i, j int) bool { return lessNumeric(out.minors[i].version, out.minors[j].version) })
	if len(out.minors) == 0 || out.defaultPatch == "" {
		t.Fatalf("the emulator serves no versions or no default: %+v", out)
	}
	return out
}

func (c servedCatalogue) list(includePreview bool) knownvalue.Check {
	var checks []knownvalue.Check
	for _, m := range c.minors {
		if m.preview && !includePreview {
			continue
		}
		patches := make([]knownvalue.Check, len(m.patches))
		for i, p := range m.patches {
			patches[i] = knownvalue.StringExact(p)
		}
		plans := make([]knownvalue.Check, len(m.supportPlans))
		for i, p := range m.supportPlans {
			plans[i] = knownvalue.StringExact(p)
		}
		checks = append(checks, knownvalue.ObjectExact(map[string]knownvalue.Check{
			"version":        knownvalue.StringExact(m.version),
			"patch_versions": knownvalue.ListExact(patches),
			"is_preview":     knownvalue.Bool(m.preview),
			"is_default":     knownvalue.Bool(m.isDefault),
			"support_plans":  knownvalue.ListExact(plans),
		}))
	}
	return knownvalue.ListExact(checks)
}

func (c servedCatalogue) latest(includePreview bool) string {
	latest := ""
	for _, m := range c.minors {
		if m.preview && !includePreview {
			continue
		}
		if newest := m.patches[len(m.patches)-1]; latest == "" || lessNumeric(latest, newest) {
			latest = newest
		}
	}
	return latest
}

// lessNumeric compares dotted numeric versions, the only kind AKS serves.
func lessNumeric(a, b string) bool {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) && i < len(bs); i++ {
		an, _ := strconv.Atoi(as[i])
		bn, _ := strconv.Atoi(bs[i])
		if an != bn {
			return an < bn
		}
	}
	return len(as) < len(bs)
}
