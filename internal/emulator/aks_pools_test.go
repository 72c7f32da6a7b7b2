package emulator

import (
	"net/http"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func TestPoolLifecycle(t *testing.T) {
	s, f := startWithCluster(t)
	ctx := ctxT(t)
	pools := f.NewAgentPoolsClient()

	ap := createPool(t, f, "user1", userPool("Standard_D4s_v3", 2))
	p := ap.Properties
	if deref(p.ProvisioningState) != "Succeeded" || deref(p.OrchestratorVersion) != "1.33.3" || deref(p.CurrentOrchestratorVersion) != "1.33.3" {
		t.Errorf("created pool: state %q, version %q/%q", deref(p.ProvisioningState), deref(p.OrchestratorVersion), deref(p.CurrentOrchestratorVersion))
	}
	if deref(p.NodeImageVersion) == "" || deref(p.ETag) == "" || deref(p.MaxPods) == 0 || deref(ap.ID) == "" {
		t.Errorf("created pool lacks server values: nodeImage %q eTag %q maxPods %d id %q", deref(p.NodeImageVersion), deref(p.ETag), deref(p.MaxPods), deref(ap.ID))
	}

	got, err := pools.Get(ctx, "rg-aks-demo", "demo", "user1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if deref(got.Properties.Count) != 2 {
		t.Errorf("GET count %d", deref(got.Properties.Count))
	}

	var names []string
	for pager := pools.NewListPager("rg-aks-demo", "demo", nil); pager.More(); {
		page, err := pager.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range page.Value {
			names = append(names, deref(v.Name))
		}
	}
	if strings.Join(names, ",") != "system,user1" {
		t.Errorf("pools listed %v, want system,user1 in creation order", names)
	}

	// scale: a GET → modify → PUT round trip sends read-only fields back; they must be ignored
	got.Properties.Count = to.Ptr[int32](4)
	poller, err := pools.BeginCreateOrUpdate(ctx, "rg-aks-demo", "demo", "user1", got.AgentPool, nil)
	if err != nil {
		t.Fatalf("update with read-only fields: %v", err)
	}
	if st := s.poolState(t, "user1"); st != "Scaling" {
		t.Errorf("while scaling, provisioningState = %q", st)
	}
	scaled, err := poller.PollUntilDone(ctx, poll)
	if err != nil {
		t.Fatal(err)
	}
	if deref(scaled.Properties.Count) != 4 || deref(scaled.Properties.ETag) == deref(got.Properties.ETag) {
		t.Errorf("after scaling: count %d, eTag %q (was %q)", deref(scaled.Properties.Count), deref(scaled.Properties.ETag), deref(got.Properties.ETag))
	}

	// upgrade profile and available versions
	up, err := pools.GetUpgradeProfile(ctx, "rg-aks-demo", "demo", "user1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if deref(up.Properties.KubernetesVersion) != "1.33.3" || deref(up.Properties.LatestNodeImageVersion) == "" || len(up.Properties.Upgrades) != 0 {
		t.Errorf("upgrade profile %+v: a pool at the control plane's version has no upgrades", up.Properties)
	}
	av, err := pools.GetAvailableAgentPoolVersions(ctx, "rg-aks-demo", "demo", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := availableVersions(av.AgentPoolAvailableVersions), "1.30.13,1.30.14,1.31.10,1.31.11,1.32.6,1.32.7,1.33.2,1.33.3(default)"; got != want {
		t.Errorf("available versions\n got %s\nwant %s (the control plane's and up to three minors behind)", got, want)
	}

	// node image upgrade, completed through the Location header with the final pool
	if err := s.Mutate(Mutation{Kind: MutateReleaseNodeImage, OSSKU: "Ubuntu", Version: "AKSUbuntu-2204gen2containerd-202509.01.0"}); err != nil {
		t.Fatal(err)
	}
	np, err := pools.BeginUpgradeNodeImageVersion(ctx, "rg-aks-demo", "demo", "user1", nil)
	if err != nil {
		t.Fatal(err)
	}
	upgraded, err := np.PollUntilDone(ctx, poll)
	if err != nil {
		t.Fatal(err)
	}
	if deref(upgraded.Properties.NodeImageVersion) != "AKSUbuntu-2204gen2containerd-202509.01.0" || deref(upgraded.Properties.ProvisioningState) != "Succeeded" {
		t.Errorf("after upgradeNodeImageVersion: %q %q", deref(upgraded.Properties.NodeImageVersion), deref(upgraded.Properties.ProvisioningState))
	}

	// delete with ignore-pod-disruption-budget, recorded in the journal
	s.ResetJournal()
	dp, err := pools.BeginDelete(ctx, "rg-aks-demo", "demo", "user1", &armcontainerservice.AgentPoolsClientBeginDeleteOptions{IgnorePodDisruptionBudget: to.Ptr(true)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dp.PollUntilDone(ctx, poll); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range s.Journal() {
		if e.Method == "DELETE" && strings.Contains(e.Query, "ignore-pod-disruption-budget=true") && e.Status == 202 {
			found = true
		}
	}
	if !found {
		t.Errorf("journal has no DELETE with ignore-pod-disruption-budget=true: %+v", s.Journal())
	}
	_, err = pools.Get(ctx, "rg-aks-demo", "demo", "user1", nil)
	wantErr(t, err, 404, "NotFound")

	// deleting what is gone is 204, which the SDK's poller takes as done
	dp, err = pools.BeginDelete(ctx, "rg-aks-demo", "demo", "user1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dp.PollUntilDone(ctx, poll); err != nil {
		t.Fatal(err)
	}
}

func TestPoolUpgradeMovesCurrentVersionWhenTheOperationEnds(t *testing.T) {
	s, f := startWithCluster(t)
	ctx := ctxT(t)
	ap := userPool("Standard_D4s_v3", 1)
	ap.Properties.OrchestratorVersion = to.Ptr("1.32.7")
	createPool(t, f, "old", ap)

	s.SetLatency(LatencyUpdate, 300e6) // 300ms: long enough to look at the pool mid-upgrade
	ap.Properties.OrchestratorVersion = to.Ptr("1.33.3")
	poller, err := f.NewAgentPoolsClient().BeginCreateOrUpdate(ctx, "rg-aks-demo", "demo", "old", ap, nil)
	if err != nil {
		t.Fatal(err)
	}
	mid, err := f.NewAgentPoolsClient().Get(ctx, "rg-aks-demo", "demo", "old", nil)
	if err != nil {
		t.Fatal(err)
	}
	if deref(mid.Properties.ProvisioningState) != "Upgrading" || deref(mid.Properties.CurrentOrchestratorVersion) != "1.32.7" || deref(mid.Properties.OrchestratorVersion) != "1.33.3" {
		t.Errorf("mid-upgrade: %q current %q wanted %q", deref(mid.Properties.ProvisioningState), deref(mid.Properties.CurrentOrchestratorVersion), deref(mid.Properties.OrchestratorVersion))
	}
	done, err := poller.PollUntilDone(ctx, poll)
	if err != nil {
		t.Fatal(err)
	}
	if deref(done.Properties.CurrentOrchestratorVersion) != "1.33.3" {
		t.Errorf("after the upgrade current version = %q", deref(done.Properties.CurrentOrchestratorVersion))
	}
}

// A rule refusal reaches the client with AKS's status, code and message, and changes nothing.
func TestPoolRuleRefusalLeavesStateUnchanged(t *testing.T) {
	s, f := startWithCluster(t)
	ctx := ctxT(t)
	before := s.stateJSON(t)

	_, err := f.NewAgentPoolsClient().BeginCreateOrUpdate(ctx, "rg-aks-demo", "demo", "bigdisk", armcontainerservice.AgentPool{
		Properties: &armcontainerservice.ManagedClusterAgentPoolProfileProperties{
			Mode: to.Ptr(armcontainerservice.AgentPoolModeUser), VMSize: to.Ptr("Standard_DS2_v2"), Count: to.Ptr[int32](1),
			OSDiskType: to.Ptr(armcontainerservice.OSDiskTypeEphemeral), OSDiskSizeGB: to.Ptr[int32](128),
		},
	}, nil)
	re := wantErrResp(t, err, 400, "VMCacheSizeTooSmall")
	if !strings.Contains(re.Error(), "92341796864") || !strings.Contains(re.Error(), "137438953472") {
		t.Errorf("VMCacheSizeTooSmall message lacks the byte sizes: %v", err)
	}

	_, err = f.NewAgentPoolsClient().BeginCreateOrUpdate(ctx, "rg-aks-demo", "demo", "nosuchsize", userPool("Standard_Nope_v9", 1), nil)
	wantErr(t, err, 400, "InvalidParameter")

	if after := s.stateJSON(t); after != before {
		t.Errorf("a refused request changed the state:\nbefore %s\nafter  %s", before, after)
	}
}

func TestDeletingTheLastSystemPoolIsRefused(t *testing.T) {
	s, f := startWithCluster(t)
	_, err := f.NewAgentPoolsClient().BeginDelete(ctxT(t), "rg-aks-demo", "demo", "system", nil)
	if err == nil {
		t.Fatal("deleting the only System pool was accepted")
	}
	re := respErr(t, err)
	if re.StatusCode != 400 || !strings.Contains(re.Error(), "system agent pool") {
		t.Fatalf("want 400 about the system agent pool, got %d %s: %v", re.StatusCode, re.ErrorCode, err)
	}
	if st := s.poolState(t, "system"); st != "Succeeded" {
		t.Errorf("the refused delete changed the pool's state to %q", st)
	}
}

func TestReadOnlyAndUnknownFieldsInPutBodiesAreIgnored(t *testing.T) {
	s, f := startWithCluster(t)
	cred := secretCredential(t, s)
	path := "/subscriptions/" + DefaultSubscriptionID + "/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/demo/agentPools/user1?api-version=2025-10-01"
	body := `{"id":"/bogus","name":"bogus","type":"bogus","properties":{"mode":"User","count":1,"vmSize":"Standard_D4s_v3",
		"provisioningState":"Succeeded","currentOrchestratorVersion":"1.0.0","nodeImageVersion":"bogus","eTag":"bogus","someFutureField":42}}`
	status, _, resp := rawRequest(t, s, cred, http.MethodPut, path, body, nil)
	if status != 201 {
		t.Fatalf("PUT with read-only fields: %d %s", status, resp)
	}
	ap, err := f.NewAgentPoolsClient().Get(ctxT(t), "rg-aks-demo", "demo", "user1", nil)
	if err != nil {
		t.Fatal(err)
	}
	p := ap.Properties
	if deref(ap.Name) != "user1" || deref(p.CurrentOrchestratorVersion) == "1.0.0" || deref(p.NodeImageVersion) == "bogus" || deref(p.ETag) == "bogus" {
		t.Errorf("read-only values from the body were kept: name %q current %q image %q eTag %q",
			deref(ap.Name), deref(p.CurrentOrchestratorVersion), deref(p.NodeImageVersion), deref(p.ETag))
	}
}
