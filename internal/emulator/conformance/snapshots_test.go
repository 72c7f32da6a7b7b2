package conformance_test

import "net/http"

// The Snapshots examples take snapshot1 of rg1/cluster1's pool0, a Standard_D2s_v3
// pool in westus (the snapshot's location, which must be its pool's).
func (r *replay) snapshotSourcePool() {
	r.t.Helper()
	rg := r.param("resourceGroupName")
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

func (r *replay) snapshotPath() string {
	return "/subscriptions/" + r.e.subID + "/resourceGroups/" + r.param("resourceGroupName") +
		"/providers/Microsoft.ContainerService/snapshots/" + r.param("resourceName")
}

func init() {
	replays["SnapshotsCreate.json"] = func(r *replay) {
		r.snapshotSourcePool()
		r.replayPut(r.snapshotPath(), false)
	}
	replays["SnapshotsGet.json"] = func(r *replay) {
		r.snapshotSourcePool()
		created := r.e.call(r.t, http.MethodPut, r.snapshotPath(), r.api, map[string]any{
			"location": "westus",
			"tags":     map[string]any{"key1": "val1", "key2": "val2"},
			"properties": map[string]any{"creationData": map[string]any{
				"sourceResourceId": clusterPath(r.e.subID, r.param("resourceGroupName"), "cluster1") + "/agentPools/pool0",
			}},
		}, nil)
		if created.status != http.StatusCreated {
			r.t.Fatalf("creating the snapshot: %d %s", created.status, created.body)
		}
		r.compare("200", r.get(r.snapshotPath(), nil))
	}
}
