package provider

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
)

func TestSelectOIDCTokenSource_Precedence(t *testing.T) {
	all := map[string]string{
		"ARM_OIDC_TOKEN": "t", "ARM_OIDC_TOKEN_FILE_PATH": "/f", envHCPTerraformToken: "h",
		"ACTIONS_ID_TOKEN_REQUEST_URL": "https://gh/", "ACTIONS_ID_TOKEN_REQUEST_TOKEN": "r",
	}
	steps := []struct {
		drop string
		want oidcTokenSource
	}{
		{"", oidcFromToken},
		{"ARM_OIDC_TOKEN", oidcFromFile},
		{"ARM_OIDC_TOKEN_FILE_PATH", oidcFromHCPTerraform},
		{envHCPTerraformToken, oidcFromRequest},
		{"ACTIONS_ID_TOKEN_REQUEST_TOKEN", 0},
	}
	for _, step := range steps {
		delete(all, step.drop)
		if got := selectOIDCTokenSource(mustMerge(t, nullModel(), all)); got != step.want {
			t.Errorf("without %s and those before it: source %d, want %d", step.drop, got, step.want)
		}
	}
}

func TestOIDCAssertion_FileIsReadForEveryToken(t *testing.T) {
	file := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(file, []byte("first-token\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c := mustMerge(t, nullModel(), map[string]string{"ARM_OIDC_TOKEN_FILE_PATH": file})
	assertion, err := oidcAssertion(c, oidcFromFile, policy.ClientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := assertion(context.Background()); err != nil || got != "first-token" {
		t.Fatalf("first assertion = %q, %v; want first-token", got, err)
	}
	if err := os.WriteFile(file, []byte("rotated-token"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got, err := assertion(context.Background()); err != nil || got != "rotated-token" {
		t.Fatalf("after rotation assertion = %q, %v; want rotated-token", got, err)
	}
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := assertion(context.Background()); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Fatalf("empty file: error %v, want one saying the file is empty", err)
	}
}

func TestRequestOIDCToken_GitHubProtocol(t *testing.T) {
	var gotAuth, gotAudience, gotOther string
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotAuth = r.Header.Get("Authorization")
		gotAudience = r.URL.Query().Get("audience")
		gotOther = r.URL.Query().Get("existing")
		if gotAuth != "Bearer request-token" {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write([]byte(`{"message":"bad token"}`))
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"count":1,"value":"the-id-token"}`))
	}))
	defer srv.Close()
	pipeline := runtime.NewPipeline("test", "v0", runtime.PipelineOptions{}, &policy.ClientOptions{Transport: srv.Client(), Retry: policy.RetryOptions{MaxRetries: -1}})

	token, err := requestOIDCToken(context.Background(), pipeline, srv.URL+"/token?existing=kept", "request-token", "oidc_request_url")
	if err != nil {
		t.Fatalf("requestOIDCToken: %v", err)
	}
	if token != "the-id-token" {
		t.Errorf("token = %q, want the-id-token", token)
	}
	if gotAudience != githubTokenAudience || gotOther != "kept" {
		t.Errorf("query audience=%q existing=%q, want %q and the original query kept", gotAudience, gotOther, githubTokenAudience)
	}

	_, err = requestOIDCToken(context.Background(), pipeline, srv.URL+"/token", "wrong", "oidc_request_url (from ARM_OIDC_REQUEST_URL)")
	if err == nil || !strings.Contains(err.Error(), "401") || !strings.Contains(err.Error(), "ARM_OIDC_REQUEST_URL") {
		t.Errorf("wrong request token: error %v, want a 401 naming where the URL came from", err)
	}
}
