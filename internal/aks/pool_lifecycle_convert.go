package aks

// The lifecycle group's conversions: the create body, the read back, in-place changes,
// replacements, planning and the rules' view.

import (
	"context"
	"fmt"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// expandLifecycle sets the pool type and, for a VirtualMachines pool, its manual scale profiles in
// place of vmSize and count (the official TypeVirtualMachines request sends neither). The power
// state is not part of a create: AKS creates pools running, and a pool planned Stopped is
// stopped right after (stopAfterCreate).
func expandLifecycle(ctx context.Context, s nodePoolSettings, p *poolProperties) diag.Diagnostics {
	if known(s.Type) {
		p.Type = enumPointer[armcontainerservice.AgentPoolType](s.Type)
	}
	p.GatewayProfile = expandGatewayProfile(s)
	if !isVirtualMachinesPool(s) {
		return nil
	}
	p.VMSize, p.Count, p.EnableAutoScaling, p.MinCount, p.MaxCount = nil, nil, nil, nil, nil
	profile, diags := expandVirtualMachinesProfile(ctx, s.VirtualMachinesProfile)
	p.VirtualMachinesProfile = profile
	return diags
}

// flattenLifecycle reads the type, the power state and a VirtualMachines pool's profile. A
// VirtualMachines pool has no vmSize or count of its own (AKS may still echo a count): vm_size
// and node_count read as null and current_node_count is the sum of its nodes. A stopped pool
// reports 0 nodes: node_count keeps the prior value, the count the pool returns to on start.
func flattenLifecycle(ctx context.Context, s *nodePoolSettings, p *poolProperties, opts flattenOptions) diag.Diagnostics {
	prior := opts.prior
	if prior == nil {
		prior = &nodePoolSettings{}
	}
	s.Type = stringFromEnum(p.Type)
	if s.Type.IsNull() {
		s.Type = types.StringValue(rules.PoolTypeVirtualMachineScaleSets)
	}
	var diags diag.Diagnostics
	s.PowerState = types.StringValue(rules.PowerStateRunning)
	if p.PowerState != nil && p.PowerState.Code != nil && *p.PowerState.Code != "" {
		s.PowerState = types.StringValue(string(*p.PowerState.Code))
	}
	s.GatewayProfile, diags = flattenGatewayProfile(p.GatewayProfile)
	s.VirtualMachinesProfile = types.ObjectNull(vmProfileAttrTypes)
	if isVirtualMachinesPool(*s) {
		var d diag.Diagnostics
		s.VirtualMachinesProfile, d = flattenVirtualMachinesProfile(ctx, p.VirtualMachinesProfile, prior.VirtualMachinesProfile)
		diags.Append(d...)
		s.VMSize, s.NodeCount = types.StringNull(), types.Int64Null()
		s.CurrentNodeCount = virtualMachinesNodeCount(p)
	}
	if s.PowerState.ValueString() == rules.PowerStateStopped && !isVirtualMachinesPool(*s) {
		keepWhileStopped(s, *prior)
	}
	return diags
}

// lifecycleChanges: the power state (sent on its own, before or after the other changes:
// updatePoolInOrder) and the manual scale profiles, replaced whole as AKS wants them.
func lifecycleChanges(ctx context.Context, l *poolChangeList, state, plan poolValues) {
	if changed(state.PowerState, plan.PowerState) {
		code := armcontainerservice.Code(plan.PowerState.ValueString())
		l.add(powerStateAttribute, func(p *poolProperties) {
			p.PowerState = &armcontainerservice.PowerState{Code: &code}
		})
	}
	if isVirtualMachinesPool(plan.nodePoolSettings) && !plan.VirtualMachinesProfile.IsUnknown() && !plan.VirtualMachinesProfile.Equal(state.VirtualMachinesProfile) {
		profile, d := expandVirtualMachinesProfile(ctx, plan.VirtualMachinesProfile)
		l.diags.Append(d...)
		l.add("virtual_machines_profile", func(p *poolProperties) {
			p.VirtualMachinesProfile = profile
			p.VirtualMachineNodesStatus = nil // read-only: AKS reports the nodes it ends up with
		})
	}
}

// lifecycleReplacements: AKS can't change a pool's type (the emulator's immutable "type", and
// `az aks nodepool update` has no --vm-set-type).
func lifecycleReplacements(state, plan nodePoolSettings) []string {
	out := gatewayReplacements(state, plan)
	if plan.Type.IsUnknown() || (!plan.Type.IsNull() && !state.Type.IsNull() && !plan.Type.Equal(state.Type)) {
		out = append(out, "type")
	}
	return out
}

// planLifecycle: a stop or start changes the node count AKS reports; a VirtualMachines pool's
// count follows its profile.
func planLifecycle(base path.Path, state poolValues, plan *poolValues, _ poolValues) diag.Diagnostics {
	var diags diag.Diagnostics
	switch {
	case changed(state.PowerState, plan.PowerState) && plan.PowerState.ValueString() == rules.PowerStateStopped:
		plan.CurrentNodeCount = types.Int64Unknown()
		diags.AddAttributeWarning(base.AtName("power_state"), "The node pool will be stopped",
			fmt.Sprintf("power_state changes to %q: AKS drains and deallocates every node of the pool (its pods are rescheduled on other pools if they fit) and pauses its autoscaler; "+
				"node_count keeps %s, the count the pool starts again with.", rules.PowerStateStopped, plan.NodeCount.String()))
	case changed(state.PowerState, plan.PowerState):
		plan.CurrentNodeCount = types.Int64Unknown() // started: AKS brings the nodes back
	case plan.PowerState.ValueString() == rules.PowerStateStopped:
		plan.CurrentNodeCount = state.CurrentNodeCount // stays stopped, with no nodes
	}
	if isVirtualMachinesPool(plan.nodePoolSettings) {
		plan.CurrentNodeCount = types.Int64Unknown()
		if plan.VirtualMachinesProfile.Equal(state.VirtualMachinesProfile) && !changed(state.PowerState, plan.PowerState) {
			plan.CurrentNodeCount = state.CurrentNodeCount
		}
	}
	return diags
}

// lifecycleRules copies the group's settings into the pool the rules read.
func lifecycleRules(s nodePoolSettings, r *rules.Pool) {
	r.PowerState = s.PowerState
	r.Type = s.Type
	virtualMachinesRules(s, r)
	r.GatewayProfileSet = !s.GatewayProfile.IsNull() && !s.GatewayProfile.IsUnknown()
	r.GatewayPrefixSize = gatewayPrefixSize(s.GatewayProfile)
}

// keepWhileStopped: a stopped pool reads back 0 nodes with its autoscaler off (Microsoft's
// AgentPools_Stop answer), and AKS restores the count and the autoscaler on start. So the
// known prior values stand for the pool as configured; the live count is current_node_count.
func keepWhileStopped(s *nodePoolSettings, prior nodePoolSettings) {
	if known(prior.NodeCount) {
		s.NodeCount = prior.NodeCount
	}
	if known(prior.AutoScalingEnabled) && prior.AutoScalingEnabled.ValueBool() {
		s.AutoScalingEnabled = prior.AutoScalingEnabled
		s.MinCount, s.MaxCount = prior.MinCount, prior.MaxCount
	}
}
