package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/streaming"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// fakeTransport answers requests from a list of responses and records what it was sent.
type fakeTransport struct {
	mu        sync.Mutex
	responses []*http.Response
	requests  []*http.Request
	bodies    []string
}

func (f *fakeTransport) Do(req *http.Request) (*http.Response, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	body := ""
	if req.Body != nil {
		b, _ := io.ReadAll(req.Body)
		body = string(b)
	}
	f.requests = append(f.requests, req)
	f.bodies = append(f.bodies, body)
	resp := f.responses[0]
	if len(f.responses) > 1 {
		f.responses = f.responses[1:]
	}
	clone := *resp
	clone.Request = req
	if raw, ok := resp.Body.(*reusableBody); ok {
		clone.Body = io.NopCloser(strings.NewReader(raw.s))
	}
	return &clone, nil
}

type reusableBody struct {
	io.Reader
	s string
}

func (*reusableBody) Close() error { return nil }

func response(status int, contentType, body string, headers ...string) *http.Response {
	h := http.Header{}
	if contentType != "" {
		h.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		h.Set(headers[i], headers[i+1])
	}
	return &http.Response{StatusCode: status, Status: http.StatusText(status), Header: h, Body: &reusableBody{Reader: strings.NewReader(body), s: body}}
}

func TestUserAgent(t *testing.T) {
	tests := []struct{ version, commit, tf, want string }{
		{"1.2.3", "abc1234", "1.11.4", "terraform-provider-aks/1.2.3 (+abc1234) Terraform/1.11.4"},
		{"1.2.3", "none", "1.11.4", "terraform-provider-aks/1.2.3 Terraform/1.11.4"},
		{"", "", "", "terraform-provider-aks/dev"},
	}
	for _, tc := range tests {
		if got := userAgent(tc.version, tc.commit, tc.tf); got != tc.want {
			t.Errorf("userAgent(%q, %q, %q) = %q, want %q", tc.version, tc.commit, tc.tf, got, tc.want)
		}
	}
}

func TestClientOptions_UserAgentComesFirstAndKeepsAzcoreTelemetry(t *testing.T) {
	transport := &fakeTransport{responses: []*http.Response{response(200, "application/json", "{}")}}
	options := clientOptions("1.2.3", "abc1234", "1.11.4", nil)
	options.Transport = transport
	pipeline := runtime.NewPipeline("armcontainerservice", "v8.2.0", runtime.PipelineOptions{}, &options)
	req, _ := runtime.NewRequest(context.Background(), http.MethodGet, "https://arm.example/x")
	if _, err := pipeline.Do(req); err != nil {
		t.Fatal(err)
	}
	ua := transport.requests[0].Header.Get("User-Agent")
	if !strings.HasPrefix(ua, "terraform-provider-aks/1.2.3 (+abc1234) Terraform/1.11.4 azsdk-go-armcontainerservice/v8.2.0 ") {
		t.Errorf("User-Agent = %q", ua)
	}
}

func TestClientOptions_RetriesThrottlingAndServerErrorsOnly(t *testing.T) {
	tests := []struct {
		name      string
		responses []*http.Response
		wantTries int
		wantFinal int
	}{
		{"429 with Retry-After-Ms then 200", []*http.Response{response(429, "", "", "Retry-After-Ms", "1"), response(200, "", "")}, 2, 200},
		{"503 with Retry-After-Ms twice then 200", []*http.Response{response(503, "", "", "Retry-After-Ms", "1"), response(503, "", "", "Retry-After-Ms", "1"), response(200, "", "")}, 3, 200},
		{"408 then 200", []*http.Response{response(408, "", "", "Retry-After-Ms", "1"), response(200, "", "")}, 2, 200},
		{"400 is final", []*http.Response{response(400, "", ""), response(200, "", "")}, 1, 400},
		{"409 is final", []*http.Response{response(409, "", ""), response(200, "", "")}, 1, 409},
		{"501 is final", []*http.Response{response(501, "", ""), response(200, "", "")}, 1, 501},
		{"gives up after three retries", []*http.Response{response(500, "", "", "Retry-After-Ms", "1")}, 4, 500},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			transport := &fakeTransport{responses: tc.responses}
			options := clientOptions("1", "", "", nil)
			options.Transport = transport
			pipeline := runtime.NewPipeline("test", "v1.0.0", runtime.PipelineOptions{}, &options)
			req, _ := runtime.NewRequest(context.Background(), http.MethodGet, "https://arm.example/x")
			resp, err := pipeline.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			if len(transport.requests) != tc.wantTries || resp.StatusCode != tc.wantFinal {
				t.Errorf("%d tries ending in %d, want %d ending in %d", len(transport.requests), resp.StatusCode, tc.wantTries, tc.wantFinal)
			}
		})
	}
}

