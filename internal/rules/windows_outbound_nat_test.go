package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
)

func windowsNoNAT() Pool {
	return with(userPool(), func(p *Pool) {
		p.Name, p.OSType, p.OSSKU = str("wnp2"), str(OSTypeWindows), str("Windows2022")
		p.WindowsOutboundNATEnabled = flag(false)
	})
}

func TestCheckWindowsOutboundNAT(t *testing.T) {
	expectDiags(t, checkWindowsOutboundNAT(path.Empty(), windowsNoNAT()))
	expectDiags(t, checkWindowsOutboundNAT(path.Empty(), with(userPool(), func(p *Pool) { p.WindowsOutboundNATEnabled = flag(true) })))
	expectDiags(t, checkWindowsOutboundNAT(path.Empty(), with(userPool(), func(p *Pool) { p.WindowsOutboundNATEnabled = flag(false) })),
		errAt("windows_profile.outbound_nat_enabled", "OutboundNAT is a Windows setting", "os_type is Linux"))
	expectDiags(t, checkWindowsOutboundNAT(path.Empty(), with(windowsNoNAT(), func(p *Pool) { p.NodePublicIPEnabled = flag(true) })),
		errAt("windows_profile.outbound_nat_enabled", "OutboundNAT can't be disabled with node public IPs", "node_public_ip_enabled = true"))
}

func TestCheckWindowsOutboundNATCluster(t *testing.T) {
	nat := demoCluster()
	nat.OutboundType = OutboundTypeManagedNATGateway
	udr := demoCluster()
	udr.OutboundType = OutboundTypeUserDefinedRouting
	expectDiags(t, checkWindowsOutboundNATCluster(path.Empty(), windowsNoNAT(), nat))
	expectDiags(t, checkWindowsOutboundNATCluster(path.Empty(), windowsNoNAT(), udr))
	expectDiags(t, checkWindowsOutboundNATCluster(path.Empty(), userPool(), demoCluster()))
	expectDiags(t, checkWindowsOutboundNATCluster(path.Empty(), windowsNoNAT(), demoCluster()),
		errAt("windows_profile.outbound_nat_enabled", "OutboundNAT can't be disabled on a load balancer cluster", "outbound type is loadBalancer", "managedNATGateway"))
	old := nat
	old.KubernetesVersion = "1.25.11"
	expectDiags(t, checkWindowsOutboundNATCluster(path.Empty(), windowsNoNAT(), old),
		errAt("windows_profile.outbound_nat_enabled", "Disabling OutboundNAT needs Kubernetes 1.26 or later", "1.25.11"))
}
