package emulator

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
)

// Entra ID, as azidentity and MSAL call it: OpenID configuration discovery,
// the token endpoint's client-credentials grant (client secret, client
// certificate assertion, federated assertion), and the keys that sign the
// access tokens. Errors use Entra's JSON shape and AADSTS codes.

// armAudiences are the token audiences ARM accepts.
var armAudiences = []string{
	"https://management.core.windows.net/",
	"https://management.core.windows.net",
	"https://management.azure.com/",
	"https://management.azure.com",
}

// federatedAudience is the audience Entra requires of federated assertions.
const federatedAudience = "api://AzureADTokenExchange"

const clientAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

// tenantOf returns the seeded tenant, or nil.
func (s *Server) tenantOf(id string) *SeedTenant {
	for i := range s.seed.Tenants {
		if strings.EqualFold(s.seed.Tenants[i].ID, id) {
			return &s.seed.Tenants[i]
		}
	}
	return nil
}

func (t *SeedTenant) principal(clientID string) *SeedServicePrincipal {
	for i := range t.ServicePrincipals {
		if strings.EqualFold(t.ServicePrincipals[i].ClientID, clientID) {
			return &t.ServicePrincipals[i]
		}
	}
	return nil
}

func (s *Server) handleOpenIDConfiguration(q *request) {
	tenant := q.param("tenant")
	if s.tenantOf(tenant) == nil && !isMultiTenantAlias(tenant) {
		writeEntraError(q, http.StatusBadRequest, "invalid_tenant", 90002,
			fmt.Sprintf("Tenant '%s' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. "+
				"Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.", tenant))
		return
	}
	base := q.baseURL()
	issuerTenant := tenant
	if isMultiTenantAlias(tenant) {
		issuerTenant = "{tenantid}"
	}
	v1 := !strings.Contains(strings.ToLower(q.r.URL.Path), "/v2.0/")
	tokenEndpoint := base + "/" + tenant + "/oauth2/v2.0/token"
	authorize := base + "/" + tenant + "/oauth2/v2.0/authorize"
	issuer := base + "/" + issuerTenant + "/v2.0"
	jwks := base + "/" + tenant + "/discovery/v2.0/keys"
	if v1 {
		tokenEndpoint = base + "/" + tenant + "/oauth2/token"
		authorize = base + "/" + tenant + "/oauth2/authorize"
		issuer = base + "/" + issuerTenant + "/"
		jwks = base + "/" + tenant + "/discovery/keys"
	}
	writeJSON(q, http.StatusOK, map[string]any{
		"token_endpoint":                        tokenEndpoint,
		"token_endpoint_auth_methods_supported": []string{"client_secret_post", "private_key_jwt", "client_secret_basic"},
		"jwks_uri":                              jwks,
		"response_modes_supported":              []string{"query", "fragment", "form_post"},
		"subject_types_supported":               []string{"pairwise"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
		"response_types_supported":              []string{"code", "id_token", "code id_token", "id_token token"},
		"scopes_supported":                      []string{"openid", "profile", "email", "offline_access"},
		"issuer":                                issuer,
		"request_uri_parameter_supported":       false,
		"authorization_endpoint":                authorize,
		"device_authorization_endpoint":         base + "/" + tenant + "/oauth2/v2.0/devicecode",
		"end_session_endpoint":                  base + "/" + tenant + "/oauth2/v2.0/logout",
		"http_logout_supported":                 true,
		"frontchannel_logout_supported":         true,
		"claims_supported":                      []string{"sub", "iss", "aud", "exp", "iat", "tid", "ver", "oid", "appid"},
		"tenant_region_scope":                   nil,
		"cloud_instance_name":                   q.r.Host,
		"cloud_graph_host_name":                 q.r.Host,
		"msgraph_host":                          q.r.Host,
	})
}

func isMultiTenantAlias(t string) bool {
	switch strings.ToLower(t) {
	case "common", "organizations", "consumers":
		return true
	}
	return false
}

// entraError is the token endpoint's error body.
type entraError struct {
	Error            string `json:"error"`
	ErrorDescription string `json:"error_description"`
	ErrorCodes       []int  `json:"error_codes"`
	Timestamp        string `json:"timestamp"`
	TraceID          string `json:"trace_id"`
	CorrelationID    string `json:"correlation_id"`
	ErrorURI         string `json:"error_uri"`
}

func writeEntraError(q *request, status int, errCode string, aadsts int, message string) {
	now := time.Now().UTC().Format("2006-01-02 15:04:05Z")
	trace, corr := uuid.NewString(), uuid.NewString()
	q.w.errorCode = fmt.Sprintf("AADSTS%d", aadsts)
	writeJSON(q, status, entraError{
		Error: errCode,
		ErrorDescription: fmt.Sprintf("AADSTS%d: %s Trace ID: %s Correlation ID: %s Timestamp: %s",
			aadsts, message, trace, corr, now),
		ErrorCodes:    []int{aadsts},
		Timestamp:     now,
		TraceID:       trace,
		CorrelationID: corr,
		ErrorURI:      q.baseURL() + "/error?code=" + fmt.Sprint(aadsts),
	})
}

// handleToken is the client-credentials grant of /{tenant}/oauth2/v2.0/token
// (scope=) and of the v1 endpoint /{tenant}/oauth2/token (resource=).
func (s *Server) handleToken(q *request) {
	form, err := parseForm(q)
	if err != nil {
		writeEntraError(q, http.StatusBadRequest, "invalid_request", 900144, "The request body must be application/x-www-form-urlencoded.")
		return
	}
	tenantID := q.param("tenant")
	tenant := s.tenantOf(tenantID)
	if tenant == nil {
		writeEntraError(q, http.StatusBadRequest, "invalid_request", 90002,
			fmt.Sprintf("Tenant '%s' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.", tenantID))
		return
	}
	if gt := form.Get("grant_type"); gt != "client_credentials" {
		if gt == "" {
			writeEntraError(q, http.StatusBadRequest, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.")
			return
		}
		writeEntraError(q, http.StatusBadRequest, "unsupported_grant_type", 70003,
			fmt.Sprintf("The app requested an unsupported grant type '%s'. The emulator implements client_credentials only.", gt))
		return
	}
	clientID := form.Get("client_id")
	if clientID == "" {
		writeEntraError(q, http.StatusBadRequest, "invalid_request", 900144, "The request body must contain the following parameter: 'client_id'.")
		return
	}
	sp := tenant.principal(clientID)
	if sp == nil {
		writeEntraError(q, http.StatusBadRequest, "unauthorized_client", 700016,
			fmt.Sprintf("Application with identifier '%s' was not found in the directory '%s'. This can happen if the application has not been installed "+
				"by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.",
				clientID, tenant.ID))
		return
	}
	v1 := !strings.Contains(strings.ToLower(q.r.URL.Path), "/v2.0/")
	audience, ok := requestedAudience(form, v1)
	if !ok {
		if v1 {
			writeEntraError(q, http.StatusBadRequest, "invalid_request", 900144, "The request body must contain the following parameter: 'resource'.")
		} else {
			writeEntraError(q, http.StatusBadRequest, "invalid_request", 900144, "The request body must contain the following parameter: 'scope'.")
		}
		return
	}
	if !s.knownAudience(audience) {
		writeEntraError(q, http.StatusBadRequest, "invalid_resource", 500011,
			fmt.Sprintf("The resource principal named %s was not found in the tenant named %s. This can happen if the application has not been installed "+
				"by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.",
				audience, tenant.ID))
		return
	}

	appIDACR := "1"
	switch {
	case form.Get("client_secret") != "":
		if !secretMatches(sp.ClientSecrets, form.Get("client_secret")) {
			writeEntraError(q, http.StatusUnauthorized, "invalid_client", 7000215,
				fmt.Sprintf("Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, "+
					"not the client secret ID, for a secret added to app '%s'.", sp.ClientID))
			return
		}
	case form.Get("client_assertion") != "":
		if form.Get("client_assertion_type") != clientAssertionType {
			writeEntraError(q, http.StatusBadRequest, "invalid_request", 50027,
				fmt.Sprintf("client_assertion_type must be '%s'.", clientAssertionType))
			return
		}
		appIDACR = "2"
		if e := s.checkClientAssertion(tenant, sp, form.Get("client_assertion")); e != nil {
			writeEntraError(q, e.status, e.errCode, e.aadsts, e.message)
			return
		}
	default:
		writeEntraError(q, http.StatusUnauthorized, "invalid_client", 7000218,
			"The request body must contain the following parameter: 'client_assertion' or 'client_secret'.")
		return
	}

	token, exp, err := s.mintAccessToken(tenant.ID, sp, audience, appIDACR, time.Now())
	if err != nil {
		writeEntraError(q, http.StatusInternalServerError, "server_error", 50000, "There was an error issuing a token: "+err.Error())
		return
	}
	lifetime := int(time.Until(exp).Seconds())
	answer := map[string]any{
		"token_type":     "Bearer",
		"expires_in":     lifetime,
		"ext_expires_in": lifetime,
		"access_token":   token,
	}
	if v1 {
		answer["expires_on"] = fmt.Sprint(exp.Unix())
		answer["not_before"] = fmt.Sprint(time.Now().Unix())
		answer["resource"] = audience
		answer["expires_in"] = fmt.Sprint(lifetime)
		answer["ext_expires_in"] = fmt.Sprint(lifetime)
	}
	q.w.Header().Set("Cache-Control", "no-store, no-cache")
	writeJSON(q, http.StatusOK, answer)
}

func parseForm(q *request) (formValues, error) {
	ct := strings.ToLower(q.r.Header.Get("Content-Type"))
	if !strings.HasPrefix(ct, "application/x-www-form-urlencoded") {
		return nil, errors.New("not a form")
	}
	return parseQueryString(string(q.body))
}

// requestedAudience returns the resource a token is asked for: the v2
// endpoint's ".default" scope without its suffix, or the v1 endpoint's resource.
func requestedAudience(form formValues, v1 bool) (string, bool) {
	if v1 {
		r := form.Get("resource")
		return r, r != ""
	}
	for _, sc := range strings.Fields(form.Get("scope")) {
		if strings.HasSuffix(sc, "/.default") {
			return strings.TrimSuffix(sc, "/.default"), true
		}
	}
	return "", false
}

// knownAudience reports whether the emulator issues tokens for a resource:
// ARM's audiences, and the emulator's own URL (a client that uses the
// resourceManager endpoint as its audience).
func (s *Server) knownAudience(aud string) bool {
	for _, a := range armAudiences {
		if strings.EqualFold(a, aud) {
			return true
		}
	}
	return strings.EqualFold(strings.TrimSuffix(aud, "/"), s.url)
}

func secretMatches(secrets []string, got string) bool {
	for _, sec := range secrets {
		if sec == got {
			return true
		}
	}
	return false
}

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
	if !sp.Certificate || !s.client.matchesThumbprint(thumb) {
		return notRegistered
	}
	parsed, err := jwt.Parse(assertion, func(t *jwt.Token) (any, error) { return s.client.cert.PublicKey, nil },
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

// mintAccessToken signs an access token for sp, for audience.
func (s *Server) mintAccessToken(tenantID string, sp *SeedServicePrincipal, audience, appIDACR string, now time.Time) (string, time.Time, error) {
	exp := now.Add(s.tokenLifetime)
	oid := sp.ObjectID
	if oid == "" {
		oid = sp.ClientID
	}
	c := accessClaims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    "https://sts.windows.net/" + tenantID + "/",
			Subject:   oid,
			Audience:  jwt.ClaimStrings{audience},
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
	}
	t := jwt.NewWithClaims(jwt.SigningMethodRS256, c)
	t.Header["kid"] = keyID(&s.tokenKey.PublicKey)
	signed, err := t.SignedString(s.tokenKey)
	return signed, exp, err
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

// loadOrCreateRSAKey reads a PKCS#1 PEM RSA key from path, or creates one there.
func loadOrCreateRSAKey(path string) (*rsa.PrivateKey, error) {
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
	if err := writeFileAtomic(path, p, 0o600); err != nil {
		return nil, err
	}
	return key, nil
}

// clientCertificate is the service principal's certificate (an RSA key: MSAL signs assertions with PS256).
type clientCertificate struct {
	cert     *x509.Certificate
	key      *rsa.PrivateKey
	pemPath  string
	pfxPath  string
	password string
}

func (c clientCertificate) matchesThumbprint(thumb string) bool {
	s1 := sha1.Sum(c.cert.Raw)
	s256 := sha256.Sum256(c.cert.Raw)
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

// loadOrCreateClientCertificate reads client-cert.pem (certificate + key) from
// dir or creates it, and writes the PFX form beside it.
func loadOrCreateClientCertificate(dir string) (clientCertificate, error) {
	c := clientCertificate{
		pemPath:  filepath.Join(dir, "client-cert.pem"),
		pfxPath:  filepath.Join(dir, "client-cert.pfx"),
		password: "emulator-pfx-password",
	}
	if raw, err := os.ReadFile(c.pemPath); err == nil {
		for {
			var b *pem.Block
			b, raw = pem.Decode(raw)
			if b == nil {
				break
			}
			switch b.Type {
			case "CERTIFICATE":
				c.cert, err = x509.ParseCertificate(b.Bytes)
			case "RSA PRIVATE KEY":
				c.key, err = x509.ParsePKCS1PrivateKey(b.Bytes)
			}
			if err != nil {
				return c, fmt.Errorf("emulator: %s: %w", c.pemPath, err)
			}
		}
		if c.cert == nil || c.key == nil {
			return c, fmt.Errorf("emulator: %s lacks a certificate or an RSA key", c.pemPath)
		}
	} else {
		key, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			return c, err
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
			return c, err
		}
		c.cert, _ = x509.ParseCertificate(der)
		c.key = key
		p := append(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
			pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})...)
		if err := writeFileAtomic(c.pemPath, p, 0o600); err != nil {
			return c, err
		}
	}
	pfx, err := encodePKCS12(c.cert, c.key, c.password)
	if err != nil {
		return c, err
	}
	if err := writeFileAtomic(c.pfxPath, pfx, 0o600); err != nil {
		return c, err
	}
	return c, nil
}

// authenticate checks an ARM request's bearer token as ARM does. It answers
// 401 and returns false when the token is missing, expired or not the
// emulator's.
func (s *Server) authenticate(q *request) bool {
	auth := q.r.Header.Get("Authorization")
	fail := func(code, message, description string) bool {
		q.w.Header().Set("WWW-Authenticate", fmt.Sprintf(
			`Bearer authorization_uri="%s/%s", error="invalid_token", error_description="%s"`,
			q.baseURL(), DefaultTenantID, description))
		writeError(q, http.StatusUnauthorized, code, message, "")
		return false
	}
	if auth == "" {
		return fail("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.",
			"The authentication failed because of missing 'Authorization' header.")
	}
	raw, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok || strings.TrimSpace(raw) == "" {
		return fail("AuthenticationFailed", "Authentication failed. The 'Authorization' header is provided in an invalid format.",
			"The authentication failed because of an invalid 'Authorization' header.")
	}
	raw = strings.TrimSpace(raw)
	now := time.Now()
	var claims *accessClaims
	if cached, ok := s.tokens.Load(raw); ok {
		claims, _ = cached.(*accessClaims) // only *accessClaims are stored
	}
	if claims == nil {
		c := &accessClaims{}
		_, err := jwt.ParseWithClaims(raw, c, func(t *jwt.Token) (any, error) { return &s.tokenKey.PublicKey, nil },
			jwt.WithValidMethods([]string{"RS256"}), jwt.WithoutClaimsValidation())
		if err != nil {
			return fail("InvalidAuthenticationToken", "The access token is invalid.", "The access token is invalid.")
		}
		claims = c
		s.tokens.Store(raw, c)
	}
	if claims.ExpiresAt == nil || !now.Before(claims.ExpiresAt.Time) {
		exp := time.Time{}
		if claims.ExpiresAt != nil {
			exp = claims.ExpiresAt.Time
		}
		s.tokens.Delete(raw)
		return fail("ExpiredAuthenticationToken",
			fmt.Sprintf("The access token expiry UTC time '%s' is earlier than current UTC time '%s'.",
				exp.UTC().Format("1/2/2006 3:04:05 PM"), now.UTC().Format("1/2/2006 3:04:05 PM")),
			"The access token has expired.")
	}
	audOK := false
	for _, a := range claims.Audience {
		if s.knownAudience(a) {
			audOK = true
		}
	}
	if !audOK {
		return fail("InvalidAuthenticationTokenAudience",
			fmt.Sprintf("The access token has been obtained for wrong audience or resource '%s'. It should exactly match with one of the allowed audiences '%s'.",
				strings.Join(claims.Audience, ","), strings.Join(armAudiences, "','")),
			"The access token has been obtained for wrong audience or resource.")
	}
	q.claims = claims
	return true
}

// checkSubscription answers 404 SubscriptionNotFound when the path names a
// subscription the caller's tenant doesn't have, and 401 when the token is
// from another tenant than the subscription's.
func (s *Server) checkSubscription(q *request) bool {
	subID := q.param("subscriptionId")
	if subID == "" {
		return true
	}
	sub := s.subscriptionOf(subID)
	if sub == nil {
		writeError(q, http.StatusNotFound, "SubscriptionNotFound", fmt.Sprintf("The subscription '%s' could not be found.", subID), "")
		return false
	}
	if !strings.EqualFold(sub.TenantID, q.claims.TenantID) {
		q.w.Header().Set("WWW-Authenticate", fmt.Sprintf(
			`Bearer authorization_uri="%s/%s", error="invalid_token", error_description="The access token is from the wrong issuer."`,
			q.baseURL(), sub.TenantID))
		writeError(q, http.StatusUnauthorized, "InvalidAuthenticationTokenTenant",
			fmt.Sprintf("The access token is from the wrong issuer '%s'. It must match the tenant 'https://sts.windows.net/%s/' associated with this subscription. "+
				"Please use the authority (URL) '%s/%s' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, "+
				"but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later.",
				q.claims.Issuer, sub.TenantID, q.baseURL(), sub.TenantID), "")
		return false
	}
	return true
}

func (s *Server) subscriptionOf(id string) *SeedSubscription {
	for i := range s.seed.Subscriptions {
		if strings.EqualFold(s.seed.Subscriptions[i].ID, id) {
			return &s.seed.Subscriptions[i]
		}
	}
	return nil
}

// formValues is a parsed x-www-form-urlencoded body.
type formValues map[string][]string

func (f formValues) Get(k string) string {
	if v := f[k]; len(v) > 0 {
		return v[0]
	}
	return ""
}

func parseQueryString(s string) (formValues, error) {
	v, err := url.ParseQuery(s)
	return formValues(v), err
}
