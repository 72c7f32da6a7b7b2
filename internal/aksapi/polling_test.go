package aksapi

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
)

// scriptedTransport answers requests with its responses in order and records the requests' URLs.
type scriptedTransport struct {
	mu        sync.Mutex
	responses []func() *http.Response
	urls      []string
}

func (s *scriptedTransport) Do(req *http.Request) (*http.Response, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.urls = append(s.urls, req.Method+" "+req.URL.String())
	next := s.responses[0]
	if len(s.responses) > 1 {
		s.responses = s.responses[1:]
	}
	resp := next()
	resp.Request = req
	return resp, nil
}

func answer(status int, body string, headers ...string) func() *http.Response {
	return func() *http.Response {
		h := http.Header{"Content-Type": {"application/json"}}
		for i := 0; i+1 < len(headers); i += 2 {
			h.Set(headers[i], headers[i+1])
		}
		return &http.Response{StatusCode: status, Status: http.StatusText(status), Header: h, Body: io.NopCloser(strings.NewReader(body))}
	}
}

const statusURL = "https://arm.example/operations/op1"

// startedOperation is a poller on an accepted PUT whose status URL answers with status.
func startedOperation(t *testing.T, status ...func() *http.Response) (*runtime.Poller[struct{ Name string }], *scriptedTransport) {
	t.Helper()
	transport := &scriptedTransport{responses: status}
	pl := runtime.NewPipeline("test", "v1.0.0", runtime.PipelineOptions{}, &policy.ClientOptions{
		Transport: transport,
		Retry:     policy.RetryOptions{MaxRetries: 3, RetryDelay: time.Millisecond},
	})
	req, err := http.NewRequest(http.MethodPut, "https://arm.example/pools/p1", nil)
	if err != nil {
		t.Fatal(err)
	}
	accepted := answer(http.StatusCreated, `{"name":"p1","properties":{"provisioningState":"Creating"}}`,
		"Azure-AsyncOperation", statusURL, "Retry-After-Ms", "1")()
	accepted.Request = req
	poller, err := runtime.NewPoller[struct{ Name string }](accepted, pl, nil)
	if err != nil {
		t.Fatal(err)
	}
	return poller, transport
}

func unavailable(n int) []func() *http.Response {
	var out []func() *http.Response
	for range n {
		out = append(out, answer(http.StatusServiceUnavailable, `{"error":{"code":"ServiceUnavailable","message":"try later"}}`, "Retry-After-Ms", "1"))
	}
	return out
}

func TestPollUntilDone_TransientStatusErrorsDoNotEndTheWait(t *testing.T) {
	poller, transport := startedOperation(t, append(unavailable(5),
		answer(http.StatusOK, `{"status":"Succeeded"}`),
		answer(http.StatusOK, `{"name":"p1"}`))...)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	got, err := pollUntilDone(ctx, poller, time.Millisecond)
	if err != nil {
		t.Fatalf("the wait ended with %v after %v, want it to outlast five 503s", err, transport.urls)
	}
	if got.Name != "p1" || len(transport.urls) != 7 {
		t.Errorf("got %+v after %d requests %v, want p1 after 6 status polls and the final GET", got, len(transport.urls), transport.urls)
	}
}

// Without a deadline nothing bounds the wait, so the pipeline's three retries apply: the same
// storm ends it. This is also what the test above would see without pollUntilDone's settings.
func TestPollUntilDone_WithoutADeadlineKeepsThePipelinesRetries(t *testing.T) {
	poller, transport := startedOperation(t, append(unavailable(5), answer(http.StatusOK, `{"status":"Succeeded"}`))...)
	_, err := pollUntilDone(context.Background(), poller, time.Millisecond)
	if err == nil || !strings.Contains(err.Error(), "503") || len(transport.urls) != 4 {
		t.Errorf("err %v after %d requests, want the 503 after four tries", err, len(transport.urls))
	}
}

func TestPollUntilDone_TheOperationsOwnFailureEndsTheWait(t *testing.T) {
	poller, transport := startedOperation(t, append(unavailable(2),
		answer(http.StatusOK, `{"status":"Failed","error":{"code":"VMExtensionProvisioningError","message":"vmssCSE"}}`))...)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, err := pollUntilDone(ctx, poller, time.Millisecond)
	if err == nil || !strings.Contains(err.Error(), "VMExtensionProvisioningError") || len(transport.urls) != 3 {
		t.Errorf("err %v after %d requests, want the operation's failure after three polls", err, len(transport.urls))
	}
}

func TestPollUntilDone_TheDeadlineEndsTheWait(t *testing.T) {
	poller, _ := startedOperation(t, unavailable(1)...) // unavailable for ever
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := pollUntilDone(ctx, poller, time.Millisecond)
	if err == nil || ctx.Err() == nil {
		t.Errorf("err %v, want the wait to end with the context", err)
	}
}
