package provider

// The provider block's validation: contradictions and incomplete credentials in the effective
// configuration, checked without the network (ValidateConfig runs at plan time).

import (
	"fmt"
	"net"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// validate reports contradictions and incomplete credentials in the effective configuration. It
// never touches the network or the file system, so it can run at plan time (ValidateConfig). It
// does not require a subscription: `terraform validate` must work without credentials.
// The checks run in a fixed order so that diagnostics come out in the same order every time.
func (c providerConfig) validate() diag.Diagnostics {
	var diags diag.Diagnostics
	diags.Append(c.validateCloud()...)
	diags.Append(c.validateIdentifiers()...)
	diags.Append(c.validateCertificate()...)
	diags.Append(c.validateOIDC()...)
	diags.Append(c.validateServicePrincipal()...)
	return diags
}

// validateCloud checks where the cloud is: environment or metadata_host, and their values.
func (c providerConfig) validateCloud() diag.Diagnostics {
	var diags diag.Diagnostics
	if c.isSet(attrEnvironment) && c.isSet(attrMetadataHost) {
		diags.AddAttributeError(path.Root(attrMetadataHost), "Conflicting cloud settings",
			fmt.Sprintf("Both %s and %s are set. Set environment to pick one of Azure's clouds, or metadata_host to discover a cloud from its metadata endpoint, not both.",
				c.from(attrEnvironment), c.from(attrMetadataHost)))
	}
	if c.isSet(attrEnvironment) && !slices.Contains(environmentNames, c.Environment) {
		diags.AddAttributeError(path.Root(attrEnvironment), "Unknown Azure environment",
			fmt.Sprintf("%s is %q. It must be one of %s; for any other cloud set metadata_host instead.",
				c.from(attrEnvironment), c.Environment, strings.Join(environmentNames, ", ")))
	}
	if c.isSet(attrMetadataHost) {
		if err := checkMetadataHost(c.MetadataHost); err != nil {
			diags.AddAttributeError(path.Root(attrMetadataHost), "Invalid metadata_host", fmt.Sprintf("%s: %s", c.from(attrMetadataHost), err))
		}
	}
	return diags
}

// validateIdentifiers checks that the subscription, tenant and client IDs are GUIDs.
func (c providerConfig) validateIdentifiers() diag.Diagnostics {
	var diags diag.Diagnostics
	for _, attr := range []string{attrSubscriptionID, attrTenantID, attrClientID} {
		if value := c.value(attr); c.isSet(attr) && !guidPattern.MatchString(value) {
			diags.AddAttributeError(path.Root(attr), "Invalid "+attr,
				fmt.Sprintf("%s is %q, which is not a GUID. Azure %s values look like 00000000-0000-0000-0000-000000000000.",
					c.from(attr), value, strings.ReplaceAll(strings.TrimSuffix(attr, "_id"), "_", " ")+" IDs"))
		}
	}
	return diags
}

// validateCertificate checks that a certificate password comes with a certificate.
func (c providerConfig) validateCertificate() diag.Diagnostics {
	var diags diag.Diagnostics
	if c.isSet(attrClientCertificatePassword) && !c.isSet(attrClientCertificatePath) && c.isKnown(attrClientCertificatePath) {
		diags.AddAttributeError(path.Root(attrClientCertificatePassword), "Certificate password without a certificate",
			fmt.Sprintf("%s is set but client_certificate_path is not. Set %s to the PFX or PEM file the password opens.",
				c.from(attrClientCertificatePassword), setWith(attrClientCertificatePath)))
	}
	return diags
}

// validateOIDC checks the OIDC settings: none without use_oidc, and with it exactly one usable
// token source.
func (c providerConfig) validateOIDC() diag.Diagnostics {
	var diags diag.Diagnostics
	// OIDC settings only take effect with use_oidc; setting them without it is almost always a
	// forgotten switch, and silently ignoring them would authenticate as someone else. The
	// variables GitHub Actions and HCP Terraform inject by themselves are not counted.
	if !c.UseOIDC && c.isKnown(attrUseOIDC) {
		for _, attr := range []string{attrOIDCToken, attrOIDCTokenFilePath, attrOIDCRequestURL, attrOIDCRequestToken} {
			if src := c.sources[attr]; src != "" && src != envGitHubRequestURL && src != envGitHubRequestToken {
				diags.AddAttributeError(path.Root(attr), "OIDC setting without use_oidc",
					fmt.Sprintf("%s is set but use_oidc is not true. Set %s = true to authenticate with OIDC, or remove %s.",
						c.from(attr), attrUseOIDC, attr))
			}
		}
	}
	if !c.UseOIDC {
		return diags
	}
	if c.isSet(attrOIDCToken) && c.isSet(attrOIDCTokenFilePath) {
		diags.AddAttributeError(path.Root(attrOIDCTokenFilePath), "Conflicting OIDC token settings",
			fmt.Sprintf("Both %s and %s are set. Set only one of them.", c.from(attrOIDCToken), c.from(attrOIDCTokenFilePath)))
	}
	if !c.hasOIDCTokenSource() && !c.isSet(attrOIDCRequestURL) && !c.isSet(attrOIDCRequestToken) && c.isKnown(attrOIDCToken, attrOIDCTokenFilePath, attrOIDCRequestURL, attrOIDCRequestToken) {
		diags.AddAttributeError(path.Root(attrUseOIDC), "No OIDC token",
			fmt.Sprintf("use_oidc is true but no OIDC token is available. Set one of %s; %s; %s with %s; or run in HCP Terraform with dynamic credentials (%s) or GitHub Actions with permission id-token: write.",
				setWith(attrOIDCToken), setWith(attrOIDCTokenFilePath), setWith(attrOIDCRequestURL), attrOIDCRequestToken, envHCPTerraformToken))
	}
	if c.isSet(attrOIDCRequestURL) != c.isSet(attrOIDCRequestToken) && c.isKnown(attrOIDCRequestURL, attrOIDCRequestToken) {
		present, missing := attrOIDCRequestURL, attrOIDCRequestToken
		if !c.isSet(attrOIDCRequestURL) {
			present, missing = attrOIDCRequestToken, attrOIDCRequestURL
		}
		diags.AddAttributeError(path.Root(missing), "Incomplete OIDC token request settings",
			fmt.Sprintf("%s is set but %s is not. The token request needs both; set %s.", c.from(present), missing, setWith(missing)))
	}
	return diags
}

// validateServicePrincipal checks that a service principal credential (certificate, secret,
// OIDC) names its application and tenant.
func (c providerConfig) validateServicePrincipal() diag.Diagnostics {
	var diags diag.Diagnostics
	kind := c.servicePrincipalSetting()
	if kind == "" {
		return diags
	}
	if !c.isSet(attrClientID) && c.isKnown(attrClientID) {
		diags.AddAttributeError(path.Root(kind), kind+" without client_id",
			fmt.Sprintf("%s is set but client_id is not. Set %s to the application (client) ID the credential belongs to.",
				c.from(kind), setWith(attrClientID)))
	}
	if !c.isSet(attrTenantID) && c.isKnown(attrTenantID) {
		diags.AddAttributeError(path.Root(kind), kind+" without tenant_id",
			fmt.Sprintf("%s is set but tenant_id is not. Set %s to the Entra ID tenant of the application.",
				c.from(kind), setWith(attrTenantID)))
	}
	return diags
}

// servicePrincipalSetting names the attribute that selects a service principal credential
// (certificate, secret or OIDC, in the precedence order), or "" when none does.
func (c providerConfig) servicePrincipalSetting() string {
	switch {
	case c.isSet(attrClientCertificatePath):
		return attrClientCertificatePath
	case c.isSet(attrClientSecret):
		return attrClientSecret
	case c.UseOIDC:
		return attrUseOIDC
	}
	return ""
}

// hasOIDCTokenSource reports whether any source of an OIDC token is configured.
func (c providerConfig) hasOIDCTokenSource() bool {
	return c.isSet(attrOIDCToken) || c.isSet(attrOIDCTokenFilePath) || c.HCPTerraformToken != "" ||
		(c.isSet(attrOIDCRequestURL) && c.isSet(attrOIDCRequestToken))
}

// checkMetadataHost accepts a bare host or host:port, as ARM_METADATA_HOSTNAME is in azurerm.
func checkMetadataHost(host string) error {
	if strings.Contains(host, "://") || strings.ContainsAny(host, "/?#@ ") {
		return fmt.Errorf("%q must be a host name with an optional port, such as management.azure.com or 127.0.0.1:8443, without scheme or path", host)
	}
	if strings.Contains(host, ":") {
		if _, port, err := net.SplitHostPort(host); err != nil || port == "" {
			return fmt.Errorf("%q is not a valid host:port", host)
		}
	}
	return nil
}
