package aksrules

import (
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

const testRG = "/subscriptions/" + testSub + "/resourceGroups/rg-aks-demo/providers/"

var (
	testCRG      = testRG + "Microsoft.Compute/capacityReservationGroups/crg1"
	testHostGrp  = testRG + "Microsoft.Compute/hostGroups/hostgroup1"
	testPPG      = testRG + "Microsoft.Compute/proximityPlacementGroups/ppg1"
	testSnapshot = testRG + "Microsoft.ContainerService/snapshots/snapshot1"
	testPrefix   = testRG + "Microsoft.Network/publicIPPrefixes/prefix1"
	testASG      = testRG + "Microsoft.Network/applicationSecurityGroups/asg1"
)

// referenceWorld is testWorld knowing the seeded referenced resources.
func referenceWorld() World {
	w := testWorld()
	known := map[string]string{}
	for _, id := range []string{testCRG, testHostGrp, testPPG, testSnapshot, testPrefix, testASG} {
		rest := id[len(testRG):]
		parts := strings.Split(rest, "/")
		known[strings.ToLower(id)] = parts[0] + "/" + parts[1]
	}
	w.Resource = func(id string) (string, bool) {
		t, ok := known[strings.ToLower(id)]
		return t, ok
	}
	return w
}

func TestCheckPoolReferences(t *testing.T) {
	w := referenceWorld()
	all := func(p *poolProperties) {
		p.CapacityReservationGroupID = to(strings.ToUpper(testCRG)) // IDs are case-insensitive
		p.HostGroupID, p.ProximityPlacementGroupID, p.NodePublicIPPrefixID = to(testHostGrp), to(testPPG), to(testPrefix)
		p.CreationData = &armcontainerservice.CreationData{SourceResourceID: to(testSnapshot)}
		p.NetworkProfile = &armcontainerservice.AgentPoolNetworkProfile{ApplicationSecurityGroups: []*string{to(testASG)}}
	}
	tests := []struct {
		name          string
		edit          func(*poolProperties)
		code, message string
	}{
		{"none", nil, "", ""},
		{"every reference exists", all, "", ""},
		{"missing capacity reservation group", func(p *poolProperties) {
			p.CapacityReservationGroupID = to(testRG + "Microsoft.Compute/capacityReservationGroups/none")
		},
			codeInvalidResourceReference, "referenced by properties.capacityReservationGroupID was not found"},
		{"host group ID naming a capacity reservation group", func(p *poolProperties) { p.HostGroupID = to(testCRG) },
			codeInvalidParameter, "is not a valid resource ID of type Microsoft.Compute/hostGroups"},
		{"proximity placement group ID that isn't an ID", func(p *poolProperties) { p.ProximityPlacementGroupID = to("ppg1") },
			codeInvalidParameter, "properties.proximityPlacementGroupID is not a valid resource ID"},
		{"missing snapshot", func(p *poolProperties) {
			p.CreationData = &armcontainerservice.CreationData{SourceResourceID: to(testRG + "Microsoft.ContainerService/snapshots/none")}
		}, codeInvalidResourceReference, "properties.creationData.sourceResourceId was not found"},
		{"missing prefix", func(p *poolProperties) {
			p.NodePublicIPPrefixID = to(testRG + "Microsoft.Network/publicIPPrefixes/none")
		},
			codeInvalidResourceReference, "properties.nodePublicIPPrefixID was not found"},
		{"second security group missing", func(p *poolProperties) {
			p.NetworkProfile = &armcontainerservice.AgentPoolNetworkProfile{ApplicationSecurityGroups: []*string{to(testASG), to(testRG + "Microsoft.Network/applicationSecurityGroups/none")}}
		}, codeInvalidResourceReference, "properties.networkProfile.applicationSecurityGroups was not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkPoolReferences(w, "user", props(tt.edit)), tt.code, tt.message)
		})
	}
}

func TestCheckChangedPoolReferences(t *testing.T) {
	w := referenceWorld()
	gone := testRG + "Microsoft.Network/applicationSecurityGroups/gone"
	asgs := func(ids ...string) *poolProperties {
		return props(func(p *poolProperties) {
			p.NetworkProfile = &armcontainerservice.AgentPoolNetworkProfile{ApplicationSecurityGroups: to2(ids)}
		})
	}
	// a reference the pool already had is not checked again (it may be gone since)
	wantError(t, checkChangedPoolReferences(w, "user", asgs(gone), asgs(gone, testASG)), "", "")
	// a new one is
	wantError(t, checkChangedPoolReferences(w, "user", asgs(testASG), asgs(testASG, gone)), codeInvalidResourceReference, "was not found")
	// without a view of the resources nothing is checked
	wantError(t, checkPoolReferences(testWorld(), "user", asgs(gone)), "", "")
}

func to2(ids []string) []*string {
	out := make([]*string, len(ids))
	for i := range ids {
		out[i] = to(ids[i])
	}
	return out
}
