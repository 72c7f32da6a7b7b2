package pki

import (
	"crypto/sha1"
	"encoding/base64"
	"os"
	"path/filepath"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
)

func TestClientCertificatePFXOpensWithItsPassword(t *testing.T) {
	dir := t.TempDir()
	c, err := LoadOrCreateClientCertificate(dir)
	if err != nil {
		t.Fatal(err)
	}
	pfx, err := os.ReadFile(c.PFXPath)
	if err != nil {
		t.Fatal(err)
	}
	certs, key, err := azidentity.ParseCertificates(pfx, []byte(c.Password))
	if err != nil {
		t.Fatal(err)
	}
	if len(certs) != 1 || !certs[0].Equal(c.Cert) || key == nil {
		t.Errorf("the PFX holds %d certificates (same: %v) and key %v", len(certs), len(certs) == 1 && certs[0].Equal(c.Cert), key != nil)
	}
	if _, _, err := azidentity.ParseCertificates(pfx, []byte("wrong")); err == nil {
		t.Error("a wrong password opened the PFX")
	}

	again, err := LoadOrCreateClientCertificate(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !again.Cert.Equal(c.Cert) {
		t.Error("a second load made a new certificate")
	}
}

func TestMatchesThumbprint(t *testing.T) {
	c, err := LoadOrCreateClientCertificate(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	sum := sha1.Sum(c.Cert.Raw)
	if !c.MatchesThumbprint(base64.RawURLEncoding.EncodeToString(sum[:])) {
		t.Error("the certificate's own x5t does not match")
	}
	if c.MatchesThumbprint("bm90LWl0") {
		t.Error("another thumbprint matches")
	}
}

func TestLoadOrCreateRSAKeyKeepsItsKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "key.pem")
	first, err := LoadOrCreateRSAKey(path)
	if err != nil {
		t.Fatal(err)
	}
	again, err := LoadOrCreateRSAKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if !first.Equal(again) {
		t.Error("a second load made a new key")
	}
}
