package aks_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// Comparing a pool's PUT body with Microsoft's request: every property of the request must be in
// the body with the same value, compared recursively (objects: each of Microsoft's keys; arrays:
// the same elements in the same order). The body may hold more (defaults the provider sends,
// such as the pool type). The only exceptions, each a placeholder of the example rather than a
// setting:
//   - "orchestratorVersion": "" is AKS's "use the default": a create's body leaves the version out
//     (or sends ""); an update's body, the pool as AKS holds it with the change applied, carries
//     the version the pool runs, which must be one the emulator offers.
//   - orchestratorVersion 1.9.6, 1.23.3 and 1.23.8 are long out of support and the emulator, like
//     AKS today, doesn't offer them; the examples name an offered version instead, and the body
//     must carry one the emulator offers (a patch version or a minor version of one).
//   - The Kata example's osType "AzureLinux" isn't an OS type of the API (Linux, Windows) but its
//     OS SKU: the body must carry osType Linux and osSKU AzureLinux.
//   - The examples' ARM IDs name the placeholder subscription 00000000-0000-0000-0000-000000000000
//     and resource groups rg1 or rg; the seeded resources are in the emulator's subscription and
//     rg-aks-demo. An ID compares equal when it names the same resource there, case-insensitively
//     as ARM compares IDs.

// microsoftRequest is parameters.parameters.properties of Microsoft's example file.
func microsoftRequest(t *testing.T, file string) map[string]any {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(microsoftExamplesDir, file))
	if err != nil {
		t.Fatal(err)
	}
	var ex struct {
		Parameters struct {
			Parameters struct {
				Properties map[string]any `json:"properties"`
			} `json:"parameters"`
		} `json:"parameters"`
	}
	if err := json.Unmarshal(raw, &ex); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if len(ex.Parameters.Parameters.Properties) == 0 {
		t.Fatalf("%s: no parameters.parameters.properties", file)
	}
	return ex.Parameters.Parameters.Properties
}

// carriesRequest expects the request body's properties to carry Microsoft's request of file; in
// an update (a change of an existing pool) when update is true.
func carriesRequest(t *testing.T, srv *emulator.Server, file string, update bool) acctest.RequestCheck {
	want := microsoftRequest(t, file)
	c := requestComparison{update: update}
	if v, ok := want["orchestratorVersion"]; ok && (v != "" || update) {
		c.offered = offeredVersions(t, srv)
	}
	return func(e emulator.JournalEntry) error {
		var body struct {
			Properties map[string]any `json:"properties"`
		}
		if err := json.Unmarshal(e.RequestBody, &body); err != nil {
			return fmt.Errorf("decoding the request body: %w", err)
		}
		c := c // each request compared afresh
		c.properties(want, body.Properties)
		if len(c.problems) > 0 {
			return fmt.Errorf("the body does not carry Microsoft's %s:\n  %s\nbody: %s",
				file, strings.Join(c.problems, "\n  "), e.RequestBody)
		}
		return nil
	}
}

// requestComparison collects the differences between Microsoft's request and a body.
type requestComparison struct {
	update   bool     // the body is an update's: the whole pool
	offered  []string // the Kubernetes versions the emulator offers, minor and patch
	problems []string
}

func (c *requestComparison) problem(format string, args ...any) {
	c.problems = append(c.problems, fmt.Sprintf(format, args...))
}

