package pki

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/aksforge/terraform-provider-aks/internal/emulator/atomicfile"
)

// ClientCertificate is the service principal's certificate (an RSA key: MSAL
// signs assertions with PS256), kept as PEM and as a password-protected PFX.
type ClientCertificate struct {
	Cert     *x509.Certificate
	Key      *rsa.PrivateKey
	PEMPath  string
	PFXPath  string
	Password string
}

// MatchesThumbprint reports whether thumb (an x5t or x5t#S256 header, in any
// base64 alphabet or hex) is the certificate's SHA-1 or SHA-256 thumbprint.
func (c ClientCertificate) MatchesThumbprint(thumb string) bool {
	s1 := sha1.Sum(c.Cert.Raw)
	s256 := sha256.Sum256(c.Cert.Raw)
	for _, sum := range [][]byte{s1[:], s256[:]} {
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
			if enc.EncodeToString(sum) == thumb {
				return true
			}
		}
		if strings.EqualFold(fmt.Sprintf("%X", sum), thumb) {
			return true
		}
	}
	return false
}

// LoadOrCreateClientCertificate reads client-cert.pem (certificate + key) from
// dir or creates it, and writes the PFX form beside it.
func LoadOrCreateClientCertificate(dir string) (ClientCertificate, error) {
	c := ClientCertificate{
		PEMPath:  filepath.Join(dir, "client-cert.pem"),
		PFXPath:  filepath.Join(dir, "client-cert.pfx"),
		Password: "emulator-pfx-password",
	}
	var err error
	if raw, readErr := os.ReadFile(c.PEMPath); readErr == nil {
		err = c.parsePEM(raw)
	} else {
		err = c.create()
	}
	if err != nil {
		return c, err
	}
	pfx, err := encodePKCS12(c.Cert, c.Key, c.Password)
	if err != nil {
		return c, err
	}
	if err := atomicfile.Write(c.PFXPath, pfx, 0o600); err != nil {
		return c, err
	}
	return c, nil
}

// parsePEM reads the certificate and RSA key of client-cert.pem.
func (c *ClientCertificate) parsePEM(raw []byte) error {
	for {
		var b *pem.Block
		b, raw = pem.Decode(raw)
		if b == nil {
			break
		}
		var err error
		switch b.Type {
		case "CERTIFICATE":
			c.Cert, err = x509.ParseCertificate(b.Bytes)
		case "RSA PRIVATE KEY":
			c.Key, err = x509.ParsePKCS1PrivateKey(b.Bytes)
		}
		if err != nil {
			return fmt.Errorf("emulator: %s: %w", c.PEMPath, err)
		}
	}
	if c.Cert == nil || c.Key == nil {
		return fmt.Errorf("emulator: %s lacks a certificate or an RSA key", c.PEMPath)
	}
	return nil
}

// create makes a self-signed client certificate and writes it to client-cert.pem.
func (c *ClientCertificate) create() error {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return err
	}
	tmpl := &x509.Certificate{
		SerialNumber: randomSerial(),
		Subject:      pkix.Name{CommonName: "aks-emulator-terraform"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().AddDate(5, 0, 0),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return err
	}
	c.Cert, _ = x509.ParseCertificate(der)
	c.Key = key
	p := append(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})...)
	return atomicfile.Write(c.PEMPath, p, 0o600)
}

// LoadOrCreateRSAKey reads a PKCS#1 PEM RSA key from path, or creates one there.
func LoadOrCreateRSAKey(path string) (*rsa.PrivateKey, error) {
	if raw, err := os.ReadFile(path); err == nil {
		return jwt.ParseRSAPrivateKeyFromPEM(raw)
	} else if !os.IsNotExist(err) {
		return nil, err
	}
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	p := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})
	if err := atomicfile.Write(path, p, 0o600); err != nil {
		return nil, err
	}
	return key, nil
}
