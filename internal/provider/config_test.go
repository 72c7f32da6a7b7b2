package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const (
	testSubscription = "00000000-0000-4000-8000-000000000002"
	testTenant       = "00000000-0000-4000-8000-000000000001"
	testClient       = "00000000-0000-4000-8000-000000000003"
)

// nullModel is a provider block with every argument omitted.
func nullModel() providerModel {
	return providerModel{
		SubscriptionID: types.StringNull(), TenantID: types.StringNull(), ClientID: types.StringNull(),
		ClientSecret: types.StringNull(), ClientCertificatePath: types.StringNull(), ClientCertificatePassword: types.StringNull(),
		UseOIDC: types.BoolNull(), OIDCToken: types.StringNull(), OIDCTokenFilePath: types.StringNull(),
		OIDCRequestURL: types.StringNull(), OIDCRequestToken: types.StringNull(),
		UseMSI: types.BoolNull(), UseCLI: types.BoolNull(), Environment: types.StringNull(), MetadataHost: types.StringNull(),
		MaxPoolOperations: types.Int64Null(),
	}
}

func envOf(vars map[string]string) func(string) string {
	return func(name string) string { return vars[name] }
}

func mustMerge(t *testing.T, m providerModel, env map[string]string) providerConfig {
	t.Helper()
	c, diags := mergeConfig(m, envOf(env))
	if diags.HasError() {
		t.Fatalf("mergeConfig: %v", diags)
	}
	return c
}

func TestMergeConfig_HCLWinsOverEnvironment(t *testing.T) {
	m := nullModel()
	m.SubscriptionID = types.StringValue("11111111-1111-1111-1111-111111111111")
	m.UseCLI = types.BoolValue(false)
	env := map[string]string{
		"ARM_SUBSCRIPTION_ID": testSubscription,
		"ARM_TENANT_ID":       testTenant,
		"ARM_USE_CLI":         "true",
	}
	c := mustMerge(t, m, env)

	if c.SubscriptionID != "11111111-1111-1111-1111-111111111111" || c.sources[attrSubscriptionID] != sourceHCL {
		t.Errorf("subscription_id = %q from %q, want the HCL value", c.SubscriptionID, c.sources[attrSubscriptionID])
	}
	if c.TenantID != testTenant || c.sources[attrTenantID] != "ARM_TENANT_ID" {
		t.Errorf("tenant_id = %q from %q, want the ARM_TENANT_ID value", c.TenantID, c.sources[attrTenantID])
	}
	if c.UseCLI {
		t.Errorf("use_cli = true, want the HCL false to beat ARM_USE_CLI=true")
	}
	if c.isSet(attrClientID) {
		t.Errorf("client_id is set from %q, want unset", c.sources[attrClientID])
	}
}

func TestMergeConfig_EmptyHCLStringFallsBackToEnvironment(t *testing.T) {
	m := nullModel()
	m.ClientID = types.StringValue("")
	c := mustMerge(t, m, map[string]string{"ARM_CLIENT_ID": testClient})
	if c.ClientID != testClient {
		t.Errorf("client_id = %q, want %q from ARM_CLIENT_ID", c.ClientID, testClient)
	}
}

func TestMergeConfig_Defaults(t *testing.T) {
	c := mustMerge(t, nullModel(), nil)
	if !c.UseCLI || c.isSet(attrUseCLI) {
		t.Errorf("use_cli = %v (set %v), want the default true, not set explicitly", c.UseCLI, c.isSet(attrUseCLI))
	}
	if c.UseOIDC || c.UseMSI {
		t.Errorf("use_oidc = %v, use_msi = %v, want both false by default", c.UseOIDC, c.UseMSI)
	}
	if len(c.sources) != 0 {
		t.Errorf("sources = %v, want none", c.sources)
	}
}

func TestMergeConfig_EnvironmentBooleans(t *testing.T) {
	c := mustMerge(t, nullModel(), map[string]string{"ARM_USE_OIDC": "true", "ARM_USE_MSI": "1", "ARM_USE_CLI": "false"})
	if !c.UseOIDC || !c.UseMSI || c.UseCLI {
		t.Errorf("use_oidc=%v use_msi=%v use_cli=%v, want true true false", c.UseOIDC, c.UseMSI, c.UseCLI)
	}
	if c.sources[attrUseCLI] != "ARM_USE_CLI" {
		t.Errorf("use_cli source = %q, want ARM_USE_CLI", c.sources[attrUseCLI])
	}

	_, diags := mergeConfig(nullModel(), envOf(map[string]string{"ARM_USE_OIDC": "yes please"}))
	assertSingleError(t, diags, attrUseOIDC, "ARM_USE_OIDC")
}

