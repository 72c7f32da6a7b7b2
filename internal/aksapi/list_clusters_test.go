package aksapi

import (
	"context"
	"net/http"
	"sort"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func TestListClustersBySubscriptionAndResourceGroup(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	other := ClusterID{SubscriptionID: env.cluster.SubscriptionID, ResourceGroup: "rg-aks-test", Name: "aks-other"}
	mc := armcontainerservice.ManagedCluster{
		Location: to.Ptr("eastus"),
		Identity: &armcontainerservice.ManagedClusterIdentity{Type: to.Ptr(armcontainerservice.ResourceIdentityTypeSystemAssigned)},
		Properties: &armcontainerservice.ManagedClusterProperties{
			DNSPrefix: to.Ptr("aks-other"),
			AgentPoolProfiles: []*armcontainerservice.ManagedClusterAgentPoolProfile{{
				Name: to.Ptr("system"), Count: to.Ptr[int32](1), Mode: to.Ptr(armcontainerservice.AgentPoolModeSystem),
			}},
		},
	}
	if _, err := env.coord.CreateOrUpdateCluster(ctx, other, mc, CreateOnly); err != nil {
		t.Fatal(err)
	}
	env.srv.ResetJournal()

	all, err := env.coord.ListClusters(ctx, env.cluster.SubscriptionID, "")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := listedClusterNames(all), []string{"aks-other", "aks-test"}; !sameStrings(got, want) {
		t.Errorf("clusters of the subscription: got %v, want %v", got, want)
	}
	if n := len(env.calls(http.MethodGet, "/providers/Microsoft.ContainerService/managedClusters")); n != 1 {
		t.Errorf("listing the subscription must be one call, got %d", n)
	}

	inGroup, err := env.coord.ListClusters(ctx, env.cluster.SubscriptionID, "rg-aks-test")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := listedClusterNames(inGroup), []string{"aks-other"}; !sameStrings(got, want) {
		t.Errorf("clusters of rg-aks-test: got %v, want %v", got, want)
	}
	if n := len(env.calls(http.MethodGet, "/resourceGroups/rg-aks-test/providers/Microsoft.ContainerService/managedClusters")); n != 1 {
		t.Errorf("listing a resource group must be one call, got %d", n)
	}

	if _, err := env.coord.ListClusters(ctx, env.cluster.SubscriptionID, "rg-missing"); !IsNotFound(err) {
		t.Errorf("listing a resource group that does not exist: want a not-found error, got %v", err)
	}
}

func listedClusterNames(clusters []*armcontainerservice.ManagedCluster) []string {
	var out []string
	for _, mc := range clusters {
		out = append(out, *mc.Name)
	}
	sort.Strings(out)
	return out
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
