package aks

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/aksforge/terraform-provider-aks/internal/agentpools"
	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// This file holds aks_cluster's model (shared with the aks_cluster data source) and the
// conversions between it and armcontainerservice.ManagedCluster. The default node pool reuses the
// node pool model of node_pool_model.go: it is an agent pool like any other once created.

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

// criticalAddonsTaint is the taint only_critical_addons_enabled puts on the default pool's nodes,
// so that only pods tolerating it (AKS's critical add-ons) are scheduled there.
const criticalAddonsTaint = "CriticalAddonsOnly=true:NoSchedule"

// defaultNodePoolModel is the default_node_pool block: the settings of aks_node_pool minus mode
// (always System), os_type (always Linux) and the Spot settings, plus
// only_critical_addons_enabled and temporary_name_for_rotation.
type defaultNodePoolModel struct {
	Name                      types.String `tfsdk:"name"`
	TemporaryNameForRotation  types.String `tfsdk:"temporary_name_for_rotation"`
	OnlyCriticalAddonsEnabled types.Bool   `tfsdk:"only_critical_addons_enabled"`
	poolSettings
	UpgradeSettings types.Object `tfsdk:"upgrade_settings"`
}

// settings is the pool as the shared node pool code reads it: a Linux System pool with Regular
// priority, whose taints include the critical add-ons taint when only_critical_addons_enabled.
func (d defaultNodePoolModel) settings(ctx context.Context) (nodePoolSettings, diag.Diagnostics) {
	var diags diag.Diagnostics
	s := nodePoolSettings{
		Mode:           types.StringValue(string(armcontainerservice.AgentPoolModeSystem)),
		OSType:         types.StringValue(string(armcontainerservice.OSTypeLinux)),
		poolSettings:   d.poolSettings,
		Priority:       types.StringValue(string(armcontainerservice.ScaleSetPriorityRegular)),
		EvictionPolicy: types.StringNull(),
		SpotMaxPrice:   types.Float64Null(),
	}
	if d.OnlyCriticalAddonsEnabled.IsUnknown() || d.NodeTaints.IsUnknown() {
		s.NodeTaints = types.ListUnknown(types.StringType)
		return s, diags
	}
	if !d.OnlyCriticalAddonsEnabled.ValueBool() {
		return s, diags
	}
	var taints []string
	if !d.NodeTaints.IsNull() {
		diags.Append(d.NodeTaints.ElementsAs(ctx, &taints, false)...)
	}
	if !slices.Contains(taints, criticalAddonsTaint) {
		taints = append(taints, criticalAddonsTaint)
	}
	list, dd := types.ListValueFrom(ctx, types.StringType, taints)
	diags.Append(dd...)
	s.NodeTaints = list
	return s, diags
}

// fromSettings sets the pool's attributes from the shared model read back from AKS, keeping the
// provider-side ones (name, temporary_name_for_rotation) of prior. The critical add-ons taint
// becomes only_critical_addons_enabled; without other taints, node_taints stays as prior had it
// (null or empty).
func (d defaultNodePoolModel) fromSettings(ctx context.Context, s nodePoolSettings, upgrade types.Object) (defaultNodePoolModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := defaultNodePoolModel{
		Name:                      d.Name,
		TemporaryNameForRotation:  d.TemporaryNameForRotation,
		OnlyCriticalAddonsEnabled: types.BoolValue(false),
		poolSettings:              s.poolSettings,
		UpgradeSettings:           upgrade,
	}
	if d.TemporaryNameForRotation.IsUnknown() {
		out.TemporaryNameForRotation = types.StringNull()
	}
	var taints []string
	if !s.NodeTaints.IsNull() && !s.NodeTaints.IsUnknown() {
		diags.Append(s.NodeTaints.ElementsAs(ctx, &taints, false)...)
	}
	if !slices.Contains(taints, criticalAddonsTaint) {
		return out, diags
	}
	out.OnlyCriticalAddonsEnabled = types.BoolValue(true)
	taints = slices.DeleteFunc(taints, func(t string) bool { return t == criticalAddonsTaint })
	if len(taints) == 0 && (d.NodeTaints.IsNull() || d.NodeTaints.IsUnknown()) {
		out.NodeTaints = types.ListNull(types.StringType)
		return out, diags
	}
	list, dd := types.ListValueFrom(ctx, types.StringType, append([]string{}, taints...))
	diags.Append(dd...)
	out.NodeTaints = list
	return out, diags
}

