package rules

import (
	"strings"
	"testing"
)

func TestResourceIDValidators(t *testing.T) {
	cluster := "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/aks-demo"
	subnet := "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.Network/virtualNetworks/vnet-aks-demo/subnets/snet-user"
	testStringValidator(t, ManagedClusterID(), "cluster_id", []stringCase{
		{value: cluster},
		{value: strings.ToLower(cluster)}, // ARM types compare case-insensitively
		{value: subnet, wantSummary: "Invalid Microsoft.ContainerService/managedClusters ID", contains: []string{"Microsoft.Network/virtualNetworks/subnets", "not a Microsoft.ContainerService/managedClusters"}},
		{value: cluster + "/", wantSummary: "Invalid Microsoft.ContainerService/managedClusters ID", contains: []string{"ends with a slash", `write cluster_id = "` + cluster + `"`}},
		{value: cluster + "?api-version=2025-10-01", wantSummary: "Invalid Microsoft.ContainerService/managedClusters ID", contains: []string{"query string", `write cluster_id = "` + cluster + `"`}},
		{value: "aks-demo", wantSummary: "Invalid Microsoft.ContainerService/managedClusters ID", contains: []string{"not an ARM resource ID", "/providers/Microsoft.ContainerService/managedClusters/aks-demo"}},
		{value: "/subscriptions/00000000-0000-4000-8000-000000000002/providers/Microsoft.ContainerService/managedClusters/x", wantSummary: "Invalid Microsoft.ContainerService/managedClusters ID", contains: []string{"no subscription or resource group"}},
	})
	testStringValidator(t, AgentPoolID(), "node_pool_id", []stringCase{
		{value: cluster + "/agentPools/userpool"},
		{value: cluster + "/agentpools/userpool"},
		{value: cluster, wantSummary: "Invalid Microsoft.ContainerService/managedClusters/agentPools ID", contains: []string{"is the ID of a Microsoft.ContainerService/managedClusters, not a Microsoft.ContainerService/managedClusters/agentPools"}},
	})
	testStringValidator(t, SubnetID(), "vnet_subnet_id", []stringCase{
		{value: subnet},
		{value: strings.ToUpper(subnet[:60]) + subnet[60:]},
		{value: subnet + "/", wantSummary: "Invalid Microsoft.Network/virtualNetworks/subnets ID", contains: []string{"ends with a slash"}},
		{value: subnet + "#x", wantSummary: "Invalid Microsoft.Network/virtualNetworks/subnets ID", contains: []string{"fragment"}},
		{value: cluster, wantSummary: "Invalid Microsoft.Network/virtualNetworks/subnets ID"},
		{value: "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.Network/virtualNetworks/vnet-aks-demo", wantSummary: "Invalid Microsoft.Network/virtualNetworks/subnets ID"},
	})
}
