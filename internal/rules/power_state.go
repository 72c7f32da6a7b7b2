package rules

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// The rules of power_state, the declarative `az aks nodepool stop/start`.
const (
	sourceStartStop = `the AKS docs "Start and stop an AKS node pool", Features and limitations (https://learn.microsoft.com/azure/aks/start-stop-nodepools)`
	sourcePowerAPI  = `the AKS REST API 2025-10-01, agentPools powerState ("An Agent Pool can only be stopped if it is Running and provisioning state is Succeeded")`
)

// PoolLifecycle is the lifecycle part of a pool's settings: its power state, its VM set type and
// the manual scale profiles of a VirtualMachines pool, and the gateway profile.
type PoolLifecycle struct {
	PowerState types.String // null: left as AKS has it (Running for a new pool)
	Type       types.String // null: VirtualMachineScaleSets
	// ManualScale are virtual_machines_profile.manual_scale; ManualScaleSet is false when
	// virtual_machines_profile is null, ManualScaleUnknown true when it is unknown.
	ManualScale        []ManualScale
	ManualScaleSet     bool
	ManualScaleUnknown bool
	// GatewayProfileSet is true when gateway_profile is configured; GatewayPrefixSize is its
	// public_ip_prefix_size (null: AKS's default, 31).
	GatewayProfileSet bool
	GatewayPrefixSize types.Int64
}

// ManualScale is one manual scale profile of a VirtualMachines pool: a VM size and its count.
type ManualScale struct {
	VMSize    types.String
	NodeCount types.Int64
}

// checkPowerStateConfig: System pools can't be stopped.
func checkPowerStateConfig(_ context.Context, base path.Path, p Pool, _ *vmsizes.Size) diag.Diagnostics {
	if !stopped(p.PowerState) || anyUnknown(p.Mode) || mode(p) != ModeSystem {
		return nil
	}
	at := base.AtName("power_state")
	return diag.Diagnostics{ruleError(at, "System node pools can't be stopped",
		explain(fmt.Sprintf("%s = %q, but mode is %q.", shown(at), PowerStateStopped, ModeSystem),
			"you can't stop System node pools (they host the cluster's critical pods)",
			sourceStartStop,
			fmt.Sprintf(`set mode = %q to stop this pool (another System pool must remain), or remove %s.`, ModeUser, shown(at))))}
}

// checkPowerStateInCluster: a pool is stopped or started only while the cluster runs, and never on
// a cluster whose nodes Node Autoprovisioning manages. Only a change of power_state is checked:
// a pool that stays as it is makes no start or stop call.
func checkPowerStateInCluster(_ context.Context, base path.Path, p Pool, current *ExistingPool, c Cluster, _ *vmsizes.Size) diag.Diagnostics {
	if !isSet(p.PowerState) || !powerStateChanges(p, current) {
		return nil
	}
	at := base.AtName("power_state")
	want := p.PowerState.ValueString()
	// The doc's "The cluster and node pool must be running" is a prerequisite of stopping; the
	// emulator, like AKS as far as it is documented, accepts a start.
	if want == PowerStateStopped && strings.EqualFold(c.PowerState, PowerStateStopped) {
		return diag.Diagnostics{ruleError(at, "The cluster is stopped",
			explain(fmt.Sprintf("%s = %q, but the cluster itself is stopped.", shown(at), want),
				"a node pool can be stopped only while the cluster is running",
				sourceStartStop,
				"start the cluster first (az aks start, or aks_cluster's settings), then apply again.")),
		}
	}
	if want == PowerStateStopped && strings.EqualFold(c.NodeProvisioningMode, NodeProvisioningModeAuto) {
		return diag.Diagnostics{ruleError(at, "Node pools of a Node Autoprovisioning cluster can't be stopped",
			explain(fmt.Sprintf("%s = %q, but the cluster uses Node Autoprovisioning (nodeProvisioningProfile.mode = Auto).", shown(at), want),
				"you can't stop node pools of clusters which use the Node Autoprovisioning (NAP) feature",
				sourceStartStop,
				fmt.Sprintf("remove %s, or scale the pool down with node_count instead.", shown(at))))}
	}
	if want == PowerStateStopped && current != nil && current.ProvisioningState != "" && !strings.EqualFold(current.ProvisioningState, "Succeeded") {
		return diag.Diagnostics{ruleError(at, "The node pool can't be stopped while it is not in a Succeeded state",
			explain(fmt.Sprintf("%s = %q, but the pool's provisioning state is %q.", shown(at), want, current.ProvisioningState),
				"an agent pool can only be stopped if it is Running and its provisioning state is Succeeded",
				sourcePowerAPI,
				"let the pool's current operation finish (or fix the failed pool with a plain apply first), then stop it.")),
		}
	}
	return nil
}

// powerStateChanges reports whether the pool's planned power state differs from the current one
// (a new pool starts Running).
func powerStateChanges(p Pool, current *ExistingPool) bool {
	now := PowerStateRunning
	if current != nil && current.PowerState != "" {
		now = current.PowerState
	}
	return !strings.EqualFold(p.PowerState.ValueString(), now)
}

func stopped(v types.String) bool {
	return isSet(v) && strings.EqualFold(v.ValueString(), PowerStateStopped)
}
