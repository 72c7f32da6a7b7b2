package aksapi

import (
	"context"
	"fmt"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// maxPreconditionRetries bounds how often UpdatePool or UpdateCluster starts again because the
// resource changed between its read and its write (412): more than that means something keeps
// writing it.
const maxPreconditionRetries = 3

// Precondition is the optimistic-concurrency condition of a PUT.
type Precondition struct {
	// IfMatch is the ETag the pool must still have ("*": the pool must exist).
	IfMatch string
	// IfNoneMatch "*" makes the PUT create the pool only if it does not exist yet.
	IfNoneMatch string
}

func (p Precondition) ifMatch() *string { return optional(p.IfMatch) }

func (p Precondition) ifNoneMatch() *string { return optional(p.IfNoneMatch) }

// verb names the write in errors: a PUT that may only create is a create.
func (p Precondition) verb() string {
	if p.IfNoneMatch == "*" {
		return "creating"
	}
	return "updating"
}

func optional(header string) *string {
	if header == "" {
		return nil
	}
	return to.Ptr(header)
}

// CreateOnly is the precondition of a create: the pool must not exist (If-None-Match: *).
var CreateOnly = Precondition{IfNoneMatch: "*"}

// PutResult is the outcome of a PUT of an agent pool.
type PutResult struct {
	// Pool is the pool as AKS holds it when the operation ended; nil if it did not end.
	Pool *armcontainerservice.AgentPool
	// Accepted reports that AKS accepted the PUT and started the operation: the pool exists even
	// when the operation then failed or the wait timed out, so the caller must record it.
	Accepted bool
}

// DeleteOptions are the options of DeletePool.
type DeleteOptions struct {
	// IgnorePodDisruptionBudget evicts pods without honouring their PodDisruptionBudgets
	// (the ignore-pod-disruption-budget query parameter).
	IgnorePodDisruptionBudget bool
}

// GetPool reads one pool directly (not from the cache), with its ETag in Properties.ETag.
func (c *Client) GetPool(ctx context.Context, id PoolID) (*armcontainerservice.AgentPool, error) {
	f, err := c.factory(id.Cluster.SubscriptionID)
	if err != nil {
		return nil, err
	}
	resp, err := f.NewAgentPoolsClient().Get(ctx, id.Cluster.ResourceGroup, id.Cluster.Name, id.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("reading agent pool %s of cluster %s: %w", id.Name, id.Cluster.Name, asAPIError(err))
	}
	return &resp.AgentPool, nil
}

// ListPools lists the cluster's pools directly (not from the cache), for decisions that must see
// the latest pools, such as where an interrupted default pool rotation stopped.
func (c *Client) ListPools(ctx context.Context, cluster ClusterID) ([]*armcontainerservice.AgentPool, error) {
	f, err := c.factory(cluster.SubscriptionID)
	if err != nil {
		return nil, err
	}
	var pools []*armcontainerservice.AgentPool
	pager := f.NewAgentPoolsClient().NewListPager(cluster.ResourceGroup, cluster.Name, nil)
	for pager.More() {
		page, err := pager.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("listing the agent pools of cluster %s: %w", cluster.Name, asAPIError(err))
		}
		for _, p := range page.Value {
			if p != nil {
				pools = append(pools, p)
			}
		}
	}
	return pools, nil
}

// GetPoolUpgradeProfile returns the pool's upgrade profile: the Kubernetes versions it can move to and
// the latest node image version for its OS SKU.
func (c *Client) GetPoolUpgradeProfile(ctx context.Context, id PoolID) (*armcontainerservice.AgentPoolUpgradeProfile, error) {
	f, err := c.factory(id.Cluster.SubscriptionID)
	if err != nil {
		return nil, err
	}
	resp, err := f.NewAgentPoolsClient().GetUpgradeProfile(ctx, id.Cluster.ResourceGroup, id.Cluster.Name, id.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("reading the upgrade profile of agent pool %s of cluster %s: %w", id.Name, id.Cluster.Name, asAPIError(err))
	}
	return &resp.AgentPoolUpgradeProfile, nil
}

// CreateOrUpdatePool PUTs pool under the given precondition and waits for the operation with azcore's
// poller. It runs at once with writes to other pools of the cluster, after the other writes to
// this pool and any cluster write of this process (lockPool); a 409 OperationNotAllowed (someone
// else's operation) is waited out and the PUT sent again, within ctx's deadline.
//
// When AKS accepted the PUT but the operation failed or the wait ended, the error is returned with
// Accepted true: the pool exists and must be recorded.
func (c *Client) CreateOrUpdatePool(ctx context.Context, id PoolID, pool armcontainerservice.AgentPool, pre Precondition) (PutResult, error) {
	var result PutResult
	err := c.whilePoolBusy(ctx, id, func() (bool, error) {
		var err error
		result, err = c.put(ctx, id, pool, pre)
		return isOperationNotAllowed(err) && !result.Accepted, err
	})
	return result, err
}

// UpdatePool reads the pool (with its ETag), lets change apply the caller's differences to it, and PUTs
// it back with If-Match, so a change made by someone else since the read is never overwritten.
// After a 409 OperationNotAllowed (waited out) or a 412 (the pool changed between the read and the
// write), it starts again from the read, so the changes land on the latest pool.
func (c *Client) UpdatePool(ctx context.Context, id PoolID, change func(pool *armcontainerservice.AgentPool) error) (PutResult, error) {
	var result PutResult
	rereads := rereadBudget{}
	err := c.whilePoolBusy(ctx, id, func() (bool, error) {
		return rereads.until(ctx, "agent pool changed between read and write; reading it again", map[string]any{"pool": id.String()}, func() (bool, bool, error) {
			current, err := c.GetPool(ctx, id)
			if err != nil {
				return false, false, err
			}
			etag := ""
			if current.Properties != nil && current.Properties.ETag != nil {
				etag = *current.Properties.ETag
			}
			if err := change(current); err != nil {
				return false, false, err
			}
			pre := Precondition{IfMatch: etag}
			if etag == "" {
				pre.IfMatch = "*"
			}
			result, err = c.put(ctx, id, *current, pre)
			return true, result.Accepted, err
		})
	})
	return result, err
}

