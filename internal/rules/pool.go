package rules

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// Values of the pool attributes as AKS spells them. The schema can use these
// lists with stringvalidator.OneOf.
const (
	ModeSystem = "System"
	ModeUser   = "User"

	OSTypeLinux   = "Linux"
	OSTypeWindows = "Windows"

	PriorityRegular = "Regular"
	PrioritySpot    = "Spot"

	EvictionPolicyDelete     = "Delete"
	EvictionPolicyDeallocate = "Deallocate"

	KubeletDiskTypeOS        = "OS"
	KubeletDiskTypeTemporary = "Temporary"

	OSSKUUbuntu      = "Ubuntu"
	OSSKUUbuntu2204  = "Ubuntu2204"
	OSSKUUbuntu2404  = "Ubuntu2404"
	OSSKUAzureLinux  = "AzureLinux"
	OSSKUAzureLinux3 = "AzureLinux3"
	OSSKUWindows2019 = "Windows2019"
	OSSKUWindows2022 = "Windows2022"

	OSDiskTypeManaged   = vmsizes.OSDiskTypeManaged
	OSDiskTypeEphemeral = vmsizes.OSDiskTypeEphemeral
)

var (
	// LinuxOSSKUs are the os_sku values of Linux pools (the default is Ubuntu).
	LinuxOSSKUs = []string{OSSKUUbuntu, OSSKUUbuntu2204, OSSKUUbuntu2404, OSSKUAzureLinux, OSSKUAzureLinux3}
	// WindowsOSSKUs are the os_sku values of Windows pools.
	WindowsOSSKUs = []string{OSSKUWindows2019, OSSKUWindows2022}
	// AzureLinuxOSSKUs are the Azure Linux os_sku values.
	AzureLinuxOSSKUs = []string{OSSKUAzureLinux, OSSKUAzureLinux3}
)

// OS disk size limits in GB: "the minimum size for AKS images is 30 GB" (the
// guide), and the API's maximum for osDiskSizeGB.
const (
	MinOSDiskSizeGB = 30
	MaxOSDiskSizeGB = 2048
)

// Pool is the configuration of one node pool as the rules read it: the
// resource converts its model (aks_node_pool, or aks_cluster's
// default_node_pool) into it. Null means unset (AKS's default applies);
// unknown means known only at apply, and rules that need it don't run.
type Pool struct {
	Name                  types.String
	Mode                  types.String // null: User
	OSType                types.String // null: Linux
	OSSKU                 types.String // null: AKS's default for the OS (Ubuntu for Linux)
	VMSize                types.String // null: AKS picks a size
	NodeCount             types.Int64
	AutoScalingEnabled    types.Bool // null: false
	MinCount              types.Int64
	MaxCount              types.Int64
	OrchestratorVersion   types.String // null: the control plane's version
	VnetSubnetID          types.String // null: the managed virtual network
	PodSubnetID           types.String
	FIPSEnabled           types.Bool // null: false
	OSDiskType            types.String
	OSDiskSizeGB          types.Int64 // null: AKS's default for the VM size
	KubeletDiskType       types.String
	Priority              types.String // null: Regular
	EvictionPolicy        types.String
	SpotMaxPrice          types.Float64
	HostEncryptionEnabled types.Bool
}

// CheckPool runs every configuration rule of a node pool that needs no live
// cluster: name length by OS, OS SKU vs OS type, System pool rules, autoscaler
// counts, Spot-only arguments, ARM64 limits, OS disk and ephemeral OS fit,
// kubelet disk, host encryption, and pod subnet placement. base is the path
// of the pool's attributes (path.Empty() for aks_node_pool,
// path.Root("default_node_pool") for aks_cluster). sizes may be nil (embedded
// facts only); location is the cluster's, for live VM sizes.
func CheckPool(ctx context.Context, base path.Path, p Pool, sizes *vmsizes.Catalogue, location string) diag.Diagnostics {
	if sizes == nil {
		sizes = vmsizes.Embedded()
	}
	var diags diag.Diagnostics
	diags.Append(checkNameLength(base, p)...)
	diags.Append(checkOSSKUMatchesOSType(base, p)...)
	diags.Append(checkSystemPool(base, p)...)
	diags.Append(checkAutoscaler(base, p)...)
	diags.Append(checkSpotOnlyArguments(base, p)...)
	diags.Append(checkPodSubnetVNet(base, p)...)
	diags.Append(checkOSDiskSizeRange(base, p)...)
	if v, ok := configuredVersion(p); ok {
		diags.Append(checkWindowsOSSKUVersion(base, p, v, "orchestrator_version")...)
	}

	size, found, d := lookupVMSize(ctx, base, p, sizes, location)
	diags.Append(d...)
	if !found {
		return diags
	}
	diags.Append(checkArm64(base, p, size)...)
	diags.Append(checkArm64FIPS(base, p, size, nil, "")...)
	diags.Append(checkEphemeralOSDisk(ctx, base, p, size, sizes, location)...)
	diags.Append(checkKubeletDiskType(ctx, base, p, size, sizes, location)...)
	diags.Append(checkHostEncryption(base, p, size)...)
	return diags
}

