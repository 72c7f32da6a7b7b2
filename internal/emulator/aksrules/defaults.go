package aksrules

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

// Server defaults AKS fills in. Where AKS itself picks by rules that aren't
// public, the choice made here is documented and deterministic.
const (
	// defaultLinuxVMSize: AKS picks a size when none is given; the emulator
	// uses Standard_DS2_v2, the size Microsoft's node pool guide shows.
	defaultLinuxVMSize = "Standard_DS2_v2"
	// defaultWindowsVMSize is the CLI's Windows default (windows-containerd.md).
	defaultWindowsVMSize = "Standard_D2s_v3"
	// defaultMaxSurge is AKS's default for new pools.
	defaultMaxSurge = "10%"
	// defaultMaxAgentPools is the number of pools a cluster may have.
	defaultMaxAgentPools = 100
	// defaultTenantID is the emulator's default seed tenant, used for the
	// identity's tenantId and the OIDC issuer URL; the core may overwrite them
	// with the tenant it actually serves.
	defaultTenantID = "00000000-0000-4000-8000-000000000001"
	// windows2022FirstMinor: Windows2022 is the default Windows OS SKU from
	// Kubernetes 1.25 (SDK OSSKU doc; upgrade-os-version.md).
	windows2022FirstMinor = 25
)

// Network defaults. AKS's API default network plugin moved from kubenet to
// Azure CNI Overlay (the CLI stopped sending kubenet, azure-cli-extensions
// commit 9be8ceaa); the emulator defaults to Azure CNI Overlay.
const (
	defaultServiceCIDR  = "10.0.0.0/16"
	defaultDNSServiceIP = "10.0.0.10"
	defaultPodCIDR      = "10.244.0.0/16"
	defaultIdleTimeout  = 30
)

// defaultAgentPool: on create every unset property gets AKS's default; on
// update a property the request leaves unset keeps the stored value (the SDK
// round-trips GET→PUT, and AKS treats an absent field as "keep"), except
// minCount/maxCount, which a request turning autoscaling off clears.
func defaultAgentPool(w World, old, ap *armcontainerservice.AgentPool) {
	if ap == nil {
		return
	}
	if ap.Properties == nil {
		ap.Properties = &armcontainerservice.ManagedClusterAgentPoolProfileProperties{}
	}
	if !isSet(ap.Name) {
		if n := poolName(ap); n != "" {
			ap.Name = to(n)
		}
	}
	if !isSet(ap.Type) {
		ap.Type = to(agentPoolResourceType)
	}
	p := ap.Properties
	if old == nil || old.Properties == nil {
		defaultNewPool(w, deref(ap.Name), p)
		return
	}
	defaultUpdatedPool(w, old.Properties, p)
}

// defaultNewPool fills the defaults of a pool being created.
func defaultNewPool(w World, name string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
	mc := w.Cluster
	if !isSet(p.Mode) {
		// The agentPools API defaults to User; a cluster's first pool must be
		// given mode System explicitly (use-system-pools.md).
		p.Mode = to(armcontainerservice.AgentPoolModeUser)
	}
	if !isSet(p.Type) {
		p.Type = to(armcontainerservice.AgentPoolTypeVirtualMachineScaleSets)
	}
	if !isSet(p.OSType) {
		p.OSType = to(armcontainerservice.OSTypeLinux)
	}
	if !isSet(p.OrchestratorVersion) {
		// A new pool runs the control plane's version (upgrade-node-pools.md).
		p.OrchestratorVersion = to(clusterVersionText(w, mc))
	}
	version := resolvedOrSelf(w, *p.OrchestratorVersion)
	p.CurrentOrchestratorVersion = currentVersionText(w, *p.OrchestratorVersion)
	if !isSet(p.OSSKU) {
		p.OSSKU = to(defaultOSSKU(p, version))
	}
	if !isSet(p.VMSize) && p.VirtualMachinesProfile == nil {
		p.VMSize = to(defaultLinuxVMSize)
		if isWindows(p) {
			p.VMSize = to(defaultWindowsVMSize)
		}
	}
	if p.Count == nil {
		p.Count = to[int32](1) // SDK: "The default value is 1."
	}
	if p.EnableAutoScaling == nil {
		p.EnableAutoScaling = to(false)
	}
	for _, b := range []**bool{&p.EnableFIPS, &p.EnableNodePublicIP, &p.EnableEncryptionAtHost, &p.EnableUltraSSD} {
		if *b == nil {
			*b = to(false)
		}
	}
	if !isSet(p.ScaleSetPriority) {
		p.ScaleSetPriority = to(armcontainerservice.ScaleSetPriorityRegular)
	}
	if isSpot(p) {
		if !isSet(p.ScaleSetEvictionPolicy) {
			p.ScaleSetEvictionPolicy = to(armcontainerservice.ScaleSetEvictionPolicyDelete)
		}
		if p.SpotMaxPrice == nil {
			p.SpotMaxPrice = to[float32](-1) // pay up to the on-demand price
		}
	}
	if !isSet(p.VnetSubnetID) {
		p.VnetSubnetID = inheritedSubnet(otherPools(w, name))
	}
	if p.MaxPods == nil {
		p.MaxPods = to(defaultMaxPods(mc, p))
	}
	if !isSet(p.KubeletDiskType) {
		p.KubeletDiskType = to(armcontainerservice.KubeletDiskTypeOS)
	}
	if sku, ok := lookupSKU(w, poolSizeForDefaults(p)); ok {
		defaultOSDisk(sku, p)
	}
	if !isSpot(p) {
		// Spot pools don't surge (their nodes can be evicted at any time).
		if p.UpgradeSettings == nil {
			p.UpgradeSettings = &armcontainerservice.AgentPoolUpgradeSettings{}
		}
		if !isSet(p.UpgradeSettings.MaxSurge) {
			p.UpgradeSettings.MaxSurge = to(defaultMaxSurge)
		}
	}
	if p.PowerState == nil || !isSet(p.PowerState.Code) {
		p.PowerState = &armcontainerservice.PowerState{Code: to(armcontainerservice.CodeRunning)}
	}
	p.NodeImageVersion = latestNodeImage(w, p)
	defaultLocalDNSState(p)
	if p.VirtualMachineNodesStatus == nil {
		p.VirtualMachineNodesStatus = virtualMachineNodesStatus(p)
	}
}

