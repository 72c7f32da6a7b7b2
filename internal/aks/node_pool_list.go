package aks

// The aks_node_pool list resource, for `terraform query` (Terraform 1.14 and later): the agent
// pools of one managed cluster, from one read of the cluster (its answer holds every pool). With
// include_resource each result carries the pool as importing it and reading it would record it, so that
// `terraform query -generate-config-out` writes configuration that plans with no changes.

import (
	"context"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
	"github.com/aksforge/terraform-provider-aks/internal/clients"
	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

var (
	_ list.ListResource              = (*nodePoolListResource)(nil)
	_ list.ListResourceWithConfigure = (*nodePoolListResource)(nil)
)

// NewNodePoolListResource is the constructor of the aks_node_pool list resource.
func NewNodePoolListResource() list.ListResource {
	return &nodePoolListResource{}
}

type nodePoolListResource struct {
	client *clients.Client
}

type nodePoolListModel struct {
	ClusterID types.String `tfsdk:"cluster_id"`
}

func (r *nodePoolListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_node_pool"
}

func (r *nodePoolListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (r *nodePoolListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the node pools (agent pools) of one AKS managed cluster for `terraform query`, with one read of the cluster however many pools there are. " +
			"Each result's identity is the pool's subscription, resource group, cluster and name; with `include_resource = true` the result is the pool as an import would record it, " +
			"so `terraform query -generate-config-out=FILE` writes import blocks and configuration that plan with no changes. " +
			"The default pool of an `aks_cluster` is listed too: leave it out of the generated configuration if the cluster is managed by `aks_cluster`.",
		Attributes: map[string]schema.Attribute{
			"cluster_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The ARM ID of the managed cluster whose pools are listed.",
				Validators:          []validator.String{rules.ManagedClusterID()},
			},
		},
	}
}

func (r *nodePoolListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var config nodePoolListModel
	diags := req.Config.Get(ctx, &config)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	cluster, err := aksapi.ParseClusterID(config.ClusterID.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("cluster_id"), "Invalid managed cluster ID", err.Error())
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	pools, err := r.client.AKS.CachedPools(ctx, cluster)
	if err != nil {
		diags.AddError("Could not list the cluster's node pools", err.Error())
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = func(push func(list.ListResult) bool) {
		for i, pool := range pools {
			if req.Limit > 0 && int64(i) >= req.Limit {
				return
			}
			if !push(r.result(ctx, req, cluster, pool)) {
				return
			}
		}
	}
}

// result is one listed pool: its identity and, when asked for, the pool as importing it by
// identity and reading it would record it (the same prior, refreshed by the same code).
func (r *nodePoolListResource) result(ctx context.Context, req list.ListRequest, cluster aksapi.ClusterID, pool *armcontainerservice.AgentPool) list.ListResult {
	result := req.NewListResult(ctx)
	id := cluster.Pool(deref(pool.Name))
	result.DisplayName = id.Cluster.Name + "/" + id.Name
	result.Diagnostics.Append(result.Identity.Set(ctx, nodePoolIdentityOf(id))...)
	if !req.IncludeResource || result.Diagnostics.HasError() {
		return result
	}
	prior := nodePoolResourceModel{
		ID:                                types.StringValue(id.String()),
		Name:                              types.StringValue(id.Name),
		UpgradeSettings:                   types.ObjectNull(upgradeSettingsAttrTypes),
		IgnorePodDisruptionBudgetOnDelete: types.BoolValue(false),
		Timeouts:                          timeouts.Value{Object: types.ObjectNull(timeoutsAttrTypes)},
	}
	state, diags := (&nodePoolResource{client: r.client}).stateFromPool(ctx, pool, id, prior, true)
	result.Diagnostics.Append(diags...)
	if !diags.HasError() {
		result.Diagnostics.Append(result.Resource.Set(ctx, state)...)
	}
	return result
}
