package provider

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
)

// A trimmed answer of Azure public cloud's metadata endpoint at 2022-09-01: one cloud object.
const publicCloudEntry = `{
  "portal": "https://portal.azure.com",
  "authentication": {
    "loginEndpoint": "https://login.microsoftonline.com",
    "audiences": ["https://management.core.windows.net/", "https://management.azure.com/"],
    "tenant": "common",
    "identityProvider": "AAD"
  },
  "name": "AzureCloud",
  "resourceManager": "https://management.azure.com/"
}`

const privateCloudEntry = `{
  "name": "ContosoStack",
  "resourceManager": "https://management.contoso.local:8443/",
  "authentication": {
    "loginEndpoint": "https://login.contoso.local/adfs/",
    "audiences": ["https://management.adfs.contoso.local/"],
    "tenant": "adfs"
  }
}`

// Azure's 2022-09-01 answer, the shape the provider asks for.
func TestParseMetadataEndpoints_CloudObject(t *testing.T) {
	got, err := parseMetadataEndpoints([]byte(publicCloudEntry), "management.azure.com")
	if err != nil {
		t.Fatal(err)
	}
	want := cloud.Configuration{
		ActiveDirectoryAuthorityHost: "https://login.microsoftonline.com/",
		Services: map[cloud.ServiceName]cloud.ServiceConfiguration{
			cloud.ResourceManager: {Endpoint: "https://management.azure.com", Audience: "https://management.core.windows.net/"},
		},
	}
	assertCloud(t, got, "AzureCloud", want, false)
}

// The older versions' array of clouds (2019-05-01, 2020-06-01), still read.
func TestParseMetadataEndpoints_PicksTheEntryOfTheHost(t *testing.T) {
	body := "[" + publicCloudEntry + "," + privateCloudEntry + "]"

	got, err := parseMetadataEndpoints([]byte(body), "management.contoso.local:8443")
	if err != nil {
		t.Fatal(err)
	}
	want := cloud.Configuration{
		ActiveDirectoryAuthorityHost: "https://login.contoso.local/adfs/",
		Services: map[cloud.ServiceName]cloud.ServiceConfiguration{
			cloud.ResourceManager: {Endpoint: "https://management.contoso.local:8443", Audience: "https://management.adfs.contoso.local/"},
		},
	}
	assertCloud(t, got, "ContosoStack", want, true)

	// Host comparison ignores case and the default https port.
	got, err = parseMetadataEndpoints([]byte(body), "Management.Azure.com:443")
	if err != nil {
		t.Fatal(err)
	}
	want = cloud.Configuration{
		ActiveDirectoryAuthorityHost: "https://login.microsoftonline.com/",
		Services: map[cloud.ServiceName]cloud.ServiceConfiguration{
			cloud.ResourceManager: {Endpoint: "https://management.azure.com", Audience: "https://management.core.windows.net/"},
		},
	}
	assertCloud(t, got, "AzureCloud", want, false)
}

func TestParseMetadataEndpoints_SingleObjectAndOnlyEntry(t *testing.T) {
	// 2022-09-01 and Azure Stack answer one object, older versions an array; metadata_host may be
	// a different host name of the same ARM (a load balancer), so a lone entry is taken as it is.
	for name, body := range map[string]string{"object": privateCloudEntry, "array of one": "[" + privateCloudEntry + "]"} {
		got, err := parseMetadataEndpoints([]byte(body), "arm-lb.contoso.local")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got.Name != "ContosoStack" {
			t.Errorf("%s: picked %q, want ContosoStack", name, got.Name)
		}
	}
}

