package provider

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
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

// otherCredentialHint ends every credential's fix: the user may also switch credentials.
const otherCredentialHint = "or configure another credential (client_certificate_path, client_secret, use_oidc, use_msi or use_cli)."

// newCredential builds the selected credential. It reads files (certificate) but makes no HTTP
// call; the first token request happens when an SDK client first needs one.
func newCredential(c providerConfig, cs cloudSettings, options policy.ClientOptions) (azcore.TokenCredential, credentialKind, error) {
	options.Cloud = cs.Configuration
	kind := selectCredential(c)
	var cred azcore.TokenCredential
	var err error
	switch kind {
	case credentialClientCertificate:
		cred, err = newCertificateCredential(c, cs, options)
	case credentialClientSecret:
		cred, err = newSecretCredential(c, cs, options)
	case credentialOIDC:
		cred, err = newOIDCCredential(c, cs, options)
	case credentialManagedIdentity:
		cred, err = newManagedIdentityCredential(c, options)
	case credentialAzureCLI:
		cred, err = newAzureCLICredential(c)
	default:
		cred, err = newDefaultChainCredential(c, cs, options)
	}
	if err != nil {
		return nil, kind, err
	}
	return cred, kind, nil
}

// application names the service principal in credential descriptions.
func (c providerConfig) application() string {
	return fmt.Sprintf("client_id %s in tenant %s", c.ClientID, c.TenantID)
}

// newCertificateCredential loads client_certificate_path (PFX or PEM) for a ClientCertificateCredential.
func newCertificateCredential(c providerConfig, cs cloudSettings, options policy.ClientOptions) (azcore.TokenCredential, error) {
	data, err := os.ReadFile(c.ClientCertificatePath)
	if err != nil {
		return nil, &credentialSetupError{attrClientCertificatePath, fmt.Errorf("reading the client certificate %s: %w", c.from(attrClientCertificatePath), err)}
	}
	certs, key, err := azidentity.ParseCertificates(data, []byte(c.ClientCertificatePassword))
	if err != nil {
		hint := "It must be a PFX (PKCS#12) file opened by client_certificate_password, or a PEM file with the certificate and an unencrypted private key."
		return nil, &credentialSetupError{attrClientCertificatePath, fmt.Errorf("loading the client certificate %s: %w. %s", c.from(attrClientCertificatePath), err, hint)}
	}
	cred, err := azidentity.NewClientCertificateCredential(c.TenantID, c.ClientID, certs, key, &azidentity.ClientCertificateCredentialOptions{
		ClientOptions:            options,
		DisableInstanceDiscovery: cs.DisableInstanceDiscovery,
	})
	if err != nil {
		return nil, &credentialSetupError{attrClientCertificatePath, fmt.Errorf("building the client certificate credential: %w", err)}
	}
	return describedCredential{
		inner:      cred,
		credential: fmt.Sprintf("a client certificate (ClientCertificateCredential, %s, certificate %s)", c.application(), c.ClientCertificatePath),
		fix: fmt.Sprintf("check that the certificate in %s is registered on application %s in tenant %s and that %s and %s are right, %s",
			setWith(attrClientCertificatePath), c.ClientID, c.TenantID, setWith(attrClientID), setWith(attrTenantID), otherCredentialHint),
	}, nil
}

// newSecretCredential builds a ClientSecretCredential from client_secret.
func newSecretCredential(c providerConfig, cs cloudSettings, options policy.ClientOptions) (azcore.TokenCredential, error) {
	cred, err := azidentity.NewClientSecretCredential(c.TenantID, c.ClientID, c.ClientSecret, &azidentity.ClientSecretCredentialOptions{
		ClientOptions:            options,
		DisableInstanceDiscovery: cs.DisableInstanceDiscovery,
	})
	if err != nil {
		return nil, &credentialSetupError{attrClientSecret, fmt.Errorf("building the client secret credential: %w", err)}
	}
	return describedCredential{
		inner:      cred,
		credential: fmt.Sprintf("a client secret (ClientSecretCredential, %s)", c.application()),
		fix: fmt.Sprintf("set %s to a current, unexpired secret of application %s in tenant %s, and check %s and %s, %s",
			setWith(attrClientSecret), c.ClientID, c.TenantID, setWith(attrClientID), setWith(attrTenantID), otherCredentialHint),
	}, nil
}

