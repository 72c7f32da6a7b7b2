package aksapi

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// pollingRetries are azcore's retry settings while waiting for an operation: the operation runs on
// AKS whatever its status URL answers, so a 429, a 5xx or a dropped connection while polling says
// nothing about the operation and must not end the wait (ending it would record a healthy pool as
// failed, and the next apply would replace it). Only the operation's own end or the deadline ends
// it: azcore's retry policy stops when the context does, so MaxRetries is only a backstop.
var pollingRetries = policy.RetryOptions{
	MaxRetries:    1 << 20,
	RetryDelay:    800 * time.Millisecond,
	MaxRetryDelay: 2 * time.Minute, // a Retry-After longer than this ends the wait: honour long ones
	StatusCodes: []int{
		http.StatusRequestTimeout,
		http.StatusTooManyRequests,
		http.StatusInternalServerError,
		http.StatusBadGateway,
		http.StatusServiceUnavailable,
		http.StatusGatewayTimeout,
	},
}

// pollUntilDone waits for poller's operation with azcore, polling every frequency when AKS sends
// no Retry-After, and retrying the status URL's transient errors until ctx's deadline. Without a
// deadline the pipeline's own retries (three) apply, so that nothing waits forever.
func pollUntilDone[T any](ctx context.Context, poller *runtime.Poller[T], frequency time.Duration) (T, error) {
	if _, ok := ctx.Deadline(); ok {
		ctx = policy.WithRetryOptions(ctx, pollingRetries)
	}
	return poller.PollUntilDone(ctx, &runtime.PollUntilDoneOptions{Frequency: frequency})
}

// SettledPool reads the pool until its provisioning state is terminal (or ctx ends) and returns
// it. It is the wait for an operation whose answer, and so whose status URL, was lost: the pool's
// own state is then the only witness of the operation.
func (c *Client) SettledPool(ctx context.Context, id PoolID) (*armcontainerservice.AgentPool, error) {
	for {
		pool, err := c.GetPool(ctx, id)
		if err != nil {
			return nil, err
		}
		if pool.Properties == nil || IsTerminal(pool.Properties.ProvisioningState) {
			return pool, nil
		}
		tflog.Debug(ctx, "waiting for the pool's operation to end", map[string]any{"pool": id.String(), "state": *pool.Properties.ProvisioningState})
		timer := time.NewTimer(c.opts.PollFrequency)
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil, fmt.Errorf("waiting for agent pool %s of cluster %s to finish %s: %w", id.Name, id.Cluster.Name, *pool.Properties.ProvisioningState, ctx.Err())
		case <-timer.C:
		}
	}
}
