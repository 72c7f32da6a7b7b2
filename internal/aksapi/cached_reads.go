package aksapi

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// ErrNotFound is returned (wrapped) for a pool missing from its cluster's list. IsNotFound reports
// it as well as ARM's 404 answers.
var ErrNotFound = errors.New("not found")

// CachedCluster returns the managed cluster, from the cache when fresh. Callers must not modify it.
func (c *Client) CachedCluster(ctx context.Context, cluster ClusterID) (*armcontainerservice.ManagedCluster, error) {
	s := c.state(cluster)
	cached, ok, generation := c.cachedCluster(s)
	if ok {
		return cached, nil
	}
	v, err, _ := c.flight.Do(fmt.Sprintf("cluster|%s|%d", cluster.Key(), generation), func() (any, error) {
		mc, err := c.GetCluster(ctx, cluster)
		if err != nil {
			return nil, err
		}
		s.mu.Lock()
		if s.generation == generation {
			s.cluster = &cachedValue[*armcontainerservice.ManagedCluster]{value: mc, fetchedAt: c.opts.Now()}
		}
		s.mu.Unlock()
		return mc, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*armcontainerservice.ManagedCluster), nil //nolint:forcetypeassert // the flight only stores this type
}

// CachedPools returns every pool of the cluster, from the cache when fresh; callers asking at the same
// moment share one call. Callers must not modify the pools.
func (c *Client) CachedPools(ctx context.Context, cluster ClusterID) ([]*armcontainerservice.AgentPool, error) {
	s := c.state(cluster)
	cached, ok, generation := c.cachedPools(s)
	if ok {
		return cached, nil
	}
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

// CachedPool returns one pool from its cluster's list (CachedPools' cache). A pool missing from the list, or a
// cluster that does not exist, gives an error for which IsNotFound is true. Callers must not
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
