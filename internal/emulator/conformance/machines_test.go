package conformance_test

import (
	"net/http"
)

// The machines replay lives here, beside the rest of examples_test.go's replays, because the
// emulator started serving deleteMachines and the machines API after that table was written.
func init() {
	replays["AgentPoolsDeleteMachines.json"] = func(r *replay) {
		r.prerequisiteCluster("")
		r.prerequisitePool("agentpool1", userPool(3))
		// The example's machine names belong to Microsoft's cluster; this one's are listed first.
		listed := array(r.t, object(r.t, r.read(r.poolPath("agentpool1")+"/machines"))["value"])
		if len(listed) != 3 {
			r.t.Fatalf("a 3-node pool lists %d machines", len(listed))
		}
		names := []any{text(r.t, object(r.t, listed[0])["name"]), text(r.t, object(r.t, listed[1])["name"])}
		first, _, err := r.e.callLRO(r.t, http.MethodPost, r.poolPath("agentpool1")+"/deleteMachines", r.api, map[string]any{"machineNames": names})
		if err != nil {
			r.t.Fatal(err)
		}
		r.wantStatus(first, http.StatusAccepted)
		if first.header.Get("Location") == "" {
			r.t.Errorf("deleteMachines answered 202 without the example's Location header")
		}
		pool := object(r.t, r.read(r.poolPath("agentpool1")))
		if count := object(r.t, pool["properties"])["count"]; count != float64(1) {
			r.t.Errorf("after deleting 2 of 3 machines the pool's count is %v", count)
		}
	}
}

// read GETs path as a step of a replay, not as the example's answer (whose status it need not have).
func (r *replay) read(path string) any {
	r.t.Helper()
	got := r.e.call(r.t, http.MethodGet, path, r.api, nil, nil)
	if got.status != http.StatusOK {
		r.t.Fatalf("GET %s: %d %s", path, got.status, got.body)
	}
	return got.json(r.t)
}
