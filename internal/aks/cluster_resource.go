package aks

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/objectvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/aksforge/terraform-provider-aks/internal/agentpools"
	"github.com/aksforge/terraform-provider-aks/internal/clients"
	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

var (
	_ resource.ResourceWithConfigure      = (*clusterResource)(nil)
	_ resource.ResourceWithImportState    = (*clusterResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*clusterResource)(nil)
	_ resource.ResourceWithValidateConfig = (*clusterResource)(nil)
)

// Default timeouts: creating or upgrading a cluster takes many minutes, a rotation of the default
// pool creates and deletes two pools.
const (
	clusterCreateTimeout = 90 * time.Minute
	clusterReadTimeout   = 5 * time.Minute
	clusterUpdateTimeout = 90 * time.Minute
	clusterDeleteTimeout = 90 * time.Minute
)

// NewClusterResource is the constructor of aks_cluster.
func NewClusterResource() resource.Resource {
	return &clusterResource{}
}

type clusterResource struct {
	client *clients.Client
}

// clusterResourceModel is aks_cluster's model: the attributes shared with the data source, the
// default pool and Windows profile blocks (which hold provider-side settings), and timeouts.
type clusterResourceModel struct {
	clusterAttributes
	DefaultNodePool *defaultNodePoolModel `tfsdk:"default_node_pool"`
	WindowsProfile  *windowsProfileModel  `tfsdk:"windows_profile"`
	Timeouts        timeouts.Value        `tfsdk:"timeouts"`
}

func (r *clusterResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_cluster"
}

func (r *clusterResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = clusterResourceSchema(ctx)
}

