package emulator

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
)

func TestClientCertificateCredentialFromPFXAndPEM(t *testing.T) {
	s := startServer(t)
	for _, c := range []struct {
		name, path, password string
	}{
		{"pfx", s.ClientCertificatePath(), s.ClientCertificatePassword()},
		{"pem", s.ClientCertificatePEMPath(), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			data, err := os.ReadFile(c.path)
			if err != nil {
				t.Fatal(err)
			}
			certs, key, err := azidentity.ParseCertificates(data, []byte(c.password))
			if err != nil {
				t.Fatalf("azidentity can't read the %s file: %v", c.name, err)
			}
			cred, err := azidentity.NewClientCertificateCredential(DefaultTenantID, DefaultClientID, certs, key,
				&azidentity.ClientCertificateCredentialOptions{ClientOptions: clientOptions(s), DisableInstanceDiscovery: true})
			if err != nil {
				t.Fatal(err)
			}
			getKubernetesVersionsWith(t, s, cred)
		})
	}
}

func TestPFXRejectsAWrongPassword(t *testing.T) {
	s := startServer(t)
	data, err := os.ReadFile(s.ClientCertificatePath())
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := azidentity.ParseCertificates(data, []byte("not-the-password")); err == nil {
		t.Fatal("the PFX opened with a wrong password: its MAC is not checked")
	}
}

func TestCertificateNotRegisteredIsRefused(t *testing.T) {
	s := startServer(t)
	other := startServer(t, func(o *Options) { o.StateDir = t.TempDir() }) // its own client certificate, unknown to s
	data, _ := os.ReadFile(other.ClientCertificatePEMPath())
	certs, key, err := azidentity.ParseCertificates(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	cred, err := azidentity.NewClientCertificateCredential(DefaultTenantID, DefaultClientID, certs, key,
		&azidentity.ClientCertificateCredentialOptions{ClientOptions: clientOptions(s), DisableInstanceDiscovery: true})
	if err != nil {
		t.Fatal(err)
	}
	_, err = cred.GetToken(context.Background(), policy.TokenRequestOptions{Scopes: []string{armScope}})
	if err == nil || !strings.Contains(err.Error(), "AADSTS700027") {
		t.Fatalf("want AADSTS700027 for an unregistered certificate, got %v", err)
	}
}

func TestFederatedAssertionCredential(t *testing.T) {
	s := startServer(t)
	cred, err := azidentity.NewClientAssertionCredential(DefaultTenantID, DefaultClientID,
		func(context.Context) (string, error) { return s.MintOIDCToken(DefaultFederatedSubjects[0]) },
		&azidentity.ClientAssertionCredentialOptions{ClientOptions: clientOptions(s), DisableInstanceDiscovery: true})
	if err != nil {
		t.Fatal(err)
	}
	getKubernetesVersionsWith(t, s, cred)
}

func TestFederatedAssertionForAnUntrustedSubjectIsRefused(t *testing.T) {
	s := startServer(t)
	cred, err := azidentity.NewClientAssertionCredential(DefaultTenantID, DefaultClientID,
		func(context.Context) (string, error) { return s.MintOIDCToken("repo:someone/else:ref:refs/heads/main") },
		&azidentity.ClientAssertionCredentialOptions{ClientOptions: clientOptions(s), DisableInstanceDiscovery: true})
	if err != nil {
		t.Fatal(err)
	}
	_, err = cred.GetToken(context.Background(), policy.TokenRequestOptions{Scopes: []string{armScope}})
	if err == nil || !strings.Contains(err.Error(), "AADSTS700213") {
		t.Fatalf("want AADSTS700213, got %v", err)
	}
}
