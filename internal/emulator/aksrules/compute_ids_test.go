package aksrules

import (
	"testing"
)

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
