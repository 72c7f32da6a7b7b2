package aksapi

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"
)

// blocked is how long a test lets a lock attempt wait before calling it blocked. Only a lock
// that should block ever waits that long, so the value does not make the tests flaky.
const blocked = 100 * time.Millisecond

// tryLock tries lock for at most blocked, and returns its unlock (a no-op when it failed).
func tryLock(t *testing.T, lock func(context.Context) (func(), error)) (func(), error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), blocked)
	defer cancel()
	unlock, err := lock(ctx)
	if err != nil {
		return func() {}, err
	}
	return unlock, nil
}

func newLockClient(opts Options) (*Client, ClusterID) {
	return New(nil, nil, opts), ClusterID{SubscriptionID: "00000000-0000-0000-0000-000000000001", ResourceGroup: "rg", Name: "aks"}
}

func TestPoolLocksLetOtherPoolsRunButNotTheClusterOrTheSamePool(t *testing.T) {
	c, cluster := newLockClient(Options{})
	pool := func(name string) func(context.Context) (func(), error) {
		return func(ctx context.Context) (func(), error) { return c.lockPool(ctx, cluster.Pool(name)) }
	}
	clusterLock := func(ctx context.Context) (func(), error) { return c.lockCluster(ctx, cluster) }

	unlockA, errA := tryLock(t, pool("a"))
	unlockB, errB := tryLock(t, pool("b"))
	if errA != nil || errB != nil {
		t.Fatalf("writes to two pools of a cluster could not run at once: %v, %v", errA, errB)
	}
	if unlock, err := tryLock(t, pool("A")); err == nil {
		unlock()
		t.Fatal("a second write to pool a ran while the first held its lock")
	} else if !strings.Contains(err.Error(), "another write to agent pool A of cluster aks") {
		t.Errorf("error = %v, want it to say what it waited for", err)
	}
	if unlock, err := tryLock(t, clusterLock); err == nil {
		unlock()
		t.Fatal("a cluster write ran while pool writes held the lock")
	}
	// Another cluster is not held up.
	other := ClusterID{SubscriptionID: cluster.SubscriptionID, ResourceGroup: "rg", Name: "other"}
	if unlock, err := tryLock(t, func(ctx context.Context) (func(), error) { return c.lockCluster(ctx, other) }); err != nil {
		t.Fatalf("a write to another cluster waited: %v", err)
	} else {
		unlock()
	}
	unlockA()
	unlockB()

	unlockC, errC := tryLock(t, clusterLock)
	if errC != nil {
		t.Fatalf("the cluster write could not run once the pool writes ended: %v", errC)
	}
	if unlock, err := tryLock(t, pool("c")); err == nil {
		unlock()
		t.Fatal("a pool write ran while a cluster write held the lock")
	}
	unlockC()
}

// A cluster write waiting for pool writes to end stops new pool writes from starting, so it is
// not starved by them.
func TestAWaitingClusterWriteGoesBeforeLaterPoolWrites(t *testing.T) {
	c, cluster := newLockClient(Options{})
	unlockA, err := c.lockPool(context.Background(), cluster.Pool("a"))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	got := make(chan func(), 1)
	go func() {
		defer wg.Done()
		unlock, err := c.lockCluster(context.Background(), cluster)
		if err != nil {
			t.Error(err)
			return
		}
		got <- unlock
	}()
	s := c.state(cluster)
	for s.writes.TryAcquire(1) { // succeeds until the cluster write is queued
		s.writes.Release(1)
		time.Sleep(time.Millisecond)
	}
	if unlock, err := tryLock(t, func(ctx context.Context) (func(), error) { return c.lockPool(ctx, cluster.Pool("b")) }); err == nil {
		unlock()
		t.Fatal("a pool write started before the cluster write that waited first")
	}
	unlockA()
	(<-got)()
	wg.Wait()
}

func TestPoolWritesPerClusterCanBeCapped(t *testing.T) {
	c, cluster := newLockClient(Options{MaxPoolOperationsPerCluster: 2})
	pool := func(name string) func(context.Context) (func(), error) {
		return func(ctx context.Context) (func(), error) { return c.lockPool(ctx, cluster.Pool(name)) }
	}
	unlockA, _ := tryLock(t, pool("a"))
	unlockB, _ := tryLock(t, pool("b"))
	unlock, err := tryLock(t, pool("c"))
	if err == nil {
		unlock()
		t.Fatal("a third pool write ran with a cap of 2")
	}
	if !strings.Contains(err.Error(), "max_concurrent_pool_operations_per_cluster") {
		t.Errorf("error = %v, want it to name the setting", err)
	}
	unlockA()
	if unlock, err := tryLock(t, pool("c")); err != nil {
		t.Fatalf("the third pool write did not run once a slot was free: %v", err)
	} else {
		unlock()
	}
	unlockB()
}

func TestExclusivelyLetsItsOwnWritesThroughAndHoldsOthersOff(t *testing.T) {
	c, cluster := newLockClient(Options{})
	inside := make(chan struct{})
	release := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- c.Exclusively(context.Background(), cluster, func(ctx context.Context) error {
			// The writes of the holder itself do not wait, nested or not.
			for _, lock := range []func(context.Context) (func(), error){
				func(ctx context.Context) (func(), error) { return c.lockPool(ctx, cluster.Pool("a")) },
				func(ctx context.Context) (func(), error) { return c.lockCluster(ctx, cluster) },
			} {
				short, cancel := context.WithTimeout(ctx, blocked)
				unlock, err := lock(short)
				cancel()
				if err != nil {
					return err
				}
				unlock()
			}
			if err := c.Exclusively(ctx, cluster, func(context.Context) error { return nil }); err != nil {
				return err
			}
			close(inside)
			<-release
			return nil
		})
	}()
	select {
	case <-inside:
	case err := <-done:
		t.Fatalf("the holder's own writes waited for the lock: %v", err)
	}
	if unlock, err := tryLock(t, func(ctx context.Context) (func(), error) { return c.lockPool(ctx, cluster.Pool("b")) }); err == nil {
		unlock()
		t.Fatal("another pool write ran inside Exclusively")
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if unlock, err := tryLock(t, func(ctx context.Context) (func(), error) { return c.lockPool(ctx, cluster.Pool("b")) }); err != nil {
		t.Fatalf("the pool write still waited after Exclusively returned: %v", err)
	} else {
		unlock()
	}
}
