package emulator

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
)

// The emulator's own OIDC issuer stands in for GitHub Actions, HCP Terraform
// or any workload identity provider: it signs the tokens federated
// credentials trust, and serves them as GitHub Actions does
// (ACTIONS_ID_TOKEN_REQUEST_URL / ACTIONS_ID_TOKEN_REQUEST_TOKEN).

// oidcIssuer is the issuer URL, built from the listening address so it is the
// same whichever host name a client uses.
func (s *Server) oidcIssuer() string { return s.url + "/oidc" }

// OIDCIssuerURL is the issuer of the emulator's own OIDC provider (the one federated credentials trust).
func (s *Server) OIDCIssuerURL() string { return s.oidcIssuer() }

// MintOIDCToken returns a JWT from the emulator's OIDC issuer for subject,
// with audience "api://AzureADTokenExchange", valid for ten minutes.
func (s *Server) MintOIDCToken(subject string) (string, error) {
	return s.mintOIDCToken(subject, federatedAudience, time.Now(), 10*time.Minute)
}

// oidcClaims are an ID token's claims with "aud" as one string, as GitHub
// Actions' and HCP Terraform's tokens carry it (the outer field takes
// precedence over the embedded, empty, RegisteredClaims.Audience).
type oidcClaims struct {
	jwt.RegisteredClaims
	Audience string `json:"aud"`
}

func (s *Server) mintOIDCToken(subject, audience string, now time.Time, lifetime time.Duration) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodRS256, oidcClaims{Audience: audience, RegisteredClaims: jwt.RegisteredClaims{
		Issuer:    s.oidcIssuer(),
		Subject:   subject,
		IssuedAt:  jwt.NewNumericDate(now),
		NotBefore: jwt.NewNumericDate(now.Add(-time.Minute)),
		ExpiresAt: jwt.NewNumericDate(now.Add(lifetime)),
		ID:        uuid.NewString(),
	}})
	t.Header["kid"] = keyID(&s.oidcKey.PublicKey)
	return t.SignedString(s.oidcKey)
}

// GitHubOIDCRequest returns an ACTIONS_ID_TOKEN_REQUEST_URL /
// ACTIONS_ID_TOKEN_REQUEST_TOKEN pair: GET url + "&audience=..." with
// "Authorization: Bearer token" answers {"value":"<jwt>"} for the subject
// "repo:aksforge/demo:ref:refs/heads/main".
func (s *Server) GitHubOIDCRequest() (requestURL, token string) {
	v := url.Values{"subject": {DefaultFederatedSubjects[0]}}
	return s.url + "/oidc/github/token?" + v.Encode(), s.githubRequestToken
}

func (s *Server) handleOIDCConfiguration(q *request) {
	issuer := s.oidcIssuer()
	writeJSON(q, http.StatusOK, map[string]any{
		"issuer":                                issuer,
		"jwks_uri":                              issuer + "/keys",
		"subject_types_supported":               []string{"public", "pairwise"},
		"response_types_supported":              []string{"id_token"},
		"claims_supported":                      []string{"sub", "aud", "exp", "iat", "iss", "jti", "nbf"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
		"scopes_supported":                      []string{"openid"},
	})
}

func (s *Server) handleOIDCKeys(q *request) {
	writeJSON(q, http.StatusOK, map[string]any{"keys": []map[string]any{jwk(&s.oidcKey.PublicKey)}})
}

// handleGitHubOIDCRequest serves tokens as GitHub Actions' ID token endpoint does.
func (s *Server) handleGitHubOIDCRequest(q *request) {
	bearer, _ := strings.CutPrefix(q.r.Header.Get("Authorization"), "Bearer ")
	if bearer != s.githubRequestToken {
		q.w.errorCode = "Unauthorized"
		writeJSON(q, http.StatusUnauthorized, map[string]string{"message": "Bad credentials"})
		return
	}
	subject := q.r.URL.Query().Get("subject")
	if subject == "" {
		subject = DefaultFederatedSubjects[0]
	}
	audience := q.r.URL.Query().Get("audience")
	if audience == "" {
		audience = federatedAudience
	}
	tok, err := s.mintOIDCToken(subject, audience, time.Now(), 10*time.Minute)
	if err != nil {
		writeError(q, http.StatusInternalServerError, "InternalServerError", err.Error(), "")
		return
	}
	writeJSON(q, http.StatusOK, map[string]any{"count": 1, "value": tok})
}