// properties compares the top-level properties, where the examples' placeholders are.
func (c *requestComparison) properties(want, got map[string]any) {
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		w := want[k]
		g, present := got[k]
		switch {
		case k == "orchestratorVersion" && w == "" && c.update:
			if present && g != "" && !slices.Contains(c.offered, fmt.Sprint(g)) {
				c.problem("orchestratorVersion: Microsoft's \"\" (unchanged) but the body sends %v, not an offered version %v", g, c.offered)
			}
		case k == "orchestratorVersion" && w == "":
			if present && g != "" {
				c.problem("orchestratorVersion: Microsoft's \"\" (AKS's default) but the body sends %v", g)
			}
		case k == "orchestratorVersion" && !slices.Contains(c.offered, fmt.Sprint(w)):
			if !present || !slices.Contains(c.offered, fmt.Sprint(g)) {
				c.problem("orchestratorVersion: Microsoft's %v is not offered; want one of %v, the body has %v", w, c.offered, g)
			}
		case k == "osType" && w == "AzureLinux":
			if g != "Linux" || got["osSKU"] != "AzureLinux" {
				c.problem("osType: Microsoft's \"AzureLinux\" is osType Linux with osSKU AzureLinux; the body has osType %v, osSKU %v", g, got["osSKU"])
			}
		case !present:
			c.problem("%s: missing (Microsoft's %v)", k, jsonText(w))
		default:
			c.value(k, w, g)
		}
	}
}

// value compares Microsoft's value w at path with the body's g.
func (c *requestComparison) value(path string, w, g any) {
	switch w := w.(type) {
	case map[string]any:
		gm, ok := g.(map[string]any)
		if !ok {
			c.problem("%s: Microsoft's %s, the body's %s", path, jsonText(w), jsonText(g))
			return
		}
		for k, wv := range w {
			gv, present := gm[k]
			if !present {
				c.problem("%s.%s: missing (Microsoft's %s)", path, k, jsonText(wv))
				continue
			}
			c.value(path+"."+k, wv, gv)
		}
	case []any:
		ga, ok := g.([]any)
		if !ok || len(ga) != len(w) {
			c.problem("%s: Microsoft's %s, the body's %s", path, jsonText(w), jsonText(g))
			return
		}
		for i := range w {
			c.value(fmt.Sprintf("%s[%d]", path, i), w[i], ga[i])
		}
	case string:
		if sameARMID(w, g) {
			return
		}
		if g != w {
			c.problem("%s: Microsoft's %q, the body's %s", path, w, jsonText(g))
		}
	default:
		if !reflect.DeepEqual(w, g) {
			c.problem("%s: Microsoft's %s, the body's %s", path, jsonText(w), jsonText(g))
		}
	}
}

// An ARM ID of the examples: /subscriptions/{placeholder}/resourcegroups/{rg1 or rg}/...
var exampleARMID = regexp.MustCompile(`(?i)^/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/(?:rg1|rg)(/providers/.+)$`)

// sameARMID reports whether the body's value g names the example ID w's resource in the seeded
// resource group of the emulator's subscription.
func sameARMID(w string, g any) bool {
	m := exampleARMID.FindStringSubmatch(w)
	gs, ok := g.(string)
	if m == nil || !ok {
		return false
	}
	seeded := fmt.Sprintf("/subscriptions/%s/resourceGroups/%s%s", emulator.DefaultSubscriptionID, testResourceGroup, m[1])
	return strings.EqualFold(seeded, gs)
}

