package agentpools

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// ErrNotFound is returned (wrapped) for a pool missing from its cluster's list. IsNotFound reports
// it as well as ARM's 404 answers.
var ErrNotFound = errors.New("not found")

// maxPreconditionRetries bounds how often Update starts again because the pool changed between its
// read and its write (412): more than that means something keeps writing the pool.
const maxPreconditionRetries = 3

// Precondition is the optimistic-concurrency condition of a PUT.
type Precondition struct {
	// IfMatch is the ETag the pool must still have ("*": the pool must exist).
	IfMatch string
	// IfNoneMatch "*" makes the PUT create the pool only if it does not exist yet.
	IfNoneMatch string
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

// DeleteOptions are the options of Delete.
type DeleteOptions struct {
	// IgnorePodDisruptionBudget evicts pods without honouring their PodDisruptionBudgets
	// (the ignore-pod-disruption-budget query parameter).
	IgnorePodDisruptionBudget bool
}

// Cluster returns the managed cluster, from the cache when fresh. Callers must not modify it.
func (c *Coordinator) Cluster(ctx context.Context, cluster ClusterID) (*armcontainerservice.ManagedCluster, error) {
	s := c.state(cluster)
	cached, ok, generation := c.cachedCluster(s)
	if ok {
		return cached, nil
	}
	v, err, _ := c.flight.Do(fmt.Sprintf("cluster|%s|%d", cluster.Key(), generation), func() (any, error) {
		mc, err := c.getCluster(ctx, cluster)
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

func (c *Coordinator) getCluster(ctx context.Context, cluster ClusterID) (*armcontainerservice.ManagedCluster, error) {
	f, err := c.factory(cluster.SubscriptionID)
	if err != nil {
		return nil, err
	}
	resp, err := f.NewManagedClustersClient().Get(ctx, cluster.ResourceGroup, cluster.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("reading managed cluster %s: %w", cluster.Name, asAPIError(err))
	}
	return &resp.ManagedCluster, nil
}

// List returns every pool of the cluster, from the cache when fresh; callers asking at the same
// moment share one call. Callers must not modify the pools.
func (c *Coordinator) List(ctx context.Context, cluster ClusterID) ([]*armcontainerservice.AgentPool, error) {
	s := c.state(cluster)
	cached, ok, generation := c.cachedPools(s)
	if ok {
		return cached, nil
	}
	v, err, _ := c.flight.Do(fmt.Sprintf("pools|%s|%d", cluster.Key(), generation), func() (any, error) {
		pools, err := c.listPools(ctx, cluster)
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

func (c *Coordinator) listPools(ctx context.Context, cluster ClusterID) ([]*armcontainerservice.AgentPool, error) {
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

// Pool returns one pool from its cluster's list (List's cache). A pool missing from the list, or a
// cluster that does not exist, gives an error for which IsNotFound is true. Callers must not
// modify the pool.
func (c *Coordinator) Pool(ctx context.Context, id PoolID) (*armcontainerservice.AgentPool, error) {
	pools, err := c.List(ctx, id.Cluster)
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

// Get reads one pool directly (not from the cache), with its ETag in Properties.ETag.
func (c *Coordinator) Get(ctx context.Context, id PoolID) (*armcontainerservice.AgentPool, error) {
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

// UpgradeProfile returns the pool's upgrade profile: the Kubernetes versions it can move to and
// the latest node image version for its OS SKU.
func (c *Coordinator) UpgradeProfile(ctx context.Context, id PoolID) (*armcontainerservice.AgentPoolUpgradeProfile, error) {
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

// CreateOrUpdate PUTs pool under the given precondition and waits for the operation with azcore's
// poller. Writes to the cluster are serialised; a 409 OperationNotAllowed (someone else's
// operation) is waited out and the PUT sent again, within ctx's deadline.
//
// When AKS accepted the PUT but the operation failed or the wait ended, the error is returned with
// Accepted true: the pool exists and must be recorded.
func (c *Coordinator) CreateOrUpdate(ctx context.Context, id PoolID, pool armcontainerservice.AgentPool, pre Precondition) (PutResult, error) {
	unlock, err := c.lockCluster(ctx, id.Cluster)
	if err != nil {
		return PutResult{}, err
	}
	defer unlock()
	for {
		result, err := c.put(ctx, id, pool, pre)
		if isOperationNotAllowed(err) && !result.Accepted {
			if err := c.waitForPool(ctx, id, err); err != nil {
				return PutResult{}, err
			}
			continue
		}
		return result, err
	}
}

// Update reads the pool (with its ETag), lets change apply the caller's differences to it, and PUTs
// it back with If-Match, so a change made by someone else since the read is never overwritten.
// After a 409 OperationNotAllowed (waited out) or a 412 (the pool changed between the read and the
// write), it starts again from the read, so the changes land on the latest pool.
func (c *Coordinator) Update(ctx context.Context, id PoolID, change func(pool *armcontainerservice.AgentPool) error) (PutResult, error) {
	unlock, err := c.lockCluster(ctx, id.Cluster)
	if err != nil {
		return PutResult{}, err
	}
	defer unlock()
	preconditionFailures := 0
	for {
		current, err := c.Get(ctx, id)
		if err != nil {
			return PutResult{}, err
		}
		etag := ""
		if current.Properties != nil && current.Properties.ETag != nil {
			etag = *current.Properties.ETag
		}
		if err := change(current); err != nil {
			return PutResult{}, err
		}
		pre := Precondition{IfMatch: etag}
		if etag == "" {
			pre.IfMatch = "*"
		}
		result, err := c.put(ctx, id, *current, pre)
		switch {
		case result.Accepted:
			return result, err
		case isOperationNotAllowed(err):
			if err := c.waitForPool(ctx, id, err); err != nil {
				return PutResult{}, err
			}
		case IsPreconditionFailed(err) && preconditionFailures < maxPreconditionRetries:
			preconditionFailures++
			tflog.Info(ctx, "agent pool changed between read and write; reading it again", map[string]any{"pool": id.String()})
		default:
			return result, err
		}
	}
}

// put sends one PUT and waits for its operation. The caller holds the cluster's write lock.
func (c *Coordinator) put(ctx context.Context, id PoolID, pool armcontainerservice.AgentPool, pre Precondition) (PutResult, error) {
	f, err := c.factory(id.Cluster.SubscriptionID)
	if err != nil {
		return PutResult{}, err
	}
	options := &armcontainerservice.AgentPoolsClientBeginCreateOrUpdateOptions{}
	if pre.IfMatch != "" {
		options.IfMatch = to.Ptr(pre.IfMatch)
	}
	if pre.IfNoneMatch != "" {
		options.IfNoneMatch = to.Ptr(pre.IfNoneMatch)
	}
	verb := "updating"
	if pre.IfNoneMatch == "*" {
		verb = "creating"
	}
	poller, err := f.NewAgentPoolsClient().BeginCreateOrUpdate(ctx, id.Cluster.ResourceGroup, id.Cluster.Name, id.Name, withoutReadOnly(pool), options)
	if err != nil {
		if isOperationNotAllowed(err) {
			return PutResult{}, err // waited out by the caller; keep azcore's error for the check
		}
		return PutResult{}, fmt.Errorf("%s agent pool %s of cluster %s: %w", verb, id.Name, id.Cluster.Name, asAPIError(err))
	}
	resp, err := poller.PollUntilDone(ctx, &runtime.PollUntilDoneOptions{Frequency: c.opts.PollFrequency})
	if err != nil {
		return PutResult{Accepted: true}, fmt.Errorf("%s agent pool %s of cluster %s: the operation did not succeed: %w", verb, id.Name, id.Cluster.Name, asAPIError(err))
	}
	return PutResult{Pool: &resp.AgentPool, Accepted: true}, nil
}

// Delete deletes the pool and waits for the operation. A pool (or cluster) that does not exist is
// success. 409 OperationNotAllowed is waited out as in CreateOrUpdate.
func (c *Coordinator) Delete(ctx context.Context, id PoolID, opts DeleteOptions) error {
	unlock, err := c.lockCluster(ctx, id.Cluster)
	if err != nil {
		return err
	}
	defer unlock()
	f, err := c.factory(id.Cluster.SubscriptionID)
	if err != nil {
		return err
	}
	for {
		poller, err := f.NewAgentPoolsClient().BeginDelete(ctx, id.Cluster.ResourceGroup, id.Cluster.Name, id.Name,
			&armcontainerservice.AgentPoolsClientBeginDeleteOptions{IgnorePodDisruptionBudget: to.Ptr(opts.IgnorePodDisruptionBudget)})
		switch {
		case err == nil:
		case IsNotFound(err):
			return nil
		case isOperationNotAllowed(err):
			if err := c.waitForPool(ctx, id, err); err != nil {
				return err
			}
			continue
		default:
			return fmt.Errorf("deleting agent pool %s of cluster %s: %w", id.Name, id.Cluster.Name, asAPIError(err))
		}
		if _, err := poller.PollUntilDone(ctx, &runtime.PollUntilDoneOptions{Frequency: c.opts.PollFrequency}); err != nil && !IsNotFound(err) {
			return fmt.Errorf("deleting agent pool %s of cluster %s: the operation did not succeed: %w", id.Name, id.Cluster.Name, asAPIError(err))
		}
		return nil
	}
}

// UpgradeNodeImage upgrades the pool's nodes to the latest node image for its OS SKU (what
// `az aks nodepool upgrade --node-image-only` does), waits for it, and returns the pool as it is
// afterwards. 409 OperationNotAllowed is waited out as in CreateOrUpdate.
func (c *Coordinator) UpgradeNodeImage(ctx context.Context, id PoolID) (*armcontainerservice.AgentPool, error) {
	unlock, err := c.lockCluster(ctx, id.Cluster)
	if err != nil {
		return nil, err
	}
	defer unlock()
	f, err := c.factory(id.Cluster.SubscriptionID)
	if err != nil {
		return nil, err
	}
	for {
		poller, err := f.NewAgentPoolsClient().BeginUpgradeNodeImageVersion(ctx, id.Cluster.ResourceGroup, id.Cluster.Name, id.Name, nil)
		if isOperationNotAllowed(err) {
			if err := c.waitForPool(ctx, id, err); err != nil {
				return nil, err
			}
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("upgrading the node image of agent pool %s of cluster %s: %w", id.Name, id.Cluster.Name, asAPIError(err))
		}
		if _, err := poller.PollUntilDone(ctx, &runtime.PollUntilDoneOptions{Frequency: c.opts.PollFrequency}); err != nil {
			return nil, fmt.Errorf("upgrading the node image of agent pool %s of cluster %s: the operation did not succeed: %w", id.Name, id.Cluster.Name, asAPIError(err))
		}
		// The operation's final answer may omit the pool; read it to return its settled state.
		return c.Get(ctx, id)
	}
}

// waitForOtherOperations waits, after AKS refused a write with 409 OperationNotAllowed, until the
// cluster and all its pools are in a terminal provisioning state, or ctx ends. target names what
// was being written ("agent pool x of cluster y", "managed cluster y") for the log and the error.
func (c *Coordinator) waitForOtherOperations(ctx context.Context, cluster ClusterID, target string, conflict error) error {
	tflog.Info(ctx, "another operation is running on the cluster; waiting for it to finish before trying again", map[string]any{
		"cluster": cluster.String(),
		"writing": target,
		"error":   asAPIError(conflict).Error(),
	})
	timedOut := func() error {
		return fmt.Errorf("writing %s: another operation was still running when the time ran out (%w); last answer: %w", target, ctx.Err(), asAPIError(conflict))
	}
	for {
		timer := time.NewTimer(c.opts.ConflictPollInterval)
		select {
		case <-ctx.Done():
			timer.Stop()
			return timedOut()
		case <-timer.C:
		}
		busy, err := c.busyWith(ctx, cluster)
		if err != nil && ctx.Err() != nil {
			// The time ran out during the check itself: the reason is still the other operation.
			return timedOut()
		}
		if err != nil {
			return err
		}
		if busy == "" {
			return nil
		}
		tflog.Debug(ctx, "still waiting for another operation", map[string]any{"cluster": cluster.String(), "running": busy})
	}
}

// waitForPool is waitForOtherOperations for a write to the pool id.
func (c *Coordinator) waitForPool(ctx context.Context, id PoolID, conflict error) error {
	return c.waitForOtherOperations(ctx, id.Cluster, fmt.Sprintf("agent pool %s of cluster %s", id.Name, id.Cluster.Name), conflict)
}

// busyWith reads the cluster and its pools directly and names the first one whose provisioning
// state is not terminal, or returns "" when none is.
func (c *Coordinator) busyWith(ctx context.Context, cluster ClusterID) (string, error) {
	mc, err := c.getCluster(ctx, cluster)
	if err != nil {
		return "", err
	}
	if mc.Properties != nil && !IsTerminal(mc.Properties.ProvisioningState) {
		return fmt.Sprintf("cluster %s (%s)", cluster.Name, *mc.Properties.ProvisioningState), nil
	}
	pools, err := c.listPools(ctx, cluster)
	if err != nil {
		return "", err
	}
	for _, p := range pools {
		if p.Properties != nil && !IsTerminal(p.Properties.ProvisioningState) {
			name := ""
			if p.Name != nil {
				name = *p.Name
			}
			return fmt.Sprintf("agent pool %s (%s)", name, *p.Properties.ProvisioningState), nil
		}
	}
	return "", nil
}

// IsTerminal reports whether a provisioning state is one no operation is running in. An absent
// state counts as terminal.
func IsTerminal(state *string) bool {
	if state == nil {
		return true
	}
	switch strings.ToLower(*state) {
	case "succeeded", "failed", "canceled", "cancelled":
		return true
	}
	return false
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
