package vmsizes

import (
	"slices"
	"sort"
	"strings"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

// Capability names of the Resource SKUs API read for the hardware facts.
const (
	capGPUs                  = "GPUs"
	capUltraSSD              = "UltraSSDAvailable"
	capTrustedLaunchDisabled = "TrustedLaunchDisabled"
	capCapacityReservation   = "CapacityReservationSupported"
	capLowPriority           = "LowPriorityCapable"
)

// GPU instance profiles as the AKS API spells them (agentPool gpuInstanceProfile).
const (
	GPUInstanceProfileMIG1g = "MIG1g"
	GPUInstanceProfileMIG2g = "MIG2g"
	GPUInstanceProfileMIG3g = "MIG3g"
	GPUInstanceProfileMIG4g = "MIG4g"
	GPUInstanceProfileMIG7g = "MIG7g"
)

// Hardware holds what a size offers for GPU, Kata (nested virtualisation),
// Ultra SSD, Trusted Launch, capacity reservation and Spot rules. Every
// Tristate is Unknown where the source doesn't settle it: rules must not
// refuse on Unknown.
type Hardware struct {
	// GPUs is the GPU count (capability GPUs). The API omits GPUs for sizes
	// without one, so an absent capability is a known zero.
	GPUs Quantity
	// GPUModel names the GPU as Microsoft documents it (e.g. "NVIDIA A100");
	// "" when data/documented-features.json doesn't record it.
	GPUModel string

	// MIG says whether the size supports NVIDIA multi-instance GPU, i.e. an
	// AKS gpuInstanceProfile. The Resource SKUs API has no such capability:
	// Yes/No come from documented-features.json (AKS: MIG only on A100, H100
	// and H200 sizes); a size known to have no GPU is No; otherwise Unknown.
	MIG Tristate
	// GPUInstanceProfiles lists the supported profiles (MIG1g ...) when MIG is Yes.
	GPUInstanceProfiles []string

	// NestedVirtualization is the VM size page's "Nested Virtualization"
	// feature support, from documented-features.json; Unknown when not recorded.
	NestedVirtualization Tristate

	// TrustedLaunch says whether the size supports Trusted Launch (secure
	// boot, vTPM): it needs Generation 2 (HyperVGenerations lists V2) and
	// the API marks sizes that can't with TrustedLaunchDisabled=True (an
	// absent TrustedLaunchDisabled on a Gen2 size means supported).
	TrustedLaunch Tristate

	// CapacityReservation is CapacityReservationSupported.
	CapacityReservation Tristate
	// LowPriority is LowPriorityCapable (Spot and low-priority VMs).
	LowPriority Tristate

	// UltraSSDRegional is the top-level UltraSSDAvailable: whether a VM of
	// this size deployed without availability zones can attach Ultra disks.
	// The API lists it only where that is offered, so absent is No (unless
	// the source marks it unknown, as the capture does where it lacks it).
	UltraSSDRegional Tristate
	// UltraSSDZones maps a normalised location to the zones whose
	// locationInfo[].zoneDetails say UltraSSDAvailable=True. A location is
	// present only when the source recorded zone details (the live API always
	// does, so there an empty list means "in no zone"); use UltraSSD.
	UltraSSDZones map[string][]string
}

// And combines two facts that must both hold: No if either is No, Yes if
// both are Yes, else Unknown.
func (t Tristate) And(o Tristate) Tristate {
	switch {
	case t == No || o == No:
		return No
	case t == Yes && o == Yes:
		return Yes
	}
	return Unknown
}

// IsGPU says whether the size has at least one GPU.
func (s Size) IsGPU() Tristate {
	switch {
	case !s.GPUs.Known:
		return Unknown
	case s.GPUs.Value > 0:
		return Yes
	}
	return No
}

// SupportsGPUInstanceProfile says whether AKS accepts the gpuInstanceProfile
// (MIG1g ... MIG7g, case-insensitive) on this size.
func (s Size) SupportsGPUInstanceProfile(profile string) Tristate {
	switch s.MIG {
	case No:
		return No
	case Unknown:
		return Unknown
	}
	if slices.ContainsFunc(s.GPUInstanceProfiles, func(p string) bool { return strings.EqualFold(p, profile) }) {
		return Yes
	}
	return No
}

// SupportsGen2 says whether the size runs Generation 2 VMs (HyperVGenerations lists V2).
func (s Size) SupportsGen2() Tristate {
	if len(s.HyperVGenerations) == 0 {
		return Unknown
	}
	if slices.ContainsFunc(s.HyperVGenerations, func(g string) bool { return strings.EqualFold(g, "V2") }) {
		return Yes
	}
	return No
}

// KataVMIsolation says whether the size can host KataVmIsolation pods: AKS
// Pod Sandboxing needs "a generation 2 VM [that] supports nested
// virtualization" (use-pod-sandboxing.md).
func (s Size) KataVMIsolation() Tristate {
	return s.SupportsGen2().And(s.NestedVirtualization)
}

// UltraSSD says whether a VM of this size can attach Ultra disks in the
// location's zone (zone "1", "2", ...) or, with zone "", when deployed
// without availability zones (the regional capability; Microsoft's "VMs with
// no redundancy options"). Unknown when the source didn't record the zone
// details for the location.
func (s Size) UltraSSD(location, zone string) Tristate {
	zone = strings.TrimSpace(zone)
	if zone == "" {
		return s.UltraSSDRegional
	}
	zones, recorded := s.UltraSSDZones[skudata.NormalizeLocation(location)]
	if !recorded {
		return Unknown
	}
	if slices.Contains(zones, zone) {
		return Yes
	}
	return No
}

// UltraSSDInZones says whether Ultra disks work for a pool spread over the
// zones (every zone must offer them); no zones means a regional pool.
func (s Size) UltraSSDInZones(location string, zones []string) Tristate {
	if len(zones) == 0 {
		return s.UltraSSD(location, "")
	}
	out := Yes
	for _, z := range zones {
		out = out.And(s.UltraSSD(location, z))
	}
	return out
}

// UltraSSDAnyZone says whether at least one zone of the location offers
// Ultra disks for this size (regional support not counted), e.g. to suggest
// zones in a message. Unknown when zone details weren't recorded.
func (s Size) UltraSSDAnyZone(location string) Tristate {
	zones, recorded := s.UltraSSDZones[skudata.NormalizeLocation(location)]
	switch {
	case !recorded:
		return Unknown
	case len(zones) > 0:
		return Yes
	}
	return No
}

// readHardware interprets the hardware capabilities of one SKU, adding the
// documented features (data/documented-features.json) the API doesn't report.
func readHardware(sku skudata.SKU, caps skuCapabilities) Hardware {
	h := Hardware{
		GPUs:                caps.integer(capGPUs, 1, true),
		CapacityReservation: caps.tristate(capCapacityReservation),
		LowPriority:         caps.tristate(capLowPriority),
		UltraSSDRegional:    caps.tristateAbsentNo(capUltraSSD),
		UltraSSDZones:       ultraSSDZones(sku, caps),
	}
	features := sku.Features
	if features == nil {
		if f, ok := skudata.FeaturesFor(sku.Name); ok {
			features = &f
		}
	}
	if features != nil {
		h.GPUModel = features.GPUModel
		if features.NestedVirtualization != nil {
			h.NestedVirtualization = No
			if *features.NestedVirtualization {
				h.NestedVirtualization = Yes
			}
		}
	}
	h.MIG, h.GPUInstanceProfiles = migOf(features, h.GPUs)
	h.TrustedLaunch = trustedLaunchOf(caps, caps.list(capHyperVGens))
	return h
}

// migOf settles MIG support: documented profiles win; a size without GPUs has none.
func migOf(features *skudata.Features, gpus Quantity) (Tristate, []string) {
	if features != nil && features.GPUInstanceProfiles != nil {
		if len(features.GPUInstanceProfiles) == 0 {
			return No, nil
		}
		return Yes, slices.Clone(features.GPUInstanceProfiles)
	}
	if gpus.Known && gpus.Value == 0 {
		return No, nil
	}
	return Unknown, nil
}

// trustedLaunchOf follows Microsoft's "How can I find VM sizes that support
// Trusted Launch?": Generation 2 and no TrustedLaunchDisabled=True.
func trustedLaunchOf(caps skuCapabilities, generations []string) Tristate {
	gen2 := Size{HyperVGenerations: generations}.SupportsGen2()
	if gen2 == No {
		return No
	}
	if caps.unknown(capTrustedLaunchDisabled) {
		return Unknown
	}
	v, ok := caps.capability(capTrustedLaunchDisabled)
	switch {
	case !ok, strings.EqualFold(v, "False"):
		return gen2
	case strings.EqualFold(v, "True"):
		return No
	}
	return Unknown
}

// ultraSSDZones collects, per location, the zones whose zone details say
// UltraSSDAvailable=True; nil when the source didn't record zone details.
func ultraSSDZones(sku skudata.SKU, caps skuCapabilities) map[string][]string {
	if caps.unknown(skudata.UnknownZoneDetails) {
		return nil
	}
	out := map[string][]string{}
	for _, li := range sku.LocationInfo {
		loc := skudata.NormalizeLocation(li.Location)
		zones := out[loc]
		if zones == nil {
			zones = []string{}
		}
		for _, d := range li.ZoneDetails {
			if !zoneDetailsOffer(d, capUltraSSD) {
				continue
			}
			for _, z := range d.Name {
				if !slices.Contains(zones, z) {
					zones = append(zones, z)
				}
			}
		}
		sort.Strings(zones)
		out[loc] = zones
	}
	return out
}

// zoneDetailsOffer reports whether the zone details list the capability as "True".
func zoneDetailsOffer(d skudata.ZoneDetails, name string) bool {
	return slices.ContainsFunc(d.Capabilities, func(c skudata.Capability) bool {
		return strings.EqualFold(c.Name, name) && strings.EqualFold(strings.TrimSpace(c.Value), "True")
	})
}
