package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// checkSystemPool: System pools are Linux, have at least one node, and are not Spot.
func checkSystemPool(base path.Path, p Pool) diag.Diagnostics {
	if anyUnknown(p.Mode) || mode(p) != ModeSystem {
		return nil
	}
	var diags diag.Diagnostics
	if !anyUnknown(p.OSType) && osType(p) == OSTypeWindows {
		at := base.AtName("os_type")
		diags.Append(ruleError(at, "System node pools must run Linux",
			explain(fmt.Sprintf(`%s = %q on a pool with mode = "System".`, shown(at), OSTypeWindows),
				"system node pools host critical system pods and must use Linux; a cluster can't have only Windows pools",
				sourceSystemPools,
				fmt.Sprintf(`set mode = "User" for this Windows pool, or %s = "Linux".`, shown(at)))))
	}
	for _, field := range []struct {
		name  string
		value types.Int64
	}{{"node_count", p.NodeCount}, {"min_count", p.MinCount}} {
		if isSet(field.value) && field.value.ValueInt64() < 1 {
			at := base.AtName(field.name)
			diags.Append(ruleError(at, "System node pools need at least one node",
				explain(fmt.Sprintf(`%s = %d on a pool with mode = "System".`, shown(at), field.value.ValueInt64()),
					"system pools must contain at least one node; user node pools may contain zero or more nodes",
					sourceGuide,
					fmt.Sprintf(`set %s to 1 or more (3 is recommended for production), or mode = "User".`, shown(at)))))
		}
	}
	if !anyUnknown(p.Priority) && priority(p) == PrioritySpot {
		at := base.AtName("priority")
		diags.Append(ruleError(at, "System node pools can't use Spot VMs",
			explain(fmt.Sprintf(`%s = %q on a pool with mode = "System".`, shown(at), PrioritySpot),
				"Spot node pools can only be user node pools, because Spot VMs can be evicted at any time",
				sourceSpot,
				fmt.Sprintf(`set mode = "User" for this Spot pool, or remove %s.`, shown(at)))))
	}
	return diags
}

// checkDemoteLastSystemPool: the cluster's only System pool can't become a User pool.
func checkDemoteLastSystemPool(base path.Path, p Pool, current *ExistingPool, others []ExistingPool) diag.Diagnostics {
	if current == nil || !strings.EqualFold(current.Mode, ModeSystem) || anyUnknown(p.Mode) || mode(p) == ModeSystem {
		return nil
	}
	for _, e := range others {
		if strings.EqualFold(e.Mode, ModeSystem) {
			return nil
		}
	}
	at := base.AtName("mode")
	return diag.Diagnostics{ruleError(at, "Can't demote the last System node pool",
		explain(fmt.Sprintf(`%s = %q, but %q is the cluster's only System node pool.`, shown(at), mode(p), current.Name),
			"a cluster must always have at least one System node pool; a System pool can become a User pool only when another System pool remains",
			sourceSystemPools,
			`first set mode = "System" on another Linux pool (or add one) and apply, then change this pool.`))}
}

// CheckPoolDelete refuses to delete the cluster's last System pool: "You can
// delete system node pools if you have another system node pool to take its
// place". It reports no attribute path: on destroy the pool's configuration
// may be gone.
//
// Call it from ModifyPlan when the plan is a destroy (req.Plan.Raw.IsNull()):
// the framework runs ModifyPlan on destroy plans (it announces PlanDestroy to
// Terraform ≥ 1.3), and an error there fails "terraform plan/apply/destroy"
// before any call. Call it again in Delete to cover a pool demoted or a
// System pool deleted out of band between plan and apply.
func CheckPoolDelete(name string, c Cluster) diag.Diagnostics {
	var target *ExistingPool
	systemPools := 0
	for i := range c.Pools {
		if strings.EqualFold(c.Pools[i].Mode, ModeSystem) {
			systemPools++
		}
		if strings.EqualFold(c.Pools[i].Name, name) {
			target = &c.Pools[i]
		}
	}
	if target == nil || !strings.EqualFold(target.Mode, ModeSystem) || systemPools > 1 {
		return nil
	}
	return diag.Diagnostics{diag.NewErrorDiagnostic("Can't delete the last System node pool",
		explain(fmt.Sprintf("Node pool %q is the cluster's only System node pool.", target.Name),
			"a cluster must always have at least one System node pool; you can delete a System pool only when another System pool takes its place",
			sourceGuide+"; "+sourceSystemPools,
			`first add another pool with mode = "System" (or set mode = "System" on an existing Linux pool), apply, then delete this one; or delete the whole cluster.`))}
}

// MinSystemPoolPods is how many pods a System pool must have room for.
const MinSystemPoolPods = 30

// checkSystemPoolPods: a System pool has room for at least 30 pods (max_pods times its nodes, the
// autoscaler's minimum for an autoscaled pool).
func checkSystemPoolPods(base path.Path, p Pool) diag.Diagnostics {
	if anyUnknown(p.Mode) || mode(p) != ModeSystem || !isSet(p.MaxPods) {
		return nil
	}
	nodes, field := p.NodeCount, "node_count"
	if isSet(p.AutoScalingEnabled) && p.AutoScalingEnabled.ValueBool() {
		nodes, field = p.MinCount, "min_count"
	}
	if !isSet(nodes) || nodes.ValueInt64() < 1 || p.MaxPods.ValueInt64()*nodes.ValueInt64() >= MinSystemPoolPods {
		return nil
	}
	at := base.AtName("max_pods")
	need := (MinSystemPoolPods + nodes.ValueInt64() - 1) / nodes.ValueInt64()
	return diag.Diagnostics{ruleError(at, "System node pool with room for too few pods",
		explain(fmt.Sprintf(`%s = %d with %s = %d gives room for %d pods on a pool with mode = "System".`, shown(at), p.MaxPods.ValueInt64(), field, nodes.ValueInt64(), p.MaxPods.ValueInt64()*nodes.ValueInt64()),
			fmt.Sprintf("system node pools must support at least %d pods, counted as max_pods times the number of nodes", MinSystemPoolPods),
			sourceSystemPools,
			fmt.Sprintf("set %s to %d or more, or add nodes.", shown(at), need)))}
}
