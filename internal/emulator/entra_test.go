package emulator

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

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
