package aksapi

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// whileBusy runs a cluster write under the cluster's lock, held exclusively (lockCluster). send
// returns busy when AKS refused the request with 409 OperationNotAllowed before accepting it
// (someone else's operation is running): that is waited out with wait, and send runs again, within
// ctx's deadline. Any other outcome ends the write.
func (c *Client) whileBusy(ctx context.Context, cluster ClusterID, wait func(ctx context.Context, conflict error) error, send func() (busy bool, err error)) error {
	return c.retryWhileBusy(ctx, func(ctx context.Context) (func(), error) { return c.lockCluster(ctx, cluster) }, wait, send)
}

// whilePoolBusy is whileBusy for a write to the pool id: under the cluster's lock held shared and
// the pool's own lock (lockPool), so writes to other pools of the cluster run meanwhile.
func (c *Client) whilePoolBusy(ctx context.Context, id PoolID, send func() (busy bool, err error)) error {
	return c.retryWhileBusy(ctx, func(ctx context.Context) (func(), error) { return c.lockPool(ctx, id) }, c.poolWait(id), send)
}

func (c *Client) retryWhileBusy(ctx context.Context, lock func(context.Context) (func(), error), wait func(ctx context.Context, conflict error) error, send func() (busy bool, err error)) error {
	unlock, err := lock(ctx)
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

// poolWait is the wait of whileBusy for a write to the pool id; each call starts a new backoff.
func (c *Client) poolWait(id PoolID) func(context.Context, error) error {
	return c.conflictBackoff().start(fmt.Sprintf("agent pool %s of cluster %s", id.Name, id.Cluster.Name)).wait
}

// clusterWait is the wait of whileBusy for a write to the managed cluster itself; each call starts
// a new backoff.
func (c *Client) clusterWait(cluster ClusterID) func(context.Context, error) error {
	return c.conflictBackoff().start("managed cluster " + cluster.Name).wait
}

func (c *Client) conflictBackoff() conflictBackoff {
	return conflictBackoff{first: c.opts.ConflictRetryDelay, max: c.opts.ConflictMaxRetryDelay, now: c.opts.conflictNow, sleep: c.opts.conflictSleep}
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
