package aks

import (
	"context"
	"fmt"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
)

type nodePoolResourceModel struct {
	ID        types.String `tfsdk:"id"`
	ClusterID types.String `tfsdk:"cluster_id"`
	Name      types.String `tfsdk:"name"`
	nodePoolSettings
	UpgradeSettings                   types.Object   `tfsdk:"upgrade_settings"`
	IgnorePodDisruptionBudgetOnDelete types.Bool     `tfsdk:"ignore_pod_disruption_budget_on_delete"`
	Timeouts                          timeouts.Value `tfsdk:"timeouts"`
}

// values is the pool as the shared pool code reads it.
func (m nodePoolResourceModel) values() poolValues {
	return poolValues{nodePoolSettings: m.nodePoolSettings, UpgradeSettings: m.UpgradeSettings}
}

// setValues takes back what the shared pool planning filled in.
func (m *nodePoolResourceModel) setValues(v poolValues) {
	m.nodePoolSettings, m.UpgradeSettings = v.nodePoolSettings, v.UpgradeSettings
}

// stateFromPool builds the state for pool, refreshed over prior (the plan after a write, the
// state on refresh).
func (r *nodePoolResource) stateFromPool(ctx context.Context, pool *armcontainerservice.AgentPool, id aksapi.PoolID, prior nodePoolResourceModel, importing bool) (nodePoolResourceModel, diag.Diagnostics) {
	settings, upgrade, diags := flattenNodePool(ctx, pool, flattenOptions{
		prior:                &prior.nodePoolSettings,
		priorUpgradeSettings: prior.UpgradeSettings,
		importing:            importing,
	})
	out := nodePoolResourceModel{
		nodePoolSettings:                  settings,
		UpgradeSettings:                   upgrade,
		IgnorePodDisruptionBudgetOnDelete: prior.IgnorePodDisruptionBudgetOnDelete,
		Timeouts:                          prior.Timeouts,
	}
	out.ID, out.ClusterID = poolIDs(pool, id, prior.ID, prior.ClusterID)
	out.Name = types.StringValue(id.Name)
	if pool.Name != nil {
		out.Name = keepSpelling(prior.Name, pool.Name)
	}
	if !known(out.IgnorePodDisruptionBudgetOnDelete) {
		out.IgnorePodDisruptionBudgetOnDelete = types.BoolValue(false)
	}
	return out, diags
}

// recordAfterFailure records a pool AKS accepted but whose operation failed or was not waited
// for to the end: read it back if possible, else keep what was planned with AKS-computed values
// unset. Terraform then marks the resource tainted.
func (r *nodePoolResource) recordAfterFailure(ctx context.Context, id aksapi.PoolID, prior nodePoolResourceModel, state interface {
	Set(context.Context, any) diag.Diagnostics
}, diags *diag.Diagnostics) {
	// The caller's context may be the one that timed out: read with a short one of our own.
	readCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	if pool, err := r.client.AKS.GetPool(readCtx, id); err == nil {
		recorded, d := r.stateFromPool(ctx, pool, id, prior, false)
		diags.Append(d...)
		diags.Append(state.Set(ctx, recorded)...)
		return
	}
	diags.Append(state.Set(ctx, knownOnly(prior, id))...)
}

// knownOnly is prior with the ID set and every unknown value null (state can't hold unknowns).
func knownOnly(prior nodePoolResourceModel, id aksapi.PoolID) nodePoolResourceModel {
	out := prior
	out.ID = types.StringValue(id.String())
	nullUnknownStrings(&out.OSSKU, &out.VMSize, &out.OrchestratorVersion, &out.CurrentOrchestratorVersion, &out.NodeImageVersion,
		&out.CurrentNodeImageVersion, &out.OSDiskType, &out.KubeletDiskType, &out.EvictionPolicy, &out.ProvisioningState)
	nullUnknownInts(&out.NodeCount, &out.CurrentNodeCount, &out.OSDiskSizeGB, &out.MaxPods)
	if out.SpotMaxPrice.IsUnknown() {
		out.SpotMaxPrice = types.Float64Null()
	}
	out.UpgradeSettings = nullIfPartlyUnknown(out.UpgradeSettings, upgradeSettingsAttrTypes)
	nullUnknownStrings(&out.VnetSubnetID)
	nullUnknownGroupValues(context.Background(), &out.nodePoolSettings)
	return out
}

// settleWithoutCall is the new state of an update that needs no call: the plan, with what only
// AKS computes taken from the state.
func settleWithoutCall(plan, state nodePoolResourceModel) nodePoolResourceModel {
	out := plan
	takeIfUnknown(&out.CurrentNodeCount, state.CurrentNodeCount)
	takeIfUnknown(&out.CurrentOrchestratorVersion, state.CurrentOrchestratorVersion)
	takeIfUnknown(&out.CurrentNodeImageVersion, state.CurrentNodeImageVersion)
	takeIfUnknown(&out.NodeImageVersion, state.NodeImageVersion)
	takeIfUnknown(&out.NodeCount, state.NodeCount)
	takeIfUnknown(&out.ProvisioningState, state.ProvisioningState)
	return out
}

// alreadyExistsDetail is the import hint for a pool that exists already. Terraform does not tell
// a provider the address of the resource it is creating; Terraform prints it above the detail
// ("with aks_node_pool.<name>"), so the hint refers to it rather than guess it from the pool name.
func alreadyExistsDetail(id aksapi.PoolID) string {
	return fmt.Sprintf("Cluster %s already has a node pool named %q, created outside this configuration. Terraform does not take over an existing pool silently: import it into this resource to manage it here. "+
		"ADDRESS below is this resource's address, the one Terraform shows above after \"with\" (such as aks_node_pool.p2).\n\n"+
		"With the terraform CLI:\n\n  terraform import ADDRESS %[3]s\n\n"+
		"or with an import block (Terraform 1.5 or later), then plan and apply:\n\n  import {\n    to = ADDRESS\n    id = %[3]q\n  }\n\n"+
		"Or choose another name.",
		id.Cluster.Name, id.Name, id.String())
}
