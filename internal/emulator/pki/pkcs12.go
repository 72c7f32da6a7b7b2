package pki

import (
	"crypto/cipher"
	"crypto/des"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"unicode/utf16"
)

// A minimal PKCS#12 (RFC 7292) encoder, so the emulator can hand out the
// service principal's certificate as the PFX file ARM_CLIENT_CERTIFICATE_PATH
// expects. The standard library and x/crypto only decode PKCS#12. The layout
// is the classic one every reader accepts (and the one x/crypto/pkcs12, which
// azidentity uses, requires): an authenticated safe of exactly two data
// items, one with the certificate bag, one with the private key in a
// PKCS#8 shrouded key bag encrypted with pbeWithSHAAnd3-KeyTripleDES-CBC,
// protected by an HMAC-SHA1 MAC.

var (
	oidP12Data              = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidP12CertBag           = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 3}
	oidP12ShroudedKeyBag    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 2}
	oidP12X509Certificate   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 22, 1}
	oidP12LocalKeyID        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 21}
	oidP12TripleDESCBC      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 3}
	oidP12SHA1              = asn1.ObjectIdentifier{1, 3, 14, 3, 2, 26}
	p12Iterations           = 2048
	errP12PasswordEncodable = errors.New("pkcs12: password has characters outside the Basic Multilingual Plane")
)

type p12ContentInfo struct {
	ContentType asn1.ObjectIdentifier
	Content     asn1.RawValue `asn1:"tag:0,explicit,optional"`
}

type p12SafeBag struct {
	ID         asn1.ObjectIdentifier
	Value      asn1.RawValue  `asn1:"tag:0,explicit"`
	Attributes []p12Attribute `asn1:"set,optional"`
}

type p12Attribute struct {
	ID     asn1.ObjectIdentifier
	Values asn1.RawValue `asn1:"set"`
}

type p12CertBag struct {
	ID   asn1.ObjectIdentifier
	Data []byte `asn1:"tag:0,explicit"`
}

type p12PBEParams struct {
	Salt       []byte
	Iterations int
}

type p12EncryptedPrivateKeyInfo struct {
	Algorithm     pkix.AlgorithmIdentifier
	EncryptedData []byte
}

type p12DigestInfo struct {
	Algorithm pkix.AlgorithmIdentifier
	Digest    []byte
}

type p12MacData struct {
	Mac        p12DigestInfo
	MacSalt    []byte
	Iterations int
}

type p12PFX struct {
	Version  int
	AuthSafe p12ContentInfo
	MacData  p12MacData
}

// encodePKCS12 returns a password-protected PFX holding cert and key.
func encodePKCS12(cert *x509.Certificate, key any, password string) ([]byte, error) {
	pw, err := bmpPassword(password)
	if err != nil {
		return nil, err
	}
	keyID := sha1.Sum(cert.Raw)
	localKeyID, err := asn1.Marshal(keyID[:])
	if err != nil {
		return nil, err
	}
	attrs := []p12Attribute{{ID: oidP12LocalKeyID, Values: asn1.RawValue{FullBytes: mustSet(localKeyID)}}}

	certBag, err := asn1.Marshal(p12CertBag{ID: oidP12X509Certificate, Data: cert.Raw})
	if err != nil {
		return nil, err
	}
	certSafe, err := asn1.Marshal([]p12SafeBag{{ID: oidP12CertBag, Value: explicit0(certBag), Attributes: attrs}})
	if err != nil {
		return nil, err
	}
	keySafe, err := p12KeySafe(key, pw, attrs)
	if err != nil {
		return nil, err
	}
	certInfo, err := p12DataContent(certSafe)
	if err != nil {
		return nil, err
	}
	keyInfo, err := p12DataContent(keySafe)
	if err != nil {
		return nil, err
	}
	authSafe, err := asn1.Marshal([]p12ContentInfo{certInfo, keyInfo})
	if err != nil {
		return nil, err
	}
	return p12Seal(authSafe, pw)
}

// p12KeySafe is the safe holding key in a PKCS#8 shrouded key bag.
func p12KeySafe(key any, pw []byte, attrs []p12Attribute) ([]byte, error) {
	pkcs8, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, err
	}
	salt := make([]byte, 8)
	if _, err := rand.Read(salt); err != nil {
		return nil, err
	}
	encrypted, err := p12Encrypt(pkcs8, pw, salt)
	if err != nil {
		return nil, err
	}
	params, err := asn1.Marshal(p12PBEParams{Salt: salt, Iterations: p12Iterations})
	if err != nil {
		return nil, err
	}
	shrouded, err := asn1.Marshal(p12EncryptedPrivateKeyInfo{
		Algorithm:     pkix.AlgorithmIdentifier{Algorithm: oidP12TripleDESCBC, Parameters: asn1.RawValue{FullBytes: params}},
		EncryptedData: encrypted,
	})
	if err != nil {
		return nil, err
	}
	return asn1.Marshal([]p12SafeBag{{ID: oidP12ShroudedKeyBag, Value: explicit0(shrouded), Attributes: attrs}})
}

