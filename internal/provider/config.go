package provider

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Attribute names of the provider block, used for schema, env lookups and diagnostics paths.
const (
	attrSubscriptionID            = "subscription_id"
	attrTenantID                  = "tenant_id"
	attrClientID                  = "client_id"
	attrClientSecret              = "client_secret"
	attrClientCertificatePath     = "client_certificate_path"
	attrClientCertificatePassword = "client_certificate_password"
	attrUseOIDC                   = "use_oidc"
	attrOIDCToken                 = "oidc_token"
	attrOIDCTokenFilePath         = "oidc_token_file_path"
	attrOIDCRequestURL            = "oidc_request_url"
	attrOIDCRequestToken          = "oidc_request_token"
	attrUseMSI                    = "use_msi"
	attrUseCLI                    = "use_cli"
	attrEnvironment               = "environment"
	attrMetadataHost              = "metadata_host"
	attrMaxPoolOperations         = "max_concurrent_pool_operations_per_cluster"
)

// Environment variables read besides the ARM_* fallbacks of the attributes.
const (
	envGitHubRequestURL   = "ACTIONS_ID_TOKEN_REQUEST_URL"
	envGitHubRequestToken = "ACTIONS_ID_TOKEN_REQUEST_TOKEN"
	envHCPTerraformToken  = "TFC_WORKLOAD_IDENTITY_TOKEN"
)

// envFallbacks lists, per attribute, the environment variables read when the attribute is not set
// in HCL, first match wins. GitHub Actions' variables come after ARM_OIDC_REQUEST_* so that an
// explicit ARM_ setting beats what the runner injects.
var envFallbacks = map[string][]string{
	attrSubscriptionID:            {"ARM_SUBSCRIPTION_ID"},
	attrTenantID:                  {"ARM_TENANT_ID"},
	attrClientID:                  {"ARM_CLIENT_ID"},
	attrClientSecret:              {"ARM_CLIENT_SECRET"},
	attrClientCertificatePath:     {"ARM_CLIENT_CERTIFICATE_PATH"},
	attrClientCertificatePassword: {"ARM_CLIENT_CERTIFICATE_PASSWORD"},
	attrUseOIDC:                   {"ARM_USE_OIDC"},
	attrOIDCToken:                 {"ARM_OIDC_TOKEN"},
	attrOIDCTokenFilePath:         {"ARM_OIDC_TOKEN_FILE_PATH"},
	attrOIDCRequestURL:            {"ARM_OIDC_REQUEST_URL", envGitHubRequestURL},
	attrOIDCRequestToken:          {"ARM_OIDC_REQUEST_TOKEN", envGitHubRequestToken},
	attrUseMSI:                    {"ARM_USE_MSI"},
	attrUseCLI:                    {"ARM_USE_CLI"},
	attrEnvironment:               {"ARM_ENVIRONMENT"},
	attrMetadataHost:              {"ARM_METADATA_HOSTNAME"},
	// azurerm has no such setting, so no ARM_ name to reuse.
	attrMaxPoolOperations: {"AKS_MAX_CONCURRENT_POOL_OPERATIONS_PER_CLUSTER"},
}

// Names of the Azure clouds `environment` accepts.
const (
	environmentPublic       = "public"
	environmentUSGovernment = "usgovernment"
	environmentChina        = "china"
)

var environmentNames = []string{environmentPublic, environmentUSGovernment, environmentChina}

// providerModel is the provider block as Terraform sends it.
type providerModel struct {
	SubscriptionID            types.String `tfsdk:"subscription_id"`
	TenantID                  types.String `tfsdk:"tenant_id"`
	ClientID                  types.String `tfsdk:"client_id"`
	ClientSecret              types.String `tfsdk:"client_secret"`
	ClientCertificatePath     types.String `tfsdk:"client_certificate_path"`
	ClientCertificatePassword types.String `tfsdk:"client_certificate_password"`
	UseOIDC                   types.Bool   `tfsdk:"use_oidc"`
	OIDCToken                 types.String `tfsdk:"oidc_token"`
	OIDCTokenFilePath         types.String `tfsdk:"oidc_token_file_path"`
	OIDCRequestURL            types.String `tfsdk:"oidc_request_url"`
	OIDCRequestToken          types.String `tfsdk:"oidc_request_token"`
	UseMSI                    types.Bool   `tfsdk:"use_msi"`
	UseCLI                    types.Bool   `tfsdk:"use_cli"`
	Environment               types.String `tfsdk:"environment"`
	MetadataHost              types.String `tfsdk:"metadata_host"`
	MaxPoolOperations         types.Int64  `tfsdk:"max_concurrent_pool_operations_per_cluster"`
}

// providerConfig is the effective configuration: HCL values, else their environment fallbacks.
// It is a plain struct so that validation and credential selection are pure functions of it.
type providerConfig struct {
	SubscriptionID            string
	TenantID                  string
	ClientID                  string
	ClientSecret              string
	ClientCertificatePath     string
	ClientCertificatePassword string
	UseOIDC                   bool
	OIDCToken                 string
	OIDCTokenFilePath         string
	OIDCRequestURL            string
	OIDCRequestToken          string
	// HCPTerraformToken is the workload identity token HCP Terraform injects for dynamic
	// credentials; it has no attribute of its own and is used by OIDC when no other token is set.
	HCPTerraformToken string
	UseMSI            bool
	UseCLI            bool
	Environment       string
	MetadataHost      string
	// MaxPoolOperations caps the agent pool operations run at once per cluster; 0 for no cap.
	MaxPoolOperations int64

	// sources records where each attribute's value came from: sourceHCL, or the name of the
	// environment variable. Attributes that are not set at all are absent.
	sources map[string]string
	// unknown holds attributes whose HCL value is not known yet (only during validation).
	unknown map[string]bool
}

