package bench

import "testing"

func TestCountCalls(t *testing.T) {
	const cluster = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c"
	calls := []Call{
		{Method: "GET", Path: "/metadata/endpoints", Status: 200},                 // cloud metadata: not ARM
		{Method: "POST", Path: "/tenant/oauth2/v2.0/token", Status: 400},          // Entra ID: not ARM, not counted as failed
		{Method: "GET", Path: cluster, Status: 200},                               // read
		{Method: "GET", Path: cluster + "/agentPools/p00", Status: 404},           // read that finds nothing: not failed
		{Method: "HEAD", Path: "/SUBSCRIPTIONS/s/resourcegroups/rg", Status: 204}, // read, ARM in any case
		{Method: "PUT", Path: cluster + "/agentPools/p01", Status: 409},           // write, failed
		{Method: "DELETE", Path: cluster + "/agentPools/p02", Status: 404},        // write answered 404: failed
		{Method: "DELETE", Path: cluster + "/agentPools/p03", Status: 202},        // write
		{Method: "GET", Path: "/subscriptions/s/providers/Microsoft.ContainerService/locations/eastus/operations/1", Status: 500},
	}
	got := CountCalls(calls)
	want := Counts{Reads: 4, Writes: 3, Failed: 3}
	if got != want {
		t.Errorf("CountCalls = %+v, want %+v", got, want)
	}
}

func TestCountCallsEmpty(t *testing.T) {
	if got := CountCalls(nil); got != (Counts{}) {
		t.Errorf("CountCalls(nil) = %+v", got)
	}
}