// ---------------------------------------------------------------------------
// Value helpers

func anyUnknown(values ...attr.Value) bool {
	return slices.ContainsFunc(values, func(v attr.Value) bool { return v.IsUnknown() })
}

// stringOr returns the value, or def when it is null.
func stringOr(v types.String, def string) string {
	if v.IsNull() || v.IsUnknown() {
		return def
	}
	return v.ValueString()
}

func isSet(v attr.Value) bool { return !v.IsNull() && !v.IsUnknown() }

func isTrue(v types.Bool) bool { return isSet(v) && v.ValueBool() }

func mode(p Pool) string     { return stringOr(p.Mode, ModeUser) }
func osType(p Pool) string   { return stringOr(p.OSType, OSTypeLinux) }
func priority(p Pool) string { return stringOr(p.Priority, PriorityRegular) }

// configuredVersion returns orchestrator_version when it is set and valid.
func configuredVersion(p Pool) (Version, bool) {
	if !isSet(p.OrchestratorVersion) {
		return Version{}, false
	}
	v, err := ParseVersion(p.OrchestratorVersion.ValueString())
	return v, err == nil
}

// ---------------------------------------------------------------------------
// Name

// checkNameLength: Linux pool names 1-12 characters, Windows 1-6 (the
// charset is NodePoolName's).
func checkNameLength(base path.Path, p Pool) diag.Diagnostics {
	if anyUnknown(p.Name, p.OSType) || p.Name.IsNull() {
		return nil
	}
	name, os := p.Name.ValueString(), osType(p)
	limit := MaxLinuxPoolNameLength
	if os == OSTypeWindows {
		limit = MaxWindowsPoolNameLength
	}
	if len(name) <= limit {
		return nil
	}
	at := base.AtName("name")
	return diag.Diagnostics{ruleError(at, fmt.Sprintf("Node pool name too long for a %s pool", os),
		explain(fmt.Sprintf("%s = %q is %d characters long; %s node pools allow at most %d (the %s rule applied because os_type is %q).",
			shown(at), name, len(name), os, limit, os, os),
			"node pool names are 1-12 characters for Linux pools and 1-6 characters for Windows pools",
			sourceGuide,
			fmt.Sprintf("shorten %s to %d characters or fewer, e.g. %q.", shown(at), limit, name[:limit])))}
}

// ---------------------------------------------------------------------------
// OS SKU

// checkOSSKUMatchesOSType: Linux SKUs only with os_type Linux, Windows SKUs only with Windows.
func checkOSSKUMatchesOSType(base path.Path, p Pool) diag.Diagnostics {
	if anyUnknown(p.OSSKU, p.OSType) || p.OSSKU.IsNull() {
		return nil
	}
	sku, os := p.OSSKU.ValueString(), osType(p)
	var allowed []string
	switch os {
	case OSTypeLinux:
		allowed = LinuxOSSKUs
	case OSTypeWindows:
		allowed = WindowsOSSKUs
	default:
		return nil // the schema's OneOf reports an unknown os_type
	}
	if slices.Contains(allowed, sku) {
		return nil
	}
	if !slices.Contains(LinuxOSSKUs, sku) && !slices.Contains(WindowsOSSKUs, sku) {
		return nil // not an OS SKU at all: the schema's OneOf reports it
	}
	at := base.AtName("os_sku")
	return diag.Diagnostics{ruleError(at, "OS SKU does not match the OS type",
		explain(fmt.Sprintf("%s = %q is not a %s OS SKU, and os_type is %q.", shown(at), sku, os, os),
			fmt.Sprintf("Linux pools take os_sku %s; Windows pools take %s", strings.Join(LinuxOSSKUs, ", "), strings.Join(WindowsOSSKUs, ", ")),
			sourceAPI+", osSKU",
			fmt.Sprintf("set %s to one of %s, or change os_type.", shown(at), strings.Join(allowed, ", "))))}
}