// put sends one PUT and waits for its operation. The caller holds the pool's lock (lockPool).
func (c *Client) put(ctx context.Context, id PoolID, pool armcontainerservice.AgentPool, pre Precondition) (PutResult, error) {
	f, err := c.factory(id.Cluster.SubscriptionID)
	if err != nil {
		return PutResult{}, err
	}
	options := &armcontainerservice.AgentPoolsClientBeginCreateOrUpdateOptions{IfMatch: pre.ifMatch(), IfNoneMatch: pre.ifNoneMatch()}
	poller, err := f.NewAgentPoolsClient().BeginCreateOrUpdate(ctx, id.Cluster.ResourceGroup, id.Cluster.Name, id.Name, withoutReadOnly(pool), options)
	if err != nil {
		if isOperationNotAllowed(err) {
			return PutResult{}, err // waited out by the caller; keep azcore's error for the check
		}
		return PutResult{}, fmt.Errorf("%s agent pool %s of cluster %s: %w", pre.verb(), id.Name, id.Cluster.Name, asAPIError(err))
	}
	resp, err := pollUntilDone(ctx, poller, c.opts.PollFrequency)
	if err != nil {
		return PutResult{Accepted: true}, fmt.Errorf("%s agent pool %s of cluster %s: the operation did not succeed: %w", pre.verb(), id.Name, id.Cluster.Name, asAPIError(err))
	}
	return PutResult{Pool: &resp.AgentPool, Accepted: true}, nil
}

// DeletePool deletes the pool and waits for the operation. A pool (or cluster) that does not exist is
// success. 409 OperationNotAllowed is waited out as in CreateOrUpdatePool.
func (c *Client) DeletePool(ctx context.Context, id PoolID, opts DeleteOptions) error {
	return c.whilePoolBusy(ctx, id, func() (bool, error) {
		f, err := c.factory(id.Cluster.SubscriptionID)
		if err != nil {
			return false, err
		}
		poller, err := f.NewAgentPoolsClient().BeginDelete(ctx, id.Cluster.ResourceGroup, id.Cluster.Name, id.Name,
			&armcontainerservice.AgentPoolsClientBeginDeleteOptions{IgnorePodDisruptionBudget: to.Ptr(opts.IgnorePodDisruptionBudget)})
		switch {
		case err == nil:
		case IsNotFound(err):
			return false, nil
		case isOperationNotAllowed(err):
			return true, err
		default:
			return false, fmt.Errorf("deleting agent pool %s of cluster %s: %w", id.Name, id.Cluster.Name, asAPIError(err))
		}
		if _, err := pollUntilDone(ctx, poller, c.opts.PollFrequency); err != nil && !IsNotFound(err) {
			return false, fmt.Errorf("deleting agent pool %s of cluster %s: the operation did not succeed: %w", id.Name, id.Cluster.Name, asAPIError(err))
		}
		return false, nil
	})
}

// UpgradePoolNodeImage upgrades the pool's nodes to the latest node image for its OS SKU (what
// `az aks nodepool upgrade --node-image-only` does), waits for it, and returns the pool as it is
// afterwards. 409 OperationNotAllowed is waited out as in CreateOrUpdatePool.
func (c *Client) UpgradePoolNodeImage(ctx context.Context, id PoolID) (*armcontainerservice.AgentPool, error) {
	var pool *armcontainerservice.AgentPool
	err := c.whilePoolBusy(ctx, id, func() (bool, error) {
		f, err := c.factory(id.Cluster.SubscriptionID)
		if err != nil {
			return false, err
		}
		poller, err := f.NewAgentPoolsClient().BeginUpgradeNodeImageVersion(ctx, id.Cluster.ResourceGroup, id.Cluster.Name, id.Name, nil)
		if isOperationNotAllowed(err) {
			return true, err
		}
		if err != nil {
			return false, fmt.Errorf("upgrading the node image of agent pool %s of cluster %s: %w", id.Name, id.Cluster.Name, asAPIError(err))
		}
		if _, err := pollUntilDone(ctx, poller, c.opts.PollFrequency); err != nil {
			return false, fmt.Errorf("upgrading the node image of agent pool %s of cluster %s: the operation did not succeed: %w", id.Name, id.Cluster.Name, asAPIError(err))
		}
		// The operation's final answer may omit the pool; read it to return its settled state.
		pool, err = c.GetPool(ctx, id)
		return false, err
	})
	if err != nil {
		return nil, err
	}
	return pool, nil
}

// withoutReadOnly returns pool without the fields AKS computes (the SDK would send them back): a
// stale nodeImageVersion or eTag in a PUT body has been refused by AKS in the past.
func withoutReadOnly(pool armcontainerservice.AgentPool) armcontainerservice.AgentPool {
	out := armcontainerservice.AgentPool{Name: pool.Name}
	if pool.Properties == nil {
		return out
	}
	props := *pool.Properties
	props.ETag = nil
	props.CurrentOrchestratorVersion = nil
	props.NodeImageVersion = nil
	props.ProvisioningState = nil
	props.Status = nil
	out.Properties = &props
	return out
}