// asNodePool is the default pool as an aks_node_pool model, so that the node pool resource's
// planning (in-place changes, node images, replacement detection) serves the default pool too.
func (d defaultNodePoolModel) asNodePool(ctx context.Context, cluster agentpools.ClusterID) (nodePoolResourceModel, diag.Diagnostics) {
	s, diags := d.settings(ctx)
	m := nodePoolResourceModel{
		ClusterID:                         types.StringValue(cluster.String()),
		Name:                              d.Name,
		nodePoolSettings:                  s,
		UpgradeSettings:                   d.UpgradeSettings,
		IgnorePodDisruptionBudgetOnDelete: types.BoolValue(false),
	}
	if known(d.Name) {
		m.ID = types.StringValue(cluster.Pool(d.Name.ValueString()).String())
	}
	return m, diags
}

// rulesPool is the default pool as the rules read it.
func (d defaultNodePoolModel) rulesPool() rules.Pool {
	return rules.Pool{
		Name:                  d.Name,
		Mode:                  types.StringValue(rules.ModeSystem),
		OSType:                types.StringValue(rules.OSTypeLinux),
		OSSKU:                 d.OSSKU,
		VMSize:                d.VMSize,
		NodeCount:             d.NodeCount,
		AutoScalingEnabled:    d.AutoScalingEnabled,
		MinCount:              d.MinCount,
		MaxCount:              d.MaxCount,
		OrchestratorVersion:   d.OrchestratorVersion,
		VnetSubnetID:          d.VnetSubnetID,
		PodSubnetID:           d.PodSubnetID,
		FIPSEnabled:           d.FIPSEnabled,
		OSDiskType:            d.OSDiskType,
		OSDiskSizeGB:          d.OSDiskSizeGB,
		KubeletDiskType:       d.KubeletDiskType,
		Priority:              types.StringValue(rules.PriorityRegular),
		EvictionPolicy:        types.StringNull(),
		SpotMaxPrice:          types.Float64Null(),
		HostEncryptionEnabled: d.HostEncryptionEnabled,
	}
}

// poolProfile turns an agent pool body into the profile a managedClusters PUT carries inline. The
// two SDK types have the same JSON shape (the profile adds the name), so a JSON round trip copies
// every field, including ones added by later SDK versions.
func poolProfile(name string, pool armcontainerservice.AgentPool) (*armcontainerservice.ManagedClusterAgentPoolProfile, error) {
	profile := &armcontainerservice.ManagedClusterAgentPoolProfile{}
	if pool.Properties != nil {
		raw, err := json.Marshal(pool.Properties)
		if err != nil {
			return nil, fmt.Errorf("encoding the default node pool: %w", err)
		}
		if err := json.Unmarshal(raw, profile); err != nil {
			return nil, fmt.Errorf("encoding the default node pool: %w", err)
		}
	}
	profile.Name = to.Ptr(name)
	return profile, nil
}

// ---------------------------------------------------------------------------------------------
// Create

