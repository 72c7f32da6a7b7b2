package rules

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// CheckOIDCIssuerNotDisabled refuses turning the OIDC issuer off: AKS keeps it once enabled.
func CheckOIDCIssuerNotDisabled(state, plan types.Bool) diag.Diagnostics {
	if !isTrue(state) || anyUnknown(plan) || isTrue(plan) {
		return nil
	}
	at := path.Root("oidc_issuer_enabled")
	return diag.Diagnostics{ruleError(at, "The OIDC issuer can't be turned off",
		explain("oidc_issuer_enabled changes from true to false.",
			"once a cluster's OIDC issuer is enabled it can't be disabled",
			sourceOIDCIssuer,
			"keep oidc_issuer_enabled = true."))}
}
