package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckAuthorizedIPRanges(t *testing.T) {
	testClusterConfig(t, []clusterCase{
		{"private cluster with authorized ranges", func(c *ClusterConfig) {
			c.PrivateClusterEnabled = types.BoolValue(true)
			c.APIServerAuthorizedIPRanges = stringSet("203.0.113.0/24")
		}, []want{errAt("api_server_authorized_ip_ranges", "Authorized IP ranges don't apply to private clusters")}},
		{"public cluster with authorized ranges", func(c *ClusterConfig) {
			c.APIServerAuthorizedIPRanges = stringSet("203.0.113.0/24")
		}, nil},
	})
}
