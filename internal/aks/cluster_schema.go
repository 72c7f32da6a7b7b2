package aks

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

func (r *clusterResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = clusterResourceSchema(ctx)
}

func clusterResourceSchema(ctx context.Context) schema.Schema {
	d := clusterDocs
	useState := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	useStateReplace := []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()}
	useStateObject := []planmodifier.Object{objectplanmodifier.UseStateForUnknown()}
	computedString := func(doc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: doc, PlanModifiers: useState}
	}
	optionalBool := func(doc string) schema.BoolAttribute {
		return schema.BoolAttribute{Optional: true, Computed: true, MarkdownDescription: doc, Default: booldefault.StaticBool(false)}
	}
	return schema.Schema{
		MarkdownDescription: "An AKS managed cluster with its default (System) node pool: the guide's `az aks create --vm-set-type VirtualMachineScaleSets --node-count 2 --load-balancer-sku standard`.\n\n" +
			"Every diff maps onto the fewest correct calls: the cluster is created with one managedClusters PUT carrying the default pool; afterwards, cluster settings are one PUT built from a fresh read (with `If-Match`, node pools sent back untouched), " +
			"a change of tags alone is one PATCH, a Kubernetes upgrade moves the control plane first and then the default pool, and default pool changes go through the agentPools API " +
			"(in place, or by rotating the pool when AKS can't change a setting in place: the cluster is never replaced for a default pool change). " +
			"Its writes never run while a write of an `aks_node_pool` of the cluster does (AKS allows no cluster operation during a pool operation), and an operation started by someone else is waited out.\n\n" +
			"No kubeconfig, token or certificate is ever stored in the state, and reading the cluster never lists its credentials, so an identity with only the Reader role can plan. " +
			"Get credentials with the `aks_cluster_credentials` ephemeral resource.",
		Attributes: map[string]schema.Attribute{
			"id": computedString(d["id"]),
			"name": schema.StringAttribute{
				Required: true, MarkdownDescription: d["name"], PlanModifiers: replace,
				Validators: []validator.String{rules.ClusterName()},
			},
			"resource_group_name": schema.StringAttribute{
				Required: true, MarkdownDescription: d["resource_group_name"], PlanModifiers: replace,
				Validators: []validator.String{stringvalidator.LengthBetween(1, 90)},
			},
			"location": schema.StringAttribute{
				Required: true, MarkdownDescription: d["location"],
				PlanModifiers: []planmodifier.String{locationRequiresReplace()},
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"dns_prefix": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["dns_prefix"], PlanModifiers: useStateReplace,
				Validators: []validator.String{rules.DNSPrefix()},
			},
			"kubernetes_version": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["kubernetes_version"], PlanModifiers: useState,
				Validators: []validator.String{rules.KubernetesVersion()},
			},
			"current_kubernetes_version": computedString(d["current_kubernetes_version"]),
			"sku_tier": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["sku_tier"], PlanModifiers: useState,
				Validators: []validator.String{stringvalidator.OneOf(rules.SKUTiers...)},
			},
			"node_resource_group": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["node_resource_group"], PlanModifiers: useStateReplace,
				Validators: []validator.String{stringvalidator.LengthBetween(1, 80)},
			},
			"oidc_issuer_enabled":       optionalBool(d["oidc_issuer_enabled"]),
			"oidc_issuer_url":           computedString(d["oidc_issuer_url"]),
			"workload_identity_enabled": optionalBool(d["workload_identity_enabled"]),
			"local_account_disabled":    optionalBool(d["local_account_disabled"]),
			"azure_rbac_enabled":        optionalBool(d["azure_rbac_enabled"]),
			"admin_group_object_ids": schema.SetAttribute{
				Optional: true, ElementType: types.StringType, MarkdownDescription: d["admin_group_object_ids"],
				Validators: []validator.Set{setvalidator.ValueStringsAre(rules.GUID())},
			},
			"private_cluster_enabled": schema.BoolAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["private_cluster_enabled"], Default: booldefault.StaticBool(false),
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.RequiresReplace()},
			},
			"api_server_authorized_ip_ranges": schema.SetAttribute{
				Optional: true, ElementType: types.StringType, MarkdownDescription: d["api_server_authorized_ip_ranges"],
				Validators: []validator.Set{setvalidator.ValueStringsAre(rules.CIDR())},
			},
			"automatic_upgrade_channel": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["automatic_upgrade_channel"], PlanModifiers: useState,
				Validators: []validator.String{stringvalidator.OneOf(rules.UpgradeChannels...)},
			},
			"node_os_upgrade_channel": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["node_os_upgrade_channel"], PlanModifiers: useState,
				Validators: []validator.String{stringvalidator.OneOf(rules.NodeOSUpgradeChannels...)},
			},
			"tags": schema.MapAttribute{
				Optional: true, ElementType: types.StringType, MarkdownDescription: d["tags"], Validators: []validator.Map{rules.Tags()},
			},
			"fqdn":         computedString(d["fqdn"]),
			"private_fqdn": computedString(d["private_fqdn"]),
			"portal_fqdn":  computedString(d["portal_fqdn"]),
			"kubelet_identity": schema.SingleNestedAttribute{
				Computed: true, MarkdownDescription: d["kubelet_identity"], PlanModifiers: useStateObject,
				Attributes: map[string]schema.Attribute{
					"client_id":                 schema.StringAttribute{Computed: true, MarkdownDescription: d["client_id"]},
					"object_id":                 schema.StringAttribute{Computed: true, MarkdownDescription: d["object_id"]},
					"user_assigned_identity_id": schema.StringAttribute{Computed: true, MarkdownDescription: d["user_assigned_identity_id"]},
				},
			},
			"identity": schema.SingleNestedAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["identity"], PlanModifiers: useStateObject,
				Attributes: map[string]schema.Attribute{
					"type": schema.StringAttribute{
						Required: true, MarkdownDescription: d["identity.type"],
						Validators: []validator.String{stringvalidator.OneOf(rules.IdentityTypes...)},
					},
					"identity_ids": schema.SetAttribute{
						Optional: true, ElementType: types.StringType, MarkdownDescription: d["identity_ids"],
						Validators: []validator.Set{setvalidator.ValueStringsAre(rules.ResourceIDOfType(rules.UserAssignedIdentityResourceType,
							"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aks-control-plane"))},
					},
					"principal_id": computedString(d["principal_id"]),
					"tenant_id":    computedString(d["tenant_id"]),
				},
			},
			"network_profile": schema.SingleNestedAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["network_profile"], PlanModifiers: useStateObject,
				Attributes: map[string]schema.Attribute{
					"network_plugin": schema.StringAttribute{
						Optional: true, Computed: true, MarkdownDescription: d["network_plugin"], PlanModifiers: useStateReplace,
						Validators: []validator.String{stringvalidator.OneOf(rules.NetworkPlugins...)},
					},
					"network_plugin_mode": schema.StringAttribute{
						Optional: true, Computed: true, MarkdownDescription: d["network_plugin_mode"], PlanModifiers: useState,
						Validators: []validator.String{stringvalidator.OneOf(rules.NetworkPluginModes...)},
					},
					"network_policy": schema.StringAttribute{
						Optional: true, Computed: true, MarkdownDescription: d["network_policy"], PlanModifiers: useState,
						Validators: []validator.String{stringvalidator.OneOf(rules.NetworkPolicies...)},
					},
					"network_dataplane": schema.StringAttribute{
						Optional: true, Computed: true, MarkdownDescription: d["network_dataplane"], PlanModifiers: useState,
						Validators: []validator.String{stringvalidator.OneOf(rules.NetworkDataplanes...)},
					},
					"load_balancer_sku": schema.StringAttribute{
						Optional: true, Computed: true, MarkdownDescription: d["load_balancer_sku"], PlanModifiers: useState,
						Validators: []validator.String{stringvalidator.OneOf(rules.LoadBalancerSKUs...)},
					},
					"outbound_type": schema.StringAttribute{
						Optional: true, Computed: true, MarkdownDescription: d["outbound_type"], PlanModifiers: useState,
						Validators: []validator.String{stringvalidator.OneOf(rules.OutboundTypes...)},
					},
					"pod_cidr": schema.StringAttribute{
						Optional: true, Computed: true, MarkdownDescription: d["pod_cidr"], PlanModifiers: useStateReplace,
						Validators: []validator.String{rules.CIDR()},
					},
					"service_cidr": schema.StringAttribute{
						Optional: true, Computed: true, MarkdownDescription: d["service_cidr"], PlanModifiers: useStateReplace,
						Validators: []validator.String{rules.CIDR()},
					},
					"dns_service_ip": schema.StringAttribute{
						Optional: true, Computed: true, MarkdownDescription: d["dns_service_ip"], PlanModifiers: useStateReplace,
						Validators: []validator.String{rules.IPAddress()},
					},
				},
			},
		},
		Blocks: map[string]schema.Block{
			"default_node_pool": defaultNodePoolBlock(ctx),
			"linux_profile": schema.SingleNestedBlock{
				MarkdownDescription: d["linux_profile"],
				Attributes: map[string]schema.Attribute{
					"admin_username": schema.StringAttribute{
						Optional: true, MarkdownDescription: d["linux.admin_username"], PlanModifiers: replace,
						Validators: []validator.String{rules.LinuxAdminUsername()},
					},
					"ssh_public_key": schema.StringAttribute{
						Optional: true, MarkdownDescription: d["ssh_public_key"],
						Validators: []validator.String{rules.SSHPublicKey()},
					},
				},
			},
			"windows_profile": schema.SingleNestedBlock{
				MarkdownDescription: d["windows_profile"],
				PlanModifiers:       []planmodifier.Object{objectplanmodifier.RequiresReplaceIf(addedToExistingCluster, "Adding a Windows profile replaces the cluster.", "Adding a Windows profile replaces the cluster.")},
				Attributes: map[string]schema.Attribute{
					"admin_username": schema.StringAttribute{
						Optional: true, MarkdownDescription: d["windows.admin_username"], PlanModifiers: replace,
						Validators: []validator.String{rules.WindowsAdminUsername()},
					},
					"admin_password": schema.StringAttribute{
						Optional: true, Sensitive: true, MarkdownDescription: d["admin_password"],
						Validators: []validator.String{
							rules.WindowsAdminPassword(),
							stringvalidator.ConflictsWith(path.MatchRelative().AtParent().AtName("admin_password_wo")),
						},
					},
					"admin_password_wo": schema.StringAttribute{
						Optional: true, Sensitive: true, WriteOnly: true, MarkdownDescription: d["admin_password_wo"],
						Validators: []validator.String{
							rules.WindowsAdminPassword(),
							stringvalidator.AlsoRequires(path.MatchRelative().AtParent().AtName("admin_password_wo_version")),
						},
					},
					"admin_password_wo_version": schema.Int64Attribute{
						Optional: true, MarkdownDescription: d["admin_password_wo_version"],
						Validators: []validator.Int64{int64validator.AlsoRequires(path.MatchRelative().AtParent().AtName("admin_password_wo"))},
					},
				},
			},
			"microsoft_defender": schema.SingleNestedBlock{
				MarkdownDescription: d["microsoft_defender"],
				Attributes: map[string]schema.Attribute{
					"log_analytics_workspace_id": schema.StringAttribute{
						Optional: true, MarkdownDescription: d["log_analytics_workspace_id"],
						Validators: []validator.String{rules.ResourceIDOfType(rules.LogAnalyticsWorkspaceResourceType,
							"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.OperationalInsights/workspaces/law-aks-demo")},
					},
				},
			},
			"timeouts": clusterTimeouts.block(ctx),
		},
	}
}

// addedToExistingCluster: a Windows profile can only be given when the cluster is created ("You
// can't enable Windows support on a cluster that was created without it").
func addedToExistingCluster(_ context.Context, req planmodifier.ObjectRequest, resp *objectplanmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = !req.State.Raw.IsNull() && req.StateValue.IsNull() && !req.PlanValue.IsNull()
}

// locationRequiresReplace replaces the cluster when the location changes, comparing locations
// as ARM does ("East US" is "eastus").
func locationRequiresReplace() planmodifier.String {
	return stringplanmodifier.RequiresReplaceIf(func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = !req.PlanValue.IsUnknown() && normalizeLocation(req.PlanValue.ValueString()) != normalizeLocation(req.StateValue.ValueString())
	}, "Changing the location replaces the cluster.", "Changing the location replaces the cluster.")
}