// windows2019Gone is the first Kubernetes version without Windows Server 2019 node pools.
var windows2019Gone = MustParseVersion("1.33")

// checkWindowsOSSKUVersion: Windows Server 2019 node pools are not supported
// from Kubernetes 1.33. from names where the version came from, for the message.
func checkWindowsOSSKUVersion(base path.Path, p Pool, v Version, from string) diag.Diagnostics {
	if anyUnknown(p.OSSKU) || stringOr(p.OSSKU, "") != OSSKUWindows2019 || v.Less(windows2019Gone) {
		return nil
	}
	at := base.AtName("os_sku")
	return diag.Diagnostics{ruleError(at, "Windows Server 2019 is not supported on this Kubernetes version",
		explain(fmt.Sprintf("%s = %q with Kubernetes %s (%s).", shown(at), OSSKUWindows2019, v, from),
			"Windows Server 2019 node pools are not supported on Kubernetes 1.33 and later (Windows Server 2019 is retired on AKS)",
			sourceWindowsFAQ+"; "+sourceWindowsOSSKUChange,
			fmt.Sprintf(`use os_sku = %q, or Kubernetes 1.32 or earlier.`, OSSKUWindows2022)))}
}

// ---------------------------------------------------------------------------
// System pools

// checkSystemPool: System pools are Linux, have at least one node, and are not Spot.
func checkSystemPool(base path.Path, p Pool) diag.Diagnostics {
	if anyUnknown(p.Mode) || mode(p) != ModeSystem {
		return nil
	}
	var diags diag.Diagnostics
	if !anyUnknown(p.OSType) && osType(p) == OSTypeWindows {
		at := base.AtName("os_type")
		diags.Append(ruleError(at, "System node pools must run Linux",
			explain(fmt.Sprintf(`%s = %q on a pool with mode = "System".`, shown(at), OSTypeWindows),
				"system node pools host critical system pods and must use Linux; a cluster can't have only Windows pools",
				sourceSystemPools,
				fmt.Sprintf(`set mode = "User" for this Windows pool, or %s = "Linux".`, shown(at)))))
	}
	for _, field := range []struct {
		name  string
		value types.Int64
	}{{"node_count", p.NodeCount}, {"min_count", p.MinCount}} {
		if isSet(field.value) && field.value.ValueInt64() < 1 {
			at := base.AtName(field.name)
			diags.Append(ruleError(at, "System node pools need at least one node",
				explain(fmt.Sprintf(`%s = %d on a pool with mode = "System".`, shown(at), field.value.ValueInt64()),
					"system pools must contain at least one node; user node pools may contain zero or more nodes",
					sourceGuide,
					fmt.Sprintf(`set %s to 1 or more (3 is recommended for production), or mode = "User".`, shown(at)))))
		}
	}
	if !anyUnknown(p.Priority) && priority(p) == PrioritySpot {
		at := base.AtName("priority")
		diags.Append(ruleError(at, "System node pools can't use Spot VMs",
			explain(fmt.Sprintf(`%s = %q on a pool with mode = "System".`, shown(at), PrioritySpot),
				"Spot node pools can only be user node pools, because Spot VMs can be evicted at any time",
				sourceSpot,
				fmt.Sprintf(`set mode = "User" for this Spot pool, or remove %s.`, shown(at)))))
	}
	return diags
}

// ---------------------------------------------------------------------------
// Autoscaler

