package aksapi

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// clusterState is what the Client keeps per managed cluster.
type clusterState struct {
	// writeLock is a one-slot semaphore rather than a sync.Mutex so that waiting for it honours the
	// caller's context deadline.
	writeLock chan struct{}

	mu sync.Mutex
	// generation counts writes; a fetch started in an older generation is not cached.
	generation uint64
	pools      *cachedValue[[]*armcontainerservice.AgentPool]
	cluster    *cachedValue[*armcontainerservice.ManagedCluster]
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
		s = &clusterState{writeLock: make(chan struct{}, 1)}
		c.clusters[cluster.Key()] = s
	}
	return s
}

// lockCluster waits for the cluster's write lock, or for ctx to end. The returned func releases
// the lock and drops the cluster's caches, since the write changed what they hold.
func (c *Client) lockCluster(ctx context.Context, cluster ClusterID) (unlock func(), err error) {
	s := c.state(cluster)
	select {
	case s.writeLock <- struct{}{}:
	case <-ctx.Done():
		return nil, fmt.Errorf("waiting for another write to cluster %s in this Terraform run to finish: %w", cluster.Name, ctx.Err())
	}
	s.invalidate()
	return func() {
		s.invalidate()
		<-s.writeLock
	}, nil
}

// invalidate drops the cached list and cluster and makes fetches still in flight uncacheable.
func (s *clusterState) invalidate() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.generation++
	s.pools = nil
	s.cluster = nil
}

// cachedPools returns the cached pool list when it is fresh, and the generation a new fetch
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
