package aksapi

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

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
			if _, err := env.coord.CachedPool(ctx, env.cluster.Pool("nodepool1")); err != nil {
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
	if _, err := env.coord.CachedPool(ctx, env.cluster.Pool("absent")); !IsNotFound(err) {
		t.Fatalf("Pool(absent) error = %v, want not found", err)
	}
	if n := len(env.calls(http.MethodGet, "/agentPools")); n != 1 {
		t.Fatalf("list calls = %d, want still 1", n)
	}

	// A write to the cluster drops the cache: the new pool is seen by the next read.
	if _, err := env.coord.CreateOrUpdatePool(ctx, env.cluster.Pool("second"), userPool(1), CreateOnly); err != nil {
		t.Fatal(err)
	}
	if _, err := env.coord.CachedPool(ctx, env.cluster.Pool("second")); err != nil {
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
		_, err := env.coord.CachedPools(ctx, env.cluster)
		listed <- err
	}()
	time.Sleep(50 * time.Millisecond)
	if _, err := env.coord.CreateOrUpdatePool(ctx, env.cluster.Pool("late"), userPool(1), CreateOnly); err != nil {
		t.Fatal(err)
	}
	if err := <-listed; err != nil {
		t.Fatal(err)
	}
	if _, err := env.coord.CachedPool(ctx, env.cluster.Pool("late")); err != nil {
		t.Fatalf("the pool created during the delayed list is not seen: %v", err)
	}
}