// expandCluster builds the body of the create from the plan. windowsPassword is the password to
// send (admin_password, or the write-only admin_password_wo read from the configuration).
func expandCluster(ctx context.Context, plan clusterResourceModel, windowsPassword string) (armcontainerservice.ManagedCluster, diag.Diagnostics) {
	var diags diag.Diagnostics
	props := &armcontainerservice.ManagedClusterProperties{
		DNSPrefix:         stringPointer(plan.DNSPrefix),
		KubernetesVersion: stringPointer(plan.KubernetesVersion),
		NodeResourceGroup: stringPointer(plan.NodeResourceGroup),
		EnableRBAC:        to.Ptr(true),
	}
	mc := armcontainerservice.ManagedCluster{
		Location:   to.Ptr(plan.Location.ValueString()),
		Properties: props,
	}
	if known(plan.SKUTier) {
		mc.SKU = &armcontainerservice.ManagedClusterSKU{
			Name: to.Ptr(armcontainerservice.ManagedClusterSKUNameBase),
			Tier: enumPointer[armcontainerservice.ManagedClusterSKUTier](plan.SKUTier),
		}
	}
	var d diag.Diagnostics
	mc.Tags, d = stringPointerMap(ctx, plan.Tags)
	diags.Append(d...)

	identity, d := objectAs[clusterIdentityModel](ctx, plan.Identity)
	diags.Append(d...)
	mc.Identity, d = expandIdentity(ctx, identity)
	diags.Append(d...)

	if plan.DefaultNodePool != nil {
		settings, d := plan.DefaultNodePool.settings(ctx)
		diags.Append(d...)
		pool, d := expandNodePool(ctx, settings, plan.DefaultNodePool.UpgradeSettings)
		diags.Append(d...)
		if !diags.HasError() {
			profile, err := poolProfile(plan.DefaultNodePool.Name.ValueString(), pool)
			if err != nil {
				diags.AddError("Could not build the default node pool", err.Error())
			} else {
				props.AgentPoolProfiles = []*armcontainerservice.ManagedClusterAgentPoolProfile{profile}
			}
		}
	}

	network, d := objectAs[networkProfileModel](ctx, plan.NetworkProfile)
	diags.Append(d...)
	props.NetworkProfile = expandNetworkProfile(network)

	if plan.LinuxProfile != nil {
		props.LinuxProfile = expandLinuxProfile(*plan.LinuxProfile)
	}
	if plan.WindowsProfile != nil {
		props.WindowsProfile = &armcontainerservice.ManagedClusterWindowsProfile{
			AdminUsername: stringPointer(plan.WindowsProfile.AdminUsername),
		}
		if windowsPassword != "" {
			props.WindowsProfile.AdminPassword = to.Ptr(windowsPassword)
		}
	}
	if plan.MicrosoftDefender != nil {
		props.SecurityProfile = &armcontainerservice.ManagedClusterSecurityProfile{Defender: expandDefender(plan.MicrosoftDefender)}
	}
	if plan.OIDCIssuerEnabled.ValueBool() {
		props.OidcIssuerProfile = &armcontainerservice.ManagedClusterOIDCIssuerProfile{Enabled: to.Ptr(true)}
	}
	if plan.WorkloadIdentityEnabled.ValueBool() {
		if props.SecurityProfile == nil {
			props.SecurityProfile = &armcontainerservice.ManagedClusterSecurityProfile{}
		}
		props.SecurityProfile.WorkloadIdentity = &armcontainerservice.ManagedClusterSecurityProfileWorkloadIdentity{Enabled: to.Ptr(true)}
	}
	if plan.LocalAccountDisabled.ValueBool() {
		props.DisableLocalAccounts = to.Ptr(true)
	}
	groups, d := stringPointers(ctx, plan.AdminGroupObjectIDs)
	diags.Append(d...)
	if plan.AzureRBACEnabled.ValueBool() || len(groups) > 0 {
		props.AADProfile = &armcontainerservice.ManagedClusterAADProfile{
			Managed:             to.Ptr(true),
			EnableAzureRBAC:     to.Ptr(plan.AzureRBACEnabled.ValueBool()),
			AdminGroupObjectIDs: groups,
		}
	}
	ranges, d := stringPointers(ctx, plan.APIServerAuthorizedIPRanges)
	diags.Append(d...)
	if plan.PrivateClusterEnabled.ValueBool() || len(ranges) > 0 {
		props.APIServerAccessProfile = &armcontainerservice.ManagedClusterAPIServerAccessProfile{
			EnablePrivateCluster: to.Ptr(plan.PrivateClusterEnabled.ValueBool()),
			AuthorizedIPRanges:   ranges,
		}
	}
	if known(plan.AutomaticUpgradeChannel) || known(plan.NodeOSUpgradeChannel) {
		props.AutoUpgradeProfile = &armcontainerservice.ManagedClusterAutoUpgradeProfile{
			UpgradeChannel:       enumPointer[armcontainerservice.UpgradeChannel](plan.AutomaticUpgradeChannel),
			NodeOSUpgradeChannel: enumPointer[armcontainerservice.NodeOSUpgradeChannel](plan.NodeOSUpgradeChannel),
		}
	}
	return mc, diags
}

// objectAs reads an object attribute into its model; nil when null or unknown.
func objectAs[T any](ctx context.Context, o types.Object) (*T, diag.Diagnostics) {
	if o.IsNull() || o.IsUnknown() {
		return nil, nil
	}
	var out T
	diags := o.As(ctx, &out, basetypes.ObjectAsOptions{UnhandledNullAsEmpty: true, UnhandledUnknownAsEmpty: true})
	return &out, diags
}

// expandIdentity builds the cluster identity; without one configured, a system-assigned identity
// (AKS needs an identity, and this is what az aks create gives).
func expandIdentity(ctx context.Context, m *clusterIdentityModel) (*armcontainerservice.ManagedClusterIdentity, diag.Diagnostics) {
	if m == nil || !known(m.Type) {
		return &armcontainerservice.ManagedClusterIdentity{Type: to.Ptr(armcontainerservice.ResourceIdentityTypeSystemAssigned)}, nil
	}
	out := &armcontainerservice.ManagedClusterIdentity{Type: enumPointer[armcontainerservice.ResourceIdentityType](m.Type)}
	ids, diags := stringPointers(ctx, m.IdentityIDs)
	if len(ids) > 0 {
		out.UserAssignedIdentities = map[string]*armcontainerservice.ManagedServiceIdentityUserAssignedIdentitiesValue{}
		for _, id := range ids {
			out.UserAssignedIdentities[*id] = &armcontainerservice.ManagedServiceIdentityUserAssignedIdentitiesValue{}
		}
	}
	return out, diags
}

