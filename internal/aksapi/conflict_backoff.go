package aksapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// The wait after AKS refused a write with 409 OperationNotAllowed because someone else's operation
// (the portal, the CLI, another Terraform run, the autoscaler, AKS itself) runs on the pool or
// cluster: wait for the Retry-After the answer carries, else back off exponentially up to a cap,
// and send the write again, until the caller's deadline (the resource's timeout).
//
// Hand-written rather than azcore's retry policy, which does the same for 408/429/5xx: that policy
// belongs to the provider's one pipeline and counts tries instead of honouring the operation's
// timeout; it can only resend the identical request, while UpdatePool must read the pool again
// (a new ETag) before each try; it logs to azcore's process-wide listener, not to the Terraform
// operation's log; and at the deadline it returns the bare context error, losing what was busy.
// What it does that fits is copied in behaviour: Retry-After-Ms, x-ms-retry-after-ms and
// Retry-After (seconds or an HTTP date) are read in that order, as azcore reads them.

// conflictBackoff is the policy: the first delay without Retry-After, its cap (each delay doubles
// the previous one), and the clock and sleeper, which tests replace.
type conflictBackoff struct {
	first, max time.Duration
	now        func() time.Time
	// sleep waits d, or returns ctx's error when ctx ends first.
	sleep func(ctx context.Context, d time.Duration) error
}

// sleepContext is the production sleeper.
func sleepContext(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// conflictWait is the state of one write's waits: created for each write, so a write's backoff
// starts from the first delay.
type conflictWait struct {
	policy  conflictBackoff
	target  string // what is written, for the log and the error: "agent pool x of cluster y"
	started time.Time
	waits   int
	backoff time.Duration // the delay of the next wait without Retry-After
}

func (p conflictBackoff) start(target string) *conflictWait {
	return &conflictWait{policy: p, target: target, backoff: p.first}
}

// wait waits out the conflict (a 409 OperationNotAllowed) before the write is sent again. It
// returns an error, wrapping context.DeadlineExceeded (or ctx's error) and AKS's answer, when ctx
// ends first or the next try would come after ctx's deadline: the write is not sent again then.
func (w *conflictWait) wait(ctx context.Context, conflict error) error {
	now := w.policy.now()
	if w.waits == 0 {
		w.started = now
	}
	delay, retryAfter := w.next(conflict, now)
	fields := map[string]any{
		"writing":     w.target,
		"reason":      asAPIError(conflict).Error(),
		"delay":       delay.String(),
		"retry_after": retryAfter,
		"waited":      now.Sub(w.started).String(),
		"attempt":     w.waits + 1,
	}
	if deadline, ok := ctx.Deadline(); ok && now.Add(delay).After(deadline) {
		return w.giveUp(now, fmt.Sprintf("the next try, in %s, would come after the timeout", delay), context.DeadlineExceeded, conflict)
	}
	tflog.Trace(ctx, "AKS refused the write because another operation is running (409 OperationNotAllowed); waiting before trying again", fields)
	if err := w.policy.sleep(ctx, delay); err != nil {
		return w.giveUp(w.policy.now(), "the time ran out", err, conflict)
	}
	w.waits++
	return nil
}

// next returns the delay before the next try: the answer's Retry-After when it has one ("" when
// not), else the backoff, which then doubles up to the cap. A Retry-After of zero (or a date
// passed) counts as none, so that answers repeating it can't make the writes a busy loop.
func (w *conflictWait) next(conflict error, now time.Time) (time.Duration, string) {
	if d, header, ok := retryAfter(conflict, now); ok && d > 0 {
		return d, header
	}
	d := w.backoff
	w.backoff = min(2*w.backoff, w.policy.max)
	return d, ""
}

func (w *conflictWait) giveUp(now time.Time, why string, cause, conflict error) error {
	return fmt.Errorf("writing %s: another operation was still running after waiting %s (%d tries; %s): %w; last answer: %w",
		w.target, now.Sub(w.started).Round(time.Millisecond), w.waits+1, why, cause, asAPIError(conflict))
}

// retryAfter reads how long the answer in err's chain asks to wait, as azcore's retry policy does:
// Retry-After-Ms, x-ms-retry-after-ms, then Retry-After in seconds or as an HTTP date. header is
// the raw header value, for the log; now is the clock's time, against which a date is read.
func retryAfter(err error, now time.Time) (d time.Duration, header string, ok bool) {
	var respErr *azcore.ResponseError
	if !errors.As(err, &respErr) || respErr.RawResponse == nil {
		return 0, "", false
	}
	h := respErr.RawResponse.Header
	for _, name := range []string{"Retry-After-Ms", "X-Ms-Retry-After-Ms"} {
		if v := strings.TrimSpace(h.Get(name)); v != "" {
			if ms, err := strconv.Atoi(v); err == nil && ms >= 0 {
				return time.Duration(ms) * time.Millisecond, name + ": " + v, true
			}
		}
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, "", false
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second, "Retry-After: " + v, true
	}
	if at, err := http.ParseTime(v); err == nil {
		return max(0, at.Sub(now)), "Retry-After: " + v, true
	}
	return 0, "", false
}
