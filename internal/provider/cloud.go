package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
)

// metadataAPIVersion is the version of ARM's cloud metadata endpoint the provider reads; Azure
// answers it with one cloud object.
const metadataAPIVersion = "2022-09-01"

// cloudSettings is where the provider authenticates and which Resource Manager it calls.
type cloudSettings struct {
	// Name is the environment name, or the metadata entry's name for a discovered cloud.
	Name          string
	Configuration cloud.Configuration
	// DisableInstanceDiscovery is true for authorities Microsoft's public instance discovery does
	// not know (private clouds, Azure Stack, the local emulator): MSAL would otherwise ask
	// login.microsoftonline.com about them before every first token.
	DisableInstanceDiscovery bool
}

// microsoftAuthorityHosts are Entra ID authorities of Microsoft's own clouds, for which instance
// discovery stays on.
var microsoftAuthorityHosts = map[string]bool{
	"login.microsoftonline.com":        true,
	"login.microsoft.com":              true,
	"login.windows.net":                true,
	"sts.windows.net":                  true,
	"login.microsoftonline.us":         true,
	"login-us.microsoftonline.com":     true,
	"login.usgovcloudapi.net":          true,
	"login.chinacloudapi.cn":           true,
	"login.partner.microsoftonline.cn": true,
	"login.microsoftonline.de":         true,
}

// builtinCloud returns the configuration of one of Azure's named clouds. azcore's arm package
// fills in their Resource Manager endpoints and audiences; the map is copied so that nothing can
// change azcore's package-level values through it.
func builtinCloud(environment string) (cloudSettings, error) {
	var base cloud.Configuration
	switch environment {
	case "", environmentPublic:
		environment, base = environmentPublic, cloud.AzurePublic
	case environmentUSGovernment:
		base = cloud.AzureGovernment
	case environmentChina:
		base = cloud.AzureChina
	default:
		return cloudSettings{}, fmt.Errorf("unknown environment %q: use one of %s, or metadata_host", environment, strings.Join(environmentNames, ", "))
	}
	cfg := cloud.Configuration{ActiveDirectoryAuthorityHost: base.ActiveDirectoryAuthorityHost, Services: maps.Clone(base.Services)}
	return cloudSettings{Name: environment, Configuration: cfg, DisableInstanceDiscovery: false}, nil
}

// resolveCloud returns the built-in cloud named by environment, or discovers one from
// metadata_host through the given pipeline options (retries, user agent and logging apply).
func resolveCloud(ctx context.Context, c providerConfig, options policy.ClientOptions) (cloudSettings, error) {
	if c.MetadataHost == "" {
		return builtinCloud(c.Environment)
	}
	body, err := fetchMetadataEndpoints(ctx, c.MetadataHost, options)
	if err != nil {
		return cloudSettings{}, err
	}
	return parseMetadataEndpoints(body, c.MetadataHost)
}

// fetchMetadataEndpoints GETs https://{host}/metadata/endpoints. The answer is not authenticated:
// the credential is built from it.
func fetchMetadataEndpoints(ctx context.Context, host string, options policy.ClientOptions) ([]byte, error) {
	endpoint := (&url.URL{Scheme: "https", Host: host, Path: "/metadata/endpoints", RawQuery: "api-version=" + metadataAPIVersion}).String()
	req, err := runtime.NewRequest(ctx, http.MethodGet, endpoint)
	if err != nil {
		return nil, fmt.Errorf("discovering the cloud from metadata_host %q: %w", host, err)
	}
	req.Raw().Header.Set("Accept", "application/json")
	resp, err := ownPipeline(options).Do(req)
	if err != nil {
		return nil, fmt.Errorf("discovering the cloud from metadata_host %q: GET %s failed: %w", host, endpoint, err)
	}
	if !runtime.HasStatusCode(resp, http.StatusOK) {
		return nil, fmt.Errorf("discovering the cloud from metadata_host %q: %w", host, runtime.NewResponseError(resp))
	}
	body, err := runtime.Payload(resp)
	if err != nil {
		return nil, fmt.Errorf("discovering the cloud from metadata_host %q: reading the answer of %s: %w", host, endpoint, err)
	}
	return body, nil
}

// metadataEntry is one cloud in ARM's metadata/endpoints answer; only the fields the provider uses.
type metadataEntry struct {
	Name            string `json:"name"`
	ResourceManager string `json:"resourceManager"`
	Authentication  struct {
		LoginEndpoint string   `json:"loginEndpoint"`
		Audiences     []string `json:"audiences"`
		Tenant        string   `json:"tenant"`
	} `json:"authentication"`
}

