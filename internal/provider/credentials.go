package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
)

// credentialKind is the credential the provider authenticates with.
type credentialKind int

// The credential kinds in their documented precedence: the first one configured wins.
const (
	credentialClientCertificate credentialKind = iota + 1
	credentialClientSecret
	credentialOIDC
	credentialManagedIdentity
	credentialAzureCLI
	credentialDefaultChain
)

func (k credentialKind) String() string {
	switch k {
	case credentialClientCertificate:
		return "client certificate"
	case credentialClientSecret:
		return "client secret"
	case credentialOIDC:
		return "OIDC"
	case credentialManagedIdentity:
		return "managed identity"
	case credentialAzureCLI:
		return "Azure CLI"
	case credentialDefaultChain:
		return "default credential chain"
	}
	return "unknown credential"
}

// selectCredential applies the documented precedence: client certificate, client secret, OIDC,
// managed identity, Azure CLI (only when use_cli is set explicitly to true). With none of them
// set, azidentity's default chain, which itself ends with the Azure CLI unless use_cli is false.
func selectCredential(c providerConfig) credentialKind {
	switch {
	case c.isSet(attrClientCertificatePath):
		return credentialClientCertificate
	case c.isSet(attrClientSecret):
		return credentialClientSecret
	case c.UseOIDC:
		return credentialOIDC
	case c.UseMSI:
		return credentialManagedIdentity
	case c.isSet(attrUseCLI) && c.UseCLI:
		return credentialAzureCLI
	}
	return credentialDefaultChain
}

// oidcTokenSource is where the OIDC token (the client assertion) comes from.
type oidcTokenSource int

// OIDC token sources in precedence order.
const (
	oidcFromToken oidcTokenSource = iota + 1
	oidcFromFile
	oidcFromHCPTerraform
	oidcFromRequest
)

// selectOIDCTokenSource picks the OIDC token source: oidc_token, then oidc_token_file_path, then
// HCP Terraform's workload identity token, then a token request (oidc_request_url/token, which
// fall back to GitHub Actions' variables). 0 means none is configured.
func selectOIDCTokenSource(c providerConfig) oidcTokenSource {
	switch {
	case c.OIDCToken != "":
		return oidcFromToken
	case c.OIDCTokenFilePath != "":
		return oidcFromFile
	case c.HCPTerraformToken != "":
		return oidcFromHCPTerraform
	case c.OIDCRequestURL != "" && c.OIDCRequestToken != "":
		return oidcFromRequest
	}
	return 0
}

func (s oidcTokenSource) describe(c providerConfig) string {
	switch s {
	case oidcFromToken:
		return "the token in " + c.from(attrOIDCToken)
	case oidcFromFile:
		return "the token file " + c.from(attrOIDCTokenFilePath)
	case oidcFromHCPTerraform:
		return "HCP Terraform's workload identity token (" + envHCPTerraformToken + ")"
	case oidcFromRequest:
		return "a token requested from " + c.from(attrOIDCRequestURL)
	}
	return "no token"
}

// githubTokenAudience is the audience Entra ID federated credentials expect in OIDC tokens; the
// token request asks GitHub (or any compatible issuer) for a token with it.
const githubTokenAudience = "api://AzureADTokenExchange"

// credentialError is a token failure rewritten to say which credential was tried, what failed
// and what to set. It wraps the azidentity error so errors.As still finds it (azcore relies on
// that to not retry authentication failures).
type credentialError struct {
	credential string
	fix        string
	err        error
}

func (e *credentialError) Error() string {
	return fmt.Sprintf("authenticating to Azure with %s failed: %v\n\nTo fix this, %s", e.credential, e.err, e.fix)
}

func (e *credentialError) Unwrap() error { return e.err }

// describedCredential wraps a credential so that its token failures come back as credentialError.
type describedCredential struct {
	inner      azcore.TokenCredential
	credential string
	fix        string
}

func (d describedCredential) GetToken(ctx context.Context, opts policy.TokenRequestOptions) (azcore.AccessToken, error) {
	token, err := d.inner.GetToken(ctx, opts)
	if err != nil {
		var already *credentialError
		if errors.As(err, &already) {
			return token, err
		}
		return token, &credentialError{credential: d.credential, fix: d.fix, err: err}
	}
	return token, nil
}

