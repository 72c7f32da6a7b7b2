package rules

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// checkWorkloadIdentity: workload identity federates service account tokens through the
// cluster's OIDC issuer, so it needs the issuer on.
func checkWorkloadIdentity(c ClusterConfig) diag.Diagnostics {
	if !isTrue(c.WorkloadIdentityEnabled) || anyUnknown(c.OIDCIssuerEnabled) || isTrue(c.OIDCIssuerEnabled) {
		return nil
	}
	at := path.Root("workload_identity_enabled")
	return diag.Diagnostics{ruleError(at, "Workload identity needs the OIDC issuer",
		explain("workload_identity_enabled = true, but oidc_issuer_enabled is not true.",
			"Microsoft Entra Workload ID trusts service account tokens through the cluster's OIDC issuer, so the issuer must be enabled",
			sourceWorkloadIdentity,
			"set oidc_issuer_enabled = true as well."))}
}
