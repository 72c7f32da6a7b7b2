package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func stringSet(values ...string) types.Set {
	elems := make([]attr.Value, len(values))
	for i, v := range values {
		elems[i] = types.StringValue(v)
	}
	return types.SetValueMust(types.StringType, elems)
}

// validCluster is a configuration every cluster rule accepts: the guide's cluster.
func validCluster() ClusterConfig {
	return ClusterConfig{
		IdentityType:                types.StringValue(IdentitySystemAssigned),
		IdentityIDs:                 types.SetNull(types.StringType),
		OIDCIssuerEnabled:           types.BoolValue(false),
		WorkloadIdentityEnabled:     types.BoolValue(false),
		LocalAccountDisabled:        types.BoolValue(false),
		AzureRBACEnabled:            types.BoolValue(false),
		AdminGroupObjectIDs:         types.SetNull(types.StringType),
		PrivateClusterEnabled:       types.BoolValue(false),
		APIServerAuthorizedIPRanges: types.SetNull(types.StringType),
		NetworkPlugin:               types.StringValue(NetworkPluginAzure),
		NetworkPluginMode:           types.StringValue(NetworkPluginModeOverlay),
		NetworkPolicy:               types.StringNull(),
		NetworkDataplane:            types.StringNull(),
		LoadBalancerSKU:             types.StringValue(LoadBalancerSKUStandard),
		PodCIDR:                     types.StringValue("10.244.0.0/16"),
		ServiceCIDR:                 types.StringValue("10.0.0.0/16"),
		DNSServiceIP:                types.StringValue("10.0.0.10"),
	}
}

// clusterCase is a change to validCluster and the diagnostics CheckClusterConfig then gives.
type clusterCase struct {
	name   string
	change func(*ClusterConfig)
	want   []want
}

// testClusterConfig runs CheckClusterConfig on validCluster with each case's change.
func testClusterConfig(t *testing.T, cases []clusterCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := validCluster()
			tc.change(&c)
			expectDiags(t, CheckClusterConfig(c), tc.want...)
		})
	}
}

// TestCheckClusterConfig runs the whole set on configurations no rule refuses; each rule's cases
// are in its own file's test.
func TestCheckClusterConfig(t *testing.T) {
	testClusterConfig(t, []clusterCase{
		{"the guide's cluster", func(*ClusterConfig) {}, nil},
		{"unset network profile", func(c *ClusterConfig) {
			c.NetworkPlugin, c.NetworkPluginMode, c.PodCIDR, c.ServiceCIDR, c.DNSServiceIP, c.LoadBalancerSKU =
				types.StringNull(), types.StringNull(), types.StringNull(), types.StringNull(), types.StringNull(), types.StringNull()
		}, nil},
		{"unknown network values", func(c *ClusterConfig) {
			c.NetworkPlugin, c.NetworkPolicy, c.DNSServiceIP = types.StringUnknown(), types.StringUnknown(), types.StringUnknown()
		}, nil},
	})
}
