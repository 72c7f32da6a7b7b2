package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func TestCheckServiceCIDROutsideSubnets(t *testing.T) {
	inVNet := func(serviceCIDR, dnsServiceIP string) func(*armcontainerservice.ManagedCluster) {
		return func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles[0].VnetSubnetID = to(snetSystem)
			mc.Properties.NetworkProfile = &armcontainerservice.NetworkProfile{
				NetworkPlugin: to(armcontainerservice.NetworkPluginAzure),
				ServiceCidr:   to(serviceCIDR), DNSServiceIP: to(dnsServiceIP),
			}
		}
	}
	tests := []struct {
		name    string
		edit    func(*armcontainerservice.ManagedCluster)
		code    string
		message string
	}{
		{"AKS-managed network", nil, "", ""},
		{"outside the network", inVNet("10.0.0.0/16", "10.0.0.10"), "", ""},
		{"in unused address space of the network", inVNet("10.10.128.0/20", "10.10.128.10"), "", ""},
		{"over the nodes' subnet", inVNet("10.10.0.0/24", "10.10.0.10"), codeServiceCIDROverlap,
			"The specified service CIDR 10.10.0.0/24 is conflicted with an existing subnet CIDR 10.10.0.0/22"},
		{"over another subnet", inVNet("10.10.8.0/24", "10.10.8.10"), codeServiceCIDROverlap, "existing subnet CIDR 10.10.8.0/22"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mc := newCluster(t, tt.edit)
			err := CheckManagedClusterCreate(testWorld(), mc)
			wantError(t, err, tt.code, tt.message)
			if err != nil && err.Target != "networkProfile.serviceCIDR" {
				t.Errorf("target %q, want networkProfile.serviceCIDR", err.Target)
			}
		})
	}
}
