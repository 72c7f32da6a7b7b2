package aks

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
	"github.com/aksforge/terraform-provider-aks/internal/clients"
	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

var (
	_ datasource.DataSourceWithConfigure        = (*clusterDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*clusterDataSource)(nil)
)

// NewClusterDataSource is the constructor of the aks_cluster data source.
func NewClusterDataSource() datasource.DataSource {
	return &clusterDataSource{}
}

type clusterDataSource struct {
	client *clients.Client
}

// clusterDataSourceModel is everything aks_cluster exposes, nothing secret: the Windows profile
// shows only its user name, and no credential is read.
type clusterDataSourceModel struct {
	clusterAttributes
	DefaultNodePool *nodePoolDataSourceModel `tfsdk:"default_node_pool"`
	WindowsProfile  *windowsProfileDataModel `tfsdk:"windows_profile"`
}

type windowsProfileDataModel struct {
	AdminUsername types.String `tfsdk:"admin_username"`
}

func (d *clusterDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_cluster"
}

func (d *clusterDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	doc := computedDocs(clusterDocs)
	str, flag, strs := doc.str, doc.flag, doc.strs
	resp.Schema = schema.Schema{
		MarkdownDescription: "An existing AKS managed cluster, as `az aks show` shows it, found by `id` or by `name` and `resource_group_name`: " +
			"everything `aks_cluster` exposes, with its default (first System) node pool. Nothing secret is read: no credentials are listed, so a Reader can use it; " +
			"get credentials with the `aks_cluster_credentials` ephemeral resource.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: doc["id"] + " Give either `id`, or `name` and `resource_group_name`.",
				Validators: []validator.String{rules.ManagedClusterID()},
			},
			"name": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: "The cluster's name (with `resource_group_name`).",
				Validators: []validator.String{rules.ClusterName(), stringvalidator.AlsoRequires(path.MatchRoot("resource_group_name"))},
			},
			"resource_group_name": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: "The cluster's resource group (with `name`).",
				Validators: []validator.String{stringvalidator.AlsoRequires(path.MatchRoot("name"))},
			},
			"location":                        str("location"),
			"dns_prefix":                      str("dns_prefix"),
			"kubernetes_version":              str("kubernetes_version"),
			"current_kubernetes_version":      str("current_kubernetes_version"),
			"sku_tier":                        str("sku_tier"),
			"node_resource_group":             str("node_resource_group"),
			"oidc_issuer_enabled":             flag("oidc_issuer_enabled"),
			"oidc_issuer_url":                 str("oidc_issuer_url"),
			"workload_identity_enabled":       flag("workload_identity_enabled"),
			"local_account_disabled":          flag("local_account_disabled"),
			"azure_rbac_enabled":              flag("azure_rbac_enabled"),
			"admin_group_object_ids":          strs("admin_group_object_ids"),
			"private_cluster_enabled":         flag("private_cluster_enabled"),
			"api_server_authorized_ip_ranges": strs("api_server_authorized_ip_ranges"),
			"automatic_upgrade_channel":       str("automatic_upgrade_channel"),
			"node_os_upgrade_channel":         str("node_os_upgrade_channel"),
			"tags":                            schema.MapAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: doc["tags"]},
			"fqdn":                            str("fqdn"),
			"private_fqdn":                    str("private_fqdn"),
			"portal_fqdn":                     str("portal_fqdn"),
			"kubelet_identity": doc.object("kubelet_identity", map[string]schema.Attribute{
				"client_id":                 str("client_id"),
				"object_id":                 str("object_id"),
				"user_assigned_identity_id": str("user_assigned_identity_id"),
			}),
			"identity": doc.object("identity", map[string]schema.Attribute{
				"type":         str("identity.type"),
				"identity_ids": strs("identity_ids"),
				"principal_id": str("principal_id"),
				"tenant_id":    str("tenant_id"),
			}),
			"network_profile": doc.object("network_profile", map[string]schema.Attribute{
				"network_plugin":      str("network_plugin"),
				"network_plugin_mode": str("network_plugin_mode"),
				"network_policy":      str("network_policy"),
				"network_dataplane":   str("network_dataplane"),
				"load_balancer_sku":   str("load_balancer_sku"),
				"outbound_type":       str("outbound_type"),
				"pod_cidr":            str("pod_cidr"),
				"service_cidr":        str("service_cidr"),
				"dns_service_ip":      str("dns_service_ip"),
			}),
			"linux_profile": doc.object("linux_profile", map[string]schema.Attribute{
				"admin_username": str("linux.admin_username"),
				"ssh_public_key": str("ssh_public_key"),
			}),
			"windows_profile": schema.SingleNestedAttribute{
				Computed: true, MarkdownDescription: "The administrator account of Windows nodes (AKS never returns the password).",
				Attributes: map[string]schema.Attribute{
					"admin_username": str("windows.admin_username"),
				},
			},
			"microsoft_defender": doc.object("microsoft_defender", map[string]schema.Attribute{
				"log_analytics_workspace_id": str("log_analytics_workspace_id"),
			}),
			"default_node_pool": schema.SingleNestedAttribute{
				Computed: true, MarkdownDescription: "The cluster's default node pool: its first System pool, as the `aks_node_pool` data source shows pools.",
				Attributes: nodePoolDataSourceAttributes(),
			},
		},
	}
}

func (d *clusterDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
	}
}

func (d *clusterDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *clusterDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	config, ok := readDataSourceConfig[clusterDataSourceModel](ctx, req, resp)
	if !ok {
		return
	}
	var id aksapi.ClusterID
	if known(config.ID) {
		parsed, err := aksapi.ParseClusterID(config.ID.ValueString())
		if err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("id"), "Invalid managed cluster ID", err.Error())
			return
		}
		id = parsed
	} else {
		id = aksapi.ClusterID{SubscriptionID: d.client.SubscriptionID, ResourceGroup: config.ResourceGroupName.ValueString(), Name: config.Name.ValueString()}
	}

	coord := d.client.AKS
	mc, err := coord.CachedCluster(ctx, id)
	if aksapi.IsNotFound(err) {
		resp.Diagnostics.AddError("Managed cluster not found", fmt.Sprintf("There is no managed cluster %s in resource group %s (subscription %s).", id.Name, id.ResourceGroup, id.SubscriptionID))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Could not read the managed cluster", err.Error())
		return
	}
	attrs, diags := flattenCluster(ctx, mc, clusterFlattenOptions{prior: &config.clusterAttributes, importing: true})
	resp.Diagnostics.Append(diags...)
	out := clusterDataSourceModel{clusterAttributes: attrs}
	if mc.Properties != nil && mc.Properties.WindowsProfile != nil {
		out.WindowsProfile = &windowsProfileDataModel{AdminUsername: types.StringPointerValue(mc.Properties.WindowsProfile.AdminUsername)}
	}

	pools, err := coord.CachedPools(ctx, id)
	if err != nil {
		resp.Diagnostics.AddError("Could not list the cluster's node pools", err.Error())
		return
	}
	if pool := findPool(pools, firstSystemPool(mc, pools)); pool != nil {
		m, diags := nodePoolDataModel(ctx, pool, id.Pool(deref(pool.Name)), out.ID)
		resp.Diagnostics.Append(diags...)
		out.DefaultNodePool = &m
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, out)...)
}
