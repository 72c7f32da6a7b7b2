package aksapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// ErrNotFound is returned (wrapped) for a pool missing from its cluster. IsNotFound reports it as
// well as ARM's 404 answers.
var ErrNotFound = errors.New("not found")

// One ARM read per cluster: the cluster's GET answers every pool of the cluster with all its
// properties (properties.agentPoolProfiles, see PoolsOf), so CachedCluster, CachedPools and
// CachedPool are all served from that one GET, shared by the callers asking at the same moment
// and cached per cluster (cluster_state.go: dropped by every write to the cluster).
//
// A pool read with nothing cached fetches the cluster's GET rather than the agentPools list: one
// call either way, and the GET also answers the cluster, which the pool's plan reads next
// (checkAgainstCluster), as does the cluster's refresh. So a refresh and plan costs one read per
// cluster whichever resource Terraform reads first: in a configuration with aks_cluster (the
// cluster usually refreshes first, its pools depending on it through cluster_id) and in one with
// aks_node_pool resources only (the cluster managed elsewhere: a data source or a plain ID), where
// the list would have cost a second call, the cluster's GET for the plan. The list remains for a
// credential that may read agent pools but not their cluster (403): the pool data sources then
// still work.

// clusterRead is one GET of a cluster: the cluster and its pools as PoolsOf builds them.
type clusterRead struct {
	cluster *armcontainerservice.ManagedCluster
	pools   []*armcontainerservice.AgentPool
}

// CachedCluster returns the managed cluster, from the cache when fresh; callers asking at the same
// moment, CachedPools' included, share one call. Callers must not modify it.
func (c *Client) CachedCluster(ctx context.Context, cluster ClusterID) (*armcontainerservice.ManagedCluster, error) {
	s := c.state(cluster)
	cached, ok, generation := c.cachedCluster(s)
	if ok {
		return cached, nil
	}
	read, err := c.readCluster(ctx, cluster, s, generation)
	if err != nil {
		return nil, err
	}
	return read.cluster, nil
}

// CachedPools returns every pool of the cluster, from the cache when fresh, else from the
// cluster's GET, which it shares with CachedCluster. Callers must not modify the pools.
func (c *Client) CachedPools(ctx context.Context, cluster ClusterID) ([]*armcontainerservice.AgentPool, error) {
	s := c.state(cluster)
	cached, ok, generation := c.cachedPools(s)
	if ok {
		return cached, nil
	}
	read, err := c.readCluster(ctx, cluster, s, generation)
	if hasStatus(err, http.StatusForbidden) {
		return c.listPools(ctx, cluster, s, generation)
	}
	if err != nil {
		return nil, err
	}
	return read.pools, nil
}

// CachedPool returns one pool of the cluster, from CachedPools. A pool missing from the cluster,
// or a cluster that does not exist, gives an error for which IsNotFound is true. Callers must not
// modify the pool.
func (c *Client) CachedPool(ctx context.Context, id PoolID) (*armcontainerservice.AgentPool, error) {
	pools, err := c.CachedPools(ctx, id.Cluster)
	if err != nil {
		return nil, err
	}
	for _, p := range pools {
		if p.Name != nil && strings.EqualFold(*p.Name, id.Name) {
			return p, nil
		}
	}
	return nil, fmt.Errorf("agent pool %s of cluster %s: %w", id.Name, id.Cluster.Name, ErrNotFound)
}

// readCluster GETs the cluster once for every caller of the same generation, and caches the
// cluster and its pools unless a write to the cluster started meanwhile.
func (c *Client) readCluster(ctx context.Context, cluster ClusterID, s *clusterState, generation uint64) (clusterRead, error) {
	v, err, _ := c.flight.Do(fmt.Sprintf("cluster|%s|%d", cluster.Key(), generation), func() (any, error) {
		mc, err := c.GetCluster(ctx, cluster)
		if err != nil {
			return nil, err
		}
		pools, err := PoolsOf(cluster, mc)
		if err != nil {
			return nil, err
		}
		s.mu.Lock()
		if s.generation == generation {
			now := c.opts.Now()
			s.cluster = &cachedValue[*armcontainerservice.ManagedCluster]{value: mc, fetchedAt: now}
			s.pools = &cachedValue[[]*armcontainerservice.AgentPool]{value: pools, fetchedAt: now}
		}
		s.mu.Unlock()
		return clusterRead{cluster: mc, pools: pools}, nil
	})
	if err != nil {
		return clusterRead{}, err
	}
	return v.(clusterRead), nil //nolint:forcetypeassert // the flight only stores this type
}

// listPools lists the pools once for every caller of the same generation, and caches the list
// unless a write to the cluster started meanwhile.
func (c *Client) listPools(ctx context.Context, cluster ClusterID, s *clusterState, generation uint64) ([]*armcontainerservice.AgentPool, error) {
	v, err, _ := c.flight.Do(fmt.Sprintf("pools|%s|%d", cluster.Key(), generation), func() (any, error) {
		pools, err := c.ListPools(ctx, cluster)
		if err != nil {
			return nil, err
		}
		s.mu.Lock()
		if s.generation == generation {
			s.pools = &cachedValue[[]*armcontainerservice.AgentPool]{value: pools, fetchedAt: c.opts.Now()}
		}
		s.mu.Unlock()
		return pools, nil
	})
	if err != nil {
		return nil, err
	}
	return v.([]*armcontainerservice.AgentPool), nil //nolint:forcetypeassert // the flight only stores this type
}
