package rules

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// checkSpotOnlyArguments: eviction_policy and spot_max_price only with priority = "Spot".
func checkSpotOnlyArguments(base path.Path, p Pool) diag.Diagnostics {
	if anyUnknown(p.Priority) || priority(p) == PrioritySpot {
		return nil
	}
	var diags diag.Diagnostics
	for _, field := range []struct {
		name string
		set  bool
	}{{"eviction_policy", !p.EvictionPolicy.IsNull()}, {"spot_max_price", !p.SpotMaxPrice.IsNull()}} {
		if !field.set {
			continue
		}
		at := base.AtName(field.name)
		diags.Append(ruleError(at, "Spot-only argument on a non-Spot pool",
			explain(fmt.Sprintf("%s is set but priority is %q.", shown(at), priority(p)),
				"eviction_policy and spot_max_price only apply to Spot node pools",
				sourceSpot,
				fmt.Sprintf(`set priority = "Spot", or remove %s.`, shown(at)))))
	}
	return diags
}

// spotMaxPrice validates spot_max_price: -1 (pay up to the on-demand price) or
// a positive price in US dollars with at most 5 decimals.
type spotMaxPrice struct{}

// SpotMaxPrice validates spot_max_price.
func SpotMaxPrice() validator.Float64 { return spotMaxPrice{} }

func (spotMaxPrice) Description(context.Context) string {
	return "must be -1 (pay up to the on-demand price, never evicted for price) or a price above 0 in US dollars with at most 5 decimals"
}

func (v spotMaxPrice) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (spotMaxPrice) ValidateFloat64(_ context.Context, req validator.Float64Request, resp *validator.Float64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	price := req.ConfigValue.ValueFloat64()
	text := strconv.FormatFloat(price, 'f', -1, 64)
	var found string
	switch {
	case price == -1:
		return
	case price <= 0:
		found = fmt.Sprintf("%s = %s is neither -1 nor above 0.", shown(req.Path), text)
	case decimals(text) > 5:
		found = fmt.Sprintf("%s = %s has %d decimals; Azure takes at most 5.", shown(req.Path), text, decimals(text))
	default:
		return
	}
	resp.Diagnostics.Append(ruleError(req.Path, "Invalid Spot maximum price",
		explain(found,
			"the Spot maximum price is -1 (the on-demand price) or a decimal above 0 with up to 5 decimal places, in US dollars per hour",
			sourceSpot,
			fmt.Sprintf("set %s to -1 or to a price such as 0.01234.", shown(req.Path)))))
}

func decimals(formatted string) int {
	if _, frac, ok := strings.Cut(formatted, "."); ok {
		return len(frac)
	}
	return 0
}
