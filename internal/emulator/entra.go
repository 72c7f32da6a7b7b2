package emulator

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Entra ID, as azidentity and MSAL call it: OpenID configuration discovery,
// the token endpoint's client-credentials grant (client secret, client
// certificate assertion, federated assertion), and the keys that sign the
// access tokens. Errors use Entra's JSON shape and AADSTS codes.

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
	tenant, sp, ok := s.tokenClient(q, form)
	if !ok {
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
	if !s.issuesTokenFor(audience) {
		writeEntraError(q, http.StatusBadRequest, "invalid_resource", 500011,
			fmt.Sprintf("The resource principal named %s was not found in the tenant named %s. This can happen if the application has not been installed "+
				"by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.",
				audience, tenant.ID))
		return
	}
	appIDACR, ok := s.checkClientCredential(q, form, tenant, sp)
	if !ok {
		return
	}
	token, exp, err := s.mintAccessToken(tenant.ID, sp, audience, appIDACR, time.Now())
	if err != nil {
		writeEntraError(q, http.StatusInternalServerError, "server_error", 50000, "There was an error issuing a token: "+err.Error())
		return
	}
	writeToken(q, token, exp, audience, v1)
}

// tokenClient returns the tenant and service principal a token request
// names, after checking its grant type, or answers Entra's error.
func (s *Server) tokenClient(q *request, form formValues) (*SeedTenant, *SeedServicePrincipal, bool) {
	tenantID := q.param("tenant")
	tenant := s.tenantOf(tenantID)
	if tenant == nil {
		writeEntraError(q, http.StatusBadRequest, "invalid_request", 90002,
			fmt.Sprintf("Tenant '%s' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.", tenantID))
		return nil, nil, false
	}
	if gt := form.Get("grant_type"); gt != "client_credentials" {
		if gt == "" {
			writeEntraError(q, http.StatusBadRequest, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.")
			return nil, nil, false
		}
		writeEntraError(q, http.StatusBadRequest, "unsupported_grant_type", 70003,
			fmt.Sprintf("The app requested an unsupported grant type '%s'. The emulator implements client_credentials only.", gt))
		return nil, nil, false
	}
	clientID := form.Get("client_id")
	if clientID == "" {
		writeEntraError(q, http.StatusBadRequest, "invalid_request", 900144, "The request body must contain the following parameter: 'client_id'.")
		return nil, nil, false
	}
	sp := tenant.principal(clientID)
	if sp == nil {
		writeEntraError(q, http.StatusBadRequest, "unauthorized_client", 700016,
			fmt.Sprintf("Application with identifier '%s' was not found in the directory '%s'. This can happen if the application has not been installed "+
				"by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.",
				clientID, tenant.ID))
		return nil, nil, false
	}
	return tenant, sp, true
}

// checkClientCredential checks the client's secret or assertion and returns
// the appidacr claim its token gets ("1" secret, "2" assertion), or answers
// Entra's error.
func (s *Server) checkClientCredential(q *request, form formValues, tenant *SeedTenant, sp *SeedServicePrincipal) (string, bool) {
	switch {
	case form.Get("client_secret") != "":
		if !secretMatches(sp.ClientSecrets, form.Get("client_secret")) {
			writeEntraError(q, http.StatusUnauthorized, "invalid_client", 7000215,
				fmt.Sprintf("Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, "+
					"not the client secret ID, for a secret added to app '%s'.", sp.ClientID))
			return "", false
		}
		return "1", true
	case form.Get("client_assertion") != "":
		if form.Get("client_assertion_type") != clientAssertionType {
			writeEntraError(q, http.StatusBadRequest, "invalid_request", 50027,
				fmt.Sprintf("client_assertion_type must be '%s'.", clientAssertionType))
			return "", false
		}
		if e := s.checkClientAssertion(tenant, sp, form.Get("client_assertion")); e != nil {
			writeEntraError(q, e.status, e.errCode, e.aadsts, e.message)
			return "", false
		}
		return "2", true
	}
	writeEntraError(q, http.StatusUnauthorized, "invalid_client", 7000218,
		"The request body must contain the following parameter: 'client_assertion' or 'client_secret'.")
	return "", false
}

// writeToken answers an access token in the v2 endpoint's shape, or the v1
// endpoint's (lifetimes as strings, expires_on, not_before and resource).
func writeToken(q *request, token string, exp time.Time, audience string, v1 bool) {
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

func secretMatches(secrets []string, got string) bool {
	for _, sec := range secrets {
		if sec == got {
			return true
		}
	}
	return false
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
