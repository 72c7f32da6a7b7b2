package provider_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

func TestAccProvider_MissingSubscription(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	acctest.UnsetEnv(t, "ARM_SUBSCRIPTION_ID")
	acctest.Test(t, []resource.TestStep{{
		Config:      versionsDataSource,
		ExpectError: regexp.MustCompile(`(?s)No subscription configured.*` + words("Set subscription_id in the provider block, or the ARM_SUBSCRIPTION_ID environment variable")),
	}})
	acctest.ExpectNoRequests(srv).Require(t)
}

func TestAccProvider_UnknownSubscription(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	t.Setenv("ARM_SUBSCRIPTION_ID", "11111111-2222-4333-8444-555555555555")
	acctest.Test(t, []resource.TestStep{{
		Config:      versionsDataSource,
		ExpectError: regexp.MustCompile(`(?s)Cannot list Kubernetes versions.*11111111-2222-4333-8444-555555555555`),
	}})
	if err := acctest.ExpectEach(srv, acctest.AnyCall(http.MethodGet, `^/subscriptions/11111111-2222-4333-8444-555555555555/`)).Err(); err != nil {
		t.Errorf("the unknown subscription was never asked for: %v", err)
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
		"max_concurrent_pool_operations_per_cluster below 1": {
			provider: "max_concurrent_pool_operations_per_cluster = 0", attr: "max_concurrent_pool_operations_per_cluster", summary: "Invalid Attribute Value",
		},
		"oidc_request_url without oidc_request_token": {
			provider: "tenant_id = \"{tenant}\"\n  client_id = \"{client}\"\n  use_oidc = true\n  oidc_request_url = \"https://{host}/oidc\"",
			attr:     "oidc_request_token", summary: "Incomplete OIDC token request settings",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			srv := acctest.NewAccEmulator(t)
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
			acctest.Test(t, []resource.TestStep{{
				Config:      "provider \"aks\" {\n  " + block + "\n}\n" + versionsDataSource,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Error: ` + regexp.QuoteMeta(tc.summary) + `\s+` + pointsAt),
			}})
			acctest.ExpectNoRequests(srv).Require(t)
		})
	}
}
