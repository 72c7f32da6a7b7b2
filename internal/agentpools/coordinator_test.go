package agentpools

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

func TestCreateSendsIfNoneMatchAndWaits(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	id := env.cluster.Pool("mynodepool")

	result, err := env.coord.CreateOrUpdate(ctx, id, userPool(3), CreateOnly)
	if err != nil {
		t.Fatalf("CreateOrUpdate: %v", err)
	}
	if !result.Accepted || result.Pool == nil {
		t.Fatalf("result = %+v, want accepted with the pool", result)
	}
	if ps := result.Pool.Properties.ProvisioningState; ps == nil || *ps != "Succeeded" {
		t.Fatalf("provisioningState = %v, want Succeeded after the wait", result.Pool.Properties.ProvisioningState)
	}
	if got := *result.Pool.Properties.Count; got != 3 {
		t.Fatalf("count = %d, want 3", got)
	}

	puts := env.calls(http.MethodPut, "/agentPools/mynodepool")
	if len(puts) != 1 {
		t.Fatalf("PUTs = %d, want 1: %+v", len(puts), puts)
	}
	if puts[0].IfNoneMatch != "*" || puts[0].IfMatch != "" {
		t.Fatalf("PUT preconditions If-None-Match=%q If-Match=%q, want * and none", puts[0].IfNoneMatch, puts[0].IfMatch)
	}
	// Read-only fields are never sent back.
	var body map[string]any
	if err := json.Unmarshal(puts[0].RequestBody, &body); err != nil {
		t.Fatal(err)
	}
	props, _ := body["properties"].(map[string]any)
	for _, readOnly := range []string{"eTag", "provisioningState", "nodeImageVersion", "currentOrchestratorVersion"} {
		if _, ok := props[readOnly]; ok {
			t.Errorf("PUT body carries read-only %s", readOnly)
		}
	}

	// A second create of the same pool is refused by the precondition, not applied.
	again, err := env.coord.CreateOrUpdate(ctx, id, userPool(5), CreateOnly)
	if !IsPreconditionFailed(err) {
		t.Fatalf("second create error = %v, want 412", err)
	}
	if again.Accepted {
		t.Fatalf("a refused PUT must not be reported as accepted")
	}
	got, err := env.coord.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if *got.Properties.Count != 3 {
		t.Fatalf("count after refused create = %d, want 3", *got.Properties.Count)
	}
}

