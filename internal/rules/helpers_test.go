package rules

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// want is one expected diagnostic: path ("" for none), severity, summary, and
// substrings the detail must contain.
type want struct {
	path     string
	warning  bool
	summary  string
	contains []string
}

func errAt(p, summary string, contains ...string) want {
	return want{path: p, summary: summary, contains: contains}
}

func warnAt(p, summary string, contains ...string) want {
	return want{path: p, warning: true, summary: summary, contains: contains}
}

func describe(d diag.Diagnostic) string {
	p := ""
	if dp, ok := d.(diag.DiagnosticWithPath); ok {
		p = dp.Path().String()
	}
	return fmt.Sprintf("[%s] %s: %s\n%s", d.Severity(), p, d.Summary(), d.Detail())
}

func matches(d diag.Diagnostic, w want) bool {
	p := ""
	if dp, ok := d.(diag.DiagnosticWithPath); ok {
		p = dp.Path().String()
	}
	sev := diag.SeverityError
	if w.warning {
		sev = diag.SeverityWarning
	}
	if p != w.path || d.Severity() != sev || d.Summary() != w.summary {
		return false
	}
	for _, c := range w.contains {
		if !strings.Contains(d.Detail(), c) {
			return false
		}
	}
	return true
}

// expectDiags asserts that got holds exactly the wanted diagnostics, in any order,
// and that every diagnostic says where its rule comes from and how to fix it.
func expectDiags(t *testing.T, got diag.Diagnostics, wants ...want) {
	t.Helper()
	used := make([]bool, len(got))
	for _, w := range wants {
		found := false
		for i, d := range got {
			if !used[i] && matches(d, w) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			var all []string
			for _, d := range got {
				all = append(all, describe(d))
			}
			t.Errorf("missing diagnostic %+v; got:\n%s", w, strings.Join(all, "\n---\n"))
		}
	}
	for i, d := range got {
		if !used[i] {
			t.Errorf("unexpected diagnostic:\n%s", describe(d))
		}
		if !strings.Contains(d.Detail(), "Rule: ") || !strings.Contains(d.Detail(), "(source: ") || !strings.Contains(d.Detail(), "Fix: ") {
			t.Errorf("diagnostic lacks rule, source or fix:\n%s", describe(d))
		}
	}
}

func runString(v validator.String, p path.Path, value types.String) diag.Diagnostics {
	resp := &validator.StringResponse{}
	v.ValidateString(context.Background(), validator.StringRequest{Path: p, ConfigValue: value}, resp)
	return resp.Diagnostics
}

// stringCase is one value for a string validator: wantSummary "" means accepted.
type stringCase struct {
	value       string
	wantSummary string
	contains    []string
}

func testStringValidator(t *testing.T, v validator.String, attribute string, cases []stringCase) {
	t.Helper()
	ctx := context.Background()
	if v.Description(ctx) == "" || v.MarkdownDescription(ctx) == "" {
		t.Error("validator has no description")
	}
	for _, tc := range cases {
		t.Run(tc.value, func(t *testing.T) {
			got := runString(v, path.Root(attribute), types.StringValue(tc.value))
			if tc.wantSummary == "" {
				expectDiags(t, got)
				return
			}
			expectDiags(t, got, errAt(attribute, tc.wantSummary, tc.contains...))
		})
	}
	// Null and unknown values are never judged.
	expectDiags(t, runString(v, path.Root(attribute), types.StringNull()))
	expectDiags(t, runString(v, path.Root(attribute), types.StringUnknown()))
}

func str(v string) types.String { return types.StringValue(v) }

func num(v int64) types.Int64 { return types.Int64Value(v) }

func flag(v bool) types.Bool { return types.BoolValue(v) }

var (
	subnetUser  = "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.Network/virtualNetworks/vnet-aks-demo/subnets/snet-user"
	subnetPods  = "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.Network/virtualNetworks/vnet-aks-demo/subnets/snet-pods"
	subnetOther = "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.Network/virtualNetworks/vnet-other/subnets/snet-other"
)

// userPool is a valid Linux user pool with nothing else set (every other field null).
func userPool() Pool {
	return Pool{Name: str("userpool"), VMSize: str("Standard_DS2_v2"), NodeCount: num(3)}
}

func with(p Pool, change func(*Pool)) Pool {
	change(&p)
	return p
}

func embeddedSize(t *testing.T, name string) vmsizes.Size {
	t.Helper()
	s, ok := vmsizes.Embedded().Lookup(context.Background(), "eastus", name)
	if !ok {
		t.Fatalf("%s not in the catalogue", name)
	}
	return s
}

// demoCluster is a cluster as the emulator seeds it: one System pool in the managed VNet.
func demoCluster() Cluster {
	return Cluster{
		KubernetesVersion: "1.33.3",
		LoadBalancerSKU:   "standard",
		NetworkPlugin:     "azure",
		Pools: []ExistingPool{
			{Name: "nodepool1", Mode: "System", OSType: "Linux", VMSetType: VMSetTypeScaleSets, OrchestratorVersion: "1.33.3"},
		},
	}
}

// customVNetCluster has its System pool on a custom subnet of vnet-aks-demo.
func customVNetCluster() Cluster {
	c := demoCluster()
	c.Pools[0].VnetSubnetID = subnetUser
	return c
}

func checkInCluster(p Pool, current *ExistingPool, c Cluster) diag.Diagnostics {
	return CheckPoolInCluster(context.Background(), path.Empty(), p, current, c, nil, "eastus")
}
