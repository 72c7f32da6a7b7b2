package emulator

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
)

// ARM's 401s: no token, an expired one, one signed by someone else.
func TestARMRejectsMissingExpiredAndForeignTokens(t *testing.T) {
	s := startServer(t)
	path := "/subscriptions/" + DefaultSubscriptionID + "/resourcegroups?api-version=2021-04-01"

	status, h, body := rawRequest(t, s, nil, http.MethodGet, path, "", nil)
	if status != 401 || armErrorOf(t, body).Code != "AuthenticationFailed" || !strings.HasPrefix(h.Get("WWW-Authenticate"), "Bearer ") {
		t.Fatalf("no token: %d %s %q", status, body, h.Get("WWW-Authenticate"))
	}

	tenant := s.tenantOf(DefaultTenantID)
	expired, _, err := s.mintAccessToken(DefaultTenantID, tenant.principal(DefaultClientID), "https://management.core.windows.net/", "1", time.Now().Add(-2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	status, _, body = rawRequest(t, s, nil, http.MethodGet, path, "", map[string]string{"Authorization": "Bearer " + expired})
	if status != 401 || armErrorOf(t, body).Code != "ExpiredAuthenticationToken" {
		t.Fatalf("expired token: %d %s", status, body)
	}

	other := startServer(t, func(o *Options) { o.StateDir = t.TempDir() }) // same CA, its own signing key: a foreign token
	tok, err := secretCredential(t, other).GetToken(context.Background(), policy.TokenRequestOptions{Scopes: []string{armScope}})
	if err != nil {
		t.Fatal(err)
	}
	status, _, body = rawRequest(t, s, nil, http.MethodGet, path, "", map[string]string{"Authorization": "Bearer " + tok.Token})
	if status != 401 || armErrorOf(t, body).Code != "InvalidAuthenticationToken" {
		t.Fatalf("foreign token: %d %s", status, body)
	}

	// and the SDK reports it as the ARM error it is
	_, err = aksClients(t, s, nil).NewManagedClustersClient().Get(ctxT(t), "rg-aks-demo", "x", nil)
	wantErr(t, err, 404, "ResourceNotFound") // sanity: the same client with a good token gets through
}

func TestUnknownSubscriptionIsNotFound(t *testing.T) {
	s := startServer(t)
	cred := secretCredential(t, s)
	status, _, body := rawRequest(t, s, cred, http.MethodGet, "/subscriptions/33333333-3333-4333-8333-333333333333/resourcegroups?api-version=2021-04-01", "", nil)
	if status != 404 || armErrorOf(t, body).Code != "SubscriptionNotFound" {
		t.Fatalf("%d %s", status, body)
	}
}