// clusterDocs documents each cluster attribute once, for the resource and the data source.
var clusterDocs = map[string]string{
	"id":                  "The ARM ID of the managed cluster, `/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.ContainerService/managedClusters/{name}`. This is the ID `terraform import` takes and `aks_node_pool.cluster_id` references.",
	"name":                "The cluster's name: 1-63 letters, digits, `-` and `_`, starting and ending with a letter or digit, without reserved words such as `microsoft`. Changing it replaces the cluster.",
	"resource_group_name": "The resource group the cluster is created in (it must exist). Changing it replaces the cluster.",
	"location":            "The Azure location, such as `eastus`. Changing it replaces the cluster.",
	"dns_prefix":          "The prefix of the API server's FQDN: 1-54 letters, digits and `-`, starting and ending with a letter or digit. When unset AKS derives one from the cluster's name and it is recorded here. Changing it replaces the cluster.",
	"kubernetes_version": "The control plane's Kubernetes version, `major.minor` (AKS runs that minor's latest patch) or `major.minor.patch`; unset, AKS's default version is used and recorded here. " +
		"A newer version upgrades the cluster in place: the control plane first, then the default node pool when its `orchestrator_version` is unset (it follows the control plane) or set to the new version. " +
		"The control plane moves one minor version at a time and never down. Other node pools are upgraded through their own `orchestrator_version`.",
	"current_kubernetes_version":      "The exact Kubernetes version the control plane runs, such as `1.33.3`.",
	"sku_tier":                        "The cluster's pricing tier: `Free`, `Standard` (financially backed API server SLA) or `Premium` (adds long-term support). AKS's default is `Free`. Changed in place.",
	"node_resource_group":             "The resource group AKS creates for the cluster's infrastructure (VM scale sets, load balancer, disks). When unset AKS names it `MC_{group}_{cluster}_{location}` and it is recorded here. Changing it replaces the cluster.",
	"oidc_issuer_enabled":             "Whether the cluster exposes an OpenID Connect issuer for its service account tokens (needed by workload identity). Defaults to false. It can be turned on in place, but never off.",
	"oidc_issuer_url":                 "The URL of the cluster's OIDC issuer, when `oidc_issuer_enabled` is true: the issuer to trust in federated identity credentials.",
	"workload_identity_enabled":       "Whether Microsoft Entra Workload ID is enabled: pods exchange service account tokens for Entra ID tokens. Needs `oidc_issuer_enabled`. Defaults to false; changed in place.",
	"local_account_disabled":          "Whether the cluster's local accounts (the admin kubeconfig with a static certificate) are disabled, so that only Entra ID identities can authenticate. Needs Entra ID integration (`azure_rbac_enabled` or `admin_group_object_ids`). With it, `aks_cluster_credentials` with `admin = true` fails. Defaults to false; changed in place.",
	"azure_rbac_enabled":              "Whether Kubernetes authorization uses Azure RBAC (role assignments on the cluster) through AKS-managed Microsoft Entra ID integration. Enabling it (or setting `admin_group_object_ids`) turns the integration on, which can't be turned off again. Defaults to false; changed in place.",
	"admin_group_object_ids":          "Object IDs of the Microsoft Entra ID groups whose members are cluster administrators, through AKS-managed Entra ID integration. Changed in place.",
	"private_cluster_enabled":         "Whether the API server has only a private endpoint in the cluster's virtual network (then `private_fqdn` is its address). Defaults to false. Changing it replaces the cluster.",
	"api_server_authorized_ip_ranges": "The address ranges (CIDR) allowed to reach the public API server, such as `[\"203.0.113.0/24\"]`; unset or empty allows all. Not for private clusters. Changed in place.",
	"automatic_upgrade_channel": "How AKS upgrades the cluster by itself: `none` (the default), `patch`, `stable`, `rapid` or `node-image`. With a channel other than `none`, leave `kubernetes_version` unset (or ignore its changes), " +
		"since AKS moves the version. Changed in place.",
	"node_os_upgrade_channel":   "How AKS updates the nodes' OS: `None`, `Unmanaged`, `SecurityPatch` or `NodeImage` (AKS's default: weekly node image upgrades). When unset AKS's choice is recorded here. Changed in place.",
	"tags":                      "Azure tags on the managed cluster resource. A change of tags alone is one PATCH call.",
	"fqdn":                      "The FQDN of the public API server endpoint (null for private clusters without a public FQDN).",
	"private_fqdn":              "The FQDN of the private API server endpoint, for private clusters.",
	"portal_fqdn":               "The FQDN the Azure portal uses to reach the API server.",
	"kubelet_identity":          "The user-assigned managed identity AKS creates for the kubelets (to pull images from a registry, for example): grant it roles such as `AcrPull`.",
	"client_id":                 "The client (application) ID of the identity.",
	"object_id":                 "The object (principal) ID of the identity: the principal of role assignments.",
	"user_assigned_identity_id": "The ARM ID of the user-assigned identity, in the node resource group.",
	"identity":                  "The managed identity of the control plane. Unset, AKS gets a system-assigned identity (as `az aks create` does) and it is recorded here.",
	"identity.type":             "`SystemAssigned` (AKS creates and manages the identity) or `UserAssigned` (with `identity_ids`). Changed in place.",
	"identity_ids":              "The ARM ID of the user-assigned identity (exactly one) when `type` is `UserAssigned`.",
	"principal_id":              "The principal (object) ID of the system-assigned identity: the principal of role assignments, such as Network Contributor on a custom subnet.",
	"tenant_id":                 "The Entra ID tenant of the system-assigned identity.",
	"network_profile":           "The cluster's networking. Unset values are AKS's defaults (Azure CNI Overlay, Standard load balancer, service CIDR 10.0.0.0/16), recorded here.",
	"network_plugin":            "`azure` (Azure CNI), `kubenet` or `none` (bring your own CNI). Changing it replaces the cluster.",
	"network_plugin_mode":       "`overlay` with Azure CNI: pods get addresses from `pod_cidr` instead of the subnet. Changed in place (AKS migrates the cluster to overlay).",
	"network_policy":            "The network policy engine: `azure`, `calico`, `cilium` (with `network_dataplane = \"cilium\"`) or `none`. Changed in place.",
	"network_dataplane":         "`azure` or `cilium` (Azure CNI Powered by Cilium). Changed in place.",
	"load_balancer_sku": "`standard` (the default) or `basic`. The guide: \"The AKS cluster must use the Standard SKU load balancer to use multiple node pools\": with `basic` the plan warns, and `aks_node_pool` refuses to add pools. " +
		"Changed in place (AKS migrates Basic to Standard).",
	"outbound_type":              "How nodes reach the internet: `loadBalancer` (the default), `managedNATGateway`, `userAssignedNATGateway`, `userDefinedRouting` or `none`. Changed in place.",
	"pod_cidr":                   "The pods' address range with kubenet or Azure CNI Overlay, such as `10.244.0.0/16`. Changing it replaces the cluster.",
	"service_cidr":               "The Kubernetes services' address range, such as `10.0.0.0/16`; it must not overlap the pod CIDR or the virtual network. Changing it replaces the cluster.",
	"dns_service_ip":             "The cluster DNS service's address, inside `service_cidr` and not its first address, such as `10.0.0.10`. Changing it replaces the cluster.",
	"linux_profile":              "The administrator account of the Linux nodes, for SSH access. Without it AKS manages no SSH key.",
	"linux.admin_username":       "The Linux administrator's user name, such as `azureuser`. Changing it replaces the cluster.",
	"ssh_public_key":             "The administrator's SSH public key in OpenSSH format (`ssh-rsa ...`, `ssh-ed25519 ...`). Changed in place (AKS reimages the nodes).",
	"windows_profile":            "The administrator account of Windows nodes. A cluster can run Windows node pools only if it was created with a Windows profile, so adding the block later replaces the cluster.",
	"windows.admin_username":     "The Windows administrator's user name: 1-20 characters, not a reserved name such as `admin` or `administrator`. Changing it replaces the cluster.",
	"admin_password":             "The Windows administrator's password (8-123 characters, three of: lowercase, uppercase, digit, special). It is stored in the state (as a sensitive value); with Terraform 1.11 or later prefer `admin_password_wo`, which never is. Changed in place.",
	"admin_password_wo":          "The Windows administrator's password as a write-only value (Terraform 1.11 or later): sent to AKS but never stored in the plan or the state. AKS never returns it either, so change `admin_password_wo_version` to send a new one.",
	"admin_password_wo_version":  "A number you increase to send `admin_password_wo` again (a write-only value can't be compared with the state). Changing it updates the password in place.",
	"microsoft_defender":         "Microsoft Defender for Containers: security monitoring of the cluster, reporting to a Log Analytics workspace. Removing the block turns it off. Changed in place.",
	"log_analytics_workspace_id": "The ARM ID of the Log Analytics workspace Defender reports to.",
	"default_node_pool": "The cluster's System node pool, created with the cluster in its managedClusters PUT (the guide's `az aks create --node-count 2`). " +
		"After creation every change goes through the agentPools API, as for `aks_node_pool`: changes AKS makes in place are one PUT; " +
		"changes it can't (`vm_size`, the OS disk, `kubelet_disk_type`, subnets, `zones`, `max_pods`, `host_encryption_enabled`, `name`) rotate the pool instead of replacing the cluster: " +
		"a temporary System pool with the new settings is created, the old pool is deleted (its nodes drained, respecting PodDisruptionBudgets), the pool is recreated under its own name and the temporary pool deleted. " +
		"The plan warns before a rotation, and an interrupted rotation resumes where it stopped on the next apply.",
	"default_node_pool.name":       "The default pool's name (the guide's `nodepool1`): a lowercase letter, then lowercase letters and digits, 1-12 characters. Changing it rotates the pool into a new pool of that name; the cluster is kept.",
	"temporary_name_for_rotation":  "The name of the temporary System pool a rotation creates. When unset, the pool's name cut to 9 characters followed by `tmp` (e.g. `nodepool1tmp`). Only used during a rotation; changing it makes no API call.",
	"only_critical_addons_enabled": "Whether the pool's nodes carry the `CriticalAddonsOnly=true:NoSchedule` taint, so that only AKS's critical add-ons (CoreDNS, konnectivity, ...) run there and applications go to user pools. Defaults to false; changed in place.",
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
			"Writes share the per-cluster serialisation of `aks_node_pool`, and an operation started by someone else is waited out.\n\n" +
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
				Validators: []validator.String{stringvalidator.OneOf(
					string(armcontainerservice.ManagedClusterSKUTierFree), string(armcontainerservice.ManagedClusterSKUTierStandard), string(armcontainerservice.ManagedClusterSKUTierPremium))},
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
				Validators: []validator.String{stringvalidator.OneOf("none", "patch", "stable", "rapid", "node-image")},
			},
			"node_os_upgrade_channel": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["node_os_upgrade_channel"], PlanModifiers: useState,
				Validators: []validator.String{stringvalidator.OneOf("None", "Unmanaged", "SecurityPatch", "NodeImage")},
			},
			"tags": schema.MapAttribute{
				Optional: true, ElementType: types.StringType, MarkdownDescription: d["tags"],
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
						Validators: []validator.String{stringvalidator.OneOf(rules.IdentitySystemAssigned, rules.IdentityUserAssigned)},
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
						Validators: []validator.String{stringvalidator.OneOf("azure", "kubenet", "none")},
					},
					"network_plugin_mode": schema.StringAttribute{
						Optional: true, Computed: true, MarkdownDescription: d["network_plugin_mode"], PlanModifiers: useState,
						Validators: []validator.String{stringvalidator.OneOf("overlay")},
					},
					"network_policy": schema.StringAttribute{
						Optional: true, Computed: true, MarkdownDescription: d["network_policy"], PlanModifiers: useState,
						Validators: []validator.String{stringvalidator.OneOf("azure", "calico", "cilium", "none")},
					},
					"network_dataplane": schema.StringAttribute{
						Optional: true, Computed: true, MarkdownDescription: d["network_dataplane"], PlanModifiers: useState,
						Validators: []validator.String{stringvalidator.OneOf("azure", "cilium")},
					},
					"load_balancer_sku": schema.StringAttribute{
						Optional: true, Computed: true, MarkdownDescription: d["load_balancer_sku"], PlanModifiers: useState,
						Validators: []validator.String{stringvalidator.OneOf("standard", "basic")},
					},
					"outbound_type": schema.StringAttribute{
						Optional: true, Computed: true, MarkdownDescription: d["outbound_type"], PlanModifiers: useState,
						Validators: []validator.String{stringvalidator.OneOf("loadBalancer", "managedNATGateway", "userAssignedNATGateway", "userDefinedRouting", "none")},
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
			"timeouts": timeoutsBlock(ctx, clusterCreateTimeout, clusterReadTimeout, clusterUpdateTimeout, clusterDeleteTimeout),
		},
	}
}

