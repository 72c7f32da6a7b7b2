package provider_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

func TestMain(m *testing.M) { acctest.Main(m) }

// versionsDataSource is the smallest configuration that makes the provider authenticate and
// call ARM.
const versionsDataSource = `
data "aks_kubernetes_versions" "test" {
  location = "eastus"
}
`

// The emulator's seed makes 1.33.3 the default (see internal/ARCHITECTURE.md).
var readsVersions = statecheck.ExpectKnownValue("data.aks_kubernetes_versions.test", tfjsonpath.New("default_version"), knownvalue.StringExact("1.33.3"))

// authenticatedStep applies config and checks that the provider reached ARM through the
// emulator: the data source has the seed's versions and the emulator issued a token.
func authenticatedStep(srv *emulator.Server, config string) resource.TestStep {
	return resource.TestStep{
		Config:            config,
		ConfigStateChecks: []statecheck.StateCheck{readsVersions},
		Check: resource.ComposeAggregateTestCheckFunc(
			expectSomeCalls(srv, "POST", `^/`+emulator.DefaultTenantID+`/oauth2/v2\.0/token$`),
			expectSomeCalls(srv, "GET", `/providers/Microsoft\.ContainerService/locations/eastus/kubernetesVersions$`),
			acctest.ExpectNoWrites(srv),
		),
	}
}

func expectSomeCalls(srv *emulator.Server, method, pathPattern string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		calls, err := acctest.MatchingCalls(srv, method, pathPattern)
		if err != nil {
			return err
		}
		if len(calls) == 0 {
			return fmt.Errorf("no %s request on a path matching %q; the emulator saw:\n%s", method, pathPattern, acctest.FormatJournal(srv.Journal()))
		}
		for _, c := range calls {
			if c.Status >= 400 {
				return fmt.Errorf("%s %s answered %d %s", c.Method, c.Path, c.Status, c.ErrorCode)
			}
		}
		return nil
	}
}

// words turns a phrase into a regular expression that tolerates Terraform wrapping it over lines.
func words(phrase string) string {
	parts := strings.Fields(phrase)
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return strings.Join(parts, `\s+`)
}

func TestAccProvider_ClientSecretFromEnvironment(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)

	userAgent := regexp.MustCompile(`^terraform-provider-aks/` + acctest.ProviderVersion + ` \(\+` + acctest.ProviderCommit + `\) Terraform/\d+\.\d+\.\d+\S* azsdk-go-armcontainerservice/v8\.2\.0 `)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:            versionsDataSource,
			ConfigStateChecks: []statecheck.StateCheck{readsVersions},
			Check: resource.ComposeAggregateTestCheckFunc(
				expectSomeCalls(srv, "GET", `^/metadata/endpoints$`),
				expectSomeCalls(srv, "POST", `^/`+emulator.DefaultTenantID+`/oauth2/v2\.0/token$`),
				func(*terraform.State) error {
					calls, _ := acctest.MatchingCalls(srv, "GET", `/kubernetesVersions$`)
					for _, c := range calls {
						if !userAgent.MatchString(c.UserAgent) {
							return fmt.Errorf("User-Agent %q does not match %s", c.UserAgent, userAgent)
						}
						if c.APIVersion != "2025-10-01" {
							return fmt.Errorf("api-version %q, want 2025-10-01", c.APIVersion)
						}
					}
					if len(calls) == 0 {
						return fmt.Errorf("no kubernetesVersions request")
					}
					return nil
				},
			),
		}},
	})
}

func TestAccProvider_ClientSecretInHCL(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	acctest.UnsetEnv(t, "ARM_METADATA_HOSTNAME", "ARM_SUBSCRIPTION_ID", "ARM_TENANT_ID", "ARM_CLIENT_ID", "ARM_CLIENT_SECRET")

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{authenticatedStep(srv, fmt.Sprintf(`
provider "aks" {
  metadata_host   = %[1]q
  subscription_id = %[2]q
  tenant_id       = %[3]q
  client_id       = %[4]q
  client_secret   = %[5]q
  use_cli         = false
}
`, srv.Host(), emulator.DefaultSubscriptionID, emulator.DefaultTenantID, emulator.DefaultClientID, emulator.DefaultClientSecret)+versionsDataSource)},
	})
}

