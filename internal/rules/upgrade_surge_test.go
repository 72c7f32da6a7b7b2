package rules

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func runUpgrade(surge, unavailable types.String) diag.Diagnostics {
	obj := types.ObjectValueMust(map[string]attr.Type{"max_surge": types.StringType, "max_unavailable": types.StringType},
		map[string]attr.Value{"max_surge": surge, "max_unavailable": unavailable})
	resp := &validator.ObjectResponse{}
	UpgradeMakesProgress().ValidateObject(context.Background(), validator.ObjectRequest{Path: path.Root("upgrade_settings"), ConfigValue: obj}, resp)
	return resp.Diagnostics
}

func TestUpgradeMakesProgress(t *testing.T) {
	expectDiags(t, runUpgrade(str("0"), str("0")), errAt("upgrade_settings.max_surge", "The upgrade could not make progress", `max_unavailable = "0"`))
	expectDiags(t, runUpgrade(str("0%"), str("0")), errAt("upgrade_settings.max_surge", "The upgrade could not make progress"))
	expectDiags(t, runUpgrade(str("0"), str("1")))
	expectDiags(t, runUpgrade(str("10%"), str("0")))
	expectDiags(t, runUpgrade(str("0"), types.StringNull()))
	expectDiags(t, runUpgrade(str("0"), types.StringUnknown()))
}
