package aks

import (
	"context"
	"sort"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
	"github.com/aksforge/terraform-provider-aks/internal/clients"
	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

var _ datasource.DataSourceWithConfigure = (*nodePoolsDataSource)(nil)

// NewNodePoolsDataSource is the constructor of the aks_node_pools data source.
func NewNodePoolsDataSource() datasource.DataSource {
	return &nodePoolsDataSource{}
}

type nodePoolsDataSource struct {
	client *clients.Client
}

type nodePoolsDataSourceModel struct {
	ClusterID types.String              `tfsdk:"cluster_id"`
	Names     []types.String            `tfsdk:"names"`
	NodePools []nodePoolDataSourceModel `tfsdk:"node_pools"`
}

func (d *nodePoolsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_node_pools"
}

func (d *nodePoolsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Every node pool of a managed cluster, as `az aks nodepool list` shows them: name, mode, node count, VM size, OS, " +
			"Kubernetes version, provisioning state and the rest of each pool's settings. One read of the cluster, whose answer holds every pool, shared with the cluster and node pools read in the same run.",
		Attributes: map[string]schema.Attribute{
			"cluster_id": schema.StringAttribute{
				Required: true, MarkdownDescription: "The ARM ID of the managed cluster.",
				Validators: []validator.String{rules.ManagedClusterID()},
			},
			"names": schema.ListAttribute{
				Computed: true, ElementType: types.StringType,
				MarkdownDescription: "The pools' names, sorted.",
			},
			"node_pools": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The pools, sorted by name, with the attributes of the `aks_node_pool` data source.",
				NestedObject:        schema.NestedAttributeObject{Attributes: nodePoolDataSourceAttributes()},
			},
		},
	}
}

func (d *nodePoolsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *nodePoolsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	config, ok := readDataSourceConfig[nodePoolsDataSourceModel](ctx, req, resp)
	if !ok {
		return
	}
	cluster, err := aksapi.ParseClusterID(config.ClusterID.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("cluster_id"), "Invalid managed cluster ID", err.Error())
		return
	}
	pools, err := d.client.AKS.CachedPools(ctx, cluster)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("cluster_id"), "Could not list the cluster's node pools", err.Error())
		return
	}
	sorted := make([]*armcontainerservice.AgentPool, len(pools))
	copy(sorted, pools)
	sort.Slice(sorted, func(i, j int) bool { return deref(sorted[i].Name) < deref(sorted[j].Name) })

	out := nodePoolsDataSourceModel{ClusterID: config.ClusterID, Names: []types.String{}, NodePools: []nodePoolDataSourceModel{}}
	for _, pool := range sorted {
		m, diags := nodePoolDataModel(ctx, pool, cluster.Pool(deref(pool.Name)), config.ClusterID)
		resp.Diagnostics.Append(diags...)
		out.Names = append(out.Names, m.Name)
		out.NodePools = append(out.NodePools, m)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, out)...)
}

// nodePoolDataModel is one pool as the data sources show it: everything AKS reports.
func nodePoolDataModel(ctx context.Context, pool *armcontainerservice.AgentPool, id aksapi.PoolID, clusterID types.String) (nodePoolDataSourceModel, diag.Diagnostics) {
	settings, upgrade, diags := flattenNodePool(ctx, pool, flattenOptions{showUpgradeSettings: true})
	m := nodePoolDataSourceModel{nodePoolSettings: settings, UpgradeSettings: upgrade}
	m.ID, m.ClusterID = poolIDs(pool, id, types.StringNull(), clusterID)
	m.Name = types.StringValue(id.Name)
	if pool.Name != nil {
		m.Name = types.StringValue(*pool.Name)
	}
	return m, diags
}