// checkAutoscaler: min_count and max_count come together and only with
// auto_scaling_enabled = true; min_count ≤ max_count; a node_count set with
// the autoscaler lies within them.
func checkAutoscaler(base path.Path, p Pool) diag.Diagnostics {
	if anyUnknown(p.AutoScalingEnabled) {
		return nil
	}
	enabled := isTrue(p.AutoScalingEnabled)
	var diags diag.Diagnostics
	if !enabled {
		for _, field := range []struct {
			name  string
			value types.Int64
		}{{"min_count", p.MinCount}, {"max_count", p.MaxCount}} {
			if field.value.IsNull() {
				continue
			}
			at := base.AtName(field.name)
			diags.Append(ruleError(at, "Autoscaler limits without the autoscaler",
				explain(fmt.Sprintf("%s is set but auto_scaling_enabled is not true.", shown(at)),
					"min_count and max_count are the cluster autoscaler's limits and are only accepted when the autoscaler is enabled",
					sourceAutoscaler,
					fmt.Sprintf("set auto_scaling_enabled = true, or remove %s and size the pool with node_count.", shown(at)))))
		}
		return diags
	}
	for _, field := range []struct {
		name  string
		value types.Int64
	}{{"min_count", p.MinCount}, {"max_count", p.MaxCount}} {
		if field.value.IsNull() {
			at := base.AtName(field.name)
			diags.Append(ruleError(at, "Autoscaler needs min_count and max_count",
				explain(fmt.Sprintf("auto_scaling_enabled = true but %s is not set.", shown(at)),
					"the cluster autoscaler needs both a minimum and a maximum node count",
					sourceAutoscaler,
					"set both min_count and max_count, for example min_count = 1 and max_count = 5.")))
		}
	}
	if !isSet(p.MinCount) || !isSet(p.MaxCount) {
		return diags
	}
	minCount, maxCount := p.MinCount.ValueInt64(), p.MaxCount.ValueInt64()
	if minCount > maxCount {
		at := base.AtName("min_count")
		diags.Append(ruleError(at, "Autoscaler minimum above maximum",
			explain(fmt.Sprintf("%s = %d is greater than max_count = %d.", shown(at), minCount, maxCount),
				"the autoscaler's minimum node count must be less than or equal to its maximum",
				sourceAutoscaler,
				"lower min_count or raise max_count.")))
		return diags
	}
	if isSet(p.NodeCount) {
		count := p.NodeCount.ValueInt64()
		if count < minCount || count > maxCount {
			at := base.AtName("node_count")
			diags.Append(ruleError(at, "Node count outside the autoscaler's limits",
				explain(fmt.Sprintf("%s = %d is outside min_count = %d and max_count = %d.", shown(at), count, minCount, maxCount),
					"with the autoscaler enabled, the initial node count must lie between min_count and max_count",
					sourceAutoscaler,
					fmt.Sprintf("set %s between %d and %d, or remove it to start at min_count.", shown(at), minCount, maxCount))))
		}
	}
	return diags
}

// ---------------------------------------------------------------------------
// Spot

// checkSpotOnlyArguments: eviction_policy and spot_max_price only with priority = "Spot".
func checkSpotOnlyArguments(base path.Path, p Pool) diag.Diagnostics {
	if anyUnknown(p.Priority) || priority(p) == PrioritySpot {
		return nil
	}
	var diags diag.Diagnostics
	for _, field := range []struct {
		name string
		set  bool
	}{{"eviction_policy", !p.EvictionPolicy.IsNull()}, {"spot_max_price", !p.SpotMaxPrice.IsNull()}} {
		if !field.set {
			continue
		}
		at := base.AtName(field.name)
		diags.Append(ruleError(at, "Spot-only argument on a non-Spot pool",
			explain(fmt.Sprintf("%s is set but priority is %q.", shown(at), priority(p)),
				"eviction_policy and spot_max_price only apply to Spot node pools",
				sourceSpot,
				fmt.Sprintf(`set priority = "Spot", or remove %s.`, shown(at)))))
	}
	return diags
}

// ---------------------------------------------------------------------------
// Subnets

