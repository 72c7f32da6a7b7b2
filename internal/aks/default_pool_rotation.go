package aks

import (
	"context"
	"fmt"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
)

// This file changes aks_cluster's default node pool after creation, through the agentPools API
// only: in place when AKS can, else by rotating the pool (planned in default_pool_plan.go).
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
// The temporary pool is tagged with the name of the pool it stands in for (rotationTag); only
// tagged pools are ever reused or deleted as temporary pools, so a pool someone else created under
// the temporary name is never touched.

// updateDefaultPool applies the default pool's change: a rotation when AKS can't make it in place
// or when an earlier rotation is unfinished, else one agentPools PUT of the changed attributes
// (with If-Match; with none, the reconcile of a Failed pool) and, when planned, the node image
// upgrade.
func (r *clusterResource) updateDefaultPool(ctx context.Context, id aksapi.ClusterID, state, plan defaultNodePoolModel) error {
	coord := r.client.AKS
	pools, err := coord.ListPools(ctx, id)
	if err != nil {
		return err
	}
	name := plan.Name.ValueString()
	unfinished := findPool(pools, name) == nil || len(rotationPools(pools, name)) > 0
	if unfinished || changed(state.Name, plan.Name) || len(rotationChanges(state, plan)) > 0 {
		return r.rotateDefaultPool(ctx, id, state, plan)
	}

	stateValues, diags := state.values(ctx)
	planValues, d := plan.values(ctx)
	diags.Append(d...)
	if diags.HasError() {
		return fmt.Errorf("reading the default pool's settings: %v", diags)
	}
	changes, diags := nodePoolChanges(ctx, stateValues, planValues)
	if diags.HasError() {
		return fmt.Errorf("comparing the default pool's settings: %v", diags)
	}
	poolID := id.Pool(name)
	var pool *armcontainerservice.AgentPool
	// A Failed pool is reconciled by a PUT even without changes (planned by planReconcile).
	if len(changes) > 0 || isFailed(state.ProvisioningState) {
		result, err := coord.UpdatePool(ctx, poolID, applyPoolChanges(changes))
		if err != nil {
			return err
		}
		pool = result.Pool
	}
	if nodeImageUpgradePlanned(stateValues, planValues) {
		if _, err := upgradeNodeImageIfBehind(ctx, coord, poolID, pool); err != nil {
			return err
		}
	}
	return nil
}

// rotateDefaultPool brings the cluster's pools to the planned default pool, whatever step an
// earlier attempt stopped at (see the top of this file).
func (r *clusterResource) rotateDefaultPool(ctx context.Context, id aksapi.ClusterID, state, plan defaultNodePoolModel) error {
	coord := r.client.AKS
	desired, previous := plan.Name.ValueString(), state.Name.ValueString()
	settings, diags := plan.settings(ctx)
	body, d := expandNodePool(ctx, settings, plan.UpgradeSettings)
	diags.Append(d...)
	if diags.HasError() {
		return fmt.Errorf("building the default pool: %v", diags)
	}
	created := false

	for step := 0; step < maxRotationSteps; step++ {
		pools, err := coord.ListPools(ctx, id)
		if err != nil {
			return err
		}
		target := findPool(pools, desired)
		temps := rotationPools(pools, desired)

		switch {
		case target == nil:
			logRotation(ctx, "creating the default pool with its new settings", desired)
			if _, err := coord.CreateOrUpdatePool(ctx, id.Pool(desired), body, aksapi.CreateOnly); err != nil {
				return err
			}
			created = true

		case !poolMatches(ctx, target, plan):
			if err := r.standInOrDelete(ctx, id, pools, plan, body); err != nil {
				return err
			}
		case !isSucceeded(target):
			logRotation(ctx, "sending the default pool again after a failed operation", desired)
			if _, err := coord.CreateOrUpdatePool(ctx, id.Pool(desired), body, aksapi.Precondition{IfMatch: "*"}); err != nil {
				return err
			}
			created = true

		default:
			if !strings.EqualFold(previous, desired) && findPool(pools, previous) != nil && !isRotationPoolFor(findPool(pools, previous), desired) {
				logRotation(ctx, "deleting the default pool's previous pool after the rename (its nodes are drained)", previous)
				if err := coord.DeletePool(ctx, id.Pool(previous), aksapi.DeleteOptions{}); err != nil {
					return err
				}
				continue
			}
			if len(temps) > 0 {
				for _, t := range temps {
					logRotation(ctx, "deleting the temporary pool (its nodes are drained)", deref(t.Name))
					if err := coord.DeletePool(ctx, id.Pool(deref(t.Name)), aksapi.DeleteOptions{}); err != nil {
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

// standInOrDelete is the rotation's step for a pool whose settings AKS can't change in place:
// without a temporary pool with the new settings, make one (deleting outdated ones first); with
// one, delete the pool, whose pods move to the temporary pool.
func (r *clusterResource) standInOrDelete(ctx context.Context, id aksapi.ClusterID, pools []*armcontainerservice.AgentPool, plan defaultNodePoolModel, body armcontainerservice.AgentPool) error {
	coord := r.client.AKS
	desired, tempName := plan.Name.ValueString(), temporaryName(plan)
	temps := rotationPools(pools, desired)
	var temp *armcontainerservice.AgentPool
	for _, t := range temps {
		if poolMatches(ctx, t, plan) && isSucceeded(t) {
			temp = t
		}
	}
	if temp != nil {
		logRotation(ctx, "deleting the default pool to recreate it (its nodes are drained)", desired)
		return coord.DeletePool(ctx, id.Pool(desired), aksapi.DeleteOptions{IgnorePodDisruptionBudget: false})
	}
	for _, t := range temps {
		logRotation(ctx, "deleting a temporary pool with outdated settings", deref(t.Name))
		if err := coord.DeletePool(ctx, id.Pool(deref(t.Name)), aksapi.DeleteOptions{}); err != nil {
			return err
		}
	}
	if other := findPool(pools, tempName); other != nil && !isRotationPoolFor(other, desired) {
		return fmt.Errorf("the temporary pool name %q is taken by a pool no rotation created; set default_node_pool.temporary_name_for_rotation to a free name", tempName)
	}
	logRotation(ctx, "creating the temporary System pool", tempName)
	_, err := coord.CreateOrUpdatePool(ctx, id.Pool(tempName), temporaryPool(body, desired), aksapi.CreateOnly)
	return err
}

// reconcileDefaultPool applies the in-place differences between a pool an earlier attempt created
// and the plan.
func (r *clusterResource) reconcileDefaultPool(ctx context.Context, id aksapi.ClusterID, pool *armcontainerservice.AgentPool, plan defaultNodePoolModel) error {
	current, err := defaultPoolFromAPI(ctx, pool, plan)
	if err != nil {
		return err
	}
	currentValues, diags := current.values(ctx)
	planValues, d := plan.values(ctx)
	diags.Append(d...)
	if diags.HasError() {
		return fmt.Errorf("reading the default pool's settings: %v", diags)
	}
	// Values AKS chose where the plan left them to it are not differences.
	if !planValues.UpgradeSettings.IsNull() && hasUnknown(planValues.UpgradeSettings) {
		planValues.UpgradeSettings = current.UpgradeSettings
	}
	changes, diags := nodePoolChanges(ctx, currentValues, planValues)
	if diags.HasError() || len(changes) == 0 {
		return nil
	}
	_, err = r.client.AKS.UpdatePool(ctx, id.Pool(plan.Name.ValueString()), applyPoolChanges(changes))
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
