package rules

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// PoolPlacement is the placement subject of a pool: where its VMs come from (capacity
// reservation, dedicated hosts, proximity placement, a node pool snapshot) and how it scales,
// boots and gets pod IPs. Null means unset.
type PoolPlacement struct {
	CapacityReservationGroupID types.String
	HostGroupID                types.String
	ProximityPlacementGroupID  types.String
	SnapshotID                 types.String
	MessageOfTheDay            types.String // plain text, as configured
	ScaleDownMode              types.String // null: Delete
	PodIPAllocationMode        types.String // null: DynamicIndividual
	Zones                      types.Set    // the pool's availability zones (zones)
}

// checkPlacement runs the placement rules that need no live cluster.
func checkPlacement(_ context.Context, base path.Path, p Pool, size *vmsizes.Size) diag.Diagnostics {
	var diags diag.Diagnostics
	diags.Append(checkProximityPlacementZones(base, p)...)
	diags.Append(checkMessageOfTheDayLinux(base, p)...)
	diags.Append(checkScaleDownModeOSDisk(base, p, size)...)
	diags.Append(checkPodIPAllocationSubnet(base, p)...)
	diags.Append(checkStaticBlockVersion(base, p)...)
	return diags
}

// checkPlacementInCluster runs the placement rules that need the cluster's other pools.
func checkPlacementInCluster(_ context.Context, base path.Path, p Pool, current *ExistingPool, c Cluster, _ *vmsizes.Size) diag.Diagnostics {
	var diags diag.Diagnostics
	diags.Append(checkPodIPAllocationSubnetShared(base, p, otherPools(p, current, c))...)
	diags.Append(checkStaticBlockRunningVersion(base, p, current, c)...)
	return diags
}