func TestAccProvider_ClientCertificate(t *testing.T) {
	tests := map[string]func(srv *emulator.Server) string{
		"PFX with password": func(srv *emulator.Server) string {
			return fmt.Sprintf("client_certificate_path = %q\n  client_certificate_password = %q", srv.ClientCertificatePath(), srv.ClientCertificatePassword())
		},
		"PEM": func(srv *emulator.Server) string {
			return fmt.Sprintf("client_certificate_path = %q", srv.ClientCertificatePEMPath())
		},
	}
	for name, settings := range tests {
		t.Run(name, func(t *testing.T) {
			acctest.PreCheck(t)
			srv := acctest.NewEmulator(t)
			acctest.UnsetEnv(t, "ARM_CLIENT_SECRET")
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{authenticatedStep(srv, "provider \"aks\" {\n  "+settings(srv)+"\n}\n"+versionsDataSource)},
			})
		})
	}
}

func TestAccProvider_ClientCertificateFromEnvironment(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	acctest.UnsetEnv(t, "ARM_CLIENT_SECRET")
	t.Setenv("ARM_CLIENT_CERTIFICATE_PATH", srv.ClientCertificatePath())
	t.Setenv("ARM_CLIENT_CERTIFICATE_PASSWORD", srv.ClientCertificatePassword())
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    []resource.TestStep{authenticatedStep(srv, versionsDataSource)},
	})
}

const (
	githubSubject = "repo:aksforge/demo:ref:refs/heads/main"
	hcpSubject    = "organization:aksforge:project:demo:workspace:demo:run_phase:apply"
)

func TestAccProvider_OIDC(t *testing.T) {
	tests := map[string]func(t *testing.T, srv *emulator.Server) string{
		"oidc_token in HCL": func(t *testing.T, srv *emulator.Server) string {
			return fmt.Sprintf("provider \"aks\" {\n  use_oidc   = true\n  oidc_token = %q\n}\n", mint(t, srv, githubSubject))
		},
		"ARM_OIDC_TOKEN": func(t *testing.T, srv *emulator.Server) string {
			t.Setenv("ARM_USE_OIDC", "true")
			t.Setenv("ARM_OIDC_TOKEN", mint(t, srv, githubSubject))
			return ""
		},
		"oidc_token_file_path": func(t *testing.T, srv *emulator.Server) string {
			file := filepath.Join(t.TempDir(), "token")
			if err := os.WriteFile(file, []byte(mint(t, srv, githubSubject)+"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			return fmt.Sprintf("provider \"aks\" {\n  use_oidc             = true\n  oidc_token_file_path = %q\n}\n", file)
		},
		"HCP Terraform TFC_WORKLOAD_IDENTITY_TOKEN": func(t *testing.T, srv *emulator.Server) string {
			t.Setenv("ARM_USE_OIDC", "true")
			t.Setenv("TFC_WORKLOAD_IDENTITY_TOKEN", mint(t, srv, hcpSubject))
			return ""
		},
		"GitHub Actions token request": func(t *testing.T, srv *emulator.Server) string {
			requestURL, requestToken := srv.GitHubOIDCRequest()
			t.Setenv("ACTIONS_ID_TOKEN_REQUEST_URL", requestURL)
			t.Setenv("ACTIONS_ID_TOKEN_REQUEST_TOKEN", requestToken)
			return "provider \"aks\" {\n  use_oidc = true\n}\n"
		},
		"oidc_request_url and oidc_request_token in HCL": func(t *testing.T, srv *emulator.Server) string {
			requestURL, requestToken := srv.GitHubOIDCRequest()
			return fmt.Sprintf("provider \"aks\" {\n  use_oidc           = true\n  oidc_request_url   = %q\n  oidc_request_token = %q\n}\n", requestURL, requestToken)
		},
	}
	for name, setup := range tests {
		t.Run(name, func(t *testing.T) {
			acctest.PreCheck(t)
			srv := acctest.NewEmulator(t)
			acctest.UnsetEnv(t, "ARM_CLIENT_SECRET")
			config := setup(t, srv) + versionsDataSource
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{authenticatedStep(srv, config)},
			})
		})
	}
}