func TestGetReturnsETagAndNotFound(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	if _, err := env.coord.CreateOrUpdate(ctx, env.cluster.Pool("mynodepool"), userPool(1), CreateOnly); err != nil {
		t.Fatal(err)
	}
	pool, err := env.coord.Get(ctx, env.cluster.Pool("mynodepool"))
	if err != nil {
		t.Fatal(err)
	}
	if pool.Properties.ETag == nil || *pool.Properties.ETag == "" {
		t.Fatalf("Get returned no ETag")
	}
	_, err = env.coord.Get(ctx, env.cluster.Pool("absent"))
	if !IsNotFound(err) {
		t.Fatalf("Get(absent) error = %v, want not found", err)
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusNotFound || apiErr.Code == "" {
		t.Fatalf("error %v is not an APIError with AKS's code", err)
	}
}

func TestListIsSharedCachedAndInvalidatedByWrites(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()

	// Twenty readers at once, as in a refresh of twenty pools, share one list call.
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := env.coord.Pool(ctx, env.cluster.Pool("nodepool1")); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if n := len(env.calls(http.MethodGet, "/agentPools")); n != 1 {
		t.Fatalf("list calls for 20 concurrent readers = %d, want 1", n)
	}
	if n := len(env.calls(http.MethodGet, "/agentPools/nodepool1")); n != 0 {
		t.Fatalf("pool GETs = %d, want 0: reads are served from the list", n)
	}

	// A pool missing from the list is not found, without another call.
	if _, err := env.coord.Pool(ctx, env.cluster.Pool("absent")); !IsNotFound(err) {
		t.Fatalf("Pool(absent) error = %v, want not found", err)
	}
	if n := len(env.calls(http.MethodGet, "/agentPools")); n != 1 {
		t.Fatalf("list calls = %d, want still 1", n)
	}

	// A write to the cluster drops the cache: the new pool is seen by the next read.
	if _, err := env.coord.CreateOrUpdate(ctx, env.cluster.Pool("second"), userPool(1), CreateOnly); err != nil {
		t.Fatal(err)
	}
	if _, err := env.coord.Pool(ctx, env.cluster.Pool("second")); err != nil {
		t.Fatalf("Pool(second) after the write: %v", err)
	}
	if n := len(env.calls(http.MethodGet, "/agentPools")); n != 2 {
		t.Fatalf("list calls after a write = %d, want 2", n)
	}
}

func TestCacheExpires(t *testing.T) {
	env := newTestEnv(t)
	now := time.Now()
	var mu sync.Mutex
	env.coord = NewCoordinator(env.cred, env.options, Options{
		PollFrequency: 5 * time.Millisecond, ConflictPollInterval: 10 * time.Millisecond, CacheTTL: time.Minute,
		Now: func() time.Time { mu.Lock(); defer mu.Unlock(); return now },
	})
	ctx := context.Background()
	for range 2 {
		if _, err := env.coord.List(ctx, env.cluster); err != nil {
			t.Fatal(err)
		}
		if _, err := env.coord.Cluster(ctx, env.cluster); err != nil {
			t.Fatal(err)
		}
	}
	mu.Lock()
	now = now.Add(2 * time.Minute)
	mu.Unlock()
	if _, err := env.coord.List(ctx, env.cluster); err != nil {
		t.Fatal(err)
	}
	if _, err := env.coord.Cluster(ctx, env.cluster); err != nil {
		t.Fatal(err)
	}
	if n := len(env.calls(http.MethodGet, "/agentPools")); n != 2 {
		t.Fatalf("list calls = %d, want 2 (one cached read, one after expiry)", n)
	}
	if n := len(env.calls(http.MethodGet, "/managedClusters/"+env.cluster.Name)); n != 2 {
		t.Fatalf("cluster GETs = %d, want 2 (one cached read, one after expiry)", n)
	}
}

func TestListInFlightDuringWriteIsNotCached(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	// The list answer is delayed until after a write has happened: what it returns predates the
	// write and must not be served to later readers.
	env.srv.AddFault(emulator.Fault{Method: http.MethodGet, Path: "/agentPools$", Delay: emulator.Duration(300 * time.Millisecond), Count: 1})
	listed := make(chan error, 1)
	go func() {
		_, err := env.coord.List(ctx, env.cluster)
		listed <- err
	}()
	time.Sleep(50 * time.Millisecond)
	if _, err := env.coord.CreateOrUpdate(ctx, env.cluster.Pool("late"), userPool(1), CreateOnly); err != nil {
		t.Fatal(err)
	}
	if err := <-listed; err != nil {
		t.Fatal(err)
	}
	if _, err := env.coord.Pool(ctx, env.cluster.Pool("late")); err != nil {
		t.Fatalf("the pool created during the delayed list is not seen: %v", err)
	}
}

func TestUpdateAppliesChangesWithIfMatch(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	id := env.cluster.Pool("mynodepool")
	if _, err := env.coord.CreateOrUpdate(ctx, id, userPool(3), CreateOnly); err != nil {
		t.Fatal(err)
	}
	before, err := env.coord.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	env.srv.ResetJournal()

	result, err := env.coord.Update(ctx, id, func(p *armcontainerservice.AgentPool) error {
		p.Properties.NodeLabels = map[string]*string{"team": to.Ptr("payments")}
		return nil
	})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	if got := result.Pool.Properties.NodeLabels["team"]; got == nil || *got != "payments" {
		t.Fatalf("labels after update = %v", result.Pool.Properties.NodeLabels)
	}
	if *result.Pool.Properties.Count != 3 {
		t.Fatalf("count changed to %d by a labels-only update", *result.Pool.Properties.Count)
	}
	puts := env.calls(http.MethodPut, "/agentPools/mynodepool")
	if len(puts) != 1 {
		t.Fatalf("PUTs = %d, want 1", len(puts))
	}
	if puts[0].IfMatch != *before.Properties.ETag {
		t.Fatalf("If-Match = %q, want the ETag read %q", puts[0].IfMatch, *before.Properties.ETag)
	}
}

func TestUpdateStartsAgainWhenThePoolChangedUnderIt(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	id := env.cluster.Pool("mynodepool")
	if _, err := env.coord.CreateOrUpdate(ctx, id, userPool(3), CreateOnly); err != nil {
		t.Fatal(err)
	}
	env.srv.ResetJournal()

	first := true
	result, err := env.coord.Update(ctx, id, func(p *armcontainerservice.AgentPool) error {
		if first {
			// Someone (the autoscaler) scales the pool between our read and our write.
			first = false
			if err := env.srv.Mutate(emulator.Mutation{Kind: emulator.MutateScalePool, ID: id.String(), Count: 7}); err != nil {
				return err
			}
		}
		p.Properties.Tags = map[string]*string{"env": to.Ptr("prod")}
		return nil
	})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	if got := *result.Pool.Properties.Count; got != 7 {
		t.Fatalf("count = %d: the update overwrote the out-of-band scale to 7", got)
	}
	if got := result.Pool.Properties.Tags["env"]; got == nil || *got != "prod" {
		t.Fatalf("tags = %v, want env=prod", result.Pool.Properties.Tags)
	}
	puts := env.calls(http.MethodPut, "/agentPools/mynodepool")
	if len(puts) != 2 || puts[0].Status != http.StatusPreconditionFailed {
		t.Fatalf("PUTs = %+v, want a 412 then a successful retry", puts)
	}
	if gets := env.calls(http.MethodGet, "/agentPools/mynodepool"); len(gets) < 2 {
		t.Fatalf("GETs = %d, want the pool read again after the 412", len(gets))
	}
}

func TestWritesToOneClusterAreSerialised(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	id := env.cluster.Pool("shared")
	if _, err := env.coord.CreateOrUpdate(ctx, id, userPool(1), CreateOnly); err != nil {
		t.Fatal(err)
	}
	env.srv.SetLatency(emulator.LatencyUpdate, 40*time.Millisecond)
	env.srv.ResetJournal()

	// Six updates of one pool at once, each adding its own tag: AKS would refuse all but one
	// (409), and unserialised read-modify-writes would lose tags (412 or overwrites).
	var wg sync.WaitGroup
	errs := make(chan error, 6)
	for i := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := env.coord.Update(ctx, id, func(p *armcontainerservice.AgentPool) error {
				if p.Properties.Tags == nil {
					p.Properties.Tags = map[string]*string{}
				}
				p.Properties.Tags[fmt.Sprintf("writer%d", i)] = to.Ptr("yes")
				return nil
			})
			if err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent update: %v", err)
	}
	for _, j := range env.srv.Journal() {
		if j.Status == http.StatusConflict || j.Status == http.StatusPreconditionFailed {
			t.Errorf("the emulator saw colliding writes: %s %s answered %d %s", j.Method, j.Path, j.Status, j.ErrorCode)
		}
	}
	pool, err := env.coord.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(pool.Properties.Tags) != 6 {
		t.Fatalf("tags = %d, want all 6 writers' tags: %v", len(pool.Properties.Tags), pool.Properties.Tags)
	}

	// Creates of several pools at once all succeed too.
	env.srv.SetLatency(emulator.LatencyCreate, 30*time.Millisecond)
	errs = make(chan error, 4)
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := env.coord.CreateOrUpdate(ctx, env.cluster.Pool(fmt.Sprintf("pool%d", i)), userPool(1), CreateOnly); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent create: %v", err)
	}
	pools, err := env.coord.List(ctx, env.cluster)
	if err != nil {
		t.Fatal(err)
	}
	if len(pools) != 6 {
		t.Fatalf("pools = %d, want 6", len(pools))
	}
}

