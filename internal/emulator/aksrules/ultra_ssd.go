package aksrules

import (
	"slices"
	"sort"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

// codeEnableUltraSSD is AKS's code for Ultra SSD settings it refuses (seen with "Availability
// zone is required for UltraSSD setting." in kubernetes-sigs/cluster-api-provider-azure#2163).
const codeEnableUltraSSD = "ErrorCodeEnableUltraSSD"

// ultraSSDZones are the zones of the location whose zone details say UltraSSDAvailable=True;
// settled is false when the SKU's source did not record zone details.
func ultraSSDZones(sku skudata.SKU, location string) (zones []string, settled bool) {
	if capabilityUnknown(sku, skudata.UnknownZoneDetails) {
		return nil, false
	}
	loc := skudata.NormalizeLocation(location)
	for _, li := range sku.LocationInfo {
		if skudata.NormalizeLocation(li.Location) != loc {
			continue
		}
		for _, d := range li.ZoneDetails {
			if !slices.ContainsFunc(d.Capabilities, func(c skudata.Capability) bool {
				return strings.EqualFold(c.Name, capUltraSSDAvailable) && strings.EqualFold(c.Value, capabilityValueTrue)
			}) {
				continue
			}
			zones = append(zones, d.Name...)
		}
	}
	sort.Strings(zones)
	return zones, true
}

// checkUltraSSDZones: "Azure Ultra Disks require node pools deployed in availability zones and
// regions that support these disks" (use-ultra-disks.md): every zone of the pool must offer
// Ultra disks for the size (Resource SKUs zoneDetails). AKS has also answered "Availability zone
// is required for UltraSSD setting." for a pool without zones; the emulator does not refuse that
// one, because Microsoft's AgentPoolsCreate_EnableUltraSSD example (no zones) must replay.
// The code is AKS's; the text for zones is unverified.
func checkUltraSSDZones(w World, sku skudata.SKU, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if p.EnableUltraSSD == nil || !*p.EnableUltraSSD || len(p.AvailabilityZones) == 0 {
		return nil
	}
	offeredZones, settled := ultraSSDZones(sku, w.Location)
	if !settled || len(offeredZones) == 0 {
		// No zone details at all: the catalogue may lack them (the captured SKUs do), so the
		// size is not refused for it.
		return nil
	}
	for _, z := range p.AvailabilityZones {
		if z != nil && !slices.Contains(offeredZones, *z) {
			return badRequest(codeEnableUltraSSD, "enableUltraSSD",
				"UltraSSD is not supported for VM size %s in availability zone %s of location %s.", sku.Name, *z, w.Location)
		}
	}
	return nil
}