// credentialSetupError is a credential that could not be built, reported against an attribute.
type credentialSetupError struct {
	attr string
	err  error
}

func (e *credentialSetupError) Error() string { return e.err.Error() }
func (e *credentialSetupError) Unwrap() error { return e.err }

// newCredential builds the selected credential. It reads files (certificate) but makes no HTTP
// call; the first token request happens when an SDK client first needs one.
func newCredential(c providerConfig, cs cloudSettings, options policy.ClientOptions) (azcore.TokenCredential, credentialKind, error) {
	options.Cloud = cs.Configuration
	kind := selectCredential(c)
	app := fmt.Sprintf("client_id %s in tenant %s", c.ClientID, c.TenantID)
	otherCredential := "or configure another credential (client_certificate_path, client_secret, use_oidc, use_msi or use_cli)."

	switch kind {
	case credentialClientCertificate:
		data, err := os.ReadFile(c.ClientCertificatePath)
		if err != nil {
			return nil, kind, &credentialSetupError{attrClientCertificatePath, fmt.Errorf("reading the client certificate %s: %w", c.from(attrClientCertificatePath), err)}
		}
		certs, key, err := azidentity.ParseCertificates(data, []byte(c.ClientCertificatePassword))
		if err != nil {
			hint := "It must be a PFX (PKCS#12) file opened by client_certificate_password, or a PEM file with the certificate and an unencrypted private key."
			return nil, kind, &credentialSetupError{attrClientCertificatePath, fmt.Errorf("loading the client certificate %s: %w. %s", c.from(attrClientCertificatePath), err, hint)}
		}
		cred, err := azidentity.NewClientCertificateCredential(c.TenantID, c.ClientID, certs, key, &azidentity.ClientCertificateCredentialOptions{
			ClientOptions:            options,
			DisableInstanceDiscovery: cs.DisableInstanceDiscovery,
		})
		if err != nil {
			return nil, kind, &credentialSetupError{attrClientCertificatePath, fmt.Errorf("building the client certificate credential: %w", err)}
		}
		return describedCredential{
			inner:      cred,
			credential: fmt.Sprintf("a client certificate (ClientCertificateCredential, %s, certificate %s)", app, c.ClientCertificatePath),
			fix: fmt.Sprintf("check that the certificate in %s is registered on application %s in tenant %s and that %s and %s are right, %s",
				setWith(attrClientCertificatePath), c.ClientID, c.TenantID, setWith(attrClientID), setWith(attrTenantID), otherCredential),
		}, kind, nil

	case credentialClientSecret:
		cred, err := azidentity.NewClientSecretCredential(c.TenantID, c.ClientID, c.ClientSecret, &azidentity.ClientSecretCredentialOptions{
			ClientOptions:            options,
			DisableInstanceDiscovery: cs.DisableInstanceDiscovery,
		})
		if err != nil {
			return nil, kind, &credentialSetupError{attrClientSecret, fmt.Errorf("building the client secret credential: %w", err)}
		}
		return describedCredential{
			inner:      cred,
			credential: fmt.Sprintf("a client secret (ClientSecretCredential, %s)", app),
			fix: fmt.Sprintf("set %s to a current, unexpired secret of application %s in tenant %s, and check %s and %s, %s",
				setWith(attrClientSecret), c.ClientID, c.TenantID, setWith(attrClientID), setWith(attrTenantID), otherCredential),
		}, kind, nil

	case credentialOIDC:
		source := selectOIDCTokenSource(c)
		assertion, err := oidcAssertion(c, source, options)
		if err != nil {
			return nil, kind, &credentialSetupError{attrUseOIDC, err}
		}
		cred, err := azidentity.NewClientAssertionCredential(c.TenantID, c.ClientID, assertion, &azidentity.ClientAssertionCredentialOptions{
			ClientOptions:            options,
			DisableInstanceDiscovery: cs.DisableInstanceDiscovery,
		})
		if err != nil {
			return nil, kind, &credentialSetupError{attrUseOIDC, fmt.Errorf("building the OIDC credential: %w", err)}
		}
		return describedCredential{
			inner:      cred,
			credential: fmt.Sprintf("OIDC (ClientAssertionCredential, %s, %s)", app, source.describe(c)),
			fix: fmt.Sprintf("check that application %s in tenant %s has a federated identity credential whose issuer, subject and audience (%s) match the OIDC token, that the token has not expired, and that %s and %s are right, %s",
				c.ClientID, c.TenantID, githubTokenAudience, setWith(attrClientID), setWith(attrTenantID), otherCredential),
		}, kind, nil

	case credentialManagedIdentity:
		msiOptions := &azidentity.ManagedIdentityCredentialOptions{ClientOptions: imdsOptions(options)}
		identity := "the system-assigned identity"
		if c.ClientID != "" {
			msiOptions.ID = azidentity.ClientID(c.ClientID)
			identity = "the user-assigned identity with client_id " + c.ClientID
		}
		cred, err := azidentity.NewManagedIdentityCredential(msiOptions)
		if err != nil {
			return nil, kind, &credentialSetupError{attrUseMSI, fmt.Errorf("building the managed identity credential: %w", err)}
		}
		return describedCredential{
			inner:      cred,
			credential: fmt.Sprintf("a managed identity (ManagedIdentityCredential, %s)", identity),
			fix:        "run Terraform on an Azure host that has this managed identity assigned (set client_id or ARM_CLIENT_ID to pick a user-assigned one), " + otherCredential,
		}, kind, nil

	case credentialAzureCLI:
		cred, err := azidentity.NewAzureCLICredential(&azidentity.AzureCLICredentialOptions{TenantID: c.TenantID})
		if err != nil {
			return nil, kind, &credentialSetupError{attrUseCLI, fmt.Errorf("building the Azure CLI credential: %w", err)}
		}
		return describedCredential{
			inner:      cred,
			credential: "the Azure CLI (AzureCLICredential)",
			fix:        "install the Azure CLI and run `az login` (with --tenant when tenant_id is set), " + otherCredential,
		}, kind, nil
	}

	cred, err := defaultChain(c, cs, imdsOptions(options))
	if err != nil {
		return nil, kind, &credentialSetupError{attrUseCLI, fmt.Errorf("building the default credential chain: %w", err)}
	}
	return describedCredential{
		inner:      cred,
		credential: "azidentity's default credential chain (no credential was configured explicitly)",
		fix: "configure a credential explicitly: client_secret or client_certificate_path with client_id and tenant_id, use_oidc = true with an OIDC token, use_msi = true on an Azure host, or use_cli = true after `az login`; " +
			"the matching ARM_* environment variables work as well.",
	}, kind, nil
}

