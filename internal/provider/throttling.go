package provider

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// throttlePolicy waits out throttling. azcore's retry policy (retryOptions) tries a request four
// times; a throttling storm outlasts that, and ARM's answer to a client that is throttled is "wait
// Retry-After and try again", not "fail". So when a request still ends in 429 after azcore's
// retries, this policy, which runs before azcore's retry policy (a per-call policy), waits for the
// Retry-After and sends it again, for as long as the request's deadline (the resource's timeout)
// allows. A request without a deadline (plan-time reads) keeps azcore's retries only: without a
// deadline nothing would bound the wait.
type throttlePolicy struct {
	// now and sleep are the clock; tests replace them.
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
}

func newThrottlePolicy() throttlePolicy {
	return throttlePolicy{now: time.Now, sleep: sleepContext}
}

// noRetryAfterDelay is the wait when a 429 carries no Retry-After (ARM always sends one).
const noRetryAfterDelay = 10 * time.Second

func (p throttlePolicy) Do(req *policy.Request) (*http.Response, error) {
	ctx := req.Raw().Context()
	waited := time.Duration(0)
	for round := 1; ; round++ {
		resp, err := req.Next()
		if err != nil || resp.StatusCode != http.StatusTooManyRequests {
			return resp, err
		}
		deadline, ok := ctx.Deadline()
		delay := retryAfter(resp.Header, p.now())
		if delay <= 0 {
			delay = noRetryAfterDelay
		}
		if !ok || !p.now().Add(delay).Before(deadline) {
			tflog.Trace(ctx, "Azure throttled the request; not waiting longer, the time allowed ends first", map[string]any{
				"http_method": req.Raw().Method, "waited_ms": waited.Milliseconds(), "retry_after_ms": delay.Milliseconds(),
			})
			return resp, err
		}
		tflog.Trace(ctx, "Azure throttled the request (429); waiting for its Retry-After before trying again", map[string]any{
			"http_method": req.Raw().Method, "round": round, "retry_after_ms": delay.Milliseconds(), "waited_ms": waited.Milliseconds(),
		})
		runtime.Drain(resp)
		if err := p.sleep(ctx, delay); err != nil {
			return nil, err
		}
		waited += delay
		if err := req.RewindBody(); err != nil {
			return nil, err
		}
	}
}

// retryAfter reads the wait a throttled answer asks for: Retry-After-Ms or x-ms-retry-after-ms
// (milliseconds), else Retry-After (seconds or an HTTP date), as azcore reads them.
func retryAfter(h http.Header, now time.Time) time.Duration {
	for _, name := range []string{"Retry-After-Ms", "X-Ms-Retry-After-Ms"} {
		if v := h.Get(name); v != "" {
			if ms, err := strconv.ParseInt(v, 10, 64); err == nil && ms > 0 {
				return time.Duration(ms) * time.Millisecond
			}
		}
	}
	v := h.Get("Retry-After")
	if v == "" {
		return 0
	}
	if s, err := strconv.ParseInt(v, 10, 64); err == nil {
		return time.Duration(s) * time.Second
	}
	if at, err := http.ParseTime(v); err == nil {
		return at.Sub(now)
	}
	return 0
}

// sleepContext waits d, or less when ctx ends first.
func sleepContext(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}
