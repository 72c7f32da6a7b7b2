package emulator

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
)

func TestCloudMetadata(t *testing.T) {
	s := startServer(t)
	status, _, body := rawRequest(t, s, nil, http.MethodGet, "/metadata/endpoints?api-version=2022-09-01", "", nil)
	if status != 200 {
		t.Fatalf("%d %s", status, body)
	}
	var clouds []struct {
		Name            string `json:"name"`
		ResourceManager string `json:"resourceManager"`
		Authentication  struct {
			LoginEndpoint    string   `json:"loginEndpoint"`
			Audiences        []string `json:"audiences"`
			Tenant           string   `json:"tenant"`
			IdentityProvider string   `json:"identityProvider"`
		} `json:"authentication"`
		Suffixes map[string]string `json:"suffixes"`
	}
	if err := json.Unmarshal(body, &clouds); err != nil {
		t.Fatalf("not a JSON array of clouds: %v: %s", err, body)
	}
	if len(clouds) != 1 {
		t.Fatalf("%d clouds", len(clouds))
	}
	c := clouds[0]
	if c.ResourceManager != s.URL()+"/" || c.Authentication.LoginEndpoint != s.URL()+"/" || c.Authentication.Tenant != "common" ||
		c.Authentication.IdentityProvider != "AAD" || len(c.Authentication.Audiences) != 2 || c.Suffixes["keyVaultDns"] == "" {
		t.Fatalf("cloud %+v", c)
	}
	// what the provider does with it: a cloud configuration the SDK runs on
	cfg := cloud.Configuration{
		ActiveDirectoryAuthorityHost: c.Authentication.LoginEndpoint,
		Services: map[cloud.ServiceName]cloud.ServiceConfiguration{
			cloud.ResourceManager: {Endpoint: c.ResourceManager, Audience: c.Authentication.Audiences[0]},
		},
	}
	if cfg.Services[cloud.ResourceManager].Endpoint != cloudConfig(s).Services[cloud.ResourceManager].Endpoint+"/" {
		t.Errorf("resourceManager %q", cfg.Services[cloud.ResourceManager].Endpoint)
	}
}

func TestKubernetesVersions(t *testing.T) {
	s := startServer(t)
	res, err := aksClients(t, s, nil).NewManagedClustersClient().ListKubernetesVersions(ctxT(t), "westus2", nil)
	if err != nil {
		t.Fatal(err)
	}
	var minors []string
	for _, v := range res.Values {
		minors = append(minors, deref(v.Version))
		switch deref(v.Version) {
		case "1.33":
			if !deref(v.IsDefault) || len(v.PatchVersions["1.33.2"].Upgrades) != 2 {
				t.Errorf("1.33: default %v, 1.33.2 upgrades %v", deref(v.IsDefault), v.PatchVersions["1.33.2"])
			}
		case "1.34":
			if !deref(v.IsPreview) {
				t.Error("1.34 should be preview")
			}
		case "1.28":
			if len(v.Capabilities.SupportPlan) != 2 {
				t.Errorf("1.28 support plans %v: want KubernetesOfficial and AKSLongTermSupport", v.Capabilities.SupportPlan)
			}
		}
	}
	if strings.Join(minors, ",") != "1.28,1.29,1.30,1.31,1.32,1.33,1.34" {
		t.Errorf("minors %v", minors)
	}
}

