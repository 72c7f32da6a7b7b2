// Package vmsizes is the provider's VM size catalogue: what a VM size offers
// (vCPUs, memory, CPU architecture, local disks, ephemeral OS placement, ...)
// as the rules in internal/rules need it.
//
// Facts come from two places:
//   - embedded: internal/skudata (captured Resource SKUs plus sizes built from
//     Microsoft's VM size documentation), always available;
//   - live: the Compute Resource SKUs API, fetched once per location when the
//     provider is configured, so that sizes newer than the embedded data work.
//
// Live data wins over embedded data for the same size name. The catalogue
// interprets the raw capability strings itself (the emulator does so
// independently), so the provider's rules and the emulator can disagree and
// catch each other's mistakes.
package vmsizes

import (
	"slices"
	"strings"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

// CPU architectures as the Resource SKUs API spells them in CpuArchitectureType.
const (
	ArchitectureX64   = "x64"
	ArchitectureArm64 = "Arm64"
)

// Ephemeral OS disk placements as the Resource SKUs API spells them in
// SupportedEphemeralOSDiskPlacements (and as the Compute API's DiffDiskPlacement does).
const (
	PlacementCacheDisk    = "CacheDisk"
	PlacementResourceDisk = "ResourceDisk"
	PlacementNvmeDisk     = "NvmeDisk"
)

// Capability names of the Resource SKUs API that the catalogue reads.
const (
	capVCPUs            = "vCPUs"
	capMemoryGB         = "MemoryGB"
	capArchitecture     = "CpuArchitectureType"
	capHyperVGens       = "HyperVGenerations"
	capEphemeralOS      = "EphemeralOSDiskSupported"
	capPlacements       = "SupportedEphemeralOSDiskPlacements"
	capCachedDiskBytes  = "CachedDiskBytes"
	capResourceVolumeMB = "MaxResourceVolumeMB"
	capNvmeDiskMiB      = "NvmeDiskSizeInMiB"
	capEncryptionAtHost = "EncryptionAtHostSupported"
)

// GiB is 2^30 bytes. AKS compares an OS disk's size in GB as osDiskSizeGB × 2^30
// bytes (see the VMCacheSizeTooSmall error texts), so "GB" in AKS means GiB.
const GiB int64 = 1 << 30

const mib int64 = 1 << 20

// DefaultOSDiskSizeGB is the OS disk size AKS assumes when deciding whether an
// ephemeral OS disk fits and none is configured: "The default node OS disk
// configuration in AKS uses 128 GB" (the guide, "Node pools with Ephemeral OS disks").
const DefaultOSDiskSizeGB int64 = 128

// MaxEphemeralOSDiskGB is the Compute platform's upper bound for an ephemeral
// OS disk (2,040 GiB), whatever the local disk offers (VM docs, "Ephemeral OS disks").
const MaxEphemeralOSDiskGB int64 = 2040

// Tristate is a yes/no fact that a source may leave unsettled.
type Tristate int8

const (
	// Unknown means the source does not settle the fact: rules must not refuse on it.
	Unknown Tristate = iota
	Yes
	No
)

func (t Tristate) String() string {
	switch t {
	case Yes:
		return "yes"
	case No:
		return "no"
	}
	return "unknown"
}

// Quantity is a figure from the SKU data. Known is false when the source does
// not settle it (the documented sizes carry such gaps), which is not the same as zero.
type Quantity struct {
	Value int64
	Known bool
}

// Size is one VM size as the rules need it.
type Size struct {
	// Name as the source spells it, e.g. "Standard_DS2_v2".
	Name string
	// Family as the API reports it (empty for documented sizes).
	Family string

	VCPUs       Quantity
	MemoryGB    float64
	MemoryKnown bool
	// Architecture is ArchitectureX64, ArchitectureArm64, or "" when unknown.
	Architecture string
	// HyperVGenerations lists "V1" and/or "V2"; empty when unknown.
	HyperVGenerations []string

	// EphemeralOSDisk says whether the size supports ephemeral OS disks at all.
	EphemeralOSDisk Tristate
	// EphemeralPlacements lists the supported placements (CacheDisk, ResourceDisk, NvmeDisk).
	EphemeralPlacements []string
	// CacheBytes is the cache disk (CachedDiskBytes); 0 when the size has none.
	CacheBytes Quantity
	// TempDiskBytes is the temporary (resource) disk (MaxResourceVolumeMB, which is MiB); 0 when none.
	TempDiskBytes Quantity
	// NVMeBytes is the local NVMe storage (NvmeDiskSizeInMiB); 0 when none.
	NVMeBytes Quantity

	// EncryptionAtHost says whether host-based encryption is supported.
	EncryptionAtHost Tristate

	// Hardware facts for GPU, Kata, Ultra SSD, Trusted Launch and capacity
	// reservation rules; hardware.go reads them and explains each.
	Hardware

	// Zones lists the availability zones per (normalised) location, as the source recorded them.
	Zones map[string][]string
	// Restrictions maps a (normalised) location to the reason the size can't be
	// used there by this subscription (e.g. "NotAvailableForSubscription").
	Restrictions map[string]string

	// Live is true when the facts come from the Compute Resource SKUs API.
	Live bool
	// Source says where the facts come from, for messages.
	Source string
}

// IsArm64 reports whether the size has an Arm64 CPU (false when unknown).
func (s Size) IsArm64() bool { return strings.EqualFold(s.Architecture, ArchitectureArm64) }

// SupportsPlacement reports whether the size lists the given ephemeral OS disk placement.
func (s Size) SupportsPlacement(placement string) bool {
	return slices.ContainsFunc(s.EphemeralPlacements, func(p string) bool { return strings.EqualFold(p, placement) })
}

// MaxEphemeralOSDisk returns the largest ephemeral OS disk the size can hold
// and where AKS places it, following the order AKS and the Compute platform
// use (aks-api.md §3.1; Microsoft's Karpenter provider does the same):
//   - NVMe, when the size has NVMe storage and lists the NvmeDisk placement;
//   - else the cache disk, when it has one: "the cache disk space is used when
//     evaluating ephemeral placement instead of temporary storage";
//   - else the temporary (resource) disk.
//
// A size without ephemeral support returns (0, "", true). known is false when
// the data does not settle support or the figure the order lands on.
func (s Size) MaxEphemeralOSDisk() (bytes int64, placement string, known bool) {
	switch s.EphemeralOSDisk {
	case No:
		return 0, "", true
	case Unknown:
		return 0, "", false
	}
	if !s.NVMeBytes.Known {
		return 0, "", false
	}
	if s.NVMeBytes.Value > 0 && s.SupportsPlacement(PlacementNvmeDisk) {
		return s.NVMeBytes.Value, PlacementNvmeDisk, true
	}
	if !s.CacheBytes.Known {
		return 0, "", false
	}
	if s.CacheBytes.Value > 0 {
		return s.CacheBytes.Value, PlacementCacheDisk, true
	}
	if !s.TempDiskBytes.Known {
		return 0, "", false
	}
	return s.TempDiskBytes.Value, PlacementResourceDisk, true
}

// OS disk types as the AKS API spells them.
const (
	OSDiskTypeManaged   = "Managed"
	OSDiskTypeEphemeral = "Ephemeral"
)

// DefaultOSDisk returns the OS disk AKS gives a new pool of this size when the
// configuration leaves the type ("") and/or the size (0) unset, per the AKS
// storage concepts (aks-api.md §3.1):
//   - type: Ephemeral if the size supports it and the requested size (or the
//     128 GB default) fits its ephemeral placement, else Managed;
//   - ephemeral size: the size's local temporary storage when that is at least
//     128 GiB and fits (AKS since March 2025, e.g. Standard_D8ds_v5 → 300), else 128;
//   - managed size by vCPUs: 1-7 → 128, 8-15 → 256, 16-63 → 512, 64+ → 1024.
//
// known is false when the catalogue's facts don't settle the answer.
func (s Size) DefaultOSDisk(requestedType string, requestedSizeGB int64) (diskType string, sizeGB int64, known bool) {
	maxBytes, _, ephemeralKnown := s.MaxEphemeralOSDisk()
	diskType = requestedType
	if diskType == "" {
		if !ephemeralKnown {
			return "", requestedSizeGB, false
		}
		need := requestedSizeGB
		if need == 0 {
			need = DefaultOSDiskSizeGB
		}
		diskType = OSDiskTypeManaged
		if s.EphemeralOSDisk == Yes && need*GiB <= maxBytes {
			diskType = OSDiskTypeEphemeral
		}
	}
	if requestedSizeGB > 0 {
		return diskType, requestedSizeGB, true
	}
	if strings.EqualFold(diskType, OSDiskTypeEphemeral) {
		if !ephemeralKnown {
			return diskType, 0, false
		}
		localTemp := s.TempDiskBytes.Value
		if localTemp == 0 {
			localTemp = s.NVMeBytes.Value
		}
		if localTemp >= DefaultOSDiskSizeGB*GiB && localTemp <= maxBytes {
			return diskType, min(localTemp/GiB, MaxEphemeralOSDiskGB), true
		}
		return diskType, DefaultOSDiskSizeGB, true
	}
	if !s.VCPUs.Known {
		return diskType, 0, false
	}
	switch v := s.VCPUs.Value; {
	case v >= 64:
		return diskType, 1024, true
	case v >= 16:
		return diskType, 512, true
	case v >= 8:
		return diskType, 256, true
	}
	return diskType, 128, true
}

// ZonesIn returns the zones recorded for the location and whether any were recorded.
func (s Size) ZonesIn(location string) ([]string, bool) {
	z, ok := s.Zones[skudata.NormalizeLocation(location)]
	return z, ok
}

// RestrictionIn returns why the size can't be used in the location, or "" when it can.
func (s Size) RestrictionIn(location string) string {
	return s.Restrictions[skudata.NormalizeLocation(location)]
}

// fromSKU interprets one Resource SKU. A capability listed in sku.Unknown is
// treated as unknown. An absent CachedDiskBytes or NvmeDiskSizeInMiB means
// "none" (the API omits them when the size has no such disk); other absent
// figures are unknown.
func fromSKU(sku skudata.SKU, live bool) Size {
	caps := skuCapabilities{sku}
	s := Size{
		Name:                sku.Name,
		Family:              sku.Family,
		VCPUs:               caps.integer(capVCPUs, 1, false),
		HyperVGenerations:   caps.list(capHyperVGens),
		EphemeralOSDisk:     caps.tristate(capEphemeralOS),
		EphemeralPlacements: caps.list(capPlacements),
		CacheBytes:          caps.integer(capCachedDiskBytes, 1, true),
		TempDiskBytes:       caps.integer(capResourceVolumeMB, mib, false),
		NVMeBytes:           caps.integer(capNvmeDiskMiB, mib, true),
		EncryptionAtHost:    caps.tristate(capEncryptionAtHost),
		Architecture:        caps.architecture(),
		Zones:               zonesByLocation(sku.LocationInfo),
		Restrictions:        restrictionsByLocation(sku.Restrictions),
		Live:                live,
		Source:              sku.Source,
	}
	s.MemoryGB, s.MemoryKnown = caps.memoryGB()
	s.Hardware = readHardware(sku, caps)
	if s.Source == "" {
		s.Source = "Compute Resource SKUs API"
	}
	return s
}
