package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Requests and answers: the request being handled, JSON answers, ARM's error
// envelope, request bodies and list paging.

// request is one HTTP request being handled.
type request struct {
	w          *recorder
	r          *http.Request
	params     map[string]string // {name} segments of the route
	apiVersion string
	body       []byte
	claims     *accessClaims // ARM requests: the verified caller
	route      *route
	loseAnswer bool // a LoseAnswer fault: drop the connection once the handler is done
}

// param returns a path parameter of the route.
func (q *request) param(name string) string { return q.params[name] }

// baseURL is the scheme and host the client used, for the absolute URLs the
// emulator hands out (polling URLs, nextLinks).
func (q *request) baseURL() string {
	if q.r.Host != "" {
		return "https://" + q.r.Host
	}
	return "https://" + q.r.URL.Host
}

// recorder remembers the status and ARM error code answered, for the journal.
type recorder struct {
	http.ResponseWriter
	status    int
	errorCode string
}

func (w *recorder) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *recorder) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// writeFound answers 200 with v, a copy taken under the store's lock, unless
// v is nil: then the lookup found nothing and has answered (its 404) already.
func writeFound[T any](q *request, v *T) {
	if v != nil {
		writeJSON(q, http.StatusOK, v)
	}
}

// writeJSON answers v as JSON. SDK models marshal through their own MarshalJSON.
func writeJSON(q *request, status int, v any) {
	if raw, ok := v.(json.RawMessage); ok {
		writeRaw(q, status, raw)
		return
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		writeError(q, http.StatusInternalServerError, "InternalServerError", err.Error(), "")
		return
	}
	h := q.w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", fmt.Sprint(buf.Len()))
	q.w.WriteHeader(status)
	if q.r.Method != http.MethodHead {
		_, _ = q.w.Write(buf.Bytes())
	}
}

// writeRaw answers JSON already marshaled.
func writeRaw(q *request, status int, raw []byte) {
	h := q.w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(raw)))
	q.w.WriteHeader(status)
	if q.r.Method != http.MethodHead {
		_, _ = q.w.Write(raw)
	}
}

// armError is ARM's error object (common-types ErrorDetail).
type armError struct {
	Code    string     `json:"code"`
	Message string     `json:"message"`
	Target  string     `json:"target,omitempty"`
	Details []armError `json:"details,omitempty"`
}

// writeError answers ARM's error envelope {"error":{code,message,target}}.
func writeError(q *request, status int, code, message, target string) {
	q.w.errorCode = code
	writeJSON(q, status, map[string]armError{"error": {Code: code, Message: message, Target: target}})
}

// decodeBody reads the request's JSON body into v, answering ARM's 400 when it isn't JSON.
func decodeBody(q *request, v any) bool {
	if len(strings.TrimSpace(string(q.body))) == 0 {
		writeError(q, http.StatusBadRequest, "InvalidRequestContent", "The request content was invalid and could not be deserialized: 'The request body is empty.'.", "")
		return false
	}
	if err := json.Unmarshal(q.body, v); err != nil {
		writeError(q, http.StatusBadRequest, "InvalidRequestContent",
			fmt.Sprintf("The request content was invalid and could not be deserialized: '%s'.", err.Error()), "")
		return false
	}
	return true
}

// listPage is ARM's list answer.
type listPage struct {
	Value    []any  `json:"value"`
	NextLink string `json:"nextLink,omitempty"`
}

// writePage answers one page of items, with a nextLink carrying $skiptoken
// when more remain.
func writePage(q *request, items []any, pageSize int) {
	start := 0
	if tok := q.r.URL.Query().Get("$skiptoken"); tok != "" {
		n, err := strconv.Atoi(tok)
		if err != nil || n < 0 {
			writeError(q, http.StatusBadRequest, "InvalidSkipToken", fmt.Sprintf("The skip token '%s' is invalid.", tok), "")
			return
		}
		start = min(n, len(items))
	}
	end := min(start+pageSize, len(items))
	page := listPage{Value: items[start:end]}
	if page.Value == nil {
		page.Value = []any{}
	}
	if end < len(items) {
		v := q.r.URL.Query()
		v.Set("$skiptoken", strconv.Itoa(end))
		page.NextLink = q.baseURL() + q.r.URL.Path + "?" + v.Encode()
	}
	writeJSON(q, http.StatusOK, page)
}
