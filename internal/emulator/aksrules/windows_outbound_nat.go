package aksrules

import (
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// checkWindowsOutboundNAT: windowsProfile.disableOutboundNat = true needs a Windows pool (the az
// CLI refuses it elsewhere), without node public IPs, in a cluster whose outbound type isn't
// loadBalancer (AgentPoolWindowsProfile doc: "only if the cluster outboundType is NAT Gateway and
// the Windows agent pool does not have node public IP enabled"; nat-gateway.md also allows
// userDefinedRouting) on Kubernetes 1.26 or later (nat-gateway.md prerequisites). The code and
// texts are unverified.
func checkWindowsOutboundNAT(w World, _ string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if p.WindowsProfile == nil || !deref(p.WindowsProfile.DisableOutboundNat) {
		return nil
	}
	const target = "windowsProfile.disableOutboundNat"
	if !equalFoldPtr(p.OSType, armcontainerservice.OSTypeWindows) {
		return badRequest(codeInvalidParameter, target, "DisableOutboundNat can only be set for Windows agent pools.")
	}
	if deref(p.EnableNodePublicIP) {
		return badRequest(codeInvalidParameter, target, "DisableOutboundNat can't be set for an agent pool with node public IP enabled.")
	}
	if outboundType(w) == armcontainerservice.OutboundTypeLoadBalancer {
		return badRequest(codeInvalidParameter, target,
			"DisableOutboundNat can only be set when the cluster's outboundType is managedNATGateway, userAssignedNATGateway or userDefinedRouting, not loadBalancer.")
	}
	if v := controlPlaneVersion(w, w.Cluster); v.major > 0 && compareVersions(v, kubeVersion{major: 1, minor: 26}) < 0 {
		return badRequest(codeInvalidParameter, target, "DisableOutboundNat requires Kubernetes version 1.26 or later; the cluster runs %s.", v)
	}
	return nil
}

// outboundType is the cluster's outbound type, loadBalancer (AKS's default) when unset.
func outboundType(w World) armcontainerservice.OutboundType {
	if w.Cluster == nil || w.Cluster.Properties == nil || w.Cluster.Properties.NetworkProfile == nil || !isSet(w.Cluster.Properties.NetworkProfile.OutboundType) {
		return armcontainerservice.OutboundTypeLoadBalancer
	}
	for _, v := range armcontainerservice.PossibleOutboundTypeValues() {
		if equalFoldPtr(w.Cluster.Properties.NetworkProfile.OutboundType, v) {
			return v
		}
	}
	return *w.Cluster.Properties.NetworkProfile.OutboundType
}