func jsonText(v any) string {
	if v == nil {
		return "nothing"
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// offeredVersions are the Kubernetes versions the emulator offers in the test location, each
// minor version and each patch version.
func offeredVersions(t *testing.T, srv *emulator.Server) []string {
	t.Helper()
	resp, err := sdkFactory(t, srv).NewManagedClustersClient().ListKubernetesVersions(context.Background(), testLocation, nil)
	if err != nil {
		t.Fatalf("listing the offered Kubernetes versions: %v", err)
	}
	var versions []string
	for _, v := range resp.Values {
		if v.Version != nil {
			versions = append(versions, *v.Version)
		}
		for patch := range v.PatchVersions {
			versions = append(versions, patch)
		}
	}
	sort.Strings(versions)
	return versions
}

// The comparison finds what a body lacks or gets wrong, and accepts only the documented quirks.
func TestOfficialExamplesComparison(t *testing.T) {
	seededCRG := fmt.Sprintf("/subscriptions/%s/resourceGroups/rg-aks-demo/providers/Microsoft.Compute/capacityReservationGroups/crg1", emulator.DefaultSubscriptionID)
	want := map[string]any{
		"orchestratorVersion":        "",
		"count":                      float64(3),
		"osType":                     "AzureLinux",
		"capacityReservationGroupID": "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg1/providers/Microsoft.Compute/CapacityReservationGroups/crg1",
		"kubeletConfig":              map[string]any{"allowedUnsafeSysctls": []any{"kernel.msg*", "net.core.somaxconn"}},
	}
	for _, tc := range []struct {
		name     string
		body     map[string]any
		problems []string // a substring of each problem expected, in order
	}{
		{
			name: "carried",
			body: map[string]any{
				"count": float64(3), "osType": "Linux", "osSKU": "AzureLinux", "capacityReservationGroupID": seededCRG,
				"kubeletConfig": map[string]any{"allowedUnsafeSysctls": []any{"kernel.msg*", "net.core.somaxconn"}, "failSwapOn": false},
				"type":          "VirtualMachineScaleSets",
			},
		},
		{
			name: "wrong",
			body: map[string]any{
				"orchestratorVersion": "1.33", "count": float64(2), "osType": "AzureLinux",
				"capacityReservationGroupID": strings.Replace(seededCRG, "crg1", "crg2", 1),
				"kubeletConfig":              map[string]any{"allowedUnsafeSysctls": []any{"net.core.somaxconn", "kernel.msg*"}},
			},
			problems: []string{"capacityReservationGroupID", "count", "kubeletConfig.allowedUnsafeSysctls[0]", "kubeletConfig.allowedUnsafeSysctls[1]", "orchestratorVersion", "osType"},
		},
		{
			name:     "missing",
			body:     map[string]any{"osType": "Linux", "osSKU": "AzureLinux", "kubeletConfig": map[string]any{}},
			problems: []string{"capacityReservationGroupID: missing", "count: missing", "kubeletConfig.allowedUnsafeSysctls: missing"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := requestComparison{}
			c.properties(want, tc.body)
			if len(c.problems) != len(tc.problems) {
				t.Fatalf("problems %q, want %d: %q", c.problems, len(tc.problems), tc.problems)
			}
			for i, p := range tc.problems {
				if !strings.Contains(c.problems[i], p) {
					t.Errorf("problem %d is %q, want it about %s", i, c.problems[i], p)
				}
			}
		})
	}
	t.Run("an old version needs an offered one", func(t *testing.T) {
		c := requestComparison{offered: []string{"1.33", "1.33.3"}}
		c.properties(map[string]any{"orchestratorVersion": "1.9.6"}, map[string]any{"orchestratorVersion": "1.33"})
		c.properties(map[string]any{"orchestratorVersion": "1.9.6"}, map[string]any{"orchestratorVersion": "1.9.6"})
		c.properties(map[string]any{"orchestratorVersion": "1.9.6"}, map[string]any{})
		if len(c.problems) != 2 {
			t.Errorf("problems %q, want two: 1.9.6 and none aren't offered", c.problems)
		}
	})
}

// An update's body carries the version the pool runs where Microsoft's request says "".
func TestOfficialExamplesComparisonOfAnUpdate(t *testing.T) {
	c := requestComparison{update: true, offered: []string{"1.33", "1.33.3"}}
	c.properties(map[string]any{"orchestratorVersion": ""}, map[string]any{"orchestratorVersion": "1.33.3"})
	c.properties(map[string]any{"orchestratorVersion": ""}, map[string]any{})
	if len(c.problems) != 0 {
		t.Errorf("problems %q, want none", c.problems)
	}
	c.properties(map[string]any{"orchestratorVersion": ""}, map[string]any{"orchestratorVersion": "1.9.6"})
	if len(c.problems) != 1 {
		t.Errorf("problems %q, want one: 1.9.6 isn't offered", c.problems)
	}
}