func TestAccProvider_OIDCUntrustedSubjectNamesTheCredentialAndTheFix(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	acctest.UnsetEnv(t, "ARM_CLIENT_SECRET")
	t.Setenv("ARM_USE_OIDC", "true")
	t.Setenv("ARM_OIDC_TOKEN", mint(t, srv, "repo:someone-else/fork:ref:refs/heads/main"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: versionsDataSource,
			ExpectError: regexp.MustCompile(`(?s)` + words("authenticating to Azure with OIDC (ClientAssertionCredential,") +
				`.*` + words("the token in oidc_token (from ARM_OIDC_TOKEN)") +
				`.*` + words("has a federated identity credential whose issuer, subject and audience")),
		}},
	})
}

func mint(t *testing.T, srv *emulator.Server, subject string) string {
	t.Helper()
	token, err := srv.MintOIDCToken(subject)
	if err != nil {
		t.Fatalf("minting an OIDC token: %v", err)
	}
	return token
}

func TestAccProvider_MetadataHostDiscovery(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	acctest.UnsetEnv(t, "ARM_METADATA_HOSTNAME")

	step := authenticatedStep(srv, fmt.Sprintf("provider \"aks\" {\n  metadata_host = %q\n}\n", srv.Host())+versionsDataSource)
	step.Check = resource.ComposeAggregateTestCheckFunc(step.Check, expectSomeCalls(srv, "GET", `^/metadata/endpoints$`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    []resource.TestStep{step},
	})
}

func TestAccProvider_WrongSecretNamesTheCredentialAndTheFix(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	t.Setenv("ARM_CLIENT_SECRET", "not-the-secret")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: versionsDataSource,
			ExpectError: regexp.MustCompile(`(?s)` + words("authenticating to Azure with a client secret (ClientSecretCredential, client_id "+emulator.DefaultClientID) +
				`.*AADSTS7000215.*` + words("To fix this, set client_secret or ARM_CLIENT_SECRET to a current, unexpired secret")),
		}},
	})
	// The token request was the only thing tried: nothing reached ARM with a bad credential.
	if calls, _ := acctest.MatchingCalls(srv, "", `^/subscriptions/`); len(calls) != 0 {
		t.Errorf("ARM was called without a token:\n%s", acctest.FormatJournal(calls))
	}
}

func TestAccProvider_MissingSubscription(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	acctest.UnsetEnv(t, "ARM_SUBSCRIPTION_ID")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      versionsDataSource,
			ExpectError: regexp.MustCompile(`(?s)No subscription configured.*` + words("Set subscription_id in the provider block, or the ARM_SUBSCRIPTION_ID environment variable")),
		}},
	})
	acctest.RequireNoRequests(t, srv)
}

func TestAccProvider_UnknownSubscription(t *testing.T) {
	acctest.PreCheck(t)
	srv := acctest.NewEmulator(t)
	t.Setenv("ARM_SUBSCRIPTION_ID", "11111111-2222-4333-8444-555555555555")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      versionsDataSource,
			ExpectError: regexp.MustCompile(`(?s)Cannot list Kubernetes versions.*11111111-2222-4333-8444-555555555555`),
		}},
	})
	if calls, _ := acctest.MatchingCalls(srv, "GET", `^/subscriptions/11111111-2222-4333-8444-555555555555/`); len(calls) == 0 {
		t.Errorf("the unknown subscription was never asked for; journal:\n%s", acctest.FormatJournal(srv.Journal()))
	}
}

