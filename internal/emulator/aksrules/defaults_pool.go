package aksrules

import (
	"reflect"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// The agent pool defaults: a pool created through agentPools or inline in a
// managed cluster, and an update that keeps what it leaves unset.

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
		dropEmptyStrings(p) // "" is no value: the default, or nothing
		defaultNewPool(w, deref(ap.Name), p)
		return
	}
	defaultUpdatedPool(w, old.Properties, p)
}

// defaultNewPool fills the defaults of a pool being created.
func defaultNewPool(w World, name string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
	mc := w.Cluster
	defaultFromSnapshot(w, p)
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
	defaultPriority(p)
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
	snapshotNodeImage(w, p)
	defaultNewPoolSettings(p)
	defaultLocalDNSState(p)
	if p.VirtualMachineNodesStatus == nil {
		p.VirtualMachineNodesStatus = virtualMachineNodesStatus(p)
	}
}

// defaultPriority: Regular, and for Spot pools the eviction policy and price AKS applies.
func defaultPriority(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
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
}

// defaultUpdatedPool merges the stored pool into an update and recomputes
// what the update changes: the current version, and the node image when the
// nodes are reimaged (version, OS SKU or FIPS change).
func defaultUpdatedPool(w World, old, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
	autoscalingOff := p.EnableAutoScaling != nil && !*p.EnableAutoScaling
	if !isSet(p.OrchestratorVersion) {
		p.OrchestratorVersion = nil // "" means "keep", as on create it means "default"
	}
	if p.OSDiskSizeGB != nil && *p.OSDiskSizeGB == 0 {
		p.OSDiskSizeGB = nil // 0 means "the default size" (spec), on an update the stored one
	}
	keepUnset(old, p)
	dropEmptyStrings(p) // "" the stored pool had no value for either
	if p.UpgradeSettings != nil && old.UpgradeSettings != nil {
		// "upgradeSettings": {} (azurerm sends it) keeps the stored settings it leaves unset.
		keepUnset(old.UpgradeSettings, p.UpgradeSettings)
	}
	keepUnsetPoolSettings(old, p)
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
	// virtualMachineNodesStatus is read-only: the nodes the pool has once the update is done.
	p.VirtualMachineNodesStatus = virtualMachineNodesStatus(p)
}

// versionTextChanged reports whether an update sets a different version text.
func versionTextChanged(old, requested *string) bool {
	return isSet(requested) && !strings.EqualFold(deref(old), *requested)
}

// keepUnset copies into dst every nil pointer, map or slice field of the
// struct *dst from *src: "unset in the request keeps the stored value". An
// empty string counts as unset, as AKS reads it (on create "" takes the
// default; azurerm sends "kubeletDiskType": "" for an unset kubelet_disk_type
// in every update, and Azure keeps the pool's value).
func keepUnset[T any](src, dst *T) {
	if src == nil || dst == nil {
		return
	}
	s, d := reflect.ValueOf(src).Elem(), reflect.ValueOf(dst).Elem()
	for i := range d.NumField() {
		f := d.Field(i)
		if !f.CanSet() {
			continue
		}
		switch f.Kind() {
		case reflect.Pointer:
			if f.IsNil() || (f.Elem().Kind() == reflect.String && f.Elem().Len() == 0) {
				f.Set(s.Field(i))
			}
		case reflect.Map, reflect.Slice, reflect.Interface:
			if f.IsNil() {
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