// p12Seal wraps the authenticated safe in the PFX, with its HMAC-SHA1 MAC.
func p12Seal(authSafe, pw []byte) ([]byte, error) {
	macSalt := make([]byte, 8)
	if _, err := rand.Read(macSalt); err != nil {
		return nil, err
	}
	mac := hmac.New(sha1.New, pkcs12KDF(macSalt, pw, p12Iterations, 3, 20))
	mac.Write(authSafe)

	outer, err := p12DataContent(authSafe)
	if err != nil {
		return nil, err
	}
	return asn1.Marshal(p12PFX{
		Version:  3,
		AuthSafe: outer,
		MacData: p12MacData{
			Mac:        p12DigestInfo{Algorithm: pkix.AlgorithmIdentifier{Algorithm: oidP12SHA1, Parameters: asn1.NullRawValue}, Digest: mac.Sum(nil)},
			MacSalt:    macSalt,
			Iterations: p12Iterations,
		},
	})
}

// p12DataContent wraps content as a ContentInfo of type data (an OCTET STRING).
func p12DataContent(content []byte) (p12ContentInfo, error) {
	octets, err := asn1.Marshal(content)
	if err != nil {
		return p12ContentInfo{}, err
	}
	return p12ContentInfo{ContentType: oidP12Data, Content: explicit0(octets)}, nil
}

// explicit0 wraps DER in an [0] EXPLICIT tag. encoding/asn1 writes a RawValue
// as it is, ignoring the field's "explicit" tag, so the wrapping is done here.
func explicit0(der []byte) asn1.RawValue {
	return asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: der}
}

// mustSet wraps one DER element in a SET.
func mustSet(elem []byte) []byte {
	out, err := asn1.Marshal(asn1.RawValue{Class: asn1.ClassUniversal, Tag: asn1.TagSet, IsCompound: true, Bytes: elem})
	if err != nil {
		panic(err)
	}
	return out
}

// p12Encrypt encrypts with pbeWithSHAAnd3-KeyTripleDES-CBC (RFC 7292 appendix C).
func p12Encrypt(plain, password, salt []byte) ([]byte, error) {
	block, err := des.NewTripleDESCipher(pkcs12KDF(salt, password, p12Iterations, 1, 24))
	if err != nil {
		return nil, err
	}
	iv := pkcs12KDF(salt, password, p12Iterations, 2, 8)
	pad := block.BlockSize() - len(plain)%block.BlockSize()
	buf := append(append([]byte(nil), plain...), make([]byte, pad)...)
	for i := len(plain); i < len(buf); i++ {
		buf[i] = byte(pad)
	}
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(buf, buf)
	return buf, nil
}

// pkcs12KDF derives size bytes of key material with SHA-1 as RFC 7292
// appendix B.2 describes; id is 1 for keys, 2 for IVs, 3 for MAC keys.
func pkcs12KDF(salt, password []byte, iterations int, id byte, size int) []byte {
	const u, v = sha1.Size, 64
	d := make([]byte, v)
	for i := range d {
		d[i] = id
	}
	i := append(repeatTo(salt, v), repeatTo(password, v)...)
	var out []byte
	for {
		buf := append(append(make([]byte, 0, v+len(i)), d...), i...)
		a := sha1.Sum(buf)
		for n := 1; n < iterations; n++ {
			a = sha1.Sum(a[:])
		}
		out = append(out, a[:]...)
		if len(out) >= size {
			return out[:size]
		}
		// I_j = (I_j + B + 1) mod 2^v, with B = A repeated to v bytes
		b := make([]byte, v)
		for k := range b {
			b[k] = a[k%u]
		}
		for j := 0; j < len(i); j += v {
			carry := 1
			for k := v - 1; k >= 0; k-- {
				sum := int(i[j+k]) + int(b[k]) + carry
				i[j+k] = byte(sum)
				carry = sum >> 8
			}
		}
	}
}

// repeatTo concatenates copies of s up to the next multiple of v bytes (empty stays empty).
func repeatTo(s []byte, v int) []byte {
	if len(s) == 0 {
		return nil
	}
	n := v * ((len(s) + v - 1) / v)
	out := make([]byte, n)
	for k := range out {
		out[k] = s[k%len(s)]
	}
	return out
}

// bmpPassword encodes a password as a zero-terminated big-endian UCS-2 string.
func bmpPassword(s string) ([]byte, error) {
	out := make([]byte, 0, 2*len(s)+2)
	for _, r := range s {
		if r1, _ := utf16.EncodeRune(r); r1 != 0xfffd {
			return nil, errP12PasswordEncodable
		}
		out = append(out, byte(r>>8), byte(r))
	}
	return append(out, 0, 0), nil
}