func TestMergeConfig_MaxConcurrentPoolOperations(t *testing.T) {
	const env = "AKS_MAX_CONCURRENT_POOL_OPERATIONS_PER_CLUSTER"
	if c := mustMerge(t, nullModel(), nil); c.MaxPoolOperations != 0 || c.isSet(attrMaxPoolOperations) {
		t.Errorf("unset: %d, want 0 (no cap)", c.MaxPoolOperations)
	}
	if c := mustMerge(t, nullModel(), map[string]string{env: " 3 "}); c.MaxPoolOperations != 3 || c.sources[attrMaxPoolOperations] != env {
		t.Errorf("from the environment: %d from %q, want 3 from %s", c.MaxPoolOperations, c.sources[attrMaxPoolOperations], env)
	}
	m := nullModel()
	m.MaxPoolOperations = types.Int64Value(5)
	if c := mustMerge(t, m, map[string]string{env: "3"}); c.MaxPoolOperations != 5 || c.sources[attrMaxPoolOperations] != sourceHCL {
		t.Errorf("HCL and environment: %d, want the HCL 5", c.MaxPoolOperations)
	}
	m.MaxPoolOperations = types.Int64Unknown()
	if c := mustMerge(t, m, map[string]string{env: "3"}); !c.unknown[attrMaxPoolOperations] {
		t.Error("an unknown HCL value was not recorded")
	}
	for _, bad := range []string{"0", "-2", "many", "2.5"} {
		_, diags := mergeConfig(nullModel(), envOf(map[string]string{env: bad}))
		if !diags.HasError() {
			t.Errorf("%s=%q was accepted", env, bad)
			continue
		}
		d := diags.Errors()[0]
		if !strings.Contains(d.Summary(), env) || !strings.Contains(d.Detail(), "at least 1") {
			t.Errorf("%s=%q: %s: %s", env, bad, d.Summary(), d.Detail())
		}
		if p, ok := d.(diag.DiagnosticWithPath); !ok || !p.Path().Equal(path.Root(attrMaxPoolOperations)) {
			t.Errorf("%s=%q: diagnostic not at the attribute's path", env, bad)
		}
	}
}

func TestMergeConfig_OIDCRequestFallsBackToGitHubActions(t *testing.T) {
	github := map[string]string{
		"ACTIONS_ID_TOKEN_REQUEST_URL":   "https://token.actions.example/req?x=1",
		"ACTIONS_ID_TOKEN_REQUEST_TOKEN": "gh-request-token",
	}
	c := mustMerge(t, nullModel(), github)
	if c.OIDCRequestURL != github["ACTIONS_ID_TOKEN_REQUEST_URL"] || c.OIDCRequestToken != "gh-request-token" {
		t.Errorf("request url/token = %q/%q, want GitHub's", c.OIDCRequestURL, c.OIDCRequestToken)
	}

	github["ARM_OIDC_REQUEST_URL"] = "https://explicit.example/req"
	c = mustMerge(t, nullModel(), github)
	if c.OIDCRequestURL != "https://explicit.example/req" || c.sources[attrOIDCRequestURL] != "ARM_OIDC_REQUEST_URL" {
		t.Errorf("request url = %q from %q, want ARM_OIDC_REQUEST_URL to beat GitHub's", c.OIDCRequestURL, c.sources[attrOIDCRequestURL])
	}
}

func TestMergeConfig_HCPTerraformTokenAndEnvironmentName(t *testing.T) {
	c := mustMerge(t, nullModel(), map[string]string{envHCPTerraformToken: " hcp-token \n", "ARM_ENVIRONMENT": "USGovernment"})
	if c.HCPTerraformToken != "hcp-token" {
		t.Errorf("HCP Terraform token = %q, want it trimmed", c.HCPTerraformToken)
	}
	if c.Environment != environmentUSGovernment {
		t.Errorf("environment = %q, want it lower-cased", c.Environment)
	}
}

func TestMergeConfig_UnknownValuesAreRecorded(t *testing.T) {
	m := nullModel()
	m.ClientID = types.StringUnknown()
	m.UseOIDC = types.BoolUnknown()
	c := mustMerge(t, m, map[string]string{"ARM_CLIENT_ID": testClient})
	if !c.unknown[attrClientID] || !c.unknown[attrUseOIDC] {
		t.Errorf("unknown = %v, want client_id and use_oidc", c.unknown)
	}
	if c.ClientID != "" {
		t.Errorf("client_id = %q, want the unknown HCL value not to fall back to the environment", c.ClientID)
	}
}

