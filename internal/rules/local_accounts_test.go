package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckLocalAccounts(t *testing.T) {
	testClusterConfig(t, []clusterCase{
		{"local accounts off without Entra ID", func(c *ClusterConfig) { c.LocalAccountDisabled = types.BoolValue(true) },
			[]want{errAt("local_account_disabled", "Disabling local accounts needs Microsoft Entra ID integration")}},
		{"local accounts off with Azure RBAC", func(c *ClusterConfig) {
			c.LocalAccountDisabled = types.BoolValue(true)
			c.AzureRBACEnabled = types.BoolValue(true)
		}, nil},
		{"local accounts off with admin groups", func(c *ClusterConfig) {
			c.LocalAccountDisabled = types.BoolValue(true)
			c.AdminGroupObjectIDs = stringSet("00000000-0000-4000-8000-000000000009")
		}, nil},
	})
}