// expandNetworkProfile builds the network profile from the configured values; unset ones are
// left to AKS's defaults (Azure CNI Overlay, Standard load balancer, ...). nil when nothing is set.
func expandNetworkProfile(m *networkProfileModel) *armcontainerservice.NetworkProfile {
	if m == nil {
		return nil
	}
	np := &armcontainerservice.NetworkProfile{
		NetworkPlugin:     enumPointer[armcontainerservice.NetworkPlugin](m.NetworkPlugin),
		NetworkPluginMode: enumPointer[armcontainerservice.NetworkPluginMode](m.NetworkPluginMode),
		NetworkPolicy:     enumPointer[armcontainerservice.NetworkPolicy](m.NetworkPolicy),
		NetworkDataplane:  enumPointer[armcontainerservice.NetworkDataplane](m.NetworkDataplane),
		LoadBalancerSKU:   enumPointer[armcontainerservice.LoadBalancerSKU](m.LoadBalancerSKU),
		OutboundType:      enumPointer[armcontainerservice.OutboundType](m.OutboundType),
		PodCidr:           stringPointer(m.PodCIDR),
		ServiceCidr:       stringPointer(m.ServiceCIDR),
		DNSServiceIP:      stringPointer(m.DNSServiceIP),
	}
	if np.NetworkPlugin == nil && np.NetworkPluginMode == nil && np.NetworkPolicy == nil && np.NetworkDataplane == nil && np.LoadBalancerSKU == nil &&
		np.OutboundType == nil && np.PodCidr == nil && np.ServiceCidr == nil && np.DNSServiceIP == nil {
		return nil
	}
	return np
}

func expandLinuxProfile(m linuxProfileModel) *armcontainerservice.LinuxProfile {
	return &armcontainerservice.LinuxProfile{
		AdminUsername: stringPointer(m.AdminUsername),
		SSH: &armcontainerservice.SSHConfiguration{PublicKeys: []*armcontainerservice.SSHPublicKey{
			{KeyData: stringPointer(m.SSHPublicKey)},
		}},
	}
}

func expandDefender(m *microsoftDefenderModel) *armcontainerservice.ManagedClusterSecurityProfileDefender {
	if m == nil {
		return nil
	}
	return &armcontainerservice.ManagedClusterSecurityProfileDefender{
		LogAnalyticsWorkspaceResourceID: stringPointer(m.LogAnalyticsWorkspaceID),
		SecurityMonitoring:              &armcontainerservice.ManagedClusterSecurityProfileDefenderSecurityMonitoring{Enabled: to.Ptr(true)},
	}
}

// ---------------------------------------------------------------------------------------------
// Update

