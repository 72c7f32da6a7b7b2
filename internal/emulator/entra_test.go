package emulator

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
)

const armScope = "https://management.core.windows.net//.default"

// listLocationsWith proves a credential works end to end: the SDK gets a
// token from the emulator's Entra ID and ARM accepts it.
func getKubernetesVersionsWith(t *testing.T, s *Server, cred azcore.TokenCredential) {
	t.Helper()
	res, err := aksClients(t, s, cred).NewManagedClustersClient().ListKubernetesVersions(ctxT(t), "eastus", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Values) == 0 {
		t.Fatal("no Kubernetes versions")
	}
}

func TestClientSecretCredential(t *testing.T) {
	s := startServer(t)
	getKubernetesVersionsWith(t, s, secretCredential(t, s))
}

func TestClientCertificateCredentialFromPFXAndPEM(t *testing.T) {
	s := startServer(t)
	for _, c := range []struct {
		name, path, password string
	}{
		{"pfx", s.ClientCertificatePath(), s.ClientCertificatePassword()},
		{"pem", s.ClientCertificatePEMPath(), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			data, err := os.ReadFile(c.path)
			if err != nil {
				t.Fatal(err)
			}
			certs, key, err := azidentity.ParseCertificates(data, []byte(c.password))
			if err != nil {
				t.Fatalf("azidentity can't read the %s file: %v", c.name, err)
			}
			cred, err := azidentity.NewClientCertificateCredential(DefaultTenantID, DefaultClientID, certs, key,
				&azidentity.ClientCertificateCredentialOptions{ClientOptions: clientOptions(s), DisableInstanceDiscovery: true})
			if err != nil {
				t.Fatal(err)
			}
			getKubernetesVersionsWith(t, s, cred)
		})
	}
}

func TestPFXRejectsAWrongPassword(t *testing.T) {
	s := startServer(t)
	data, err := os.ReadFile(s.ClientCertificatePath())
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := azidentity.ParseCertificates(data, []byte("not-the-password")); err == nil {
		t.Fatal("the PFX opened with a wrong password: its MAC is not checked")
	}
}

