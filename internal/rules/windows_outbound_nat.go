package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// outboundNATDisabled reports whether windows_profile.outbound_nat_enabled is false.
func outboundNATDisabled(p Pool) bool {
	return isSet(p.WindowsOutboundNATEnabled) && !p.WindowsOutboundNATEnabled.ValueBool()
}

// checkWindowsOutboundNAT: OutboundNAT can be disabled only on Windows pools (az aks nodepool
// add refuses --disable-windows-outbound-nat elsewhere), and not on a pool with node public IPs
// (REST API 2025-10-01, AgentPoolWindowsProfile.disableOutboundNat: "the Windows agent pool does
// not have node public IP enabled").
func checkWindowsOutboundNAT(base path.Path, p Pool) diag.Diagnostics {
	if !outboundNATDisabled(p) {
		return nil
	}
	at := base.AtName("windows_profile").AtName("outbound_nat_enabled")
	var diags diag.Diagnostics
	if !anyUnknown(p.OSType) && osType(p) != OSTypeWindows {
		diags.Append(ruleError(at, "OutboundNAT is a Windows setting",
			explain(fmt.Sprintf("%s = false, but the pool's os_type is %s.", shown(at), osType(p)),
				"OutboundNAT can be disabled only on Windows node pools",
				sourceOutboundNAT,
				`set os_type = "Windows", or remove windows_profile.`)))
	}
	if isTrue(p.NodePublicIPEnabled) {
		diags.Append(ruleError(at, "OutboundNAT can't be disabled with node public IPs",
			explain(fmt.Sprintf("%s = false, but %s = true.", shown(at), shown(base.AtName("node_public_ip_enabled"))),
				"OutboundNAT can be disabled only on a Windows pool without node public IPs",
				sourceOutboundNAT,
				"set node_public_ip_enabled = false, or keep OutboundNAT (outbound_nat_enabled = true).")))
	}
	return diags
}

// checkWindowsOutboundNATCluster: disabling OutboundNAT needs a cluster whose outbound type is
// not loadBalancer (the docs: "You can't set cluster outbound type to LoadBalancer. You can set it
// to NAT Gateway or UDR"), and Kubernetes 1.26 or later (its prerequisite).
func checkWindowsOutboundNATCluster(base path.Path, p Pool, c Cluster) diag.Diagnostics {
	if !outboundNATDisabled(p) {
		return nil
	}
	at := base.AtName("windows_profile").AtName("outbound_nat_enabled")
	var diags diag.Diagnostics
	outbound := c.OutboundType
	if outbound == "" {
		outbound = OutboundTypeLoadBalancer // AKS's default
	}
	if strings.EqualFold(outbound, OutboundTypeLoadBalancer) {
		diags.Append(ruleError(at, "OutboundNAT can't be disabled on a load balancer cluster",
			explain(fmt.Sprintf("%s = false, but the cluster's outbound type is %s.", shown(at), outbound),
				"Windows OutboundNAT can be disabled only when the cluster's outbound type is a NAT gateway (managedNATGateway, userAssignedNATGateway) or userDefinedRouting, not loadBalancer",
				sourceOutboundNAT,
				`change the cluster's network_profile.outbound_type (for example to "managedNATGateway"), or keep OutboundNAT (outbound_nat_enabled = true).`)))
	}
	if v, err := ParseVersion(c.KubernetesVersion); err == nil && v.Less(Version{Major: 1, Minor: 26}) {
		diags.Append(ruleError(at, "Disabling OutboundNAT needs Kubernetes 1.26 or later",
			explain(fmt.Sprintf("%s = false, but the cluster runs Kubernetes %s.", shown(at), v),
				"disabling Windows OutboundNAT needs a cluster on Kubernetes 1.26 or later",
				sourceOutboundNAT,
				"upgrade the cluster to 1.26 or later first, or keep OutboundNAT (outbound_nat_enabled = true).")))
	}
	return diags
}
