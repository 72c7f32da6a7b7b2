package provider

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// redacted replaces every value the provider must never log.
const redacted = "REDACTED"

// jwtPattern matches JSON Web Tokens (access tokens, ID tokens, OIDC client assertions) wherever
// they appear, as a last line of defence behind the field-based rules below.
var jwtPattern = regexp.MustCompile(`eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*`)

// sensitiveHeaderParts mark header names whose values are secrets: bearer tokens (Authorization,
// x-ms-authorization-auxiliary), request tokens, cookies, keys and signatures.
var sensitiveHeaderParts = []string{"authorization", "token", "secret", "assertion", "password", "cookie", "signature", "key"}

// sensitiveFieldParts mark form and JSON field names whose values are secrets: client secrets,
// client assertions, passwords and private keys. Fields ending in "token" (access_token,
// refresh_token, id_token, accessToken) are secret too; token_type or token_endpoint are not.
var sensitiveFieldParts = []string{"secret", "assertion", "password", "privatekey", "private_key"}

// sensitiveQueryParams are URL query parameters whose values are secrets.
var sensitiveQueryParams = map[string]bool{"sig": true, "code": true, "client_secret": true, "client_assertion": true, "token": true, "access_token": true}

func isSensitiveHeader(name string) bool {
	return containsAny(strings.ToLower(name), sensitiveHeaderParts)
}

func isSensitiveField(name string) bool {
	lower := strings.ToLower(name)
	return strings.HasSuffix(lower, "token") || lower == "authorization" || containsAny(lower, sensitiveFieldParts)
}

func containsAny(s string, parts []string) bool {
	for _, part := range parts {
		if strings.Contains(s, part) {
			return true
		}
	}
	return false
}

// redactor removes secrets from what the HTTP logging writes. secrets are the literal values the
// provider was configured with (client secret, certificate password, OIDC tokens); they are
// masked wherever they occur, whatever the field.
type redactor struct {
	secrets []string
}

func newRedactor(secrets ...string) redactor {
	var kept []string
	for _, s := range secrets {
		// Very short values would mask unrelated text and are not secrets anyone relies on.
		if len(s) >= 4 {
			kept = append(kept, s)
		}
	}
	// Longest first, so that a secret containing another is masked whole.
	sort.Slice(kept, func(i, j int) bool { return len(kept[i]) > len(kept[j]) })
	return redactor{secrets: kept}
}

// text masks known secrets and anything shaped like a JWT.
func (r redactor) text(s string) string {
	for _, secret := range r.secrets {
		s = strings.ReplaceAll(s, secret, redacted)
	}
	return jwtPattern.ReplaceAllString(s, redacted)
}

// url redacts sensitive query parameters of a URL.
func (r redactor) url(u *url.URL) string {
	if u == nil {
		return ""
	}
	clean := *u
	clean.User = nil
	if q := clean.Query(); len(q) > 0 {
		for name := range q {
			if sensitiveQueryParams[strings.ToLower(name)] {
				q.Set(name, redacted)
			}
		}
		clean.RawQuery = q.Encode()
	}
	return r.text(clean.String())
}

// headers returns a header map for logging with sensitive values replaced.
func (r redactor) headers(h http.Header) map[string]string {
	out := make(map[string]string, len(h))
	for name, values := range h {
		if isSensitiveHeader(name) {
			out[name] = redacted
			continue
		}
		out[name] = r.text(strings.Join(values, ", "))
	}
	return out
}

// body returns a request or response body for logging: JSON and form bodies with their sensitive
// fields redacted, other text with known secrets and JWTs masked, anything else by size only.
func (r redactor) body(contentType string, body []byte) string {
	if len(body) == 0 {
		return ""
	}
	ct := strings.ToLower(contentType)
	switch {
	case strings.Contains(ct, "json") || (ct == "" && json.Valid(body)):
		var doc any
		decoder := json.NewDecoder(bytes.NewReader(body))
		decoder.UseNumber()
		if err := decoder.Decode(&doc); err != nil {
			return r.text(string(body))
		}
		out, err := json.Marshal(redactJSON(doc, ""))
		if err != nil {
			return "(unloggable JSON body)"
		}
		return r.text(string(out))
	case strings.Contains(ct, "x-www-form-urlencoded"):
		form, err := url.ParseQuery(string(body))
		if err != nil {
			return "(unparseable form body, not logged)"
		}
		for name := range form {
			if isSensitiveField(name) {
				form.Set(name, redacted)
			}
		}
		return r.text(form.Encode())
	case strings.HasPrefix(ct, "text/") || strings.Contains(ct, "xml"):
		return r.text(string(body))
	default:
		return "(" + strconv.Itoa(len(body)) + " bytes of " + contentType + ", not logged)"
	}
}

// redactJSON walks a decoded JSON document and replaces the values of sensitive fields. Inside a
// `kubeconfigs` list (the answer of listClusterUserCredential and friends) every `value` is a
// base64 kubeconfig with cluster credentials, so it goes too.
func redactJSON(v any, parentKey string) any {
	switch t := v.(type) {
	case map[string]any:
		insideKubeconfigs := strings.Contains(strings.ToLower(parentKey), "kubeconfig")
		for key, value := range t {
			switch {
			case isSensitiveField(key), strings.Contains(strings.ToLower(key), "kubeconfig") && isScalar(value),
				insideKubeconfigs && strings.EqualFold(key, "value"):
				t[key] = redacted
			default:
				t[key] = redactJSON(value, key)
			}
		}
		return t
	case []any:
		for i, item := range t {
			t[i] = redactJSON(item, parentKey)
		}
		return t
	default:
		return v
	}
}

func isScalar(v any) bool {
	switch v.(type) {
	case map[string]any, []any:
		return false
	}
	return true
}
