package rules

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckPodSubnetVNet(t *testing.T) {
	tests := []struct {
		name      string
		node, pod types.String
		wants     []want
	}{
		{"same vnet", str(subnetUser), str(subnetPods), nil},
		{"same vnet, other casing", str(subnetUser), str(strings.ToUpper(subnetPods)), nil},
		{"pod subnet alone", types.StringNull(), str(subnetOther), nil},
		{"other vnet", str(subnetUser), str(subnetOther),
			[]want{errAt("pod_subnet_id", "Pod subnet in another virtual network", "rg-aks-demo/vnet-other", "rg-aks-demo/vnet-aks-demo")}},
		{"bad id is the validator's", str(subnetUser), str("nonsense"), nil},
		{"unknown", types.StringUnknown(), str(subnetOther), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := with(userPool(), func(p *Pool) { p.VnetSubnetID, p.PodSubnetID = tt.node, tt.pod })
			expectDiags(t, checkPodSubnetVNet(path.Empty(), p), tt.wants...)
		})
	}
}

func TestCheckSubnetsOneVNet(t *testing.T) {
	tests := []struct {
		name  string
		pool  Pool
		c     Cluster
		wants []want
	}{
		{"same vnet", Pool{Name: str("p"), VnetSubnetID: str(subnetPods)}, customVNetCluster(), nil},
		{"node subnet in another vnet", Pool{Name: str("p"), VnetSubnetID: str(subnetOther)}, customVNetCluster(),
			[]want{errAt("vnet_subnet_id", "Subnet in another virtual network than the cluster's pools",
				"rg-aks-demo/vnet-other", `node pool "nodepool1" uses rg-aks-demo/vnet-aks-demo`, "choose a subnet of rg-aks-demo/vnet-aks-demo")}},
		{"pod subnet in another vnet", Pool{Name: str("p"), VnetSubnetID: str(subnetUser), PodSubnetID: str(subnetOther)}, customVNetCluster(),
			[]want{errAt("pod_subnet_id", "Subnet in another virtual network than the cluster's pools")}},
		{"others' pod subnets count too", Pool{Name: str("p"), VnetSubnetID: str(subnetOther)}, func() Cluster {
			c := demoCluster()
			c.Pools[0].PodSubnetID = subnetPods
			return c
		}(), []want{errAt("vnet_subnet_id", "Subnet in another virtual network than the cluster's pools")}},
		{"no custom subnets anywhere", userPool(), demoCluster(), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectDiags(t, checkSubnetsOneVNet(path.Empty(), tt.pool, otherPools(tt.pool, nil, tt.c)), tt.wants...)
		})
	}
}

func TestCheckSubnetMixing(t *testing.T) {
	tests := []struct {
		name  string
		pool  Pool
		c     Cluster
		wants []want
	}{
		{"custom subnet joining managed pools", Pool{Name: str("p"), VnetSubnetID: str(subnetUser)}, demoCluster(),
			[]want{errAt("vnet_subnet_id", "Custom subnet in a cluster that uses the managed virtual network", `node pool "nodepool1" uses the virtual network AKS manages`, "remove vnet_subnet_id")}},
		// AKS gives the pool the cluster's subnet (the guide's az aks nodepool add without a subnet).
		{"no subnet joining custom subnets", Pool{Name: str("p")}, customVNetCluster(), nil},
		{"managed with managed", Pool{Name: str("p")}, demoCluster(), nil},
		{"custom with custom", Pool{Name: str("p"), VnetSubnetID: str(subnetPods)}, customVNetCluster(), nil},
		{"unknown subnet", Pool{Name: str("p"), VnetSubnetID: types.StringUnknown()}, customVNetCluster(), nil},
		{"first pool", Pool{Name: str("p"), VnetSubnetID: str(subnetUser)}, Cluster{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectDiags(t, checkSubnetMixing(path.Empty(), tt.pool, otherPools(tt.pool, nil, tt.c)), tt.wants...)
		})
	}
}

func TestCheckPodSubnetNetworkPlugin(t *testing.T) {
	p := Pool{Name: str("p"), VnetSubnetID: str(subnetUser), PodSubnetID: str(subnetPods)}
	c := customVNetCluster()
	expectDiags(t, checkPodSubnetNetworkPlugin(path.Empty(), p, c))
	c.NetworkPlugin = "Kubenet"
	expectDiags(t, checkPodSubnetNetworkPlugin(path.Empty(), p, c), errAt("pod_subnet_id", "Pod subnets need Azure CNI", "kubenet"))
	expectDiags(t, checkPodSubnetNetworkPlugin(path.Empty(), Pool{Name: str("p")}, c))
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

func TestCheckPodSubnetDistinct(t *testing.T) {
	same := with(userPool(), func(p *Pool) { p.VnetSubnetID, p.PodSubnetID = str(subnetUser), str(strings.ToUpper(subnetUser)) })
	expectDiags(t, checkPodSubnetDistinct(path.Empty(), same), errAt("pod_subnet_id", "Pod subnet is the node subnet", "another subnet of rg-aks-demo/vnet-aks-demo"))
	distinct := with(userPool(), func(p *Pool) { p.VnetSubnetID, p.PodSubnetID = str(subnetUser), str(subnetPods) })
	expectDiags(t, checkPodSubnetDistinct(path.Empty(), distinct))
}

func TestVNetNameNamesAnotherSubscription(t *testing.T) {
	other := strings.Replace(subnetUser, "00000000-0000-4000-8000-000000000002", "00000000-0000-4000-8000-0000000000aa", 1)
	p := Pool{Name: str("p"), VnetSubnetID: str(other)}
	expectDiags(t, checkSubnetsOneVNet(path.Empty(), p, otherPools(p, nil, customVNetCluster())),
		errAt("vnet_subnet_id", "Subnet in another virtual network than the cluster's pools",
			"rg-aks-demo/vnet-aks-demo of subscription 00000000-0000-4000-8000-0000000000aa", "uses rg-aks-demo/vnet-aks-demo of subscription 00000000-0000-4000-8000-000000000002"))
}
