package aks

// aks_node_pool's resource identity (Terraform 1.12 and later): the subscription, resource group,
// cluster and name of the agent pool, so that an import block can name a pool without its ARM ID
// and `terraform query` can list pools. Import by ID keeps working.

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
)

var _ resource.ResourceWithIdentity = (*nodePoolResource)(nil)

// nodePoolResourceIdentity is aks_node_pool's identity.
type nodePoolResourceIdentity struct {
	SubscriptionID    types.String `tfsdk:"subscription_id"`
	ResourceGroupName types.String `tfsdk:"resource_group_name"`
	ClusterName       types.String `tfsdk:"cluster_name"`
	Name              types.String `tfsdk:"name"`
}

func (r *nodePoolResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = nodePoolIdentitySchema()
}

func nodePoolIdentitySchema() identityschema.Schema {
	return identityschema.Schema{Attributes: map[string]identityschema.Attribute{
		"subscription_id":     identityschema.StringAttribute{RequiredForImport: true, Description: "The ID of the subscription the cluster is in."},
		"resource_group_name": identityschema.StringAttribute{RequiredForImport: true, Description: "The resource group of the cluster."},
		"cluster_name":        identityschema.StringAttribute{RequiredForImport: true, Description: "The name of the managed cluster the pool belongs to."},
		"name":                identityschema.StringAttribute{RequiredForImport: true, Description: "The name of the node pool."},
	}}
}

func nodePoolIdentityOf(id aksapi.PoolID) nodePoolResourceIdentity {
	return nodePoolResourceIdentity{
		SubscriptionID:    types.StringValue(id.Cluster.SubscriptionID),
		ResourceGroupName: types.StringValue(id.Cluster.ResourceGroup),
		ClusterName:       types.StringValue(id.Cluster.Name),
		Name:              types.StringValue(id.Name),
	}
}

// recordNodePoolIdentity is recordIdentity for aks_node_pool.
func recordNodePoolIdentity(ctx context.Context, state *tfsdk.State, requested *aksapi.PoolID, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	recordIdentity(ctx, state, requested, identity, aksapi.ParsePoolID,
		func(id aksapi.PoolID) any { return nodePoolIdentityOf(id) }, "Invalid node pool ID", diags)
}

// ImportState imports a pool by its ARM ID or, from Terraform 1.12, by its identity.
func (r *nodePoolResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, ok := nodePoolToImport(ctx, req, &resp.Diagnostics)
	if !ok {
		return
	}
	recorded := req.ID // an ID given keeps its spelling
	if recorded == "" {
		recorded = id.String()
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), recorded)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), id.Name)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("ignore_pod_disruption_budget_on_delete"), false)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("timeouts"), timeouts.Value{Object: types.ObjectNull(timeoutsAttrTypes)})...)
	if resp.Identity != nil {
		resp.Diagnostics.Append(resp.Identity.Set(ctx, nodePoolIdentityOf(id))...)
	}
}

// nodePoolToImport is the pool an import names, by ID (keeping its spelling) or by identity.
func nodePoolToImport(ctx context.Context, req resource.ImportStateRequest, diags *diag.Diagnostics) (aksapi.PoolID, bool) {
	if req.ID != "" {
		id, err := aksapi.ParsePoolID(req.ID)
		if err != nil {
			diags.AddError("Invalid node pool ID",
				fmt.Sprintf("%s\n\nImport a node pool by its ARM ID, as `az aks nodepool show --query id` prints it.", err))
			return id, false
		}
		return id, true
	}
	var identity nodePoolResourceIdentity
	if req.Identity == nil {
		diags.AddError("Missing import ID", "Import a node pool by its ARM ID or, with Terraform 1.12 or later, by its identity.")
		return aksapi.PoolID{}, false
	}
	diags.Append(req.Identity.Get(ctx, &identity)...)
	if diags.HasError() {
		return aksapi.PoolID{}, false
	}
	id := aksapi.ClusterID{
		SubscriptionID: identity.SubscriptionID.ValueString(),
		ResourceGroup:  identity.ResourceGroupName.ValueString(),
		Name:           identity.ClusterName.ValueString(),
	}.Pool(identity.Name.ValueString())
	if _, err := aksapi.ParsePoolID(id.String()); err != nil || id.Cluster.SubscriptionID == "" || id.Cluster.ResourceGroup == "" || id.Cluster.Name == "" || id.Name == "" {
		diags.AddError("Invalid node pool identity", fmt.Sprintf("subscription_id, resource_group_name, cluster_name and name must all be set, got %s.", id))
		return id, false
	}
	return id, true
}