// defaultNodePoolBlock is the default_node_pool block: aks_node_pool's arguments and validators
// (its documentation too), minus mode, os_type and the Spot settings.
func defaultNodePoolBlock(_ context.Context) schema.SingleNestedBlock {
	d := nodePoolDocs
	useState := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	useStateInt := []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}
	computed := func(doc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: doc, PlanModifiers: useState}
	}
	return schema.SingleNestedBlock{
		MarkdownDescription: clusterDocs["default_node_pool"],
		Validators:          []validator.Object{objectvalidator.IsRequired()},
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				Required: true, MarkdownDescription: clusterDocs["default_node_pool.name"],
				Validators: []validator.String{rules.NodePoolName()},
			},
			"temporary_name_for_rotation": schema.StringAttribute{
				Optional: true, MarkdownDescription: clusterDocs["temporary_name_for_rotation"],
				Validators: []validator.String{rules.NodePoolName()},
			},
			"only_critical_addons_enabled": schema.BoolAttribute{
				Optional: true, Computed: true, MarkdownDescription: clusterDocs["only_critical_addons_enabled"],
				Default: booldefault.StaticBool(false),
			},
			"os_sku": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["os_sku"] + " The default pool runs Linux, so it takes the Linux SKUs only, and a change between them is made in place.",
				PlanModifiers: useState,
				Validators:    []validator.String{stringvalidator.OneOf(rules.LinuxOSSKUs...)},
			},
			"vm_size": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: "The VM size of the pool's nodes, such as `Standard_DS2_v2`. When unset AKS picks a size and it is recorded here. AKS can't resize nodes in place: a change rotates the pool.",
				PlanModifiers: useState,
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"node_count": schema.Int64Attribute{
				Optional: true, Computed: true, MarkdownDescription: d["node_count"],
				PlanModifiers: useStateInt,
				Validators:    []validator.Int64{int64validator.Between(1, 1000)},
			},
			"current_node_count": schema.Int64Attribute{Computed: true, MarkdownDescription: d["current_node_count"], PlanModifiers: useStateInt},
			"auto_scaling_enabled": schema.BoolAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["auto_scaling_enabled"],
				Default: booldefault.StaticBool(false),
			},
			"min_count": schema.Int64Attribute{
				Optional: true, MarkdownDescription: d["min_count"],
				Validators: []validator.Int64{int64validator.Between(1, 1000)},
			},
			"max_count": schema.Int64Attribute{
				Optional: true, MarkdownDescription: d["max_count"],
				Validators: []validator.Int64{int64validator.Between(1, 1000)},
			},
			"orchestrator_version": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["orchestrator_version"] + " At cluster creation it must equal `kubernetes_version`; unset, the pool follows `kubernetes_version` upgrades.",
				PlanModifiers: useState,
				Validators:    []validator.String{rules.KubernetesVersion()},
			},
			"current_orchestrator_version": computed(d["current_orchestrator_version"]),
			"node_image_version": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["node_image_version"],
				PlanModifiers: useState,
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"current_node_image_version": computed(d["current_node_image_version"]),
			"vnet_subnet_id": schema.StringAttribute{
				Optional: true, MarkdownDescription: "The ARM ID of the subnet the nodes join (the guide's `snet-system` pattern). All of the cluster's pools must use the same virtual network. A change rotates the pool.",
				Validators: []validator.String{rules.SubnetID()},
			},
			"pod_subnet_id": schema.StringAttribute{
				Optional: true, MarkdownDescription: "The ARM ID of the subnet pods get their IPs from (Azure CNI with dynamic pod IP allocation). A change rotates the pool.",
				Validators: []validator.String{rules.SubnetID()},
			},
			"fips_enabled": schema.BoolAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["fips_enabled"],
				Default: booldefault.StaticBool(false),
			},
			"os_disk_type": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: "`Managed` or `Ephemeral`. When unset AKS uses Ephemeral where the VM size allows it and it is recorded here. A change rotates the pool.",
				PlanModifiers: useState,
				Validators:    []validator.String{stringvalidator.OneOf(rules.OSDiskTypeManaged, rules.OSDiskTypeEphemeral)},
			},
			"os_disk_size_gb": schema.Int64Attribute{
				Optional: true, Computed: true, MarkdownDescription: "The OS disk size in GB. When unset AKS picks one by VM size and it is recorded here. At least 30 GB. A change rotates the pool.",
				PlanModifiers: useStateInt,
				Validators:    []validator.Int64{int64validator.Between(1, rules.MaxOSDiskSizeGB)},
			},
			"kubelet_disk_type": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: "Where kubelet data lives: `OS` or `Temporary`. Recorded from AKS when unset. A change rotates the pool.",
				PlanModifiers: useState,
				Validators:    []validator.String{stringvalidator.OneOf(rules.KubeletDiskTypeOS, rules.KubeletDiskTypeTemporary)},
			},
			"max_pods": schema.Int64Attribute{
				Optional: true, Computed: true, MarkdownDescription: "The most pods a node runs, 10-250 (System pools need room for at least 30). When unset AKS sets it by network plugin and it is recorded here. A change rotates the pool.",
				PlanModifiers: useStateInt,
				Validators:    []validator.Int64{rules.MaxPods()},
			},
			"zones": schema.SetAttribute{
				Optional: true, ElementType: types.StringType, MarkdownDescription: "The availability zones the nodes are spread over, such as `[\"1\", \"2\", \"3\"]`. A change rotates the pool.",
				Validators: []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(stringvalidator.OneOf("1", "2", "3"))},
			},
			"node_labels": schema.MapAttribute{
				Optional: true, ElementType: types.StringType, MarkdownDescription: d["node_labels"],
				Validators: []validator.Map{mapvalidator.KeysAre(rules.NodeLabelKey()), mapvalidator.ValueStringsAre(rules.NodeLabelValue())},
			},
			"node_taints": schema.ListAttribute{
				Optional: true, ElementType: types.StringType, MarkdownDescription: d["node_taints"] + " Use `only_critical_addons_enabled` for the `CriticalAddonsOnly` taint.",
				Validators: []validator.List{listvalidator.ValueStringsAre(rules.NodeTaint()), rules.UniqueNodeTaints()},
			},
			"tags": schema.MapAttribute{
				Optional: true, ElementType: types.StringType, MarkdownDescription: d["tags"],
			},
			"host_encryption_enabled": schema.BoolAttribute{
				Optional: true, Computed: true, MarkdownDescription: "Whether the nodes' disks and caches are encrypted at the VM host. Defaults to false. A change rotates the pool.",
				Default: booldefault.StaticBool(false),
			},
			"provisioning_state": computed(d["provisioning_state"]),
		},
		Blocks: map[string]schema.Block{
			"upgrade_settings": schema.SingleNestedBlock{
				MarkdownDescription: d["upgrade_settings"],
				Attributes: map[string]schema.Attribute{
					"max_surge": schema.StringAttribute{
						Optional: true, Computed: true, MarkdownDescription: d["max_surge"], PlanModifiers: useState,
						Validators: []validator.String{rules.MaxSurge()},
					},
					"max_unavailable": schema.StringAttribute{
						Optional: true, Computed: true, MarkdownDescription: d["max_unavailable"], PlanModifiers: useState,
						Validators: []validator.String{rules.MaxUnavailable()},
					},
					"drain_timeout_in_minutes": schema.Int64Attribute{
						Optional: true, Computed: true, MarkdownDescription: d["drain_timeout_in_minutes"], PlanModifiers: useStateInt,
						Validators: []validator.Int64{int64validator.AtLeast(1)},
					},
					"node_soak_duration_in_minutes": schema.Int64Attribute{
						Optional: true, Computed: true, MarkdownDescription: d["node_soak_duration_in_minutes"], PlanModifiers: useStateInt,
						Validators: []validator.Int64{int64validator.Between(0, 30)},
					},
				},
			},
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

func (r *clusterResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

// ---------------------------------------------------------------------------------------------
// Create, Read, Update, Delete

func (r *clusterResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan, config clusterResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, clusterCreateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	id := agentpools.ClusterID{SubscriptionID: r.client.SubscriptionID, ResourceGroup: plan.ResourceGroupName.ValueString(), Name: plan.Name.ValueString()}
	coord := r.client.AgentPools

	// Refuse to adopt a cluster that already exists: it must be imported.
	if _, err := coord.GetCluster(ctx, id); err == nil {
		resp.Diagnostics.AddAttributeError(path.Root("name"), "Managed cluster already exists", clusterExistsDetail(id))
		return
	} else if !agentpools.IsNotFound(err) {
		resp.Diagnostics.AddError("Could not check whether the managed cluster exists", err.Error())
		return
	}

	body, diags := expandCluster(ctx, plan, windowsPasswordToSend(plan.WindowsProfile, config.WindowsProfile))
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	result, err := coord.CreateOrUpdateCluster(ctx, id, body, agentpools.CreateOnly)
	if err != nil {
		if agentpools.IsPreconditionFailed(err) {
			resp.Diagnostics.AddAttributeError(path.Root("name"), "Managed cluster already exists", clusterExistsDetail(id))
			return
		}
		if result.Accepted {
			// AKS has the cluster: record it so that Terraform marks it tainted instead of
			// losing track of it.
			r.recordAfterFailure(ctx, id, plan, &resp.State, &resp.Diagnostics)
		}
		resp.Diagnostics.AddError("Could not create the managed cluster", operationErrorDetail(err, timeout, "create"))
		return
	}

	state, found, diags := r.readCluster(ctx, id, plan, false, false)
	resp.Diagnostics.Append(diags...)
	if !found && !resp.Diagnostics.HasError() {
		resp.Diagnostics.AddError("Managed cluster missing after creation", "AKS reported the cluster created, but reading it back found nothing. Run terraform apply again.")
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *clusterResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state clusterResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := state.Timeouts.Read(ctx, clusterReadTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	id, err := agentpools.ParseClusterID(state.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Invalid managed cluster ID", err.Error())
		return
	}
	importing := state.DefaultNodePool == nil
	newState, found, diags := r.readCluster(ctx, id, state, importing, true)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !found {
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, newState)...)
}

func (r *clusterResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state, config clusterResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Update(ctx, clusterUpdateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	id, err := agentpools.ParseClusterID(state.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Invalid managed cluster ID", err.Error())
		return
	}
	coord := r.client.AgentPools

	// 1. Cluster settings: one PUT from a fresh read, or a PATCH when only the tags change.
	password := windowsPasswordChange(state.WindowsProfile, plan.WindowsProfile, config.WindowsProfile)
	scratch := armcontainerservice.ManagedCluster{}
	pending, diags := clusterChanges(ctx, &scratch, state, plan, password)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	tagsChanged := !plan.Tags.Equal(state.Tags)
	planTags, diags := stringPointerMap(ctx, plan.Tags)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	switch {
	case len(pending) > 0:
		tflog.Info(ctx, "updating the managed cluster", map[string]any{"cluster": id.String(), "attributes": strings.Join(pending, ", ")})
		_, err := coord.UpdateCluster(ctx, id, func(mc *armcontainerservice.ManagedCluster) error {
			if _, d := clusterChanges(ctx, mc, state, plan, password); d.HasError() {
				return fmt.Errorf("applying the changes: %v", d)
			}
			if tagsChanged {
				mc.Tags = planTags
				if mc.Tags == nil {
					mc.Tags = map[string]*string{}
				}
			}
			return nil
		})
		if err != nil {
			// The state stays the prior one (the framework's default): a Windows password, which
			// no read reveals, is then sent again by the next apply.
			resp.Diagnostics.AddError("Could not update the managed cluster", operationErrorDetail(err, timeout, "update"))
			return
		}
	case tagsChanged:
		if _, err := coord.UpdateClusterTags(ctx, id, planTags); err != nil {
			resp.Diagnostics.AddError("Could not update the managed cluster's tags", operationErrorDetail(err, timeout, "update"))
			return
		}
	}

	// 2. The control plane's version: its own PUT, changing nothing else, before any pool moves.
	if changed(state.KubernetesVersion, plan.KubernetesVersion) {
		version := plan.KubernetesVersion.ValueString()
		_, err := coord.UpdateCluster(ctx, id, func(mc *armcontainerservice.ManagedCluster) error {
			if mc.Properties == nil {
				mc.Properties = &armcontainerservice.ManagedClusterProperties{}
			}
			mc.Properties.KubernetesVersion = to.Ptr(version)
			return nil
		})
		if err != nil {
			r.recordClusterProgress(ctx, id, plan, state, &resp.State, &resp.Diagnostics)
			resp.Diagnostics.AddAttributeError(path.Root("kubernetes_version"), "Could not upgrade the control plane", operationErrorDetail(err, timeout, "update"))
			return
		}
	}

	// 3. The default pool, through the agentPools API only.
	if plan.DefaultNodePool != nil && state.DefaultNodePool != nil {
		if err := r.updateDefaultPool(ctx, id, *state.DefaultNodePool, *plan.DefaultNodePool); err != nil {
			r.recordClusterProgress(ctx, id, plan, state, &resp.State, &resp.Diagnostics)
			resp.Diagnostics.AddAttributeError(path.Root("default_node_pool"), "Could not update the default node pool", operationErrorDetail(err, timeout, "update"))
			return
		}
	}

	newState, found, diags := r.readCluster(ctx, id, plan, false, false)
	resp.Diagnostics.Append(diags...)
	if !found && !resp.Diagnostics.HasError() {
		resp.Diagnostics.AddError("Managed cluster missing after the update", "Reading the cluster back after the update found nothing: it was deleted meanwhile.")
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, newState)...)
}

func (r *clusterResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state clusterResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := state.Timeouts.Delete(ctx, clusterDeleteTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	id, err := agentpools.ParseClusterID(state.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Invalid managed cluster ID", err.Error())
		return
	}
	if err := r.client.AgentPools.DeleteCluster(ctx, id); err != nil {
		resp.Diagnostics.AddError("Could not delete the managed cluster", operationErrorDetail(err, timeout, "delete"))
	}
}

func (r *clusterResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, err := agentpools.ParseClusterID(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid managed cluster ID",
			fmt.Sprintf("%s\n\nImport a managed cluster by its ARM ID, as `az aks show --query id` prints it.", err))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), id.Name)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("resource_group_name"), id.ResourceGroup)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("timeouts"), timeouts.Value{Object: types.ObjectNull(timeoutsAttrTypes)})...)
}

