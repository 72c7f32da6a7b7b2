package aks

import (
	"context"
	"fmt"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
)

// rotationTag is the Azure tag marking a rotation's temporary pool; its value is the name of the
// pool it stands in for.
const rotationTag = "aks-provider-rotation-for"

// maxRotationSteps bounds the rotation loop: a full rotation takes four steps, a resumed one
// fewer; more means AKS keeps undoing them.
const maxRotationSteps = 8

// derivedTemporaryName is the temporary pool's name when temporary_name_for_rotation is unset: the
// pool's name cut to 9 characters followed by "tmp" (a valid pool name of at most 12 characters).
func derivedTemporaryName(name string) string {
	base := name
	if len(base) > 9 {
		base = base[:9]
	}
	for _, suffix := range []string{"tmp", "rot"} {
		if candidate := base + suffix; candidate != name {
			return candidate
		}
	}
	return base + "tmp"
}

func temporaryName(pool defaultNodePoolModel) string {
	if known(pool.TemporaryNameForRotation) {
		return pool.TemporaryNameForRotation.ValueString()
	}
	return derivedTemporaryName(pool.Name.ValueString())
}

// checkTemporaryName: the rotation's temporary pool needs a name other than the pool's own.
func checkTemporaryName(pool defaultNodePoolModel) diag.Diagnostics {
	var diags diag.Diagnostics
	if known(pool.TemporaryNameForRotation) && known(pool.Name) && strings.EqualFold(pool.TemporaryNameForRotation.ValueString(), pool.Name.ValueString()) {
		diags.AddAttributeError(path.Root("default_node_pool").AtName("temporary_name_for_rotation"), "Temporary pool name equals the pool's name",
			fmt.Sprintf("temporary_name_for_rotation = %q is the default pool's own name; a rotation creates the temporary pool next to the pool, so the two names must differ.\n\n"+
				"Fix: choose another name, such as %q, or remove it (the provider then derives one).", pool.TemporaryNameForRotation.ValueString(), derivedTemporaryName(pool.Name.ValueString())))
	}
	return diags
}

// rotationChanges lists the default pool attributes whose change AKS can't make in place between
// current and planned. Unknown planned values (left to AKS) are not changes.
func rotationChanges(current, planned defaultNodePoolModel) []string {
	var out []string
	strDiffers := func(name string, c, p types.String, ignoreCase bool) {
		if p.IsUnknown() {
			return
		}
		same := c.IsNull() == p.IsNull() && c.ValueString() == p.ValueString()
		if ignoreCase {
			same = c.IsNull() == p.IsNull() && strings.EqualFold(c.ValueString(), p.ValueString())
		}
		if !same {
			out = append(out, name)
		}
	}
	intDiffers := func(name string, c, p types.Int64) {
		if !p.IsUnknown() && !p.Equal(c) {
			out = append(out, name)
		}
	}
	strDiffers("vm_size", current.VMSize, planned.VMSize, true)
	strDiffers("vnet_subnet_id", current.VnetSubnetID, planned.VnetSubnetID, true)
	strDiffers("pod_subnet_id", current.PodSubnetID, planned.PodSubnetID, true)
	strDiffers("os_disk_type", current.OSDiskType, planned.OSDiskType, false)
	intDiffers("os_disk_size_gb", current.OSDiskSizeGB, planned.OSDiskSizeGB)
	strDiffers("kubelet_disk_type", current.KubeletDiskType, planned.KubeletDiskType, false)
	intDiffers("max_pods", current.MaxPods, planned.MaxPods)
	if !planned.Zones.IsUnknown() && !planned.Zones.Equal(current.Zones) && (!emptySet(planned.Zones) || !emptySet(current.Zones)) {
		out = append(out, "zones")
	}
	if !planned.HostEncryptionEnabled.IsUnknown() && planned.HostEncryptionEnabled.ValueBool() != current.HostEncryptionEnabled.ValueBool() {
		out = append(out, "host_encryption_enabled")
	}
	return append(out, groupReplacements(nodePoolSettings{poolSettings: current.poolSettings}, nodePoolSettings{poolSettings: planned.poolSettings})...)
}