// imdsOptions leaves retries to azidentity where a managed identity may be involved: it retries
// the instance metadata service on more statuses (404, 410) and longer than ARM needs, but only
// when the retry options are left at their zero value. azcore's defaults, which the provider's
// retry options spell out, still apply to every other request.
func imdsOptions(options policy.ClientOptions) policy.ClientOptions {
	options.Retry = policy.RetryOptions{}
	return options
}

// defaultChain is azidentity's DefaultAzureCredential, or, when use_cli is false, the same
// chain's non-developer credentials (environment, workload identity, managed identity).
func defaultChain(c providerConfig, cs cloudSettings, options policy.ClientOptions) (azcore.TokenCredential, error) {
	if c.UseCLI {
		return azidentity.NewDefaultAzureCredential(&azidentity.DefaultAzureCredentialOptions{
			ClientOptions:            options,
			DisableInstanceDiscovery: cs.DisableInstanceDiscovery,
			TenantID:                 c.TenantID,
		})
	}
	var sources []azcore.TokenCredential
	var problems []string
	if cred, err := azidentity.NewEnvironmentCredential(&azidentity.EnvironmentCredentialOptions{ClientOptions: options, DisableInstanceDiscovery: cs.DisableInstanceDiscovery}); err == nil {
		sources = append(sources, cred)
	} else {
		problems = append(problems, err.Error())
	}
	if cred, err := azidentity.NewWorkloadIdentityCredential(&azidentity.WorkloadIdentityCredentialOptions{ClientOptions: options, DisableInstanceDiscovery: cs.DisableInstanceDiscovery, TenantID: c.TenantID}); err == nil {
		sources = append(sources, cred)
	} else {
		problems = append(problems, err.Error())
	}
	if cred, err := azidentity.NewManagedIdentityCredential(&azidentity.ManagedIdentityCredentialOptions{ClientOptions: options}); err == nil {
		sources = append(sources, cred)
	} else {
		problems = append(problems, err.Error())
	}
	if len(sources) == 0 {
		return nil, errors.New(strings.Join(problems, "; "))
	}
	return azidentity.NewChainedTokenCredential(sources, nil)
}

