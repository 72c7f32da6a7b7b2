package aksrules

import (
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
)

// placementIDs are the pool properties that hold the ARM ID of a resource of one type (REST API
// 2025-10-01). ARM compares types ignoring case: Microsoft's examples write
// "CapacityReservationGroups".
var placementIDs = []struct {
	property     string
	resourceType string
	get          func(p *poolProperties) *string
}{
	{"capacityReservationGroupID", "Microsoft.Compute/capacityReservationGroups", func(p *poolProperties) *string { return p.CapacityReservationGroupID }},
	{"hostGroupID", "Microsoft.Compute/hostGroups", func(p *poolProperties) *string { return p.HostGroupID }},
	{"proximityPlacementGroupID", "Microsoft.Compute/proximityPlacementGroups", func(p *poolProperties) *string { return p.ProximityPlacementGroupID }},
	{"creationData.sourceResourceId", "Microsoft.ContainerService/snapshots", func(p *poolProperties) *string {
		if p.CreationData == nil {
			return nil
		}
		return p.CreationData.SourceResourceID
	}},
}

// checkPlacementIDs: each placement ID must be an ARM resource ID of its type. Whether the
// resource exists is checked with the emulator's resources (the referenced-resource rules).
// Unverified: AKS's code and text; InvalidParameter naming the property is its usual shape for a
// malformed ID.
func checkPlacementIDs(_ World, _ string, p *poolProperties) *Error {
	for _, id := range placementIDs {
		v := id.get(p)
		if v == nil || *v == "" {
			continue
		}
		parsed, err := arm.ParseResourceID(*v)
		if err != nil || parsed.SubscriptionID == "" || parsed.ResourceGroupName == "" ||
			!strings.EqualFold(parsed.ResourceType.String(), id.resourceType) {
			return badRequest(codeInvalidParameter, id.property,
				"The value of parameter %s is invalid: '%s' is not a valid %s resource ID.", id.property, *v, id.resourceType)
		}
	}
	return nil
}

// checkProximityPlacementZones: "A proximity placement group can map to only one availability
// zone" (reduce-latency-ppg.md). Unverified: AKS's code and text.
func checkProximityPlacementZones(_ World, _ string, p *poolProperties) *Error {
	if !isSet(p.ProximityPlacementGroupID) || len(p.AvailabilityZones) <= 1 {
		return nil
	}
	return badRequest(codeInvalidParameter, "proximityPlacementGroupID",
		"An agent pool with a proximity placement group can use only one availability zone; got %d zones.", len(p.AvailabilityZones))
}