func TestParseMetadataEndpoints_Rejects(t *testing.T) {
	tests := map[string]struct {
		body, host, want string
	}{
		"no entry for the host": {
			body: "[" + publicCloudEntry + "," + privateCloudEntry + "]", host: "arm.example.com",
			want: "none has its resource manager on arm.example.com",
		},
		"not JSON":          {body: "<html>proxy login</html>", host: "h", want: "not JSON cloud metadata"},
		"broken JSON array": {body: `[{"name":`, host: "h", want: "not a JSON array"},
		"empty array":       {body: `[]`, host: "h", want: "empty list"},
		"http resource manager": {
			body: `{"name":"x","resourceManager":"http://arm.local/","authentication":{"loginEndpoint":"https://login.local/","audiences":["a"]}}`,
			host: "arm.local", want: "resourceManager \"http://arm.local/\", which is not an https URL",
		},
		"no audiences": {
			body: `{"name":"x","resourceManager":"https://arm.local/","authentication":{"loginEndpoint":"https://login.local/"}}`,
			host: "arm.local", want: "no authentication.audiences",
		},
		"no login endpoint": {
			body: `{"name":"x","resourceManager":"https://arm.local/","authentication":{"audiences":["a"]}}`,
			host: "arm.local", want: "loginEndpoint",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := parseMetadataEndpoints([]byte(tc.body), tc.host)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestBuiltinCloud(t *testing.T) {
	tests := map[string]struct{ authority, endpoint, audience string }{
		"":                      {"https://login.microsoftonline.com/", "https://management.azure.com", "https://management.core.windows.net/"},
		environmentPublic:       {"https://login.microsoftonline.com/", "https://management.azure.com", "https://management.core.windows.net/"},
		environmentUSGovernment: {"https://login.microsoftonline.us/", "https://management.usgovcloudapi.net", "https://management.core.usgovcloudapi.net/"},
		environmentChina:        {"https://login.chinacloudapi.cn/", "https://management.chinacloudapi.cn", "https://management.core.chinacloudapi.cn/"},
	}
	for name, tc := range tests {
		got, err := builtinCloud(name)
		if err != nil {
			t.Fatalf("%q: %v", name, err)
		}
		rm := got.Configuration.Services[cloud.ResourceManager]
		if got.Configuration.ActiveDirectoryAuthorityHost != tc.authority || rm.Endpoint != tc.endpoint || rm.Audience != tc.audience {
			t.Errorf("%q: got %+v", name, got.Configuration)
		}
		if got.DisableInstanceDiscovery {
			t.Errorf("%q: instance discovery disabled for a Microsoft cloud", name)
		}
	}
	if _, err := builtinCloud("germany"); err == nil {
		t.Error("builtinCloud(germany) succeeded, want an error")
	}

	// The returned map is a copy: changing it must not change azcore's package-level clouds.
	got, _ := builtinCloud(environmentPublic)
	got.Configuration.Services[cloud.ResourceManager] = cloud.ServiceConfiguration{Endpoint: "https://changed"}
	if cloud.AzurePublic.Services[cloud.ResourceManager].Endpoint == "https://changed" {
		t.Error("builtinCloud shares its Services map with cloud.AzurePublic")
	}
}

func TestResolveCloud_DiscoversFromMetadataHost(t *testing.T) {
	var gotPath, gotVersion, gotUserAgent string
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotPath, gotVersion, gotUserAgent = r.URL.Path, r.URL.Query().Get("api-version"), r.UserAgent()
		w.Header().Set("Content-Type", "application/json")
		base := "https://" + r.Host
		// 2022-09-01's shape: one cloud object, as Azure answers it
		_, _ = w.Write([]byte(`{"name":"Local","resourceManager":"` + base + `/","authentication":{"loginEndpoint":"` + base + `/","audiences":["https://management.core.windows.net/"]}}`))
	}))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "https://")

	options := clientOptions("1.2.3", "abc", "1.11.4", nil)
	options.Transport = srv.Client()
	c := mustMerge(t, nullModel(), map[string]string{"ARM_METADATA_HOSTNAME": host})
	got, err := resolveCloud(context.Background(), c, options)
	if err != nil {
		t.Fatalf("resolveCloud: %v", err)
	}
	if gotPath != "/metadata/endpoints" || gotVersion != metadataAPIVersion {
		t.Errorf("requested %s?api-version=%s, want /metadata/endpoints?api-version=%s", gotPath, gotVersion, metadataAPIVersion)
	}
	if gotUserAgent != "terraform-provider-aks/1.2.3 (+abc) Terraform/1.11.4" {
		t.Errorf("User-Agent = %q, want the provider's", gotUserAgent)
	}
	rm := got.Configuration.Services[cloud.ResourceManager]
	if rm.Endpoint != srv.URL || got.Configuration.ActiveDirectoryAuthorityHost != srv.URL+"/" {
		t.Errorf("configuration = %+v, want everything on %s", got.Configuration, srv.URL)
	}
	if !got.DisableInstanceDiscovery {
		t.Error("instance discovery stays on for a loopback authority")
	}
}

func TestResolveCloud_ReportsHTTPFailures(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusNotFound)
	}))
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	options := policy.ClientOptions{Transport: srv.Client()}
	c := mustMerge(t, nullModel(), map[string]string{"ARM_METADATA_HOSTNAME": u.Host})
	_, err := resolveCloud(context.Background(), c, options)
	if err == nil || !strings.Contains(err.Error(), "404") || !strings.Contains(err.Error(), u.Host) {
		t.Errorf("error %v, want a 404 naming the metadata host", err)
	}
}

func assertCloud(t *testing.T, got cloudSettings, name string, want cloud.Configuration, disableDiscovery bool) {
	t.Helper()
	if got.Name != name {
		t.Errorf("picked %q, want %q", got.Name, name)
	}
	if got.Configuration.ActiveDirectoryAuthorityHost != want.ActiveDirectoryAuthorityHost {
		t.Errorf("authority = %q, want %q", got.Configuration.ActiveDirectoryAuthorityHost, want.ActiveDirectoryAuthorityHost)
	}
	if g, w := got.Configuration.Services[cloud.ResourceManager], want.Services[cloud.ResourceManager]; g != w {
		t.Errorf("resource manager = %+v, want %+v", g, w)
	}
	if got.DisableInstanceDiscovery != disableDiscovery {
		t.Errorf("DisableInstanceDiscovery = %v, want %v", got.DisableInstanceDiscovery, disableDiscovery)
	}
}
