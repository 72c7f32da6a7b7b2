package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
)

// oidcTokenSource is where the OIDC token (the client assertion) comes from.
type oidcTokenSource int

// OIDC token sources in precedence order.
const (
	oidcFromToken oidcTokenSource = iota + 1
	oidcFromFile
	oidcFromHCPTerraform
	oidcFromRequest
)

// selectOIDCTokenSource picks the OIDC token source: oidc_token, then oidc_token_file_path, then
// HCP Terraform's workload identity token, then a token request (oidc_request_url/token, which
// fall back to GitHub Actions' variables). 0 means none is configured.
func selectOIDCTokenSource(c providerConfig) oidcTokenSource {
	switch {
	case c.OIDCToken != "":
		return oidcFromToken
	case c.OIDCTokenFilePath != "":
		return oidcFromFile
	case c.HCPTerraformToken != "":
		return oidcFromHCPTerraform
	case c.OIDCRequestURL != "" && c.OIDCRequestToken != "":
		return oidcFromRequest
	}
	return 0
}

func (s oidcTokenSource) describe(c providerConfig) string {
	switch s {
	case oidcFromToken:
		return "the token in " + c.from(attrOIDCToken)
	case oidcFromFile:
		return "the token file " + c.from(attrOIDCTokenFilePath)
	case oidcFromHCPTerraform:
		return "HCP Terraform's workload identity token (" + envHCPTerraformToken + ")"
	case oidcFromRequest:
		return "a token requested from " + c.from(attrOIDCRequestURL)
	}
	return "no token"
}

// githubTokenAudience is the audience Entra ID federated credentials expect in OIDC tokens; the
// token request asks GitHub (or any compatible issuer) for a token with it.
const githubTokenAudience = "api://AzureADTokenExchange"

// oidcAssertion returns the function azidentity calls for a client assertion each time it needs
// a token, so that rotated token files and short-lived request tokens keep working.
func oidcAssertion(c providerConfig, source oidcTokenSource, options policy.ClientOptions) (func(context.Context) (string, error), error) {
	switch source {
	case oidcFromToken:
		token := c.OIDCToken
		return func(context.Context) (string, error) { return token, nil }, nil
	case oidcFromHCPTerraform:
		token := c.HCPTerraformToken
		return func(context.Context) (string, error) { return token, nil }, nil
	case oidcFromFile:
		file := c.OIDCTokenFilePath
		described := c.from(attrOIDCTokenFilePath)
		return func(context.Context) (string, error) {
			data, err := os.ReadFile(file)
			if err != nil {
				return "", fmt.Errorf("reading the OIDC token file %s: %w", described, err)
			}
			token := strings.TrimSpace(string(data))
			if token == "" {
				return "", fmt.Errorf("the OIDC token file %s is empty", described)
			}
			return token, nil
		}, nil
	case oidcFromRequest:
		pipeline := ownPipeline(options)
		requestURL, requestToken := c.OIDCRequestURL, c.OIDCRequestToken
		described := c.from(attrOIDCRequestURL)
		return func(ctx context.Context) (string, error) {
			return requestOIDCToken(ctx, pipeline, requestURL, requestToken, described)
		}, nil
	}
	return nil, fmt.Errorf("use_oidc is true but no OIDC token is configured: set %s, %s, or %s with %s",
		setWith(attrOIDCToken), setWith(attrOIDCTokenFilePath), setWith(attrOIDCRequestURL), setWith(attrOIDCRequestToken))
}

// requestOIDCToken asks a GitHub-Actions-style token endpoint for an ID token:
// GET {url}&audience=api://AzureADTokenExchange with the request token as bearer, answered by
// {"value": "<jwt>"}.
func requestOIDCToken(ctx context.Context, pipeline runtime.Pipeline, requestURL, requestToken, described string) (string, error) {
	u, err := url.Parse(requestURL)
	if err != nil || !u.IsAbs() {
		return "", fmt.Errorf("the OIDC request URL %s is not an absolute URL", described)
	}
	query := u.Query()
	query.Set("audience", githubTokenAudience)
	u.RawQuery = query.Encode()

	req, err := runtime.NewRequest(ctx, http.MethodGet, u.String())
	if err != nil {
		return "", fmt.Errorf("requesting an OIDC token from %s: %w", described, err)
	}
	req.Raw().Header.Set("Authorization", "Bearer "+requestToken)
	req.Raw().Header.Set("Accept", "application/json")
	resp, err := pipeline.Do(req)
	if err != nil {
		return "", fmt.Errorf("requesting an OIDC token from %s: %w", described, err)
	}
	if !runtime.HasStatusCode(resp, http.StatusOK) {
		return "", fmt.Errorf("requesting an OIDC token from %s: %w", described, runtime.NewResponseError(resp))
	}
	var answer struct {
		Value string `json:"value"`
	}
	if err := runtime.UnmarshalAsJSON(resp, &answer); err != nil {
		return "", fmt.Errorf("requesting an OIDC token from %s: the answer is not JSON with a value: %w", described, err)
	}
	if answer.Value == "" {
		return "", fmt.Errorf("requesting an OIDC token from %s: the answer has no token in value", described)
	}
	return answer.Value, nil
}
