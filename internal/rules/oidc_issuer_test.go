package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckOIDCIssuerNotDisabled(t *testing.T) {
	expectDiags(t, CheckOIDCIssuerNotDisabled(types.BoolValue(true), types.BoolValue(false)),
		errAt("oidc_issuer_enabled", "The OIDC issuer can't be turned off"))
	expectDiags(t, CheckOIDCIssuerNotDisabled(types.BoolValue(false), types.BoolValue(true)))
	expectDiags(t, CheckOIDCIssuerNotDisabled(types.BoolValue(true), types.BoolValue(true)))
	expectDiags(t, CheckOIDCIssuerNotDisabled(types.BoolValue(true), types.BoolUnknown()))
}
