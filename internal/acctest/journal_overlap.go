package acctest

import (
	"crypto/tls"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// Checks on when the emulator's long-running operations ran, from the start and end times the
// emulator records for each (its state, read through the control API): whether pool operations
// ran at once, and whether a cluster operation ever overlapped a pool operation. They count the
// operations that started since the journal was last reset (at or after its first entry), so a
// step that resets the journal in its PreConfig sees its own operations only.

// Operation is one long-running operation the emulator ran.
type Operation struct {
	ResourceID string     `json:"resourceId"`
	Target     string     `json:"target"` // managedCluster, agentPool, ...
	Action     string     `json:"action"` // the provisioning state meanwhile: Creating, Updating, Scaling, Deleting, ...
	Status     string     `json:"status"`
	Start      time.Time  `json:"startTime"`
	End        *time.Time `json:"endTime,omitempty"`
}

func (o Operation) String() string {
	end := "running"
	if o.End != nil {
		end = o.End.Format("15:04:05.000")
	}
	return fmt.Sprintf("%s %s %s-%s", o.Action, o.ResourceID, o.Start.Format("15:04:05.000"), end)
}

// overlaps reports whether o and p ran at the same time; a running operation has no end yet.
func (o Operation) overlaps(p Operation) bool {
	return (o.End == nil || p.Start.Before(*o.End)) && (p.End == nil || o.Start.Before(*p.End))
}

// OperationMatcher selects operations; build one with PoolOperation or ClusterOperation.
type OperationMatcher struct {
	target string
	action string         // "" for any
	id     *regexp.Regexp // nil for any resource
}

// PoolOperation matches agent pool operations with action ("" for any) on pools whose ARM ID
// matches the regular expression idPattern (case-insensitively; "" for any pool).
func PoolOperation(action, idPattern string) OperationMatcher {
	m := OperationMatcher{target: "agentPool", action: action}
	if idPattern != "" {
		m.id = regexp.MustCompile("(?i)" + idPattern)
	}
	return m
}

// ClusterOperation matches managed cluster operations with action ("" for any).
func ClusterOperation(action string) OperationMatcher {
	return OperationMatcher{target: "managedCluster", action: action}
}

func (m OperationMatcher) matches(o Operation) bool {
	return strings.EqualFold(o.Target, m.target) && (m.action == "" || strings.EqualFold(o.Action, m.action)) &&
		(m.id == nil || m.id.MatchString(o.ResourceID))
}

func (m OperationMatcher) String() string {
	s := m.target + " operations"
	if m.action != "" {
		s = m.action + " " + s
	}
	if m.id != nil {
		s += fmt.Sprintf(" on IDs matching %q", strings.TrimPrefix(m.id.String(), "(?i)"))
	}
	return s
}

// Operations returns the long-running operations srv's state holds that started since its journal
// was last reset, by start time.
func Operations(srv *emulator.Server) ([]Operation, error) {
	journal := srv.Journal()
	if len(journal) == 0 {
		return nil, nil
	}
	since := journal[0].Time
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: tlsConfig(srv)}}
	resp, err := client.Get(srv.URL() + "/_emulator/state")
	if err != nil {
		return nil, fmt.Errorf("reading the emulator's operations: %w", err)
	}
	defer resp.Body.Close()
	var state struct {
		Operations map[string]Operation `json:"operations"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&state); err != nil {
		return nil, fmt.Errorf("reading the emulator's operations: %w", err)
	}
	var out []Operation
	for _, o := range state.Operations {
		if !o.Start.Before(since) {
			out = append(out, o)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out, nil
}

// tlsConfig trusts srv's CA only.
func tlsConfig(srv *emulator.Server) *tls.Config {
	return &tls.Config{RootCAs: srv.CA().Pool(), MinVersion: tls.VersionTLS12}
}

func selectOperations(srv *emulator.Server, m OperationMatcher) ([]Operation, error) {
	all, err := Operations(srv)
	if err != nil {
		return nil, err
	}
	var out []Operation
	for _, o := range all {
		if m.matches(o) {
			out = append(out, o)
		}
	}
	return out, nil
}

// mostAtOnce is the largest number of ops that ran at one instant.
func mostAtOnce(ops []Operation) int {
	most := 0
	for _, o := range ops { // the most at once is reached at some operation's start
		n := 0
		for _, p := range ops {
			if !p.Start.After(o.Start) && (p.End == nil || p.End.After(o.Start)) {
				n++
			}
		}
		most = max(most, n)
	}
	return most
}

func formatOperations(ops []Operation) string {
	var b strings.Builder
	for _, o := range ops {
		fmt.Fprintf(&b, "  %s\n", o)
	}
	return b.String()
}

// ExpectConcurrentOperations fails unless at some instant at least n operations matching m ran
// at once in srv.
func ExpectConcurrentOperations(srv *emulator.Server, m OperationMatcher, n int) JournalCheck {
	return JournalCheck{verify: func() error {
		ops, err := selectOperations(srv, m)
		if err != nil {
			return err
		}
		if got := mostAtOnce(ops); got < n {
			return fmt.Errorf("expected at least %d %s at once, at most %d ran at once:\n%s", n, m, got, formatOperations(ops))
		}
		return nil
	}}
}

// ExpectAtMostConcurrentOperations fails when more than n operations matching m ran at once.
func ExpectAtMostConcurrentOperations(srv *emulator.Server, m OperationMatcher, n int) JournalCheck {
	return JournalCheck{verify: func() error {
		ops, err := selectOperations(srv, m)
		if err != nil {
			return err
		}
		if got := mostAtOnce(ops); got > n {
			return fmt.Errorf("expected at most %d %s at once, %d ran at once:\n%s", n, m, got, formatOperations(ops))
		}
		return nil
	}}
}

// ExpectNoOverlap fails when an operation matching a ran at the same time as another operation
// matching b, or when two operations on the same resource overlapped (AKS runs one at a time per
// pool or cluster).
func ExpectNoOverlap(srv *emulator.Server, a, b OperationMatcher) JournalCheck {
	return JournalCheck{verify: func() error {
		all, err := Operations(srv)
		if err != nil {
			return err
		}
		for i, o := range all {
			for j, p := range all {
				if i >= j || !o.overlaps(p) {
					continue
				}
				if (a.matches(o) && b.matches(p)) || (a.matches(p) && b.matches(o)) || strings.EqualFold(o.ResourceID, p.ResourceID) {
					return fmt.Errorf("%s and %s overlapped:\n  %s\n  %s\nall operations:\n%s", a, b, o, p, formatOperations(all))
				}
			}
		}
		return nil
	}}
}

// ExpectNoFailedWrites fails when a write of j's journal (PUT, PATCH, DELETE, POST) was answered
// with an error status, such as a 409 OperationNotAllowed for a write the provider should have
// held back.
func ExpectNoFailedWrites(j Journal) JournalCheck {
	return JournalCheck{verify: func() error {
		for _, e := range Writes().In(j) {
			if e.Status >= http.StatusBadRequest {
				return fmt.Errorf("a write failed: %s %s -> %d %s; the whole journal:\n%s", e.Method, e.Path, e.Status, e.ErrorCode, FormatJournal(j.Journal()))
			}
		}
		return nil
	}}
}
