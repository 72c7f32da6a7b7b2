package emulator

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func TestClusterCreateGetListTagsDelete(t *testing.T) {
	s := startServer(t)
	f := aksClients(t, s, nil)
	ctx := ctxT(t)
	mc := createCluster(t, f, "demo", minimalCluster())

	if got := deref(mc.Properties.ProvisioningState); got != "Succeeded" {
		t.Errorf("provisioningState after the poller = %q, want Succeeded", got)
	}
	if deref(mc.Properties.Fqdn) == "" || deref(mc.Properties.CurrentKubernetesVersion) != "1.33.3" {
		t.Errorf("fqdn %q / currentKubernetesVersion %q: want an FQDN and the default version 1.33.3", deref(mc.Properties.Fqdn), deref(mc.Properties.CurrentKubernetesVersion))
	}
	if len(mc.Properties.AgentPoolProfiles) != 1 || deref(mc.Properties.AgentPoolProfiles[0].ProvisioningState) != "Succeeded" {
		t.Fatalf("agentPoolProfiles = %+v, want the system pool, Succeeded", mc.Properties.AgentPoolProfiles)
	}
	if deref(mc.ETag) == "" {
		t.Error("cluster has no eTag")
	}

	mcs := f.NewManagedClustersClient()
	got, err := mcs.Get(ctx, "RG-AKS-DEMO", "demo", nil) // resource groups are case-insensitive
	if err != nil {
		t.Fatal(err)
	}
	if deref(got.Name) != "demo" || deref(got.ID) != deref(mc.ID) {
		t.Errorf("GET name %q id %q", deref(got.Name), deref(got.ID))
	}

	var names []string
	for pager := mcs.NewListPager(nil); pager.More(); {
		page, err := pager.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range page.Value {
			names = append(names, deref(c.Name))
		}
	}
	if len(names) != 1 || names[0] != "demo" {
		t.Errorf("subscription list = %v", names)
	}

	tp, err := mcs.BeginUpdateTags(ctx, "rg-aks-demo", "demo", armcontainerservice.TagsObject{Tags: map[string]*string{"env": to.Ptr("test")}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	tagged, err := tp.PollUntilDone(ctx, poll)
	if err != nil {
		t.Fatal(err)
	}
	if deref(tagged.Tags["env"]) != "test" || deref(tagged.ETag) == deref(mc.ETag) {
		t.Errorf("after tags: tags %v, eTag %q (was %q)", tagged.Tags, deref(tagged.ETag), deref(mc.ETag))
	}

	dp, err := mcs.BeginDelete(ctx, "rg-aks-demo", "demo", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dp.PollUntilDone(ctx, poll); err != nil {
		t.Fatal(err)
	}
	_, err = mcs.Get(ctx, "rg-aks-demo", "demo", nil)
	wantErr(t, err, 404, "ResourceNotFound")
}

func TestClusterCredentials(t *testing.T) {
	s := startServer(t)
	f := aksClients(t, s, nil)
	ctx := ctxT(t)
	mc := createCluster(t, f, "demo", minimalCluster())
	mcs := f.NewManagedClustersClient()

	user, err := mcs.ListClusterUserCredentials(ctx, "rg-aks-demo", "demo", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(user.Kubeconfigs) != 1 || deref(user.Kubeconfigs[0].Name) != "clusterUser" {
		t.Fatalf("user kubeconfigs %+v", user.Kubeconfigs)
	}
	kc := string(user.Kubeconfigs[0].Value) // the SDK decoded standard base64
	for _, want := range []string{"server: https://" + deref(mc.Properties.Fqdn) + ":443", "client-certificate-data:", "client-key-data:", "clusterUser_rg-aks-demo_demo"} {
		if !strings.Contains(kc, want) {
			t.Errorf("user kubeconfig lacks %q:\n%s", want, kc)
		}
	}
	admin, err := mcs.ListClusterAdminCredentials(ctx, "rg-aks-demo", "demo", nil)
	if err != nil {
		t.Fatal(err)
	}
	if deref(admin.Kubeconfigs[0].Name) != "clusterAdmin" || !strings.Contains(string(admin.Kubeconfigs[0].Value), "clusterAdmin_rg-aks-demo_demo") {
		t.Errorf("admin kubeconfig %s", admin.Kubeconfigs[0].Value)
	}

	// with local accounts disabled, static admin credentials are refused
	local := minimalCluster()
	local.Properties.DisableLocalAccounts = to.Ptr(true)
	local.Properties.AADProfile = &armcontainerservice.ManagedClusterAADProfile{Managed: to.Ptr(true), EnableAzureRBAC: to.Ptr(true)}
	createCluster(t, f, "nolocal", local)
	_, err = mcs.ListClusterAdminCredentials(ctx, "rg-aks-demo", "nolocal", nil)
	re := wantErrResp(t, err, 400, "BadRequest")
	if !strings.Contains(re.Error(), "Getting static credential isn't allowed because this cluster is set to disable local accounts.") {
		t.Errorf("message: %v", err)
	}
	entra, err := mcs.ListClusterUserCredentials(ctx, "rg-aks-demo", "nolocal", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(entra.Kubeconfigs[0].Value), "command: kubelogin") {
		t.Errorf("an Entra-integrated cluster's user kubeconfig should use kubelogin:\n%s", entra.Kubeconfigs[0].Value)
	}
}

func TestClusterUpgradeProfileAndUpgrade(t *testing.T) {
	s := startServer(t)
	f := aksClients(t, s, nil)
	ctx := ctxT(t)
	mc := minimalCluster()
	mc.Properties.KubernetesVersion = to.Ptr("1.32.6")
	createCluster(t, f, "demo", mc)
	mcs := f.NewManagedClustersClient()

	prof, err := mcs.GetUpgradeProfile(ctx, "rg-aks-demo", "demo", nil)
	if err != nil {
		t.Fatal(err)
	}
	var cp []string
	for _, u := range prof.Properties.ControlPlaneProfile.Upgrades {
		cp = append(cp, deref(u.KubernetesVersion))
	}
	if strings.Join(cp, ",") != "1.32.7,1.33.2,1.33.3" {
		t.Errorf("control plane upgrades %v: want later 1.32 patches and the next minor only", cp)
	}
	if len(prof.Properties.AgentPoolProfiles) != 1 || deref(prof.Properties.AgentPoolProfiles[0].KubernetesVersion) != "1.32.6" {
		t.Errorf("pool profiles %+v", prof.Properties.AgentPoolProfiles)
	}

	// upgrade the control plane only (pools keep 1.32.6)
	got, err := mcs.Get(ctx, "rg-aks-demo", "demo", nil)
	if err != nil {
		t.Fatal(err)
	}
	upd := got.ManagedCluster
	upd.Properties.KubernetesVersion = to.Ptr("1.33.3")
	upd.Properties.AgentPoolProfiles = nil
	p, err := mcs.BeginCreateOrUpdate(ctx, "rg-aks-demo", "demo", upd, nil)
	if err != nil {
		t.Fatal(err)
	}
	if st := s.clusterState(t, "demo"); st != "Upgrading" {
		t.Errorf("cluster state while upgrading = %q", st)
	}
	res, err := p.PollUntilDone(ctx, poll)
	if err != nil {
		t.Fatal(err)
	}
	if deref(res.Properties.CurrentKubernetesVersion) != "1.33.3" || deref(res.Properties.AgentPoolProfiles[0].CurrentOrchestratorVersion) != "1.32.6" {
		t.Errorf("after upgrade: control plane %q, pool %q", deref(res.Properties.CurrentKubernetesVersion), deref(res.Properties.AgentPoolProfiles[0].CurrentOrchestratorVersion))
	}
}

// AKS refuses a second write while an operation runs on the pool or cluster.
func TestConcurrentWritesGet409(t *testing.T) {
	s, f := startWithCluster(t)
	ctx := ctxT(t)
	pools := f.NewAgentPoolsClient()
	s.SetLatency(LatencyCreate, 10e9) // the creation stays in progress for the test

	first, err := pools.BeginCreateOrUpdate(ctx, "rg-aks-demo", "demo", "user1", userPool("Standard_D4s_v3", 1), nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = pools.BeginCreateOrUpdate(ctx, "rg-aks-demo", "demo", "user1", userPool("Standard_D4s_v3", 3), nil)
	re := wantErrResp(t, err, 409, "OperationNotAllowed")
	want := "Operation is not allowed: Another agentpool operation (user1 - Creating) is in progress, please wait for it to finish before starting a new operation. See https://aka.ms/aks-pending-operation for more details"
	if !strings.Contains(re.Error(), want) {
		t.Errorf("409 message: %v", err)
	}
	_, err = f.NewManagedClustersClient().BeginUpdateTags(ctx, "rg-aks-demo", "demo", armcontainerservice.TagsObject{Tags: map[string]*string{}}, nil)
	re = wantErrResp(t, err, 409, "OperationNotAllowed")
	if !strings.Contains(re.Error(), "Managed Cluster operation is not allowed: Another operation (Creating) is in progress on agent pool (user1)") {
		t.Errorf("cluster 409 message: %v", err)
	}
	if got := s.poolState(t, "user1"); got != "Creating" {
		t.Errorf("the refused write changed the pool's state to %q", got)
	}

	// abort: the running creation ends Canceled, the poller reports it
	ap, err := pools.BeginAbortLatestOperation(ctx, "rg-aks-demo", "demo", "user1", nil)
	if err != nil {
		t.Fatal(err)
	}
	wantAbortCancels(t, ctx, ap, first, "creation", "pool", func() string { return s.poolState(t, "user1") })
	// nothing left to abort: 409
	_, err = pools.BeginAbortLatestOperation(ctx, "rg-aks-demo", "demo", "user1", nil)
	wantErr(t, err, 409, "OperationNotAllowed")
}

func TestClusterAbort(t *testing.T) {
	s, f := startWithCluster(t)
	ctx := ctxT(t)
	mcs := f.NewManagedClustersClient()
	s.SetLatency(LatencyUpdate, 10e9)
	tp, err := mcs.BeginUpdateTags(ctx, "rg-aks-demo", "demo", armcontainerservice.TagsObject{Tags: map[string]*string{"x": to.Ptr("y")}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ap, err := mcs.BeginAbortLatestOperation(ctx, "rg-aks-demo", "demo", nil)
	if err != nil {
		t.Fatal(err)
	}
	if st := s.clusterState(t, "demo"); st != "Canceling" {
		t.Errorf("while aborting the cluster is %q, want Canceling", st)
	}
	wantAbortCancels(t, ctx, ap, tp, "update", "cluster", func() string { return s.clusterState(t, "demo") })
}

// wantAbortCancels waits for the abort ap, then checks that the poller of the
// operation it aborted fails and that the resource ends Canceled.
func wantAbortCancels[A, R any](t *testing.T, ctx context.Context, ap *runtime.Poller[A], aborted *runtime.Poller[R], operation, resource string, state func() string) {
	t.Helper()
	if _, err := ap.PollUntilDone(ctx, poll); err != nil {
		t.Fatal(err)
	}
	if _, err := pollNow(ctx, aborted); err == nil {
		t.Errorf("the aborted %s's poller reported success", operation)
	}
	if got := state(); got != "Canceled" {
		t.Errorf("after abort the %s is %q, want Canceled", resource, got)
	}
}

// The SDK's pagers follow nextLink across pages.
func TestClusterListsPage(t *testing.T) {
	s := startServer(t, func(o *Options) { o.PageSize = 1 })
	f := aksClients(t, s, nil)
	ctx := ctxT(t)
	for _, name := range []string{"c1", "c2", "c3"} {
		mc := minimalCluster()
		mc.Properties.DNSPrefix = to.Ptr(name)
		createCluster(t, f, name, mc)
	}
	var names []string
	pages := 0
	for pager := f.NewManagedClustersClient().NewListByResourceGroupPager("rg-aks-demo", nil); pager.More(); {
		page, err := pager.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, c := range page.Value {
			names = append(names, deref(c.Name))
		}
	}
	if strings.Join(names, ",") != "c1,c2,c3" || pages != 3 {
		t.Errorf("listed %v in %d pages, want c1,c2,c3 in 3", names, pages)
	}
}

// Pools created inline with their cluster (agentPoolProfiles) have an eTag,
// as pools created through agentPools do: in the cluster's answers, in the
// pool's own, usable with If-Match; and a cluster PUT that upgrades a pool
// through its profile leaves it one.
func TestInlinePoolsHaveETags(t *testing.T) {
	s := startServer(t)
	f := aksClients(t, s, nil)
	ctx := ctxT(t)
	mc := minimalCluster()
	mc.Properties.KubernetesVersion = to.Ptr("1.32.7")
	created := createCluster(t, f, "demo", mc)
	mcs, pools := f.NewManagedClustersClient(), f.NewAgentPoolsClient()

	inlineETag := func(what string, c armcontainerservice.ManagedCluster) string {
		t.Helper()
		if len(c.Properties.AgentPoolProfiles) != 1 || deref(c.Properties.AgentPoolProfiles[0].ETag) == "" {
			t.Fatalf("%s: the inline pool has no eTag: %s", what, rawJSON(c.Properties.AgentPoolProfiles))
		}
		return deref(c.Properties.AgentPoolProfiles[0].ETag)
	}
	inlineETag("the create's result", created)
	got, err := mcs.Get(ctx, "rg-aks-demo", "demo", nil)
	if err != nil {
		t.Fatal(err)
	}
	tag := inlineETag("GET", got.ManagedCluster)
	for pager := mcs.NewListByResourceGroupPager("rg-aks-demo", nil); pager.More(); {
		page, err := pager.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range page.Value {
			if listed := inlineETag("list", *c); listed != tag {
				t.Errorf("list eTag %q, GET %q", listed, tag)
			}
		}
	}
	pool, err := pools.Get(ctx, "rg-aks-demo", "demo", "system", nil)
	if err != nil {
		t.Fatal(err)
	}
	if deref(pool.Properties.ETag) != tag {
		t.Errorf("the pool's GET has eTag %q, the cluster's profile %q", deref(pool.Properties.ETag), tag)
	}

	// If-Match with the inline pool's eTag
	upd := pool.AgentPool
	upd.Properties.Count = to.Ptr[int32](2)
	p, err := pools.BeginCreateOrUpdate(ctx, "rg-aks-demo", "demo", "system", upd, &armcontainerservice.AgentPoolsClientBeginCreateOrUpdateOptions{IfMatch: to.Ptr(tag)})
	if err != nil {
		t.Fatalf("PUT with the inline pool's eTag: %v", err)
	}
	scaled, err := p.PollUntilDone(ctx, poll)
	if err != nil {
		t.Fatal(err)
	}
	if deref(scaled.Properties.ETag) == "" || deref(scaled.Properties.ETag) == tag {
		t.Errorf("after scaling the pool's eTag is %q (was %q)", deref(scaled.Properties.ETag), tag)
	}

	// upgrade the control plane and the pool through the cluster's PUT
	got, err = mcs.Get(ctx, "rg-aks-demo", "demo", nil)
	if err != nil {
		t.Fatal(err)
	}
	before := inlineETag("GET before the upgrade", got.ManagedCluster)
	cu := got.ManagedCluster
	cu.Properties.KubernetesVersion = to.Ptr("1.33.3")
	cu.Properties.AgentPoolProfiles[0].OrchestratorVersion = to.Ptr("1.33.3")
	up, err := mcs.BeginCreateOrUpdate(ctx, "rg-aks-demo", "demo", cu, nil)
	if err != nil {
		t.Fatal(err)
	}
	upgraded, err := up.PollUntilDone(ctx, poll)
	if err != nil {
		t.Fatal(err)
	}
	if after := inlineETag("the upgrade's result", upgraded.ManagedCluster); after == before {
		t.Error("a cluster operation left the pool's eTag unchanged")
	}
	if v := deref(upgraded.Properties.AgentPoolProfiles[0].CurrentOrchestratorVersion); v != "1.33.3" {
		t.Errorf("the pool runs %s after the upgrade", v)
	}
}

// A second abort while the first is still canceling answers the same abort
// (202), never an abort of the abort: the resource must still end Canceled
// and accept new operations.
func TestAbortTwiceIsOneAbort(t *testing.T) {
	s, f := startWithCluster(t)
	ctx := ctxT(t)
	mcs := f.NewManagedClustersClient()
	pools := f.NewAgentPoolsClient()
	s.SetLatency(LatencyCreate, 10e9)
	s.SetLatency(LatencyUpdate, 10e9)
	s.SetLatency(LatencyAbort, 2*time.Second) // long enough for the second abort to find the first running

	if _, err := pools.BeginCreateOrUpdate(ctx, "rg-aks-demo", "demo", "user1", userPool("Standard_D4s_v3", 1), nil); err != nil {
		t.Fatal(err)
	}
	abortTwice(t, ctx, func() (*runtime.Poller[armcontainerservice.AgentPoolsClientAbortLatestOperationResponse], error) {
		return pools.BeginAbortLatestOperation(ctx, "rg-aks-demo", "demo", "user1", nil)
	})
	if got := s.poolState(t, "user1"); got != "Canceled" {
		t.Errorf("after two aborts the pool is %q, want Canceled", got)
	}

	if _, err := mcs.BeginUpdateTags(ctx, "rg-aks-demo", "demo", armcontainerservice.TagsObject{Tags: map[string]*string{"x": to.Ptr("y")}}, nil); err != nil {
		t.Fatal(err)
	}
	abortTwice(t, ctx, func() (*runtime.Poller[armcontainerservice.ManagedClustersClientAbortLatestOperationResponse], error) {
		return mcs.BeginAbortLatestOperation(ctx, "rg-aks-demo", "demo", nil)
	})
	if st := s.clusterState(t, "demo"); st != "Canceled" {
		t.Errorf("after two aborts the cluster is %q, want Canceled", st)
	}
}

// abortTwice sends abort, then abort again while the first is still
// canceling, and waits for the second.
func abortTwice[T any](t *testing.T, ctx context.Context, abort func() (*runtime.Poller[T], error)) {
	t.Helper()
	if _, err := abort(); err != nil {
		t.Fatal(err)
	}
	again, err := abort()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := again.PollUntilDone(ctx, poll); err != nil {
		t.Fatal(err)
	}
}