func emptySet(s types.Set) bool { return s.IsNull() || (!s.IsUnknown() && len(s.Elements()) == 0) }

// planDefaultPool plans a change of the default pool: a rotation (with a warning saying what it
// does and values AKS will choose unknown), or an in-place change planned as aks_node_pool plans
// it (node count, version, OS SKU migration, FIPS, node image, the reconcile of a Failed pool;
// with its warnings).
func (r *clusterResource) planDefaultPool(ctx context.Context, state clusterResourceModel, plan *clusterResourceModel, config defaultNodePoolModel) diag.Diagnostics {
	var diags diag.Diagnostics
	current, planned := *state.DefaultNodePool, plan.DefaultNodePool
	reasons := rotationChanges(current, *planned)
	renamed := changed(current.Name, planned.Name)
	if len(reasons) > 0 || renamed {
		planRotation(planned, config)
		diags.AddAttributeWarning(path.Root("default_node_pool"), "The default node pool will be rotated", rotationPlanDetail(current, *planned, reasons, renamed))
		return diags
	}

	id, err := aksapi.ParseClusterID(state.ID.ValueString())
	if err != nil {
		return diags
	}
	stateValues, d := current.values(ctx)
	diags.Append(d...)
	planValues, d := planned.values(ctx)
	diags.Append(d...)
	configValues, d := config.values(ctx)
	diags.Append(d...)
	if diags.HasError() {
		return diags
	}
	base := path.Root("default_node_pool")
	diags.Append(planPoolInPlace(base, stateValues, &planValues, configValues)...)
	if known(current.Name) && r.client != nil {
		diags.Append(planPoolNodeImage(ctx, r.client.AKS, base, id.Pool(current.Name.ValueString()), stateValues, &planValues, configValues)...)
	}
	// A pool AKS left Failed is reconciled even when nothing else changes (see pool_reconcile.go).
	diags.Append(planReconcile(base, current.Name.ValueString(), &planValues.ProvisioningState)...)

	planned.NodeCount = planValues.NodeCount
	planned.CurrentNodeCount = planValues.CurrentNodeCount
	planned.CurrentOrchestratorVersion = planValues.CurrentOrchestratorVersion
	planned.NodeImageVersion = planValues.NodeImageVersion
	planned.CurrentNodeImageVersion = planValues.CurrentNodeImageVersion
	planned.ProvisioningState = planValues.ProvisioningState
	return diags
}

// planRotation marks unknown what the rotated pool gets from AKS: the values left unset in the
// configuration that depend on the VM size, and everything AKS reports about the new nodes.
func planRotation(plan *defaultNodePoolModel, config defaultNodePoolModel) {
	unknownIfNotConfigured(&plan.OSDiskType, config.OSDiskType, types.StringUnknown())
	unknownIfNotConfigured(&plan.OSDiskSizeGB, config.OSDiskSizeGB, types.Int64Unknown())
	unknownIfNotConfigured(&plan.KubeletDiskType, config.KubeletDiskType, types.StringUnknown())
	unknownIfNotConfigured(&plan.MaxPods, config.MaxPods, types.Int64Unknown())
	planNewNodes(plan, config)
}

// planNewNodes marks unknown what AKS reports about nodes it creates.
func planNewNodes(plan *defaultNodePoolModel, config defaultNodePoolModel) {
	plan.CurrentNodeCount = types.Int64Unknown()
	plan.CurrentOrchestratorVersion = types.StringUnknown()
	plan.CurrentNodeImageVersion = types.StringUnknown()
	plan.ProvisioningState = types.StringUnknown()
	unknownIfNotConfigured(&plan.NodeImageVersion, config.NodeImageVersion, types.StringUnknown())
}

