package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"sync"
)

// maxJournal bounds the journal: a long benchmark must not grow it without end.
const maxJournal = 100_000

type journal struct {
	mu      sync.Mutex
	entries []JournalEntry
}

func (j *journal) add(e JournalEntry) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if len(j.entries) >= maxJournal {
		// drop the oldest tenth at once rather than shifting on every request
		n := copy(j.entries, j.entries[maxJournal/10:])
		j.entries = j.entries[:n]
	}
	j.entries = append(j.entries, e)
}

func (j *journal) list() []JournalEntry {
	j.mu.Lock()
	defer j.mu.Unlock()
	// never nil: an empty journal is served as [] (an empty list), not null
	return append([]JournalEntry{}, j.entries...)
}

func (j *journal) reset() {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.entries = nil
}

// Journal returns a copy of every request recorded since the last reset
// (control API requests are not recorded).
func (s *Server) Journal() []JournalEntry { return s.journal.list() }

// ResetJournal empties the journal.
func (s *Server) ResetJournal() { s.journal.reset() }

// readLikeActions are POST actions that only read.
var readLikeActions = []string{"listclusterusercredential", "listclusteradmincredential", "listclustermonitoringusercredential"}

// IsWrite reports whether the request changed (or tried to change) ARM state:
// PUT, PATCH, DELETE, and POST except the read-like credential actions. It is
// false for Entra ID, cloud metadata and control requests.
func (e JournalEntry) IsWrite() bool {
	fam := e.family
	if fam == "" {
		fam = familyOf(e.Path)
	}
	if fam != familyARM {
		return false
	}
	switch e.Method {
	case http.MethodPut, http.MethodPatch, http.MethodDelete:
		return true
	case http.MethodPost:
		p := strings.ToLower(strings.TrimSuffix(e.Path, "/"))
		for _, a := range readLikeActions {
			if strings.HasSuffix(p, "/"+a) {
				return false
			}
		}
		return true
	}
	return false
}

// redacted replaces the value of a secret in the journal.
const redacted = "[redacted]"

// journalBody is what the journal keeps of an ARM request body: at most
// maxJournalBody bytes of JSON, with every secret's value replaced by
// redacted (see secretKey). A body that isn't JSON, or that was cut, is kept
// as a JSON string.
func journalBody(body []byte) json.RawMessage {
	b := redactSecrets(body)
	if len(b) > maxJournalBody {
		b = b[:maxJournalBody]
	}
	if json.Valid(b) {
		return append(json.RawMessage(nil), b...)
	}
	out, _ := json.Marshal(string(b))
	return out
}

// secretKey reports whether a JSON member holds a secret: any "...password"
// key (windowsProfile.adminPassword, a PFX password…) and any "...secret"
// one (servicePrincipalProfile.secret, aadProfile.serverAppSecret,
// clientSecret). Keys that merely mention secrets, such as the
// azureKeyvaultSecretsProvider add-on or its enableSecretRotation setting,
// are not secrets.
func secretKey(k string) bool {
	k = strings.ToLower(k)
	return strings.Contains(k, "password") || strings.HasSuffix(k, "secret")
}

// secretMember matches a secret member with a string value in text that
// isn't JSON (cut, or malformed), for the same keys as secretKey; the value
// may be cut too.
var secretMember = regexp.MustCompile(`(?i)("[^"\\]*(?:password[^"\\]*|secret)"\s*:\s*)"(?:[^"\\]|\\.)*(?:"|\\?$)`)

// redactSecrets returns body with the values of its secret members replaced
// by redacted, or body itself when it holds none.
func redactSecrets(body []byte) []byte {
	lower := bytes.ToLower(body)
	if !bytes.Contains(lower, []byte("password")) && !bytes.Contains(lower, []byte("secret")) {
		return body
	}
	if !json.Valid(body) {
		return secretMember.ReplaceAll(body, []byte(`${1}"`+redacted+`"`))
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber() // numbers are kept as they were written
	var v any
	if err := dec.Decode(&v); err != nil || !redactValue(v) {
		return body
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return secretMember.ReplaceAll(body, []byte(`${1}"`+redacted+`"`))
	}
	return bytes.TrimSuffix(out.Bytes(), []byte("\n"))
}

// redactValue replaces the secrets in a decoded JSON value in place and
// reports whether it found any.
func redactValue(v any) bool {
	found := false
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if secretKey(k) && val != nil {
				x[k] = redacted
				found = true
				continue
			}
			found = redactValue(val) || found
		}
	case []any:
		for _, val := range x {
			found = redactValue(val) || found
		}
	}
	return found
}
