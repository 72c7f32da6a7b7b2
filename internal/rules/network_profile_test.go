package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckNetworkProfile(t *testing.T) {
	testClusterConfig(t, []clusterCase{
		{"overlay with kubenet", func(c *ClusterConfig) { c.NetworkPlugin = types.StringValue(NetworkPluginKubenet) },
			[]want{errAt("network_profile.network_plugin_mode", "Overlay mode needs the Azure CNI plugin")}},
		{"pod CIDR with plain Azure CNI", func(c *ClusterConfig) { c.NetworkPluginMode = types.StringNull() },
			[]want{errAt("network_profile.pod_cidr", "A pod CIDR needs kubenet or Azure CNI Overlay")}},
		{"pod CIDR with kubenet", func(c *ClusterConfig) {
			c.NetworkPlugin = types.StringValue(NetworkPluginKubenet)
			c.NetworkPluginMode = types.StringNull()
		}, nil},
		{"Cilium policy without the Cilium dataplane", func(c *ClusterConfig) { c.NetworkPolicy = types.StringValue(NetworkPolicyCilium) },
			[]want{errAt("network_profile.network_policy", "Cilium network policy needs the Cilium dataplane")}},
		{"Calico on the Cilium dataplane", func(c *ClusterConfig) {
			c.NetworkDataplane = types.StringValue(NetworkDataplaneCilium)
			c.NetworkPolicy = types.StringValue(NetworkPolicyCalico)
		}, []want{errAt("network_profile.network_policy", "The Cilium dataplane enforces policies with Cilium")}},
		{"Cilium", func(c *ClusterConfig) {
			c.NetworkDataplane = types.StringValue(NetworkDataplaneCilium)
			c.NetworkPolicy = types.StringValue(NetworkPolicyCilium)
		}, nil},
		{"Cilium dataplane on kubenet", func(c *ClusterConfig) {
			c.NetworkPlugin = types.StringValue(NetworkPluginKubenet)
			c.NetworkPluginMode = types.StringNull()
			c.NetworkDataplane = types.StringValue(NetworkDataplaneCilium)
		}, []want{errAt("network_profile.network_dataplane", "The Cilium dataplane needs Azure CNI")}},
		{"Azure network policy on kubenet", func(c *ClusterConfig) {
			c.NetworkPlugin = types.StringValue(NetworkPluginKubenet)
			c.NetworkPluginMode = types.StringNull()
			c.NetworkPolicy = types.StringValue(NetworkPolicyAzure)
		}, []want{errAt("network_profile.network_policy", "Azure network policies need Azure CNI")}},
	})
}
