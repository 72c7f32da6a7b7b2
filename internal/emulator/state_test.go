package emulator

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// State survives a restart: resources, and an operation still running.
func TestStatePersistsAcrossRestart(t *testing.T) {
	dir := stateDirWithKeys(t)
	stateFile := filepath.Join(dir, "state.json")
	opts := func(o *Options) { o.StateDir, o.StateFile = dir, stateFile }
	s := startServer(t, opts)
	f := aksClients(t, s, nil)
	createCluster(t, f, "demo", minimalCluster())
	createPool(t, f, "user1", userPool("Standard_D4s_v3", 3))
	s.SetLatency(LatencyUpdate, 200*time.Millisecond)
	ap := userPool("Standard_D4s_v3", 4)
	if _, err := f.NewAgentPoolsClient().BeginCreateOrUpdate(ctxT(t), "rg-aks-demo", "demo", "user1", ap, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stateFile); err != nil {
		t.Fatal(err)
	}

	s2 := startServer(t, opts)
	f2 := aksClients(t, s2, nil)
	ctx := ctxT(t)
	got, err := f2.NewAgentPoolsClient().Get(ctx, "rg-aks-demo", "demo", "user1", nil)
	if err != nil {
		t.Fatalf("after restart: %v", err)
	}
	if deref(got.Properties.Count) != 4 {
		t.Errorf("count %d after restart", deref(got.Properties.Count))
	}
	// the scale that was running finishes after the restart
	deadline := time.Now().Add(5 * time.Second)
	for s2.poolState(t, "user1") != "Succeeded" {
		if time.Now().After(deadline) {
			t.Fatalf("the resumed operation never finished: %q", s2.poolState(t, "user1"))
		}
		time.Sleep(10 * time.Millisecond)
	}
	mc, err := f2.NewManagedClustersClient().Get(ctx, "rg-aks-demo", "demo", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(mc.Properties.AgentPoolProfiles) != 2 {
		t.Errorf("profiles after restart: %d", len(mc.Properties.AgentPoolProfiles))
	}
	// the CA and the client certificate are the same files: clients keep trusting and authenticating
	if string(s2.CA().CertPEM()) != string(s.CA().CertPEM()) || s2.ClientCertificatePath() != s.ClientCertificatePath() {
		t.Error("the CA or the client certificate changed across the restart")
	}
}