func TestValidate_Contradictions(t *testing.T) {
	sp := map[string]string{"ARM_TENANT_ID": testTenant, "ARM_CLIENT_ID": testClient}
	with := func(base map[string]string, extra ...string) map[string]string {
		out := map[string]string{}
		for k, v := range base {
			out[k] = v
		}
		for i := 0; i+1 < len(extra); i += 2 {
			out[extra[i]] = extra[i+1]
		}
		return out
	}
	tests := map[string]struct {
		model    func(*providerModel)
		env      map[string]string
		wantPath string
		wantText string
	}{
		"environment and metadata_host": {
			model:    func(m *providerModel) { m.Environment = types.StringValue("public") },
			env:      map[string]string{"ARM_METADATA_HOSTNAME": "127.0.0.1:8443"},
			wantPath: attrMetadataHost, wantText: "ARM_METADATA_HOSTNAME",
		},
		"unknown environment": {
			model:    func(m *providerModel) { m.Environment = types.StringValue("germany") },
			wantPath: attrEnvironment, wantText: "public, usgovernment, china",
		},
		"metadata_host with a scheme": {
			model:    func(m *providerModel) { m.MetadataHost = types.StringValue("https://management.azure.com") },
			wantPath: attrMetadataHost, wantText: "without scheme",
		},
		"subscription_id not a GUID": {
			model:    func(m *providerModel) { m.SubscriptionID = types.StringValue("my-subscription") },
			wantPath: attrSubscriptionID, wantText: "not a GUID",
		},
		"tenant_id not a GUID": {
			env:      map[string]string{"ARM_TENANT_ID": "contoso.onmicrosoft.com"},
			wantPath: attrTenantID, wantText: "tenant_id (from ARM_TENANT_ID)",
		},
		"client_id not a GUID": {
			model:    func(m *providerModel) { m.ClientID = types.StringValue("terraform") },
			wantPath: attrClientID, wantText: "not a GUID",
		},
		"client_secret without client_id": {
			model:    func(m *providerModel) { m.ClientSecret = types.StringValue("s3cret") },
			env:      map[string]string{"ARM_TENANT_ID": testTenant},
			wantPath: attrClientSecret, wantText: "client_id or ARM_CLIENT_ID",
		},
		"client_secret without tenant_id": {
			env:      map[string]string{"ARM_CLIENT_ID": testClient, "ARM_CLIENT_SECRET": "s3cret"},
			wantPath: attrClientSecret, wantText: "tenant_id or ARM_TENANT_ID",
		},
		"certificate password without path": {
			model:    func(m *providerModel) { m.ClientCertificatePassword = types.StringValue("pfx-password") },
			env:      sp,
			wantPath: attrClientCertificatePassword, wantText: "client_certificate_path or ARM_CLIENT_CERTIFICATE_PATH",
		},
		"certificate without client_id": {
			model:    func(m *providerModel) { m.ClientCertificatePath = types.StringValue("/tmp/sp.pfx") },
			env:      map[string]string{"ARM_TENANT_ID": testTenant},
			wantPath: attrClientCertificatePath, wantText: "client_id",
		},
		"oidc_token without use_oidc": {
			model:    func(m *providerModel) { m.OIDCToken = types.StringValue("eyJhbGciOi.x.y") },
			env:      sp,
			wantPath: attrOIDCToken, wantText: "use_oidc = true",
		},
		"ARM_OIDC_TOKEN_FILE_PATH without use_oidc": {
			env:      with(sp, "ARM_OIDC_TOKEN_FILE_PATH", "/var/run/token"),
			wantPath: attrOIDCTokenFilePath, wantText: "from ARM_OIDC_TOKEN_FILE_PATH",
		},
		"oidc_token and oidc_token_file_path": {
			model: func(m *providerModel) {
				m.UseOIDC = types.BoolValue(true)
				m.OIDCToken = types.StringValue("token")
				m.OIDCTokenFilePath = types.StringValue("/var/run/token")
			},
			env:      sp,
			wantPath: attrOIDCTokenFilePath, wantText: "Set only one",
		},
		"oidc_request_url without token": {
			model: func(m *providerModel) {
				m.UseOIDC = types.BoolValue(true)
				m.OIDCRequestURL = types.StringValue("https://token.example/")
			},
			env:      sp,
			wantPath: attrOIDCRequestToken, wantText: "oidc_request_token or ARM_OIDC_REQUEST_TOKEN",
		},
		"use_oidc without any token": {
			model:    func(m *providerModel) { m.UseOIDC = types.BoolValue(true) },
			env:      sp,
			wantPath: attrUseOIDC, wantText: "no OIDC token",
		},
		"use_oidc without client_id": {
			model:    func(m *providerModel) { m.UseOIDC = types.BoolValue(true) },
			env:      map[string]string{"ARM_TENANT_ID": testTenant, "ARM_OIDC_TOKEN": "token"},
			wantPath: attrUseOIDC, wantText: "client_id",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			m := nullModel()
			if tc.model != nil {
				tc.model(&m)
			}
			c := mustMerge(t, m, tc.env)
			assertSingleError(t, c.validate(), tc.wantPath, tc.wantText)
		})
	}
}

