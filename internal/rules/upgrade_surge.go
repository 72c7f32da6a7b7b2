package rules

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// UpgradeMakesProgress validates an upgrade_settings block: max_surge and max_unavailable can't
// both be zero, since an upgrade would then neither add a node nor take one out.
func UpgradeMakesProgress() validator.Object { return upgradeProgressCheck{} }

type upgradeProgressCheck struct{}

func (upgradeProgressCheck) Description(context.Context) string {
	return "max_surge and max_unavailable can't both be 0"
}

func (c upgradeProgressCheck) MarkdownDescription(ctx context.Context) string {
	return "`max_surge` and `max_unavailable` can't both be `0`"
}

func (upgradeProgressCheck) ValidateObject(_ context.Context, req validator.ObjectRequest, resp *validator.ObjectResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	attrs := req.ConfigValue.Attributes()
	surge, ok1 := attrs["max_surge"].(types.String)
	unavailable, ok2 := attrs["max_unavailable"].(types.String)
	if !ok1 || !ok2 || !isZeroNodes(surge) || !isZeroNodes(unavailable) {
		return
	}
	at := req.Path.AtName("max_surge")
	resp.Diagnostics.Append(ruleError(at, "The upgrade could not make progress",
		explain(fmt.Sprintf("%s = %q and max_unavailable = %q.", shown(at), surge.ValueString(), unavailable.ValueString()),
			"an upgrade either adds surge nodes (max_surge) or takes nodes out (max_unavailable); at least one of them must be more than 0",
			`the AKS docs "Configure rolling upgrades for AKS node pools" (https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling); `+sourceAPI+", agentPoolUpgradeSettings",
			`set max_surge to "1" or a percentage (AKS's default is "10%"), or max_unavailable to "1".`)))
}

// isZeroNodes reports whether a configured count-or-percentage is 0 ("0" or "0%").
func isZeroNodes(v types.String) bool {
	return isSet(v) && (v.ValueString() == "0" || v.ValueString() == "0%")
}
