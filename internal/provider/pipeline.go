package provider

import (
	"io"
	"net/http"
	"strings"
	"time"

	azlog "github.com/Azure/azure-sdk-for-go/sdk/azcore/log"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// ownPipeline is the pipeline for the provider's own requests (cloud discovery, OIDC token
// requests): the same retries, user agent and logging as the SDK clients, without azcore's
// telemetry part, which would only name an SDK module that is not involved.
func ownPipeline(options policy.ClientOptions) runtime.Pipeline {
	options.Telemetry.Disabled = true
	return runtime.NewPipeline("terraform-provider-aks", "", runtime.PipelineOptions{}, &options)
}

// retryOptions are azcore's retry settings, spelled out because they are part of the provider's
// contract: 408, 429 and 5xx (except 501/505) are retried three times with exponential back-off,
// and a Retry-After (or Retry-After-Ms / x-ms-retry-after-ms) header sets the delay instead.
// A 429 that outlasts these retries is waited out by throttlePolicy within the request's deadline.
var retryOptions = policy.RetryOptions{
	MaxRetries:    3,
	RetryDelay:    800 * time.Millisecond,
	MaxRetryDelay: 60 * time.Second,
	StatusCodes: []int{
		http.StatusRequestTimeout,
		http.StatusTooManyRequests,
		http.StatusInternalServerError,
		http.StatusBadGateway,
		http.StatusServiceUnavailable,
		http.StatusGatewayTimeout,
	},
}

// userAgent is the provider's part of the User-Agent header; azcore appends its own
// `azsdk-go-<module>/<version> (<go>; <os>)` after it.
func userAgent(version, commit, terraformVersion string) string {
	var b strings.Builder
	b.WriteString("terraform-provider-aks/")
	if version == "" {
		version = "dev"
	}
	b.WriteString(version)
	if commit != "" && commit != "none" {
		b.WriteString(" (+")
		b.WriteString(commit)
		b.WriteString(")")
	}
	if terraformVersion != "" {
		b.WriteString(" Terraform/")
		b.WriteString(terraformVersion)
	}
	return b.String()
}

// userAgentPolicy puts the provider's user agent in front of what azcore's telemetry policy set.
// azcore's own ApplicationID is cut at 24 characters, too short for version and Terraform version.
type userAgentPolicy struct {
	value string
}

func (p userAgentPolicy) Do(req *policy.Request) (*http.Response, error) {
	header := req.Raw().Header
	if existing := header.Get("User-Agent"); existing != "" {
		header.Set("User-Agent", p.value+" "+existing)
	} else {
		header.Set("User-Agent", p.value)
	}
	return req.Next()
}

// httpLogPolicy logs every try of every HTTP request through tflog: the request line, status and
// duration at DEBUG; headers and bodies at TRACE, with secrets redacted. It runs after the bearer
// token policy, so it sees (and redacts) the Authorization header.
type httpLogPolicy struct {
	redact redactor
}

func (p httpLogPolicy) Do(req *policy.Request) (*http.Response, error) {
	ctx := req.Raw().Context()
	raw := req.Raw()
	requestBody := p.requestBody(req)
	requestHeaders := p.redact.headers(raw.Header)
	target := p.redact.url(raw.URL)

	start := time.Now()
	resp, err := req.Next()
	elapsed := time.Since(start)

	if err != nil {
		tflog.Debug(ctx, "Azure HTTP "+raw.Method+" "+target+" failed", map[string]any{
			"http_method": raw.Method,
			"http_url":    target,
			"duration_ms": elapsed.Milliseconds(),
			"error":       p.redact.text(err.Error()),
		})
		tflog.Trace(ctx, "Azure HTTP request detail", map[string]any{
			"http_method":          raw.Method,
			"http_url":             target,
			"http_request_headers": requestHeaders,
			"http_request_body":    requestBody,
		})
		return resp, err
	}

	tflog.Debug(ctx, "Azure HTTP "+raw.Method+" "+target+" "+resp.Status, map[string]any{
		"http_method": raw.Method,
		"http_url":    target,
		"http_status": resp.StatusCode,
		"duration_ms": elapsed.Milliseconds(),
	})
	tflog.Trace(ctx, "Azure HTTP request and response detail", map[string]any{
		"http_method":           raw.Method,
		"http_url":              target,
		"http_status":           resp.StatusCode,
		"http_request_headers":  requestHeaders,
		"http_request_body":     requestBody,
		"http_response_headers": p.redact.headers(resp.Header),
		"http_response_body":    p.responseBody(resp),
	})
	return resp, nil
}

// requestBody reads the request body for logging and rewinds it for the transport.
func (p httpLogPolicy) requestBody(req *policy.Request) string {
	raw := req.Raw()
	if raw.Body == nil || raw.Body == http.NoBody {
		return ""
	}
	body, err := io.ReadAll(raw.Body)
	if rewindErr := req.RewindBody(); rewindErr != nil {
		return "(request body could not be rewound for logging)"
	}
	if err != nil {
		return "(request body could not be read for logging)"
	}
	return p.redact.body(raw.Header.Get("Content-Type"), body)
}

// responseBody reads the response body for logging; runtime.Payload caches it, so the SDK still
// reads the whole body afterwards.
func (p httpLogPolicy) responseBody(resp *http.Response) string {
	if resp.Body == nil || resp.Body == http.NoBody {
		return ""
	}
	body, err := runtime.Payload(resp)
	if err != nil {
		return "(response body could not be read for logging)"
	}
	return p.redact.body(resp.Header.Get("Content-Type"), body)
}

// clientOptions are the azcore options of every pipeline the provider builds: the credentials',
// cloud discovery's and every SDK client's. Cloud is filled in once known.
func clientOptions(version, commit, terraformVersion string, secrets []string) policy.ClientOptions {
	// azcore can also log through its own listener (AZURE_SDK_GO_LOGGING=all sets one that writes
	// to stderr). The provider logs through tflog only, with its own redaction.
	azlog.SetListener(nil)
	return policy.ClientOptions{
		Retry:            retryOptions,
		PerCallPolicies:  []policy.Policy{userAgentPolicy{value: userAgent(version, commit, terraformVersion)}, newThrottlePolicy()},
		PerRetryPolicies: []policy.Policy{httpLogPolicy{redact: newRedactor(secrets...)}},
	}
}