// ---------------------------------------------------------------------------------------------
// Reading

// readCluster reads the cluster and its default pool and builds the state over prior. cached
// lets the read use the coordinator's per-run cache (refresh); after a write the cache was dropped
// anyway. found is false when the cluster does not exist.
func (r *clusterResource) readCluster(ctx context.Context, id agentpools.ClusterID, prior clusterResourceModel, importing, cached bool) (clusterResourceModel, bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	coord := r.client.AgentPools
	var mc *armcontainerservice.ManagedCluster
	var err error
	if cached {
		mc, err = coord.Cluster(ctx, id)
	} else {
		mc, err = coord.GetCluster(ctx, id)
	}
	if agentpools.IsNotFound(err) {
		return prior, false, diags
	}
	if err != nil {
		diags.AddError("Could not read the managed cluster", err.Error())
		return prior, false, diags
	}
	attrs, d := flattenCluster(ctx, mc, clusterFlattenOptions{prior: &prior.clusterAttributes, importing: importing})
	diags.Append(d...)
	out := clusterResourceModel{
		clusterAttributes: attrs,
		Timeouts:          prior.Timeouts,
		DefaultNodePool:   prior.DefaultNodePool,
	}
	if mc.Properties != nil {
		out.WindowsProfile = flattenWindowsProfile(mc.Properties.WindowsProfile, prior.WindowsProfile, importing)
	}

	pools, err := coord.List(ctx, id)
	if err != nil {
		diags.AddError("Could not list the cluster's node pools", err.Error())
		return out, true, diags
	}
	priorPool := defaultNodePoolModel{}
	name := ""
	if prior.DefaultNodePool != nil {
		priorPool = *prior.DefaultNodePool
		name = priorPool.Name.ValueString()
	} else {
		name = firstSystemPool(mc, pools)
		priorPool.Name = types.StringValue(name)
		priorPool.TemporaryNameForRotation = types.StringNull()
		priorPool.UpgradeSettings = types.ObjectNull(upgradeSettingsAttrTypes)
	}
	pool := findPool(pools, name)
	if pool == nil {
		// The default pool is missing: an interrupted rotation, or someone deleted it. The prior
		// settings stay; the plan then shows a repair (see planDefaultPoolRepair).
		if prior.DefaultNodePool == nil {
			diags.AddError("Managed cluster has no System node pool", fmt.Sprintf("Cluster %s has no System node pool to record as default_node_pool.", id.Name))
		}
		return out, true, diags
	}
	asNodePool, d := priorPool.asNodePool(ctx, id)
	diags.Append(d...)
	settings, upgrade, d := flattenNodePool(ctx, pool, flattenOptions{
		prior:                &asNodePool.nodePoolSettings,
		priorUpgradeSettings: priorPool.UpgradeSettings,
		importing:            importing,
	})
	diags.Append(d...)
	dp, d := priorPool.fromSettings(ctx, settings, upgrade)
	diags.Append(d...)
	dp.Name = keepSpelling(priorPool.Name, pool.Name)
	out.DefaultNodePool = &dp
	return out, true, diags
}

