package acctest

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// WriteCalls returns the journal entries that changed (or tried to change) ARM state.
func WriteCalls(srv *emulator.Server) []emulator.JournalEntry {
	var writes []emulator.JournalEntry
	for _, e := range srv.Journal() {
		if e.IsWrite() {
			writes = append(writes, e)
		}
	}
	return writes
}

// MatchingCalls returns the journal entries whose method equals method (any method when "") and
// whose path matches the regular expression pathPattern (case-insensitively, as ARM routes).
func MatchingCalls(srv *emulator.Server, method, pathPattern string) ([]emulator.JournalEntry, error) {
	re, err := regexp.Compile("(?i)" + pathPattern)
	if err != nil {
		return nil, fmt.Errorf("path pattern %q: %w", pathPattern, err)
	}
	var matches []emulator.JournalEntry
	for _, e := range srv.Journal() {
		if (method == "" || strings.EqualFold(e.Method, method)) && re.MatchString(e.Path) {
			matches = append(matches, e)
		}
	}
	return matches, nil
}

// ExpectNoWrites fails when the emulator saw any write since its journal was last reset.
func ExpectNoWrites(srv *emulator.Server) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if writes := WriteCalls(srv); len(writes) > 0 {
			return fmt.Errorf("expected no writes, the emulator saw %d:\n%s", len(writes), FormatJournal(writes))
		}
		return nil
	}
}

// ExpectCallCount fails unless the emulator saw exactly n requests matching method and the
// path regular expression since its journal was last reset.
func ExpectCallCount(srv *emulator.Server, method, pathPattern string, n int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		return checkCallCount(srv, method, pathPattern, n)
	}
}

// PlanExpectCallCount is ExpectCallCount as a plan check, for ConfigPlanChecks (PreApply,
// PostApplyPreRefresh, ...): it counts the requests made up to that point of the step.
func PlanExpectCallCount(srv *emulator.Server, method, pathPattern string, n int) plancheck.PlanCheck {
	return callCountPlanCheck{srv: srv, method: method, pathPattern: pathPattern, n: n}
}

type callCountPlanCheck struct {
	srv         *emulator.Server
	method      string
	pathPattern string
	n           int
}

func (c callCountPlanCheck) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = checkCallCount(c.srv, c.method, c.pathPattern, c.n)
}

func checkCallCount(srv *emulator.Server, method, pathPattern string, n int) error {
	matches, err := MatchingCalls(srv, method, pathPattern)
	if err != nil {
		return err
	}
	if len(matches) != n {
		what := method
		if what == "" {
			what = "any method"
		}
		return fmt.Errorf("expected %d %s request(s) on paths matching %q, the emulator saw %d; its whole journal:\n%s",
			n, what, pathPattern, len(matches), FormatJournal(srv.Journal()))
	}
	return nil
}

// RequireNoRequests fails the test when the emulator saw any request at all (Entra ID, cloud
// metadata or ARM): what a configuration rejected at plan time must never cause.
func RequireNoRequests(t *testing.T, srv *emulator.Server) {
	t.Helper()
	if journal := srv.Journal(); len(journal) > 0 {
		t.Fatalf("expected no requests to the emulator, it saw %d:\n%s", len(journal), FormatJournal(journal))
	}
}

// ResetJournal returns a PreConfig function that empties the journal before a step, so that the
// step's checks count only its own requests.
func ResetJournal(srv *emulator.Server) func() {
	return srv.ResetJournal
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
