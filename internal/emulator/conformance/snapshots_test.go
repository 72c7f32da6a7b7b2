package conformance_test

import "net/http"

// The Snapshots examples take snapshot1 of rg1/cluster1's pool0, a Standard_D2s_v3
// pool in westus (the snapshot's location, which must be its pool's).
func (r *replay) snapshotSourcePool() {
	r.t.Helper()
	rg := r.snapshotRG()
	r.e.createResourceGroup(r.t, rg)
	cluster := clusterPath(r.e.subID, rg, "cluster1")
	r.put(cluster, map[string]any{
		"location": "westus",
		"identity": map[string]any{"type": "SystemAssigned"},
		"properties": map[string]any{
			"dnsPrefix":         "cluster1",
			"agentPoolProfiles": []any{map[string]any{"name": "nodepool1", "mode": "System", "count": 1, "vmSize": "Standard_DS2_v2"}},
		},
	})
	r.put(cluster+"/agentPools/pool0", map[string]any{"properties": map[string]any{"mode": "User", "count": 1, "vmSize": "Standard_D2s_v3"}})
}

// snapshotRG is the examples' resource group, rg1 (the subscription-wide
// list names none).
func (r *replay) snapshotRG() string {
	if rg := r.param("resourceGroupName"); rg != "" {
		return rg
	}
	return "rg1"
}

func (r *replay) snapshotPath() string {
	name := r.param("resourceName")
	if name == "" {
		name = "snapshot1"
	}
	return "/subscriptions/" + r.e.subID + "/resourceGroups/" + r.snapshotRG() + "/providers/Microsoft.ContainerService/snapshots/" + name
}

func init() {
	replays["SnapshotsCreate.json"] = func(r *replay) {
		r.snapshotSourcePool()
		r.replayPut(r.snapshotPath(), false)
	}
	replays["SnapshotsGet.json"] = func(r *replay) {
		r.createSnapshot()
		r.compare("200", r.get(r.snapshotPath(), nil))
	}
	replays["SnapshotsList.json"] = func(r *replay) {
		// the list holds the example's one snapshot: the seeded one (untagged) goes
		seeded := "/subscriptions/" + r.e.subID + "/resourceGroups/" + r.e.baseRG + "/providers/Microsoft.ContainerService/snapshots/snapshot1"
		if got := r.e.call(r.t, http.MethodDelete, seeded, r.api, nil, nil); got.status != http.StatusOK {
			r.t.Fatalf("deleting the seeded snapshot: %d %s", got.status, got.body)
		}
		r.createSnapshot()
		r.compare("200", r.get("/subscriptions/"+r.e.subID+"/providers/Microsoft.ContainerService/snapshots", nil))
	}
	replays["SnapshotsUpdateTags.json"] = func(r *replay) {
		r.createSnapshot()
		got := r.e.call(r.t, http.MethodPatch, r.snapshotPath(), r.api, r.body(), nil)
		r.wantStatus(got, http.StatusOK)
		r.compare("200", got.json(r.t))
	}
	replays["SnapshotsDelete.json"] = func(r *replay) {
		r.createSnapshot()
		r.wantStatus(r.e.call(r.t, http.MethodDelete, r.snapshotPath(), r.api, nil, nil), http.StatusOK)
		r.wantStatus(r.e.call(r.t, http.MethodDelete, r.snapshotPath(), r.api, nil, nil), http.StatusNoContent)
	}
}

// createSnapshot creates the examples' snapshot1 of pool0, with their tags.
func (r *replay) createSnapshot() {
	r.t.Helper()
	r.snapshotSourcePool()
	created := r.e.call(r.t, http.MethodPut, r.snapshotPath(), r.api, map[string]any{
		"location": "westus",
		"tags":     map[string]any{"key1": "val1", "key2": "val2"},
		"properties": map[string]any{"creationData": map[string]any{
			"sourceResourceId": clusterPath(r.e.subID, r.snapshotRG(), "cluster1") + "/agentPools/pool0",
		}},
	}, nil)
	if created.status != http.StatusCreated {
		r.t.Fatalf("creating the snapshot: %d %s", created.status, created.body)
	}
}