func TestCertificateNotRegisteredIsRefused(t *testing.T) {
	s := startServer(t)
	other := startServer(t, func(o *Options) { o.StateDir = t.TempDir() }) // its own client certificate, unknown to s
	data, _ := os.ReadFile(other.ClientCertificatePEMPath())
	certs, key, err := azidentity.ParseCertificates(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	cred, err := azidentity.NewClientCertificateCredential(DefaultTenantID, DefaultClientID, certs, key,
		&azidentity.ClientCertificateCredentialOptions{ClientOptions: clientOptions(s), DisableInstanceDiscovery: true})
	if err != nil {
		t.Fatal(err)
	}
	_, err = cred.GetToken(context.Background(), policy.TokenRequestOptions{Scopes: []string{armScope}})
	if err == nil || !strings.Contains(err.Error(), "AADSTS700027") {
		t.Fatalf("want AADSTS700027 for an unregistered certificate, got %v", err)
	}
}

func TestFederatedAssertionCredential(t *testing.T) {
	s := startServer(t)
	cred, err := azidentity.NewClientAssertionCredential(DefaultTenantID, DefaultClientID,
		func(context.Context) (string, error) { return s.MintOIDCToken(DefaultFederatedSubjects[0]) },
		&azidentity.ClientAssertionCredentialOptions{ClientOptions: clientOptions(s), DisableInstanceDiscovery: true})
	if err != nil {
		t.Fatal(err)
	}
	getKubernetesVersionsWith(t, s, cred)
}

func TestFederatedAssertionForAnUntrustedSubjectIsRefused(t *testing.T) {
	s := startServer(t)
	cred, err := azidentity.NewClientAssertionCredential(DefaultTenantID, DefaultClientID,
		func(context.Context) (string, error) { return s.MintOIDCToken("repo:someone/else:ref:refs/heads/main") },
		&azidentity.ClientAssertionCredentialOptions{ClientOptions: clientOptions(s), DisableInstanceDiscovery: true})
	if err != nil {
		t.Fatal(err)
	}
	_, err = cred.GetToken(context.Background(), policy.TokenRequestOptions{Scopes: []string{armScope}})
	if err == nil || !strings.Contains(err.Error(), "AADSTS700213") {
		t.Fatalf("want AADSTS700213, got %v", err)
	}
}

// The GitHub Actions flow: fetch an ID token from ACTIONS_ID_TOKEN_REQUEST_URL, then exchange it.
func TestGitHubOIDCRequestEndpoint(t *testing.T) {
	s := startServer(t)
	reqURL, reqToken := s.GitHubOIDCRequest()
	fetch := func(token string) (int, string) {
		req, _ := http.NewRequest(http.MethodGet, reqURL+"&audience="+url.QueryEscape("api://AzureADTokenExchange"), nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := httpClient(s).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body struct {
			Value string `json:"value"`
		}
		_ = json.NewDecoder(resp.Body).Decode(&body)
		return resp.StatusCode, body.Value
	}
	if status, _ := fetch("wrong"); status != http.StatusUnauthorized {
		t.Fatalf("a wrong request token got %d, want 401", status)
	}
	status, jwt := fetch(reqToken)
	if status != http.StatusOK || jwt == "" {
		t.Fatalf("GitHub-style request: %d %q", status, jwt)
	}
	cred, err := azidentity.NewClientAssertionCredential(DefaultTenantID, DefaultClientID,
		func(context.Context) (string, error) { return jwt, nil },
		&azidentity.ClientAssertionCredentialOptions{ClientOptions: clientOptions(s), DisableInstanceDiscovery: true})
	if err != nil {
		t.Fatal(err)
	}
	getKubernetesVersionsWith(t, s, cred)
}

func TestTokenEndpointErrors(t *testing.T) {
	s := startServer(t)
	for _, c := range []struct {
		name, tenant, client, secret string
		want                         string
	}{
		{"bad secret", DefaultTenantID, DefaultClientID, "wrong", "AADSTS7000215"},
		{"unknown application", DefaultTenantID, "11111111-1111-4111-8111-111111111111", "x", "AADSTS700016"},
		{"unknown tenant", "22222222-2222-4222-8222-222222222222", DefaultClientID, DefaultClientSecret, "AADSTS90002"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cred, err := azidentity.NewClientSecretCredential(c.tenant, c.client, c.secret,
				&azidentity.ClientSecretCredentialOptions{ClientOptions: clientOptions(s), DisableInstanceDiscovery: true})
			if err != nil {
				t.Fatal(err)
			}
			_, err = cred.GetToken(context.Background(), policy.TokenRequestOptions{Scopes: []string{armScope}})
			var authErr *azidentity.AuthenticationFailedError
			if !errors.As(err, &authErr) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("want an authentication error with %s, got %v", c.want, err)
			}
		})
	}
	// Entra's error body shape, read directly
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {DefaultClientID}, "client_secret": {"wrong"}, "scope": {armScope}}
	resp, err := httpClient(s).PostForm(s.URL()+"/"+DefaultTenantID+"/oauth2/v2.0/token", form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body entraError
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusUnauthorized || body.Error != "invalid_client" || len(body.ErrorCodes) != 1 || body.ErrorCodes[0] != 7000215 ||
		body.TraceID == "" || body.CorrelationID == "" || body.Timestamp == "" || !strings.HasPrefix(body.ErrorDescription, "AADSTS7000215: ") {
		t.Fatalf("bad-secret answer %d %+v", resp.StatusCode, body)
	}
}

func TestOpenIDConfiguration(t *testing.T) {
	s := startServer(t)
	resp, err := httpClient(s).Get(s.URL() + "/" + DefaultTenantID + "/v2.0/.well-known/openid-configuration")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var doc map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
		t.Fatal(err)
	}
	base := s.URL() + "/" + DefaultTenantID
	if doc["token_endpoint"] != base+"/oauth2/v2.0/token" || doc["issuer"] != base+"/v2.0" || doc["authorization_endpoint"] != base+"/oauth2/v2.0/authorize" {
		t.Fatalf("openid-configuration = %v", doc)
	}
}

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