// firstSystemPool names the cluster's first System pool, in the order AKS lists its pools (the
// order they were created in): the default pool of an imported cluster.
func firstSystemPool(mc *armcontainerservice.ManagedCluster, pools []*armcontainerservice.AgentPool) string {
	if mc.Properties != nil {
		for _, p := range mc.Properties.AgentPoolProfiles {
			if p != nil && p.Mode != nil && *p.Mode == armcontainerservice.AgentPoolModeSystem {
				return deref(p.Name)
			}
		}
	}
	for _, p := range pools {
		if p.Properties != nil && p.Properties.Mode != nil && *p.Properties.Mode == armcontainerservice.AgentPoolModeSystem {
			return deref(p.Name)
		}
	}
	return ""
}

func findPool(pools []*armcontainerservice.AgentPool, name string) *armcontainerservice.AgentPool {
	for _, p := range pools {
		if p != nil && p.Name != nil && strings.EqualFold(*p.Name, name) {
			return p
		}
	}
	return nil
}

// recordAfterFailure records a cluster AKS accepted but whose creation failed or was not waited
// for: read it back if possible, else keep what was planned with the unknown values null.
// Terraform then marks the resource tainted.
func (r *clusterResource) recordAfterFailure(ctx context.Context, id agentpools.ClusterID, plan clusterResourceModel, state interface {
	Set(context.Context, any) diag.Diagnostics
}, diags *diag.Diagnostics) {
	readCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	if recorded, found, d := r.readCluster(readCtx, id, plan, false, false); found && !d.HasError() {
		diags.Append(state.Set(ctx, recorded)...)
		return
	}
	recorded := plan
	recorded.ID = types.StringValue(id.String())
	diags.Append(state.Set(ctx, nullUnknowns(recorded))...)
}