// clusterChanges applies onto mc (the cluster as a fresh GET returned it) the cluster-level
// differences between state and plan, and returns the attributes it changed. Tags, the Kubernetes
// version and the default node pool are not handled here: they have their own calls. An empty
// result means no cluster PUT is needed.
func clusterChanges(ctx context.Context, mc *armcontainerservice.ManagedCluster, state, plan clusterResourceModel, windowsPassword *string) ([]string, diag.Diagnostics) {
	var diags diag.Diagnostics
	var changedAttrs []string
	if mc.Properties == nil {
		mc.Properties = &armcontainerservice.ManagedClusterProperties{}
	}
	props := mc.Properties
	mark := func(name string) { changedAttrs = append(changedAttrs, name) }

	if changed(state.SKUTier, plan.SKUTier) {
		if mc.SKU == nil {
			mc.SKU = &armcontainerservice.ManagedClusterSKU{Name: to.Ptr(armcontainerservice.ManagedClusterSKUNameBase)}
		}
		mc.SKU.Tier = enumPointer[armcontainerservice.ManagedClusterSKUTier](plan.SKUTier)
		mark("sku_tier")
	}

	stateIdentity, d := objectAs[clusterIdentityModel](ctx, state.Identity)
	diags.Append(d...)
	planIdentity, d := objectAs[clusterIdentityModel](ctx, plan.Identity)
	diags.Append(d...)
	if planIdentity != nil && stateIdentity != nil && (changed(stateIdentity.Type, planIdentity.Type) || changed(stateIdentity.IdentityIDs, planIdentity.IdentityIDs)) {
		mc.Identity, d = expandIdentity(ctx, planIdentity)
		diags.Append(d...)
		mark("identity")
	}

	stateNetwork, d := objectAs[networkProfileModel](ctx, state.NetworkProfile)
	diags.Append(d...)
	planNetwork, d := objectAs[networkProfileModel](ctx, plan.NetworkProfile)
	diags.Append(d...)
	if stateNetwork != nil && planNetwork != nil {
		if props.NetworkProfile == nil {
			props.NetworkProfile = &armcontainerservice.NetworkProfile{}
		}
		np := props.NetworkProfile
		if changed(stateNetwork.NetworkPluginMode, planNetwork.NetworkPluginMode) {
			np.NetworkPluginMode = enumPointer[armcontainerservice.NetworkPluginMode](planNetwork.NetworkPluginMode)
			mark("network_profile.network_plugin_mode")
		}
		if changed(stateNetwork.NetworkPolicy, planNetwork.NetworkPolicy) {
			np.NetworkPolicy = enumPointer[armcontainerservice.NetworkPolicy](planNetwork.NetworkPolicy)
			mark("network_profile.network_policy")
		}
		if changed(stateNetwork.NetworkDataplane, planNetwork.NetworkDataplane) {
			np.NetworkDataplane = enumPointer[armcontainerservice.NetworkDataplane](planNetwork.NetworkDataplane)
			mark("network_profile.network_dataplane")
		}
		if changed(stateNetwork.LoadBalancerSKU, planNetwork.LoadBalancerSKU) {
			np.LoadBalancerSKU = enumPointer[armcontainerservice.LoadBalancerSKU](planNetwork.LoadBalancerSKU)
			mark("network_profile.load_balancer_sku")
		}
		if changed(stateNetwork.OutboundType, planNetwork.OutboundType) {
			np.OutboundType = enumPointer[armcontainerservice.OutboundType](planNetwork.OutboundType)
			mark("network_profile.outbound_type")
		}
	}

	if plan.LinuxProfile != nil && (state.LinuxProfile == nil || changed(state.LinuxProfile.SSHPublicKey, plan.LinuxProfile.SSHPublicKey)) {
		props.LinuxProfile = expandLinuxProfile(*plan.LinuxProfile)
		mark("linux_profile")
	}
	if plan.WindowsProfile != nil && windowsPassword != nil {
		if props.WindowsProfile == nil {
			props.WindowsProfile = &armcontainerservice.ManagedClusterWindowsProfile{AdminUsername: stringPointer(plan.WindowsProfile.AdminUsername)}
		}
		props.WindowsProfile.AdminPassword = windowsPassword
		mark("windows_profile.admin_password")
	}

	defenderChanged := (state.MicrosoftDefender == nil) != (plan.MicrosoftDefender == nil) ||
		(plan.MicrosoftDefender != nil && changed(state.MicrosoftDefender.LogAnalyticsWorkspaceID, plan.MicrosoftDefender.LogAnalyticsWorkspaceID))
	if defenderChanged {
		if props.SecurityProfile == nil {
			props.SecurityProfile = &armcontainerservice.ManagedClusterSecurityProfile{}
		}
		props.SecurityProfile.Defender = expandDefender(plan.MicrosoftDefender)
		if plan.MicrosoftDefender == nil {
			props.SecurityProfile.Defender = &armcontainerservice.ManagedClusterSecurityProfileDefender{
				SecurityMonitoring: &armcontainerservice.ManagedClusterSecurityProfileDefenderSecurityMonitoring{Enabled: to.Ptr(false)},
			}
		}
		mark("microsoft_defender")
	}

	if changed(state.OIDCIssuerEnabled, plan.OIDCIssuerEnabled) {
		props.OidcIssuerProfile = &armcontainerservice.ManagedClusterOIDCIssuerProfile{Enabled: to.Ptr(plan.OIDCIssuerEnabled.ValueBool())}
		mark("oidc_issuer_enabled")
	}
	if changed(state.WorkloadIdentityEnabled, plan.WorkloadIdentityEnabled) {
		if props.SecurityProfile == nil {
			props.SecurityProfile = &armcontainerservice.ManagedClusterSecurityProfile{}
		}
		props.SecurityProfile.WorkloadIdentity = &armcontainerservice.ManagedClusterSecurityProfileWorkloadIdentity{Enabled: to.Ptr(plan.WorkloadIdentityEnabled.ValueBool())}
		mark("workload_identity_enabled")
	}
	if changed(state.LocalAccountDisabled, plan.LocalAccountDisabled) {
		props.DisableLocalAccounts = to.Ptr(plan.LocalAccountDisabled.ValueBool())
		mark("local_account_disabled")
	}
	if changed(state.AzureRBACEnabled, plan.AzureRBACEnabled) || changed(state.AdminGroupObjectIDs, plan.AdminGroupObjectIDs) {
		groups, d := stringPointers(ctx, plan.AdminGroupObjectIDs)
		diags.Append(d...)
		if props.AADProfile == nil {
			// AKS-managed Entra ID integration can be turned on, but not off again: once there,
			// the profile stays and only its settings change.
			props.AADProfile = &armcontainerservice.ManagedClusterAADProfile{Managed: to.Ptr(true)}
		}
		props.AADProfile.EnableAzureRBAC = to.Ptr(plan.AzureRBACEnabled.ValueBool())
		if groups == nil {
			groups = []*string{}
		}
		props.AADProfile.AdminGroupObjectIDs = groups
		mark("azure_rbac_enabled")
	}
	if changed(state.APIServerAuthorizedIPRanges, plan.APIServerAuthorizedIPRanges) {
		ranges, d := stringPointers(ctx, plan.APIServerAuthorizedIPRanges)
		diags.Append(d...)
		if props.APIServerAccessProfile == nil {
			props.APIServerAccessProfile = &armcontainerservice.ManagedClusterAPIServerAccessProfile{}
		}
		if ranges == nil {
			ranges = []*string{}
		}
		props.APIServerAccessProfile.AuthorizedIPRanges = ranges
		mark("api_server_authorized_ip_ranges")
	}
	if changed(state.AutomaticUpgradeChannel, plan.AutomaticUpgradeChannel) || changed(state.NodeOSUpgradeChannel, plan.NodeOSUpgradeChannel) {
		if props.AutoUpgradeProfile == nil {
			props.AutoUpgradeProfile = &armcontainerservice.ManagedClusterAutoUpgradeProfile{}
		}
		if known(plan.AutomaticUpgradeChannel) {
			props.AutoUpgradeProfile.UpgradeChannel = enumPointer[armcontainerservice.UpgradeChannel](plan.AutomaticUpgradeChannel)
		}
		if known(plan.NodeOSUpgradeChannel) {
			props.AutoUpgradeProfile.NodeOSUpgradeChannel = enumPointer[armcontainerservice.NodeOSUpgradeChannel](plan.NodeOSUpgradeChannel)
		}
		mark("automatic_upgrade_channel")
	}
	return changedAttrs, diags
}

