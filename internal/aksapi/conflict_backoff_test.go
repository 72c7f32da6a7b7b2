package aksapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// fakeClock is the policy's clock and sleeper: sleeping moves the clock, and records the delay.
type fakeClock struct {
	now    time.Time
	slept  []time.Duration
	cancel func() // if set, called instead of sleeping, as when the time runs out meanwhile
}

func (f *fakeClock) Now() time.Time { return f.now }

func (f *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if f.cancel != nil {
		f.cancel()
		return ctx.Err()
	}
	f.slept = append(f.slept, d)
	f.now = f.now.Add(d)
	return nil
}

// operationNotAllowed is AKS's 409 for a busy pool, with the given extra headers, as azcore
// reports it.
func operationNotAllowed(t *testing.T, headers map[string]string) error {
	t.Helper()
	body := `{"code":"OperationNotAllowed","message":"Operation is not allowed: Another agentpool operation (ours - Scaling) is in progress, please wait for it to finish before starting a new operation."}`
	req, err := http.NewRequest(http.MethodPut, "https://management.azure.com/x/agentPools/ours", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp := &http.Response{StatusCode: http.StatusConflict, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(body)), Request: req}
	resp.Header.Set("x-ms-error-code", "OperationNotAllowed")
	for k, v := range headers {
		resp.Header.Set(k, v)
	}
	err = runtime.NewResponseError(resp)
	if !isOperationNotAllowed(err) {
		t.Fatalf("test answer %v is not an OperationNotAllowed", err)
	}
	return err
}

func testPolicy(clock *fakeClock) conflictBackoff {
	return conflictBackoff{first: 5 * time.Second, max: 20 * time.Second, now: clock.Now, sleep: clock.Sleep}
}

func TestConflictBackoffDoublesUpToTheCap(t *testing.T) {
	clock := &fakeClock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	w := testPolicy(clock).start("agent pool ours of cluster aks-test")
	conflict := operationNotAllowed(t, nil)
	for range 5 {
		if err := w.wait(context.Background(), conflict); err != nil {
			t.Fatal(err)
		}
	}
	want := []time.Duration{5 * time.Second, 10 * time.Second, 20 * time.Second, 20 * time.Second, 20 * time.Second}
	if !slices.Equal(clock.slept, want) {
		t.Fatalf("delays = %v, want %v", clock.slept, want)
	}
}

func TestConflictBackoffHonoursRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for name, tc := range map[string]struct {
		headers map[string]string
		want    time.Duration
	}{
		"seconds":            {map[string]string{"Retry-After": "7"}, 7 * time.Second},
		"HTTP date":          {map[string]string{"Retry-After": now.Add(42 * time.Second).Format(http.TimeFormat)}, 42 * time.Second},
		"milliseconds first": {map[string]string{"Retry-After-Ms": "1500", "Retry-After": "30"}, 1500 * time.Millisecond},
		"x-ms milliseconds":  {map[string]string{"x-ms-retry-after-ms": "250"}, 250 * time.Millisecond},
		"a past date":        {map[string]string{"Retry-After": now.Add(-time.Minute).Format(http.TimeFormat)}, 5 * time.Second},
		"zero backs off":     {map[string]string{"Retry-After": "0"}, 5 * time.Second},
		"garbage backs off":  {map[string]string{"Retry-After": "soon"}, 5 * time.Second},
	} {
		t.Run(name, func(t *testing.T) {
			clock := &fakeClock{now: now}
			w := testPolicy(clock).start("agent pool ours of cluster aks-test")
			if err := w.wait(context.Background(), operationNotAllowed(t, tc.headers)); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(clock.slept, []time.Duration{tc.want}) {
				t.Fatalf("delays = %v, want [%v]", clock.slept, tc.want)
			}
		})
	}
	// A Retry-After does not use up the backoff: the next answer without one waits the first delay.
	clock := &fakeClock{now: now}
	w := testPolicy(clock).start("agent pool ours of cluster aks-test")
	for _, h := range []map[string]string{{"Retry-After": "3"}, nil, nil} {
		if err := w.wait(context.Background(), operationNotAllowed(t, h)); err != nil {
			t.Fatal(err)
		}
	}
	if want := []time.Duration{3 * time.Second, 5 * time.Second, 10 * time.Second}; !slices.Equal(clock.slept, want) {
		t.Fatalf("delays = %v, want %v", clock.slept, want)
	}
}

func TestConflictBackoffStopsAtTheDeadline(t *testing.T) {
	clock := &fakeClock{now: time.Now()}
	ctx, cancel := context.WithDeadline(context.Background(), clock.now.Add(12*time.Second))
	defer cancel()
	w := testPolicy(clock).start("agent pool ours of cluster aks-test")
	conflict := operationNotAllowed(t, nil)
	var err error
	for range 3 {
		if err = w.wait(ctx, conflict); err != nil {
			break
		}
	}
	// 5s, then 10s would end after the deadline: the policy stops without sleeping it.
	if !slices.Equal(clock.slept, []time.Duration{5 * time.Second}) {
		t.Fatalf("delays = %v, want [5s]", clock.slept)
	}
	if err == nil {
		t.Fatal("the wait went on past the deadline")
	}
	for _, want := range []string{"writing agent pool ours of cluster aks-test", "after waiting 5s", "2 tries", "the next try, in 10s, would come after the timeout", "AKS answered 409 OperationNotAllowed", "(ours - Scaling)"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v does not wrap context.DeadlineExceeded, so the resource would not explain its timeout", err)
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusConflict {
		t.Errorf("error %v does not carry AKS's answer", err)
	}
}

func TestConflictBackoffEndsWhenTheContextEndsWhileWaiting(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	clock := &fakeClock{now: time.Now(), cancel: cancel}
	err := testPolicy(clock).start("managed cluster aks-test").wait(ctx, operationNotAllowed(t, nil))
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "the time ran out") || !strings.Contains(err.Error(), "managed cluster aks-test") {
		t.Fatalf("error = %v, want the cancellation, the reason and the target", err)
	}
}

func TestConflictBackoffTracesEachWait(t *testing.T) {
	var out bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &out)
	clock := &fakeClock{now: time.Now()}
	w := testPolicy(clock).start("agent pool ours of cluster aks-test")
	for _, h := range []map[string]string{{"Retry-After": "2"}, nil} {
		if err := w.wait(ctx, operationNotAllowed(t, h)); err != nil {
			t.Fatal(err)
		}
	}
	entries, err := tflogtest.MultilineJSONDecode(&out)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 {
		t.Fatalf("log entries = %d, want one per wait: %s", len(entries), mustJSON(entries))
	}
	first, second := entries[0], entries[1]
	reason, _ := first["reason"].(string)
	if first["@level"] != "trace" || first["writing"] != "agent pool ours of cluster aks-test" || first["delay"] != "2s" ||
		first["retry_after"] != "Retry-After: 2" || !strings.Contains(reason, "OperationNotAllowed") {
		t.Errorf("first wait logged %s", mustJSON(first))
	}
	if second["delay"] != "5s" || second["retry_after"] != "" || second["waited"] != "2s" || second["attempt"] != float64(2) {
		t.Errorf("second wait logged %s", mustJSON(second))
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
