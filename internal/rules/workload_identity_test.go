package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckWorkloadIdentity(t *testing.T) {
	testClusterConfig(t, []clusterCase{
		{"workload identity without OIDC", func(c *ClusterConfig) { c.WorkloadIdentityEnabled = types.BoolValue(true) },
			[]want{errAt("workload_identity_enabled", "Workload identity needs the OIDC issuer", "oidc_issuer_enabled = true")}},
		{"workload identity with OIDC", func(c *ClusterConfig) {
			c.WorkloadIdentityEnabled = types.BoolValue(true)
			c.OIDCIssuerEnabled = types.BoolValue(true)
		}, nil},
		{"workload identity with OIDC unknown", func(c *ClusterConfig) {
			c.WorkloadIdentityEnabled = types.BoolValue(true)
			c.OIDCIssuerEnabled = types.BoolUnknown()
		}, nil},
	})
}