// ---------------------------------------------------------------------------------------------
// Read

// flattenOptionsCluster says how to reconcile AKS's answer with what Terraform holds.
type clusterFlattenOptions struct {
	// prior is the state (or the plan after a write) the values are refreshed over; its
	// spellings and null-versus-empty choices are kept where AKS's answer means the same.
	prior *clusterAttributes
	// importing is true when there is no prior configuration: every block AKS has is recorded.
	importing bool
}

// flattenCluster sets the cluster's attributes from AKS's answer.
func flattenCluster(ctx context.Context, mc *armcontainerservice.ManagedCluster, opts clusterFlattenOptions) (clusterAttributes, diag.Diagnostics) {
	var diags diag.Diagnostics
	prior := opts.prior
	if prior == nil {
		prior = &clusterAttributes{}
	}
	p := mc.Properties
	if p == nil {
		p = &armcontainerservice.ManagedClusterProperties{}
	}
	var out clusterAttributes

	out.ID = keepSpelling(prior.ID, mc.ID)
	if parsed, err := arm.ParseResourceID(deref(mc.ID)); err == nil {
		out.ResourceGroupName = keepSpelling(prior.ResourceGroupName, &parsed.ResourceGroupName)
		out.Name = keepSpelling(prior.Name, &parsed.Name)
	} else {
		out.ResourceGroupName = prior.ResourceGroupName
		out.Name = keepSpelling(prior.Name, mc.Name)
	}
	out.Location = types.StringPointerValue(mc.Location)
	if known(prior.Location) && mc.Location != nil && normalizeLocation(prior.Location.ValueString()) == normalizeLocation(*mc.Location) {
		out.Location = prior.Location
	}
	out.DNSPrefix = keepSpelling(prior.DNSPrefix, p.DNSPrefix)
	out.KubernetesVersion = keepVersionText(prior.KubernetesVersion, p.KubernetesVersion)
	out.CurrentKubernetesVersion = types.StringPointerValue(p.CurrentKubernetesVersion)
	out.SKUTier = types.StringValue(string(armcontainerservice.ManagedClusterSKUTierFree))
	if mc.SKU != nil && mc.SKU.Tier != nil {
		out.SKUTier = types.StringValue(string(*mc.SKU.Tier))
	}
	out.NodeResourceGroup = keepSpelling(prior.NodeResourceGroup, p.NodeResourceGroup)

	out.OIDCIssuerEnabled = types.BoolValue(p.OidcIssuerProfile != nil && boolValue(p.OidcIssuerProfile.Enabled))
	out.OIDCIssuerURL = types.StringNull()
	if p.OidcIssuerProfile != nil && p.OidcIssuerProfile.IssuerURL != nil && *p.OidcIssuerProfile.IssuerURL != "" {
		out.OIDCIssuerURL = types.StringValue(*p.OidcIssuerProfile.IssuerURL)
	}
	out.WorkloadIdentityEnabled = types.BoolValue(p.SecurityProfile != nil && p.SecurityProfile.WorkloadIdentity != nil && boolValue(p.SecurityProfile.WorkloadIdentity.Enabled))
	out.LocalAccountDisabled = types.BoolValue(boolValue(p.DisableLocalAccounts))
	out.AzureRBACEnabled = types.BoolValue(p.AADProfile != nil && boolValue(p.AADProfile.EnableAzureRBAC))
	var groups []string
	if p.AADProfile != nil {
		groups = derefStrings(p.AADProfile.AdminGroupObjectIDs)
	}
	var d diag.Diagnostics
	out.AdminGroupObjectIDs, d = stringSetOrNull(ctx, groups, prior.AdminGroupObjectIDs)
	diags.Append(d...)

	out.PrivateClusterEnabled = types.BoolValue(p.APIServerAccessProfile != nil && boolValue(p.APIServerAccessProfile.EnablePrivateCluster))
	var ranges []string
	if p.APIServerAccessProfile != nil {
		ranges = derefStrings(p.APIServerAccessProfile.AuthorizedIPRanges)
	}
	out.APIServerAuthorizedIPRanges, d = stringSetOrNull(ctx, ranges, prior.APIServerAuthorizedIPRanges)
	diags.Append(d...)

	out.AutomaticUpgradeChannel = types.StringValue(string(armcontainerservice.UpgradeChannelNone))
	out.NodeOSUpgradeChannel = types.StringNull()
	if a := p.AutoUpgradeProfile; a != nil {
		if a.UpgradeChannel != nil {
			out.AutomaticUpgradeChannel = types.StringValue(string(*a.UpgradeChannel))
		}
		out.NodeOSUpgradeChannel = stringFromEnum(a.NodeOSUpgradeChannel)
	}

	tags := map[string]string{}
	for k, v := range mc.Tags {
		if v != nil {
			tags[k] = *v
		}
	}
	out.Tags, d = stringMapOrNull(ctx, tags, prior.Tags)
	diags.Append(d...)

	out.FQDN = nonEmptyString(p.Fqdn)
	out.PrivateFQDN = nonEmptyString(p.PrivateFQDN)
	out.PortalFQDN = nonEmptyString(p.AzurePortalFQDN)

	out.KubeletIdentity = types.ObjectNull(kubeletIdentityAttrTypes)
	if k := p.IdentityProfile["kubeletidentity"]; k != nil {
		out.KubeletIdentity, d = types.ObjectValueFrom(ctx, kubeletIdentityAttrTypes, kubeletIdentityModel{
			ClientID:               nonEmptyString(k.ClientID),
			ObjectID:               nonEmptyString(k.ObjectID),
			UserAssignedIdentityID: nonEmptyString(k.ResourceID),
		})
		diags.Append(d...)
	}

	out.Identity, d = flattenIdentity(ctx, mc.Identity, prior.Identity)
	diags.Append(d...)
	out.NetworkProfile, d = flattenNetworkProfile(ctx, p.NetworkProfile, prior.NetworkProfile)
	diags.Append(d...)

	// Blocks are recorded when the configuration has them, or on import when AKS has them.
	if (prior.LinuxProfile != nil || opts.importing) && p.LinuxProfile != nil {
		lp := &linuxProfileModel{AdminUsername: types.StringPointerValue(p.LinuxProfile.AdminUsername), SSHPublicKey: types.StringNull()}
		if p.LinuxProfile.SSH != nil && len(p.LinuxProfile.SSH.PublicKeys) > 0 && p.LinuxProfile.SSH.PublicKeys[0] != nil {
			lp.SSHPublicKey = types.StringPointerValue(p.LinuxProfile.SSH.PublicKeys[0].KeyData)
			// AKS may store the key without its trailing newline or comment spacing: a key equal
			// to the configured one but for surrounding whitespace is the same key.
			if prior.LinuxProfile != nil && known(prior.LinuxProfile.SSHPublicKey) && strings.TrimSpace(prior.LinuxProfile.SSHPublicKey.ValueString()) == strings.TrimSpace(lp.SSHPublicKey.ValueString()) {
				lp.SSHPublicKey = prior.LinuxProfile.SSHPublicKey
			}
		}
		out.LinuxProfile = lp
	}
	defender := p.SecurityProfile != nil && p.SecurityProfile.Defender != nil &&
		(p.SecurityProfile.Defender.SecurityMonitoring == nil || boolValue(p.SecurityProfile.Defender.SecurityMonitoring.Enabled))
	if (prior.MicrosoftDefender != nil || opts.importing) && defender {
		out.MicrosoftDefender = &microsoftDefenderModel{LogAnalyticsWorkspaceID: types.StringPointerValue(p.SecurityProfile.Defender.LogAnalyticsWorkspaceResourceID)}
		if prior.MicrosoftDefender != nil {
			out.MicrosoftDefender.LogAnalyticsWorkspaceID = keepSpelling(prior.MicrosoftDefender.LogAnalyticsWorkspaceID, p.SecurityProfile.Defender.LogAnalyticsWorkspaceResourceID)
		}
	}
	return out, diags
}