// newOIDCCredential builds a ClientAssertionCredential whose assertion is the OIDC token.
func newOIDCCredential(c providerConfig, cs cloudSettings, options policy.ClientOptions) (azcore.TokenCredential, error) {
	source := selectOIDCTokenSource(c)
	assertion, err := oidcAssertion(c, source, options)
	if err != nil {
		return nil, &credentialSetupError{attrUseOIDC, err}
	}
	cred, err := azidentity.NewClientAssertionCredential(c.TenantID, c.ClientID, assertion, &azidentity.ClientAssertionCredentialOptions{
		ClientOptions:            options,
		DisableInstanceDiscovery: cs.DisableInstanceDiscovery,
	})
	if err != nil {
		return nil, &credentialSetupError{attrUseOIDC, fmt.Errorf("building the OIDC credential: %w", err)}
	}
	return describedCredential{
		inner:      cred,
		credential: fmt.Sprintf("OIDC (ClientAssertionCredential, %s, %s)", c.application(), source.describe(c)),
		fix: fmt.Sprintf("check that application %s in tenant %s has a federated identity credential whose issuer, subject and audience (%s) match the OIDC token, that the token has not expired, and that %s and %s are right, %s",
			c.ClientID, c.TenantID, githubTokenAudience, setWith(attrClientID), setWith(attrTenantID), otherCredentialHint),
	}, nil
}

// newManagedIdentityCredential uses the system-assigned identity, or the user-assigned one
// client_id names.
func newManagedIdentityCredential(c providerConfig, options policy.ClientOptions) (azcore.TokenCredential, error) {
	msiOptions := &azidentity.ManagedIdentityCredentialOptions{ClientOptions: imdsOptions(options)}
	identity := "the system-assigned identity"
	if c.ClientID != "" {
		msiOptions.ID = azidentity.ClientID(c.ClientID)
		identity = "the user-assigned identity with client_id " + c.ClientID
	}
	cred, err := azidentity.NewManagedIdentityCredential(msiOptions)
	if err != nil {
		return nil, &credentialSetupError{attrUseMSI, fmt.Errorf("building the managed identity credential: %w", err)}
	}
	return describedCredential{
		inner:      cred,
		credential: fmt.Sprintf("a managed identity (ManagedIdentityCredential, %s)", identity),
		fix:        "run Terraform on an Azure host that has this managed identity assigned (set client_id or ARM_CLIENT_ID to pick a user-assigned one), " + otherCredentialHint,
	}, nil
}

// newAzureCLICredential uses the Azure CLI's login, in tenant_id when it is set.
func newAzureCLICredential(c providerConfig) (azcore.TokenCredential, error) {
	cred, err := azidentity.NewAzureCLICredential(&azidentity.AzureCLICredentialOptions{TenantID: c.TenantID})
	if err != nil {
		return nil, &credentialSetupError{attrUseCLI, fmt.Errorf("building the Azure CLI credential: %w", err)}
	}
	return describedCredential{
		inner:      cred,
		credential: "the Azure CLI (AzureCLICredential)",
		fix:        "install the Azure CLI and run `az login` (with --tenant when tenant_id is set), " + otherCredentialHint,
	}, nil
}

// newDefaultChainCredential is the fallback when no credential is configured explicitly; its
// fix lists every explicit one because the chain itself can't say which was meant.
func newDefaultChainCredential(c providerConfig, cs cloudSettings, options policy.ClientOptions) (azcore.TokenCredential, error) {
	cred, err := defaultChain(c, cs, imdsOptions(options))
	if err != nil {
		return nil, &credentialSetupError{attrUseCLI, fmt.Errorf("building the default credential chain: %w", err)}
	}
	return describedCredential{
		inner:      cred,
		credential: "azidentity's default credential chain (no credential was configured explicitly)",
		fix: "configure a credential explicitly: client_secret or client_certificate_path with client_id and tenant_id, use_oidc = true with an OIDC token, use_msi = true on an Azure host, or use_cli = true after `az login`; " +
			"the matching ARM_* environment variables work as well.",
	}, nil
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
