package rules

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Resource types of the placement IDs a pool takes (REST API 2025-10-01: capacityReservationGroupID,
// hostGroupID, proximityPlacementGroupID, creationData.sourceResourceId). ARM compares types ignoring
// case: Microsoft's own examples write "resourcegroups" and "CapacityReservationGroups".
const (
	CapacityReservationGroupResourceType = "Microsoft.Compute/capacityReservationGroups"
	HostGroupResourceType                = "Microsoft.Compute/hostGroups"
	ProximityPlacementGroupResourceType  = "Microsoft.Compute/proximityPlacementGroups"
	SnapshotResourceType                 = "Microsoft.ContainerService/snapshots"
)

const (
	sourceCRG = `the AKS docs "Use capacity reservation groups with AKS" (https://learn.microsoft.com/azure/aks/use-capacity-reservation-groups)`
	sourceADH = `the AKS docs "Add Azure Dedicated Host to an AKS cluster" (https://learn.microsoft.com/azure/aks/use-azure-dedicated-hosts)`
	sourcePPG = `the AKS docs "Use proximity placement groups to reduce latency for AKS clusters", Limitations (https://learn.microsoft.com/azure/aks/reduce-latency-ppg)`
)

// CapacityReservationGroupID validates capacity_reservation_group_id.
func CapacityReservationGroupID() validator.String {
	return ResourceIDOfType(CapacityReservationGroupResourceType,
		"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.Compute/capacityReservationGroups/crg1")
}

// HostGroupID validates host_group_id.
func HostGroupID() validator.String {
	return ResourceIDOfType(HostGroupResourceType,
		"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.Compute/hostGroups/hostgroup1")
}

// ProximityPlacementGroupID validates proximity_placement_group_id.
func ProximityPlacementGroupID() validator.String {
	return ResourceIDOfType(ProximityPlacementGroupResourceType,
		"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.Compute/proximityPlacementGroups/ppg1")
}

// SnapshotID validates snapshot_id.
func SnapshotID() validator.String {
	return ResourceIDOfType(SnapshotResourceType,
		"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/snapshots/snapshot1")
}

// checkProximityPlacementZones: "A proximity placement group can map to only one availability
// zone", so a pool in a proximity placement group uses at most one zone (reduce-latency-ppg.md).
func checkProximityPlacementZones(base path.Path, p Pool) diag.Diagnostics {
	n, known := setLen(p.Zones)
	if !isSet(p.ProximityPlacementGroupID) || !known || n <= 1 {
		return nil
	}
	at := base.AtName("proximity_placement_group_id")
	zones := base.AtName("zones")
	return diag.Diagnostics{ruleError(at, "Proximity placement group across several zones",
		explain(fmt.Sprintf("%s is set and %s lists %d availability zones.", shown(at), shown(zones), n),
			"a proximity placement group maps to only one availability zone, so its node pool uses one zone at most",
			sourcePPG,
			fmt.Sprintf("keep one zone in %s (one pool and one proximity placement group per zone), or unset %s.", shown(zones), shown(at))))}
}
