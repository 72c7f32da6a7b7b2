package aksapi

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// clusterGETs counts the GETs of the test cluster itself (not of its pools).
func (e *testEnv) clusterGETs() int {
	return len(e.calls(http.MethodGet, "/managedClusters/"+e.cluster.Name))
}

// poolCalls counts the requests under the cluster's agentPools: the list and every pool's GET.
func (e *testEnv) poolCalls() int {
	n := 0
	prefix := strings.ToLower("/managedClusters/" + e.cluster.Name + "/agentPools")
	for _, j := range e.srv.Journal() {
		if j.Method == http.MethodGet && strings.Contains(strings.ToLower(j.Path), prefix) {
			n++
		}
	}
	return n
}

func rawJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestReadsAreSharedCachedAndInvalidatedByWrites(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()

	// Twenty pool readers and the cluster's reader at once, as in a refresh of a cluster and
	// twenty pools, share one GET of the cluster.
	var wg sync.WaitGroup
	errs := make(chan error, 21)
	for i := range 21 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var err error
			if i == 0 {
				_, err = env.coord.CachedCluster(ctx, env.cluster)
			} else {
				_, err = env.coord.CachedPool(ctx, env.cluster.Pool("nodepool1"))
			}
			if err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if n := env.clusterGETs(); n != 1 {
		t.Fatalf("cluster GETs for 21 concurrent readers = %d, want 1", n)
	}
	if n := env.poolCalls(); n != 0 {
		t.Fatalf("agentPools calls = %d, want 0: the pools come from the cluster's GET", n)
	}

	// A pool missing from the cluster is not found, without another call.
	if _, err := env.coord.CachedPool(ctx, env.cluster.Pool("absent")); !IsNotFound(err) {
		t.Fatalf("Pool(absent) error = %v, want not found", err)
	}
	if n := env.clusterGETs() + env.poolCalls(); n != 1 {
		t.Fatalf("calls = %d, want still 1", n)
	}

	// A write to the cluster drops the cache: the new pool is seen by the next read.
	if _, err := env.coord.CreateOrUpdatePool(ctx, env.cluster.Pool("second"), userPool(1), CreateOnly); err != nil {
		t.Fatal(err)
	}
	if _, err := env.coord.CachedPool(ctx, env.cluster.Pool("second")); err != nil {
		t.Fatalf("Pool(second) after the write: %v", err)
	}
	if n := env.clusterGETs(); n != 2 {
		t.Fatalf("cluster GETs after a write = %d, want 2", n)
	}
}

// After the cluster's read, reading its pools, all of them or one by one, makes no call; a pool
// read first makes the one GET the cluster's read then reuses.
func TestPoolReadsAfterAClusterReadMakeNoCalls(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	for _, name := range []string{"user1", "user2"} {
		if _, err := env.coord.CreateOrUpdatePool(ctx, env.cluster.Pool(name), userPool(1), CreateOnly); err != nil {
			t.Fatal(err)
		}
	}
	env.srv.ResetJournal()

	if _, err := env.coord.CachedCluster(ctx, env.cluster); err != nil {
		t.Fatal(err)
	}
	pools, err := env.coord.CachedPools(ctx, env.cluster)
	if err != nil {
		t.Fatal(err)
	}
	if len(pools) != 3 {
		t.Fatalf("pools = %d, want 3", len(pools))
	}
	for _, name := range []string{"nodepool1", "USER1", "user2"} {
		if _, err := env.coord.CachedPool(ctx, env.cluster.Pool(name)); err != nil {
			t.Fatalf("CachedPool(%s): %v", name, err)
		}
	}
	if n, p := env.clusterGETs(), env.poolCalls(); n != 1 || p != 0 {
		t.Fatalf("cluster GETs %d, agentPools calls %d; want 1 and 0", n, p)
	}

	// The other order, as in a configuration of pools only: the pool read GETs the cluster, and
	// the cluster's read (the pool's plan checks) reuses it.
	fresh := New(env.cred, env.options, Options{PollFrequency: 5 * time.Millisecond})
	env.srv.ResetJournal()
	if _, err := fresh.CachedPool(ctx, env.cluster.Pool("user2")); err != nil {
		t.Fatal(err)
	}
	if _, err := fresh.CachedCluster(ctx, env.cluster); err != nil {
		t.Fatal(err)
	}
	if n, p := env.clusterGETs(), env.poolCalls(); n != 1 || p != 0 {
		t.Fatalf("pool read first: cluster GETs %d, agentPools calls %d; want 1 and 0", n, p)
	}
}

