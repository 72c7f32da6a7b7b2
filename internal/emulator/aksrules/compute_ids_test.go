package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func TestCheckPlacementIDs(t *testing.T) {
	for _, tc := range []struct {
		name   string
		edit   func(*poolProperties)
		substr string
	}{
		{"crg", func(p *poolProperties) { p.CapacityReservationGroupID = to(placeCRG) }, ""},
		// The spelling of Microsoft's AgentPoolsCreate_CRG.json.
		{"crg example spelling", func(p *poolProperties) {
			p.CapacityReservationGroupID = to("/subscriptions/" + testSub + "/resourcegroups/rg1/providers/Microsoft.Compute/CapacityReservationGroups/crg1")
		}, ""},
		{"host group", func(p *poolProperties) { p.HostGroupID = to(placeHostGroup) }, ""},
		{"ppg", func(p *poolProperties) { p.ProximityPlacementGroupID = to(placePPG) }, ""},
		{"snapshot", func(p *poolProperties) {
			p.CreationData = &armcontainerservice.CreationData{SourceResourceID: to(placeSnapshot)}
		}, ""},
		{"crg of another type", func(p *poolProperties) { p.CapacityReservationGroupID = to(placeHostGroup) }, "capacityReservationGroupID"},
		{"host group name only", func(p *poolProperties) { p.HostGroupID = to("hostgroup1") }, "'hostgroup1' is not a valid Microsoft.Compute/hostGroups resource ID"},
		{"ppg of another type", func(p *poolProperties) { p.ProximityPlacementGroupID = to(placeCRG) }, "proximityPlacementGroupID"},
		{"disk snapshot", func(p *poolProperties) {
			p.CreationData = &armcontainerservice.CreationData{SourceResourceID: to("/subscriptions/" + testSub + "/resourceGroups/rg/providers/Microsoft.Compute/snapshots/disk1")}
		}, "creationData.sourceResourceId"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &poolProperties{}
			tc.edit(p)
			code := ""
			if tc.substr != "" {
				code = codeInvalidParameter
			}
			wantError(t, checkPlacementIDs(testWorld(), "userpool", p), code, tc.substr)
		})
	}
}

func TestCheckProximityPlacementZones(t *testing.T) {
	zones := func(z ...string) []*string {
		var out []*string
		for _, v := range z {
			out = append(out, to(v))
		}
		return out
	}
	wantError(t, checkProximityPlacementZones(testWorld(), "p", &poolProperties{ProximityPlacementGroupID: to(placePPG), AvailabilityZones: zones("1")}), "", "")
	wantError(t, checkProximityPlacementZones(testWorld(), "p", &poolProperties{AvailabilityZones: zones("1", "2")}), "", "")
	wantError(t, checkProximityPlacementZones(testWorld(), "p", &poolProperties{ProximityPlacementGroupID: to(placePPG), AvailabilityZones: zones("1", "2")}),
		codeInvalidParameter, "only one availability zone")
}
