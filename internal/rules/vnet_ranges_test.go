package rules

import (
	"net/netip"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// seedVNet is the emulator seed's vnet-aks-demo: 10.10.0.0/16 with four /22 subnets, the nodes
// in snet-system.
func seedVNet() VirtualNetwork {
	p := netip.MustParsePrefix
	return VirtualNetwork{
		ID:           "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-aks-demo",
		AddressSpace: []netip.Prefix{p("10.10.0.0/16")},
		Subnets: map[string][]netip.Prefix{
			"snet-system": {p("10.10.0.0/22")}, "snet-user": {p("10.10.4.0/22")}, "snet-pods": {p("10.10.8.0/22")},
		},
		NodeSubnet: "snet-system",
	}
}

func TestCheckCIDRsOutsideVirtualNetwork(t *testing.T) {
	cases := []struct {
		name             string
		service, podCIDR string
		want             []want
	}{
		{"both outside", "10.0.0.0/16", "10.244.0.0/16", nil},
		{"unset", "", "", nil},
		{"service over several subnets", "10.10.0.0/20", "10.244.0.0/16",
			[]want{errAt("network_profile.service_cidr", "Service CIDR overlaps a subnet of the cluster's virtual network", "snet-pods (10.10.8.0/22)", "ServiceCidrOverlapExistingSubnetsCidr", "Fix:")}},
		{"service over another subnet", "10.10.4.0/24", "",
			[]want{errAt("network_profile.service_cidr", "Service CIDR overlaps a subnet of the cluster's virtual network", "snet-user")}},
		{"service containing the whole network", "10.0.0.0/8", "",
			[]want{errAt("network_profile.service_cidr", "Service CIDR overlaps a subnet of the cluster's virtual network")}},
		{"service in free address space", "10.10.128.0/20", "",
			[]want{warnAt("network_profile.service_cidr", "Service CIDR inside the cluster's virtual network", "no subnet uses it")}},
		{"pods over the nodes' subnet", "", "10.10.0.0/16",
			[]want{errAt("network_profile.pod_cidr", "Pod CIDR overlaps the cluster's subnet", "snet-system (10.10.0.0/22)", "azure-cni-overlay")}},
		{"pods over another subnet only", "", "10.10.4.0/22",
			[]want{warnAt("network_profile.pod_cidr", "Pod CIDR inside the cluster's virtual network")}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ClusterConfig{ServiceCIDR: types.StringNull(), PodCIDR: types.StringNull()}
			if tc.service != "" {
				c.ServiceCIDR = types.StringValue(tc.service)
			}
			if tc.podCIDR != "" {
				c.PodCIDR = types.StringValue(tc.podCIDR)
			}
			expectDiags(t, CheckCIDRsOutsideVirtualNetwork(c, seedVNet()), tc.want...)
		})
	}
}
