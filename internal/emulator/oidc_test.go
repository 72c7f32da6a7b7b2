package emulator

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
)

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
	if aud, ok := tokenPayload(t, jwt)["aud"].(string); !ok || aud != "api://AzureADTokenExchange" {
		t.Errorf("the ID token's aud is %#v, want the string GitHub's carry", tokenPayload(t, jwt)["aud"])
	}
	cred, err := azidentity.NewClientAssertionCredential(DefaultTenantID, DefaultClientID,
		func(context.Context) (string, error) { return jwt, nil },
		&azidentity.ClientAssertionCredentialOptions{ClientOptions: clientOptions(s), DisableInstanceDiscovery: true})
	if err != nil {
		t.Fatal(err)
	}
	getKubernetesVersionsWith(t, s, cred)
}
