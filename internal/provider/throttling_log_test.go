package provider

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// Each wait of a throttling storm is in the TRACE log, as the troubleshooting guide says: one
// entry per 429 waited out, with its round and the Retry-After it waited, and none for the
// request's final answer.
func TestThrottlePolicy_LogsEachWaitAtTrace(t *testing.T) {
	var logged bytes.Buffer
	clock := &fakeClock{at: time.Now()}
	transport := &fakeTransport{responses: fiveThrottled("Retry-After", "1")}
	ctx, cancel := context.WithDeadline(tflogtest.RootLogger(context.Background(), &logged), clock.at.Add(time.Minute))
	defer cancel()
	req, _ := runtime.NewRequest(ctx, http.MethodGet, "https://arm.example/pool")
	if _, err := throttledPipeline(clock, transport, false).Do(req); err != nil {
		t.Fatal(err)
	}
	entries, err := tflogtest.MultilineJSONDecode(&logged)
	if err != nil {
		t.Fatal(err)
	}
	var waits []map[string]any
	for _, e := range entries {
		if msg, _ := e["@message"].(string); strings.HasPrefix(msg, "Azure throttled the request (429)") {
			waits = append(waits, e)
		}
	}
	if len(waits) != 5 {
		t.Fatalf("%d throttling waits logged, want 5; the log:\n%s", len(waits), logged.String())
	}
	for i, e := range waits {
		if e["@level"] != "trace" || e["round"] != float64(i+1) || e["retry_after_ms"] != float64(1000) || e["http_method"] != http.MethodGet {
			t.Errorf("wait %d logged as %v, want trace, round %d, retry_after_ms 1000, GET", i+1, e, i+1)
		}
	}
}

// When the wait would pass the deadline, the log says the provider stopped waiting.
func TestThrottlePolicy_LogsGivingUpAtTrace(t *testing.T) {
	var logged bytes.Buffer
	clock := &fakeClock{at: time.Now()}
	transport := &fakeTransport{responses: fiveThrottled("Retry-After", "20")}
	ctx, cancel := context.WithDeadline(tflogtest.RootLogger(context.Background(), &logged), clock.at.Add(10*time.Second))
	defer cancel()
	req, _ := runtime.NewRequest(ctx, http.MethodGet, "https://arm.example/pool")
	resp, err := throttledPipeline(clock, transport, false).Do(req)
	if err != nil || resp.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("answer %v, %v; want the 429", resp, err)
	}
	if !strings.Contains(logged.String(), "not waiting longer, the time allowed ends first") {
		t.Errorf("the log lacks the giving-up entry:\n%s", logged.String())
	}
}