func rotationPlanDetail(current, planned defaultNodePoolModel, reasons []string, renamed bool) string {
	what := reasons
	name, previous := planned.Name.ValueString(), current.Name.ValueString()
	var b strings.Builder
	if renamed {
		fmt.Fprintf(&b, "The default node pool is renamed from %q to %q", previous, name)
		if len(what) > 0 {
			fmt.Fprintf(&b, " and %s change(s)", strings.Join(what, ", "))
		}
		fmt.Fprintf(&b, ". AKS can't rename a pool, so apply (1) creates the System pool %q with the new settings, (2) deletes %q: AKS cordons and drains its nodes, respecting PodDisruptionBudgets, and the pods move to %q.", name, previous, name)
	} else {
		temp := temporaryName(planned)
		fmt.Fprintf(&b, "%s of the default node pool %q can't be changed in place by AKS, so apply rotates the pool instead of replacing the cluster: "+
			"(1) creates the temporary System pool %q with the new settings, "+
			"(2) deletes %q (AKS cordons and drains its nodes, respecting PodDisruptionBudgets; pods move to %q), "+
			"(3) creates %q again with the new settings, "+
			"(4) deletes %q (drained the same way).", strings.Join(what, ", "), name, temp, name, temp, name, temp)
	}
	b.WriteString(" The cluster, its other node pools and its ID are kept. Make sure workloads tolerate the drain (PodDisruptionBudgets, several replicas). " +
		"If the rotation is interrupted, the next apply resumes it from where it stopped.")
	return b.String()
}

// planDefaultPoolRepair plans the completion of an interrupted rotation, or the recreation of a
// default pool deleted outside Terraform, when nothing else in the plan would start an update:
// the default pool is missing, or a rotation's temporary pool is left over.
func (r *clusterResource) planDefaultPoolRepair(ctx context.Context, state clusterResourceModel, plan *clusterResourceModel) diag.Diagnostics {
	var diags diag.Diagnostics
	if state.DefaultNodePool == nil || plan.DefaultNodePool == nil || plan.DefaultNodePool.ProvisioningState.IsUnknown() {
		return diags // a rotation or an in-place change already updates the pool
	}
	id, err := aksapi.ParseClusterID(state.ID.ValueString())
	if err != nil {
		return diags
	}
	pools, err := r.client.AKS.CachedPools(ctx, id)
	if err != nil {
		return diags // the refresh found the cluster gone: a create is planned instead
	}
	name := plan.DefaultNodePool.Name.ValueString()
	leftovers := rotationPools(pools, name)
	missing := findPool(pools, name) == nil
	if !missing && len(leftovers) == 0 {
		return diags
	}
	planNewNodes(plan.DefaultNodePool, defaultNodePoolModel{poolSettings: poolSettings{NodeImageVersion: types.StringNull()}})
	if missing {
		diags.AddAttributeWarning(path.Root("default_node_pool"), "The default node pool will be recreated",
			fmt.Sprintf("The cluster has no pool named %q: an earlier rotation was interrupted, or the pool was deleted outside Terraform. "+
				"Apply creates it with the configured settings and then deletes any temporary pool a rotation left (%s).", name, namesOrNone(leftovers)))
	} else {
		diags.AddAttributeWarning(path.Root("default_node_pool"), "A rotation's temporary pool will be deleted",
			fmt.Sprintf("The temporary pool(s) %s of an interrupted rotation of %q still exist. Apply deletes them (their nodes are drained, respecting PodDisruptionBudgets).", namesOrNone(leftovers), name))
	}
	return diags
}

func namesOrNone(pools []*armcontainerservice.AgentPool) string {
	if len(pools) == 0 {
		return "none"
	}
	var names []string
	for _, p := range pools {
		names = append(names, fmt.Sprintf("%q", deref(p.Name)))
	}
	return strings.Join(names, ", ")
}

// rotationPools are the temporary pools of rotations of the pool name.
func rotationPools(pools []*armcontainerservice.AgentPool, name string) []*armcontainerservice.AgentPool {
	var out []*armcontainerservice.AgentPool
	for _, p := range pools {
		if p == nil || p.Properties == nil || strings.EqualFold(deref(p.Name), name) {
			continue
		}
		if v := p.Properties.Tags[rotationTag]; v != nil && strings.EqualFold(*v, name) {
			out = append(out, p)
		}
	}
	return out
}
