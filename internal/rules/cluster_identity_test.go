package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckClusterIdentity(t *testing.T) {
	testClusterConfig(t, []clusterCase{
		{"user-assigned without identity", func(c *ClusterConfig) { c.IdentityType = types.StringValue(IdentityUserAssigned) },
			[]want{errAt("identity.identity_ids", "A UserAssigned cluster identity needs exactly one identity", "0 entries")}},
		{"user-assigned with two identities", func(c *ClusterConfig) {
			c.IdentityType = types.StringValue(IdentityUserAssigned)
			c.IdentityIDs = stringSet("/a", "/b")
		}, []want{errAt("identity.identity_ids", "A UserAssigned cluster identity needs exactly one identity", "2 entries")}},
		{"user-assigned with one identity", func(c *ClusterConfig) {
			c.IdentityType = types.StringValue(IdentityUserAssigned)
			c.IdentityIDs = stringSet("/a")
		}, nil},
		{"user-assigned with unknown identities", func(c *ClusterConfig) {
			c.IdentityType = types.StringValue(IdentityUserAssigned)
			c.IdentityIDs = types.SetUnknown(types.StringType)
		}, nil},
		{"system-assigned with identities", func(c *ClusterConfig) { c.IdentityIDs = stringSet("/a") },
			[]want{errAt("identity.identity_ids", "A SystemAssigned cluster identity takes no identity IDs")}},
	})
}