// oidcAssertion returns the function azidentity calls for a client assertion each time it needs
// a token, so that rotated token files and short-lived request tokens keep working.
func oidcAssertion(c providerConfig, source oidcTokenSource, options policy.ClientOptions) (func(context.Context) (string, error), error) {
	switch source {
	case oidcFromToken:
		token := c.OIDCToken
		return func(context.Context) (string, error) { return token, nil }, nil
	case oidcFromHCPTerraform:
		token := c.HCPTerraformToken
		return func(context.Context) (string, error) { return token, nil }, nil
	case oidcFromFile:
		file := c.OIDCTokenFilePath
		described := c.from(attrOIDCTokenFilePath)
		return func(context.Context) (string, error) {
			data, err := os.ReadFile(file)
			if err != nil {
				return "", fmt.Errorf("reading the OIDC token file %s: %w", described, err)
			}
			token := strings.TrimSpace(string(data))
			if token == "" {
				return "", fmt.Errorf("the OIDC token file %s is empty", described)
			}
			return token, nil
		}, nil
	case oidcFromRequest:
		pipeline := ownPipeline(options)
		requestURL, requestToken := c.OIDCRequestURL, c.OIDCRequestToken
		described := c.from(attrOIDCRequestURL)
		return func(ctx context.Context) (string, error) {
			return requestOIDCToken(ctx, pipeline, requestURL, requestToken, described)
		}, nil
	}
	return nil, fmt.Errorf("use_oidc is true but no OIDC token is configured: set %s, %s, or %s with %s",
		setWith(attrOIDCToken), setWith(attrOIDCTokenFilePath), setWith(attrOIDCRequestURL), setWith(attrOIDCRequestToken))
}

// requestOIDCToken asks a GitHub-Actions-style token endpoint for an ID token:
// GET {url}&audience=api://AzureADTokenExchange with the request token as bearer, answered by
// {"value": "<jwt>"}.
func requestOIDCToken(ctx context.Context, pipeline runtime.Pipeline, requestURL, requestToken, described string) (string, error) {
	u, err := url.Parse(requestURL)
	if err != nil || !u.IsAbs() {
		return "", fmt.Errorf("the OIDC request URL %s is not an absolute URL", described)
	}
	query := u.Query()
	query.Set("audience", githubTokenAudience)
	u.RawQuery = query.Encode()

	req, err := runtime.NewRequest(ctx, http.MethodGet, u.String())
	if err != nil {
		return "", fmt.Errorf("requesting an OIDC token from %s: %w", described, err)
	}
	req.Raw().Header.Set("Authorization", "Bearer "+requestToken)
	req.Raw().Header.Set("Accept", "application/json")
	resp, err := pipeline.Do(req)
	if err != nil {
		return "", fmt.Errorf("requesting an OIDC token from %s: %w", described, err)
	}
	if !runtime.HasStatusCode(resp, http.StatusOK) {
		return "", fmt.Errorf("requesting an OIDC token from %s: %w", described, runtime.NewResponseError(resp))
	}
	var answer struct {
		Value string `json:"value"`
	}
	if err := runtime.UnmarshalAsJSON(resp, &answer); err != nil {
		return "", fmt.Errorf("requesting an OIDC token from %s: the answer is not JSON with a value: %w", described, err)
	}
	if answer.Value == "" {
		return "", fmt.Errorf("requesting an OIDC token from %s: the answer has no token in value", described)
	}
	return answer.Value, nil
}
