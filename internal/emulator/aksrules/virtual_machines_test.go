package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func vmProfile(sizes ...string) *armcontainerservice.VirtualMachinesProfile {
	var manual []*armcontainerservice.ManualScaleProfile
	for _, s := range sizes {
		manual = append(manual, &armcontainerservice.ManualScaleProfile{Size: to(s), Count: to[int32](2)})
	}
	return &armcontainerservice.VirtualMachinesProfile{Scale: &armcontainerservice.ScaleProfile{Manual: manual}}
}

func TestVirtualMachinesPoolRules(t *testing.T) {
	w := worldWith(newCluster(t, nil))
	vm := to(armcontainerservice.AgentPoolTypeVirtualMachines)
	tests := []struct {
		name       string
		edit       func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties)
		code, text string
	}{
		{"official example", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.Type, p.VirtualMachinesProfile = vm, vmProfile("Standard_D2_v2", "Standard_D2_v3")
		}, "", ""},
		{"no manual profile", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) { p.Type = vm }, codeInvalidParameter, "at least one manual scale profile"},
		{"six sizes", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.Type, p.VirtualMachinesProfile = vm, vmProfile("Standard_D2s_v3", "Standard_D4s_v3", "Standard_D8s_v3", "Standard_D16s_v3", "Standard_D32s_v3", "Standard_D2_v3")
		}, codeInvalidParameter, "at most 5 VM sizes"},
		{"a size twice", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.Type, p.VirtualMachinesProfile = vm, vmProfile("Standard_D2s_v3", "standard_d2s_v3")
		}, codeInvalidParameter, "listed only once"},
		{"autoscaler", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.Type, p.VirtualMachinesProfile, p.EnableAutoScaling = vm, vmProfile("Standard_D2s_v3"), to(true)
			p.MinCount, p.MaxCount = to[int32](1), to[int32](3)
		}, codeInvalidParameter, "autoscaler is not supported"},
		{"from a snapshot", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.Type, p.VirtualMachinesProfile = vm, vmProfile("Standard_D2s_v3")
			p.CreationData = &armcontainerservice.CreationData{SourceResourceID: to("/subscriptions/" + testSub + "/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/snapshots/snapshot1")}
		}, codeInvalidParameter, "snapshots are not supported"},
		{"profile on a scale set pool", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.VMSize, p.VirtualMachinesProfile = to("Standard_DS2_v2"), vmProfile("Standard_D2s_v3")
		}, codeInvalidParameter, "only allowed for agent pools of type VirtualMachines"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ap := newPool("vmpool", tt.edit)
			DefaultAgentPool(w, nil, ap)
			wantError(t, CheckAgentPoolCreate(w, ap), tt.code, tt.text)
		})
	}
}

func TestVirtualMachinesPoolUpdate(t *testing.T) {
	w := worldWith(newCluster(t, nil))
	old := createdPool(t, w, "vmpool", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.Type, p.VirtualMachinesProfile = to(armcontainerservice.AgentPoolTypeVirtualMachines), vmProfile("Standard_D2s_v3")
	})
	grown := newPool("vmpool", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.VirtualMachinesProfile = vmProfile("Standard_D2s_v3", "Standard_D4s_v3")
	})
	DefaultAgentPool(w, old, grown)
	wantError(t, CheckAgentPoolUpdate(w, old, grown), "", "")
	check(t, "nodes after the update", len(grown.Properties.VirtualMachineNodesStatus), 2)

	twice := newPool("vmpool", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.VirtualMachinesProfile = vmProfile("Standard_D2s_v3", "Standard_D2s_v3")
	})
	DefaultAgentPool(w, old, twice)
	wantError(t, CheckAgentPoolUpdate(w, old, twice), codeInvalidParameter, "listed only once")
}

func TestOSSKUVersionRanges(t *testing.T) {
	w := worldWith(newCluster(t, nil))
	tests := []struct {
		name, sku, version string
		fips               bool
		code, text         string
	}{
		{"Ubuntu2204 on 1.33", "Ubuntu2204", "1.33.3", false, "", ""},
		{"Ubuntu2404 on 1.31", "Ubuntu2404", "1.31.10", false, codeInvalidParameter, "1.32 to 1.38"},
		{"AzureLinux3 on 1.30", "AzureLinux3", "1.30.14", false, "", ""},
		{"Ubuntu2404 with FIPS", "Ubuntu2404", "1.33.3", true, codeInvalidParameter, "FIPS is not supported"},
		{"unset version: the control plane's", "Ubuntu2204", "", false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ap := newPool("skupool", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
				p.OSSKU = to(armcontainerservice.OSSKU(tt.sku))
				if tt.version != "" {
					p.OrchestratorVersion = to(tt.version)
				}
				p.EnableFIPS = to(tt.fips)
			})
			DefaultAgentPool(w, nil, ap)
			wantError(t, CheckAgentPoolCreate(w, ap), tt.code, tt.text)
		})
	}
}

func TestGatewayPoolRules(t *testing.T) {
	plain := worldWith(newCluster(t, nil))
	egress := worldWith(newCluster(t, func(mc *armcontainerservice.ManagedCluster) {
		mc.Properties.NetworkProfile = &armcontainerservice.NetworkProfile{
			StaticEgressGatewayProfile: &armcontainerservice.ManagedClusterStaticEgressGatewayProfile{Enabled: to(true)},
		}
	}))
	gateway := to(armcontainerservice.AgentPoolModeGateway)
	tests := []struct {
		name       string
		w          World
		edit       func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties)
		code, text string
	}{
		{"two nodes on /31", egress, func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.Mode, p.Count = gateway, to[int32](2)
		}, "", ""},
		{"three nodes on /31", egress, func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.Mode, p.Count = gateway, to[int32](3)
		}, codeInvalidParameter, "more than the 2 addresses"},
		{"four nodes on /30", egress, func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.Mode, p.Count, p.GatewayProfile = gateway, to[int32](4), &armcontainerservice.AgentPoolGatewayProfile{PublicIPPrefixSize: to[int32](30)}
		}, "", ""},
		{"no static egress gateway", plain, func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.Mode, p.Count = gateway, to[int32](2)
		}, codeInvalidParameter, "static egress gateway enabled"},
		{"profile on a User pool", egress, func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.GatewayProfile = &armcontainerservice.AgentPoolGatewayProfile{PublicIPPrefixSize: to[int32](30)}
		}, codeInvalidParameter, "mode is not Gateway"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ap := newPool("gw", tt.edit)
			DefaultAgentPool(tt.w, nil, ap)
			wantError(t, CheckAgentPoolCreate(tt.w, ap), tt.code, tt.text)
		})
	}
}