// TestAccProvider_ValidateConfigContradictions plans each contradictory provider block and
// expects the error to point at the attribute (Terraform shows its line of the block) before the
// provider made any request.
func TestAccProvider_ValidateConfigContradictions(t *testing.T) {
	tests := map[string]struct {
		provider string
		env      map[string]string
		attr     string
		summary  string
	}{
		"environment and metadata_host": {
			provider: "environment = \"public\"\n  metadata_host = \"{host}\"", attr: "metadata_host", summary: "Conflicting cloud settings",
		},
		"ARM_ENVIRONMENT and metadata_host": {
			provider: "metadata_host = \"{host}\"", env: map[string]string{"ARM_ENVIRONMENT": "usgovernment"},
			attr: "metadata_host", summary: "Conflicting cloud settings",
		},
		"unknown environment": {
			provider: "environment = \"germany\"", attr: "environment", summary: "Unknown Azure environment",
		},
		"metadata_host with a scheme": {
			provider: "metadata_host = \"https://{host}\"", attr: "metadata_host", summary: "Invalid metadata_host",
		},
		"client_secret without client_id": {
			provider: "tenant_id = \"{tenant}\"\n  client_secret = \"x\"", attr: "client_secret", summary: "client_secret without client_id",
		},
		"client_secret without tenant_id": {
			provider: "client_id = \"{client}\"\n  client_secret = \"x\"", attr: "client_secret", summary: "client_secret without tenant_id",
		},
		"subscription_id not a GUID": {
			provider: "subscription_id = \"my-subscription\"", attr: "subscription_id", summary: "Invalid subscription_id",
		},
		"tenant_id not a GUID": {
			provider: "tenant_id = \"contoso.onmicrosoft.com\"", attr: "tenant_id", summary: "Invalid tenant_id",
		},
		"client_id not a GUID": {
			provider: "client_id = \"terraform-sp\"", attr: "client_id", summary: "Invalid client_id",
		},
		"certificate password without certificate": {
			provider: "tenant_id = \"{tenant}\"\n  client_id = \"{client}\"\n  client_certificate_password = \"pw\"", attr: "client_certificate_password",
			summary: "Certificate password without a certificate",
		},
		"oidc_token without use_oidc": {
			provider: "tenant_id = \"{tenant}\"\n  client_id = \"{client}\"\n  oidc_token = \"t\"", attr: "oidc_token", summary: "OIDC setting without use_oidc",
		},
		"use_oidc without a token": {
			provider: "tenant_id = \"{tenant}\"\n  client_id = \"{client}\"\n  use_oidc = true", attr: "use_oidc", summary: "No OIDC token",
		},
		"oidc_token and oidc_token_file_path": {
			provider: "tenant_id = \"{tenant}\"\n  client_id = \"{client}\"\n  use_oidc = true\n  oidc_token = \"t\"\n  oidc_token_file_path = \"/tmp/t\"",
			attr:     "oidc_token_file_path", summary: "Conflicting OIDC token settings",
		},
		"oidc_request_url without oidc_request_token": {
			provider: "tenant_id = \"{tenant}\"\n  client_id = \"{client}\"\n  use_oidc = true\n  oidc_request_url = \"https://{host}/oidc\"",
			attr:     "oidc_request_token", summary: "Incomplete OIDC token request settings",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			acctest.PreCheck(t)
			srv := acctest.NewEmulator(t)
			// Only what the case sets: no credential or cloud from the environment.
			acctest.UnsetEnv(t, "ARM_METADATA_HOSTNAME", "ARM_SUBSCRIPTION_ID", "ARM_TENANT_ID", "ARM_CLIENT_ID", "ARM_CLIENT_SECRET")
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			block := strings.NewReplacer("{host}", srv.Host(), "{tenant}", emulator.DefaultTenantID, "{client}", emulator.DefaultClientID).Replace(tc.provider)
			// The attribute's own line in Terraform's source snippet proves the attribute path.
			pointsAt := `with provider\["[^"]+/aks"\],\s+on \S+ line \d+, in provider "aks":\s+\d+:\s+` + regexp.QuoteMeta(tc.attr) + `\s+=`
			if strings.HasPrefix(name, "oidc_request_url") {
				// The missing attribute is not in the block; Terraform then points at the block.
				pointsAt = `with provider\["[^"]+/aks"\]`
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      "provider \"aks\" {\n  " + block + "\n}\n" + versionsDataSource,
					PlanOnly:    true,
					ExpectError: regexp.MustCompile(`(?s)Error: ` + regexp.QuoteMeta(tc.summary) + `\s+` + pointsAt),
				}},
			})
			acctest.RequireNoRequests(t, srv)
		})
	}
}

