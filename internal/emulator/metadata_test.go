package emulator

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
)

// metadataCloud is the part of a metadata cloud the tests read.
type metadataCloud struct {
	Name            string `json:"name"`
	ResourceManager string `json:"resourceManager"`
	Authentication  struct {
		LoginEndpoint    string   `json:"loginEndpoint"`
		Audiences        []string `json:"audiences"`
		Tenant           string   `json:"tenant"`
		IdentityProvider string   `json:"identityProvider"`
	} `json:"authentication"`
	MicrosoftGraphResourceID string            `json:"microsoftGraphResourceId"`
	Suffixes                 map[string]string `json:"suffixes"`
}

func checkCloud(t *testing.T, s *Server, c metadataCloud) {
	t.Helper()
	if c.Name != "AzureEmulator" || c.ResourceManager != s.URL()+"/" || c.Authentication.LoginEndpoint != s.URL()+"/" || c.Authentication.Tenant != "common" ||
		c.Authentication.IdentityProvider != "AAD" || len(c.Authentication.Audiences) != 2 || c.Suffixes["keyVaultDns"] == "" ||
		c.MicrosoftGraphResourceID != "https://graph.microsoft.com/" {
		t.Fatalf("cloud %+v", c)
	}
}

// 2022-09-01 answers one cloud object (as go-azure-sdk and the Azure CLI
// decode it); the older versions an array of clouds.
func TestCloudMetadata(t *testing.T) {
	s := startServer(t)
	status, _, body := rawRequest(t, s, nil, http.MethodGet, "/metadata/endpoints?api-version=2022-09-01", "", nil)
	if status != 200 {
		t.Fatalf("%d %s", status, body)
	}
	var c metadataCloud
	if err := json.Unmarshal(body, &c); err != nil {
		t.Fatalf("2022-09-01 is not one cloud object: %v: %s", err, body)
	}
	checkCloud(t, s, c)
	// what the provider does with it: a cloud configuration the SDK runs on
	cfg := cloud.Configuration{
		ActiveDirectoryAuthorityHost: c.Authentication.LoginEndpoint,
		Services: map[cloud.ServiceName]cloud.ServiceConfiguration{
			cloud.ResourceManager: {Endpoint: c.ResourceManager, Audience: c.Authentication.Audiences[0]},
		},
	}
	if cfg.Services[cloud.ResourceManager].Endpoint != cloudConfig(s).Services[cloud.ResourceManager].Endpoint+"/" {
		t.Errorf("resourceManager %q", cfg.Services[cloud.ResourceManager].Endpoint)
	}

	for _, v := range []string{"2019-05-01", "2020-06-01"} {
		status, _, body := rawRequest(t, s, nil, http.MethodGet, "/metadata/endpoints?api-version="+v, "", nil)
		var clouds []metadataCloud
		if status != 200 || json.Unmarshal(body, &clouds) != nil || len(clouds) != 1 {
			t.Fatalf("%s: want an array of one cloud, got %d %s", v, status, body)
		}
		checkCloud(t, s, clouds[0])
	}
}

func TestCloudMetadataAPIVersions(t *testing.T) {
	s := startServer(t)
	for query, code := range map[string]string{"": "MissingApiVersionParameter", "?api-version=2023-01-01": "InvalidApiVersionParameter"} {
		status, _, body := rawRequest(t, s, nil, http.MethodGet, "/metadata/endpoints"+query, "", nil)
		if status != 400 || armErrorOf(t, body).Code != code {
			t.Errorf("%q: %d %s, want 400 %s", query, status, body, code)
		}
	}
}
