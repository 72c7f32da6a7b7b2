package aksrules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

// The managed cluster defaults: names, FQDNs, network, load balancer and
// identity AKS generates for a cluster, and the defaults of its inline pools.

// defaultManagedCluster: on create every unset property gets AKS's default
// and each inline pool its pool defaults; on update unset properties keep the
// stored values and the derived read-only values are recomputed.
func defaultManagedCluster(w World, old, mc *armcontainerservice.ManagedCluster) {
	if mc == nil {
		return
	}
	if mc.Properties == nil {
		mc.Properties = &armcontainerservice.ManagedClusterProperties{}
	}
	props := mc.Properties
	if old != nil {
		if !isSet(props.KubernetesVersion) {
			props.KubernetesVersion = nil // "" keeps the version
		}
		keepUnset(old, mc)
		if old.Properties != nil {
			profiles := props.AgentPoolProfiles
			keepUnset(old.Properties, props)
			// The stored cluster's profiles are built from its pools by the
			// core; an update's profiles are judged as sent.
			props.AgentPoolProfiles = profiles
			props.CurrentKubernetesVersion = old.Properties.CurrentKubernetesVersion
		}
		if old.Properties == nil || versionTextChanged(old.Properties.KubernetesVersion, props.KubernetesVersion) {
			if cur := currentVersionText(w, deref(props.KubernetesVersion)); cur != nil {
				props.CurrentKubernetesVersion = cur
			}
		}
		defaultClusterProperties(w, mc)
		return
	}
	if !isSet(props.KubernetesVersion) {
		props.KubernetesVersion = to(defaultKubernetesVersion(w))
	}
	props.CurrentKubernetesVersion = currentVersionText(w, *props.KubernetesVersion)
	defaultClusterProperties(w, mc)
	defaultInlinePools(w, mc)
}

// clusterIdentity is what the defaults derive names from.
type clusterIdentity struct {
	id, subscription, resourceGroup, name, location string
}

func identityOf(w World, mc *armcontainerservice.ManagedCluster) clusterIdentity {
	ci := clusterIdentity{id: deref(mc.ID), name: deref(mc.Name), location: skudata.NormalizeLocation(deref(mc.Location))}
	if ci.location == "" {
		ci.location = skudata.NormalizeLocation(w.Location)
	}
	if rid, err := arm.ParseResourceID(ci.id); err == nil {
		ci.subscription, ci.resourceGroup = rid.SubscriptionID, rid.ResourceGroupName
		if ci.name == "" {
			ci.name = rid.Name
		}
	}
	return ci
}

// defaultClusterProperties fills every unset cluster default. Each default
// only fills what is unset and derives generated values (FQDN suffix,
// identity IDs) deterministically from the cluster's ID, so running it again
// on an update changes nothing.
func defaultClusterProperties(w World, mc *armcontainerservice.ManagedCluster) {
	props := mc.Properties
	ci := identityOf(w, mc)
	if mc.SKU == nil {
		mc.SKU = &armcontainerservice.ManagedClusterSKU{}
	}
	if !isSet(mc.SKU.Name) {
		mc.SKU.Name = to(armcontainerservice.ManagedClusterSKUNameBase)
	}
	if !isSet(mc.SKU.Tier) {
		mc.SKU.Tier = to(armcontainerservice.ManagedClusterSKUTierFree)
	}
	if !isSet(props.DNSPrefix) && !isSet(props.FqdnSubdomain) {
		props.DNSPrefix = to(defaultDNSPrefix(ci))
	}
	if !isSet(props.NodeResourceGroup) && ci.resourceGroup != "" {
		props.NodeResourceGroup = to(fmt.Sprintf("MC_%s_%s_%s", ci.resourceGroup, ci.name, ci.location))
	}
	defaultFQDNs(ci, props)
	if props.EnableRBAC == nil {
		props.EnableRBAC = to(true)
	}
	if !isSet(props.SupportPlan) {
		props.SupportPlan = to(armcontainerservice.KubernetesSupportPlanKubernetesOfficial)
	}
	if props.AutoUpgradeProfile == nil {
		props.AutoUpgradeProfile = &armcontainerservice.ManagedClusterAutoUpgradeProfile{}
	}
	if !isSet(props.AutoUpgradeProfile.NodeOSUpgradeChannel) {
		props.AutoUpgradeProfile.NodeOSUpgradeChannel = to(armcontainerservice.NodeOSUpgradeChannelNodeImage)
	}
	defaultNetworkProfile(ci, props)
	defaultIdentity(ci, mc)
	if props.OidcIssuerProfile != nil && deref(props.OidcIssuerProfile.Enabled) && !isSet(props.OidcIssuerProfile.IssuerURL) {
		props.OidcIssuerProfile.IssuerURL = to(fmt.Sprintf("https://%s.oic.prod-aks.azure.com/%s/%s/", ci.location, defaultTenantID, stableUUID("oidc", ci.id, ci.name)))
	}
	if props.PowerState == nil {
		props.PowerState = &armcontainerservice.PowerState{Code: to(armcontainerservice.CodeRunning)}
	}
	if props.MaxAgentPools == nil {
		props.MaxAgentPools = to[int32](defaultMaxAgentPools)
	}
}

