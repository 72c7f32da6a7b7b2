package provider

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/streaming"
)

// fakeClock is the throttle policy's clock in tests: sleeping moves it on.
type fakeClock struct {
	at    time.Time
	slept []time.Duration
}

func (c *fakeClock) now() time.Time { return c.at }

func (c *fakeClock) sleep(_ context.Context, d time.Duration) error {
	c.slept = append(c.slept, d)
	c.at = c.at.Add(d)
	return nil
}

// throttledPipeline is the provider's pipeline with the throttle policy on clock, over transport;
// azcoreRetries false turns azcore's own retries off, to see the throttle policy alone.
func throttledPipeline(clock *fakeClock, transport *fakeTransport, azcoreRetries bool) runtime.Pipeline {
	options := clientOptions("1", "", "", nil)
	options.Transport = transport
	options.PerCallPolicies = []policy.Policy{throttlePolicy{now: clock.now, sleep: clock.sleep}}
	if !azcoreRetries {
		options.Retry.MaxRetries = -1
	}
	return runtime.NewPipeline("test", "v1.0.0", runtime.PipelineOptions{}, &options)
}

// fiveThrottled is a storm: five 429s with headers, then 200.
func fiveThrottled(headers ...string) []*http.Response {
	var out []*http.Response
	for range 5 {
		out = append(out, response(http.StatusTooManyRequests, "", "", headers...))
	}
	return append(out, response(http.StatusOK, "", ""))
}

func TestThrottlePolicy_WaitsOutAStormWithinTheDeadline(t *testing.T) {
	clock := &fakeClock{at: time.Now()}
	transport := &fakeTransport{responses: fiveThrottled("Retry-After", "1")}
	ctx, cancel := context.WithDeadline(context.Background(), clock.at.Add(time.Minute))
	defer cancel()
	req, _ := runtime.NewRequest(ctx, http.MethodPut, "https://arm.example/pool")
	if err := req.SetBody(streaming.NopCloser(strings.NewReader(`{"properties":{}}`)), "application/json"); err != nil {
		t.Fatal(err)
	}
	resp, err := throttledPipeline(clock, transport, false).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || len(transport.requests) != 6 {
		t.Fatalf("%d tries ending in %d, want 6 ending in 200", len(transport.requests), resp.StatusCode)
	}
	if len(clock.slept) != 5 || clock.slept[0] != time.Second {
		t.Errorf("slept %v, want five waits of the Retry-After 1s", clock.slept)
	}
	for i, body := range transport.bodies {
		if body != `{"properties":{}}` {
			t.Errorf("try %d sent body %q, want the whole body again", i+1, body)
		}
	}
}

func TestThrottlePolicy_GivesUpWhenTheWaitWouldPassTheDeadline(t *testing.T) {
	clock := &fakeClock{at: time.Now()}
	transport := &fakeTransport{responses: fiveThrottled("Retry-After", "20")}
	ctx, cancel := context.WithDeadline(context.Background(), clock.at.Add(50*time.Second))
	defer cancel()
	req, _ := runtime.NewRequest(ctx, http.MethodGet, "https://arm.example/pool")
	resp, err := throttledPipeline(clock, transport, false).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusTooManyRequests || len(clock.slept) != 2 || len(transport.requests) != 3 {
		t.Errorf("%d tries ending in %d after waits %v, want 3 tries (0s, 20s, 40s: the next ends at 60s) ending in 429",
			len(transport.requests), resp.StatusCode, clock.slept)
	}
}

func TestThrottlePolicy_WithoutADeadlineKeepsAzcoresRetriesOnly(t *testing.T) {
	clock := &fakeClock{at: time.Now()}
	transport := &fakeTransport{responses: fiveThrottled("Retry-After-Ms", "1")}
	req, _ := runtime.NewRequest(context.Background(), http.MethodGet, "https://arm.example/pool")
	resp, err := throttledPipeline(clock, transport, true).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusTooManyRequests || len(transport.requests) != 4 || len(clock.slept) != 0 {
		t.Errorf("%d tries ending in %d, slept %v; want azcore's 4 tries ending in 429, no wait of its own", len(transport.requests), resp.StatusCode, clock.slept)
	}
}

func TestThrottlePolicy_ComposesWithAzcoresRetries(t *testing.T) {
	clock := &fakeClock{at: time.Now()}
	transport := &fakeTransport{responses: fiveThrottled("Retry-After-Ms", "1")}
	ctx, cancel := context.WithDeadline(context.Background(), clock.at.Add(time.Minute))
	defer cancel()
	req, _ := runtime.NewRequest(ctx, http.MethodGet, "https://arm.example/pool")
	resp, err := throttledPipeline(clock, transport, true).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	// azcore tries four times; the policy waits once (1ms) and azcore's next try succeeds.
	if resp.StatusCode != http.StatusOK || len(transport.requests) != 6 || len(clock.slept) != 1 || clock.slept[0] != time.Millisecond {
		t.Errorf("%d tries ending in %d after waits %v, want 6 tries ending in 200 after one 1ms wait", len(transport.requests), resp.StatusCode, clock.slept)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		header http.Header
		want   time.Duration
	}{
		{http.Header{"Retry-After": {"3"}}, 3 * time.Second},
		{http.Header{"Retry-After-Ms": {"250"}, "Retry-After": {"3"}}, 250 * time.Millisecond},
		{http.Header{"X-Ms-Retry-After-Ms": {"40"}}, 40 * time.Millisecond},
		{http.Header{"Retry-After": {now.Add(7 * time.Second).Format(http.TimeFormat)}}, 7 * time.Second},
		{http.Header{"Retry-After": {"soon"}}, 0},
		{http.Header{}, 0},
	}
	for _, tc := range tests {
		if got := retryAfter(tc.header, now); got != tc.want {
			t.Errorf("retryAfter(%v) = %v, want %v", tc.header, got, tc.want)
		}
	}
}
