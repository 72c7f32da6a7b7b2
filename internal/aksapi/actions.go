package aksapi

import (
	"context"
	"fmt"
	"net/http"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// This file holds the one-off operations the provider's actions start: deleting named machines of
// a pool and aborting the running operation of a cluster or pool, and the machines list they read.
// The node-image upgrade is UpgradePoolNodeImage (pools.go).

// Accepted is told when AKS accepted a long-running request, before the wait for its operation:
// the actions report it as progress. nil is allowed.
type Accepted func()

func (a Accepted) call() {
	if a != nil {
		a()
	}
}

// ListPoolMachines lists the machines (nodes) of the pool, in the order AKS answers them.
func (c *Client) ListPoolMachines(ctx context.Context, id PoolID) ([]*armcontainerservice.Machine, error) {
	f, err := c.factory(id.Cluster.SubscriptionID)
	if err != nil {
		return nil, err
	}
	var machines []*armcontainerservice.Machine
	pager := f.NewMachinesClient().NewListPager(id.Cluster.ResourceGroup, id.Cluster.Name, id.Name, nil)
	for pager.More() {
		page, err := pager.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("listing the machines of agent pool %s of cluster %s: %w", id.Name, id.Cluster.Name, asAPIError(err))
		}
		for _, m := range page.Value {
			if m != nil {
				machines = append(machines, m)
			}
		}
	}
	return machines, nil
}

// DeletePoolMachines deletes the named machines of the pool (AKS lowers the pool's count by as
// many) and waits for the operation. Writes to the cluster are serialised; a 409
// OperationNotAllowed (someone else's operation) is waited out and the request sent again, within
// ctx's deadline. AKS refuses a name that is not a machine of the pool; its error is returned.
func (c *Client) DeletePoolMachines(ctx context.Context, id PoolID, names []string, accepted Accepted) error {
	return c.whileBusy(ctx, id.Cluster, c.poolWait(id), func() (bool, error) {
		f, err := c.factory(id.Cluster.SubscriptionID)
		if err != nil {
			return false, err
		}
		body := armcontainerservice.AgentPoolDeleteMachinesParameter{MachineNames: to.SliceOfPtrs(names...)}
		poller, err := f.NewAgentPoolsClient().BeginDeleteMachines(ctx, id.Cluster.ResourceGroup, id.Cluster.Name, id.Name, body, nil)
		if isOperationNotAllowed(err) {
			return true, err
		}
		if err != nil {
			return false, fmt.Errorf("deleting machines of agent pool %s of cluster %s: %w", id.Name, id.Cluster.Name, asAPIError(err))
		}
		accepted.call()
		if _, err := poller.PollUntilDone(ctx, &runtime.PollUntilDoneOptions{Frequency: c.opts.PollFrequency}); err != nil {
			return false, fmt.Errorf("deleting machines of agent pool %s of cluster %s: the operation did not succeed: %w", id.Name, id.Cluster.Name, asAPIError(err))
		}
		return false, nil
	})
}

// AbortClusterOperation aborts the operation running on the managed cluster and waits until AKS
// has cancelled it. Unlike the writes it takes no write lock and waits nothing out: its purpose is
// to stop the operation a lock holder (or someone else) is waiting for. AKS answers 409 when no
// operation is running, also when it completed before it could be cancelled; that error is
// returned, as IsNothingToAbort recognises it.
func (c *Client) AbortClusterOperation(ctx context.Context, cluster ClusterID, accepted Accepted) error {
	f, err := c.factory(cluster.SubscriptionID)
	if err != nil {
		return err
	}
	defer c.state(cluster).invalidate() // the cluster's and pools' states change
	poller, err := f.NewManagedClustersClient().BeginAbortLatestOperation(ctx, cluster.ResourceGroup, cluster.Name, nil)
	if err != nil {
		return fmt.Errorf("aborting the operation of managed cluster %s: %w", cluster.Name, asAPIError(err))
	}
	accepted.call()
	if _, err := poller.PollUntilDone(ctx, &runtime.PollUntilDoneOptions{Frequency: c.opts.PollFrequency}); err != nil {
		return fmt.Errorf("aborting the operation of managed cluster %s: the abort did not succeed: %w", cluster.Name, asAPIError(err))
	}
	return nil
}

// AbortPoolOperation aborts the operation running on the agent pool and waits until AKS has
// cancelled it, as AbortClusterOperation does for a cluster.
func (c *Client) AbortPoolOperation(ctx context.Context, id PoolID, accepted Accepted) error {
	f, err := c.factory(id.Cluster.SubscriptionID)
	if err != nil {
		return err
	}
	defer c.state(id.Cluster).invalidate()
	poller, err := f.NewAgentPoolsClient().BeginAbortLatestOperation(ctx, id.Cluster.ResourceGroup, id.Cluster.Name, id.Name, nil)
	if err != nil {
		return fmt.Errorf("aborting the operation of agent pool %s of cluster %s: %w", id.Name, id.Cluster.Name, asAPIError(err))
	}
	accepted.call()
	if _, err := poller.PollUntilDone(ctx, &runtime.PollUntilDoneOptions{Frequency: c.opts.PollFrequency}); err != nil {
		return fmt.Errorf("aborting the operation of agent pool %s of cluster %s: the abort did not succeed: %w", id.Name, id.Cluster.Name, asAPIError(err))
	}
	return nil
}

// IsNothingToAbort reports whether an abort was refused because no operation was running (AKS
// answers 409: "If the operation completes before cancellation can take place, a 409 error code is
// returned", the REST spec's description of both abort operations).
func IsNothingToAbort(err error) bool {
	return hasStatus(err, http.StatusConflict)
}
