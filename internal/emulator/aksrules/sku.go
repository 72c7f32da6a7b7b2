package aksrules

import (
	"slices"
	"strconv"
	"strings"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

// Capability names of the Resource SKUs API the rules read (aks-api.md §3.2).
const (
	capVCPUs                     = "vCPUs"
	capArchitecture              = "CpuArchitectureType"
	capCachedDiskBytes           = "CachedDiskBytes"
	capMaxResourceVolumeMB       = "MaxResourceVolumeMB"
	capNvmeDiskSizeInMiB         = "NvmeDiskSizeInMiB"
	capEphemeralSupported        = "EphemeralOSDiskSupported"
	capEphemeralPlacements       = "SupportedEphemeralOSDiskPlacements"
	placementNvmeDisk            = "NvmeDisk"
	architectureArm64            = "Arm64"
	capabilityValueFalse         = "False"
	mebibyte               int64 = 1 << 20
	gibibyte               int64 = 1 << 30
)

// lookupSKU finds a VM size offered in the world's location. A size with a
// Location restriction for that location is not offered, as the Resource SKUs
// API consumers (and AKS) read it.
func lookupSKU(w World, name string) (skudata.SKU, bool) {
	if name == "" {
		return skudata.SKU{}, false
	}
	var sku skudata.SKU
	var ok bool
	if w.SKU != nil {
		sku, ok = w.SKU(name)
	} else {
		sku, ok = skudata.Lookup(name)
	}
	if !ok || restrictedIn(sku, w.Location) {
		return skudata.SKU{}, false
	}
	return sku, true
}

func restrictedIn(sku skudata.SKU, location string) bool {
	loc := skudata.NormalizeLocation(location)
	for _, r := range sku.Restrictions {
		if !strings.EqualFold(r.Type, "Location") {
			continue
		}
		for _, v := range r.Values {
			if skudata.NormalizeLocation(v) == loc {
				return true
			}
		}
	}
	return false
}

// availableSizeNames lists the sizes offered in the world's location, for the
// "sizes available in the current region" message.
func availableSizeNames(w World) []string {
	all, err := skudata.ForLocation(w.Location)
	if err != nil {
		return nil
	}
	names := make([]string, 0, len(all))
	for _, s := range all {
		if _, ok := lookupSKU(w, s.Name); ok {
			names = append(names, s.Name)
		}
	}
	slices.Sort(names)
	return names
}

// capabilityUnknown reports whether the SKU's source leaves a capability
// unsettled: such a capability must not be read as absent.
func capabilityUnknown(sku skudata.SKU, name string) bool {
	return slices.ContainsFunc(sku.Unknown, func(u string) bool { return strings.EqualFold(u, name) })
}

// capabilityInt reads an integer capability; ok is false when it is absent,
// unknown or not a number.
func capabilityInt(sku skudata.SKU, name string) (int64, bool) {
	if capabilityUnknown(sku, name) {
		return 0, false
	}
	v, present := sku.Capability(name)
	if !present {
		return 0, false
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil {
		// MemoryGB-style decimals don't apply to the integer capabilities the
		// rules read; a malformed value is treated as unknown.
		return 0, false
	}
	return n, true
}

func vCPUs(sku skudata.SKU) int64 {
	n, _ := capabilityInt(sku, capVCPUs)
	return n
}

func isArm64(sku skudata.SKU) bool {
	v, _ := sku.Capability(capArchitecture)
	return strings.EqualFold(v, architectureArm64)
}
