package emulator

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
)

type faultRule struct {
	Fault
	re *regexp.Regexp
}

// compileFault checks a fault rule and compiles its path expression.
func compileFault(f Fault) (*faultRule, error) {
	if f.Path == "" {
		return nil, fmt.Errorf("a fault needs a path regular expression")
	}
	re, err := regexp.Compile("(?i)" + f.Path)
	if err != nil {
		return nil, fmt.Errorf("fault path %q: %w", f.Path, err)
	}
	if f.Probability < 0 || f.Probability > 1 {
		return nil, fmt.Errorf("fault probability %v is not between 0 and 1", f.Probability)
	}
	if f.Count < 0 {
		return nil, fmt.Errorf("fault count %d is negative", f.Count)
	}
	if f.Status != 0 && (f.Status < 400 || f.Status > 599) {
		return nil, fmt.Errorf("fault status %d is not an HTTP error status", f.Status)
	}
	if f.Status == 0 && !f.Drop && f.Delay == 0 && !f.FailOperation && !f.LoseAnswer {
		return nil, fmt.Errorf("a fault needs an action: status, delay, drop, loseAnswer or failOperation")
	}
	if f.ID == "" {
		f.ID = uuid.NewString()
	}
	return &faultRule{Fault: f, re: re}, nil
}

// faultSet is the installed fault rules, in the order they were added.
type faultSet struct {
	mu    sync.Mutex
	rules []*faultRule
}

// AddFault installs a fault rule and returns its ID. A rule that is not valid
// (no path, a bad regular expression, no action) is refused with an empty ID;
// the control API reports why.
func (s *Server) AddFault(f Fault) string {
	r, err := compileFault(f)
	if err != nil {
		s.logf("emulator: fault refused: %v", err)
		return ""
	}
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.rules = append(s.faults.rules, r)
	return r.ID
}

// RemoveFault removes one fault rule; it reports whether it existed.
func (s *Server) RemoveFault(id string) bool {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	for i, r := range s.faults.rules {
		if r.ID == id {
			s.faults.rules = append(s.faults.rules[:i], s.faults.rules[i+1:]...)
			return true
		}
	}
	return false
}

// Faults returns the installed fault rules, with their remaining counts.
func (s *Server) Faults() []Fault {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	out := make([]Fault, 0, len(s.faults.rules))
	for _, r := range s.faults.rules {
		out = append(out, r.Fault)
	}
	return out
}

// ClearFaults removes every fault rule.
func (s *Server) ClearFaults() {
	s.faults.mu.Lock()
	defer s.faults.mu.Unlock()
	s.faults.rules = nil
}

func (r *faultRule) matches(q *request) bool {
	if r.Method != "" && !strings.EqualFold(r.Method, q.r.Method) {
		return false
	}
	if r.APIVersion != "" && !strings.EqualFold(r.APIVersion, q.r.URL.Query().Get("api-version")) {
		return false
	}
	return r.re.MatchString(q.r.URL.Path)
}

// take finds the first rule matching q whose kind is wanted, rolls its
// probability and consumes one of its count.
func (fs *faultSet) take(q *request, failOperation bool) *Fault {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for i, r := range fs.rules {
		if r.FailOperation != failOperation || !r.matches(q) {
			continue
		}
		if r.Probability > 0 && rand.Float64() >= r.Probability {
			continue
		}
		f := r.Fault
		if r.Count > 0 {
			r.Count--
			if r.Count == 0 {
				fs.rules = append(fs.rules[:i], fs.rules[i+1:]...)
			}
		}
		return &f
	}
	return nil
}

// applyFaults runs the respond/delay/drop rule matching q, if any. It reports
// whether the request has been answered (or dropped).
func (s *Server) applyFaults(q *request) bool {
	f := s.faults.take(q, false)
	if f == nil {
		return false
	}
	if f.Delay > 0 {
		select {
		case <-time.After(time.Duration(f.Delay)):
		case <-q.r.Context().Done():
			return true
		}
	}
	if f.Drop {
		// Closes the connection without an answer, as a network failure would.
		panic(http.ErrAbortHandler)
	}
	if f.LoseAnswer {
		// The handler runs and its answer goes nowhere; serveHTTP then drops the connection.
		q.w.ResponseWriter = &lostAnswer{header: http.Header{}}
		q.loseAnswer = true
		return false
	}
	if f.Status == 0 {
		return false // a pure delay: carry on
	}
	if f.RetryAfter > 0 {
		q.w.Header().Set("Retry-After", strconv.Itoa(f.RetryAfter))
	}
	code, msg := f.Code, f.Message
	if code == "" {
		code = defaultFaultCode(f.Status)
	}
	if msg == "" {
		msg = http.StatusText(f.Status)
	}
	writeError(q, f.Status, code, msg, "")
	return true
}

func defaultFaultCode(status int) string {
	switch status {
	case http.StatusTooManyRequests:
		return "TooManyRequests"
	case http.StatusInternalServerError:
		return "InternalServerError"
	case http.StatusServiceUnavailable:
		return "ServiceUnavailable"
	case http.StatusConflict:
		return "Conflict"
	}
	return strings.ReplaceAll(http.StatusText(status), " ", "")
}

// lostAnswer is the ResponseWriter of a request whose answer a LoseAnswer fault loses.
type lostAnswer struct{ header http.Header }

func (l *lostAnswer) Header() http.Header { return l.header }

func (l *lostAnswer) Write(b []byte) (int, error) { return len(b), nil }

func (l *lostAnswer) WriteHeader(int) {}