// recordClusterProgress records, after a later step of an update failed, the cluster settings
// already applied, with the default pool as it was: the next plan then shows what is left to do,
// and the default pool's change (a rotation, say) resumes where it stopped.
func (r *clusterResource) recordClusterProgress(ctx context.Context, id agentpools.ClusterID, plan, state clusterResourceModel, target interface {
	Set(context.Context, any) diag.Diagnostics
}, diags *diag.Diagnostics) {
	readCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	mc, err := r.client.AgentPools.GetCluster(readCtx, id)
	if err != nil {
		diags.Append(target.Set(ctx, state)...)
		return
	}
	attrs, d := flattenCluster(ctx, mc, clusterFlattenOptions{prior: &plan.clusterAttributes})
	if d.HasError() {
		diags.Append(target.Set(ctx, state)...)
		return
	}
	progress := clusterResourceModel{clusterAttributes: attrs, DefaultNodePool: state.DefaultNodePool, Timeouts: plan.Timeouts}
	if mc.Properties != nil {
		progress.WindowsProfile = flattenWindowsProfile(mc.Properties.WindowsProfile, plan.WindowsProfile, false)
	}
	diags.Append(target.Set(ctx, nullUnknowns(progress))...)
}

// nullUnknowns returns m with every unknown value null: a state can't hold unknowns.
func nullUnknowns(m clusterResourceModel) clusterResourceModel {
	nullUnknownStrings(&m.ID, &m.DNSPrefix, &m.KubernetesVersion, &m.CurrentKubernetesVersion, &m.SKUTier, &m.NodeResourceGroup,
		&m.OIDCIssuerURL, &m.AutomaticUpgradeChannel, &m.NodeOSUpgradeChannel, &m.FQDN, &m.PrivateFQDN, &m.PortalFQDN)
	if m.KubeletIdentity.IsUnknown() {
		m.KubeletIdentity = types.ObjectNull(kubeletIdentityAttrTypes)
	}
	m.Identity = nullIfPartlyUnknown(m.Identity, clusterIdentityAttrTypes)
	m.NetworkProfile = nullIfPartlyUnknown(m.NetworkProfile, networkProfileAttrTypes)
	if m.DefaultNodePool != nil {
		pool := *m.DefaultNodePool
		nullUnknownStrings(&pool.OSSKU, &pool.VMSize, &pool.OrchestratorVersion, &pool.CurrentOrchestratorVersion, &pool.NodeImageVersion,
			&pool.CurrentNodeImageVersion, &pool.OSDiskType, &pool.KubeletDiskType, &pool.ProvisioningState)
		nullUnknownInts(&pool.NodeCount, &pool.CurrentNodeCount, &pool.OSDiskSizeGB, &pool.MaxPods)
		pool.UpgradeSettings = nullIfPartlyUnknown(pool.UpgradeSettings, upgradeSettingsAttrTypes)
		m.DefaultNodePool = &pool
	}
	return m
}

// windowsPasswordToSend is the password a create sends: admin_password, or the write-only
// admin_password_wo, which only the configuration holds.
func windowsPasswordToSend(plan, config *windowsProfileModel) string {
	switch {
	case plan != nil && known(plan.AdminPassword):
		return plan.AdminPassword.ValueString()
	case config != nil && known(config.AdminPasswordWO):
		return config.AdminPasswordWO.ValueString()
	}
	return ""
}

// windowsPasswordChange is the password an update sends, or nil when it doesn't change: a new
// admin_password, or admin_password_wo when admin_password_wo_version changed.
func windowsPasswordChange(state, plan, config *windowsProfileModel) *string {
	if plan == nil {
		return nil
	}
	if state == nil {
		if pw := windowsPasswordToSend(plan, config); pw != "" {
			return &pw
		}
		return nil
	}
	if known(plan.AdminPassword) && !plan.AdminPassword.Equal(state.AdminPassword) {
		return to.Ptr(plan.AdminPassword.ValueString())
	}
	if config != nil && known(config.AdminPasswordWO) && !plan.AdminPasswordWOVersion.Equal(state.AdminPasswordWOVersion) {
		return to.Ptr(config.AdminPasswordWO.ValueString())
	}
	return nil
}

func clusterExistsDetail(id agentpools.ClusterID) string {
	return fmt.Sprintf("Resource group %s already has a managed cluster named %q. Terraform does not take over an existing cluster silently: import it to manage it with this configuration.\n\n"+
		"With the terraform CLI:\n\n  terraform import aks_cluster.%[3]s %[4]s\n\n"+
		"or with an import block (Terraform 1.5 or later), then plan and apply:\n\n  import {\n    to = aks_cluster.%[3]s\n    id = %[4]q\n  }\n\n"+
		"(Use this resource's own address if it is not aks_cluster.%[3]s.) Or choose another name.",
		id.ResourceGroup, id.Name, terraformName(id.Name), id.String())
}

