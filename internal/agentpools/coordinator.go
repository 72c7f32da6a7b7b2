package agentpools

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"golang.org/x/sync/singleflight"
)

// Options tune a Coordinator. The zero value gives the production settings.
type Options struct {
	// PollFrequency is how often a long-running operation is polled when AKS sends no Retry-After
	// (it normally does). Default 10s; azcore refuses less than 1s outside tests.
	PollFrequency time.Duration
	// ConflictPollInterval is how often the cluster is checked while waiting for someone else's
	// operation to finish after a 409 OperationNotAllowed. Default 10s.
	ConflictPollInterval time.Duration
	// CacheTTL bounds how long a cached pool list or cluster is reused when no write to the cluster
	// happened. Default 1 minute: long enough for one refresh of many pools, short enough that a
	// long-lived process still sees changes made outside it.
	CacheTTL time.Duration
	// Now is the clock; default time.Now. Tests replace it to expire caches.
	Now func() time.Time
}

// Coordinator serialises writes per managed cluster, waits out other parties' operations, and
// caches pool lists and clusters. Create one per configured provider with NewCoordinator; it is
// safe for concurrent use.
type Coordinator struct {
	credential azcore.TokenCredential
	armOptions *arm.ClientOptions
	opts       Options

	factoriesMu sync.Mutex
	factories   map[string]*armcontainerservice.ClientFactory // by lower-case subscription ID

	clustersMu sync.Mutex
	clusters   map[string]*clusterState // by ClusterID.Key()

	flight singleflight.Group
}

// clusterState is what the coordinator keeps per managed cluster.
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

// NewCoordinator returns a Coordinator whose SDK clients use cred and armOptions (the provider's
// pipeline: cloud, retries, user agent, logging).
func NewCoordinator(cred azcore.TokenCredential, armOptions *arm.ClientOptions, opts Options) *Coordinator {
	if opts.PollFrequency <= 0 {
		opts.PollFrequency = 10 * time.Second
	}
	if opts.ConflictPollInterval <= 0 {
		opts.ConflictPollInterval = 10 * time.Second
	}
	if opts.CacheTTL <= 0 {
		opts.CacheTTL = time.Minute
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Coordinator{
		credential: cred,
		armOptions: armOptions,
		opts:       opts,
		factories:  map[string]*armcontainerservice.ClientFactory{},
		clusters:   map[string]*clusterState{},
	}
}

// factory returns the SDK client factory for a subscription; a cluster ID may name any
// subscription the credential can reach, not only the provider's.
func (c *Coordinator) factory(subscriptionID string) (*armcontainerservice.ClientFactory, error) {
	key := strings.ToLower(subscriptionID)
	c.factoriesMu.Lock()
	defer c.factoriesMu.Unlock()
	if f, ok := c.factories[key]; ok {
		return f, nil
	}
	f, err := armcontainerservice.NewClientFactory(subscriptionID, c.credential, c.armOptions)
	if err != nil {
		return nil, fmt.Errorf("building the Container Service client for subscription %s: %w", subscriptionID, err)
	}
	c.factories[key] = f
	return f, nil
}

func (c *Coordinator) state(cluster ClusterID) *clusterState {
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
func (c *Coordinator) lockCluster(ctx context.Context, cluster ClusterID) (unlock func(), err error) {
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
func (c *Coordinator) cachedPools(s *clusterState) ([]*armcontainerservice.AgentPool, bool, uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pools != nil && c.opts.Now().Sub(s.pools.fetchedAt) < c.opts.CacheTTL {
		return s.pools.value, true, s.generation
	}
	return nil, false, s.generation
}

func (c *Coordinator) cachedCluster(s *clusterState) (*armcontainerservice.ManagedCluster, bool, uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cluster != nil && c.opts.Now().Sub(s.cluster.fetchedAt) < c.opts.CacheTTL {
		return s.cluster.value, true, s.generation
	}
	return nil, false, s.generation
}
