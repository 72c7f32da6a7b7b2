package emulator

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Client assertions at the token endpoint: a certificate assertion the
// application signed with its registered certificate, or a federated
// assertion from a trusted OIDC issuer.

// federatedAudience is the audience Entra requires of federated assertions.
const federatedAudience = "api://AzureADTokenExchange"

type assertionError struct {
	status  int
	errCode string
	aadsts  int
	message string
}

// checkClientAssertion verifies a client assertion: either a certificate
// assertion the application signed with its registered certificate, or a
// federated assertion from a trusted OIDC issuer.
func (s *Server) checkClientAssertion(tenant *SeedTenant, sp *SeedServicePrincipal, assertion string) *assertionError {
	unverified, _, err := jwt.NewParser().ParseUnverified(assertion, jwt.MapClaims{})
	if err != nil {
		return &assertionError{http.StatusBadRequest, "invalid_request", 50027, "Invalid JWT token. The token is not in a valid format."}
	}
	claims, _ := unverified.Claims.(jwt.MapClaims)
	iss, _ := claims["iss"].(string)
	_, hasX5t := unverified.Header["x5t"]
	_, hasX5tS256 := unverified.Header["x5t#S256"]
	if hasX5t || hasX5tS256 || strings.EqualFold(iss, sp.ClientID) {
		return s.checkCertificateAssertion(tenant, sp, assertion, unverified)
	}
	return s.checkFederatedAssertion(sp, assertion, iss)
}

func (s *Server) checkCertificateAssertion(tenant *SeedTenant, sp *SeedServicePrincipal, assertion string, unverified *jwt.Token) *assertionError {
	thumb := ""
	if v, ok := unverified.Header["x5t#S256"].(string); ok {
		thumb = v
	} else if v, ok := unverified.Header["x5t"].(string); ok {
		thumb = v
	}
	notRegistered := &assertionError{http.StatusUnauthorized, "invalid_client", 700027,
		fmt.Sprintf("The certificate with identifier used to sign the client assertion is not registered on application. "+
			"[Reason - The key was not found., Thumbprint of key used by client: '%s']", thumb)}
	if !sp.Certificate || !s.client.MatchesThumbprint(thumb) {
		return notRegistered
	}
	parsed, err := jwt.Parse(assertion, func(t *jwt.Token) (any, error) { return s.client.Cert.PublicKey, nil },
		jwt.WithValidMethods([]string{"PS256", "RS256"}), jwt.WithExpirationRequired(), jwt.WithLeeway(5*time.Minute))
	if err != nil {
		if errors.Is(err, jwt.ErrTokenExpired) || errors.Is(err, jwt.ErrTokenNotValidYet) {
			return &assertionError{http.StatusUnauthorized, "invalid_client", 700024, "Client assertion is not within its valid time range."}
		}
		return &assertionError{http.StatusUnauthorized, "invalid_client", 700027, "Client assertion failed signature validation."}
	}
	claims, _ := parsed.Claims.(jwt.MapClaims)
	iss, _ := claims["iss"].(string)
	sub, _ := claims["sub"].(string)
	if !strings.EqualFold(iss, sp.ClientID) || !strings.EqualFold(sub, sp.ClientID) {
		return &assertionError{http.StatusUnauthorized, "invalid_client", 700021,
			"Client assertion application identifier doesn't match 'client_id' parameter."}
	}
	aud, _ := claims.GetAudience()
	wantPath := "/" + strings.ToLower(tenant.ID) + "/oauth2/"
	okAud := false
	for _, a := range aud {
		if strings.Contains(strings.ToLower(a), wantPath) && strings.Contains(strings.ToLower(a), "/token") {
			okAud = true
		}
	}
	if !okAud {
		return &assertionError{http.StatusUnauthorized, "invalid_client", 70011,
			fmt.Sprintf("The client assertion audience %v does not match the token endpoint of tenant '%s'.", []string(aud), tenant.ID)}
	}
	return nil
}

func (s *Server) checkFederatedAssertion(sp *SeedServicePrincipal, assertion, iss string) *assertionError {
	ours := s.oidcIssuer()
	var candidates []SeedFederatedCredential
	for _, fc := range sp.FederatedCredentials {
		issuer := fc.Issuer
		if issuer == "" {
			issuer = ours
		}
		if issuer == iss {
			candidates = append(candidates, fc)
		}
	}
	if len(candidates) == 0 {
		return &assertionError{http.StatusBadRequest, "invalid_request", 700211,
			fmt.Sprintf("No matching federated identity record found for presented assertion issuer '%s'. "+
				"Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.", iss)}
	}
	if iss != ours {
		// The emulator has no network: it can only verify assertions its own issuer signed.
		return &assertionError{http.StatusUnauthorized, "invalid_client", 700027,
			fmt.Sprintf("Client assertion failed signature validation: the signing keys of issuer '%s' could not be retrieved.", iss)}
	}
	parsed, err := jwt.Parse(assertion, func(t *jwt.Token) (any, error) { return &s.oidcKey.PublicKey, nil },
		jwt.WithValidMethods([]string{"RS256"}), jwt.WithExpirationRequired(), jwt.WithIssuer(ours))
	if err != nil {
		if errors.Is(err, jwt.ErrTokenExpired) || errors.Is(err, jwt.ErrTokenNotValidYet) {
			return &assertionError{http.StatusBadRequest, "invalid_request", 700024, "Client assertion is not within its valid time range."}
		}
		return &assertionError{http.StatusUnauthorized, "invalid_client", 700027, "Client assertion failed signature validation."}
	}
	claims, _ := parsed.Claims.(jwt.MapClaims)
	sub, _ := claims["sub"].(string)
	aud, _ := claims.GetAudience()
	subjectMatched := false
	for _, fc := range candidates {
		if fc.Subject != sub {
			continue
		}
		subjectMatched = true
		want := fc.Audiences
		if len(want) == 0 {
			want = []string{federatedAudience}
		}
		for _, w := range want {
			for _, a := range aud {
				if w == a {
					return nil
				}
			}
		}
	}
	if !subjectMatched {
		return &assertionError{http.StatusBadRequest, "invalid_request", 700213,
			fmt.Sprintf("No matching federated identity record found for presented assertion subject '%s'. "+
				"Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.", sub)}
	}
	return &assertionError{http.StatusBadRequest, "invalid_request", 700212,
		fmt.Sprintf("No matching federated identity record found for presented assertion audience '%s'. "+
			"Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.", strings.Join(aud, ","))}
}
