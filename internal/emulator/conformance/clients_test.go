package conformance_test

import (
	"crypto/tls"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
)

// What clients other than the Azure SDK for Go rely on: go-azure-sdk (which
// azurerm uses) and the Azure CLI decode the cloud metadata and the access
// tokens themselves, and azurerm asks for a Microsoft Graph token on every
// configure.

// plainGet GETs a URL of the emulator without authentication.
func plainGet(t *testing.T, e *env, path string, header map[string]string) (int, []byte) {
	t.Helper()
	ca, err := testCA()
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: ca.Pool(), MinVersion: tls.VersionTLS12}}}
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, e.srv.URL()+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, body
}

// cloudFields is what go-azure-sdk's 2022-09-01 reader needs of a cloud.
type cloudFields struct {
	Name            string `json:"name"`
	ResourceManager string `json:"resourceManager"`
	Authentication  struct {
		LoginEndpoint string   `json:"loginEndpoint"`
		Audiences     []string `json:"audiences"`
	} `json:"authentication"`
	MicrosoftGraphResourceID string `json:"microsoftGraphResourceId"`
}

// 2022-09-01 answers one cloud object; the older 2019-05-01 and 2020-06-01
// an array of clouds.
func TestCloudMetadataShapePerAPIVersion(t *testing.T) {
	e := newEnv(t)
	status, body := plainGet(t, e, "/metadata/endpoints?api-version=2022-09-01", nil)
	var c cloudFields
	if status != http.StatusOK || json.Unmarshal(body, &c) != nil {
		t.Fatalf("2022-09-01: want one cloud object, got %d %s", status, body)
	}
	if c.Name == "" || c.ResourceManager != e.srv.URL()+"/" || c.Authentication.LoginEndpoint != e.srv.URL()+"/" ||
		len(c.Authentication.Audiences) == 0 || c.MicrosoftGraphResourceID == "" {
		t.Errorf("2022-09-01 cloud %+v lacks what go-azure-sdk requires", c)
	}
	for _, v := range []string{"2019-05-01", "2020-06-01"} {
		status, body := plainGet(t, e, "/metadata/endpoints?api-version="+v, nil)
		var clouds []cloudFields
		if status != http.StatusOK || json.Unmarshal(body, &clouds) != nil || len(clouds) != 1 || clouds[0].ResourceManager != c.ResourceManager || clouds[0].Name != c.Name {
			t.Errorf("%s: want an array holding the same cloud, got %d %s", v, status, body)
		}
	}
	if status, body := plainGet(t, e, "/metadata/endpoints", nil); status != http.StatusBadRequest || !strings.Contains(string(body), "MissingApiVersionParameter") {
		t.Errorf("no api-version: %d %s", status, body)
	}
}

// claimsOf decodes an access token's claims without checking its signature,
// as go-azure-sdk's claims parser does.
func claimsOf(t *testing.T, token string) map[string]any {
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

// Entra ID access tokens carry aud as one string, the resource asked for.
func TestAccessTokenAudIsAString(t *testing.T) {
	e := newEnv(t)
	for _, scope := range []string{"https://management.core.windows.net//.default", "https://management.azure.com/.default", "https://graph.microsoft.com//.default"} {
		tok, err := e.cred.GetToken(t.Context(), policy.TokenRequestOptions{Scopes: []string{scope}})
		if err != nil {
			t.Fatalf("%s: %v", scope, err)
		}
		claims := claimsOf(t, tok.Token)
		if aud, ok := claims["aud"].(string); !ok || aud != strings.TrimSuffix(scope, "/.default") {
			t.Errorf("%s: aud %#v, want the string %q", scope, claims["aud"], strings.TrimSuffix(scope, "/.default"))
		}
		if claims["oid"] == "" || claims["tid"] == "" || claims["appid"] == "" {
			t.Errorf("%s: claims %v lack oid, tid or appid", scope, claims)
		}
	}
}

// Entra ID issues a Microsoft Graph token; ARM refuses it as a token for
// another resource, as Azure does.
func TestGraphTokenIssuedButRefusedByARM(t *testing.T) {
	e := newEnv(t)
	tok, err := e.cred.GetToken(t.Context(), policy.TokenRequestOptions{Scopes: []string{"https://graph.microsoft.com/.default"}})
	if err != nil {
		t.Fatalf("Graph token: %v", err)
	}
	status, body := plainGet(t, e, "/subscriptions/"+e.subID+"/resourcegroups?api-version=2021-04-01", map[string]string{"Authorization": "Bearer " + tok.Token})
	var answer struct {
		Error struct{ Code, Message string } `json:"error"`
	}
	if status != http.StatusUnauthorized || json.Unmarshal(body, &answer) != nil || answer.Error.Code != "InvalidAuthenticationTokenAudience" ||
		!strings.Contains(answer.Error.Message, "'https://graph.microsoft.com'") {
		t.Fatalf("ARM with a Graph token: %d %s", status, body)
	}
}

// An empty journal is an empty list.
func TestEmptyJournalIsAnEmptyList(t *testing.T) {
	e := newEnv(t)
	e.srv.ResetJournal()
	status, body := plainGet(t, e, "/_emulator/journal", nil)
	if status != http.StatusOK || strings.TrimSpace(string(body)) != "[]" {
		t.Fatalf("empty journal: %d %q, want 200 []", status, body)
	}
}