// defaultUpdatedPool merges the stored pool into an update and recomputes
// what the update changes: the current version, and the node image when the
// nodes are reimaged (version, OS SKU or FIPS change).
func defaultUpdatedPool(w World, old, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
	autoscalingOff := p.EnableAutoScaling != nil && !*p.EnableAutoScaling
	if !isSet(p.OrchestratorVersion) {
		p.OrchestratorVersion = nil // "" means "keep", as on create it means "default"
	}
	keepUnset(old, p)
	if autoscalingOff {
		// Turning autoscaling off clears the bounds unless the request sets them.
		if p.MinCount == old.MinCount {
			p.MinCount = nil
		}
		if p.MaxCount == old.MaxCount {
			p.MaxCount = nil
		}
	}
	// Read-only fields are the server's: the stored value, then recomputed.
	p.NodeImageVersion, p.ETag, p.ProvisioningState, p.Status = old.NodeImageVersion, old.ETag, old.ProvisioningState, old.Status
	p.CurrentOrchestratorVersion = old.CurrentOrchestratorVersion
	// Only a different version text upgrades: re-sending an alias such as
	// "1.31" keeps the patch the pool runs (SDK OrchestratorVersion doc).
	if versionTextChanged(old.OrchestratorVersion, p.OrchestratorVersion) {
		if cur := currentVersionText(w, *p.OrchestratorVersion); cur != nil {
			p.CurrentOrchestratorVersion = cur
		}
	}
	reimaged := deref(p.CurrentOrchestratorVersion) != deref(old.CurrentOrchestratorVersion) ||
		!strings.EqualFold(string(deref(p.OSSKU)), string(deref(old.OSSKU))) ||
		deref(p.EnableFIPS) != deref(old.EnableFIPS)
	if reimaged || !isSet(p.NodeImageVersion) {
		if img := latestNodeImage(w, p); img != nil {
			p.NodeImageVersion = img
		}
	}
	defaultLocalDNSState(p)
}

// versionTextChanged reports whether an update sets a different version text.
func versionTextChanged(old, requested *string) bool {
	return isSet(requested) && !strings.EqualFold(deref(old), *requested)
}

// keepUnset copies into dst every nil pointer, map or slice field of the
// struct *dst from *src: "unset in the request keeps the stored value".
func keepUnset[T any](src, dst *T) {
	if src == nil || dst == nil {
		return
	}
	s, d := reflect.ValueOf(src).Elem(), reflect.ValueOf(dst).Elem()
	for i := range d.NumField() {
		f := d.Field(i)
		switch f.Kind() {
		case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Interface:
			if f.IsNil() && f.CanSet() {
				f.Set(s.Field(i))
			}
		}
	}
}

// clusterVersionText is the control plane's version as the client wrote it
// (possibly an alias), which a new pool inherits.
func clusterVersionText(w World, mc *armcontainerservice.ManagedCluster) string {
	if mc != nil && mc.Properties != nil {
		if isSet(mc.Properties.KubernetesVersion) {
			return *mc.Properties.KubernetesVersion
		}
		if isSet(mc.Properties.CurrentKubernetesVersion) {
			return *mc.Properties.CurrentKubernetesVersion
		}
	}
	return defaultKubernetesVersion(w)
}

// currentVersionText resolves an alias to the patch version the nodes run.
func currentVersionText(w World, version string) *string {
	if r, ok := ResolveKubernetesVersion(w, version); ok {
		return to(r)
	}
	if v, ok := parseKubeVersion(version); ok && v.hasPatch {
		return to(v.String())
	}
	return nil
}

