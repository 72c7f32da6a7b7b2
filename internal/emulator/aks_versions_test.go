package emulator

import (
	"fmt"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func TestKubernetesVersions(t *testing.T) {
	s := startServer(t)
	res, err := aksClients(t, s, nil).NewManagedClustersClient().ListKubernetesVersions(ctxT(t), "westus2", nil)
	if err != nil {
		t.Fatal(err)
	}
	var minors []string
	for _, v := range res.Values {
		minors = append(minors, deref(v.Version))
		switch deref(v.Version) {
		case "1.33":
			if !deref(v.IsDefault) || len(v.PatchVersions["1.33.2"].Upgrades) != 2 {
				t.Errorf("1.33: default %v, 1.33.2 upgrades %v", deref(v.IsDefault), v.PatchVersions["1.33.2"])
			}
		case "1.34":
			if !deref(v.IsPreview) {
				t.Error("1.34 should be preview")
			}
		case "1.28":
			if len(v.Capabilities.SupportPlan) != 2 {
				t.Errorf("1.28 support plans %v: want KubernetesOfficial and AKSLongTermSupport", v.Capabilities.SupportPlan)
			}
		}
	}
	if strings.Join(minors, ",") != "1.28,1.29,1.30,1.31,1.32,1.33,1.34" {
		t.Errorf("minors %v", minors)
	}
}

// availableVersions renders an availableAgentPoolVersions answer as
// "version(default)(preview),...".
func availableVersions(av armcontainerservice.AgentPoolAvailableVersions) string {
	var out []string
	for _, v := range av.Properties.AgentPoolVersions {
		item := deref(v.KubernetesVersion)
		if deref(v.Default) {
			item += "(default)"
		}
		if deref(v.IsPreview) {
			item += "(preview)"
		}
		out = append(out, item)
	}
	return strings.Join(out, ",")
}

// availableAgentPoolVersions lists preview versions too, marked isPreview
// (here the seed's 1.34.0, for a cluster running it), and marks the control
// plane's version as the default.
func TestAvailableAgentPoolVersions(t *testing.T) {
	s := startServer(t)
	f := aksClients(t, s, nil)
	ctx := ctxT(t)
	for _, tc := range []struct{ cluster, version, want string }{
		{"preview", "1.34.0", "1.31.10,1.31.11,1.32.6,1.32.7,1.33.2,1.33.3,1.34.0(default)(preview)"},
		{"older", "1.32.7", "1.29.14,1.29.15,1.30.13,1.30.14,1.31.10,1.31.11,1.32.6,1.32.7(default)"},
	} {
		mc := minimalCluster()
		mc.Properties.DNSPrefix = to.Ptr(tc.cluster)
		mc.Properties.KubernetesVersion = to.Ptr(tc.version)
		createCluster(t, f, tc.cluster, mc)
		av, err := f.NewAgentPoolsClient().GetAvailableAgentPoolVersions(ctx, "rg-aks-demo", tc.cluster, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := availableVersions(av.AgentPoolAvailableVersions); got != tc.want {
			t.Errorf("cluster at %s: available versions\n got %s\nwant %s", tc.version, got, tc.want)
		}
	}
}

// An unknown location is refused, as ARM refuses it, for the version list and for a cluster.
func TestUnknownLocationRefused(t *testing.T) {
	s := startServer(t)
	f := aksClients(t, s, nil)
	_, err := f.NewManagedClustersClient().ListKubernetesVersions(ctxT(t), "eastus9", nil)
	if e := wantErrResp(t, err, 400, "NoRegisteredProviderFound"); !strings.Contains(e.Error(), "location 'eastus9'") {
		t.Errorf("the answer does not name the location: %v", e)
	}
	mc := minimalCluster()
	mc.Location = to.Ptr("East US 9")
	_, err = f.NewManagedClustersClient().BeginCreateOrUpdate(ctxT(t), "rg-aks-demo", "nowhere", mc, nil)
	wantErr(t, err, 400, "LocationNotAvailableForResourceType")
	if _, err := f.NewManagedClustersClient().Get(ctxT(t), "rg-aks-demo", "nowhere", nil); !strings.Contains(fmt.Sprint(err), "404") {
		t.Errorf("the refused cluster exists: %v", err)
	}
	mc.Location = to.Ptr("East US")
	createCluster(t, f, "somewhere", mc)
}