// checkPodSubnetVNet: pod_subnet_id lies in the same virtual network as vnet_subnet_id.
func checkPodSubnetVNet(base path.Path, p Pool) diag.Diagnostics {
	if !isSet(p.PodSubnetID) || !isSet(p.VnetSubnetID) {
		return nil
	}
	podVNet, ok1 := VirtualNetworkOf(p.PodSubnetID.ValueString())
	nodeVNet, ok2 := VirtualNetworkOf(p.VnetSubnetID.ValueString())
	if !ok1 || !ok2 || podVNet == nodeVNet { // bad IDs are SubnetID's to report
		return nil
	}
	at := base.AtName("pod_subnet_id")
	return diag.Diagnostics{ruleError(at, "Pod subnet in another virtual network",
		explain(fmt.Sprintf("%s is in virtual network %s, but vnet_subnet_id is in %s.", shown(at), vnetName(p.PodSubnetID.ValueString()), vnetName(p.VnetSubnetID.ValueString())),
			"all subnets assigned to node pools, pod subnets included, must belong to the same virtual network",
			sourceGuideSubnets,
			fmt.Sprintf("choose a pod subnet in %s.", vnetName(p.VnetSubnetID.ValueString()))))}
}

// vnetName is "resource-group/vnet" for messages.
func vnetName(subnetID string) string {
	id, ok := VirtualNetworkOf(subnetID)
	if !ok {
		return subnetID
	}
	// Keep the user's spelling: cut the same span out of the original.
	original := subnetID[:len(id)]
	parts := strings.Split(original, "/")
	if len(parts) >= 9 {
		return parts[4] + "/" + parts[8]
	}
	return original
}

// ---------------------------------------------------------------------------
// VM size and OS disk

// lookupVMSize finds the configured vm_size. An unknown size is a warning:
// AKS may know sizes the catalogue doesn't.
func lookupVMSize(ctx context.Context, base path.Path, p Pool, sizes *vmsizes.Catalogue, location string) (vmsizes.Size, bool, diag.Diagnostics) {
	if !isSet(p.VMSize) {
		return vmsizes.Size{}, false, nil
	}
	name := p.VMSize.ValueString()
	if size, ok := sizes.Lookup(ctx, location, name); ok {
		return size, true, nil
	}
	at := base.AtName("vm_size")
	where := "the provider's embedded VM size catalogue"
	if sizes.HasLister() && location != "" {
		where += fmt.Sprintf(" nor the sizes the Compute Resource SKUs API lists in %s", location)
		if err := sizes.LiveError(ctx, location); err != nil {
			where += fmt.Sprintf(" (the live list could not be fetched: %s)", err)
		}
	}
	return vmsizes.Size{}, false, diag.Diagnostics{ruleWarning(at, "Unknown VM size",
		explain(fmt.Sprintf("%s = %q is in neither %s, so the rules that depend on the VM size (CPU architecture, ephemeral OS disk, temporary disk, host encryption) were not checked.", shown(at), name, where),
			"AKS accepts the VM sizes the Compute platform offers in the cluster's location",
			"the Compute Resource SKUs API",
			`check the spelling against "az vm list-skus --location <location> --resource-type virtualMachines"; if the size is new, AKS checks it at apply.`))}
}

// checkOSDiskSizeRange: os_disk_size_gb between 30 (the smallest AKS image) and 2048 (the API's maximum).
func checkOSDiskSizeRange(base path.Path, p Pool) diag.Diagnostics {
	if !isSet(p.OSDiskSizeGB) {
		return nil
	}
	gb := p.OSDiskSizeGB.ValueInt64()
	at := base.AtName("os_disk_size_gb")
	switch {
	case gb < MinOSDiskSizeGB:
		return diag.Diagnostics{ruleError(at, "OS disk smaller than the AKS image",
			explain(fmt.Sprintf("%s = %d.", shown(at), gb),
				"the minimum size for AKS images is 30 GB, for managed and ephemeral OS disks alike",
				sourceGuideEphemeral,
				fmt.Sprintf("set %s to 30 or more, or remove it to use AKS's default.", shown(at))))}
	case gb > MaxOSDiskSizeGB:
		return diag.Diagnostics{ruleError(at, "OS disk larger than AKS allows",
			explain(fmt.Sprintf("%s = %d.", shown(at), gb),
				"osDiskSizeGB is at most 2048",
				sourceAPI+", osDiskSizeGB",
				fmt.Sprintf("set %s to 2048 or less.", shown(at))))}
	}
	return nil
}

