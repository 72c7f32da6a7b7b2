package conformance_test

import (
	"net/http"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
)

// The agentPools examples name a capacity reservation group, a dedicated
// host group, a proximity placement group or a snapshot by their own
// placeholder IDs (rg1/crg1, rg/hostgroup1, rg1/ppg1, rg1/snapshot1). The
// emulator, as AKS, refuses a pool naming a resource that doesn't exist, so
// the replay creates each one first, under the example's ID.

// computeAPIVersion is the Compute api-version the prerequisites are created with (armcompute v7's).
const computeAPIVersion = "2025-04-01"

// prerequisiteReferences creates what the example's pool request references.
func (r *replay) prerequisiteReferences() {
	r.t.Helper()
	props := object(r.t, object(r.t, r.body())["properties"])
	for _, field := range []string{"capacityReservationGroupID", "hostGroupID", "proximityPlacementGroupID"} {
		if id, ok := props[field].(string); ok && id != "" {
			body := map[string]any{"location": "eastus", "properties": map[string]any{}}
			if field == "hostGroupID" {
				body["properties"] = map[string]any{"platformFaultDomainCount": 1}
			}
			r.putReferenced(id, computeAPIVersion, body)
		}
	}
	if cd, ok := props["creationData"].(map[string]any); ok {
		if id, ok := cd["sourceResourceId"].(string); ok && id != "" {
			r.prerequisiteSnapshot(id, props)
		}
	}
}

// prerequisiteSnapshot takes the snapshot id of a pool like the one the
// example creates from it (its VM size, OS and FIPS).
func (r *replay) prerequisiteSnapshot(id string, pool map[string]any) {
	r.t.Helper()
	source := map[string]any{"mode": "User", "count": 1}
	for _, k := range []string{"vmSize", "osType", "osSKU", "enableFIPS"} {
		if v, ok := pool[k]; ok {
			source[k] = v
		}
	}
	r.prerequisitePool("snapsource", map[string]any{"properties": source})
	r.putReferenced(id, r.api, map[string]any{
		"location":   "eastus",
		"properties": map[string]any{"creationData": map[string]any{"sourceResourceId": r.poolPath("snapsource")}},
	})
}

// putReferenced creates the resource id (and its resource group) with a synchronous PUT.
func (r *replay) putReferenced(id, api string, body any) {
	r.t.Helper()
	rid, err := arm.ParseResourceID(id)
	if err != nil {
		r.t.Fatalf("%s: %v", id, err)
	}
	if !strings.EqualFold(rid.ResourceGroupName, r.param("resourceGroupName")) {
		r.e.createResourceGroup(r.t, rid.ResourceGroupName)
	}
	got := r.e.call(r.t, http.MethodPut, id, api, body, nil)
	if got.status != http.StatusCreated && got.status != http.StatusOK {
		r.t.Fatalf("creating %s: %d %s", id, got.status, got.body)
	}
}