func TestValidate_AcceptsCompleteConfigurations(t *testing.T) {
	tests := map[string]struct {
		model func(*providerModel)
		env   map[string]string
	}{
		"nothing at all (terraform validate without credentials)": {},
		"client secret from the environment, emulator cloud": {
			env: map[string]string{
				"ARM_SUBSCRIPTION_ID": testSubscription, "ARM_TENANT_ID": testTenant, "ARM_CLIENT_ID": testClient,
				"ARM_CLIENT_SECRET": "s3cret", "ARM_METADATA_HOSTNAME": "127.0.0.1:8443",
			},
		},
		"certificate with password": {
			model: func(m *providerModel) {
				m.ClientCertificatePath = types.StringValue("/tmp/sp.pfx")
				m.ClientCertificatePassword = types.StringValue("pw")
			},
			env: map[string]string{"ARM_TENANT_ID": testTenant, "ARM_CLIENT_ID": testClient, "ARM_ENVIRONMENT": "china"},
		},
		"OIDC from GitHub Actions": {
			model: func(m *providerModel) { m.UseOIDC = types.BoolValue(true) },
			env: map[string]string{
				"ARM_TENANT_ID": testTenant, "ARM_CLIENT_ID": testClient,
				"ACTIONS_ID_TOKEN_REQUEST_URL": "https://token.example/", "ACTIONS_ID_TOKEN_REQUEST_TOKEN": "t",
			},
		},
		"GitHub Actions variables without use_oidc are ambient, not a contradiction": {
			env: map[string]string{"ACTIONS_ID_TOKEN_REQUEST_URL": "https://token.example/", "ACTIONS_ID_TOKEN_REQUEST_TOKEN": "t"},
		},
		"OIDC from HCP Terraform": {
			env: map[string]string{"ARM_USE_OIDC": "true", "ARM_TENANT_ID": testTenant, "ARM_CLIENT_ID": testClient, envHCPTerraformToken: "t"},
		},
		"managed identity with a user-assigned client_id": {
			model: func(m *providerModel) { m.UseMSI = types.BoolValue(true) },
			env:   map[string]string{"ARM_CLIENT_ID": testClient},
		},
		"metadata_host with port": {
			model: func(m *providerModel) { m.MetadataHost = types.StringValue("localhost:8443") },
		},
		"unknown client_id does not make client_secret incomplete": {
			model: func(m *providerModel) {
				m.ClientID = types.StringUnknown()
				m.ClientSecret = types.StringValue("s3cret")
			},
			env: map[string]string{"ARM_TENANT_ID": testTenant},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			m := nullModel()
			if tc.model != nil {
				tc.model(&m)
			}
			c := mustMerge(t, m, tc.env)
			if diags := c.validate(); diags.HasError() {
				t.Fatalf("validate: %v", diags)
			}
		})
	}
}

// assertSingleError checks that diags hold exactly one error, at attribute attr, whose summary
// or detail contains text.
func assertSingleError(t *testing.T, diags diag.Diagnostics, attr, text string) {
	t.Helper()
	errs := diags.Errors()
	if len(errs) != 1 {
		t.Fatalf("want exactly one error at %s, got %d: %v", attr, len(errs), diags)
	}
	withPath, ok := errs[0].(diag.DiagnosticWithPath)
	if !ok {
		t.Fatalf("error %q has no attribute path, want %s", errs[0].Summary(), attr)
	}
	if !withPath.Path().Equal(path.Root(attr)) {
		t.Errorf("error path = %s, want %s", withPath.Path(), attr)
	}
	if msg := errs[0].Summary() + " " + errs[0].Detail(); !strings.Contains(msg, text) {
		t.Errorf("error %q does not mention %q", msg, text)
	}
}
