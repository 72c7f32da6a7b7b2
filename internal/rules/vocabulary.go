package rules

import (
	"slices"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// AKS's vocabulary: the values the provider accepts for each enumerated attribute, spelled as the
// AKS REST API 2025-10-01 spells them (the SDK's constants where it has them). One list serves the
// schema (stringvalidator.OneOf), the rules, and the docs (MarkdownOneOf). A list's order is the
// order the docs and OneOf's messages show.

// Node pool modes (agentPool mode). Gateway pools carry the Static Egress Gateway's egress traffic.
const (
	ModeSystem  = string(armcontainerservice.AgentPoolModeSystem)
	ModeUser    = string(armcontainerservice.AgentPoolModeUser)
	ModeGateway = string(armcontainerservice.AgentPoolModeGateway)
)

// Modes are the mode values of a node pool.
var Modes = []string{ModeSystem, ModeUser, ModeGateway}

// Power states of a node pool (agentPool powerState.code).
const (
	PowerStateRunning = string(armcontainerservice.CodeRunning)
	PowerStateStopped = string(armcontainerservice.CodeStopped)
)

// PowerStates are the power_state values of a node pool.
var PowerStates = []string{PowerStateRunning, PowerStateStopped}

// Node pool VM set types (agentPool type). AvailabilitySet ("strongly discouraged" by the SDK, and
// refused for new pools of scale-set clusters) is not offered.
const (
	PoolTypeVirtualMachineScaleSets = string(armcontainerservice.AgentPoolTypeVirtualMachineScaleSets)
	PoolTypeVirtualMachines         = string(armcontainerservice.AgentPoolTypeVirtualMachines)
)

// PoolTypes are the type values of a node pool.
var PoolTypes = []string{PoolTypeVirtualMachineScaleSets, PoolTypeVirtualMachines}

// NodeProvisioningModeAuto is nodeProvisioningProfile.mode of a cluster using Node Autoprovisioning.
const NodeProvisioningModeAuto = string(armcontainerservice.NodeProvisioningModeAuto)

// OS types of a node pool.
const (
	OSTypeLinux   = string(armcontainerservice.OSTypeLinux)
	OSTypeWindows = string(armcontainerservice.OSTypeWindows)
)

// OSTypes are the os_type values of a node pool.
var OSTypes = []string{OSTypeLinux, OSTypeWindows}

// OS SKUs a pool can be created with. The SDK's CBLMariner is retired and not offered.
const (
	OSSKUUbuntu      = string(armcontainerservice.OSSKUUbuntu)
	OSSKUUbuntu2204  = string(armcontainerservice.OSSKUUbuntu2204)
	OSSKUUbuntu2404  = string(armcontainerservice.OSSKUUbuntu2404)
	OSSKUAzureLinux  = string(armcontainerservice.OSSKUAzureLinux)
	OSSKUAzureLinux3 = string(armcontainerservice.OSSKUAzureLinux3)
	OSSKUWindows2019 = string(armcontainerservice.OSSKUWindows2019)
	OSSKUWindows2022 = string(armcontainerservice.OSSKUWindows2022)
)

var (
	// LinuxOSSKUs are the os_sku values of Linux pools (the default is Ubuntu).
	LinuxOSSKUs = []string{OSSKUUbuntu, OSSKUUbuntu2204, OSSKUUbuntu2404, OSSKUAzureLinux, OSSKUAzureLinux3}
	// WindowsOSSKUs are the os_sku values of Windows pools.
	WindowsOSSKUs = []string{OSSKUWindows2019, OSSKUWindows2022}
	// AzureLinuxOSSKUs are the Azure Linux os_sku values.
	AzureLinuxOSSKUs = []string{OSSKUAzureLinux, OSSKUAzureLinux3}
	// OSSKUs are every os_sku value: the Linux ones, then the Windows ones.
	OSSKUs = slices.Concat(LinuxOSSKUs, WindowsOSSKUs)
)

// OS disk types of a node pool.
const (
	OSDiskTypeManaged   = string(armcontainerservice.OSDiskTypeManaged)
	OSDiskTypeEphemeral = string(armcontainerservice.OSDiskTypeEphemeral)
)

// OSDiskTypes are the os_disk_type values of a node pool.
var OSDiskTypes = []string{OSDiskTypeManaged, OSDiskTypeEphemeral}

// Kubelet disk types: where kubelet's data lives.
const (
	KubeletDiskTypeOS        = string(armcontainerservice.KubeletDiskTypeOS)
	KubeletDiskTypeTemporary = string(armcontainerservice.KubeletDiskTypeTemporary)
)

// KubeletDiskTypes are the kubelet_disk_type values of a node pool.
var KubeletDiskTypes = []string{KubeletDiskTypeOS, KubeletDiskTypeTemporary}

// Scale set priorities of a node pool.
const (
	PriorityRegular = string(armcontainerservice.ScaleSetPriorityRegular)
	PrioritySpot    = string(armcontainerservice.ScaleSetPrioritySpot)
)

// Priorities are the priority values of a node pool.
var Priorities = []string{PriorityRegular, PrioritySpot}

// Scale set eviction policies of a Spot pool.
const (
	EvictionPolicyDelete     = string(armcontainerservice.ScaleSetEvictionPolicyDelete)
	EvictionPolicyDeallocate = string(armcontainerservice.ScaleSetEvictionPolicyDeallocate)
)

// EvictionPolicies are the eviction_policy values of a Spot pool.
var EvictionPolicies = []string{EvictionPolicyDelete, EvictionPolicyDeallocate}

// AvailabilityZones are the zones a pool's nodes can be spread over (the API takes zone numbers).
var AvailabilityZones = []string{"1", "2", "3"}

// TaintEffects are the effects of a node taint (Kubernetes' own; the API has no constants for them).
var TaintEffects = []string{"NoSchedule", "PreferNoSchedule", "NoExecute"}

// VMSetTypeScaleSets is the agent pool type of pools on Virtual Machine Scale Sets.
const VMSetTypeScaleSets = string(armcontainerservice.AgentPoolTypeVirtualMachineScaleSets)

// VMSetTypeAvailabilitySet is the agent pool type of single-pool clusters on an availability set.
const VMSetTypeAvailabilitySet = string(armcontainerservice.AgentPoolTypeAvailabilitySet)

// Pricing tiers of a managed cluster.
const (
	SKUTierFree     = string(armcontainerservice.ManagedClusterSKUTierFree)
	SKUTierStandard = string(armcontainerservice.ManagedClusterSKUTierStandard)
	SKUTierPremium  = string(armcontainerservice.ManagedClusterSKUTierPremium)
)

// SKUTiers are the sku_tier values of a cluster.
var SKUTiers = []string{SKUTierFree, SKUTierStandard, SKUTierPremium}

// Automatic upgrade channels of a cluster.
const (
	UpgradeChannelNone      = string(armcontainerservice.UpgradeChannelNone)
	UpgradeChannelPatch     = string(armcontainerservice.UpgradeChannelPatch)
	UpgradeChannelStable    = string(armcontainerservice.UpgradeChannelStable)
	UpgradeChannelRapid     = string(armcontainerservice.UpgradeChannelRapid)
	UpgradeChannelNodeImage = string(armcontainerservice.UpgradeChannelNodeImage)
)

// UpgradeChannels are the automatic_upgrade_channel values of a cluster.
var UpgradeChannels = []string{UpgradeChannelNone, UpgradeChannelPatch, UpgradeChannelStable, UpgradeChannelRapid, UpgradeChannelNodeImage}

// Node OS upgrade channels of a cluster.
const (
	NodeOSUpgradeChannelNone          = string(armcontainerservice.NodeOSUpgradeChannelNone)
	NodeOSUpgradeChannelUnmanaged     = string(armcontainerservice.NodeOSUpgradeChannelUnmanaged)
	NodeOSUpgradeChannelSecurityPatch = string(armcontainerservice.NodeOSUpgradeChannelSecurityPatch)
	NodeOSUpgradeChannelNodeImage     = string(armcontainerservice.NodeOSUpgradeChannelNodeImage)
)

// NodeOSUpgradeChannels are the node_os_upgrade_channel values of a cluster.
var NodeOSUpgradeChannels = []string{NodeOSUpgradeChannelNone, NodeOSUpgradeChannelUnmanaged, NodeOSUpgradeChannelSecurityPatch, NodeOSUpgradeChannelNodeImage}

// Identity types of a cluster's control plane.
const (
	IdentitySystemAssigned = string(armcontainerservice.ResourceIdentityTypeSystemAssigned)
	IdentityUserAssigned   = string(armcontainerservice.ResourceIdentityTypeUserAssigned)
)

// IdentityTypes are the identity.type values of a cluster.
var IdentityTypes = []string{IdentitySystemAssigned, IdentityUserAssigned}

// Network plugins of a cluster.
const (
	NetworkPluginAzure   = string(armcontainerservice.NetworkPluginAzure)
	NetworkPluginKubenet = string(armcontainerservice.NetworkPluginKubenet)
	NetworkPluginNone    = string(armcontainerservice.NetworkPluginNone)
)

// NetworkPlugins are the network_plugin values of a cluster.
var NetworkPlugins = []string{NetworkPluginAzure, NetworkPluginKubenet, NetworkPluginNone}

// NetworkPluginModeOverlay is Azure CNI Overlay, the one network plugin mode.
const NetworkPluginModeOverlay = string(armcontainerservice.NetworkPluginModeOverlay)

// NetworkPluginModes are the network_plugin_mode values of a cluster.
var NetworkPluginModes = []string{NetworkPluginModeOverlay}

// Network policy engines of a cluster.
const (
	NetworkPolicyAzure  = string(armcontainerservice.NetworkPolicyAzure)
	NetworkPolicyCalico = string(armcontainerservice.NetworkPolicyCalico)
	NetworkPolicyCilium = string(armcontainerservice.NetworkPolicyCilium)
	NetworkPolicyNone   = string(armcontainerservice.NetworkPolicyNone)
)

// NetworkPolicies are the network_policy values of a cluster.
var NetworkPolicies = []string{NetworkPolicyAzure, NetworkPolicyCalico, NetworkPolicyCilium, NetworkPolicyNone}

// Network dataplanes of a cluster.
const (
	NetworkDataplaneAzure  = string(armcontainerservice.NetworkDataplaneAzure)
	NetworkDataplaneCilium = string(armcontainerservice.NetworkDataplaneCilium)
)

// NetworkDataplanes are the network_dataplane values of a cluster.
var NetworkDataplanes = []string{NetworkDataplaneAzure, NetworkDataplaneCilium}

// Load balancer SKUs of a cluster.
const (
	LoadBalancerSKUStandard = string(armcontainerservice.LoadBalancerSKUStandard)
	LoadBalancerSKUBasic    = string(armcontainerservice.LoadBalancerSKUBasic)
)

// LoadBalancerSKUs are the load_balancer_sku values of a cluster.
var LoadBalancerSKUs = []string{LoadBalancerSKUStandard, LoadBalancerSKUBasic}

// Outbound types of a cluster: how its nodes reach the internet.
const (
	OutboundTypeLoadBalancer           = string(armcontainerservice.OutboundTypeLoadBalancer)
	OutboundTypeManagedNATGateway      = string(armcontainerservice.OutboundTypeManagedNATGateway)
	OutboundTypeUserAssignedNATGateway = string(armcontainerservice.OutboundTypeUserAssignedNATGateway)
	OutboundTypeUserDefinedRouting     = string(armcontainerservice.OutboundTypeUserDefinedRouting)
	OutboundTypeNone                   = string(armcontainerservice.OutboundTypeNone)
)

// OutboundTypes are the outbound_type values of a cluster.
var OutboundTypes = []string{OutboundTypeLoadBalancer, OutboundTypeManagedNATGateway, OutboundTypeUserAssignedNATGateway, OutboundTypeUserDefinedRouting, OutboundTypeNone}

// MarkdownOneOf renders values as the docs write a choice: "`A`, `B` or `C`".
func MarkdownOneOf(values ...string) string { return MarkdownOneOfNoted(values, nil) }

// MarkdownOneOfNoted is MarkdownOneOf with a note in parentheses after each value that notes
// names: "`A` (the default), `B` or `C`".
func MarkdownOneOfNoted(values []string, notes map[string]string) string {
	items := markdownItems(values, notes)
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// MarkdownList renders values as the docs write a plain list: "`A`, `B`, `C`".
func MarkdownList(values ...string) string { return strings.Join(markdownItems(values, nil), ", ") }

func markdownItems(values []string, notes map[string]string) []string {
	items := make([]string, len(values))
	for i, v := range values {
		items[i] = "`" + v + "`"
		if note := notes[v]; note != "" {
			items[i] += " (" + note + ")"
		}
	}
	return items
}