// flattenWindowsProfile records the Windows profile when the configuration has one (or on import):
// the user name from AKS, the password settings as the configuration had them, since AKS never
// returns the password.
func flattenWindowsProfile(wp *armcontainerservice.ManagedClusterWindowsProfile, prior *windowsProfileModel, importing bool) *windowsProfileModel {
	if wp == nil || (prior == nil && !importing) {
		return nil
	}
	out := &windowsProfileModel{
		AdminUsername:          types.StringPointerValue(wp.AdminUsername),
		AdminPassword:          types.StringNull(),
		AdminPasswordWO:        types.StringNull(),
		AdminPasswordWOVersion: types.Int64Null(),
	}
	if prior != nil {
		out.AdminUsername = keepSpelling(prior.AdminUsername, wp.AdminUsername)
		out.AdminPassword = prior.AdminPassword
		out.AdminPasswordWOVersion = prior.AdminPasswordWOVersion
	}
	return out
}

func flattenIdentity(ctx context.Context, id *armcontainerservice.ManagedClusterIdentity, prior types.Object) (types.Object, diag.Diagnostics) {
	if id == nil || id.Type == nil {
		return types.ObjectNull(clusterIdentityAttrTypes), nil
	}
	priorIDs := types.SetNull(types.StringType)
	if p, _ := objectAs[clusterIdentityModel](ctx, prior); p != nil {
		priorIDs = p.IdentityIDs
	}
	ids := make([]string, 0, len(id.UserAssignedIdentities))
	for k := range id.UserAssignedIdentities {
		ids = append(ids, k)
	}
	// ARM IDs compare ignoring case: keep the configured spelling of an identity AKS returns
	// spelled otherwise.
	if known(priorIDs) {
		var configured []string
		_ = priorIDs.ElementsAs(ctx, &configured, false)
		for i, got := range ids {
			for _, c := range configured {
				if strings.EqualFold(c, got) {
					ids[i] = c
				}
			}
		}
	}
	sort.Strings(ids)
	set, diags := stringSetOrNull(ctx, ids, priorIDs)
	obj, d := types.ObjectValueFrom(ctx, clusterIdentityAttrTypes, clusterIdentityModel{
		Type:        types.StringValue(string(*id.Type)),
		IdentityIDs: set,
		PrincipalID: nonEmptyString(id.PrincipalID),
		TenantID:    nonEmptyString(id.TenantID),
	})
	diags.Append(d...)
	return obj, diags
}

