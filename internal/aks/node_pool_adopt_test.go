package aks

import (
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func TestHoldsWhatWasSent(t *testing.T) {
	subnet := "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/a"
	sent := armcontainerservice.AgentPool{Properties: &armcontainerservice.ManagedClusterAgentPoolProfileProperties{
		Count: to.Ptr[int32](2), VMSize: to.Ptr("Standard_DS2_v2"), VnetSubnetID: to.Ptr(subnet),
		Tags: map[string]*string{"team": to.Ptr("a")}, AvailabilityZones: []*string{to.Ptr("1"), to.Ptr("2")},
	}}
	held := func(change func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties)) armcontainerservice.AgentPool {
		p := *sent.Properties
		p.ProvisioningState = to.Ptr("Creating") // what AKS adds
		p.OSDiskSizeGB = to.Ptr[int32](128)
		p.Tags = map[string]*string{"team": to.Ptr("a")}
		if change != nil {
			change(&p)
		}
		return armcontainerservice.AgentPool{Properties: &p}
	}
	tests := map[string]struct {
		held armcontainerservice.AgentPool
		want bool
	}{
		"what was sent, with AKS's defaults": {held(nil), true},
		"an ID in AKS's letter case": {held(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.VnetSubnetID = to.Ptr(strings.ToUpper(subnet))
		}), true},
		"another count: someone else's pool": {held(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) { p.Count = to.Ptr[int32](3) }), false},
		"another tag value":                  {held(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) { p.Tags["team"] = to.Ptr("b") }), false},
		"a tag missing":                      {held(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) { p.Tags = nil }), false},
		"one zone fewer": {held(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.AvailabilityZones = p.AvailabilityZones[:1]
		}), false},
		"a pool with no properties at all": {armcontainerservice.AgentPool{}, false},
	}
	for name, tc := range tests {
		if got := holdsWhatWasSent(sent, tc.held); got != tc.want {
			t.Errorf("%s: holdsWhatWasSent = %v, want %v", name, got, tc.want)
		}
	}
}