// parseMetadataEndpoints reads ARM's metadata/endpoints answer: a single cloud object, which is
// what api-version 2022-09-01 (the one the provider asks for) answers, as do Azure Stack Hub and
// go-azure-sdk's and the Azure CLI's readers expect; or an array of clouds, the shape of the older
// 2019-05-01 and 2020-06-01 versions, which some private clouds and proxies still serve. From an
// array it picks the entry whose resourceManager host is metadataHost, or the only entry.
func parseMetadataEndpoints(body []byte, metadataHost string) (cloudSettings, error) {
	var entries []metadataEntry
	trimmed := strings.TrimSpace(string(body))
	switch {
	case strings.HasPrefix(trimmed, "["):
		if err := json.Unmarshal([]byte(trimmed), &entries); err != nil {
			return cloudSettings{}, fmt.Errorf("metadata_host %q answered metadata that is not a JSON array of clouds: %w", metadataHost, err)
		}
	case strings.HasPrefix(trimmed, "{"):
		var single metadataEntry
		if err := json.Unmarshal([]byte(trimmed), &single); err != nil {
			return cloudSettings{}, fmt.Errorf("metadata_host %q answered metadata that is not a JSON cloud object: %w", metadataHost, err)
		}
		entries = []metadataEntry{single}
	default:
		return cloudSettings{}, fmt.Errorf("metadata_host %q answered something that is not JSON cloud metadata", metadataHost)
	}
	if len(entries) == 0 {
		return cloudSettings{}, fmt.Errorf("metadata_host %q answered an empty list of clouds", metadataHost)
	}

	entry, err := selectMetadataEntry(entries, metadataHost)
	if err != nil {
		return cloudSettings{}, err
	}
	return entry.settings(metadataHost)
}

func selectMetadataEntry(entries []metadataEntry, metadataHost string) (metadataEntry, error) {
	want := normalizeHost(metadataHost)
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if u, err := url.Parse(e.ResourceManager); err == nil && normalizeHost(u.Host) == want {
			return e, nil
		}
		names = append(names, fmt.Sprintf("%s (%s)", e.Name, e.ResourceManager))
	}
	if len(entries) == 1 {
		return entries[0], nil
	}
	return metadataEntry{}, fmt.Errorf("metadata_host %q lists %d clouds and none has its resource manager on %s: %s; set metadata_host to the host of the resource manager you want",
		metadataHost, len(entries), metadataHost, strings.Join(names, ", "))
}

func (e metadataEntry) settings(metadataHost string) (cloudSettings, error) {
	rm, err := url.Parse(e.ResourceManager)
	if err != nil || rm.Scheme != "https" || rm.Host == "" {
		return cloudSettings{}, fmt.Errorf("cloud %q from metadata_host %q has resourceManager %q, which is not an https URL", e.Name, metadataHost, e.ResourceManager)
	}
	login, err := url.Parse(e.Authentication.LoginEndpoint)
	if err != nil || login.Scheme != "https" || login.Host == "" {
		return cloudSettings{}, fmt.Errorf("cloud %q from metadata_host %q has authentication.loginEndpoint %q, which is not an https URL", e.Name, metadataHost, e.Authentication.LoginEndpoint)
	}
	if len(e.Authentication.Audiences) == 0 || e.Authentication.Audiences[0] == "" {
		return cloudSettings{}, fmt.Errorf("cloud %q from metadata_host %q lists no authentication.audiences for its resource manager", e.Name, metadataHost)
	}
	authority := strings.TrimSuffix(e.Authentication.LoginEndpoint, "/") + "/"
	return cloudSettings{
		Name: e.Name,
		Configuration: cloud.Configuration{
			ActiveDirectoryAuthorityHost: authority,
			Services: map[cloud.ServiceName]cloud.ServiceConfiguration{
				cloud.ResourceManager: {
					Endpoint: strings.TrimSuffix(e.ResourceManager, "/"),
					Audience: e.Authentication.Audiences[0],
				},
			},
		},
		DisableInstanceDiscovery: !microsoftAuthorityHosts[strings.ToLower(login.Hostname())],
	}, nil
}

// normalizeHost lower-cases a host and drops the default https port, so that
// "Example.com:443" and "example.com" compare equal.
func normalizeHost(host string) string {
	host = strings.ToLower(host)
	if h, port, err := net.SplitHostPort(host); err == nil && port == "443" {
		return h
	}
	return host
}
