package provider

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestSelectCredential_Precedence(t *testing.T) {
	all := map[string]string{
		"ARM_TENANT_ID": testTenant, "ARM_CLIENT_ID": testClient,
		"ARM_CLIENT_CERTIFICATE_PATH": "/tmp/sp.pfx", "ARM_CLIENT_SECRET": "s3cret",
		"ARM_USE_OIDC": "true", "ARM_OIDC_TOKEN": "t", "ARM_USE_MSI": "true", "ARM_USE_CLI": "true",
	}
	// Remove the winner one by one: the next in the documented order must take over.
	steps := []struct {
		drop string
		want credentialKind
	}{
		{"", credentialClientCertificate},
		{"ARM_CLIENT_CERTIFICATE_PATH", credentialClientSecret},
		{"ARM_CLIENT_SECRET", credentialOIDC},
		{"ARM_USE_OIDC", credentialManagedIdentity},
		{"ARM_USE_MSI", credentialAzureCLI},
		{"ARM_USE_CLI", credentialDefaultChain},
	}
	for _, step := range steps {
		delete(all, step.drop)
		c := mustMerge(t, nullModel(), all)
		if got := selectCredential(c); got != step.want {
			t.Errorf("without %s and those before it: selected %s, want %s", step.drop, got, step.want)
		}
	}
}

func TestSelectCredential_UseCLIOnlyWhenExplicit(t *testing.T) {
	if got := selectCredential(mustMerge(t, nullModel(), nil)); got != credentialDefaultChain {
		t.Errorf("nothing set: selected %s, want the default chain", got)
	}
	m := nullModel()
	m.UseCLI = types.BoolValue(true)
	if got := selectCredential(mustMerge(t, m, nil)); got != credentialAzureCLI {
		t.Errorf("use_cli = true: selected %s, want the Azure CLI", got)
	}
	m.UseCLI = types.BoolValue(false)
	if got := selectCredential(mustMerge(t, m, nil)); got != credentialDefaultChain {
		t.Errorf("use_cli = false: selected %s, want the default chain", got)
	}
}

func TestNewCredential_BuildsTheSelectedAzidentityCredential(t *testing.T) {
	pemPath := writeTestCertificate(t)
	sp := map[string]string{"ARM_TENANT_ID": testTenant, "ARM_CLIENT_ID": testClient}
	with := func(extra ...string) map[string]string {
		out := map[string]string{}
		for k, v := range sp {
			out[k] = v
		}
		for i := 0; i+1 < len(extra); i += 2 {
			out[extra[i]] = extra[i+1]
		}
		return out
	}
	tests := []struct {
		env  map[string]string
		want any
		name string
	}{
		{with("ARM_CLIENT_CERTIFICATE_PATH", pemPath), &azidentity.ClientCertificateCredential{}, "ClientCertificateCredential"},
		{with("ARM_CLIENT_SECRET", "s3cret"), &azidentity.ClientSecretCredential{}, "ClientSecretCredential"},
		{with("ARM_USE_OIDC", "true", "ARM_OIDC_TOKEN", "t"), &azidentity.ClientAssertionCredential{}, "ClientAssertionCredential"},
		{with("ARM_USE_MSI", "true"), &azidentity.ManagedIdentityCredential{}, "ManagedIdentityCredential"},
		{with("ARM_USE_CLI", "true"), &azidentity.AzureCLICredential{}, "AzureCLICredential"},
		{sp, &azidentity.DefaultAzureCredential{}, "default credential chain"},
	}
	cs, err := builtinCloud(environmentPublic)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cred, _, err := newCredential(mustMerge(t, nullModel(), tc.env), cs, policy.ClientOptions{})
			if err != nil {
				t.Fatalf("newCredential: %v", err)
			}
			described, ok := cred.(describedCredential)
			if !ok {
				t.Fatalf("credential is %T, want describedCredential", cred)
			}
			if got, want := fmt.Sprintf("%T", described.inner), fmt.Sprintf("%T", tc.want); got != want {
				t.Errorf("inner credential is %s, want %s", got, want)
			}
			if !strings.Contains(described.credential, tc.name) {
				t.Errorf("description %q does not name %s", described.credential, tc.name)
			}
		})
	}
}

func TestNewCredential_UnreadableCertificateIsReportedAgainstItsAttribute(t *testing.T) {
	cs, _ := builtinCloud(environmentPublic)
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.pfx")
	if err := os.WriteFile(garbage, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, certPath := range []string{filepath.Join(dir, "missing.pfx"), garbage} {
		c := mustMerge(t, nullModel(), map[string]string{"ARM_TENANT_ID": testTenant, "ARM_CLIENT_ID": testClient, "ARM_CLIENT_CERTIFICATE_PATH": certPath})
		_, _, err := newCredential(c, cs, policy.ClientOptions{})
		var setup *credentialSetupError
		if !errors.As(err, &setup) || setup.attr != attrClientCertificatePath {
			t.Errorf("%s: error %v, want a setup error against client_certificate_path", certPath, err)
		}
		if err != nil && !strings.Contains(err.Error(), "ARM_CLIENT_CERTIFICATE_PATH") {
			t.Errorf("%s: error %q does not say where the path came from", certPath, err)
		}
	}
}

type failingCredential struct{ err error }

func (f failingCredential) GetToken(context.Context, policy.TokenRequestOptions) (azcore.AccessToken, error) {
	return azcore.AccessToken{}, f.err
}

type nonRetriableError struct{ msg string }

func (e nonRetriableError) Error() string { return e.msg }

func (nonRetriableError) NonRetriable() {}

func TestDescribedCredential_RewritesTokenFailures(t *testing.T) {
	inner := nonRetriableError{msg: "AADSTS7000215: Invalid client secret provided."}
	cred := describedCredential{
		inner:      failingCredential{err: inner},
		credential: "a client secret (ClientSecretCredential, client_id X in tenant Y)",
		fix:        "set client_secret or ARM_CLIENT_SECRET to a current secret",
	}
	_, err := cred.GetToken(context.Background(), policy.TokenRequestOptions{Scopes: []string{"https://management.core.windows.net//.default"}})
	if err == nil {
		t.Fatal("GetToken succeeded, want the inner failure")
	}
	for _, want := range []string{"ClientSecretCredential", "AADSTS7000215", "To fix this, set client_secret or ARM_CLIENT_SECRET"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
	// azcore must still see that authentication failures are not worth retrying.
	var nr interface{ NonRetriable() }
	if !errors.As(err, &nr) {
		t.Error("the rewritten error hides the inner error's NonRetriable marker")
	}

	// Wrapping twice (a chain of described credentials) keeps one explanation.
	outer := describedCredential{inner: cred, credential: "outer", fix: "outer fix"}
	_, err = outer.GetToken(context.Background(), policy.TokenRequestOptions{})
	if strings.Contains(err.Error(), "outer") {
		t.Errorf("error %q was explained twice", err)
	}
}

// writeTestCertificate writes a self-signed certificate and its unencrypted key as one PEM file.
func writeTestCertificate(t *testing.T) string {
	t.Helper()
	// Entra ID certificate credentials are RSA only.
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	template := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "unit-test-sp"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
	}
	der, err := x509.CreateCertificate(rand.Reader, template, template, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	var pemData []byte
	pemData = append(pemData, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})...)
	pemData = append(pemData, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER})...)
	file := filepath.Join(t.TempDir(), "sp.pem")
	if err := os.WriteFile(file, pemData, 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}
