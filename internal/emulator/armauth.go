package emulator

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// ARM authentication: the bearer token middleware every ARM request passes,
// and the subscription check that follows it. Entra ID's token endpoints,
// which issue those tokens, are in entra.go.

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
		if s.armAudience(a) {
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
