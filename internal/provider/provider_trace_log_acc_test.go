package provider_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

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
			srv := acctest.NewAccEmulator(t)
			config, secrets := tc.setup(t, srv)

			logDir := t.TempDir()
			t.Setenv("TF_LOG", "TRACE")
			t.Setenv("TF_LOG_PATH_MASK", filepath.Join(logDir, "%s.log"))
			acctest.Test(t, []resource.TestStep{authenticatedStep(srv, config)})

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
