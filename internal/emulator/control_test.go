package emulator

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

func TestControlAPIFaultsLatencyStateReset(t *testing.T) {
	s, f := startWithCluster(t)

	status, _, body := rawRequest(t, s, nil, http.MethodPost, "/_emulator/faults", `[{"method":"GET","path":"/managedClusters/demo$","status":409,"code":"Conflict","message":"held"}]`, nil)
	if status != 201 {
		t.Fatalf("POST faults: %d %s", status, body)
	}
	_, err := f.NewManagedClustersClient().Get(ctxT(t), "rg-aks-demo", "demo", nil)
	wantErr(t, err, 409, "Conflict")
	if status, _, _ := rawRequest(t, s, nil, http.MethodDelete, "/_emulator/faults", "", nil); status != 204 {
		t.Fatalf("DELETE faults: %d", status)
	}
	if _, err := f.NewManagedClustersClient().Get(ctxT(t), "rg-aks-demo", "demo", nil); err != nil {
		t.Fatalf("faults cleared, still failing: %v", err)
	}

	status, _, body = rawRequest(t, s, nil, http.MethodPost, "/_emulator/latency", `{"create":"5s","read":"0s"}`, nil)
	var lat map[string]string
	if status != 200 || json.Unmarshal(body, &lat) != nil || lat["create"] != "5s" || lat["delete"] != testLRO.String() {
		t.Errorf("POST latency: %d %s", status, body)
	}
	if status, _, _ := rawRequest(t, s, nil, http.MethodPost, "/_emulator/latency", `{"warp":"1s"}`, nil); status != 400 {
		t.Errorf("unknown latency kind accepted: %d", status)
	}

	status, _, body = rawRequest(t, s, nil, http.MethodGet, "/_emulator/state", "", nil)
	if status != 200 || !strings.Contains(string(body), `"managedClusters"`) || !strings.Contains(string(body), "/managedClusters/demo") {
		t.Errorf("GET state: %d %.300s", status, body)
	}
	if status, _, _ := rawRequest(t, s, nil, http.MethodPost, "/_emulator/reset", "", nil); status != 204 {
		t.Fatalf("reset: %d", status)
	}
	_, err = f.NewManagedClustersClient().Get(ctxT(t), "rg-aks-demo", "demo", nil)
	wantErr(t, err, 404, "ResourceNotFound")
}