// The control for the test above: without the coordinator, concurrent writes to one pool collide.
func TestEmulatorRefusesConcurrentWritesWithoutCoordinator(t *testing.T) {
	env := newTestEnv(t)
	env.srv.SetLatency(emulator.LatencyCreate, 200*time.Millisecond)
	ctx := context.Background()
	client := env.sdk.NewAgentPoolsClient()
	first, err := client.BeginCreateOrUpdate(ctx, env.cluster.ResourceGroup, env.cluster.Name, "one", userPool(1), nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = client.BeginCreateOrUpdate(ctx, env.cluster.ResourceGroup, env.cluster.Name, "one", userPool(2), nil)
	if !isOperationNotAllowed(err) {
		t.Fatalf("second concurrent PUT error = %v, want 409 OperationNotAllowed", err)
	}
	if _, err := first.PollUntilDone(ctx, &runtime.PollUntilDoneOptions{Frequency: 5 * time.Millisecond}); err != nil {
		t.Fatal(err)
	}
}

func TestConflictWithSomeoneElseIsWaitedOut(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	id := env.cluster.Pool("ours")
	if _, err := env.coord.CreateOrUpdate(ctx, id, userPool(1), CreateOnly); err != nil {
		t.Fatal(err)
	}

	// Someone else (the portal) scales our pool and does not wait.
	env.srv.SetLatency(emulator.LatencyUpdate, 250*time.Millisecond)
	if _, err := env.sdk.NewAgentPoolsClient().BeginCreateOrUpdate(ctx, env.cluster.ResourceGroup, env.cluster.Name, id.Name, userPool(4), nil); err != nil {
		t.Fatal(err)
	}
	env.srv.SetLatency(emulator.LatencyUpdate, testLRODuration)
	env.srv.ResetJournal()

	result, err := env.coord.Update(ctx, id, func(p *armcontainerservice.AgentPool) error {
		p.Properties.Tags = map[string]*string{"owner": to.Ptr("terraform")}
		return nil
	})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	if *result.Pool.Properties.ProvisioningState != "Succeeded" || *result.Pool.Properties.Count != 4 || result.Pool.Properties.Tags["owner"] == nil {
		t.Fatalf("pool = state %s count %d tags %v: want our tag applied on top of the other party's scale to 4",
			*result.Pool.Properties.ProvisioningState, *result.Pool.Properties.Count, result.Pool.Properties.Tags)
	}
	puts := env.calls(http.MethodPut, "/agentPools/ours")
	var statuses []int
	for _, p := range puts {
		statuses = append(statuses, p.Status)
	}
	if len(puts) < 2 || puts[0].Status != http.StatusConflict || puts[len(puts)-1].Status != http.StatusOK {
		t.Fatalf("PUT statuses = %v, want 409 first and 200 last", statuses)
	}
}

func TestCreateWaitsOutAClusterOperation(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	// Someone else updates the cluster's tags, a cluster operation that blocks pool writes.
	env.srv.SetLatency(emulator.LatencyUpdate, 250*time.Millisecond)
	if _, err := env.sdk.NewManagedClustersClient().BeginUpdateTags(ctx, env.cluster.ResourceGroup, env.cluster.Name,
		armcontainerservice.TagsObject{Tags: map[string]*string{"team": to.Ptr("platform")}}, nil); err != nil {
		t.Fatal(err)
	}
	env.srv.ResetJournal()
	result, err := env.coord.CreateOrUpdate(ctx, env.cluster.Pool("ours"), userPool(1), CreateOnly)
	if err != nil {
		t.Fatalf("CreateOrUpdate: %v", err)
	}
	if result.Pool == nil || *result.Pool.Properties.ProvisioningState != "Succeeded" {
		t.Fatalf("result = %+v", result)
	}
	puts := env.calls(http.MethodPut, "/agentPools/ours")
	if len(puts) < 2 || puts[0].Status != http.StatusConflict || puts[len(puts)-1].Status != http.StatusCreated {
		t.Fatalf("PUTs = %+v, want a 409 then a 201", puts)
	}
}

func TestConflictWaitEndsAtTheDeadline(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	env.srv.SetLatency(emulator.LatencyUpdate, 5*time.Second)
	if _, err := env.sdk.NewManagedClustersClient().BeginUpdateTags(ctx, env.cluster.ResourceGroup, env.cluster.Name,
		armcontainerservice.TagsObject{Tags: map[string]*string{"team": to.Ptr("platform")}}, nil); err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	result, err := env.coord.CreateOrUpdate(short, env.cluster.Pool("ours"), userPool(1), CreateOnly)
	if err == nil {
		t.Fatal("CreateOrUpdate succeeded while another operation ran past the deadline")
	}
	if result.Accepted {
		t.Fatal("a PUT refused with 409 must not be reported as accepted")
	}
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "another operation was still running") || !strings.Contains(err.Error(), "OperationNotAllowed") {
		t.Fatalf("error = %v, want the deadline, the reason and AKS's code", err)
	}
}