// defaultOSSKU: Ubuntu for Linux; for Windows, Windows2022 from Kubernetes
// 1.25 and Windows2019 below (SDK OSSKU doc). Windows2025, the default from
// 1.36, exists only in preview APIs.
func defaultOSSKU(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties, version kubeVersion) armcontainerservice.OSSKU {
	if !isWindows(p) {
		return armcontainerservice.OSSKUUbuntu
	}
	if version.major == 1 && version.minor < windows2022FirstMinor {
		return armcontainerservice.OSSKUWindows2019
	}
	return armcontainerservice.OSSKUWindows2022
}

// inheritedSubnet: a pool created without vnetSubnetID on a cluster whose
// pools use a custom subnet lands in the subnet of the cluster's first System
// pool (or first pool) that has one, as AKS fills it (azurerm#8297).
func inheritedSubnet(others []*armcontainerservice.AgentPool) *string {
	var fallback *string
	for _, o := range others {
		if o.Properties == nil || !isSet(o.Properties.VnetSubnetID) {
			continue
		}
		if isSystem(o.Properties) {
			return o.Properties.VnetSubnetID
		}
		if fallback == nil {
			fallback = o.Properties.VnetSubnetID
		}
	}
	return fallback
}

// defaultMaxPods by networking (aks-api.md §4.4): Azure CNI Overlay 250, Azure
// CNI with a pod subnet 110, legacy Azure CNI 30, kubenet 110, BYO CNI
// ("none") 250 (unverified). Without a known cluster: 110.
func defaultMaxPods(mc *armcontainerservice.ManagedCluster, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) int32 {
	if mc == nil || mc.Properties == nil || mc.Properties.NetworkProfile == nil {
		return maxPodsKubenet
	}
	np := mc.Properties.NetworkProfile
	switch {
	case equalFoldPtr(np.NetworkPlugin, armcontainerservice.NetworkPluginAzure) && equalFoldPtr(np.NetworkPluginMode, armcontainerservice.NetworkPluginModeOverlay):
		return maxPodsOverlay
	case equalFoldPtr(np.NetworkPlugin, armcontainerservice.NetworkPluginAzure) && isSet(p.PodSubnetID):
		return maxPodsPodSubnet
	case equalFoldPtr(np.NetworkPlugin, armcontainerservice.NetworkPluginAzure):
		return maxPodsLegacyAzureCN
	case equalFoldPtr(np.NetworkPlugin, armcontainerservice.NetworkPluginNone):
		return maxPodsOverlay
	}
	return maxPodsKubenet
}

// poolSizeForDefaults is the VM size the disk defaults are computed for: the
// pool's vmSize, or for VirtualMachines pools the first size they scale.
func poolSizeForDefaults(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) string {
	if isSet(p.VMSize) {
		return *p.VMSize
	}
	if p.VirtualMachinesProfile != nil && p.VirtualMachinesProfile.Scale != nil {
		for _, m := range p.VirtualMachinesProfile.Scale.Manual {
			if m != nil && isSet(m.Size) {
				return *m.Size
			}
		}
	}
	return ""
}

// defaultLocalDNSState fills localDNSProfile.state, which AKS computes: the
// emulator's versions all support localDNS, so Required and Preferred are
// Enabled and Disabled is Disabled.
func defaultLocalDNSState(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
	ld := p.LocalDNSProfile
	if ld == nil {
		return
	}
	ld.State = to(armcontainerservice.LocalDNSStateEnabled)
	if equalFoldPtr(ld.Mode, armcontainerservice.LocalDNSModeDisabled) {
		ld.State = to(armcontainerservice.LocalDNSStateDisabled)
	}
}

// virtualMachineNodesStatus mirrors a VirtualMachines pool's manual scale
// profile: the nodes it has once created.
func virtualMachineNodesStatus(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) []*armcontainerservice.VirtualMachineNodes {
	if p.VirtualMachinesProfile == nil || p.VirtualMachinesProfile.Scale == nil {
		return nil
	}
	var out []*armcontainerservice.VirtualMachineNodes
	for _, m := range p.VirtualMachinesProfile.Scale.Manual {
		if m != nil {
			out = append(out, &armcontainerservice.VirtualMachineNodes{Count: m.Count, Size: m.Size})
		}
	}
	return out
}

func latestNodeImage(w World, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *string {
	if w.LatestNodeImage == nil {
		return nil
	}
	img := w.LatestNodeImage(string(deref(p.OSType)), string(deref(p.OSSKU)))
	if img == "" {
		return nil
	}
	return to(img)
}

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

// stableHex derives n hex digits from the parts: generated values are the
// same every time for the same cluster.
func stableHex(n int, parts ...string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(strings.Join(parts, "|"))))
	return hex.EncodeToString(sum[:])[:n]
}

// stableUUID derives a version-4-shaped UUID from the parts.
func stableUUID(parts ...string) string {
	h := stableHex(32, parts...)
	return fmt.Sprintf("%s-%s-4%s-8%s-%s", h[0:8], h[8:12], h[13:16], h[17:20], h[20:32])
}
