package aks

import (
	"context"
	"fmt"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/aksforge/terraform-provider-aks/internal/agentpools"
)

// This file changes aks_cluster's default node pool after creation, through the agentPools API
// only: in place when AKS can, else by rotating the pool.
//
// A rotation never replaces the cluster. It is driven by what the cluster's pools look like, not
// by a record of what an earlier run did, so that an attempt interrupted anywhere (a failed drain,
// a timeout, a crash) resumes on the next apply:
//
//   - the pool (under its desired name) missing: create it with the new settings;
//   - the pool there with settings AKS can't change: make sure a temporary System pool with the new
//     settings exists (so the cluster keeps a System pool), then delete the pool (AKS drains its
//     nodes, respecting PodDisruptionBudgets);
//   - the pool there with the new settings: delete the temporary pool, and the pool's previous
//     name's pool after a rename.
//
// The temporary pool is tagged with the name of the pool it stands in for; only tagged pools are
// ever reused or deleted as temporary pools, so a pool someone else created under the temporary
// name is never touched.

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
	return out
}

func emptySet(s types.Set) bool { return s.IsNull() || (!s.IsUnknown() && len(s.Elements()) == 0) }

// ---------------------------------------------------------------------------------------------
// Planning

// planDefaultPool plans a change of the default pool: a rotation (with a warning saying what it
// does and values AKS will choose unknown), or an in-place change planned as aks_node_pool plans
// it (node count, version, OS SKU migration, FIPS, node image; with its warnings).
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

	id, err := agentpools.ParseClusterID(state.ID.ValueString())
	if err != nil {
		return diags
	}
	stateNP, d := current.asNodePool(ctx, id)
	diags.Append(d...)
	planNP, d := planned.asNodePool(ctx, id)
	diags.Append(d...)
	configNP, d := config.asNodePool(ctx, id)
	diags.Append(d...)
	if diags.HasError() {
		return diags
	}
	pools := &nodePoolResource{client: r.client}
	planning := pools.planInPlaceChanges(ctx, stateNP, &planNP, configNP)
	planning.Append(pools.planNodeImage(ctx, stateNP, &planNP, configNP)...)
	diags.Append(underDefaultPool(planning)...)

	planned.NodeCount = planNP.NodeCount
	planned.CurrentNodeCount = planNP.CurrentNodeCount
	planned.CurrentOrchestratorVersion = planNP.CurrentOrchestratorVersion
	planned.NodeImageVersion = planNP.NodeImageVersion
	planned.CurrentNodeImageVersion = planNP.CurrentNodeImageVersion
	planned.ProvisioningState = planNP.ProvisioningState
	return diags
}

// planRotation marks unknown what the rotated pool gets from AKS: the values left unset in the
// configuration that depend on the VM size, and everything AKS reports about the new nodes.
func planRotation(plan *defaultNodePoolModel, config defaultNodePoolModel) {
	if config.OSDiskType.IsNull() {
		plan.OSDiskType = types.StringUnknown()
	}
	if config.OSDiskSizeGB.IsNull() {
		plan.OSDiskSizeGB = types.Int64Unknown()
	}
	if config.KubeletDiskType.IsNull() {
		plan.KubeletDiskType = types.StringUnknown()
	}
	if config.MaxPods.IsNull() {
		plan.MaxPods = types.Int64Unknown()
	}
	planNewNodes(plan, config)
}

