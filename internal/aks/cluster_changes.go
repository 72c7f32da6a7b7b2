package aks

import (
	"context"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// The cluster-level changes of an aks_cluster update, computed once from state and plan and then
// applied onto the cluster as a fresh GET returned it, so a change made by someone else to any
// other setting is kept. Tags, the Kubernetes version and the default node pool are not handled
// here: they have their own calls.

// clusterChange is one cluster-level change an update applies onto the cluster read from AKS.
type clusterChange struct {
	attribute string
	apply     func(mc *armcontainerservice.ManagedCluster, props *armcontainerservice.ManagedClusterProperties)
}

// clusterChangeList collects the changes of an update.
type clusterChangeList struct {
	changes []clusterChange
	diags   diag.Diagnostics
}

func (l *clusterChangeList) add(attribute string, apply func(mc *armcontainerservice.ManagedCluster, props *armcontainerservice.ManagedClusterProperties)) {
	l.changes = append(l.changes, clusterChange{attribute: attribute, apply: apply})
}

// clusterChanges lists the cluster-level differences between state and plan. An empty list means
// no cluster PUT is needed.
func clusterChanges(ctx context.Context, state, plan clusterResourceModel, windowsPassword *string) ([]clusterChange, diag.Diagnostics) {
	l := &clusterChangeList{}
	l.skuTier(state, plan)
	l.identity(ctx, state, plan)
	l.networkProfile(ctx, state, plan)
	l.nodeProfiles(state, plan, windowsPassword)
	l.defender(state, plan)
	l.identityAndAccess(ctx, state, plan)
	l.upgradeChannels(state, plan)
	return l.changes, l.diags
}

// applyClusterChanges applies each change onto mc.
func applyClusterChanges(mc *armcontainerservice.ManagedCluster, changes []clusterChange) {
	if mc.Properties == nil {
		mc.Properties = &armcontainerservice.ManagedClusterProperties{}
	}
	for _, c := range changes {
		c.apply(mc, mc.Properties)
	}
}

// clusterChangeNames lists the attributes the changes are about, for logs.
func clusterChangeNames(changes []clusterChange) string {
	names := make([]string, 0, len(changes))
	for _, c := range changes {
		names = append(names, c.attribute)
	}
	return strings.Join(names, ", ")
}

func (l *clusterChangeList) skuTier(state, plan clusterResourceModel) {
	if !changed(state.SKUTier, plan.SKUTier) {
		return
	}
	l.add("sku_tier", func(mc *armcontainerservice.ManagedCluster, _ *armcontainerservice.ManagedClusterProperties) {
		if mc.SKU == nil {
			mc.SKU = &armcontainerservice.ManagedClusterSKU{Name: to.Ptr(armcontainerservice.ManagedClusterSKUNameBase)}
		}
		mc.SKU.Tier = enumPointer[armcontainerservice.ManagedClusterSKUTier](plan.SKUTier)
	})
}

func (l *clusterChangeList) identity(ctx context.Context, state, plan clusterResourceModel) {
	stateIdentity, d := objectAs[clusterIdentityModel](ctx, state.Identity)
	l.diags.Append(d...)
	planIdentity, d := objectAs[clusterIdentityModel](ctx, plan.Identity)
	l.diags.Append(d...)
	if planIdentity == nil || stateIdentity == nil || (!changed(stateIdentity.Type, planIdentity.Type) && !changed(stateIdentity.IdentityIDs, planIdentity.IdentityIDs)) {
		return
	}
	identity, d := expandIdentity(ctx, planIdentity)
	l.diags.Append(d...)
	l.add("identity", func(mc *armcontainerservice.ManagedCluster, _ *armcontainerservice.ManagedClusterProperties) {
		mc.Identity = identity
	})
}

func (l *clusterChangeList) networkProfile(ctx context.Context, state, plan clusterResourceModel) {
	stateNetwork, d := objectAs[networkProfileModel](ctx, state.NetworkProfile)
	l.diags.Append(d...)
	planNetwork, d := objectAs[networkProfileModel](ctx, plan.NetworkProfile)
	l.diags.Append(d...)
	if stateNetwork == nil || planNetwork == nil {
		return
	}
	set := func(attribute string, apply func(np *armcontainerservice.NetworkProfile)) {
		l.add("network_profile."+attribute, func(_ *armcontainerservice.ManagedCluster, props *armcontainerservice.ManagedClusterProperties) {
			if props.NetworkProfile == nil {
				props.NetworkProfile = &armcontainerservice.NetworkProfile{}
			}
			apply(props.NetworkProfile)
		})
	}
	if changed(stateNetwork.NetworkPluginMode, planNetwork.NetworkPluginMode) {
		set("network_plugin_mode", func(np *armcontainerservice.NetworkProfile) {
			np.NetworkPluginMode = enumPointer[armcontainerservice.NetworkPluginMode](planNetwork.NetworkPluginMode)
		})
	}
	if changed(stateNetwork.NetworkPolicy, planNetwork.NetworkPolicy) {
		set("network_policy", func(np *armcontainerservice.NetworkProfile) {
			np.NetworkPolicy = enumPointer[armcontainerservice.NetworkPolicy](planNetwork.NetworkPolicy)
		})
	}
	if changed(stateNetwork.NetworkDataplane, planNetwork.NetworkDataplane) {
		set("network_dataplane", func(np *armcontainerservice.NetworkProfile) {
			np.NetworkDataplane = enumPointer[armcontainerservice.NetworkDataplane](planNetwork.NetworkDataplane)
		})
	}
	if changed(stateNetwork.LoadBalancerSKU, planNetwork.LoadBalancerSKU) {
		set("load_balancer_sku", func(np *armcontainerservice.NetworkProfile) {
			np.LoadBalancerSKU = enumPointer[armcontainerservice.LoadBalancerSKU](planNetwork.LoadBalancerSKU)
		})
	}
	if changed(stateNetwork.OutboundType, planNetwork.OutboundType) {
		set("outbound_type", func(np *armcontainerservice.NetworkProfile) {
			np.OutboundType = enumPointer[armcontainerservice.OutboundType](planNetwork.OutboundType)
		})
	}
}

// nodeProfiles: the Linux SSH key and the Windows administrator's password.
func (l *clusterChangeList) nodeProfiles(state, plan clusterResourceModel, windowsPassword *string) {
	if plan.LinuxProfile != nil && (state.LinuxProfile == nil || changed(state.LinuxProfile.SSHPublicKey, plan.LinuxProfile.SSHPublicKey)) {
		profile := expandLinuxProfile(*plan.LinuxProfile)
		l.add("linux_profile", func(_ *armcontainerservice.ManagedCluster, props *armcontainerservice.ManagedClusterProperties) {
			props.LinuxProfile = profile
		})
	}
	if plan.WindowsProfile != nil && windowsPassword != nil {
		username := stringPointer(plan.WindowsProfile.AdminUsername)
		l.add("windows_profile.admin_password", func(_ *armcontainerservice.ManagedCluster, props *armcontainerservice.ManagedClusterProperties) {
			if props.WindowsProfile == nil {
				props.WindowsProfile = &armcontainerservice.ManagedClusterWindowsProfile{AdminUsername: username}
			}
			props.WindowsProfile.AdminPassword = windowsPassword
		})
	}
}

func (l *clusterChangeList) defender(state, plan clusterResourceModel) {
	defenderChanged := (state.MicrosoftDefender == nil) != (plan.MicrosoftDefender == nil) ||
		(plan.MicrosoftDefender != nil && changed(state.MicrosoftDefender.LogAnalyticsWorkspaceID, plan.MicrosoftDefender.LogAnalyticsWorkspaceID))
	if !defenderChanged {
		return
	}
	defender := expandDefender(plan.MicrosoftDefender)
	if plan.MicrosoftDefender == nil {
		defender = &armcontainerservice.ManagedClusterSecurityProfileDefender{
			SecurityMonitoring: &armcontainerservice.ManagedClusterSecurityProfileDefenderSecurityMonitoring{Enabled: to.Ptr(false)},
		}
	}
	l.add("microsoft_defender", func(_ *armcontainerservice.ManagedCluster, props *armcontainerservice.ManagedClusterProperties) {
		if props.SecurityProfile == nil {
			props.SecurityProfile = &armcontainerservice.ManagedClusterSecurityProfile{}
		}
		props.SecurityProfile.Defender = defender
	})
}

// identityAndAccess: the OIDC issuer, workload identity, local accounts, Entra ID integration and
// the API server's authorized ranges.
func (l *clusterChangeList) identityAndAccess(ctx context.Context, state, plan clusterResourceModel) {
	type props = armcontainerservice.ManagedClusterProperties
	type cluster = armcontainerservice.ManagedCluster
	if changed(state.OIDCIssuerEnabled, plan.OIDCIssuerEnabled) {
		l.add("oidc_issuer_enabled", func(_ *cluster, p *props) {
			p.OidcIssuerProfile = &armcontainerservice.ManagedClusterOIDCIssuerProfile{Enabled: to.Ptr(plan.OIDCIssuerEnabled.ValueBool())}
		})
	}
	if changed(state.WorkloadIdentityEnabled, plan.WorkloadIdentityEnabled) {
		l.add("workload_identity_enabled", func(_ *cluster, p *props) {
			if p.SecurityProfile == nil {
				p.SecurityProfile = &armcontainerservice.ManagedClusterSecurityProfile{}
			}
			p.SecurityProfile.WorkloadIdentity = &armcontainerservice.ManagedClusterSecurityProfileWorkloadIdentity{Enabled: to.Ptr(plan.WorkloadIdentityEnabled.ValueBool())}
		})
	}
	if changed(state.LocalAccountDisabled, plan.LocalAccountDisabled) {
		l.add("local_account_disabled", func(_ *cluster, p *props) {
			p.DisableLocalAccounts = to.Ptr(plan.LocalAccountDisabled.ValueBool())
		})
	}
	if changed(state.AzureRBACEnabled, plan.AzureRBACEnabled) || changed(state.AdminGroupObjectIDs, plan.AdminGroupObjectIDs) {
		groups, d := stringPointers(ctx, plan.AdminGroupObjectIDs)
		l.diags.Append(d...)
		if groups == nil {
			groups = []*string{}
		}
		l.add("azure_rbac_enabled", func(_ *cluster, p *props) {
			if p.AADProfile == nil {
				// AKS-managed Entra ID integration can be turned on, but not off again: once
				// there, the profile stays and only its settings change.
				p.AADProfile = &armcontainerservice.ManagedClusterAADProfile{Managed: to.Ptr(true)}
			}
			p.AADProfile.EnableAzureRBAC = to.Ptr(plan.AzureRBACEnabled.ValueBool())
			p.AADProfile.AdminGroupObjectIDs = groups
		})
	}
	if changed(state.APIServerAuthorizedIPRanges, plan.APIServerAuthorizedIPRanges) {
		ranges, d := stringPointers(ctx, plan.APIServerAuthorizedIPRanges)
		l.diags.Append(d...)
		if ranges == nil {
			ranges = []*string{}
		}
		l.add("api_server_authorized_ip_ranges", func(_ *cluster, p *props) {
			if p.APIServerAccessProfile == nil {
				p.APIServerAccessProfile = &armcontainerservice.ManagedClusterAPIServerAccessProfile{}
			}
			p.APIServerAccessProfile.AuthorizedIPRanges = ranges
		})
	}
}

func (l *clusterChangeList) upgradeChannels(state, plan clusterResourceModel) {
	if !changed(state.AutomaticUpgradeChannel, plan.AutomaticUpgradeChannel) && !changed(state.NodeOSUpgradeChannel, plan.NodeOSUpgradeChannel) {
		return
	}
	l.add("automatic_upgrade_channel", func(_ *armcontainerservice.ManagedCluster, props *armcontainerservice.ManagedClusterProperties) {
		if props.AutoUpgradeProfile == nil {
			props.AutoUpgradeProfile = &armcontainerservice.ManagedClusterAutoUpgradeProfile{}
		}
		if known(plan.AutomaticUpgradeChannel) {
			props.AutoUpgradeProfile.UpgradeChannel = enumPointer[armcontainerservice.UpgradeChannel](plan.AutomaticUpgradeChannel)
		}
		if known(plan.NodeOSUpgradeChannel) {
			props.AutoUpgradeProfile.NodeOSUpgradeChannel = enumPointer[armcontainerservice.NodeOSUpgradeChannel](plan.NodeOSUpgradeChannel)
		}
	})
}
