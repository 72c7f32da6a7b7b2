package rules

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// NodeConfigRange validates a kubelet_config or linux_os_config number against Microsoft's
// allowed interval for it (custom-node-configuration.md): min to max, both included. setting
// names it for the message (such as "net.core.somaxconn").
func NodeConfigRange(setting string, minimum, maximum int64) validator.Int64 {
	return nodeConfigRange{setting: setting, min: minimum, max: maximum}
}

type nodeConfigRange struct {
	setting  string
	min, max int64
}

var _ validator.Int64 = nodeConfigRange{}

func (v nodeConfigRange) Description(context.Context) string {
	return fmt.Sprintf("between %d and %d", v.min, v.max)
}

func (v nodeConfigRange) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v nodeConfigRange) ValidateInt64(_ context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	value := req.ConfigValue.ValueInt64()
	if value >= v.min && value <= v.max {
		return
	}
	rule := fmt.Sprintf("AKS supports %s from %d to %d", v.setting, v.min, v.max)
	if v.max == MaxInt32 {
		rule = fmt.Sprintf("AKS supports %s from %d (the API holds it as a 32-bit integer, at most %d)", v.setting, v.min, v.max)
	}
	resp.Diagnostics.Append(ruleError(req.Path, "Node configuration value out of range",
		explain(fmt.Sprintf("%s = %d is outside the allowed interval.", shown(req.Path), value),
			rule, sourceCustomNodeConfig,
			fmt.Sprintf("set %s between %d and %d, or remove it for AKS's default.", shown(req.Path), v.min, v.max))))
}
