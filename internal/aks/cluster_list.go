package aks

// The aks_cluster list resource, for `terraform query` (Terraform 1.14 and later): the managed
// clusters of a subscription, or of one of its resource groups. With include_resource each result
// carries the cluster as importing it and reading it would record it, so that
// `terraform query -generate-config-out` writes configuration that plans with no changes.

import (
	"context"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
	"github.com/aksforge/terraform-provider-aks/internal/clients"
	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

var (
	_ list.ListResource              = (*clusterListResource)(nil)
	_ list.ListResourceWithConfigure = (*clusterListResource)(nil)
)

// NewClusterListResource is the constructor of the aks_cluster list resource.
func NewClusterListResource() list.ListResource {
	return &clusterListResource{}
}

type clusterListResource struct {
	client *clients.Client
}

type clusterListModel struct {
	SubscriptionID    types.String `tfsdk:"subscription_id"`
	ResourceGroupName types.String `tfsdk:"resource_group_name"`
}

func (r *clusterListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_cluster"
}

func (r *clusterListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (r *clusterListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the AKS managed clusters of a subscription (one `managedClusters` list call), or of one of its resource groups, " +
			"for `terraform query`. Each result's identity is the cluster's subscription, resource group and name; with `include_resource = true` " +
			"the result is the cluster as an import would record it, its default pool included (no further call: the list answer holds every pool), " +
			"so `terraform query -generate-config-out=FILE` writes import blocks and configuration that plan with no changes.",
		Attributes: map[string]schema.Attribute{
			"subscription_id": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "The subscription to list. Defaults to the provider's `subscription_id`.",
				Validators:          []validator.String{rules.GUID()},
			},
			"resource_group_name": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Lists only the clusters of this resource group. Without it, every cluster of the subscription is listed.",
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 90)},
			},
		},
	}
}

func (r *clusterListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var config clusterListModel
	diags := req.Config.Get(ctx, &config)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	subscription := r.client.SubscriptionID
	if known(config.SubscriptionID) {
		subscription = config.SubscriptionID.ValueString()
	}
	clusters, err := r.client.AKS.ListClusters(ctx, subscription, config.ResourceGroupName.ValueString())
	if err != nil {
		diags.AddError("Could not list the managed clusters", err.Error())
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = func(push func(list.ListResult) bool) {
		for i, mc := range clusters {
			if req.Limit > 0 && int64(i) >= req.Limit {
				return
			}
			if !push(r.result(ctx, req, mc)) {
				return
			}
		}
	}
}

// result is one listed cluster: its identity and, when asked for, the cluster as importing it by
// identity and reading it would record it.
func (r *clusterListResource) result(ctx context.Context, req list.ListRequest, mc *armcontainerservice.ManagedCluster) list.ListResult {
	result := req.NewListResult(ctx)
	id, err := aksapi.ParseClusterID(deref(mc.ID))
	if err != nil {
		result.Diagnostics.AddError("AKS listed a managed cluster with an invalid ID", err.Error())
		return result
	}
	result.DisplayName = id.ResourceGroup + "/" + id.Name
	result.Diagnostics.Append(result.Identity.Set(ctx, clusterIdentityOf(id))...)
	if !req.IncludeResource || result.Diagnostics.HasError() {
		return result
	}
	state, diags := r.importedCluster(ctx, id, mc)
	result.Diagnostics.Append(diags...)
	if !diags.HasError() {
		result.Diagnostics.Append(result.Resource.Set(ctx, state)...)
	}
	return result
}

// importedCluster is what ImportState then Read record for the cluster mc: the same prior (the ID,
// name and resource group, nothing else) refreshed by the same code.
func (r *clusterListResource) importedCluster(ctx context.Context, id aksapi.ClusterID, mc *armcontainerservice.ManagedCluster) (clusterResourceModel, diag.Diagnostics) {
	prior := clusterResourceModel{Timeouts: timeouts.Value{Object: types.ObjectNull(timeoutsAttrTypes)}}
	prior.ID = types.StringValue(id.String())
	prior.Name = types.StringValue(id.Name)
	prior.ResourceGroupName = types.StringValue(id.ResourceGroup)
	state, diags := clusterFromAPI(ctx, mc, prior, true)
	// The listed cluster holds its pools (agentPoolProfiles), as a GET does: no read per cluster.
	pools, err := aksapi.PoolsOf(id, mc)
	if err != nil {
		diags.AddError("Could not read the cluster's node pools", err.Error())
		return state, diags
	}
	diags.Append(state.readDefaultPool(ctx, id, mc, pools, prior, true)...)
	return state, diags
}