// planNewNodes marks unknown what AKS reports about nodes it creates.
func planNewNodes(plan *defaultNodePoolModel, config defaultNodePoolModel) {
	plan.CurrentNodeCount = types.Int64Unknown()
	plan.CurrentOrchestratorVersion = types.StringUnknown()
	plan.CurrentNodeImageVersion = types.StringUnknown()
	plan.ProvisioningState = types.StringUnknown()
	if config.NodeImageVersion.IsNull() {
		plan.NodeImageVersion = types.StringUnknown()
	}
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
	id, err := agentpools.ParseClusterID(state.ID.ValueString())
	if err != nil {
		return diags
	}
	pools, err := r.client.AgentPools.List(ctx, id)
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

// underDefaultPool moves diagnostics about a node pool's attributes (at the root, as
// aks_node_pool reports them) under default_node_pool.
func underDefaultPool(diags diag.Diagnostics) diag.Diagnostics {
	var out diag.Diagnostics
	base := path.Root("default_node_pool")
	for _, d := range diags {
		withPath, ok := d.(diag.DiagnosticWithPath)
		if !ok {
			out.Append(d)
			continue
		}
		p := base
		for _, step := range withPath.Path().Steps() {
			if name, ok := step.(path.PathStepAttributeName); ok {
				p = p.AtName(string(name))
			}
		}
		if d.Severity() == diag.SeverityError {
			out.AddAttributeError(p, d.Summary(), d.Detail())
		} else {
			out.AddAttributeWarning(p, d.Summary(), d.Detail())
		}
	}
	return out
}

// ---------------------------------------------------------------------------------------------
// Applying

// updateDefaultPool applies the default pool's change: a rotation when AKS can't make it in place
// or when an earlier rotation is unfinished, else one agentPools PUT of the changed attributes
// (with If-Match) and, when planned, the node image upgrade.
func (r *clusterResource) updateDefaultPool(ctx context.Context, id agentpools.ClusterID, state, plan defaultNodePoolModel) error {
	coord := r.client.AgentPools
	pools, err := coord.ListFresh(ctx, id)
	if err != nil {
		return err
	}
	name := plan.Name.ValueString()
	unfinished := findPool(pools, name) == nil || len(rotationPools(pools, name)) > 0
	if unfinished || changed(state.Name, plan.Name) || len(rotationChanges(state, plan)) > 0 {
		return r.rotateDefaultPool(ctx, id, state, plan)
	}

	stateNP, diags := state.asNodePool(ctx, id)
	planNP, d := plan.asNodePool(ctx, id)
	diags.Append(d...)
	if diags.HasError() {
		return fmt.Errorf("reading the default pool's settings: %v", diags)
	}
	changes, diags := nodePoolChanges(ctx, stateNP.nodePoolSettings, planNP.nodePoolSettings, state.UpgradeSettings, plan.UpgradeSettings)
	if diags.HasError() {
		return fmt.Errorf("comparing the default pool's settings: %v", diags)
	}
	poolID := id.Pool(name)
	var pool *armcontainerservice.AgentPool
	if len(changes) > 0 {
		result, err := coord.Update(ctx, poolID, func(p *armcontainerservice.AgentPool) error {
			if p.Properties == nil {
				p.Properties = &armcontainerservice.ManagedClusterAgentPoolProfileProperties{}
			}
			for _, c := range changes {
				c.apply(p.Properties)
			}
			return nil
		})
		if err != nil {
			return err
		}
		pool = result.Pool
	}
	if nodeImageUpgradePlanned(stateNP, planNP) {
		if _, err := (&nodePoolResource{client: r.client}).upgradeNodeImageIfBehind(ctx, poolID, pool); err != nil {
			return err
		}
	}
	return nil
}

// rotateDefaultPool brings the cluster's pools to the planned default pool, whatever step an
// earlier attempt stopped at (see the top of this file).
func (r *clusterResource) rotateDefaultPool(ctx context.Context, id agentpools.ClusterID, state, plan defaultNodePoolModel) error {
	coord := r.client.AgentPools
	desired, previous := plan.Name.ValueString(), state.Name.ValueString()
	settings, diags := plan.settings(ctx)
	body, d := expandNodePool(ctx, settings, plan.UpgradeSettings)
	diags.Append(d...)
	if diags.HasError() {
		return fmt.Errorf("building the default pool: %v", diags)
	}
	created := false

	for step := 0; step < maxRotationSteps; step++ {
		pools, err := coord.ListFresh(ctx, id)
		if err != nil {
			return err
		}
		target := findPool(pools, desired)
		temps := rotationPools(pools, desired)
		tempName := temporaryName(plan)

		switch {
		case target == nil:
			logRotation(ctx, "creating the default pool with its new settings", desired)
			if _, err := coord.CreateOrUpdate(ctx, id.Pool(desired), body, agentpools.CreateOnly); err != nil {
				return err
			}
			created = true

		case !poolMatches(ctx, target, plan):
			var temp *armcontainerservice.AgentPool
			for _, t := range temps {
				if poolMatches(ctx, t, plan) && isSucceeded(t) {
					temp = t
				}
			}
			if temp == nil {
				for _, t := range temps {
					logRotation(ctx, "deleting a temporary pool with outdated settings", deref(t.Name))
					if err := coord.Delete(ctx, id.Pool(deref(t.Name)), agentpools.DeleteOptions{}); err != nil {
						return err
					}
				}
				if other := findPool(pools, tempName); other != nil && !isRotationPoolFor(other, desired) {
					return fmt.Errorf("the temporary pool name %q is taken by a pool no rotation created; set default_node_pool.temporary_name_for_rotation to a free name", tempName)
				}
				logRotation(ctx, "creating the temporary System pool", tempName)
				if _, err := coord.CreateOrUpdate(ctx, id.Pool(tempName), temporaryPool(body, desired), agentpools.CreateOnly); err != nil {
					return err
				}
				continue
			}
			logRotation(ctx, "deleting the default pool to recreate it (its nodes are drained)", desired)
			if err := coord.Delete(ctx, id.Pool(desired), agentpools.DeleteOptions{IgnorePodDisruptionBudget: false}); err != nil {
				return err
			}

		case !isSucceeded(target):
			logRotation(ctx, "sending the default pool again after a failed operation", desired)
			if _, err := coord.CreateOrUpdate(ctx, id.Pool(desired), body, agentpools.Precondition{IfMatch: "*"}); err != nil {
				return err
			}
			created = true

		default:
			if !strings.EqualFold(previous, desired) && findPool(pools, previous) != nil && !isRotationPoolFor(findPool(pools, previous), desired) {
				logRotation(ctx, "deleting the default pool's previous pool after the rename (its nodes are drained)", previous)
				if err := coord.Delete(ctx, id.Pool(previous), agentpools.DeleteOptions{}); err != nil {
					return err
				}
				continue
			}
			if len(temps) > 0 {
				for _, t := range temps {
					logRotation(ctx, "deleting the temporary pool (its nodes are drained)", deref(t.Name))
					if err := coord.Delete(ctx, id.Pool(deref(t.Name)), agentpools.DeleteOptions{}); err != nil {
						return err
					}
				}
				continue
			}
			if created {
				return nil // created from the plan itself: nothing left to change
			}
			// The pool was created by an earlier attempt, possibly from other settings than those
			// AKS can change in place now (count, labels, ...): apply them.
			return r.reconcileDefaultPool(ctx, id, target, plan)
		}
	}
	return fmt.Errorf("the rotation of default pool %s did not settle after %d steps; run apply again, or look at the cluster's node pools (az aks nodepool list)", desired, maxRotationSteps)
}

// reconcileDefaultPool applies the in-place differences between a pool an earlier attempt created
// and the plan.
func (r *clusterResource) reconcileDefaultPool(ctx context.Context, id agentpools.ClusterID, pool *armcontainerservice.AgentPool, plan defaultNodePoolModel) error {
	current, err := defaultPoolFromAPI(ctx, pool, plan)
	if err != nil {
		return err
	}
	currentNP, diags := current.asNodePool(ctx, id)
	planNP, d := plan.asNodePool(ctx, id)
	diags.Append(d...)
	if diags.HasError() {
		return fmt.Errorf("reading the default pool's settings: %v", diags)
	}
	// Values AKS chose where the plan left them to it are not differences.
	upgrade := plan.UpgradeSettings
	if !upgrade.IsNull() && hasUnknown(upgrade) {
		upgrade = current.UpgradeSettings
	}
	changes, diags := nodePoolChanges(ctx, currentNP.nodePoolSettings, planNP.nodePoolSettings, current.UpgradeSettings, upgrade)
	if diags.HasError() || len(changes) == 0 {
		return nil
	}
	_, err = r.client.AgentPools.Update(ctx, id.Pool(plan.Name.ValueString()), func(p *armcontainerservice.AgentPool) error {
		if p.Properties == nil {
			p.Properties = &armcontainerservice.ManagedClusterAgentPoolProfileProperties{}
		}
		for _, c := range changes {
			c.apply(p.Properties)
		}
		return nil
	})
	return err
}

// defaultPoolFromAPI is the pool AKS returned as the default_node_pool model, refreshed over plan.
func defaultPoolFromAPI(ctx context.Context, pool *armcontainerservice.AgentPool, plan defaultNodePoolModel) (defaultNodePoolModel, error) {
	planned, diags := plan.settings(ctx)
	settings, upgrade, d := flattenNodePool(ctx, pool, flattenOptions{prior: &planned, priorUpgradeSettings: plan.UpgradeSettings})
	diags.Append(d...)
	out, d := plan.fromSettings(ctx, settings, upgrade)
	diags.Append(d...)
	if diags.HasError() {
		return out, fmt.Errorf("reading pool %s: %v", deref(pool.Name), diags)
	}
	return out, nil
}

// poolMatches reports whether the pool has the planned values of every setting AKS can't change
// in place.
func poolMatches(ctx context.Context, pool *armcontainerservice.AgentPool, plan defaultNodePoolModel) bool {
	current, err := defaultPoolFromAPI(ctx, pool, plan)
	return err == nil && len(rotationChanges(current, plan)) == 0
}

func isSucceeded(pool *armcontainerservice.AgentPool) bool {
	return pool.Properties == nil || pool.Properties.ProvisioningState == nil || strings.EqualFold(*pool.Properties.ProvisioningState, "Succeeded")
}

func isRotationPoolFor(pool *armcontainerservice.AgentPool, name string) bool {
	if pool == nil || pool.Properties == nil {
		return false
	}
	v := pool.Properties.Tags[rotationTag]
	return v != nil && strings.EqualFold(*v, name)
}

// temporaryPool is the body of the rotation's temporary pool: the new pool's, tagged with the
// name of the pool it stands in for.
func temporaryPool(body armcontainerservice.AgentPool, standsInFor string) armcontainerservice.AgentPool {
	out := body
	if body.Properties != nil {
		props := *body.Properties
		tags := map[string]*string{}
		for k, v := range props.Tags {
			tags[k] = v
		}
		tags[rotationTag] = to.Ptr(standsInFor)
		props.Tags = tags
		out.Properties = &props
	}
	return out
}

func logRotation(ctx context.Context, message, pool string) {
	tflog.Info(ctx, "default pool rotation: "+message, map[string]any{"pool": pool})
}