// The pools read from the cluster's GET are the pools the agentPools API answers, field by field.
func TestCachedPoolsAreTheAgentPoolsAnswers(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	rich := userPool(2)
	rich.Properties.AvailabilityZones = []*string{to.Ptr("1"), to.Ptr("3")}
	rich.Properties.NodeLabels = map[string]*string{"team": to.Ptr("a")}
	rich.Properties.NodeTaints = []*string{to.Ptr("team=a:NoSchedule")}
	rich.Properties.Tags = map[string]*string{"env": to.Ptr("test")}
	rich.Properties.EnableAutoScaling, rich.Properties.MinCount, rich.Properties.MaxCount = to.Ptr(true), to.Ptr[int32](1), to.Ptr[int32](3)
	rich.Properties.UpgradeSettings = &armcontainerservice.AgentPoolUpgradeSettings{MaxSurge: to.Ptr("50%"), DrainTimeoutInMinutes: to.Ptr[int32](20)}
	if _, err := env.coord.CreateOrUpdatePool(ctx, env.cluster.Pool("rich"), rich, CreateOnly); err != nil {
		t.Fatal(err)
	}
	stopped := userPool(1)
	if _, err := env.coord.CreateOrUpdatePool(ctx, env.cluster.Pool("stopped"), stopped, CreateOnly); err != nil {
		t.Fatal(err)
	}
	if _, err := env.coord.UpdatePool(ctx, env.cluster.Pool("stopped"), func(p *armcontainerservice.AgentPool) error {
		p.Properties.PowerState = &armcontainerservice.PowerState{Code: to.Ptr(armcontainerservice.CodeStopped)}
		return nil
	}); err != nil {
		t.Fatal(err)
	}

	cached, err := env.coord.CachedPools(ctx, env.cluster)
	if err != nil {
		t.Fatal(err)
	}
	listed, err := env.coord.ListPools(ctx, env.cluster)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cached, listed) {
		t.Fatalf("pools from the cluster's GET differ from the list:\ncached %s\nlisted %s", rawJSON(t, cached), rawJSON(t, listed))
	}
	for _, name := range []string{"nodepool1", "rich", "stopped"} {
		got, err := env.coord.CachedPool(ctx, env.cluster.Pool(name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := env.coord.GetPool(ctx, env.cluster.Pool(name))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("pool %s from the cluster's GET differs from its GET:\ncached %s\nGET    %s", name, rawJSON(t, got), rawJSON(t, want))
		}
		p := got.Properties
		if p == nil || p.ETag == nil || p.ProvisioningState == nil || p.PowerState == nil || p.CurrentOrchestratorVersion == nil || p.NodeImageVersion == nil {
			t.Errorf("pool %s lacks a read-only field the provider records: %s", name, rawJSON(t, got))
		}
	}
}

