package conformance_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/network/armnetwork/v7"

	"github.com/aksforge/terraform-provider-aks/internal/emulator"
	"github.com/aksforge/terraform-provider-aks/internal/emulator/pki"
)

// One CA for the test binary, as the acceptance tests share one.
var testCA = sync.OnceValues(pki.NewCA)

// lroDuration keeps long-running operations short but real: the SDK's
// pollers still see InProgress before Succeeded.
const lroDuration = 20 * time.Millisecond

// pollFast is how often the tests' pollers poll.
var pollFast = &runtime.PollUntilDoneOptions{Frequency: 5 * time.Millisecond}

// env is one emulator with clients authenticated by azidentity's
// ClientSecretCredential, as any ARM client would use it.
type env struct {
	srv    *emulator.Server
	cred   azcore.TokenCredential
	opts   *arm.ClientOptions
	aks    *armcontainerservice.ClientFactory
	net    *armnetwork.ClientFactory
	raw    *arm.Client
	subID  string
	baseRG string // a seeded resource group with the seeded VNets
}

func newEnv(t *testing.T) *env {
	t.Helper()
	ca, err := testCA()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := emulator.Start(context.Background(), emulator.Options{CA: ca, StateDir: t.TempDir(), LRODuration: lroDuration})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	transport := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: ca.Pool(), MinVersion: tls.VersionTLS12}}}
	clientOpts := azcore.ClientOptions{
		Cloud: cloud.Configuration{
			ActiveDirectoryAuthorityHost: srv.URL() + "/",
			Services: map[cloud.ServiceName]cloud.ServiceConfiguration{
				cloud.ResourceManager: {Endpoint: srv.URL(), Audience: "https://management.core.windows.net/"},
			},
		},
		Transport: transport,
		// Validation errors are 400s and never retried; keep retries of
		// anything else quick.
		Retry: policy.RetryOptions{RetryDelay: time.Millisecond, MaxRetryDelay: 5 * time.Millisecond},
	}
	cred, err := azidentity.NewClientSecretCredential(emulator.DefaultTenantID, emulator.DefaultClientID, emulator.DefaultClientSecret,
		&azidentity.ClientSecretCredentialOptions{ClientOptions: clientOpts, DisableInstanceDiscovery: true})
	if err != nil {
		t.Fatal(err)
	}
	opts := &arm.ClientOptions{ClientOptions: clientOpts}
	e := &env{srv: srv, cred: cred, opts: opts, subID: emulator.DefaultSubscriptionID, baseRG: "rg-aks-demo"}
	if e.aks, err = armcontainerservice.NewClientFactory(e.subID, cred, opts); err != nil {
		t.Fatal(err)
	}
	if e.net, err = armnetwork.NewClientFactory(e.subID, cred, opts); err != nil {
		t.Fatal(err)
	}
	if e.raw, err = arm.NewClient("conformance", "v1.0.0", cred, opts); err != nil {
		t.Fatal(err)
	}
	return e
}

// rawResponse is an answer read in full.
type rawResponse struct {
	status int
	header http.Header
	body   []byte
}

func (r rawResponse) json(t *testing.T) any {
	t.Helper()
	if len(bytes.TrimSpace(r.body)) == 0 {
		return nil
	}
	var v any
	if err := json.Unmarshal(r.body, &v); err != nil {
		t.Fatalf("answer is not JSON: %v: %s", err, r.body)
	}
	return v
}

// send makes one ARM request with the raw pipeline (bearer token, retries,
// the SDK's policies) and a JSON body sent verbatim.
func (e *env) send(ctx context.Context, method, path string, query url.Values, body any) (*http.Response, error) {
	req, err := runtime.NewRequest(ctx, method, runtime.JoinPaths(e.srv.URL(), path))
	if err != nil {
		return nil, err
	}
	req.Raw().URL.RawQuery = query.Encode()
	req.Raw().Header.Set("Accept", "application/json")
	if body != nil {
		if err := runtime.MarshalAsJSON(req, body); err != nil {
			return nil, err
		}
	}
	return e.raw.Pipeline().Do(req)
}