// terraformName turns a cluster name into a plausible resource name for messages.
func terraformName(name string) string {
	return strings.NewReplacer("-", "_", ".", "_").Replace(strings.ToLower(name))
}

// ---------------------------------------------------------------------------------------------
// Validation and planning

func (r *clusterResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var config clusterResourceModel
	if diags := req.Config.Get(ctx, &config); diags.HasError() {
		// Only a block whose presence is unknown (a dynamic block over unknown values) can't be
		// read into the model; the checks run again at plan time, when it is known.
		return
	}
	resp.Diagnostics.Append(rules.CheckClusterConfig(clusterRulesConfig(ctx, config))...)
	if config.DefaultNodePool != nil {
		// The provider may not be configured yet (terraform validate): the embedded VM size facts
		// serve until ModifyPlan can use the live ones of the location.
		resp.Diagnostics.Append(rules.CheckPool(ctx, path.Root("default_node_pool"), config.DefaultNodePool.rulesPool(), nil, config.Location.ValueString())...)
		resp.Diagnostics.Append(checkTemporaryName(*config.DefaultNodePool)...)
	}
	// Blocks are optional, their attributes required when the block is given.
	requireInBlock := func(block string, present bool, attrs map[string]attr.Value) {
		if !present {
			return
		}
		for name, v := range attrs {
			if v.IsNull() {
				resp.Diagnostics.AddAttributeError(path.Root(block).AtName(name), "Missing required argument",
					fmt.Sprintf("The %s block needs %s.\n\nFix: set %s, or remove the block.", block, name, name))
			}
		}
	}
	if lp := config.LinuxProfile; lp != nil {
		requireInBlock("linux_profile", true, map[string]attr.Value{"admin_username": lp.AdminUsername, "ssh_public_key": lp.SSHPublicKey})
	}
	if md := config.MicrosoftDefender; md != nil {
		requireInBlock("microsoft_defender", true, map[string]attr.Value{"log_analytics_workspace_id": md.LogAnalyticsWorkspaceID})
	}
	if wp := config.WindowsProfile; wp != nil {
		requireInBlock("windows_profile", true, map[string]attr.Value{"admin_username": wp.AdminUsername})
		if wp.AdminPassword.IsNull() && wp.AdminPasswordWO.IsNull() {
			resp.Diagnostics.AddAttributeError(path.Root("windows_profile"), "Missing Windows admin password",
				"The windows_profile block needs a password: AKS sets it on every Windows node.\n\n"+
					"Fix: set admin_password_wo with admin_password_wo_version (Terraform 1.11 or later; the password never reaches the state), or admin_password.")
		}
	}
}

// checkTemporaryName: the rotation's temporary pool needs a name other than the pool's own.
func checkTemporaryName(pool defaultNodePoolModel) diag.Diagnostics {
	var diags diag.Diagnostics
	if known(pool.TemporaryNameForRotation) && known(pool.Name) && strings.EqualFold(pool.TemporaryNameForRotation.ValueString(), pool.Name.ValueString()) {
		diags.AddAttributeError(path.Root("default_node_pool").AtName("temporary_name_for_rotation"), "Temporary pool name equals the pool's name",
			fmt.Sprintf("temporary_name_for_rotation = %q is the default pool's own name; a rotation creates the temporary pool next to the pool, so the two names must differ.\n\n"+
				"Fix: choose another name, such as %q, or remove it (the provider then derives one).", pool.TemporaryNameForRotation.ValueString(), derivedTemporaryName(pool.Name.ValueString())))
	}
	return diags
}

// clusterRulesConfig converts the configuration into what the cluster rules read.
func clusterRulesConfig(ctx context.Context, m clusterResourceModel) rules.ClusterConfig {
	c := rules.ClusterConfig{
		IdentityType:                types.StringNull(),
		IdentityIDs:                 types.SetNull(types.StringType),
		OIDCIssuerEnabled:           m.OIDCIssuerEnabled,
		WorkloadIdentityEnabled:     m.WorkloadIdentityEnabled,
		LocalAccountDisabled:        m.LocalAccountDisabled,
		AzureRBACEnabled:            m.AzureRBACEnabled,
		AdminGroupObjectIDs:         m.AdminGroupObjectIDs,
		PrivateClusterEnabled:       m.PrivateClusterEnabled,
		APIServerAuthorizedIPRanges: m.APIServerAuthorizedIPRanges,
		NetworkPlugin:               types.StringNull(),
		NetworkPluginMode:           types.StringNull(),
		NetworkPolicy:               types.StringNull(),
		NetworkDataplane:            types.StringNull(),
		LoadBalancerSKU:             types.StringNull(),
		PodCIDR:                     types.StringNull(),
		ServiceCIDR:                 types.StringNull(),
		DNSServiceIP:                types.StringNull(),
	}
	if m.Identity.IsUnknown() {
		c.IdentityType = types.StringUnknown()
	} else if id, _ := objectAs[clusterIdentityModel](ctx, m.Identity); id != nil {
		c.IdentityType, c.IdentityIDs = id.Type, id.IdentityIDs
	}
	if m.NetworkProfile.IsUnknown() {
		c.NetworkPlugin, c.NetworkPolicy, c.NetworkDataplane = types.StringUnknown(), types.StringUnknown(), types.StringUnknown()
	} else if np, _ := objectAs[networkProfileModel](ctx, m.NetworkProfile); np != nil {
		c.NetworkPlugin, c.NetworkPluginMode, c.NetworkPolicy, c.NetworkDataplane = np.NetworkPlugin, np.NetworkPluginMode, np.NetworkPolicy, np.NetworkDataplane
		c.LoadBalancerSKU, c.PodCIDR, c.ServiceCIDR, c.DNSServiceIP = np.LoadBalancerSKU, np.PodCIDR, np.ServiceCIDR, np.DNSServiceIP
	}
	return c
}

