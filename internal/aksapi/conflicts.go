package aksapi

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// waitForOtherOperations waits, after AKS refused a write with 409 OperationNotAllowed, until the
// cluster and all its pools are in a terminal provisioning state, or ctx ends. target names what
// was being written ("agent pool x of cluster y", "managed cluster y") for the log and the error.
func (c *Client) waitForOtherOperations(ctx context.Context, cluster ClusterID, target string, conflict error) error {
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

// whileBusy runs a write under the cluster's write lock. send returns busy when AKS refused the
// request with 409 OperationNotAllowed before accepting it (someone else's operation is running):
// that is waited out with wait, and send runs again, within ctx's deadline. Any other outcome ends
// the write.
func (c *Client) whileBusy(ctx context.Context, cluster ClusterID, wait func(ctx context.Context, conflict error) error, send func() (busy bool, err error)) error {
	unlock, err := c.lockCluster(ctx, cluster)
	if err != nil {
		return err
	}
	defer unlock()
	for {
		busy, err := send()
		if !busy {
			return err
		}
		if err := wait(ctx, err); err != nil {
			return err
		}
	}
}

// rereadBudget counts how often an update started again from its read because the resource
// changed between the read and the write (412); more than maxPreconditionRetries means something
// keeps writing it.
type rereadBudget struct{ used int }

// until runs attempt (read, change, PUT with If-Match) again after each 412 within the budget,
// logging message. attempt reports whether it sent the PUT and whether AKS accepted it; an error
// before the PUT (the read, the caller's change) ends the update as it is. It ends as whileBusy's
// send does: busy for a 409 OperationNotAllowed before AKS accepted the PUT.
func (b *rereadBudget) until(ctx context.Context, message string, fields map[string]any, attempt func() (sent, accepted bool, err error)) (busy bool, err error) {
	for {
		sent, accepted, err := attempt()
		switch {
		case !sent, accepted:
			return false, err
		case isOperationNotAllowed(err):
			return true, err
		case IsPreconditionFailed(err) && b.used < maxPreconditionRetries:
			b.used++
			tflog.Info(ctx, message, fields)
		default:
			return false, err
		}
	}
}

// poolWait is the wait of whileBusy for a write to the pool id.
func (c *Client) poolWait(id PoolID) func(context.Context, error) error {
	return func(ctx context.Context, conflict error) error { return c.waitForPool(ctx, id, conflict) }
}

// clusterWait is the wait of whileBusy for a write to the managed cluster itself.
func (c *Client) clusterWait(cluster ClusterID) func(context.Context, error) error {
	return func(ctx context.Context, conflict error) error { return c.waitForCluster(ctx, cluster, conflict) }
}

// waitForPool is waitForOtherOperations for a write to the pool id.
func (c *Client) waitForPool(ctx context.Context, id PoolID, conflict error) error {
	return c.waitForOtherOperations(ctx, id.Cluster, fmt.Sprintf("agent pool %s of cluster %s", id.Name, id.Cluster.Name), conflict)
}

// waitForCluster is waitForOtherOperations for a write to the managed cluster itself.
func (c *Client) waitForCluster(ctx context.Context, cluster ClusterID, conflict error) error {
	return c.waitForOtherOperations(ctx, cluster, "managed cluster "+cluster.Name, conflict)
}

// busyWith reads the cluster and its pools directly and names the first one whose provisioning
// state is not terminal, or returns "" when none is.
func (c *Client) busyWith(ctx context.Context, cluster ClusterID) (string, error) {
	mc, err := c.GetCluster(ctx, cluster)
	if err != nil {
		return "", err
	}
	if mc.Properties != nil && !IsTerminal(mc.Properties.ProvisioningState) {
		return fmt.Sprintf("cluster %s (%s)", cluster.Name, *mc.Properties.ProvisioningState), nil
	}
	pools, err := c.ListPools(ctx, cluster)
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