// call sends a request and reads the answer without interpreting it.
func (e *env) call(t *testing.T, method, path, apiVersion string, body any, extra url.Values) rawResponse {
	t.Helper()
	query := url.Values{"api-version": {apiVersion}}
	for k, v := range extra {
		query[k] = v
	}
	resp, err := e.send(t.Context(), method, path, query, body)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return rawResponse{status: resp.StatusCode, header: resp.Header, body: b}
}

// callLRO sends a request that may start a long-running operation, and
// completes it with azcore's own poller. It returns the first answer and the
// final result (the resource after a PUT).
func (e *env) callLRO(t *testing.T, method, path, apiVersion string, body any) (first rawResponse, final any, err error) {
	t.Helper()
	return e.callLROWith(t, method, path, apiVersion, body, nil)
}

// callLROWith is callLRO with poller options (FinalStateVia for POSTs, as the
// SDK's own clients set it).
func (e *env) callLROWith(t *testing.T, method, path, apiVersion string, body any, opts *runtime.NewPollerOptions[any]) (first rawResponse, final any, err error) {
	t.Helper()
	ctx := t.Context()
	resp, err := e.send(ctx, method, path, url.Values{"api-version": {apiVersion}}, body)
	if err != nil {
		return rawResponse{}, nil, err
	}
	payload, err := runtime.Payload(resp) // cached: the poller reads it again
	if err != nil {
		return rawResponse{}, nil, err
	}
	first = rawResponse{status: resp.StatusCode, header: resp.Header, body: payload}
	if !runtime.HasStatusCode(resp, http.StatusOK, http.StatusCreated, http.StatusAccepted, http.StatusNoContent) {
		return first, nil, runtime.NewResponseError(resp)
	}
	poller, err := runtime.NewPoller(resp, e.raw.Pipeline(), opts)
	if err != nil {
		return first, nil, err
	}
	final, err = poller.PollUntilDone(ctx, pollFast)
	return first, final, err
}

// responseError unwraps an SDK error into the ARM error it carries.
func responseError(t *testing.T, err error) *azcore.ResponseError {
	t.Helper()
	var re *azcore.ResponseError
	if !errors.As(err, &re) {
		t.Fatalf("want an *azcore.ResponseError, got %v", err)
	}
	return re
}

// wantRefused asserts that err is the ARM error status/code whose message
// contains substr.
func wantRefused(t *testing.T, err error, status int, code, substr string) {
	t.Helper()
	if err == nil {
		t.Fatalf("want %d %s, got success", status, code)
	}
	re := responseError(t, err)
	if re.StatusCode != status || re.ErrorCode != code {
		t.Fatalf("want %d %s, got %d %s: %v", status, code, re.StatusCode, re.ErrorCode, err)
	}
	if !strings.Contains(err.Error(), substr) {
		t.Fatalf("want a message containing %q, got %v", substr, err)
	}
}

func clusterPath(sub, rg, name string) string {
	return fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.ContainerService/managedClusters/%s", sub, rg, name)
}

// createResourceGroup makes a resource group in eastus (where the examples'
// resources go) with a raw ARM PUT (the module has no armresources client).
func (e *env) createResourceGroup(t *testing.T, name string) {
	t.Helper()
	r := e.call(t, http.MethodPut, "/subscriptions/"+e.subID+"/resourcegroups/"+name, "2021-04-01", map[string]any{"location": "eastus"}, nil)
	if r.status != http.StatusOK && r.status != http.StatusCreated {
		t.Fatalf("creating resource group %s: %d %s", name, r.status, r.body)
	}
}

// object returns a decoded JSON value as an object, failing the test if it
// is something else.
func object(t *testing.T, v any) map[string]any {
	t.Helper()
	m, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("want a JSON object, got %s", jsonType(v))
	}
	return m
}

// array returns a decoded JSON value as an array, failing the test if it is
// something else.
func array(t *testing.T, v any) []any {
	t.Helper()
	a, ok := v.([]any)
	if !ok {
		t.Fatalf("want a JSON array, got %s", jsonType(v))
	}
	return a
}

// text returns a decoded JSON value as a string, failing the test if it is
// something else.
func text(t *testing.T, v any) string {
	t.Helper()
	s, ok := v.(string)
	if !ok {
		t.Fatalf("want a JSON string, got %s", jsonType(v))
	}
	return s
}