func TestFailedOperationIsReportedAsAccepted(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	env.srv.AddFault(emulator.Fault{
		Method: http.MethodPut, Path: "/agentPools/broken$", FailOperation: true, Count: 1,
		Code: "ReconcileVMSSAgentPoolFailed", Message: "Code=\"AllocationFailed\": allocation failed for VM size Standard_DS2_v2",
	})
	result, err := env.coord.CreateOrUpdate(ctx, env.cluster.Pool("broken"), userPool(2), CreateOnly)
	if err == nil {
		t.Fatal("a Failed operation was reported as success")
	}
	if !result.Accepted {
		t.Fatal("the PUT was accepted: the result must say so, so the caller records the pool")
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.Code != "ReconcileVMSSAgentPoolFailed" || !strings.Contains(apiErr.Message, "allocation failed") {
		t.Fatalf("error = %v, want AKS's code and message", err)
	}
	if !strings.Contains(err.Error(), "ReconcileVMSSAgentPoolFailed") || strings.Contains(err.Error(), "RESPONSE") {
		t.Fatalf("error text %q should carry AKS's code without azcore's raw dump", err.Error())
	}
	pool, err := env.coord.Get(ctx, env.cluster.Pool("broken"))
	if err != nil {
		t.Fatalf("the failed pool should exist: %v", err)
	}
	if *pool.Properties.ProvisioningState != "Failed" {
		t.Fatalf("provisioningState = %s, want Failed", *pool.Properties.ProvisioningState)
	}
}

func TestRefusedCreateCarriesAKSError(t *testing.T) {
	env := newTestEnv(t)
	pool := userPool(1)
	pool.Properties.Mode = to.Ptr(armcontainerservice.AgentPoolModeSystem)
	pool.Properties.OSType = to.Ptr(armcontainerservice.OSTypeWindows)
	pool.Properties.VMSize = to.Ptr("Standard_D4s_v3")
	result, err := env.coord.CreateOrUpdate(context.Background(), env.cluster.Pool("win"), pool, CreateOnly)
	if err == nil {
		t.Fatal("a Windows System pool was accepted")
	}
	if result.Accepted {
		t.Fatal("a 400 must not be reported as accepted")
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusBadRequest || apiErr.Message == "" {
		t.Fatalf("error = %v, want a 400 APIError with AKS's message", err)
	}
}

func TestDeleteSendsIgnorePDBAndToleratesAbsence(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	id := env.cluster.Pool("mynodepool")
	if _, err := env.coord.CreateOrUpdate(ctx, id, userPool(1), CreateOnly); err != nil {
		t.Fatal(err)
	}
	env.srv.ResetJournal()
	if err := env.coord.Delete(ctx, id, DeleteOptions{IgnorePodDisruptionBudget: true}); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	deletes := env.calls(http.MethodDelete, "/agentPools/mynodepool")
	if len(deletes) != 1 || !strings.Contains(deletes[0].Query, "ignore-pod-disruption-budget=true") {
		t.Fatalf("DELETEs = %+v, want one with ignore-pod-disruption-budget=true", deletes)
	}
	if _, err := env.coord.Get(ctx, id); !IsNotFound(err) {
		t.Fatalf("pool still there after Delete: %v", err)
	}
	if _, err := env.coord.Pool(ctx, id); !IsNotFound(err) {
		t.Fatalf("cached list still has the deleted pool: %v", err)
	}
	// Deleting what is already gone is success.
	if err := env.coord.Delete(ctx, id, DeleteOptions{}); err != nil {
		t.Fatalf("Delete of an absent pool: %v", err)
	}
	deletes = env.calls(http.MethodDelete, "/agentPools/mynodepool")
	if !strings.Contains(deletes[len(deletes)-1].Query, "ignore-pod-disruption-budget=false") {
		t.Fatalf("DELETE query = %q, want ignore-pod-disruption-budget=false", deletes[len(deletes)-1].Query)
	}
}

func TestUpgradeNodeImageToLatest(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	id := env.cluster.Pool("mynodepool")
	created, err := env.coord.CreateOrUpdate(ctx, id, userPool(1), CreateOnly)
	if err != nil {
		t.Fatal(err)
	}
	running := *created.Pool.Properties.NodeImageVersion
	profile, err := env.coord.UpgradeProfile(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if profile.Properties == nil || profile.Properties.LatestNodeImageVersion == nil || *profile.Properties.LatestNodeImageVersion != running {
		t.Fatalf("latest node image = %v, want the running %s before a release", profile.Properties, running)
	}

	const released = "AKSUbuntu-2204gen2containerd-209912.01.0"
	osSKU := "Ubuntu"
	if created.Pool.Properties.OSSKU != nil {
		osSKU = string(*created.Pool.Properties.OSSKU)
	}
	if err := env.srv.Mutate(emulator.Mutation{Kind: emulator.MutateReleaseNodeImage, OSSKU: osSKU, Version: released}); err != nil {
		t.Fatal(err)
	}
	profile, err = env.coord.UpgradeProfile(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got := *profile.Properties.LatestNodeImageVersion; got != released {
		t.Fatalf("latest node image after release = %s, want %s", got, released)
	}
	env.srv.ResetJournal()
	upgraded, err := env.coord.UpgradeNodeImage(ctx, id)
	if err != nil {
		t.Fatalf("UpgradeNodeImage: %v", err)
	}
	if got := *upgraded.Properties.NodeImageVersion; got != released {
		t.Fatalf("node image after upgrade = %s, want %s", got, released)
	}
	if n := len(env.calls(http.MethodPost, "/agentPools/mynodepool/upgradeNodeImageVersion")); n != 1 {
		t.Fatalf("upgradeNodeImageVersion calls = %d, want 1", n)
	}
}