func TestRedactor_Headers(t *testing.T) {
	r := newRedactor()
	got := r.headers(http.Header{
		"Authorization":                  {"Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"},
		"X-Ms-Authorization-Auxiliary":   {"Bearer aux"},
		"Content-Type":                   {"application/json"},
		"X-Ms-Request-Id":                {"1234"},
		"Actions-Id-Token-Request-Token": {"raw"},
	})
	for _, name := range []string{"Authorization", "X-Ms-Authorization-Auxiliary", "Actions-Id-Token-Request-Token"} {
		if got[name] != redacted {
			t.Errorf("%s = %q, want it redacted", name, got[name])
		}
	}
	if got["Content-Type"] != "application/json" || got["X-Ms-Request-Id"] != "1234" {
		t.Errorf("harmless headers changed: %v", got)
	}
}

func TestRedactor_Bodies(t *testing.T) {
	const jwt = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJyZXBvOmFrc2ZvcmdlIn0.c2lnbmF0dXJlX2J5dGVz"
	r := newRedactor("configured-secret-value")
	tests := []struct {
		name, contentType, body string
		mustKeep, mustDrop      []string
	}{
		{
			name: "token request with a client secret", contentType: "application/x-www-form-urlencoded",
			body:     "grant_type=client_credentials&client_id=abc&client_secret=s3cr3t%2Bvalue&scope=https%3A%2F%2Fmanagement.core.windows.net%2F%2F.default",
			mustKeep: []string{"grant_type=client_credentials", "client_id=abc"},
			mustDrop: []string{"s3cr3t"},
		},
		{
			name: "token request with a client assertion", contentType: "application/x-www-form-urlencoded; charset=utf-8",
			body:     "client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=" + jwt,
			mustKeep: []string{},
			mustDrop: []string{jwt, "eyJ"},
		},
		{
			name: "token answer", contentType: "application/json; charset=utf-8",
			body:     `{"token_type":"Bearer","expires_in":3599,"access_token":"opaque-access-token","refresh_token":"rt","id_token":"it"}`,
			mustKeep: []string{`"expires_in":3599`, `"token_type":"Bearer"`},
			mustDrop: []string{"opaque-access-token", `"rt"`, `"it"`},
		},
		{
			name: "OpenID configuration keeps its endpoints", contentType: "application/json",
			body:     `{"token_endpoint":"https://login.example/t/oauth2/v2.0/token","authorization_endpoint":"https://login.example/t/oauth2/v2.0/authorize"}`,
			mustKeep: []string{"https://login.example/t/oauth2/v2.0/token", "https://login.example/t/oauth2/v2.0/authorize"},
		},
		{
			name: "GitHub OIDC answer", contentType: "application/json",
			body:     `{"count":1,"value":"` + jwt + `"}`,
			mustKeep: []string{`"count":1`},
			mustDrop: []string{jwt, "eyJ"},
		},
		{
			name: "cluster credentials", contentType: "application/json",
			body:     `{"kubeconfigs":[{"name":"clusterUser","value":"YXBpVmVyc2lvbjogdjEKa2luZDogQ29uZmln"}]}`,
			mustKeep: []string{`"name":"clusterUser"`},
			mustDrop: []string{"YXBpVmVyc2lvbjogdjEKa2luZDogQ29uZmln"},
		},
		{
			name: "cluster with a Windows admin password and a service principal secret", contentType: "application/json",
			body:     `{"properties":{"windowsProfile":{"adminUsername":"azureuser","adminPassword":"P@ssw0rd!"},"servicePrincipalProfile":{"clientId":"abc","secret":"sp-secret"},"count":3}}`,
			mustKeep: []string{`"adminUsername":"azureuser"`, `"clientId":"abc"`, `"count":3`},
			mustDrop: []string{"P@ssw0rd!", "sp-secret"},
		},
		{
			name: "a configured secret in an error text", contentType: "text/plain",
			body:     "invalid secret configured-secret-value for app",
			mustKeep: []string{"invalid secret", "for app"},
			mustDrop: []string{"configured-secret-value"},
		},
		{
			name: "binary", contentType: "application/octet-stream",
			body:     "configured-secret-value",
			mustKeep: []string{"23 bytes"},
			mustDrop: []string{"configured-secret-value"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := r.body(tc.contentType, []byte(tc.body))
			for _, keep := range tc.mustKeep {
				if !strings.Contains(got, keep) {
					t.Errorf("redacted body %q lost %q", got, keep)
				}
			}
			for _, drop := range tc.mustDrop {
				if strings.Contains(got, drop) {
					t.Errorf("redacted body %q still contains %q", got, drop)
				}
			}
		})
	}
}

