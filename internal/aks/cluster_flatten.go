package aks

// Reading a managed cluster AKS returned into aks_cluster's model.

import (
	"context"
	"sort"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

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
	out.SKUTier = types.StringValue(rules.SKUTierFree)
	if mc.SKU != nil && mc.SKU.Tier != nil {
		out.SKUTier = types.StringValue(string(*mc.SKU.Tier))
	}
	out.NodeResourceGroup = keepSpelling(prior.NodeResourceGroup, p.NodeResourceGroup)

	diags.Append(flattenClusterAccess(ctx, &out, p, prior)...)

	var d diag.Diagnostics
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

	flattenClusterBlocks(&out, p, prior, opts.importing)
	return out, diags
}

// flattenClusterAccess reads the OIDC issuer, workload identity, local accounts, Entra ID
// integration, the API server's access and the upgrade channels.
func flattenClusterAccess(ctx context.Context, out *clusterAttributes, p *armcontainerservice.ManagedClusterProperties, prior *clusterAttributes) diag.Diagnostics {
	var diags, d diag.Diagnostics
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

	return diags
}

// flattenClusterBlocks records the linux_profile and microsoft_defender blocks when the
// configuration has them, or on import when AKS has them.
func flattenClusterBlocks(out *clusterAttributes, p *armcontainerservice.ManagedClusterProperties, prior *clusterAttributes, importing bool) {
	if (prior.LinuxProfile != nil || importing) && p.LinuxProfile != nil {
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
	if (prior.MicrosoftDefender != nil || importing) && defender {
		out.MicrosoftDefender = &microsoftDefenderModel{LogAnalyticsWorkspaceID: types.StringPointerValue(p.SecurityProfile.Defender.LogAnalyticsWorkspaceResourceID)}
		if prior.MicrosoftDefender != nil {
			out.MicrosoftDefender.LogAnalyticsWorkspaceID = keepSpelling(prior.MicrosoftDefender.LogAnalyticsWorkspaceID, p.SecurityProfile.Defender.LogAnalyticsWorkspaceResourceID)
		}
	}
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
