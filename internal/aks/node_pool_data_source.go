package aks

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
	"github.com/aksforge/terraform-provider-aks/internal/clients"
	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

var _ datasource.DataSourceWithConfigure = (*nodePoolDataSource)(nil)

// NewNodePoolDataSource is the constructor of the aks_node_pool data source.
func NewNodePoolDataSource() datasource.DataSource {
	return &nodePoolDataSource{}
}

type nodePoolDataSource struct {
	client *clients.Client
}

type nodePoolDataSourceModel struct {
	ID        types.String `tfsdk:"id"`
	ClusterID types.String `tfsdk:"cluster_id"`
	Name      types.String `tfsdk:"name"`
	nodePoolSettings
	UpgradeSettings types.Object `tfsdk:"upgrade_settings"`
}

func (d *nodePoolDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_node_pool"
}

func (d *nodePoolDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := nodePoolDataSourceAttributes()
	attrs["cluster_id"] = schema.StringAttribute{
		Required: true, MarkdownDescription: "The ARM ID of the managed cluster.",
		Validators: []validator.String{rules.ManagedClusterID()},
	}
	attrs["name"] = schema.StringAttribute{
		Required: true, MarkdownDescription: "The node pool's name.",
		Validators: []validator.String{rules.NodePoolName()},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "One node pool of a managed cluster, as `az aks nodepool show` shows it. " +
			"Node pools read in the same run share one read of their cluster, whose answer holds every pool.",
		Attributes: attrs,
	}
}

// nodePoolDataSourceAttributes is the computed schema of one pool, shared by aks_node_pool and
// the elements of aks_node_pools.
func nodePoolDataSourceAttributes() map[string]schema.Attribute {
	d := computedDocs(nodePoolDocs)
	str, num, flag := d.str, d.num, d.flag
	attrs := map[string]schema.Attribute{
		"id":                           str("id"),
		"cluster_id":                   str("cluster_id"),
		"name":                         str("name"),
		"mode":                         str("mode"),
		"os_type":                      str("os_type"),
		"os_sku":                       str("os_sku"),
		"vm_size":                      str("vm_size"),
		"node_count":                   num("node_count"),
		"current_node_count":           num("current_node_count"),
		"auto_scaling_enabled":         flag("auto_scaling_enabled"),
		"min_count":                    num("min_count"),
		"max_count":                    num("max_count"),
		"orchestrator_version":         str("orchestrator_version"),
		"current_orchestrator_version": str("current_orchestrator_version"),
		"node_image_version":           str("node_image_version"),
		"current_node_image_version":   str("current_node_image_version"),
		"vnet_subnet_id":               str("vnet_subnet_id"),
		"pod_subnet_id":                str("pod_subnet_id"),
		"fips_enabled":                 flag("fips_enabled"),
		"os_disk_type":                 str("os_disk_type"),
		"os_disk_size_gb":              num("os_disk_size_gb"),
		"kubelet_disk_type":            str("kubelet_disk_type"),
		"max_pods":                     num("max_pods"),
		"zones":                        schema.SetAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: d["zones"]},
		"node_labels":                  schema.MapAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: d["node_labels"]},
		"node_taints":                  schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: d["node_taints"]},
		"tags":                         schema.MapAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: d["tags"]},
		"priority":                     str("priority"),
		"eviction_policy":              str("eviction_policy"),
		"spot_max_price":               schema.Float64Attribute{Computed: true, MarkdownDescription: d["spot_max_price"]},
		"host_encryption_enabled":      flag("host_encryption_enabled"),
		"provisioning_state":           str("provisioning_state"),
		"upgrade_settings": d.object("upgrade_settings", map[string]schema.Attribute{
			"max_surge":                     str("max_surge"),
			"max_unavailable":               str("max_unavailable"),
			"drain_timeout_in_minutes":      num("drain_timeout_in_minutes"),
			"node_soak_duration_in_minutes": num("node_soak_duration_in_minutes"),
			"undrainable_node_behavior":     str("undrainable_node_behavior"),
		}),
	}
	// The attribute groups' settings are shown as the resource declares them, all computed.
	maps.Copy(attrs, computedAttributes(groupAttributes(nodePoolKind)))
	maps.Copy(attrs, computedAttributes(nodePoolOnlyAttributes()))
	return attrs
}

func (d *nodePoolDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *nodePoolDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	config, ok := readDataSourceConfig[nodePoolDataSourceModel](ctx, req, resp)
	if !ok {
		return
	}
	cluster, err := aksapi.ParseClusterID(config.ClusterID.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("cluster_id"), "Invalid managed cluster ID", err.Error())
		return
	}
	id := cluster.Pool(config.Name.ValueString())
	pool, err := d.client.AKS.CachedPool(ctx, id)
	if aksapi.IsNotFound(err) {
		resp.Diagnostics.AddAttributeError(path.Root("name"), "Node pool not found",
			fmt.Sprintf("Cluster %s has no node pool named %q (or the cluster does not exist). The aks_node_pools data source lists the pools it has.", cluster.String(), id.Name))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Could not read the node pool", err.Error())
		return
	}
	m, diags := nodePoolDataModel(ctx, pool, id, config.ClusterID)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}