// TestAccProvider_TraceLogHasNoSecrets applies with TF_LOG=TRACE and reads the whole log, the
// terraform CLI's and the in-process provider's (terraform-plugin-testing routes both to
// TF_LOG_PATH_MASK). The log must show the provider's HTTP traffic, token requests included,
// and none of the client secret, the access tokens (JWTs, "eyJ..."), the client assertion or the
// OIDC request token.
func TestAccProvider_TraceLogHasNoSecrets(t *testing.T) {
	tests := map[string]struct {
		setup   func(t *testing.T, srv *emulator.Server) (config string, secrets []string)
		tokenOp string
	}{
		"client secret": {
			setup: func(t *testing.T, srv *emulator.Server) (string, []string) {
				return versionsDataSource, []string{emulator.DefaultClientSecret}
			},
		},
		"OIDC through GitHub Actions' token request": {
			setup: func(t *testing.T, srv *emulator.Server) (string, []string) {
				acctest.UnsetEnv(t, "ARM_CLIENT_SECRET")
				requestURL, requestToken := srv.GitHubOIDCRequest()
				t.Setenv("ARM_USE_OIDC", "true")
				t.Setenv("ACTIONS_ID_TOKEN_REQUEST_URL", requestURL)
				t.Setenv("ACTIONS_ID_TOKEN_REQUEST_TOKEN", requestToken)
				return versionsDataSource, []string{requestToken, emulator.DefaultClientSecret}
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			acctest.PreCheck(t)
			srv := acctest.NewEmulator(t)
			config, secrets := tc.setup(t, srv)

			logDir := t.TempDir()
			t.Setenv("TF_LOG", "TRACE")
			t.Setenv("TF_LOG_PATH_MASK", filepath.Join(logDir, "%s.log"))
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{authenticatedStep(srv, config)},
			})

			files, err := filepath.Glob(filepath.Join(logDir, "*.log"))
			if err != nil || len(files) == 0 {
				t.Fatalf("no log written to %s (%v)", logDir, err)
			}
			var log strings.Builder
			for _, f := range files {
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				log.Write(data)
			}
			text := log.String()

			// The log must hold the provider's HTTP logging, or the absence checks prove nothing.
			for _, want := range []*regexp.Regexp{
				regexp.MustCompile(`\[DEBUG\].*Azure HTTP GET https://` + regexp.QuoteMeta(srv.Host()) + `/subscriptions/\S+/kubernetesVersions\?api-version=2025-10-01 200 OK`),
				regexp.MustCompile(`\[DEBUG\].*Azure HTTP POST https://` + regexp.QuoteMeta(srv.Host()) + `/` + emulator.DefaultTenantID + `/oauth2/v2\.0/token 200 OK`),
				regexp.MustCompile(`\[TRACE\].*Azure HTTP request and response detail.*http_request_headers=.*Authorization:REDACTED`),
				regexp.MustCompile(`\[TRACE\].*http_response_body=.*access_token.*REDACTED`),
			} {
				if !want.MatchString(text) {
					t.Errorf("the TRACE log has no line matching %s", want)
				}
			}
			for _, secret := range secrets {
				if strings.Contains(text, secret) {
					t.Errorf("the TRACE log contains the secret %q", secret)
				}
			}
			if i := strings.Index(text, "eyJ"); i >= 0 {
				t.Errorf("the TRACE log contains a JWT (access token, ID token or client assertion): ...%s...", text[max(0, i-200):min(len(text), i+40)])
			}
		})
	}
}
