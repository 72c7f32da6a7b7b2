package emulator

import (
	"context"
	"encoding/base64"
	"encoding/json"
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

// Entra ID issues Microsoft Graph tokens (azurerm asks for one on every
// configure, with go-azure-sdk's doubled slash); ARM refuses them with the
// answer it gives a token for another resource.
func TestGraphTokenIssuedAndRefusedByARM(t *testing.T) {
	s := startServer(t)
	cred := secretCredential(t, s)
	for _, scope := range []string{"https://graph.microsoft.com//.default", "https://graph.microsoft.com/.default"} {
		tok, err := cred.GetToken(context.Background(), policy.TokenRequestOptions{Scopes: []string{scope}})
		if err != nil {
			t.Fatalf("%s: %v", scope, err)
		}
		aud, _ := tokenPayload(t, tok.Token)["aud"].(string)
		if aud != strings.TrimSuffix(scope, "/.default") {
			t.Errorf("%s: aud %#v, want the string %q", scope, tokenPayload(t, tok.Token)["aud"], strings.TrimSuffix(scope, "/.default"))
		}
		status, h, body := rawRequest(t, s, nil, http.MethodGet, "/subscriptions/"+DefaultSubscriptionID+"/resourcegroups?api-version=2021-04-01", "",
			map[string]string{"Authorization": "Bearer " + tok.Token})
		e := armErrorOf(t, body)
		if status != 401 || e.Code != "InvalidAuthenticationTokenAudience" || !strings.Contains(e.Message, "wrong audience or resource '"+aud+"'") ||
			!strings.Contains(h.Get("WWW-Authenticate"), "invalid_token") {
			t.Errorf("%s: ARM answered %d %s", scope, status, body)
		}
	}
	// a resource the emulator doesn't host is still unknown to its tenant
	_, err := cred.GetToken(context.Background(), policy.TokenRequestOptions{Scopes: []string{"https://vault.azure.net/.default"}})
	if err == nil || !strings.Contains(err.Error(), "AADSTS500011") {
		t.Errorf("Key Vault token: want AADSTS500011, got %v", err)
	}
}

// An access token's aud is one string, as Entra ID's are.
func TestAccessTokenAudienceIsAString(t *testing.T) {
	s := startServer(t)
	tok, err := secretCredential(t, s).GetToken(context.Background(), policy.TokenRequestOptions{Scopes: []string{armScope}})
	if err != nil {
		t.Fatal(err)
	}
	if aud, ok := tokenPayload(t, tok.Token)["aud"].(string); !ok || aud != strings.TrimSuffix(armScope, "/.default") {
		t.Fatalf("aud %#v, want the string %q", tokenPayload(t, tok.Token)["aud"], strings.TrimSuffix(armScope, "/.default"))
	}
}

// tokenPayload decodes a JWT's claims without checking its signature.
func tokenPayload(t *testing.T, token string) map[string]any {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("not a JWT: %q", token)
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var claims map[string]any
	if err := json.Unmarshal(raw, &claims); err != nil {
		t.Fatal(err)
	}
	return claims
}
