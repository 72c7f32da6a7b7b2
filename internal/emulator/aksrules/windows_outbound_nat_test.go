package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func noOutboundNAT(p *poolProperties) {
	p.WindowsProfile = &armcontainerservice.AgentPoolWindowsProfile{DisableOutboundNat: to(true)}
}

// natCluster is a cluster with a Windows profile and the given outbound type.
func natCluster(t *testing.T, outbound armcontainerservice.OutboundType, version string) World {
	return worldWith(newCluster(t, func(mc *armcontainerservice.ManagedCluster) {
		mc.Properties.KubernetesVersion = to(version)
		mc.Properties.WindowsProfile = &armcontainerservice.ManagedClusterWindowsProfile{AdminUsername: to("azureuser"), AdminPassword: to("Emulator-Only-Passw0rd!")}
		mc.Properties.NetworkProfile = &armcontainerservice.NetworkProfile{NetworkPlugin: to(armcontainerservice.NetworkPluginAzure), OutboundType: to(outbound)}
	}))
}

func TestCheckWindowsOutboundNAT(t *testing.T) {
	nat := natCluster(t, armcontainerservice.OutboundTypeManagedNATGateway, "1.33.3")
	udr := natCluster(t, armcontainerservice.OutboundTypeUserDefinedRouting, "1.33.3")
	lb := natCluster(t, armcontainerservice.OutboundTypeLoadBalancer, "1.33.3")
	old := natCluster(t, armcontainerservice.OutboundTypeManagedNATGateway, "1.25")
	win := both(windows, noOutboundNAT)
	tests := []struct {
		name, code, msg string
		w               World
		edit            func(*poolProperties)
	}{
		{"OutboundNAT kept on a load balancer cluster", "", "", lb, windows},
		{"disabled on a NAT gateway cluster", "", "", nat, win},
		{"disabled with user-defined routing", "", "", udr, win},
		{"disabled on a load balancer cluster", codeInvalidParameter, "not loadBalancer", lb, win},
		{"disabled on Linux", codeInvalidParameter, "only be set for Windows agent pools", nat, noOutboundNAT},
		{"disabled with node public IPs", codeInvalidParameter, "node public IP enabled", nat, both(win, func(p *poolProperties) { p.EnableNodePublicIP = to(true) })},
		{"disabled before 1.26", codeInvalidParameter, "1.26 or later", old, win},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkWindowsOutboundNAT(tt.w, "wnp2", props(tt.edit)), tt.code, tt.msg)
		})
	}
}

// Microsoft's AgentPoolsCreate_WindowsDisableOutboundNAT example (with an offered version) is
// accepted in a cluster with a Windows profile and a NAT gateway, and refused with a load balancer.
func TestWindowsDisableOutboundNATExample(t *testing.T) {
	example := func(p *poolProperties) {
		p.OrchestratorVersion, p.Count, p.VMSize = to("1.33.3"), to[int32](3), to("Standard_D4s_v3")
		p.OSType, p.OSSKU = to(armcontainerservice.OSTypeWindows), to(armcontainerservice.OSSKUWindows2022)
		noOutboundNAT(p)
	}
	createdPool(t, natCluster(t, armcontainerservice.OutboundTypeManagedNATGateway, "1.33.3"), "wnp2", example)
	lb := natCluster(t, armcontainerservice.OutboundTypeLoadBalancer, "1.33.3")
	ap := newPool("wnp2", example)
	DefaultAgentPool(lb, nil, ap)
	wantError(t, CheckAgentPoolCreate(lb, ap), codeInvalidParameter, "not loadBalancer")
}
