package aks

// aks_cluster's model, shared with the aks_cluster data source.

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// clusterAttributes are the attributes aks_cluster and the aks_cluster data source share.
type clusterAttributes struct {
	ID                          types.String `tfsdk:"id"`
	Name                        types.String `tfsdk:"name"`
	ResourceGroupName           types.String `tfsdk:"resource_group_name"`
	Location                    types.String `tfsdk:"location"`
	DNSPrefix                   types.String `tfsdk:"dns_prefix"`
	KubernetesVersion           types.String `tfsdk:"kubernetes_version"`
	CurrentKubernetesVersion    types.String `tfsdk:"current_kubernetes_version"`
	SKUTier                     types.String `tfsdk:"sku_tier"`
	NodeResourceGroup           types.String `tfsdk:"node_resource_group"`
	OIDCIssuerEnabled           types.Bool   `tfsdk:"oidc_issuer_enabled"`
	OIDCIssuerURL               types.String `tfsdk:"oidc_issuer_url"`
	WorkloadIdentityEnabled     types.Bool   `tfsdk:"workload_identity_enabled"`
	LocalAccountDisabled        types.Bool   `tfsdk:"local_account_disabled"`
	AzureRBACEnabled            types.Bool   `tfsdk:"azure_rbac_enabled"`
	AdminGroupObjectIDs         types.Set    `tfsdk:"admin_group_object_ids"`
	PrivateClusterEnabled       types.Bool   `tfsdk:"private_cluster_enabled"`
	APIServerAuthorizedIPRanges types.Set    `tfsdk:"api_server_authorized_ip_ranges"`
	AutomaticUpgradeChannel     types.String `tfsdk:"automatic_upgrade_channel"`
	NodeOSUpgradeChannel        types.String `tfsdk:"node_os_upgrade_channel"`
	Tags                        types.Map    `tfsdk:"tags"`
	FQDN                        types.String `tfsdk:"fqdn"`
	PrivateFQDN                 types.String `tfsdk:"private_fqdn"`
	PortalFQDN                  types.String `tfsdk:"portal_fqdn"`
	KubeletIdentity             types.Object `tfsdk:"kubelet_identity"`
	Identity                    types.Object `tfsdk:"identity"`
	NetworkProfile              types.Object `tfsdk:"network_profile"`

	LinuxProfile      *linuxProfileModel      `tfsdk:"linux_profile"`
	MicrosoftDefender *microsoftDefenderModel `tfsdk:"microsoft_defender"`
}

// clusterIdentityModel is the identity attribute.
type clusterIdentityModel struct {
	Type        types.String `tfsdk:"type"`
	IdentityIDs types.Set    `tfsdk:"identity_ids"`
	PrincipalID types.String `tfsdk:"principal_id"`
	TenantID    types.String `tfsdk:"tenant_id"`
}

var clusterIdentityAttrTypes = map[string]attr.Type{
	"type":         types.StringType,
	"identity_ids": types.SetType{ElemType: types.StringType},
	"principal_id": types.StringType,
	"tenant_id":    types.StringType,
}

// networkProfileModel is the network_profile attribute.
type networkProfileModel struct {
	NetworkPlugin     types.String `tfsdk:"network_plugin"`
	NetworkPluginMode types.String `tfsdk:"network_plugin_mode"`
	NetworkPolicy     types.String `tfsdk:"network_policy"`
	NetworkDataplane  types.String `tfsdk:"network_dataplane"`
	LoadBalancerSKU   types.String `tfsdk:"load_balancer_sku"`
	OutboundType      types.String `tfsdk:"outbound_type"`
	PodCIDR           types.String `tfsdk:"pod_cidr"`
	ServiceCIDR       types.String `tfsdk:"service_cidr"`
	DNSServiceIP      types.String `tfsdk:"dns_service_ip"`
}

var networkProfileAttrTypes = map[string]attr.Type{
	"network_plugin":      types.StringType,
	"network_plugin_mode": types.StringType,
	"network_policy":      types.StringType,
	"network_dataplane":   types.StringType,
	"load_balancer_sku":   types.StringType,
	"outbound_type":       types.StringType,
	"pod_cidr":            types.StringType,
	"service_cidr":        types.StringType,
	"dns_service_ip":      types.StringType,
}

// kubeletIdentityModel is the computed kubelet_identity attribute.
type kubeletIdentityModel struct {
	ClientID               types.String `tfsdk:"client_id"`
	ObjectID               types.String `tfsdk:"object_id"`
	UserAssignedIdentityID types.String `tfsdk:"user_assigned_identity_id"`
}

var kubeletIdentityAttrTypes = map[string]attr.Type{
	"client_id":                 types.StringType,
	"object_id":                 types.StringType,
	"user_assigned_identity_id": types.StringType,
}

type linuxProfileModel struct {
	AdminUsername types.String `tfsdk:"admin_username"`
	SSHPublicKey  types.String `tfsdk:"ssh_public_key"`
}

type microsoftDefenderModel struct {
	LogAnalyticsWorkspaceID types.String `tfsdk:"log_analytics_workspace_id"`
}

// windowsProfileModel is the windows_profile block of the resource. AKS never returns the
// password: admin_password is what the configuration said, admin_password_wo never reaches the
// state, and admin_password_wo_version records which write-only password was last sent.
type windowsProfileModel struct {
	AdminUsername          types.String `tfsdk:"admin_username"`
	AdminPassword          types.String `tfsdk:"admin_password"`
	AdminPasswordWO        types.String `tfsdk:"admin_password_wo"`
	AdminPasswordWOVersion types.Int64  `tfsdk:"admin_password_wo_version"`
}