// checkArm64: ARM64 VM sizes are not supported for Windows node pools.
func checkArm64(base path.Path, p Pool, size vmsizes.Size) diag.Diagnostics {
	if !size.IsArm64() || anyUnknown(p.OSType) || osType(p) != OSTypeWindows {
		return nil
	}
	at := base.AtName("vm_size")
	return diag.Diagnostics{ruleError(at, "ARM64 VM sizes don't run Windows node pools",
		explain(fmt.Sprintf("%s = %q is an Arm64 size, and os_type is %q.", shown(at), size.Name, OSTypeWindows),
			"Arm64 VM sizes are not supported for Windows node pools",
			sourceArm64Docs,
			`pick an x64 size for this Windows pool, such as "Standard_D4s_v3", or use os_type = "Linux".`))}
}

// fips31 is the first Kubernetes version on which FIPS works with Arm64 (Azure Linux only).
var fips31 = MustParseVersion("1.31")

// checkArm64FIPS: ARM64 sizes with fips_enabled are refused (the guide),
// except on Azure Linux (os_sku AzureLinux or AzureLinux3) with Kubernetes
// 1.31 or later (the FIPS docs' newer exception). The version is
// orchestrator_version, or running (the version the pool runs, described by
// runningFrom) when that is unset; with neither, the version part waits for
// CheckPoolInCluster.
func checkArm64FIPS(base path.Path, p Pool, size vmsizes.Size, running *Version, runningFrom string) diag.Diagnostics {
	if !size.IsArm64() || anyUnknown(p.FIPSEnabled, p.OSSKU) || !isTrue(p.FIPSEnabled) {
		return nil
	}
	if anyUnknown(p.OSType) || osType(p) != OSTypeLinux {
		return nil // Windows on Arm64 is checkArm64's
	}
	at := base.AtName("fips_enabled")
	sku := stringOr(p.OSSKU, OSSKUUbuntu)
	rule := "FIPS-enabled node pools aren't supported with ARM64 VM sizes; the one exception is Azure Linux (os_sku AzureLinux or AzureLinux3) on Kubernetes 1.31 or later"
	source := sourceGuideArm64 + "; " + sourceFIPSDocs
	if !slices.Contains(AzureLinuxOSSKUs, sku) {
		return diag.Diagnostics{ruleError(at, "FIPS is not supported on ARM64 with this OS SKU",
			explain(fmt.Sprintf(`%s = true with the Arm64 size %q and os_sku %q.`, shown(at), size.Name, sku),
				rule, source,
				fmt.Sprintf(`use os_sku = %q with Kubernetes 1.31 or later, an x64 VM size, or %s = false.`, OSSKUAzureLinux3, shown(at))))}
	}
	if anyUnknown(p.OrchestratorVersion) {
		return nil
	}
	v, ok := configuredVersion(p)
	from := "orchestrator_version"
	if !ok {
		if running == nil {
			return nil
		}
		v, from = *running, runningFrom
	}
	if v.Less(fips31) {
		return diag.Diagnostics{ruleError(at, "FIPS on ARM64 needs Kubernetes 1.31 or later",
			explain(fmt.Sprintf(`%s = true with the Arm64 size %q, os_sku %q and Kubernetes %s (%s).`, shown(at), size.Name, sku, v, from),
				rule, source,
				fmt.Sprintf(`use Kubernetes 1.31 or later, an x64 VM size, or %s = false.`, shown(at))))}
	}
	return nil
}

// checkHostEncryption: host_encryption_enabled needs a size that supports encryption at host.
func checkHostEncryption(base path.Path, p Pool, size vmsizes.Size) diag.Diagnostics {
	if !isTrue(p.HostEncryptionEnabled) || size.EncryptionAtHost != vmsizes.No {
		return nil
	}
	at := base.AtName("host_encryption_enabled")
	return diag.Diagnostics{ruleError(at, "VM size does not support encryption at host",
		explain(fmt.Sprintf("%s = true, but %s does not support encryption at host, according to %s.", shown(at), size.Name, size.Source),
			"host-based encryption needs a VM size that supports encryption at host",
			sourceHostEncryption,
			fmt.Sprintf("pick a VM size that supports it, or %s = false.", shown(at))))}
}
