package aksrules

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

const (
	testSub       = "00000000-0000-4000-8000-000000000002"
	testClusterID = "/subscriptions/" + testSub + "/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/demo"
	testVNet      = "/subscriptions/" + testSub + "/resourceGroups/rg-aks-demo/providers/Microsoft.Network/virtualNetworks/vnet-aks-demo"
	testOtherVNet = "/subscriptions/" + testSub + "/resourceGroups/rg-aks-demo/providers/Microsoft.Network/virtualNetworks/vnet-other"
	snetSystem    = testVNet + "/subnets/snet-system"
	snetUser      = testVNet + "/subnets/snet-user"
	snetPods      = testVNet + "/subnets/snet-pods"
	snetOther     = testOtherVNet + "/subnets/snet-other"
	snetMissing   = testVNet + "/subnets/snet-missing"
)

// testVersions mirrors the emulator's default seed catalogue.
var testVersions = []KubernetesVersion{
	{Version: "1.28.15"},
	{Version: "1.29.15"},
	{Version: "1.30.14"},
	{Version: "1.31.10"}, {Version: "1.31.11"},
	{Version: "1.32.6"}, {Version: "1.32.7"},
	{Version: "1.33.2"}, {Version: "1.33.3", IsDefault: true},
	{Version: "1.34.0", IsPreview: true},
}

// testWorld is a world in eastus with the shared SKU catalogue, the seed's
// versions and VNets, and no cluster.
func testWorld() World {
	subnets := map[string]string{}
	for _, s := range []string{snetSystem, snetUser, snetPods, testVNet + "/subnets/snet-windows"} {
		subnets[strings.ToLower(s)] = testVNet
	}
	subnets[strings.ToLower(snetOther)] = testOtherVNet
	return World{
		Location: "eastus",
		SKU: func(name string) (skudata.SKU, bool) {
			sku, ok := skudata.Lookup(name)
			if ok && restrictedIn(sku, "eastus") {
				return skudata.SKU{}, false
			}
			return sku, ok
		},
		KubernetesVersions: testVersions,
		Subnet: func(id string) (string, bool) {
			v, ok := subnets[strings.ToLower(id)]
			return v, ok
		},
		SubnetPrefixes: func(vnetID string) []string {
			if strings.EqualFold(vnetID, testVNet) {
				return []string{"10.10.0.0/22", "10.10.4.0/22", "10.10.8.0/22", "10.10.12.0/22"}
			}
			return nil
		},
		LatestNodeImage: func(osType, osSKU string) string {
			if strings.EqualFold(osType, "Windows") {
				return "AKSWindows-" + osSKU + "-containerd-20348.2025.1001"
			}
			return "AKS" + osSKU + "-202510.01.0"
		},
	}
}

// newCluster returns a defaulted cluster as a create request would store it,
// after edit has shaped the request.
func newCluster(t *testing.T, edit func(*armcontainerservice.ManagedCluster)) *armcontainerservice.ManagedCluster {
	t.Helper()
	mc := &armcontainerservice.ManagedCluster{
		ID:       to(testClusterID),
		Name:     to("demo"),
		Location: to("eastus"),
		Identity: &armcontainerservice.ManagedClusterIdentity{Type: to(armcontainerservice.ResourceIdentityTypeSystemAssigned)},
		Properties: &armcontainerservice.ManagedClusterProperties{
			DNSPrefix: to("demo"),
			AgentPoolProfiles: []*armcontainerservice.ManagedClusterAgentPoolProfile{
				{Name: to("system"), Mode: to(armcontainerservice.AgentPoolModeSystem), Count: to[int32](1)},
			},
		},
	}
	if edit != nil {
		edit(mc)
	}
	DefaultManagedCluster(testWorld(), nil, mc)
	return mc
}

// worldWith is testWorld holding the cluster and its pools (from its
// inline profiles, as the core stores them).
func worldWith(mc *armcontainerservice.ManagedCluster) World {
	w := testWorld()
	w.Cluster = mc
	for _, p := range mc.Properties.AgentPoolProfiles {
		w.Pools = append(w.Pools, ProfileToAgentPool(testClusterID, p))
	}
	return w
}

// newPool is an agentPools request named name, shaped by edit.
func newPool(name string, edit func(*armcontainerservice.ManagedClusterAgentPoolProfileProperties)) *armcontainerservice.AgentPool {
	ap := &armcontainerservice.AgentPool{
		Name:       to(name),
		ID:         to(testClusterID + "/agentPools/" + name),
		Properties: &armcontainerservice.ManagedClusterAgentPoolProfileProperties{},
	}
	if edit != nil {
		edit(ap.Properties)
	}
	return ap
}

// createdPool is a pool created through the agentPools API in w: defaulted
// and checked; the test fails if the rules refuse it.
func createdPool(t *testing.T, w World, name string, edit func(*armcontainerservice.ManagedClusterAgentPoolProfileProperties)) *armcontainerservice.AgentPool {
	t.Helper()
	ap := newPool(name, edit)
	DefaultAgentPool(w, nil, ap)
	if err := CheckAgentPoolCreate(w, ap); err != nil {
		t.Fatalf("creating pool %s: %v", name, err)
	}
	return ap
}

// wantError asserts the outcome of a rule: nil when code is "", else a 400
// (or status) with that code whose message contains substr.
func wantError(t *testing.T, got *Error, code, substr string) {
	t.Helper()
	wantStatus(t, got, http.StatusBadRequest, code, substr)
}

func wantStatus(t *testing.T, got *Error, status int, code, substr string) {
	t.Helper()
	if code == "" {
		if got != nil {
			t.Fatalf("want accepted, got %v", got)
		}
		return
	}
	if got == nil {
		t.Fatalf("want %d %s containing %q, got accepted", status, code, substr)
	}
	if got.Status != status || got.Code != code || !strings.Contains(got.Message, substr) {
		t.Fatalf("want %d %s containing %q, got %d %s %q", status, code, substr, got.Status, got.Code, got.Message)
	}
}

func mustSKU(t *testing.T, name string) skudata.SKU {
	t.Helper()
	sku, ok := skudata.Lookup(name)
	if !ok {
		t.Fatalf("SKU %s missing from the catalogue", name)
	}
	return sku
}

var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$`)

func check[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}
