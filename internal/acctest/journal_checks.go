package acctest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// JournalCheck is an expectation on the emulator's journal, read when the check runs, so that a
// step counts only its own requests when its PreConfig resets the journal (srv.ResetJournal).
// One value serves wherever a test checks:
//   - in a step's ConfigStateChecks (a statecheck.StateCheck): after apply, with the apply's requests;
//   - in ConfigPlanChecks (a plancheck.PlanCheck): with the requests made up to that plan;
//   - in TestCase.CheckDestroy, through its TestCheck method;
//   - directly, through Err or Require, in a PreConfig or after resource.Test.
type JournalCheck struct {
	verify func() error
}

var (
	_ statecheck.StateCheck = JournalCheck{}
	_ plancheck.PlanCheck   = JournalCheck{}
)

// CheckState implements statecheck.StateCheck; the state itself is not read.
func (c JournalCheck) CheckState(_ context.Context, _ statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = c.Err()
}

// CheckPlan implements plancheck.PlanCheck; the plan itself is not read.
func (c JournalCheck) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = c.Err()
}

// TestCheck is the check as a resource.TestCheckFunc, for TestCase.CheckDestroy, which takes no
// state checks.
func (c JournalCheck) TestCheck(*terraform.State) error { return c.Err() }

// Err runs the check and returns why it failed, or nil.
func (c JournalCheck) Err() error { return c.verify() }

// Require fails the test at once when the check fails.
func (c JournalCheck) Require(t testing.TB) {
	t.Helper()
	if err := c.Err(); err != nil {
		t.Fatal(err)
	}
}

// ExpectCalls fails unless exactly n requests of j's journal match m.
func ExpectCalls(j Journal, m CallMatcher, n int) JournalCheck {
	return JournalCheck{verify: func() error {
		if got := len(m.In(j)); got != n {
			return fmt.Errorf("expected %d %s, the emulator saw %d; its whole journal:\n%s", n, m, got, FormatJournal(j.Journal()))
		}
		return nil
	}}
}

// ExpectAtMostCalls fails when more than n requests of j's journal match m.
func ExpectAtMostCalls(j Journal, m CallMatcher, n int) JournalCheck {
	return JournalCheck{verify: func() error {
		if matches := m.In(j); len(matches) > n {
			return fmt.Errorf("expected at most %d %s, the emulator saw %d:\n%s", n, m, len(matches), FormatJournal(matches))
		}
		return nil
	}}
}

// ExpectNoWrites fails when the journal holds any write (see Writes).
func ExpectNoWrites(j Journal) JournalCheck {
	return JournalCheck{verify: func() error {
		if writes := Writes().In(j); len(writes) > 0 {
			return fmt.Errorf("expected no writes, the emulator saw %d:\n%s", len(writes), FormatJournal(writes))
		}
		return nil
	}}
}

// ExpectNoRequests fails when the journal holds any request at all (Entra ID, cloud metadata or
// ARM): what a configuration refused before the provider authenticates must never cause.
func ExpectNoRequests(j Journal) JournalCheck {
	return JournalCheck{verify: func() error {
		if journal := j.Journal(); len(journal) > 0 {
			return fmt.Errorf("expected no requests to the emulator, it saw %d:\n%s", len(journal), FormatJournal(journal))
		}
		return nil
	}}
}

// ExpectWrites fails unless the journal's writes are exactly want, in order, each written
// "METHOD path" with the path from after "/managedClusters/" when it has that segment:
// "PUT aks-demo" for a cluster, "DELETE aks-demo/agentPools/nodepool1" for one of its pools.
func ExpectWrites(j Journal, want ...string) JournalCheck {
	return JournalCheck{verify: func() error {
		got := writeSequence(Writes().In(j))
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			return fmt.Errorf("writes:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
		}
		return nil
	}}
}

// ExpectOne fails unless exactly one request of the journal matches m and it passes every check.
func ExpectOne(j Journal, m CallMatcher, checks ...RequestCheck) JournalCheck {
	return JournalCheck{verify: func() error {
		matches := m.In(j)
		if len(matches) != 1 {
			return fmt.Errorf("expected exactly 1 %s, the emulator saw %d:\n%s", m, len(matches), FormatJournal(matches))
		}
		return checkRequest(matches[0], checks)
	}}
}

// ExpectEach fails unless at least one request of the journal matches m and every one that does
// passes every check; with no checks, it expects some matching request.
func ExpectEach(j Journal, m CallMatcher, checks ...RequestCheck) JournalCheck {
	return JournalCheck{verify: func() error {
		matches := m.In(j)
		if len(matches) == 0 {
			return fmt.Errorf("expected some %s, the emulator saw none; its whole journal:\n%s", m, FormatJournal(j.Journal()))
		}
		for _, e := range matches {
			if err := checkRequest(e, checks); err != nil {
				return err
			}
		}
		return nil
	}}
}

// All passes when every check passes, and reports the first failure: for a Check that must read
// the journal before the plan that follows (a RefreshState step's), or to name a group of checks.
func All(checks ...JournalCheck) JournalCheck {
	return JournalCheck{verify: func() error {
		for _, c := range checks {
			if err := c.Err(); err != nil {
				return err
			}
		}
		return nil
	}}
}

// Named returns c with its failures prefixed by name, for checks built in a loop.
func (c JournalCheck) Named(name string) JournalCheck {
	return JournalCheck{verify: func() error {
		if err := c.Err(); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return nil
	}}
}

func checkRequest(e emulator.JournalEntry, checks []RequestCheck) error {
	for _, check := range checks {
		if err := check(e); err != nil {
			return fmt.Errorf("%s %s: %w", e.Method, e.Path, err)
		}
	}
	return nil
}
