package provider_test

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
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
		Config: config,
		ConfigStateChecks: []statecheck.StateCheck{
			readsVersions,
			expectAnswered(srv, http.MethodPost, `^/`+emulator.DefaultTenantID+`/oauth2/v2\.0/token$`),
			expectAnswered(srv, http.MethodGet, `/providers/Microsoft\.ContainerService/locations/eastus/kubernetesVersions$`),
			acctest.ExpectNoWrites(srv),
		},
	}
}

// expectAnswered expects some request of method on a path matching pathPattern, each answered
// below 400.
func expectAnswered(srv *emulator.Server, method, pathPattern string) acctest.JournalCheck {
	return acctest.ExpectEach(srv, acctest.AnyCall(method, pathPattern), acctest.Succeeded())
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
	srv := acctest.NewAccEmulator(t)

	userAgent := regexp.MustCompile(`^terraform-provider-aks/` + acctest.ProviderVersion + ` \(\+` + acctest.ProviderCommit + `\) Terraform/\d+\.\d+\.\d+\S* azsdk-go-armcontainerservice/v8\.2\.0 `)
	acctest.Test(t, []resource.TestStep{{
		Config: versionsDataSource,
		ConfigStateChecks: []statecheck.StateCheck{
			readsVersions,
			expectAnswered(srv, http.MethodGet, `^/metadata/endpoints$`),
			expectAnswered(srv, http.MethodPost, `^/`+emulator.DefaultTenantID+`/oauth2/v2\.0/token$`),
			acctest.ExpectEach(srv, acctest.AnyCall(http.MethodGet, `/kubernetesVersions$`),
				acctest.UserAgentMatches(userAgent), acctest.APIVersion("2025-10-01")),
		},
	}})
}

func TestAccProvider_ClientSecretInHCL(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	acctest.UnsetEnv(t, "ARM_METADATA_HOSTNAME", "ARM_SUBSCRIPTION_ID", "ARM_TENANT_ID", "ARM_CLIENT_ID", "ARM_CLIENT_SECRET")

	acctest.Test(t, []resource.TestStep{authenticatedStep(srv, fmt.Sprintf(`
provider "aks" {
  metadata_host   = %[1]q
  subscription_id = %[2]q
  tenant_id       = %[3]q
  client_id       = %[4]q
  client_secret   = %[5]q
  use_cli         = false
}
`, srv.Host(), emulator.DefaultSubscriptionID, emulator.DefaultTenantID, emulator.DefaultClientID, emulator.DefaultClientSecret)+versionsDataSource)})
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
			srv := acctest.NewAccEmulator(t)
			acctest.UnsetEnv(t, "ARM_CLIENT_SECRET")
			acctest.Test(t, []resource.TestStep{authenticatedStep(srv, "provider \"aks\" {\n  "+settings(srv)+"\n}\n"+versionsDataSource)})
		})
	}
}

func TestAccProvider_ClientCertificateFromEnvironment(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	acctest.UnsetEnv(t, "ARM_CLIENT_SECRET")
	t.Setenv("ARM_CLIENT_CERTIFICATE_PATH", srv.ClientCertificatePath())
	t.Setenv("ARM_CLIENT_CERTIFICATE_PASSWORD", srv.ClientCertificatePassword())
	acctest.Test(t, []resource.TestStep{authenticatedStep(srv, versionsDataSource)})
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
			srv := acctest.NewAccEmulator(t)
			acctest.UnsetEnv(t, "ARM_CLIENT_SECRET")
			config := setup(t, srv) + versionsDataSource
			acctest.Test(t, []resource.TestStep{authenticatedStep(srv, config)})
		})
	}
}

func TestAccProvider_OIDCUntrustedSubjectNamesTheCredentialAndTheFix(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	acctest.UnsetEnv(t, "ARM_CLIENT_SECRET")
	t.Setenv("ARM_USE_OIDC", "true")
	t.Setenv("ARM_OIDC_TOKEN", mint(t, srv, "repo:someone-else/fork:ref:refs/heads/main"))
	acctest.Test(t, []resource.TestStep{{
		Config: versionsDataSource,
		ExpectError: regexp.MustCompile(`(?s)` + words("authenticating to Azure with OIDC (ClientAssertionCredential,") +
			`.*` + words("the token in oidc_token (from ARM_OIDC_TOKEN)") +
			`.*` + words("has a federated identity credential whose issuer, subject and audience")),
	}})
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
	srv := acctest.NewAccEmulator(t)
	acctest.UnsetEnv(t, "ARM_METADATA_HOSTNAME")

	step := authenticatedStep(srv, fmt.Sprintf("provider \"aks\" {\n  metadata_host = %q\n}\n", srv.Host())+versionsDataSource)
	step.ConfigStateChecks = append(step.ConfigStateChecks, expectAnswered(srv, http.MethodGet, `^/metadata/endpoints$`))
	acctest.Test(t, []resource.TestStep{step})
}

func TestAccProvider_WrongSecretNamesTheCredentialAndTheFix(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	t.Setenv("ARM_CLIENT_SECRET", "not-the-secret")
	acctest.Test(t, []resource.TestStep{{
		Config: versionsDataSource,
		ExpectError: regexp.MustCompile(`(?s)` + words("authenticating to Azure with a client secret (ClientSecretCredential, client_id "+emulator.DefaultClientID) +
			`.*AADSTS7000215.*` + words("To fix this, set client_secret or ARM_CLIENT_SECRET to a current, unexpired secret")),
	}})
	// The token request was the only thing tried: nothing reached ARM with a bad credential.
	if err := acctest.ExpectCalls(srv, acctest.AnyCall("", `^/subscriptions/`), 0).Err(); err != nil {
		t.Errorf("ARM was called without a token: %v", err)
	}
}
