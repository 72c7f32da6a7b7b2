package aks

// Planning shared by aks_node_pool and aks_cluster's default_node_pool: what an in-place change
// computes and warns about, and node image upgrades.

import (
	"context"
	"fmt"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// planPoolInPlace fills in what an in-place update of the pool at base will compute, and warns
// about changes that roll or reimage the nodes. Only called when the plan changes something.
func planPoolInPlace(base path.Path, state poolValues, plan *poolValues, config poolValues) diag.Diagnostics {
	var diags diag.Diagnostics
	autoscaling := plan.AutoScalingEnabled.ValueBool()

	// node_count: with autoscaling turned off and no configured count, the live count stays.
	if !autoscaling && state.AutoScalingEnabled.ValueBool() && config.NodeCount.IsNull() {
		plan.NodeCount = types.Int64Unknown()
	}
	if !changesNeedCall(state, *plan) {
		// Only provider-side settings change: nothing AKS computes can change either.
		plan.CurrentNodeCount = state.CurrentNodeCount
		plan.CurrentOrchestratorVersion = state.CurrentOrchestratorVersion
		plan.CurrentNodeImageVersion = state.CurrentNodeImageVersion
		plan.ProvisioningState = state.ProvisioningState
		return diags
	}
	switch {
	case !autoscaling && known(plan.NodeCount):
		plan.CurrentNodeCount = plan.NodeCount
	case autoscaling && state.AutoScalingEnabled.ValueBool():
		// The autoscaler may change the count at any moment: unknown until read back.
		plan.CurrentNodeCount = types.Int64Unknown()
	}

	versionChanges := changed(state.OrchestratorVersion, plan.OrchestratorVersion)
	skuChanges := changed(state.OSSKU, plan.OSSKU)
	fipsChanges := changed(state.FIPSEnabled, plan.FIPSEnabled)
	if versionChanges {
		plan.CurrentOrchestratorVersion = types.StringUnknown()
		if v, err := rules.ParseVersion(plan.OrchestratorVersion.ValueString()); err == nil && v.HasPatch {
			plan.CurrentOrchestratorVersion = plan.OrchestratorVersion
		}
		diags.AddAttributeWarning(base.AtName("orchestrator_version"), "The node pool will be upgraded",
			fmt.Sprintf("orchestrator_version changes from %s to %s: AKS upgrades the pool's nodes one batch at a time, creating surge nodes, draining and replacing the old ones "+
				"(upgrade_settings controls the surge and the drain timeout). The nodes also get the newest node image.",
				state.OrchestratorVersion.ValueString(), plan.OrchestratorVersion.ValueString()))
	} else {
		plan.CurrentOrchestratorVersion = state.CurrentOrchestratorVersion
	}
	if skuChanges {
		diags.AddAttributeWarning(base.AtName("os_sku"), "The node pool's OS will be migrated in place",
			fmt.Sprintf("os_sku changes from %s to %s: AKS migrates the pool in place by reimaging every node with the new OS image, like a node image upgrade "+
				"(nodes are drained and reimaged per upgrade_settings; workloads are rescheduled). There is no rollback other than migrating back.",
				state.OSSKU.ValueString(), plan.OSSKU.ValueString()))
	}
	if fipsChanges {
		diags.AddAttributeWarning(base.AtName("fips_enabled"), "The node pool will be reimaged",
			fmt.Sprintf("fips_enabled changes from %t to %t: AKS reimages every node of the pool with a FIPS %s image; workloads are drained and rescheduled.",
				state.FIPSEnabled.ValueBool(), plan.FIPSEnabled.ValueBool(), map[bool]string{true: "enabled", false: "disabled"}[plan.FIPSEnabled.ValueBool()]))
	}
	reimages := versionChanges || skuChanges || fipsChanges
	if reimages {
		plan.CurrentNodeImageVersion = types.StringUnknown()
		if config.NodeImageVersion.IsNull() {
			plan.NodeImageVersion = types.StringUnknown()
		} else if config.NodeImageVersion.ValueString() != nodeImageLatest {
			diags.AddAttributeError(base.AtName("node_image_version"), "Pinned node image conflicts with a change that reimages the nodes",
				fmt.Sprintf("node_image_version is pinned to %q, but this change makes AKS reimage the nodes with a new image, so the pin can't hold.\n\n"+
					"Fix: set node_image_version = \"latest\" or remove it for this change, and pin again afterwards if needed.", config.NodeImageVersion.ValueString()))
		}
	} else {
		plan.CurrentNodeImageVersion = state.CurrentNodeImageVersion
	}
	// provisioning_state reads back once the operation ends: "Succeeded", as a failure is an error.
	plan.ProvisioningState = types.StringValue("Succeeded")
	diags.Append(planGroups(base, state, plan, config)...)
	return diags
}

// changesNeedCall reports whether the plan changes anything AKS holds.
func changesNeedCall(state, plan poolValues) bool {
	changes, _ := nodePoolChanges(context.Background(), state, plan)
	return len(changes) > 0 || nodeImageUpgradePlanned(state, plan)
}

// planPoolNodeImage plans node image upgrades for the existing pool id, at base in the schema:
// with node_image_version "latest" (or a version equal to the newest offered) and a newer image
// offered, current_node_image_version is planned as that image and apply upgrades to it. api is
// nil while the provider is not configured.
func planPoolNodeImage(ctx context.Context, api *aksapi.Client, base path.Path, id aksapi.PoolID, state poolValues, plan *poolValues, config poolValues) diag.Diagnostics {
	var diags diag.Diagnostics
	wanted := config.NodeImageVersion
	if !known(wanted) || api == nil || plan.CurrentNodeImageVersion.IsUnknown() {
		return diags // not managed, or a reimaging change already installs the newest image
	}
	running := state.CurrentNodeImageVersion.ValueString()
	if wanted.ValueString() == running {
		return diags
	}
	profile, err := api.GetPoolUpgradeProfile(ctx, id)
	if err != nil {
		diags.AddAttributeError(base.AtName("node_image_version"), "Could not read the node images AKS offers", err.Error())
		return diags
	}
	latest := ""
	if profile.Properties != nil && profile.Properties.LatestNodeImageVersion != nil {
		latest = *profile.Properties.LatestNodeImageVersion
	}
	switch {
	case wanted.ValueString() == nodeImageLatest && (latest == "" || latest == running):
		return diags // already on the newest image
	case wanted.ValueString() == nodeImageLatest, wanted.ValueString() == latest:
		plan.CurrentNodeImageVersion = types.StringValue(latest)
		if wanted.ValueString() != nodeImageLatest {
			plan.NodeImageVersion = wanted
		}
		plan.ProvisioningState = types.StringValue("Succeeded")
		if plan.AutoScalingEnabled.ValueBool() {
			plan.CurrentNodeCount = types.Int64Unknown() // the autoscaler may act meanwhile
		}
		diags.AddAttributeWarning(base.AtName("node_image_version"), "The node image will be upgraded",
			fmt.Sprintf("AKS offers node image %s for this pool, which runs %s: apply upgrades the node image (as az aks nodepool upgrade --node-image-only does). "+
				"AKS reimages the nodes one batch at a time per upgrade_settings; workloads are drained and rescheduled.", latest, running))
	default:
		diags.AddAttributeError(base.AtName("node_image_version"), "Node image version not available",
			fmt.Sprintf("node_image_version = %q is neither the image the pool runs (%s) nor the newest one AKS offers for it (%s); AKS can only upgrade a pool to its newest image.\n\n"+
				"Fix: set node_image_version = %q to stay, %q (or \"latest\") to upgrade, or remove it.", wanted.ValueString(), running, latest, running, latest))
	}
	return diags
}

// nodeImageUpgradePlanned reports whether the plan expects a node image other than the running
// one because of node_image_version (not because another change reimages the nodes).
func nodeImageUpgradePlanned(state, plan poolValues) bool {
	if !known(plan.NodeImageVersion) || !known(plan.CurrentNodeImageVersion) {
		return false
	}
	return plan.CurrentNodeImageVersion.ValueString() != state.CurrentNodeImageVersion.ValueString()
}

// upgradeNodeImageIfBehind upgrades the pool's node image when it isn't on the newest one (a PUT
// just before may already have brought it there). It returns the pool afterwards, or nil when no
// upgrade was needed.
func upgradeNodeImageIfBehind(ctx context.Context, coord *aksapi.Client, id aksapi.PoolID, pool *armcontainerservice.AgentPool) (*armcontainerservice.AgentPool, error) {
	profile, err := coord.GetPoolUpgradeProfile(ctx, id)
	if err != nil {
		return nil, err
	}
	if profile.Properties == nil || profile.Properties.LatestNodeImageVersion == nil {
		return nil, nil
	}
	if pool == nil {
		if pool, err = coord.GetPool(ctx, id); err != nil {
			return nil, err
		}
	}
	if pool.Properties != nil && pool.Properties.NodeImageVersion != nil && *pool.Properties.NodeImageVersion == *profile.Properties.LatestNodeImageVersion {
		return nil, nil
	}
	return coord.UpgradePoolNodeImage(ctx, id)
}
