package aks_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/echoprovider"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
)

// testCredentials applies cluster, then the steps, with terraform-plugin-testing's echo
// provider beside aks (it copies an ephemeral value into a state the test can inspect), on the
// Terraform versions that have ephemeral resources.
func testCredentials(t *testing.T, cluster string, steps ...resource.TestStep) {
	t.Helper()
	providers := map[string]func() (tfprotov6.ProviderServer, error){"echo": echoprovider.NewProviderServer()}
	maps.Copy(providers, acctest.ProtoV6ProviderFactories)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   acctest.EphemeralResourcesTerraform,
		ProtoV6ProviderFactories: providers,
		Steps:                    append([]resource.TestStep{{Config: cluster}}, steps...),
	})
}

// credentialsHCL adds the ephemeral credentials (the user's or the administrator's) echoed into
// echo.credentials or echo.admin_credentials.
func credentialsHCL(cluster string, admin bool) string {
	return cluster + fmt.Sprintf(`
ephemeral "aks_cluster_credentials" "this" {
  cluster_id = aks_cluster.test.id
  admin      = %t
}

provider "echo" {
  data = ephemeral.aks_cluster_credentials.this
}

resource "echo" %q {}
`, admin, map[bool]string{false: "credentials", true: "admin_credentials"}[admin])
}

// The guide's `az aks get-credentials` as an ephemeral resource: the kubeconfig and its parts
// reach what consumes them (here the echo provider), never aks_cluster's state nor a TRACE log.
func TestAccClusterCredentials_ephemeral(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	logFile := filepath.Join(t.TempDir(), "trace.log")
	t.Setenv("TF_ACC_LOG_PATH", logFile)
	cluster := guideCluster()
	testCredentials(t, cluster,
		resource.TestStep{
			PreConfig: srv.ResetJournal,
			Config:    credentialsHCL(cluster, false),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("echo.credentials", tfjsonpath.New("data").AtMapKey("host"), knownvalue.StringRegexp(regexp.MustCompile(`^https://aks-demo-[0-9a-f]+\.hcp\.eastus\.azmk8s\.io:443$`))),
				statecheck.ExpectKnownValue("echo.credentials", tfjsonpath.New("data").AtMapKey("cluster_ca_certificate"), knownvalue.StringRegexp(regexp.MustCompile(`^-----BEGIN CERTIFICATE-----`))),
				statecheck.ExpectKnownValue("echo.credentials", tfjsonpath.New("data").AtMapKey("client_certificate"), knownvalue.StringRegexp(regexp.MustCompile(`^-----BEGIN CERTIFICATE-----`))),
				statecheck.ExpectKnownValue("echo.credentials", tfjsonpath.New("data").AtMapKey("client_key"), knownvalue.StringRegexp(regexp.MustCompile(`PRIVATE KEY-----`))),
				statecheck.ExpectKnownValue("echo.credentials", tfjsonpath.New("data").AtMapKey("token"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f]{64}$`))),
				statecheck.ExpectKnownValue("echo.credentials", tfjsonpath.New("data").AtMapKey("username"), knownvalue.StringExact("clusterUser_rg-aks-demo_aks-demo")),
				statecheck.ExpectKnownValue("echo.credentials", tfjsonpath.New("data").AtMapKey("kube_config_raw"), knownvalue.StringRegexp(regexp.MustCompile(`(?s)apiVersion: v1.*current-context: aks-demo`))),
				credentialsKeptOut{logFile: logFile},
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPost, `/listClusterUserCredential$`), 2), // opened at plan and at apply
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPost, `/listClusterAdminCredential$`), 0),
			},
		},
		resource.TestStep{
			// The administrator's credentials.
			Config: credentialsHCL(cluster, true),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("echo.admin_credentials", tfjsonpath.New("data").AtMapKey("username"), knownvalue.StringExact("clusterAdmin_rg-aks-demo_aks-demo")),
				statecheck.ExpectKnownValue("echo.admin_credentials", tfjsonpath.New("data").AtMapKey("admin"), knownvalue.Bool(true)),
			},
		},
	)
}

// credentialsKeptOut checks that none of the secrets the echo provider received appears in
// aks_cluster's state or in the TRACE log of the run (terraform's and the provider's).
type credentialsKeptOut struct{ logFile string }

func (c credentialsKeptOut) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	var secrets []string
	var clusterValues []byte
	for _, r := range req.State.Values.RootModule.Resources {
		switch r.Address {
		case "echo.credentials":
			data, _ := r.AttributeValues["data"].(map[string]any)
			for _, key := range []string{"token", "client_key", "client_certificate", "kube_config_raw"} {
				if v, _ := data[key].(string); v != "" {
					secrets = append(secrets, v)
				}
			}
			if raw, _ := data["kube_config_raw"].(string); raw != "" {
				secrets = append(secrets, base64Std(raw)) // as the API's response body carries it
			}
		case clusterAddress:
			clusterValues, _ = json.Marshal(r.AttributeValues)
		}
	}
	if len(secrets) < 5 || len(clusterValues) == 0 {
		resp.Error = fmt.Errorf("expected the echoed credentials and the cluster in the state, found %d secrets", len(secrets))
		return
	}
	log, err := os.ReadFile(c.logFile)
	if err != nil {
		resp.Error = fmt.Errorf("reading the TRACE log: %w", err)
		return
	}
	if !strings.Contains(string(log), "listClusterUserCredential") {
		resp.Error = fmt.Errorf("the TRACE log %s does not show the credential call: it can't prove anything", c.logFile)
		return
	}
	for _, s := range secrets {
		if strings.Contains(string(clusterValues), s) {
			resp.Error = fmt.Errorf("a credential value is in aks_cluster's state")
			return
		}
		if strings.Contains(string(log), s) {
			resp.Error = fmt.Errorf("a credential value (%d characters) is in the TRACE log", len(s))
			return
		}
	}
}

// Admin credentials of a cluster with local accounts disabled are refused with the reason and the fix.
func TestAccClusterCredentials_adminWithLocalAccountsDisabled(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	cluster := clusterHCL("aks-demo", guideNetwork+"\n  azure_rbac_enabled = true\n  local_account_disabled = true", guidePool)
	testCredentials(t, cluster,
		resource.TestStep{
			PreConfig:   srv.ResetJournal,
			Config:      credentialsHCL(cluster, true),
			ExpectError: regexp.MustCompile(`Admin credentials are disabled on this cluster(?s).*admin = false`),
		},
	)
	if err := acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPost, `/listClusterAdminCredential$`), 0).Err(); err != nil {
		t.Errorf("the refusal must come before asking for the admin credentials: %v", err)
	}
}

func base64Std(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
