package acctest

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// Journal is what the journal checks read: the requests an emulator served since its journal was
// last reset. *emulator.Server is one.
type Journal interface {
	Journal() []emulator.JournalEntry
}

// CallMatcher selects entries of the emulator's journal. Build one with ARMCall, AnyCall or
// Writes; the zero value matches every request.
type CallMatcher struct {
	method  string         // "" for any method
	path    *regexp.Regexp // nil for any path
	armOnly bool           // only ARM requests (paths under /subscriptions/)
	writes  bool           // only requests that changed, or tried to change, ARM state
	status  int            // only requests answered with this status; 0 for any
}

// ARMCall matches the ARM requests (paths under /subscriptions/, so no Entra ID or cloud metadata
// request) with method ("" for any) whose path matches the regular expression pathPattern,
// case-insensitively as ARM routes. An empty pattern matches every path.
func ARMCall(method, pathPattern string) CallMatcher {
	m := AnyCall(method, pathPattern)
	m.armOnly = true
	return m
}

// AnyCall matches the requests of any kind (Entra ID, cloud metadata or ARM) with method ("" for
// any) whose path matches the regular expression pathPattern, case-insensitively. A pattern that
// does not compile panics: it is a mistake in the test.
func AnyCall(method, pathPattern string) CallMatcher {
	return CallMatcher{method: method, path: regexp.MustCompile("(?i)" + pathPattern)}
}

// Writes matches the requests that changed, or tried to change, ARM state: PUT, PATCH, DELETE and
// POST except the read-like credential actions (emulator.JournalEntry.IsWrite).
func Writes() CallMatcher { return CallMatcher{writes: true} }

// AnsweredWith narrows m to the requests the emulator answered with status.
func (m CallMatcher) AnsweredWith(status int) CallMatcher {
	m.status = status
	return m
}

// matches reports whether m selects the journal entry e.
func (m CallMatcher) matches(e emulator.JournalEntry) bool {
	switch {
	case m.method != "" && !strings.EqualFold(e.Method, m.method):
		return false
	case m.path != nil && !m.path.MatchString(e.Path):
		return false
	case m.armOnly && !strings.HasPrefix(strings.ToLower(e.Path), "/subscriptions/"):
		return false
	case m.writes && !e.IsWrite():
		return false
	case m.status != 0 && e.Status != m.status:
		return false
	}
	return true
}

// In returns the entries of j's journal that m selects, in the order they were served.
func (m CallMatcher) In(j Journal) []emulator.JournalEntry {
	var matches []emulator.JournalEntry
	for _, e := range j.Journal() {
		if m.matches(e) {
			matches = append(matches, e)
		}
	}
	return matches
}

// String describes m in failure messages.
func (m CallMatcher) String() string {
	var b strings.Builder
	switch {
	case m.writes:
		b.WriteString("write")
	case m.method == "":
		b.WriteString("any-method")
	default:
		b.WriteString(m.method)
	}
	if m.armOnly {
		b.WriteString(" ARM")
	}
	b.WriteString(" request(s)")
	if m.path != nil {
		fmt.Fprintf(&b, " on paths matching %q", strings.TrimPrefix(m.path.String(), "(?i)"))
	}
	if m.status != 0 {
		fmt.Fprintf(&b, " answered %d", m.status)
	}
	return b.String()
}

// FormatJournal renders journal entries one per line for failure messages.
func FormatJournal(entries []emulator.JournalEntry) string {
	var b strings.Builder
	for _, e := range entries {
		fmt.Fprintf(&b, "  %s %s", e.Method, e.Path)
		if e.APIVersion != "" {
			fmt.Fprintf(&b, "?api-version=%s", e.APIVersion)
		}
		fmt.Fprintf(&b, " -> %d", e.Status)
		if e.ErrorCode != "" {
			fmt.Fprintf(&b, " %s", e.ErrorCode)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// writeSequence renders each write as "METHOD path", the path from after "/managedClusters/" when
// it has that segment ("PUT aks-demo/agentPools/nodepool1"), else whole.
func writeSequence(entries []emulator.JournalEntry) []string {
	var out []string
	for _, e := range entries {
		path := e.Path
		if i := strings.Index(strings.ToLower(path), "/managedclusters/"); i >= 0 {
			path = path[i+len("/managedclusters/"):]
		}
		out = append(out, e.Method+" "+path)
	}
	return out
}
