package emulator

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
)

func TestMutations(t *testing.T) {
	s := startServer(t)
	f := aksClients(t, s, nil)
	ctx := ctxT(t)
	mc := minimalCluster()
	mc.Properties.KubernetesVersion = to.Ptr("1.32.7")
	cluster := createCluster(t, f, "demo", mc)
	ap := createPool(t, f, "user1", userPool("Standard_D4s_v3", 2))
	poolID, clusterID := deref(ap.ID), deref(cluster.ID)
	s.ResetJournal()

	if err := s.Mutate(Mutation{Kind: MutateScalePool, ID: poolID, Count: 5}); err != nil {
		t.Fatal(err)
	}
	if err := s.Mutate(Mutation{Kind: MutateSetField, ID: strings.ToUpper(poolID), Path: "properties.nodeLabels.team", Value: json.RawMessage(`"blue"`)}); err != nil {
		t.Fatal(err)
	}
	if len(s.Journal()) != 0 {
		t.Errorf("mutations were journaled: %+v", s.Journal())
	}
	got, err := f.NewAgentPoolsClient().Get(ctx, "rg-aks-demo", "demo", "user1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if deref(got.Properties.Count) != 5 || deref(got.Properties.NodeLabels["team"]) != "blue" || deref(got.Properties.ETag) == deref(ap.Properties.ETag) {
		t.Errorf("after mutations: count %d labels %v eTag %q (was %q)", deref(got.Properties.Count), got.Properties.NodeLabels, deref(got.Properties.ETag), deref(ap.Properties.ETag))
	}

	if err := s.Mutate(Mutation{Kind: MutateSetProvisioningState, ID: poolID, State: "Failed"}); err != nil {
		t.Fatal(err)
	}
	if st := s.poolState(t, "user1"); st != "Failed" {
		t.Errorf("state %q", st)
	}

	// a colleague upgrades the control plane in the portal
	if err := s.Mutate(Mutation{Kind: MutateUpgradeCluster, ID: clusterID, Version: "1.33.3"}); err != nil {
		t.Fatal(err)
	}
	up, err := f.NewManagedClustersClient().Get(ctx, "rg-aks-demo", "demo", nil)
	if err != nil {
		t.Fatal(err)
	}
	if deref(up.Properties.KubernetesVersion) != "1.33.3" || deref(up.Properties.CurrentKubernetesVersion) != "1.33.3" || deref(up.ETag) == deref(cluster.ETag) {
		t.Errorf("after upgrade-cluster: %q/%q eTag changed %v", deref(up.Properties.KubernetesVersion), deref(up.Properties.CurrentKubernetesVersion), deref(up.ETag) != deref(cluster.ETag))
	}
	if err := s.Mutate(Mutation{Kind: MutateUpgradeCluster, ID: clusterID, Version: "9.9.9"}); err == nil {
		t.Error("upgrade to a version not offered was accepted")
	}

	// a newer node image is released
	if err := s.Mutate(Mutation{Kind: MutateReleaseNodeImage, OSSKU: "Ubuntu", Version: "AKSUbuntu-2204gen2containerd-209901.01.0"}); err != nil {
		t.Fatal(err)
	}
	prof, err := f.NewAgentPoolsClient().GetUpgradeProfile(ctx, "rg-aks-demo", "demo", "user1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if deref(prof.Properties.LatestNodeImageVersion) != "AKSUbuntu-2204gen2containerd-209901.01.0" {
		t.Errorf("latest node image %q", deref(prof.Properties.LatestNodeImageVersion))
	}

	// the autoscaler's colleague deletes the pool, over the control API
	status, _, body := rawRequest(t, s, nil, http.MethodPost, "/_emulator/mutate", `{"kind":"delete-pool","id":"`+poolID+`"}`, nil)
	if status != 204 {
		t.Fatalf("POST /_emulator/mutate: %d %s", status, body)
	}
	_, err = f.NewAgentPoolsClient().Get(ctx, "rg-aks-demo", "demo", "user1", nil)
	wantErr(t, err, 404, "NotFound")

	for _, bad := range []Mutation{{Kind: "explode"}, {Kind: MutateScalePool, ID: poolID, Count: 1}, {Kind: MutateSetField, ID: clusterID, Path: "properties.count", Value: nil}} {
		if err := s.Mutate(bad); err == nil {
			t.Errorf("mutation %+v accepted", bad)
		}
	}
	if status, _, _ := rawRequest(t, s, nil, http.MethodPost, "/_emulator/mutate", `{"kind":"explode"}`, nil); status != 400 {
		t.Errorf("a bad mutation over HTTP got %d", status)
	}
}
