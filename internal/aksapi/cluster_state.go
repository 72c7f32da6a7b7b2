package aksapi

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"golang.org/x/sync/semaphore"
)

// How writes to one managed cluster are ordered inside the provider process, after AKS's own rule
// (Microsoft's "Manage node pools" limitations, https://learn.microsoft.com/azure/aks/manage-node-pools#limitations:
// "each operation type must complete on the target resource prior to the next request on that same
// resource"): AKS runs operations on different pools of a cluster at once, but refuses a second
// operation on the same pool, and a cluster operation while a pool operation runs (409
// OperationNotAllowed).
//
// So every cluster has a shared/exclusive lock: a pool write holds it shared, then its pool's own
// lock (one write per pool); a cluster write holds it exclusively. The order (cluster lock, then
// pool lock, then a slot of the optional cap) is the same for every write, so no two writes wait
// for each other. A waiting cluster write stops new pool writes from starting (the lock is FIFO),
// so a stream of pool writes can't starve it.

// exclusiveWeight is the weight of the cluster lock that a cluster write takes whole; a pool write
// takes 1. It bounds nothing in practice: Terraform runs far fewer writes at once.
const exclusiveWeight = 1 << 30

// clusterState is what the Client keeps per managed cluster.
type clusterState struct {
	// writes is the cluster's shared/exclusive lock: semaphore.Weighted is FIFO and honours the
	// caller's context while waiting, which sync.RWMutex does not.
	writes *semaphore.Weighted
	// poolSlots caps the pool writes that run at once (Options.MaxPoolOperationsPerCluster); nil
	// for no cap.
	poolSlots *semaphore.Weighted

	poolsMu   sync.Mutex
	poolLocks map[string]*semaphore.Weighted // by lower-case pool name; one slot each

	mu sync.Mutex
	// generation counts writes; a fetch started in an older generation is not cached.
	generation uint64
	// pools come from the cluster's GET (cached_reads.go), else from the agentPools list.
	pools   *cachedValue[[]*armcontainerservice.AgentPool]
	cluster *cachedValue[*armcontainerservice.ManagedCluster]
}

type cachedValue[T any] struct {
	value     T
	fetchedAt time.Time
}

func (c *Client) state(cluster ClusterID) *clusterState {
	c.clustersMu.Lock()
	defer c.clustersMu.Unlock()
	s, ok := c.clusters[cluster.Key()]
	if !ok {
		s = &clusterState{writes: semaphore.NewWeighted(exclusiveWeight), poolLocks: map[string]*semaphore.Weighted{}}
		if c.opts.MaxPoolOperationsPerCluster > 0 {
			s.poolSlots = semaphore.NewWeighted(int64(c.opts.MaxPoolOperationsPerCluster))
		}
		c.clusters[cluster.Key()] = s
	}
	return s
}

// poolLock returns the one-slot lock of the pool name.
func (s *clusterState) poolLock(name string) *semaphore.Weighted {
	s.poolsMu.Lock()
	defer s.poolsMu.Unlock()
	k := strings.ToLower(name)
	l, ok := s.poolLocks[k]
	if !ok {
		l = semaphore.NewWeighted(1)
		s.poolLocks[k] = l
	}
	return l
}

// exclusiveKey marks a context whose caller holds a cluster's lock exclusively (Exclusively).
type exclusiveKey struct{ state *clusterState }

func holdsExclusively(ctx context.Context, s *clusterState) bool {
	held, _ := ctx.Value(exclusiveKey{s}).(bool)
	return held
}

// acquire waits for n of sem, or for ctx to end; waiting names what is waited for in the error.
func acquire(ctx context.Context, sem *semaphore.Weighted, n int64, waiting string) error {
	if err := sem.Acquire(ctx, n); err != nil {
		return fmt.Errorf("waiting for %s to finish: %w", waiting, err)
	}
	return nil
}

