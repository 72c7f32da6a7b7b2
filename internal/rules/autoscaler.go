package rules

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// checkAutoscaler: min_count and max_count come together and only with
// auto_scaling_enabled = true; min_count ≤ max_count. Where node_count lies is
// checked only when the pool is created (CheckAutoscalerCountAtCreation).
func checkAutoscaler(base path.Path, p Pool) diag.Diagnostics {
	if anyUnknown(p.AutoScalingEnabled) {
		return nil
	}
	enabled := isTrue(p.AutoScalingEnabled)
	var diags diag.Diagnostics
	if !enabled {
		for _, field := range []struct {
			name  string
			value types.Int64
		}{{"min_count", p.MinCount}, {"max_count", p.MaxCount}} {
			if field.value.IsNull() {
				continue
			}
			at := base.AtName(field.name)
			diags.Append(ruleError(at, "Autoscaler limits without the autoscaler",
				explain(fmt.Sprintf("%s is set but auto_scaling_enabled is not true.", shown(at)),
					"min_count and max_count are the cluster autoscaler's limits and are only accepted when the autoscaler is enabled",
					sourceAutoscaler,
					fmt.Sprintf("set auto_scaling_enabled = true, or remove %s and size the pool with node_count.", shown(at)))))
		}
		return diags
	}
	for _, field := range []struct {
		name  string
		value types.Int64
	}{{"min_count", p.MinCount}, {"max_count", p.MaxCount}} {
		if field.value.IsNull() {
			at := base.AtName(field.name)
			diags.Append(ruleError(at, "Autoscaler needs min_count and max_count",
				explain(fmt.Sprintf("auto_scaling_enabled = true but %s is not set.", shown(at)),
					"the cluster autoscaler needs both a minimum and a maximum node count",
					sourceAutoscaler,
					"set both min_count and max_count, for example min_count = 1 and max_count = 5.")))
		}
	}
	if !isSet(p.MinCount) || !isSet(p.MaxCount) {
		return diags
	}
	minCount, maxCount := p.MinCount.ValueInt64(), p.MaxCount.ValueInt64()
	if minCount > maxCount {
		at := base.AtName("min_count")
		diags.Append(ruleError(at, "Autoscaler minimum above maximum",
			explain(fmt.Sprintf("%s = %d is greater than max_count = %d.", shown(at), minCount, maxCount),
				"the autoscaler's minimum node count must be less than or equal to its maximum",
				sourceAutoscaler,
				"lower min_count or raise max_count.")))
	}
	return diags
}

// CheckAutoscalerCountAtCreation: with the autoscaler enabled, the node count a
// pool is created with lies within min_count and max_count (AKS refuses the
// create otherwise). An update may keep a count outside new limits: AKS takes
// it and the autoscaler brings the pool within them, as Microsoft's
// AgentPools_Update example shows (count 3 with minCount = maxCount = 2,
// answered 200). The resources call it only for a pool they create.
func CheckAutoscalerCountAtCreation(base path.Path, p Pool) diag.Diagnostics {
	if anyUnknown(p.AutoScalingEnabled) || !isTrue(p.AutoScalingEnabled) || !isSet(p.MinCount) || !isSet(p.MaxCount) {
		return nil
	}
	minCount, maxCount := p.MinCount.ValueInt64(), p.MaxCount.ValueInt64()
	if minCount > maxCount {
		return nil // checkAutoscaler's error
	}
	var diags diag.Diagnostics
	if isSet(p.NodeCount) {
		count := p.NodeCount.ValueInt64()
		if count < minCount || count > maxCount {
			at := base.AtName("node_count")
			diags.Append(ruleError(at, "Node count outside the autoscaler's limits",
				explain(fmt.Sprintf("%s = %d is outside min_count = %d and max_count = %d.", shown(at), count, minCount, maxCount),
					"with the autoscaler enabled, the initial node count must lie between min_count and max_count",
					sourceAutoscaler,
					fmt.Sprintf("set %s between %d and %d, or remove it to start at min_count.", shown(at), minCount, maxCount))))
		}
	}
	return diags
}
