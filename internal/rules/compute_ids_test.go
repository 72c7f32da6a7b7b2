package rules

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestPlacementIDValidators(t *testing.T) {
	sub := "/subscriptions/00000000-0000-0000-0000-000000000000"
	crg := sub + "/resourceGroups/rg-aks-demo/providers/Microsoft.Compute/capacityReservationGroups/crg1"
	hg := sub + "/resourceGroups/rg-aks-demo/providers/Microsoft.Compute/hostGroups/hostgroup1"
	ppg := sub + "/resourceGroups/rg-aks-demo/providers/Microsoft.Compute/proximityPlacementGroups/ppg1"
	snap := sub + "/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/snapshots/snapshot1"
	testStringValidator(t, CapacityReservationGroupID(), "capacity_reservation_group_id", []stringCase{
		{value: crg},
		// Microsoft's example AgentPoolsCreate_CRG.json spells both segments its own way.
		{value: sub + "/resourcegroups/rg1/providers/Microsoft.Compute/CapacityReservationGroups/crg1"},
		{value: hg, wantSummary: "Invalid Microsoft.Compute/capacityReservationGroups ID", contains: []string{"is the ID of a Microsoft.Compute/hostGroups"}},
		{value: crg + "/", wantSummary: "Invalid Microsoft.Compute/capacityReservationGroups ID", contains: []string{"ends with a slash"}},
	})
	testStringValidator(t, HostGroupID(), "host_group_id", []stringCase{
		{value: hg},
		{value: sub + "/resourcegroups/rg/providers/Microsoft.Compute/hostGroups/hostgroup1"},
		{value: hg + "/hosts/host1", wantSummary: "Invalid Microsoft.Compute/hostGroups ID", contains: []string{"Microsoft.Compute/hostGroups/hosts"}},
	})
	testStringValidator(t, ProximityPlacementGroupID(), "proximity_placement_group_id", []stringCase{
		{value: ppg},
		{value: strings.ToLower(ppg)},
		{value: "ppg1", wantSummary: "Invalid Microsoft.Compute/proximityPlacementGroups ID", contains: []string{"not an ARM resource ID"}},
	})
	testStringValidator(t, SnapshotID(), "snapshot_id", []stringCase{
		{value: snap},
		{value: sub + "/resourcegroups/rg1/providers/Microsoft.ContainerService/snapshots/snapshot1"},
		{value: sub + "/resourceGroups/rg/providers/Microsoft.Compute/snapshots/disk1", wantSummary: "Invalid Microsoft.ContainerService/snapshots ID", contains: []string{"Microsoft.Compute/snapshots, not a Microsoft.ContainerService/snapshots"}},
	})
}

func TestCheckProximityPlacementZones(t *testing.T) {
	ppg := str("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.Compute/proximityPlacementGroups/ppg1")
	zones := func(z ...string) types.Set {
		var vals []types.String
		for _, v := range z {
			vals = append(vals, str(v))
		}
		s, _ := types.SetValueFrom(t.Context(), types.StringType, vals)
		return s
	}
	base := path.Empty()
	expectDiags(t, checkProximityPlacementZones(base, with(userPool(), func(p *Pool) { p.ProximityPlacementGroupID = ppg })))
	expectDiags(t, checkProximityPlacementZones(base, with(userPool(), func(p *Pool) { p.ProximityPlacementGroupID = ppg; p.Zones = zones("1") })))
	expectDiags(t, checkProximityPlacementZones(base, with(userPool(), func(p *Pool) { p.Zones = zones("1", "2") })))
	expectDiags(t, checkProximityPlacementZones(base, with(userPool(), func(p *Pool) { p.ProximityPlacementGroupID = ppg; p.Zones = types.SetUnknown(types.StringType) })))
	expectDiags(t, checkProximityPlacementZones(path.Root("default_node_pool"), with(userPool(), func(p *Pool) { p.ProximityPlacementGroupID = ppg; p.Zones = zones("1", "2", "3") })),
		errAt("default_node_pool.proximity_placement_group_id", "Proximity placement group across several zones", "lists 3 availability zones", "keep one zone in default_node_pool.zones"))
}
