package emulator

import (
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
)

// The access tokens the token endpoint mints and ARM accepts, and the keys
// that sign them.

// armAudiences are the token audiences ARM accepts.
var armAudiences = []string{
	"https://management.core.windows.net/",
	"https://management.core.windows.net",
	"https://management.azure.com/",
	"https://management.azure.com",
}

// graphResourceID is Microsoft Graph's resource (the metadata's
// microsoftGraphResourceId). Clients ask for "<it>/.default" with the slash
// doubled ("https://graph.microsoft.com//.default", go-azure-sdk) or not.
const graphResourceID = "https://graph.microsoft.com/"

// graphAudiences are the resources for which Entra ID issues Microsoft Graph
// tokens. ARM refuses those tokens (wrong audience), as Azure does.
var graphAudiences = []string{"https://graph.microsoft.com/", "https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000"}

// accessClaims is what the emulator reads back from an access token it minted.
type accessClaims struct {
	jwt.RegisteredClaims
	TenantID string `json:"tid"`
	AppID    string `json:"appid"`
	AppIDACR string `json:"appidacr"`
	ObjectID string `json:"oid"`
	IdType   string `json:"idtyp"`
	Version  string `json:"ver"`
}

// mintedClaims is what the emulator signs. Entra ID's access tokens carry
// "aud" as one string (the resource's App ID URI or its application ID), not
// the array JWT also allows: clients such as go-azure-sdk decode it into a
// string and fail on an array. The outer Audience field takes precedence over
// the embedded RegisteredClaims.Audience when encoding/json marshals it; the
// embedded one stays empty. Source:
// https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference
// ("aud", String).
type mintedClaims struct {
	accessClaims
	Audience string `json:"aud"`
}

// mintAccessToken signs an access token for sp, for audience.
func (s *Server) mintAccessToken(tenantID string, sp *SeedServicePrincipal, audience, appIDACR string, now time.Time) (string, time.Time, error) {
	exp := now.Add(s.tokenLifetime)
	oid := sp.ObjectID
	if oid == "" {
		oid = sp.ClientID
	}
	c := mintedClaims{Audience: audience, accessClaims: accessClaims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    "https://sts.windows.net/" + tenantID + "/",
			Subject:   oid,
			ExpiresAt: jwt.NewNumericDate(exp),
			NotBefore: jwt.NewNumericDate(now.Add(-5 * time.Minute)),
			IssuedAt:  jwt.NewNumericDate(now),
			ID:        uuid.NewString(),
		},
		TenantID: tenantID,
		AppID:    sp.ClientID,
		AppIDACR: appIDACR,
		ObjectID: oid,
		IdType:   "app",
		Version:  "1.0",
	}}
	t := jwt.NewWithClaims(jwt.SigningMethodRS256, c)
	t.Header["kid"] = keyID(&s.tokenKey.PublicKey)
	signed, err := t.SignedString(s.tokenKey)
	return signed, exp, err
}

// armAudience reports whether ARM accepts a token for aud: ARM's audiences,
// and the emulator's own URL (a client that uses the resourceManager endpoint
// as its audience).
func (s *Server) armAudience(aud string) bool {
	return containsFold(armAudiences, aud) || strings.EqualFold(strings.TrimSuffix(aud, "/"), s.url)
}

// issuesTokenFor reports whether the token endpoint issues tokens for a
// resource: ARM's and Microsoft Graph's.
func (s *Server) issuesTokenFor(aud string) bool {
	return s.armAudience(aud) || containsFold(graphAudiences, aud)
}

func containsFold(list []string, v string) bool {
	for _, a := range list {
		if strings.EqualFold(a, v) {
			return true
		}
	}
	return false
}

func (s *Server) handleTokenKeys(q *request) {
	writeJSON(q, http.StatusOK, map[string]any{"keys": []map[string]any{jwk(&s.tokenKey.PublicKey)}})
}

// jwk is the JSON Web Key of an RSA public key.
func jwk(pub *rsa.PublicKey) map[string]any {
	return map[string]any{
		"kty": "RSA",
		"use": "sig",
		"alg": "RS256",
		"kid": keyID(pub),
		"n":   base64.RawURLEncoding.EncodeToString(pub.N.Bytes()),
		"e":   base64.RawURLEncoding.EncodeToString(bigEndian(pub.E)),
	}
}

func bigEndian(e int) []byte {
	var out []byte
	for e > 0 {
		out = append([]byte{byte(e)}, out...)
		e >>= 8
	}
	return out
}

// keyID names a key by a hash of its modulus.
func keyID(pub *rsa.PublicKey) string {
	sum := sha256.Sum256(pub.N.Bytes())
	return base64.RawURLEncoding.EncodeToString(sum[:12])
}
