// Package actions holds the aks provider's actions (Terraform 1.14+ `action` blocks): one-off
// operations on a cluster or pool that have no place in a resource's desired state, such as a
// node-image upgrade, deleting named machines, or aborting a running operation. Each action
// validates its configuration at plan time, calls AKS through internal/aksapi (so it shares the
// per-cluster write lock and the 409 handling of the resources), and reports progress while it
// waits.
//
// There is no start/stop (power) action on purpose: a pool's power state is the declarative
// power_state attribute of aks_node_pool; an imperative start or stop of a pool Terraform manages
// would fight that value and show as drift on every plan.
package actions

import "github.com/hashicorp/terraform-plugin-framework/action"

// Actions lists the constructors of every action the provider serves.
func Actions() []func() action.Action {
	return []func() action.Action{
		NewNodePoolUpgradeNodeImageAction,
		NewNodePoolDeleteMachinesAction,
		NewOperationAbortAction,
	}
}
