package aksrules

import (
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func subnet(id string) func(*poolProperties) {
	return func(p *poolProperties) { p.VnetSubnetID = to(id) }
}

func podSubnet(id string) func(*poolProperties) {
	return func(p *poolProperties) { p.PodSubnetID = to(id) }
}

func TestCheckPoolSubnets(t *testing.T) {
	w := testWorld()
	custom := []*armcontainerservice.AgentPool{newPool("system", subnet(snetSystem))}
	managed := []*armcontainerservice.AgentPool{newPool("system", nil)}
	tests := []struct {
		name    string
		p       *armcontainerservice.ManagedClusterAgentPoolProfileProperties
		others  []*armcontainerservice.AgentPool
		code    string
		message string
	}{
		{"first pool, managed", props(nil), nil, "", ""},
		{"first pool, custom", props(subnet(snetSystem)), nil, "", ""},
		{"another subnet of the same vnet (any case)", props(subnet(strings.ToUpper(snetUser))), custom, "", ""},
		{"pod subnet in the same vnet", props(both(subnet(snetUser), podSubnet(snetPods))), custom, "", ""},
		{"managed next to managed", props(nil), managed, "", ""},
		{"subnet doesn't exist", props(subnet(snetMissing)), nil, codeSubnetNotFound,
			"Could not find subnet snet-missing in vnet vnet-aks-demo from resource group rg-aks-demo of subscription " + testSub + "."},
		{"not a subnet ID", props(subnet("/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v")), nil, codeInvalidParameter,
			"is not a valid subnet resource ID"},
		{"pod subnet doesn't exist", props(both(subnet(snetUser), podSubnet(snetMissing))), nil, codeSubnetNotFound, "Could not find subnet snet-missing"},
		{"pod subnet without node subnet", props(podSubnet(snetPods)), nil, codeInvalidParameter, "sets podSubnetID but not vnetSubnetID"},
		{"pod subnet in another vnet", props(both(subnet(snetUser), podSubnet(snetOther))), nil, codeInvalidParameter,
			"Pod and node subnets must belong to the same virtual network"},
		{"subnet in another vnet than the cluster's pools", props(subnet(snetOther)), custom, codeInvalidParameter,
			"All subnets assigned to the node pools of a cluster must belong to the same virtual network."},
		{"custom next to managed", props(subnet(snetUser)), managed, codeInvalidParameter,
			"Cannot use a custom subnet because agent pool system is using a managed subnet. Please omit the vnetSubnetID parameter from the request."},
		{"managed next to custom", props(nil), custom, codeInvalidParameter,
			"Cannot use a managed subnet because agent pool system is using a custom subnet."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkPoolSubnets(w, "pool", tt.p, tt.others), tt.code, tt.message)
		})
	}
}

func TestCheckMaxPods(t *testing.T) {
	maxPods := func(n int32) func(*poolProperties) { return func(p *poolProperties) { p.MaxPods = to(n) } }
	tests := []struct {
		name, code string
		p          *armcontainerservice.ManagedClusterAgentPoolProfileProperties
	}{
		{"unset", "", props(nil)},
		{"minimum", "", props(maxPods(10))},
		{"maximum", "", props(maxPods(250))},
		{"below", codeInvalidParameter, props(maxPods(9))},
		{"above", codeInvalidParameter, props(maxPods(251))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkMaxPods(tt.p), tt.code, "The value of parameter maxPods is invalid")
		})
	}
}

func TestCheckMultiplePools(t *testing.T) {
	standard := newCluster(t, nil)
	basic := newCluster(t, func(mc *armcontainerservice.ManagedCluster) {
		mc.Properties.NetworkProfile = &armcontainerservice.NetworkProfile{LoadBalancerSKU: to(armcontainerservice.LoadBalancerSKUBasic)}
	})
	availabilitySet := func(p *poolProperties) { p.Type = to(armcontainerservice.AgentPoolTypeAvailabilitySet) }
	one := []*armcontainerservice.AgentPool{newPool("system", system)}
	tests := []struct {
		name, code, message string
		mc                  *armcontainerservice.ManagedCluster
		p                   *armcontainerservice.ManagedClusterAgentPoolProfileProperties
		others              []*armcontainerservice.AgentPool
	}{
		{"second scale-set pool, standard LB", "", "", standard, props(nil), one},
		{"only pool on a basic LB", "", "", basic, props(nil), nil},
		{"only pool in an availability set", "", "", standard, props(availabilitySet), nil},
		{"second pool on a basic LB", codeInvalidParameter, "Multiple agent pools require the Standard load balancer", basic, props(nil), one},
		{"second pool in an availability set", codeAgentPoolAPIsUnsupported,
			"AgentPool APIs supported only for clusters with VMSS agentpools. For more information, please check https://aka.ms/multiagentpoollimitations",
			standard, props(availabilitySet), one},
		{"second pool next to an availability set", codeAgentPoolAPIsUnsupported, "supported only for clusters with VMSS agentpools",
			standard, props(nil), []*armcontainerservice.AgentPool{newPool("system", availabilitySet)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkMultiplePools(tt.mc, tt.p, tt.others), tt.code, tt.message)
		})
	}
}

func TestCheckVMSizeAvailable(t *testing.T) {
	w := testWorld()
	size := func(s string) func(*poolProperties) { return func(p *poolProperties) { p.VMSize = to(s) } }
	tests := []struct {
		name, code, message string
		p                   *armcontainerservice.ManagedClusterAgentPoolProfileProperties
	}{
		{"offered", "", "", props(size("Standard_D4s_v3"))},
		{"any case", "", "", props(size("standard_ds2_v2"))},
		{"unset", "", "", props(nil)},
		{"unknown size", codeInvalidParameter,
			"The requested VM size Standard_Imaginary_v9 is not available in the current region. The sizes available in the current region are: ", props(size("Standard_Imaginary_v9"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := checkVMSizeAvailable(w, tt.p)
			wantError(t, got, tt.code, tt.message)
			if got != nil && (got.Target != "vmSize" || !strings.Contains(got.Message, "Standard_DS2_v2")) {
				t.Fatalf("want target vmSize and the offered sizes listed, got %q %q", got.Target, got.Message)
			}
		})
	}
}

func TestLookupSKURestrictedLocation(t *testing.T) {
	// Standard_A0 carries a Location restriction for westcentralus in the capture.
	w := World{Location: "westcentralus"}
	if _, ok := lookupSKU(w, "Standard_A0"); ok {
		t.Fatal("Standard_A0 is restricted in westcentralus but was offered")
	}
	w.Location = "eastus"
	if _, ok := lookupSKU(w, "Standard_A0"); !ok {
		t.Fatal("Standard_A0 is not restricted in eastus but was refused")
	}
}
