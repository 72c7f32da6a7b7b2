package aksrules

import (
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

const (
	// minOSDiskSizeGB is the smallest OS disk AKS node images fit on
	// (create-node-pools.md: "minimum size for AKS images is 30 GB").
	minOSDiskSizeGB = 30
	// maxOSDiskSizeGB is the SDK's upper bound for osDiskSizeGB.
	maxOSDiskSizeGB = 2048
	// maxEphemeralOSDiskGiB caps an ephemeral OS disk (Compute:
	// "cache, temp or NVMe size or 2,040 GiB, whichever is smaller").
	maxEphemeralOSDiskGiB = 2040
	// minTempSizedEphemeralGiB: since March 2025, with no size requested, an
	// ephemeral OS disk on the temp (or NVMe) disk takes the whole disk when it
	// is at least 128 GiB (concepts-storage.md).
	minTempSizedEphemeralGiB = 128
)

// ephemeralPlacement is where an ephemeral OS disk would live on a VM size.
type ephemeralPlacement struct {
	kind    string // "cache", "temporary disk" or "NVMe disk": the message wording
	article string // "a" or "an", before kind
	bytes   int64
}

// ephemeralSupport is what a VM size's SKU says about ephemeral OS disks.
type ephemeralSupport struct {
	// refused is true only when the SKU says EphemeralOSDiskSupported False.
	refused bool
	// placement is nil when the capacity is unknown (the SKU's source leaves
	// the deciding capability unsettled): no limit is invented then.
	placement *ephemeralPlacement
}

// ephemeralSupportOf follows aks-api.md §3.1: NVMe when NvmeDiskSizeInMiB > 0
// and NvmeDisk is a supported placement; else the cache disk when
// CachedDiskBytes > 0; else the temp disk (MaxResourceVolumeMB, in MiB).
func ephemeralSupportOf(sku skudata.SKU) ephemeralSupport {
	if v, ok := sku.Capability(capEphemeralSupported); ok && !capabilityUnknown(sku, capEphemeralSupported) &&
		strings.EqualFold(v, capabilityValueFalse) {
		return ephemeralSupport{refused: true}
	}
	placements, _ := sku.Capability(capEphemeralPlacements)
	if mib, ok := capabilityInt(sku, capNvmeDiskSizeInMiB); ok && mib > 0 &&
		strings.Contains(strings.ToLower(placements), strings.ToLower(placementNvmeDisk)) {
		return ephemeralSupport{placement: &ephemeralPlacement{kind: "NVMe disk", article: "an", bytes: mib * mebibyte}}
	}
	if capabilityUnknown(sku, capCachedDiskBytes) {
		return ephemeralSupport{}
	}
	if b, ok := capabilityInt(sku, capCachedDiskBytes); ok && b > 0 {
		return ephemeralSupport{placement: &ephemeralPlacement{kind: "cache", article: "a", bytes: b}}
	}
	if capabilityUnknown(sku, capMaxResourceVolumeMB) {
		return ephemeralSupport{}
	}
	mib, _ := capabilityInt(sku, capMaxResourceVolumeMB)
	return ephemeralSupport{placement: &ephemeralPlacement{kind: "temporary disk", article: "a", bytes: mib * mebibyte}}
}

// managedOSDiskDefaultGB is AKS's default OS disk size by vCPU count
// (concepts-storage.md: 1-7 → 128, 8-15 → 256, 16-63 → 512, 64+ → 1024).
func managedOSDiskDefaultGB(vcpus int64) int32 {
	switch {
	case vcpus >= 64:
		return 1024
	case vcpus >= 16:
		return 512
	case vcpus >= 8:
		return 256
	}
	return 128
}

// defaultOSDisk fills osDiskSizeGB and osDiskType as AKS does, deterministically:
//   - with no size requested, the size is the vCPU-based default, except that
//     an ephemeral-capable temp/NVMe disk of at least 128 GiB is used whole
//     (capped at 2040 GiB);
//   - with no type requested, the type is Ephemeral when the size is supported
//     and its known placement holds the size, else Managed. A size whose
//     capacity is unknown defaults to Managed: only a Managed default is sure
//     to be accepted.
//
// An explicitly requested type or size is never changed; validation judges it.
func defaultOSDisk(sku skudata.SKU, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
	support := ephemeralSupportOf(sku)
	usable := !support.refused && support.placement != nil
	wantsManaged := equalFoldPtr(p.OSDiskType, armcontainerservice.OSDiskTypeManaged)
	if deref(p.OSDiskSizeGB) == 0 {
		size := managedOSDiskDefaultGB(vCPUs(sku))
		if usable && !wantsManaged && support.placement.kind != "cache" {
			gib := support.placement.bytes / gibibyte
			if gib >= minTempSizedEphemeralGiB {
				size = int32(min(gib, maxEphemeralOSDiskGiB))
			}
		}
		p.OSDiskSizeGB = to(size)
	}
	if !isSet(p.OSDiskType) {
		diskType := armcontainerservice.OSDiskTypeManaged
		if usable && int64(*p.OSDiskSizeGB)*gibibyte <= support.placement.bytes {
			diskType = armcontainerservice.OSDiskTypeEphemeral
		}
		p.OSDiskType = to(diskType)
	}
}

// checkOSDiskSize: 30 GB ≤ osDiskSizeGB ≤ 2048 when given (0 means default).
// Unverified text and code; the limits are the documented ones.
func checkOSDiskSize(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	size := deref(p.OSDiskSizeGB)
	if size == 0 || (size >= minOSDiskSizeGB && size <= maxOSDiskSizeGB) {
		return nil
	}
	return badRequest(codeInvalidParameter, "osDiskSizeGB",
		"The value of parameter osDiskSizeGB is invalid: %d. The OS disk size must be between %d and %d GB; the minimum size for AKS node images is %d GB.",
		size, minOSDiskSizeGB, maxOSDiskSizeGB, minOSDiskSizeGB)
}

// checkEphemeralOSDisk: an Ephemeral OS disk needs a VM size that supports it
// and whose cache, temp or NVMe disk holds osDiskSizeGB × 2^30 bytes. Sizes
// whose capacity is unknown are accepted.
func checkEphemeralOSDisk(sku skudata.SKU, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !equalFoldPtr(p.OSDiskType, armcontainerservice.OSDiskTypeEphemeral) {
		return nil
	}
	support := ephemeralSupportOf(sku)
	if support.refused {
		// Unverified code: AKS's text is from Azure/AKS#1988.
		return badRequest(codeInvalidParameter, "osDiskType",
			"The Virtual Machine size %s does not support Ephemeral OS disk", sku.Name)
	}
	if support.placement == nil || deref(p.OSDiskSizeGB) == 0 {
		return nil
	}
	required := int64(*p.OSDiskSizeGB) * gibibyte
	if required <= support.placement.bytes {
		return nil
	}
	// The cache wording is AKS's (rancher/rancher#33679); the temp and NVMe
	// variants adapt it to the placement that was measured.
	return badRequest(codeVMCacheSizeTooSmall, "osDiskSizeGB",
		"The virtual machine size %s has %s %s size of %d bytes, but the OS disk requires %d bytes. Use a VM size with larger %s or disable ephemeral OS.",
		sku.Name, support.placement.article, support.placement.kind, support.placement.bytes, required, support.placement.kind)
}