// lockCluster waits until no other write to the cluster runs in this process and holds the
// cluster's lock exclusively, or returns when ctx ends. The returned func releases the lock. Both
// drop the cluster's caches, since the write changes what they hold. Inside Exclusively for the
// same cluster it does not wait: the caller already holds the lock.
func (c *Client) lockCluster(ctx context.Context, cluster ClusterID) (unlock func(), err error) {
	s := c.state(cluster)
	if holdsExclusively(ctx, s) {
		s.invalidate()
		return s.invalidate, nil
	}
	if err := acquire(ctx, s.writes, exclusiveWeight, fmt.Sprintf("the other writes to cluster %s in this Terraform run", cluster.Name)); err != nil {
		return nil, err
	}
	s.invalidate()
	return func() {
		s.invalidate()
		s.writes.Release(exclusiveWeight)
	}, nil
}

// lockPool waits until no cluster write and no other write to the pool runs in this process, and
// for a slot under the cap, then holds them; writes to other pools go on meanwhile. The returned
// func releases them. Both drop the cluster's caches: the pool list holds the pool.
func (c *Client) lockPool(ctx context.Context, id PoolID) (unlock func(), err error) {
	s := c.state(id.Cluster)
	if holdsExclusively(ctx, s) {
		s.invalidate()
		return s.invalidate, nil
	}
	if err := acquire(ctx, s.writes, 1, fmt.Sprintf("a write to cluster %s in this Terraform run", id.Cluster.Name)); err != nil {
		return nil, err
	}
	pool := s.poolLock(id.Name)
	if err := acquire(ctx, pool, 1, fmt.Sprintf("another write to agent pool %s of cluster %s in this Terraform run", id.Name, id.Cluster.Name)); err != nil {
		s.writes.Release(1)
		return nil, err
	}
	if s.poolSlots != nil {
		if err := acquire(ctx, s.poolSlots, 1, fmt.Sprintf("other agent pool writes to cluster %s (max_concurrent_pool_operations_per_cluster)", id.Cluster.Name)); err != nil {
			pool.Release(1)
			s.writes.Release(1)
			return nil, err
		}
	}
	s.invalidate()
	return func() {
		s.invalidate()
		if s.poolSlots != nil {
			s.poolSlots.Release(1)
		}
		pool.Release(1)
		s.writes.Release(1)
	}, nil
}

// Exclusively runs fn with the cluster's lock held exclusively: no other write to the cluster runs
// in this process while fn runs, and the writes fn makes to that cluster through the ctx it is
// given do not wait for the lock. It is for decisions that must not interleave with other writes
// of the cluster: the default pool's rotation, and "another System pool remains" before deleting a
// System pool. fn must not hand its ctx to goroutines that outlive it.
func (c *Client) Exclusively(ctx context.Context, cluster ClusterID, fn func(ctx context.Context) error) error {
	s := c.state(cluster)
	if holdsExclusively(ctx, s) {
		return fn(ctx)
	}
	unlock, err := c.lockCluster(ctx, cluster)
	if err != nil {
		return err
	}
	defer unlock()
	return fn(context.WithValue(ctx, exclusiveKey{s}, true))
}

// invalidate drops the cached pools and cluster and makes fetches still in flight uncacheable.
func (s *clusterState) invalidate() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.generation++
	s.pools = nil
	s.cluster = nil
}

// cachedPools returns the cached pools when they are fresh, and the generation a new fetch
// belongs to.
func (c *Client) cachedPools(s *clusterState) ([]*armcontainerservice.AgentPool, bool, uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pools != nil && c.opts.Now().Sub(s.pools.fetchedAt) < c.opts.CacheTTL {
		return s.pools.value, true, s.generation
	}
	return nil, false, s.generation
}

func (c *Client) cachedCluster(s *clusterState) (*armcontainerservice.ManagedCluster, bool, uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cluster != nil && c.opts.Now().Sub(s.cluster.fetchedAt) < c.opts.CacheTTL {
		return s.cluster.value, true, s.generation
	}
	return nil, false, s.generation
}