var nonDNSCharacters = regexp.MustCompile(`[^A-Za-z0-9-]`)

// defaultDNSPrefix: when neither dnsPrefix nor fqdnSubdomain is given, the
// emulator builds one as the Azure CLI does ("{name[:10]}-{rg[:16]}-{sub[:6]}");
// what the AKS API itself does then is unverified.
func defaultDNSPrefix(ci clusterIdentity) string {
	name := nonDNSCharacters.ReplaceAllString(ci.name, "")
	if name == "" || !isLetter(name[0]) {
		name = "a" + name
	}
	parts := []string{name[:min(len(name), 10)]}
	if rg := nonDNSCharacters.ReplaceAllString(ci.resourceGroup, ""); rg != "" {
		parts = append(parts, rg[:min(len(rg), 16)])
	}
	if ci.subscription != "" {
		parts = append(parts, ci.subscription[:min(len(ci.subscription), 6)])
	}
	return strings.Trim(strings.Join(parts, "-"), "-")
}

func isLetter(b byte) bool { return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') }

// defaultFQDNs: "{dnsPrefix}-{8 hex}.hcp.{location}.azmk8s.io", its portal
// twin, and for private clusters "{dnsPrefix}-{8 hex}.{guid}.privatelink.{location}.azmk8s.io"
// (formats of the official examples).
func defaultFQDNs(ci clusterIdentity, props *armcontainerservice.ManagedClusterProperties) {
	prefix := strings.ToLower(deref(props.DNSPrefix))
	if prefix == "" {
		prefix = strings.ToLower(deref(props.FqdnSubdomain))
	}
	suffix := stableHex(8, "fqdn", ci.id, ci.name, ci.location)
	if !isSet(props.Fqdn) {
		props.Fqdn = to(fmt.Sprintf("%s-%s.hcp.%s.azmk8s.io", prefix, suffix, ci.location))
	}
	if !isSet(props.AzurePortalFQDN) {
		props.AzurePortalFQDN = to(fmt.Sprintf("%s-%s.portal.hcp.%s.azmk8s.io", prefix, suffix, ci.location))
	}
	private := props.APIServerAccessProfile != nil && deref(props.APIServerAccessProfile.EnablePrivateCluster)
	if private && !isSet(props.PrivateFQDN) {
		props.PrivateFQDN = to(fmt.Sprintf("%s-%s.%s.privatelink.%s.azmk8s.io", prefix, suffix, stableUUID("private", ci.id, ci.name), ci.location))
	}
}

// defaultNetworkProfile fills the network defaults (Azure CNI Overlay,
// Standard load balancer with one managed outbound IP, the documented CIDRs).
func defaultNetworkProfile(ci clusterIdentity, props *armcontainerservice.ManagedClusterProperties) {
	if props.NetworkProfile == nil {
		props.NetworkProfile = &armcontainerservice.NetworkProfile{}
	}
	np := props.NetworkProfile
	if !isSet(np.NetworkPlugin) {
		np.NetworkPlugin = to(armcontainerservice.NetworkPluginAzure)
		if np.NetworkPluginMode == nil {
			np.NetworkPluginMode = to(armcontainerservice.NetworkPluginModeOverlay)
		}
	}
	azure := equalFoldPtr(np.NetworkPlugin, armcontainerservice.NetworkPluginAzure)
	overlay := azure && equalFoldPtr(np.NetworkPluginMode, armcontainerservice.NetworkPluginModeOverlay)
	if !isSet(np.NetworkPolicy) {
		np.NetworkPolicy = to(armcontainerservice.NetworkPolicyNone)
	}
	if azure && !isSet(np.NetworkDataplane) {
		np.NetworkDataplane = to(armcontainerservice.NetworkDataplaneAzure)
	}
	if !isSet(np.LoadBalancerSKU) {
		np.LoadBalancerSKU = to(armcontainerservice.LoadBalancerSKUStandard)
	}
	if !isSet(np.OutboundType) {
		np.OutboundType = to(armcontainerservice.OutboundTypeLoadBalancer)
	}
	if !isSet(np.ServiceCidr) {
		np.ServiceCidr = to(defaultServiceCIDR)
	}
	if !isSet(np.DNSServiceIP) {
		np.DNSServiceIP = to(defaultDNSServiceIP)
	}
	if !isSet(np.PodCidr) && (overlay || equalFoldPtr(np.NetworkPlugin, armcontainerservice.NetworkPluginKubenet)) {
		np.PodCidr = to(defaultPodCIDR)
	}
	if np.PodCidrs == nil && isSet(np.PodCidr) {
		np.PodCidrs = []*string{to(*np.PodCidr)}
	}
	if np.ServiceCidrs == nil {
		np.ServiceCidrs = []*string{to(*np.ServiceCidr)}
	}
	if np.IPFamilies == nil {
		np.IPFamilies = []*armcontainerservice.IPFamily{to(armcontainerservice.IPFamilyIPv4)}
	}
	if equalFoldPtr(np.OutboundType, armcontainerservice.OutboundTypeLoadBalancer) &&
		equalFoldPtr(np.LoadBalancerSKU, armcontainerservice.LoadBalancerSKUStandard) {
		defaultLoadBalancerProfile(ci, props)
	}
}

func defaultLoadBalancerProfile(ci clusterIdentity, props *armcontainerservice.ManagedClusterProperties) {
	np := props.NetworkProfile
	if np.LoadBalancerProfile == nil {
		np.LoadBalancerProfile = &armcontainerservice.ManagedClusterLoadBalancerProfile{}
	}
	lb := np.LoadBalancerProfile
	if lb.ManagedOutboundIPs == nil && lb.OutboundIPs == nil && lb.OutboundIPPrefixes == nil {
		lb.ManagedOutboundIPs = &armcontainerservice.ManagedClusterLoadBalancerProfileManagedOutboundIPs{Count: to[int32](1)}
	}
	if lb.AllocatedOutboundPorts == nil {
		lb.AllocatedOutboundPorts = to[int32](0) // Azure allocates SNAT ports dynamically
	}
	if lb.IdleTimeoutInMinutes == nil {
		lb.IdleTimeoutInMinutes = to[int32](defaultIdleTimeout)
	}
	if !isSet(lb.BackendPoolType) {
		lb.BackendPoolType = to(armcontainerservice.BackendPoolTypeNodeIPConfiguration)
	}
	if lb.EffectiveOutboundIPs != nil {
		return
	}
	switch {
	case lb.OutboundIPs != nil:
		for _, ip := range lb.OutboundIPs.PublicIPs {
			if ip != nil && isSet(ip.ID) {
				lb.EffectiveOutboundIPs = append(lb.EffectiveOutboundIPs, &armcontainerservice.ResourceReference{ID: ip.ID})
			}
		}
	case lb.ManagedOutboundIPs != nil && ci.subscription != "" && isSet(props.NodeResourceGroup):
		lb.EffectiveOutboundIPs = []*armcontainerservice.ResourceReference{}
		for i := range deref(lb.ManagedOutboundIPs.Count) {
			lb.EffectiveOutboundIPs = append(lb.EffectiveOutboundIPs, &armcontainerservice.ResourceReference{ID: to(fmt.Sprintf(
				"/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Network/publicIPAddresses/%s",
				ci.subscription, *props.NodeResourceGroup, stableUUID("outboundip", ci.id, fmt.Sprint(i))))})
		}
	}
}

// defaultIdentity fills the managed identity's generated IDs, the kubelet
// identity AKS creates in the node resource group, and the "msi" service
// principal AKS reports for managed-identity clusters.
func defaultIdentity(ci clusterIdentity, mc *armcontainerservice.ManagedCluster) {
	props := mc.Properties
	id := mc.Identity
	if id == nil || !isSet(id.Type) || equalFoldPtr(id.Type, armcontainerservice.ResourceIdentityTypeNone) {
		return
	}
	if equalFoldPtr(id.Type, armcontainerservice.ResourceIdentityTypeSystemAssigned) {
		if !isSet(id.PrincipalID) {
			id.PrincipalID = to(stableUUID("principal", ci.id, ci.name))
		}
		if !isSet(id.TenantID) {
			id.TenantID = to(defaultTenantID)
		}
	}
	for resourceID, uai := range id.UserAssignedIdentities {
		if uai == nil {
			uai = &armcontainerservice.ManagedServiceIdentityUserAssignedIdentitiesValue{}
			id.UserAssignedIdentities[resourceID] = uai
		}
		if !isSet(uai.ClientID) {
			uai.ClientID = to(stableUUID("client", strings.ToLower(resourceID)))
		}
		if !isSet(uai.PrincipalID) {
			uai.PrincipalID = to(stableUUID("principal", strings.ToLower(resourceID)))
		}
	}
	if props.ServicePrincipalProfile == nil {
		props.ServicePrincipalProfile = &armcontainerservice.ManagedClusterServicePrincipalProfile{ClientID: to("msi")}
	}
	if props.IdentityProfile == nil && ci.subscription != "" && isSet(props.NodeResourceGroup) {
		props.IdentityProfile = map[string]*armcontainerservice.UserAssignedIdentity{
			"kubeletidentity": {
				ResourceID: to(fmt.Sprintf("/subscriptions/%s/resourcegroups/%s/providers/Microsoft.ManagedIdentity/userAssignedIdentities/%s-agentpool",
					ci.subscription, *props.NodeResourceGroup, ci.name)),
				ClientID: to(stableUUID("kubelet-client", ci.id)),
				ObjectID: to(stableUUID("kubelet-object", ci.id)),
			},
		}
	}
}

// defaultInlinePools applies the pool defaults to each inline profile of a
// cluster being created, in order, each seeing the cluster and the pools
// before it.
func defaultInlinePools(w World, mc *armcontainerservice.ManagedCluster) {
	inline := w
	inline.Cluster = mc
	inline.Pools = nil
	for i, prof := range mc.Properties.AgentPoolProfiles {
		if prof == nil {
			continue
		}
		ap := profileToAgentPool(deref(mc.ID), prof)
		defaultAgentPool(inline, nil, ap)
		mc.Properties.AgentPoolProfiles[i] = agentPoolToProfile(ap)
		inline.Pools = append(inline.Pools, ap)
	}
}
