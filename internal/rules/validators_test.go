package rules

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestNodePoolName(t *testing.T) {
	testStringValidator(t, NodePoolName(), "name", []stringCase{
		{value: "a"},
		{value: "mynodepool"},
		{value: "userpool1234"}, // 12
		{value: "", wantSummary: "Invalid node pool name", contains: []string{"name is empty"}},
		{value: "1pool", wantSummary: "Invalid node pool name", contains: []string{`starts with "1"`, "lowercase letter"}},
		{value: "Pool", wantSummary: "Invalid node pool name", contains: []string{`starts with "P"`}},
		{value: "my-pool", wantSummary: "Invalid node pool name", contains: []string{`contains "-"`}},
		{value: "myPool", wantSummary: "Invalid node pool name", contains: []string{`contains "P"`}},
		{value: "userpool12345"}, // the length depends on os_type: CheckPool's
	})
}

func TestNodeLabelKey(t *testing.T) {
	testStringValidator(t, NodeLabelKey(), "node_labels", []stringCase{
		{value: "team"},
		{value: "example.com/team"},
		{value: "app.kubernetes.io/name"},
		{value: "a_b.c-d"},
		{value: strings.Repeat("k", 63)},
		{value: strings.Repeat("k", 64), wantSummary: "Invalid node label key", contains: []string{"64 characters", "maximum is 63"}},
		{value: "-team", wantSummary: "Invalid node label key", contains: []string{"start and end with a letter or digit"}},
		{value: "team-", wantSummary: "Invalid node label key"},
		{value: "a/b/c", wantSummary: "Invalid node label key", contains: []string{"more than one '/'"}},
		{value: "/team", wantSummary: "Invalid node label key", contains: []string{"prefix before '/' is empty"}},
		{value: "Example.com/team", wantSummary: "Invalid node label key", contains: []string{"not a DNS subdomain"}},
		{value: strings.Repeat("a", 254) + "/team", wantSummary: "Invalid node label key", contains: []string{"254 characters", "maximum is 253"}},
		{value: "example.com/", wantSummary: "Invalid node label key", contains: []string{"name part is empty"}},
		{value: "team name", wantSummary: "Invalid node label key"},
		{value: "kubernetes.azure.com/mode", wantSummary: "Reserved node label key", contains: []string{"kubernetes.azure.com/", `"example.com/mode"`}},
		{value: "Kubernetes.Azure.Com/mode", wantSummary: "Invalid node label key"}, // an uppercase prefix is not a DNS subdomain at all
	})
}

func TestNodeLabelValue(t *testing.T) {
	testStringValidator(t, NodeLabelValue(), "node_labels", []stringCase{
		{value: ""},
		{value: "IT"},
		{value: "v1.2_3-a"},
		{value: strings.Repeat("v", 63)},
		{value: strings.Repeat("v", 64), wantSummary: "Invalid node label value", contains: []string{"64 characters"}},
		{value: "-v", wantSummary: "Invalid node label value", contains: []string{"start and end with a letter or digit"}},
		{value: "a b", wantSummary: "Invalid node label value"},
		{value: "a/b", wantSummary: "Invalid node label value"},
	})
}

func TestNodeTaint(t *testing.T) {
	testStringValidator(t, NodeTaint(), "node_taints", []stringCase{
		{value: "dedicated=gpu:NoSchedule"},
		{value: "sku=gpu:PreferNoSchedule"},
		{value: "CriticalAddonsOnly=true:NoExecute"},
		{value: "example.com/dedicated=gpu:NoSchedule"},
		// Kubernetes taints may have an empty value; AKS passes them to kubelet as is.
		{value: "dedicated:NoSchedule"},
		{value: "dedicated=:NoSchedule"},
		{value: "dedicated=gpu", wantSummary: "Invalid node taint", contains: []string{`no ":Effect" part`, `"dedicated=gpu:NoSchedule"`}},
		{value: "dedicated=gpu:noschedule", wantSummary: "Invalid node taint", contains: []string{`effect "noschedule"`, "NoSchedule, PreferNoSchedule, NoExecute"}},
		{value: "dedicated=gpu:Never", wantSummary: "Invalid node taint"},
		{value: "=gpu:NoSchedule", wantSummary: "Invalid node taint", contains: []string{"name part is empty"}},
		{value: "-key=gpu:NoSchedule", wantSummary: "Invalid node taint", contains: []string{`key "-key"`}},
		{value: "key=gp u:NoSchedule", wantSummary: "Invalid node taint", contains: []string{`value "gp u"`}},
		{value: "key=" + strings.Repeat("v", 64) + ":NoSchedule", wantSummary: "Invalid node taint", contains: []string{"64 characters"}},
		{value: "a/b/c=v:NoSchedule", wantSummary: "Invalid node taint", contains: []string{"more than one '/'"}},
	})
}