// A write to a pool drops what was read before it; the write itself reads the pool (its ETag).
func TestPoolWriteInvalidatesTheClusterRead(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	before, err := env.coord.CachedPool(ctx, env.cluster.Pool("nodepool1"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := env.coord.UpdatePool(ctx, env.cluster.Pool("nodepool1"), func(p *armcontainerservice.AgentPool) error {
		p.Properties.Count = to.Ptr[int32](3)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// The update GETs the pool itself for its If-Match, before the PUT (and the SDK's poller
	// GETs it once more at the end): it does not take the pool from the cached cluster.
	var sequence []string
	for _, j := range env.srv.Journal() {
		if strings.HasSuffix(strings.ToLower(j.Path), "/agentpools/nodepool1") {
			sequence = append(sequence, j.Method)
		}
	}
	if len(sequence) < 2 || sequence[0] != http.MethodGet || sequence[1] != http.MethodPut {
		t.Fatalf("requests to the pool = %v, want a GET before the PUT", sequence)
	}
	after, err := env.coord.CachedPool(ctx, env.cluster.Pool("nodepool1"))
	if err != nil {
		t.Fatal(err)
	}
	if *after.Properties.Count != 3 || *after.Properties.ETag == *before.Properties.ETag {
		t.Fatalf("after the update: count %d, eTag %s (before %s); want 3 and a new eTag", *after.Properties.Count, *after.Properties.ETag, *before.Properties.ETag)
	}
	cluster, err := env.coord.CachedCluster(ctx, env.cluster)
	if err != nil {
		t.Fatal(err)
	}
	if got := *cluster.Properties.AgentPoolProfiles[0].Count; got != 3 {
		t.Fatalf("the cluster read after the update shows count %d, want 3", got)
	}
	if n := env.clusterGETs(); n != 2 {
		t.Fatalf("cluster GETs = %d, want 2: one before the write, one after", n)
	}
}

func TestCachedPoolOfAMissingCluster(t *testing.T) {
	env := newTestEnv(t)
	missing := env.cluster
	missing.Name = "no-such-cluster"
	if _, err := env.coord.CachedPool(context.Background(), missing.Pool("nodepool1")); !IsNotFound(err) {
		t.Fatalf("error = %v, want not found", err)
	}
}

// A credential that may read agent pools but not their cluster still reads pools, from the list.
func TestPoolsAreListedWhenTheClusterIsForbidden(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	env.srv.AddFault(emulator.Fault{Method: http.MethodGet, Path: "/managedClusters/" + env.cluster.Name + "$", Status: http.StatusForbidden,
		Code: "AuthorizationFailed", Message: "The client does not have authorization to perform action 'Microsoft.ContainerService/managedClusters/read'."})
	for range 2 {
		if _, err := env.coord.CachedPool(ctx, env.cluster.Pool("nodepool1")); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(env.calls(http.MethodGet, "/agentPools")); n != 1 {
		t.Fatalf("lists = %d, want 1, then cached", n)
	}
	if n := env.clusterGETs(); n != 1 {
		t.Fatalf("cluster GETs = %d, want 1 (refused), then the cached list", n)
	}
	if _, err := env.coord.CachedCluster(ctx, env.cluster); err == nil || !hasStatus(err, http.StatusForbidden) {
		t.Fatalf("CachedCluster error = %v, want the 403", err)
	}
}

func TestCacheExpires(t *testing.T) {
	env := newTestEnv(t)
	now := time.Now()
	var mu sync.Mutex
	env.coord = New(env.cred, env.options, Options{
		PollFrequency: 5 * time.Millisecond, ConflictRetryDelay: 10 * time.Millisecond, CacheTTL: time.Minute,
		Now: func() time.Time { mu.Lock(); defer mu.Unlock(); return now },
	})
	ctx := context.Background()
	for range 2 {
		if _, err := env.coord.CachedPools(ctx, env.cluster); err != nil {
			t.Fatal(err)
		}
		if _, err := env.coord.CachedCluster(ctx, env.cluster); err != nil {
			t.Fatal(err)
		}
	}
	mu.Lock()
	now = now.Add(2 * time.Minute)
	mu.Unlock()
	if _, err := env.coord.CachedPools(ctx, env.cluster); err != nil {
		t.Fatal(err)
	}
	if _, err := env.coord.CachedCluster(ctx, env.cluster); err != nil {
		t.Fatal(err)
	}
	if n := env.clusterGETs(); n != 2 {
		t.Fatalf("cluster GETs = %d, want 2 (one cached read, one after expiry)", n)
	}
	if n := env.poolCalls(); n != 0 {
		t.Fatalf("agentPools calls = %d, want 0", n)
	}
}

func TestReadInFlightDuringWriteIsNotCached(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	// The cluster's answer is delayed until after a write has happened: what it returns predates
	// the write and must not be served to later readers.
	env.srv.AddFault(emulator.Fault{Method: http.MethodGet, Path: "/managedClusters/" + env.cluster.Name + "$", Delay: emulator.Duration(300 * time.Millisecond), Count: 1})
	read := make(chan error, 1)
	go func() {
		_, err := env.coord.CachedPools(ctx, env.cluster)
		read <- err
	}()
	time.Sleep(50 * time.Millisecond)
	if _, err := env.coord.CreateOrUpdatePool(ctx, env.cluster.Pool("late"), userPool(1), CreateOnly); err != nil {
		t.Fatal(err)
	}
	if err := <-read; err != nil {
		t.Fatal(err)
	}
	if _, err := env.coord.CachedPool(ctx, env.cluster.Pool("late")); err != nil {
		t.Fatalf("the pool created during the delayed read is not seen: %v", err)
	}
}