func (r *clusterResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	var plan, config clusterResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var state *clusterResourceModel
	if !req.State.Raw.IsNull() {
		state = &clusterResourceModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
		if resp.Diagnostics.HasError() {
			return
		}
	}

	if state == nil {
		// Pools created with the cluster run the control plane's version.
		if config.DefaultNodePool != nil {
			resp.Diagnostics.Append(rules.CheckPoolVersionAtCreation(path.Root("default_node_pool").AtName("orchestrator_version"),
				config.DefaultNodePool.OrchestratorVersion, config.KubernetesVersion)...)
		}
	} else {
		// Even an unchanged configuration may plan an update: a newer node image for
		// node_image_version = "latest".
		resp.Diagnostics.Append(r.planUpdate(ctx, *state, &plan, config)...)
	}
	if !resp.Diagnostics.HasError() && plan.DefaultNodePool != nil && r.client != nil {
		resp.Diagnostics.Append(r.checkDefaultPoolLive(ctx, state, plan)...)
	}
	if state != nil && !resp.Diagnostics.HasError() && r.client != nil {
		resp.Diagnostics.Append(r.planDefaultPoolRepair(ctx, *state, &plan)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, plan)...)
}

// planUpdate fills in what an update will compute and checks what only the change tells: the
// control plane upgrade, the OIDC issuer staying on, and the default pool's change (in place,
// following the control plane, or a rotation).
func (r *clusterResource) planUpdate(ctx context.Context, state clusterResourceModel, plan *clusterResourceModel, config clusterResourceModel) diag.Diagnostics {
	var diags diag.Diagnostics
	diags.Append(rules.CheckOIDCIssuerNotDisabled(state.OIDCIssuerEnabled, plan.OIDCIssuerEnabled)...)

	versionChanges := changed(state.KubernetesVersion, plan.KubernetesVersion)
	if versionChanges {
		diags.Append(rules.CheckControlPlaneUpgrade(state.CurrentKubernetesVersion.ValueString(), plan.KubernetesVersion)...)
		plan.CurrentKubernetesVersion = types.StringUnknown()
		if v, err := rules.ParseVersion(plan.KubernetesVersion.ValueString()); err == nil && v.HasPatch {
			plan.CurrentKubernetesVersion = plan.KubernetesVersion
		}
		if plan.DefaultNodePool != nil && config.DefaultNodePool != nil && config.DefaultNodePool.OrchestratorVersion.IsNull() {
			// The default pool follows the control plane: the same version, after it.
			plan.DefaultNodePool.OrchestratorVersion = plan.KubernetesVersion
		}
		follows := plan.DefaultNodePool != nil && state.DefaultNodePool != nil && changed(state.DefaultNodePool.OrchestratorVersion, plan.DefaultNodePool.OrchestratorVersion)
		detail := fmt.Sprintf("kubernetes_version changes from %s to %s. Apply upgrades the control plane first (one managedClusters PUT changing only the version)", state.KubernetesVersion.ValueString(), plan.KubernetesVersion.ValueString())
		if follows {
			detail += fmt.Sprintf(", then the default node pool %s to %s (its nodes are surged, drained and replaced per upgrade_settings)", plan.DefaultNodePool.Name.ValueString(), plan.DefaultNodePool.OrchestratorVersion.ValueString())
		}
		detail += ". Other node pools keep their version until their own orchestrator_version changes; each may be at most three minor versions behind the control plane."
		diags.AddAttributeWarning(path.Root("kubernetes_version"), "The cluster will be upgraded", detail)
	}
	if changed(state.OIDCIssuerEnabled, plan.OIDCIssuerEnabled) {
		plan.OIDCIssuerURL = types.StringUnknown()
	}
	if changed(state.Identity, plan.Identity) {
		if id, _ := objectAs[clusterIdentityModel](ctx, plan.Identity); id != nil {
			if old, _ := objectAs[clusterIdentityModel](ctx, state.Identity); old == nil || changed(old.Type, id.Type) || changed(old.IdentityIDs, id.IdentityIDs) {
				id.PrincipalID, id.TenantID = types.StringUnknown(), types.StringUnknown()
				obj, d := types.ObjectValueFrom(ctx, clusterIdentityAttrTypes, id)
				diags.Append(d...)
				plan.Identity = obj
			}
		}
	}
	if plan.DefaultNodePool != nil && state.DefaultNodePool != nil && config.DefaultNodePool != nil {
		diags.Append(r.planDefaultPool(ctx, state, plan, *config.DefaultNodePool)...)
	}
	return diags
}

// checkDefaultPoolLive runs the default pool's rules with the live VM size facts of the cluster's
// location and, for an existing cluster, against its other pools and the planned control plane
// version. Warnings that validation already gave with the embedded facts are not repeated.
func (r *clusterResource) checkDefaultPoolLive(ctx context.Context, state *clusterResourceModel, plan clusterResourceModel) diag.Diagnostics {
	base := path.Root("default_node_pool")
	location := plan.Location.ValueString()
	pool := plan.DefaultNodePool.rulesPool()
	diags := checkPoolLive(ctx, base, pool, r.client.VMSizes, location)
	if state == nil || state.DefaultNodePool == nil {
		return diags
	}
	id, err := agentpools.ParseClusterID(state.ID.ValueString())
	if err != nil {
		return diags
	}
	mc, err := r.client.AgentPools.Cluster(ctx, id)
	if agentpools.IsNotFound(err) {
		return diags // a refresh that found the cluster gone plans a create instead
	}
	if err != nil {
		diags.AddAttributeError(base, "Could not read the cluster to check the default node pool", err.Error())
		return diags
	}
	pools, err := r.client.AgentPools.List(ctx, id)
	if err != nil {
		diags.AddAttributeError(base, "Could not list the cluster's node pools", err.Error())
		return diags
	}
	cluster := rulesCluster(mc, pools)
	if known(plan.KubernetesVersion) {
		cluster.KubernetesVersion = plan.KubernetesVersion.ValueString()
	}
	current := rules.ExistingPool{
		Name:                state.DefaultNodePool.Name.ValueString(),
		Mode:                rules.ModeSystem,
		OSType:              rules.OSTypeLinux,
		VMSetType:           string(armcontainerservice.AgentPoolTypeVirtualMachineScaleSets),
		VnetSubnetID:        state.DefaultNodePool.VnetSubnetID.ValueString(),
		PodSubnetID:         state.DefaultNodePool.PodSubnetID.ValueString(),
		OrchestratorVersion: state.DefaultNodePool.CurrentOrchestratorVersion.ValueString(),
	}
	diags.Append(rules.CheckPoolInCluster(ctx, base, pool, &current, cluster, r.client.VMSizes, location)...)
	return diags
}
