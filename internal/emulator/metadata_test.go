package emulator

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
)

func TestCloudMetadata(t *testing.T) {
	s := startServer(t)
	status, _, body := rawRequest(t, s, nil, http.MethodGet, "/metadata/endpoints?api-version=2022-09-01", "", nil)
	if status != 200 {
		t.Fatalf("%d %s", status, body)
	}
	var clouds []struct {
		Name            string `json:"name"`
		ResourceManager string `json:"resourceManager"`
		Authentication  struct {
			LoginEndpoint    string   `json:"loginEndpoint"`
			Audiences        []string `json:"audiences"`
			Tenant           string   `json:"tenant"`
			IdentityProvider string   `json:"identityProvider"`
		} `json:"authentication"`
		Suffixes map[string]string `json:"suffixes"`
	}
	if err := json.Unmarshal(body, &clouds); err != nil {
		t.Fatalf("not a JSON array of clouds: %v: %s", err, body)
	}
	if len(clouds) != 1 {
		t.Fatalf("%d clouds", len(clouds))
	}
	c := clouds[0]
	if c.ResourceManager != s.URL()+"/" || c.Authentication.LoginEndpoint != s.URL()+"/" || c.Authentication.Tenant != "common" ||
		c.Authentication.IdentityProvider != "AAD" || len(c.Authentication.Audiences) != 2 || c.Suffixes["keyVaultDns"] == "" {
		t.Fatalf("cloud %+v", c)
	}
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
}
