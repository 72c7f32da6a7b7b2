package emulator

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/google/uuid"
)

// The outermost handler: journal, faults, latency, routing, then for ARM the
// bearer token (armauth.go), the api-version and the subscription.

const maxJournalBody = 64 << 10

// serveHTTP is the outermost handler: journal, faults, latency, routing.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &recorder{ResponseWriter: w}
	q := &request{w: rec, r: r}
	family := familyOf(r.URL.Path)

	if r.Body != nil && r.Method != http.MethodGet && r.Method != http.MethodHead {
		b, err := io.ReadAll(io.LimitReader(r.Body, 8<<20))
		if err != nil {
			return
		}
		q.body = b
	}
	if family != familyControl {
		defer s.record(q, start, family)
		if done := s.applyFaults(q); done {
			return
		}
		defer func() {
			if q.loseAnswer {
				panic(http.ErrAbortHandler) // after the journal entry (deferred first, runs last)
			}
		}()
	}

	rt, params, allowed := s.match(r.Method, r.URL.Path)
	if rt == nil {
		if allowed != "" {
			rec.Header().Set("Allow", allowed)
			writeError(q, http.StatusMethodNotAllowed, "MethodNotAllowed",
				fmt.Sprintf("The requested resource does not support http method '%s'.", r.Method), "")
			return
		}
		s.notFound(q)
		return
	}
	q.params = params
	q.route = rt
	if rt.family == familyARM && !s.armChecks(q) {
		return
	}
	rt.handler(q)
}

// record journals an answered request (and logs it when Options.Logf is set).
func (s *Server) record(q *request, start time.Time, family string) {
	r, rec := q.r, q.w
	entry := JournalEntry{
		Time:        start.UTC(),
		Method:      r.Method,
		Path:        r.URL.Path,
		APIVersion:  r.URL.Query().Get("api-version"),
		Query:       r.URL.RawQuery,
		Status:      rec.status,
		Duration:    time.Since(start),
		UserAgent:   r.UserAgent(),
		IfMatch:     r.Header.Get("If-Match"),
		IfNoneMatch: r.Header.Get("If-None-Match"),
		ErrorCode:   rec.errorCode,
		family:      family,
	}
	if family == familyARM && len(q.body) > 0 {
		entry.RequestBody = journalBody(q.body)
	}
	s.journal.add(entry)
	if s.opts.Logf != nil {
		s.opts.Logf("%s %s %d %s", r.Method, r.URL.RequestURI(), rec.status, time.Since(start).Round(time.Microsecond))
	}
}

// armChecks is what every ARM request passes before its handler: the
// configured read or write latency, ARM's request IDs, the bearer token, the
// api-version and the subscription. It reports whether the request may go on.
func (s *Server) armChecks(q *request) bool {
	s.db.mu.Lock()
	d := s.db.latencyOf(LatencyRead)
	if q.r.Method != http.MethodGet && q.r.Method != http.MethodHead {
		d = s.db.latencyOf(LatencyWrite)
	}
	s.db.mu.Unlock()
	if d > 0 {
		time.Sleep(d)
	}
	q.w.Header().Set("x-ms-request-id", uuid.NewString())
	q.w.Header().Set("x-ms-correlation-request-id", uuid.NewString())
	return s.authenticate(q) && s.checkAPIVersion(q) && s.checkSubscription(q)
}

// notFound answers a path no route knows, in the shape of the family it looks like.
func (s *Server) notFound(q *request) {
	path := strings.Trim(q.r.URL.Path, "/")
	segs := strings.Split(path, "/")
	if len(segs) >= 1 && strings.EqualFold(segs[0], "subscriptions") {
		// ARM: a resource type the emulator does not serve
		for i := 0; i+1 < len(segs); i++ {
			if strings.EqualFold(segs[i], "providers") && i+2 < len(segs) {
				writeError(q, http.StatusNotFound, "InvalidResourceType",
					fmt.Sprintf("The resource type '%s' could not be found in the namespace '%s' for api version '%s'.",
						segs[i+2], segs[i+1], q.r.URL.Query().Get("api-version")), "")
				return
			}
		}
	}
	writeError(q, http.StatusNotFound, "NotFound", fmt.Sprintf("The requested path '%s' was not found.", q.r.URL.Path), "")
}