func TestParseTaint(t *testing.T) {
	got, err := ParseTaint("example.com/dedicated=gpu:NoSchedule")
	if err != nil || got != (Taint{Key: "example.com/dedicated", Value: "gpu", Effect: "NoSchedule"}) {
		t.Errorf("ParseTaint = %+v, %v", got, err)
	}
	got, err = ParseTaint("dedicated:NoExecute")
	if err != nil || got != (Taint{Key: "dedicated", Effect: "NoExecute"}) {
		t.Errorf("ParseTaint without value = %+v, %v", got, err)
	}
}

func taintList(values ...string) types.List {
	elems := make([]attr.Value, len(values))
	for i, v := range values {
		elems[i] = types.StringValue(v)
	}
	return types.ListValueMust(types.StringType, elems)
}

func runList(v validator.List, value types.List) diag.Diagnostics {
	resp := &validator.ListResponse{}
	v.ValidateList(context.Background(), validator.ListRequest{Path: path.Root("node_taints"), ConfigValue: value}, resp)
	return resp.Diagnostics
}

func TestUniqueNodeTaints(t *testing.T) {
	v := UniqueNodeTaints()
	if v.Description(context.Background()) == "" || v.MarkdownDescription(context.Background()) == "" {
		t.Error("no description")
	}
	expectDiags(t, runList(v, taintList("a=1:NoSchedule", "a=1:NoExecute", "b=1:NoSchedule")))
	expectDiags(t, runList(v, taintList("a=1:NoSchedule", "bad", "a=2:NoSchedule")),
		errAt("node_taints[2]", "Duplicate node taint", `"a=1:NoSchedule" and "a=2:NoSchedule"`, `key "a" and effect NoSchedule`))
	withUnknown := types.ListValueMust(types.StringType, []attr.Value{types.StringValue("a=1:NoSchedule"), types.StringUnknown(), types.StringValue("a:NoSchedule")})
	expectDiags(t, runList(v, withUnknown), errAt("node_taints[2]", "Duplicate node taint"))
	expectDiags(t, runList(v, types.ListNull(types.StringType)))
	expectDiags(t, runList(v, types.ListUnknown(types.StringType)))
}

func TestResourceIDValidators(t *testing.T) {
	cluster := "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/aks-demo"
	subnet := "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.Network/virtualNetworks/vnet-aks-demo/subnets/snet-user"
	testStringValidator(t, ManagedClusterID(), "cluster_id", []stringCase{
		{value: cluster},
		{value: strings.ToLower(cluster)}, // ARM types compare case-insensitively
		{value: subnet, wantSummary: "Invalid Microsoft.ContainerService/managedClusters ID", contains: []string{"Microsoft.Network/virtualNetworks/subnets", "not a Microsoft.ContainerService/managedClusters"}},
		{value: "aks-demo", wantSummary: "Invalid Microsoft.ContainerService/managedClusters ID", contains: []string{"not an ARM resource ID", "/providers/Microsoft.ContainerService/managedClusters/aks-demo"}},
		{value: "/subscriptions/00000000-0000-4000-8000-000000000002/providers/Microsoft.ContainerService/managedClusters/x", wantSummary: "Invalid Microsoft.ContainerService/managedClusters ID", contains: []string{"no subscription or resource group"}},
	})
	testStringValidator(t, SubnetID(), "vnet_subnet_id", []stringCase{
		{value: subnet},
		{value: strings.ToUpper(subnet[:60]) + subnet[60:]},
		{value: cluster, wantSummary: "Invalid Microsoft.Network/virtualNetworks/subnets ID"},
		{value: "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.Network/virtualNetworks/vnet-aks-demo", wantSummary: "Invalid Microsoft.Network/virtualNetworks/subnets ID"},
	})
}

func TestVirtualNetworkOf(t *testing.T) {
	a := "/subscriptions/S/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/VNet-A/subnets/one"
	b := "/subscriptions/s/resourcegroups/rg/providers/microsoft.network/virtualnetworks/vnet-a/subnets/two"
	va, ok1 := VirtualNetworkOf(a)
	vb, ok2 := VirtualNetworkOf(b)
	if !ok1 || !ok2 || va != vb {
		t.Errorf("VNets of %q and %q = %q, %q; want equal (case-insensitive)", a, b, va, vb)
	}
	if _, ok := VirtualNetworkOf("/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c"); ok {
		t.Error("a cluster ID has no virtual network")
	}
	if got := vnetName(a); got != "RG/VNet-A" {
		t.Errorf("vnetName = %q", got)
	}
	if got := vnetName("nonsense"); got != "nonsense" {
		t.Errorf("vnetName of a bad ID = %q", got)
	}
}

