package aks

// Building the managedClusters create body from aks_cluster's plan.

import (
	"context"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/diag"
)

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
		profile, d := expandDefaultPoolProfile(ctx, *plan.DefaultNodePool)
		diags.Append(d...)
		if profile != nil {
			props.AgentPoolProfiles = []*armcontainerservice.ManagedClusterAgentPoolProfile{profile}
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
	diags.Append(expandIdentityAndAccess(ctx, plan, props)...)
	return mc, diags
}

// expandDefaultPoolProfile is the default pool as the inline profile of the create.
func expandDefaultPoolProfile(ctx context.Context, pool defaultNodePoolModel) (*armcontainerservice.ManagedClusterAgentPoolProfile, diag.Diagnostics) {
	settings, diags := pool.settings(ctx)
	body, d := expandNodePool(ctx, settings, pool.UpgradeSettings)
	diags.Append(d...)
	if diags.HasError() {
		return nil, diags
	}
	profile, err := poolProfile(pool.Name.ValueString(), body)
	if err != nil {
		diags.AddError("Could not build the default node pool", err.Error())
		return nil, diags
	}
	return profile, diags
}

// expandIdentityAndAccess sets the OIDC issuer, workload identity, local accounts, Entra ID
// integration, the API server's access and the upgrade channels of a create.
func expandIdentityAndAccess(ctx context.Context, plan clusterResourceModel, props *armcontainerservice.ManagedClusterProperties) diag.Diagnostics {
	var diags diag.Diagnostics
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
	return diags
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
