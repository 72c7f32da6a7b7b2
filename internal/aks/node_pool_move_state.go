package aks

// Moving an azurerm_kubernetes_cluster_node_pool to aks_node_pool (Terraform 1.8 and later):
//
//	moved {
//	  from = azurerm_kubernetes_cluster_node_pool.user
//	  to   = aks_node_pool.user
//	}
//
// The mover reads azurerm's state (schema version 1, the shape of azurerm 4.x and 5.x; version 0
// differs only in the spelling of the IDs, which are read ignoring case) into this resource's
// state. The refresh that follows fills in what only AKS reports, so the first plan after the
// move shows only the differences between the configuration and the pool.

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

var _ resource.ResourceWithMoveState = (*nodePoolResource)(nil)

// azurermNodePoolType is azurerm's node pool resource, and azurermNodePoolSchemaVersion the
// newest schema version of its state this mover reads.
const (
	azurermNodePoolType          = "azurerm_kubernetes_cluster_node_pool"
	azurermNodePoolSchemaVersion = 1
)

func (r *nodePoolResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{{StateMover: moveNodePoolFromAzurerm}}
}

func moveNodePoolFromAzurerm(ctx context.Context, req resource.MoveStateRequest, resp *resource.MoveStateResponse) {
	if !fromAzurerm(req, azurermNodePoolType) {
		return // not ours to move: the framework reports that no mover matched
	}
	if req.SourceSchemaVersion > azurermNodePoolSchemaVersion {
		resp.Diagnostics.AddError("Unsupported azurerm state version", fmt.Sprintf(
			"The state of %s has schema version %d; this provider reads versions up to %d. Import the pool instead: terraform import aks_node_pool.NAME POOL_ID.",
			azurermNodePoolType, req.SourceSchemaVersion, azurermNodePoolSchemaVersion))
		return
	}
	source, err := decodeAzurermState(req)
	if err != nil {
		resp.Diagnostics.AddError("Could not read the azurerm state", err.Error())
		return
	}
	state, id, diags := nodePoolFromAzurerm(ctx, source)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.TargetState.Set(ctx, state)...)
	if resp.TargetIdentity != nil {
		resp.Diagnostics.Append(resp.TargetIdentity.Set(ctx, nodePoolIdentityOf(id))...)
	}
}

// nodePoolFromAzurerm is aks_node_pool's state from azurerm's: the attributes both have, the
// provider-side ones at their defaults, and null what the refresh reads from AKS.
func nodePoolFromAzurerm(ctx context.Context, s azurermState) (nodePoolResourceModel, aksapi.PoolID, diag.Diagnostics) {
	var diags diag.Diagnostics
	rawID := s.str("id")
	id, err := aksapi.ParsePoolID(rawID.ValueString())
	if err != nil {
		diags.AddError("Invalid node pool ID in the azurerm state", err.Error())
		return nodePoolResourceModel{}, id, diags
	}
	settings, d := poolSettingsFromAzurerm(ctx, s)
	diags.Append(d...)
	clusterID := s.str("kubernetes_cluster_id")
	if clusterID.IsNull() {
		clusterID = types.StringValue(id.Cluster.String())
	}
	out := nodePoolResourceModel{
		ID:        rawID,
		ClusterID: clusterID,
		Name:      types.StringValue(id.Name),
		nodePoolSettings: nodePoolSettings{
			Mode:              s.strOr(rules.ModeUser, "mode"),
			OSType:            s.strOr(rules.OSTypeLinux, "os_type"),
			poolSettings:      settings,
			Priority:          s.strOr(rules.PriorityRegular, "priority"),
			EvictionPolicy:    types.StringNull(),
			SpotMaxPrice:      types.Float64Null(),
			nodePoolLifecycle: movedLifecycle(),
			nodePoolWindows:   windowsFromAzurerm(s),
		},
		UpgradeSettings:                   upgradeSettingsFromAzurerm(s),
		IgnorePodDisruptionBudgetOnDelete: types.BoolValue(false),
		Timeouts:                          s.timeouts(),
	}
	if out.Priority.ValueString() == rules.PrioritySpot {
		// azurerm records its defaults (Delete, -1) for Regular pools too; they mean something
		// only for Spot pools, which is also the only case this provider records them.
		out.EvictionPolicy = s.str("eviction_policy")
		if v, ok := s["spot_max_price"].(float64); ok {
			out.SpotMaxPrice = types.Float64Value(v)
		}
	}
	return out, id, diags
}