const sourceHCL = "the provider block"

// isSet reports whether attr has a value, from HCL or the environment.
func (c providerConfig) isSet(attr string) bool {
	_, ok := c.sources[attr]
	return ok
}

// isKnown reports whether all attrs are known, so that a rule involving them can be decided.
func (c providerConfig) isKnown(attrs ...string) bool {
	for _, attr := range attrs {
		if c.unknown[attr] {
			return false
		}
	}
	return true
}

// from names where attr's value came from, for diagnostics: `client_secret` or
// `client_secret (from ARM_CLIENT_SECRET)`.
func (c providerConfig) from(attr string) string {
	if src := c.sources[attr]; src != "" && src != sourceHCL {
		return fmt.Sprintf("%s (from %s)", attr, src)
	}
	return attr
}

// setWith names the ways to set attr: `client_id or ARM_CLIENT_ID`.
func setWith(attr string) string {
	return attr + " or " + strings.Join(envFallbacks[attr], " or ")
}

// mergeConfig builds the effective configuration: a known, non-null HCL value wins over the
// environment; unknown HCL values are recorded so validation can skip rules that depend on them.
// getenv is os.Getenv outside tests. Malformed environment booleans are reported against their
// attribute.
func mergeConfig(m providerModel, getenv func(string) string) (providerConfig, diag.Diagnostics) {
	var diags diag.Diagnostics
	c := providerConfig{sources: map[string]string{}, unknown: map[string]bool{}}

	str := func(attr string, v types.String) string {
		if v.IsUnknown() {
			c.unknown[attr] = true
			return ""
		}
		if !v.IsNull() && v.ValueString() != "" {
			c.sources[attr] = sourceHCL
			return v.ValueString()
		}
		for _, name := range envFallbacks[attr] {
			if value := strings.TrimSpace(getenv(name)); value != "" {
				c.sources[attr] = name
				return value
			}
		}
		return ""
	}
	boolean := func(attr string, v types.Bool, def bool) bool {
		if v.IsUnknown() {
			c.unknown[attr] = true
			return def
		}
		if !v.IsNull() {
			c.sources[attr] = sourceHCL
			return v.ValueBool()
		}
		for _, name := range envFallbacks[attr] {
			raw := strings.TrimSpace(getenv(name))
			if raw == "" {
				continue
			}
			value, err := strconv.ParseBool(raw)
			if err != nil {
				diags.AddAttributeError(path.Root(attr), "Invalid boolean in "+name,
					fmt.Sprintf("%s is %q, which is not a boolean. Set it to true or false, or set %s in the provider block.", name, raw, attr))
				return def
			}
			c.sources[attr] = name
			return value
		}
		return def
	}

	c.SubscriptionID = str(attrSubscriptionID, m.SubscriptionID)
	c.TenantID = str(attrTenantID, m.TenantID)
	c.ClientID = str(attrClientID, m.ClientID)
	c.ClientSecret = str(attrClientSecret, m.ClientSecret)
	c.ClientCertificatePath = str(attrClientCertificatePath, m.ClientCertificatePath)
	c.ClientCertificatePassword = str(attrClientCertificatePassword, m.ClientCertificatePassword)
	c.UseOIDC = boolean(attrUseOIDC, m.UseOIDC, false)
	c.OIDCToken = str(attrOIDCToken, m.OIDCToken)
	c.OIDCTokenFilePath = str(attrOIDCTokenFilePath, m.OIDCTokenFilePath)
	c.OIDCRequestURL = str(attrOIDCRequestURL, m.OIDCRequestURL)
	c.OIDCRequestToken = str(attrOIDCRequestToken, m.OIDCRequestToken)
	c.HCPTerraformToken = strings.TrimSpace(getenv(envHCPTerraformToken))
	c.UseMSI = boolean(attrUseMSI, m.UseMSI, false)
	c.UseCLI = boolean(attrUseCLI, m.UseCLI, true)
	c.Environment = strings.ToLower(str(attrEnvironment, m.Environment))
	c.MetadataHost = str(attrMetadataHost, m.MetadataHost)
	c.MaxPoolOperations = positiveInt(&c, attrMaxPoolOperations, m.MaxPoolOperations, getenv, &diags)
	return c, diags
}

// positiveInt is attr's value, from HCL (whose validator refuses less than 1) or else its
// environment fallback, which must be a whole number of at least 1; 0 when neither is set.
func positiveInt(c *providerConfig, attr string, v types.Int64, getenv func(string) string, diags *diag.Diagnostics) int64 {
	if v.IsUnknown() {
		c.unknown[attr] = true
		return 0
	}
	if !v.IsNull() {
		c.sources[attr] = sourceHCL
		return v.ValueInt64()
	}
	for _, name := range envFallbacks[attr] {
		raw := strings.TrimSpace(getenv(name))
		if raw == "" {
			continue
		}
		value, err := strconv.ParseInt(raw, 10, 64)
		if err != nil || value < 1 {
			diags.AddAttributeError(path.Root(attr), "Invalid number in "+name,
				fmt.Sprintf("%s is %q, which is not a whole number of at least 1. Set it to, for example, 4, or set %s in the provider block.", name, raw, attr))
			return 0
		}
		c.sources[attr] = name
		return value
	}
	return 0
}

var guidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// value returns the string value of a string attribute.
func (c providerConfig) value(attr string) string {
	switch attr {
	case attrSubscriptionID:
		return c.SubscriptionID
	case attrTenantID:
		return c.TenantID
	case attrClientID:
		return c.ClientID
	}
	return ""
}