func TestRedactor_URL(t *testing.T) {
	u, _ := url.Parse("https://user:pass@storage.example/blob?sv=2020&sig=abcdef&api-version=2025-10-01")
	got := newRedactor().url(u)
	if strings.Contains(got, "abcdef") || strings.Contains(got, "pass") {
		t.Errorf("url %q still has a secret", got)
	}
	if !strings.Contains(got, "api-version=2025-10-01") {
		t.Errorf("url %q lost api-version", got)
	}
}

func TestHTTPLogPolicy_LogsRedactedThroughTflog(t *testing.T) {
	const secret = "the-configured-client-secret"
	const accessToken = "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQifQ.c2lnbmF0dXJl"
	transport := &fakeTransport{responses: []*http.Response{
		response(200, "application/json", `{"token_type":"Bearer","expires_in":3599,"access_token":"`+accessToken+`"}`),
	}}
	options := clientOptions("1.2.3", "", "1.11.4", []string{secret})
	options.Transport = transport
	pipeline := runtime.NewPipeline("test", "v1.0.0", runtime.PipelineOptions{}, &options)

	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	req, _ := runtime.NewRequest(ctx, http.MethodPost, "https://login.example/tenant/oauth2/v2.0/token")
	req.Raw().Header.Set("Authorization", "Bearer "+accessToken)
	form := "grant_type=client_credentials&client_id=abc&client_secret=" + secret
	if err := req.SetBody(streaming.NopCloser(strings.NewReader(form)), "application/x-www-form-urlencoded"); err != nil {
		t.Fatal(err)
	}
	resp, err := pipeline.Do(req)
	if err != nil {
		t.Fatal(err)
	}

	// The transport and the caller still get the full bodies.
	if transport.bodies[0] != form {
		t.Errorf("transport got body %q, want the unredacted form", transport.bodies[0])
	}
	if body, _ := runtime.Payload(resp); !strings.Contains(string(body), accessToken) {
		t.Errorf("caller got body %q, want the unredacted token answer", body)
	}

	entries, err := tflogtest.MultilineJSONDecode(&logs)
	if err != nil {
		t.Fatal(err)
	}
	var debug, trace map[string]any
	for _, e := range entries {
		switch e["@level"] {
		case "debug":
			debug = e
		case "trace":
			trace = e
		}
	}
	if debug == nil || debug["@message"] != "Azure HTTP POST https://login.example/tenant/oauth2/v2.0/token OK" || debug["http_status"] != float64(200) {
		t.Errorf("debug entry = %v, want the request line and status", debug)
	}
	if trace == nil {
		t.Fatalf("no trace entry in %v", entries)
	}
	if body, _ := trace["http_request_body"].(string); !strings.Contains(body, "grant_type=client_credentials") {
		t.Errorf("trace request body = %q, want the redacted form", body)
	}
	if headers, _ := trace["http_request_headers"].(map[string]any); headers["Authorization"] != redacted {
		t.Errorf("trace request headers = %v, want Authorization redacted", headers)
	}
	all, _ := json.Marshal(entries)
	for _, leaked := range []string{secret, accessToken, "eyJ"} {
		if strings.Contains(string(all), leaked) {
			t.Errorf("logs contain %q: %s", leaked, all)
		}
	}
}

var _ policy.Policy = httpLogPolicy{}