func TestMaxSurgeAndMaxUnavailable(t *testing.T) {
	testStringValidator(t, MaxSurge(), "upgrade_settings.max_surge", []stringCase{
		{value: "1"},
		{value: "0"},
		{value: "33%"},
		{value: "100%"},
		{value: "101%", wantSummary: "Invalid upgrade setting max_surge", contains: []string{"more than 100%"}},
		{value: "-1", wantSummary: "Invalid upgrade setting max_surge", contains: []string{"neither a whole number of nodes nor a percentage"}},
		{value: "1.5", wantSummary: "Invalid upgrade setting max_surge"},
		{value: "01", wantSummary: "Invalid upgrade setting max_surge"},
		{value: "%", wantSummary: "Invalid upgrade setting max_surge"},
		{value: "ten", wantSummary: "Invalid upgrade setting max_surge", contains: []string{`upgrade_settings.max_surge = "ten"`}},
	})
	testStringValidator(t, MaxUnavailable(), "upgrade_settings.max_unavailable", []stringCase{
		{value: "5%"},
		{value: "2"},
		{value: "5 %", wantSummary: "Invalid upgrade setting max_unavailable"},
	})
}

func runFloat(v validator.Float64, value types.Float64) diag.Diagnostics {
	resp := &validator.Float64Response{}
	v.ValidateFloat64(context.Background(), validator.Float64Request{Path: path.Root("spot_max_price"), ConfigValue: value}, resp)
	return resp.Diagnostics
}

func TestSpotMaxPrice(t *testing.T) {
	v := SpotMaxPrice()
	if v.Description(context.Background()) == "" || v.MarkdownDescription(context.Background()) == "" {
		t.Error("no description")
	}
	for _, ok := range []float64{-1, 0.00001, 0.5, 12.34567, 100} {
		expectDiags(t, runFloat(v, types.Float64Value(ok)))
	}
	expectDiags(t, runFloat(v, types.Float64Value(0)), errAt("spot_max_price", "Invalid Spot maximum price", "spot_max_price = 0 is neither -1 nor above 0"))
	expectDiags(t, runFloat(v, types.Float64Value(-2)), errAt("spot_max_price", "Invalid Spot maximum price", "-2 is neither"))
	expectDiags(t, runFloat(v, types.Float64Value(0.000001)), errAt("spot_max_price", "Invalid Spot maximum price", "has 6 decimals"))
	expectDiags(t, runFloat(v, types.Float64Null()))
	expectDiags(t, runFloat(v, types.Float64Unknown()))
}

func TestMaxPods(t *testing.T) {
	v := MaxPods()
	run := func(n int64) diag.Diagnostics {
		resp := &validator.Int64Response{}
		v.ValidateInt64(context.Background(), validator.Int64Request{Path: path.Root("max_pods"), ConfigValue: types.Int64Value(n)}, resp)
		return resp.Diagnostics
	}
	for _, n := range []int64{10, 110, 250} {
		if d := run(n); d.HasError() {
			t.Errorf("max_pods = %d refused: %v", n, d)
		}
	}
	for _, n := range []int64{9, 251} {
		if d := run(n); !d.HasError() {
			t.Errorf("max_pods = %d accepted", n)
		}
	}
}

func TestClusterName(t *testing.T) {
	testStringValidator(t, ClusterName(), "name", []stringCase{
		{value: "a"},
		{value: "aks-demo"},
		{value: "aks_demo_01"},
		{value: strings.Repeat("a", 63)},
		{value: strings.Repeat("a", 64), wantSummary: "Invalid cluster name"},
		{value: "-aks", wantSummary: "Invalid cluster name", contains: []string{`name = "-aks"`}},
		{value: "aks.demo", wantSummary: "Invalid cluster name"},
		{value: "aks-", wantSummary: "Invalid cluster name"},
		{value: "my-windows-cluster", wantSummary: "Reserved word in cluster name", contains: []string{"WINDOWS"}},
		{value: "MicrosoftAks", wantSummary: "Reserved word in cluster name", contains: []string{"MICROSOFT"}},
		{value: "azure", wantSummary: "Reserved word in cluster name", contains: []string{"AZURE"}},
		{value: "loginaks", wantSummary: "Reserved word in cluster name", contains: []string{"LOGIN (at the start)"}},
		{value: "aks-login"},
		{value: "azure-aks"},
	})
}

func TestDNSPrefix(t *testing.T) {
	testStringValidator(t, DNSPrefix(), "dns_prefix", []stringCase{
		{value: "a"},
		{value: "aks-demo"},
		{value: "2ndcluster"},
		{value: strings.Repeat("a", 54)},
		{value: strings.Repeat("a", 55), wantSummary: "Invalid DNS prefix"},
		{value: "aks_demo", wantSummary: "Invalid DNS prefix", contains: []string{`dns_prefix = "aks_demo"`, "1-54"}},
		{value: "aks-", wantSummary: "Invalid DNS prefix"},
		{value: "aks.demo", wantSummary: "Invalid DNS prefix"},
	})
}

func TestValidatorsReportNestedPaths(t *testing.T) {
	p := path.Root("default_node_pool").AtName("name")
	d := runString(NodePoolName(), p, types.StringValue("Bad"))
	expectDiags(t, d, errAt("default_node_pool.name", "Invalid node pool name", `default_node_pool.name = "Bad"`))
}
