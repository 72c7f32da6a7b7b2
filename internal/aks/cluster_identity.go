package aks

// aks_cluster's resource identity (Terraform 1.12 and later): the subscription, resource group and
// name of the managed cluster, so that an import block can name a cluster without its ARM ID and
// `terraform query` can list clusters. Import by ID keeps working.

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

var _ resource.ResourceWithIdentity = (*clusterResource)(nil)

// clusterResourceIdentity is aks_cluster's identity.
type clusterResourceIdentity struct {
	SubscriptionID    types.String `tfsdk:"subscription_id"`
	ResourceGroupName types.String `tfsdk:"resource_group_name"`
	Name              types.String `tfsdk:"name"`
}

func (r *clusterResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = clusterIdentitySchema()
}

func clusterIdentitySchema() identityschema.Schema {
	return identityschema.Schema{Attributes: map[string]identityschema.Attribute{
		"subscription_id":     identityschema.StringAttribute{RequiredForImport: true, Description: "The ID of the subscription the cluster is in."},
		"resource_group_name": identityschema.StringAttribute{RequiredForImport: true, Description: "The resource group of the cluster."},
		"name":                identityschema.StringAttribute{RequiredForImport: true, Description: "The name of the managed cluster."},
	}}
}

func clusterIdentityOf(id aksapi.ClusterID) clusterResourceIdentity {
	return clusterResourceIdentity{
		SubscriptionID:    types.StringValue(id.SubscriptionID),
		ResourceGroupName: types.StringValue(id.ResourceGroup),
		Name:              types.StringValue(id.Name),
	}
}

// recordClusterIdentity is recordIdentity for aks_cluster.
func recordClusterIdentity(ctx context.Context, state *tfsdk.State, requested *aksapi.ClusterID, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	recordIdentity(ctx, state, requested, identity, aksapi.ParseClusterID,
		func(id aksapi.ClusterID) any { return clusterIdentityOf(id) }, "Invalid managed cluster ID", diags)
}

// ImportState imports a cluster by its ARM ID or, from Terraform 1.12, by its identity.
func (r *clusterResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, ok := clusterToImport(ctx, req, &resp.Diagnostics)
	if !ok {
		return
	}
	recorded := req.ID // an ID given keeps its spelling
	if recorded == "" {
		recorded = id.String()
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), recorded)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), id.Name)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("resource_group_name"), id.ResourceGroup)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("timeouts"), timeouts.Value{Object: types.ObjectNull(timeoutsAttrTypes)})...)
	if resp.Identity != nil {
		resp.Diagnostics.Append(resp.Identity.Set(ctx, clusterIdentityOf(id))...)
	}
}

// clusterToImport is the cluster an import names, by ID (keeping its spelling) or by identity.
func clusterToImport(ctx context.Context, req resource.ImportStateRequest, diags *diag.Diagnostics) (aksapi.ClusterID, bool) {
	if req.ID != "" {
		id, err := aksapi.ParseClusterID(req.ID)
		if err != nil {
			diags.AddError("Invalid managed cluster ID",
				fmt.Sprintf("%s\n\nImport a managed cluster by its ARM ID, as `az aks show --query id` prints it.", err))
			return id, false
		}
		return id, true
	}
	var identity clusterResourceIdentity
	if req.Identity == nil {
		diags.AddError("Missing import ID", "Import a managed cluster by its ARM ID or, with Terraform 1.12 or later, by its identity.")
		return aksapi.ClusterID{}, false
	}
	diags.Append(req.Identity.Get(ctx, &identity)...)
	if diags.HasError() {
		return aksapi.ClusterID{}, false
	}
	id := aksapi.ClusterID{
		SubscriptionID: identity.SubscriptionID.ValueString(),
		ResourceGroup:  identity.ResourceGroupName.ValueString(),
		Name:           identity.Name.ValueString(),
	}
	// Parsing the ID built from the identity checks its parts as an ID given directly would be.
	if _, err := aksapi.ParseClusterID(id.String()); err != nil || id.SubscriptionID == "" || id.ResourceGroup == "" || id.Name == "" {
		diags.AddError("Invalid managed cluster identity", fmt.Sprintf("subscription_id, resource_group_name and name must all be set, got %s.", id))
		return id, false
	}
	return id, true
}