func flattenNetworkProfile(ctx context.Context, np *armcontainerservice.NetworkProfile, prior types.Object) (types.Object, diag.Diagnostics) {
	if np == nil {
		return types.ObjectNull(networkProfileAttrTypes), nil
	}
	p, _ := objectAs[networkProfileModel](ctx, prior)
	if p == nil {
		p = &networkProfileModel{}
	}
	// AKS spells its enums in lower (or camel) case; a configuration spelling the same value with
	// other letter cases keeps its spelling.
	m := networkProfileModel{
		NetworkPlugin:     keepSpelling(p.NetworkPlugin, enumString(np.NetworkPlugin)),
		NetworkPluginMode: keepSpelling(p.NetworkPluginMode, enumString(np.NetworkPluginMode)),
		NetworkPolicy:     keepSpelling(p.NetworkPolicy, enumString(np.NetworkPolicy)),
		NetworkDataplane:  keepSpelling(p.NetworkDataplane, enumString(np.NetworkDataplane)),
		LoadBalancerSKU:   keepSpelling(p.LoadBalancerSKU, enumString(np.LoadBalancerSKU)),
		OutboundType:      keepSpelling(p.OutboundType, enumString(np.OutboundType)),
		PodCIDR:           keepSpelling(p.PodCIDR, np.PodCidr),
		ServiceCIDR:       keepSpelling(p.ServiceCIDR, np.ServiceCidr),
		DNSServiceIP:      keepSpelling(p.DNSServiceIP, np.DNSServiceIP),
	}
	return types.ObjectValueFrom(ctx, networkProfileAttrTypes, m)
}

func enumString[T ~string](v *T) *string {
	if v == nil {
		return nil
	}
	s := string(*v)
	return &s
}

// keepVersionText returns AKS's Kubernetes version, or the prior one when it names the same
// version (an alias such as "1.33" stays an alias when AKS reports "1.33.3").
func keepVersionText(prior types.String, api *string) types.String {
	if api == nil || *api == "" {
		return types.StringNull()
	}
	if known(prior) {
		if prior.ValueString() == *api {
			return prior
		}
		pv, err1 := rules.ParseVersion(prior.ValueString())
		av, err2 := rules.ParseVersion(*api)
		if err1 == nil && err2 == nil && !pv.HasPatch && pv.Compare(av) == 0 {
			return prior
		}
	}
	return types.StringValue(*api)
}

func nonEmptyString(v *string) types.String {
	if v == nil || *v == "" {
		return types.StringNull()
	}
	return types.StringValue(*v)
}

func boolValue(v *bool) bool { return v != nil && *v }

func derefStrings(values []*string) []string {
	out := make([]string, 0, len(values))
	for _, v := range values {
		if v != nil {
			out = append(out, *v)
		}
	}
	sort.Strings(out)
	return out
}
