package rules

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// checkNetworkProfile: the network plugin, its mode, the policy engine and the dataplane must be a
// combination AKS offers; the pod CIDR is only for overlay or kubenet; the DNS service IP lies in
// the service CIDR and is not its first address; the pod and service CIDRs don't overlap. A Basic
// load balancer gets a warning.
func checkNetworkProfile(c ClusterConfig) diag.Diagnostics {
	var diags diag.Diagnostics
	diags.Append(checkOverlayPlugin(c)...)
	diags.Append(checkPodCIDRPlugin(c)...)
	diags.Append(checkCiliumPolicyDataplane(c)...)
	diags.Append(checkCiliumDataplanePlugin(c)...)
	diags.Append(checkAzurePolicyPlugin(c)...)
	diags.Append(checkServiceAddresses(c)...)
	diags.Append(checkBasicLoadBalancer(c)...)
	return diags
}

// networkPlugin is network_plugin, "" when unset; known is false when it is known only at apply.
func networkPlugin(c ClusterConfig) (plugin string, known bool) {
	return stringOr(c.NetworkPlugin, ""), !c.NetworkPlugin.IsUnknown()
}

// checkOverlayPlugin: overlay is a mode of Azure CNI.
func checkOverlayPlugin(c ClusterConfig) diag.Diagnostics {
	plugin, pluginKnown := networkPlugin(c)
	if !pluginKnown || !isSet(c.NetworkPluginMode) || c.NetworkPluginMode.ValueString() != NetworkPluginModeOverlay || plugin == "" || plugin == NetworkPluginAzure {
		return nil
	}
	at := path.Root("network_profile").AtName("network_plugin_mode")
	return diag.Diagnostics{ruleError(at, "Overlay mode needs the Azure CNI plugin",
		explain(fmt.Sprintf(`%s = %q with network_plugin = %q.`, shown(at), NetworkPluginModeOverlay, plugin),
			"network_plugin_mode overlay is a mode of Azure CNI",
			sourceOverlay,
			fmt.Sprintf(`set network_plugin = %q, or remove %s.`, NetworkPluginAzure, shown(at))))}
}

// checkPodCIDRPlugin: pods take addresses from the pod CIDR only with kubenet or Azure CNI Overlay.
func checkPodCIDRPlugin(c ClusterConfig) diag.Diagnostics {
	plugin, pluginKnown := networkPlugin(c)
	overlay := stringOr(c.NetworkPluginMode, "") == NetworkPluginModeOverlay
	if !pluginKnown || c.NetworkPluginMode.IsUnknown() || !isSet(c.PodCIDR) || plugin == NetworkPluginKubenet || overlay || plugin == "" {
		return nil
	}
	at := path.Root("network_profile").AtName("pod_cidr")
	return diag.Diagnostics{ruleError(at, "A pod CIDR needs kubenet or Azure CNI Overlay",
		explain(fmt.Sprintf(`%s = %q with network_plugin = %q and no overlay mode.`, shown(at), c.PodCIDR.ValueString(), plugin),
			"pods get addresses from the pod CIDR only with kubenet or Azure CNI Overlay; with plain Azure CNI they take addresses from the subnet",
			sourceOverlay,
			fmt.Sprintf(`remove %s, or set network_plugin_mode = %q.`, shown(at), NetworkPluginModeOverlay)))}
}

// checkCiliumPolicyDataplane: the Cilium policy engine and the Cilium dataplane go together.
func checkCiliumPolicyDataplane(c ClusterConfig) diag.Diagnostics {
	if anyUnknown(c.NetworkPolicy, c.NetworkDataplane) {
		return nil
	}
	policy, dataplane := stringOr(c.NetworkPolicy, ""), stringOr(c.NetworkDataplane, "")
	at := path.Root("network_profile").AtName("network_policy")
	switch {
	case policy == NetworkPolicyCilium && dataplane != NetworkDataplaneCilium:
		return diag.Diagnostics{ruleError(at, "Cilium network policy needs the Cilium dataplane",
			explain(fmt.Sprintf(`%s = %q, but network_dataplane is %q.`, shown(at), NetworkPolicyCilium, orUnset(dataplane)),
				"the Cilium policy engine runs only with Azure CNI Powered by Cilium (network_dataplane cilium)",
				sourceCilium,
				fmt.Sprintf(`set network_dataplane = %q as well.`, NetworkDataplaneCilium)))}
	case dataplane == NetworkDataplaneCilium && (policy == NetworkPolicyAzure || policy == NetworkPolicyCalico):
		return diag.Diagnostics{ruleError(at, "The Cilium dataplane enforces policies with Cilium",
			explain(fmt.Sprintf(`%s = %q with network_dataplane = %q.`, shown(at), policy, NetworkDataplaneCilium),
				"with Azure CNI Powered by Cilium, network policies are enforced by Cilium; Azure Network Policy Manager and Calico can't be used",
				sourceCilium,
				fmt.Sprintf(`set %s = %q or leave it unset.`, shown(at), NetworkPolicyCilium)))}
	}
	return nil
}

// checkCiliumDataplanePlugin: Azure CNI Powered by Cilium is a dataplane of Azure CNI.
func checkCiliumDataplanePlugin(c ClusterConfig) diag.Diagnostics {
	plugin, pluginKnown := networkPlugin(c)
	if !pluginKnown || anyUnknown(c.NetworkDataplane) || stringOr(c.NetworkDataplane, "") != NetworkDataplaneCilium || plugin == "" || plugin == NetworkPluginAzure {
		return nil
	}
	at := path.Root("network_profile").AtName("network_dataplane")
	return diag.Diagnostics{ruleError(at, "The Cilium dataplane needs Azure CNI",
		explain(fmt.Sprintf(`%s = %q with network_plugin = %q.`, shown(at), NetworkDataplaneCilium, plugin),
			"Azure CNI Powered by Cilium is a dataplane of the Azure CNI plugin",
			sourceCilium,
			fmt.Sprintf(`set network_plugin = %q.`, NetworkPluginAzure)))}
}

// checkAzurePolicyPlugin: Azure Network Policy Manager works only with Azure CNI.
func checkAzurePolicyPlugin(c ClusterConfig) diag.Diagnostics {
	plugin, pluginKnown := networkPlugin(c)
	if !pluginKnown || anyUnknown(c.NetworkPolicy) || stringOr(c.NetworkPolicy, "") != NetworkPolicyAzure || plugin == "" || plugin == NetworkPluginAzure {
		return nil
	}
	at := path.Root("network_profile").AtName("network_policy")
	return diag.Diagnostics{ruleError(at, "Azure network policies need Azure CNI",
		explain(fmt.Sprintf(`%s = %q with network_plugin = %q.`, shown(at), NetworkPolicyAzure, plugin),
			"Azure Network Policy Manager works only with the Azure CNI plugin; use Calico with kubenet",
			sourceNetworkPolicies,
			fmt.Sprintf(`set %s = %q, or network_plugin = %q.`, shown(at), NetworkPolicyCalico, NetworkPluginAzure)))}
}

func orUnset(s string) string {
	if s == "" {
		return "unset"
	}
	return s
}