func TestJournal(t *testing.T) {
	s := startServer(t)
	f := aksClients(t, s, nil)
	createCluster(t, f, "demo", minimalCluster())
	ctx := ctxT(t)
	if _, err := f.NewManagedClustersClient().ListClusterUserCredentials(ctx, "rg-aks-demo", "demo", nil); err != nil {
		t.Fatal(err)
	}
	_, _ = f.NewAgentPoolsClient().Get(ctx, "rg-aks-demo", "demo", "absent", nil)
	rawRequest(t, s, nil, http.MethodGet, "/_emulator/state", "", nil) // control requests are not journaled

	var put, token, creds, notFound *JournalEntry
	entries := s.Journal()
	for i := range entries {
		e := &entries[i]
		switch {
		case e.Method == "PUT" && strings.HasSuffix(e.Path, "/managedClusters/demo"):
			put = e
		case strings.HasSuffix(e.Path, "/oauth2/v2.0/token"):
			token = e
		case strings.HasSuffix(e.Path, "/listClusterUserCredential"):
			creds = e
		case strings.HasSuffix(e.Path, "/agentPools/absent"):
			notFound = e
		case strings.HasPrefix(e.Path, "/_emulator"):
			t.Errorf("control request journaled: %+v", e)
		}
	}
	if put == nil || token == nil || creds == nil || notFound == nil {
		t.Fatalf("journal lacks entries: %+v", entries)
	}
	if put.Status != 201 || put.APIVersion != "2025-10-01" || !strings.Contains(put.UserAgent, "azsdk-go-armcontainerservice") ||
		put.Time.IsZero() || put.Duration <= 0 || !json.Valid(put.RequestBody) || !strings.Contains(string(put.RequestBody), `"dnsPrefix":"demo"`) || !put.IsWrite() {
		t.Errorf("PUT entry %+v", put)
	}
	if token.RequestBody != nil || token.IsWrite() {
		t.Errorf("the token request's form (a secret) must not be journaled, nor count as a write: %+v", token)
	}
	if creds.IsWrite() {
		t.Error("listClusterUserCredential counted as a write")
	}
	if notFound.Status != 404 || notFound.ErrorCode != "NotFound" {
		t.Errorf("404 entry %+v", notFound)
	}
	if !(JournalEntry{Method: "POST", Path: "/subscriptions/x/resourceGroups/r/providers/Microsoft.ContainerService/managedClusters/c/agentPools/p/upgradeNodeImageVersion"}).IsWrite() {
		t.Error("upgradeNodeImageVersion is a write")
	}

	status, _, body := rawRequest(t, s, nil, http.MethodGet, "/_emulator/journal", "", nil)
	var viaHTTP []JournalEntry
	if status != 200 || json.Unmarshal(body, &viaHTTP) != nil || len(viaHTTP) != len(entries) {
		t.Errorf("GET /_emulator/journal: %d, %d entries, want %d", status, len(viaHTTP), len(entries))
	}
	if status, _, _ := rawRequest(t, s, nil, http.MethodDelete, "/_emulator/journal", "", nil); status != 204 || len(s.Journal()) != 0 {
		t.Errorf("DELETE /_emulator/journal: %d, %d left", status, len(s.Journal()))
	}
}

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

func TestControlAPIFaultsLatencyStateReset(t *testing.T) {
	s := startServer(t)
	f := aksClients(t, s, nil)
	createCluster(t, f, "demo", minimalCluster())

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

func TestSeedFileExtendsAndReplaces(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, seed Seed) string {
		raw, _ := json.Marshal(seed)
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, raw, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	extend := write("extend.json", Seed{ResourceGroups: []SeedResourceGroup{{SubscriptionID: DefaultSubscriptionID, Name: "rg-extra", Location: "westus"}}})
	s := startServer(t, func(o *Options) { o.SeedFile = extend })
	for _, rg := range []string{"rg-aks-demo", "rg-extra"} {
		if status, _, _ := rawRequest(t, s, secretCredential(t, s), http.MethodHead, "/subscriptions/"+DefaultSubscriptionID+"/resourcegroups/"+rg+rgAPI, "", nil); status != 204 {
			t.Errorf("extended seed: %s missing (%d)", rg, status)
		}
	}
	replace := write("replace.json", Seed{
		Mode:               "replace",
		Tenants:            DefaultSeed().Tenants,
		Subscriptions:      DefaultSeed().Subscriptions,
		ResourceGroups:     []SeedResourceGroup{{SubscriptionID: DefaultSubscriptionID, Name: "rg-only", Location: "westus"}},
		KubernetesVersions: []SeedKubernetesVersion{{Version: "1.31.1", IsDefault: true}},
	})
	s2 := startServer(t, func(o *Options) { o.SeedFile = replace })
	if status, _, _ := rawRequest(t, s2, secretCredential(t, s2), http.MethodHead, "/subscriptions/"+DefaultSubscriptionID+"/resourcegroups/rg-aks-demo"+rgAPI, "", nil); status != 404 {
		t.Errorf("replaced seed still has rg-aks-demo: %d", status)
	}
	bad := write("bad.json", Seed{KubernetesVersions: []SeedKubernetesVersion{{Version: "1.31"}}})
	ca, _ := testCA()
	if _, err := Start(ctxT(t), Options{CA: ca, StateDir: stateDirWithKeys(t), SeedFile: bad}); err == nil {
		t.Error("a seed with an invalid version was accepted")
	}
}
