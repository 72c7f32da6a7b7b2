package acctest

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// fakeJournal serves fixed entries, so that each check can be shown to pass and to fail.
type fakeJournal []emulator.JournalEntry

func (f fakeJournal) Journal() []emulator.JournalEntry { return f }

const fakeCluster = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks-demo"

// journalOfAnUpdate is what a pool update might leave: authentication, a read, a PUT with
// If-Match, a pool deletion, a credential listing (a read) and a refused write.
var journalOfAnUpdate = fakeJournal{
	{Method: http.MethodGet, Path: "/metadata/endpoints", Status: http.StatusOK},
	{Method: http.MethodPost, Path: "/tenant/oauth2/v2.0/token", Status: http.StatusOK},
	{Method: http.MethodGet, Path: fakeCluster, Status: http.StatusOK, UserAgent: "terraform-provider-aks/acctest", APIVersion: "2025-10-01"},
	{
		Method: http.MethodPut, Path: fakeCluster + "/agentPools/nodepool1", Status: http.StatusOK, IfMatch: `"etag-1"`,
		RequestBody: []byte(`{"properties":{"count":3,"mode":"System","tags":{"team":"web"},"nodeTaints":null}}`),
	},
	{Method: http.MethodDelete, Path: fakeCluster + "/agentPools/old", Query: "ignore-pod-disruption-budget=false", Status: http.StatusOK},
	{Method: http.MethodPost, Path: fakeCluster + "/listClusterUserCredential", Status: http.StatusOK},
	{Method: http.MethodPut, Path: fakeCluster + "/agentPools/busy", Status: http.StatusConflict, ErrorCode: "OperationNotAllowed", IfNoneMatch: "*"},
}

func TestJournalChecksPassAndFail(t *testing.T) {
	j := journalOfAnUpdate
	pools := ARMCall(http.MethodPut, `/agentPools/[^/]+$`)
	nodepool1 := ARMCall(http.MethodPut, `/agentPools/nodepool1$`)
	tests := []struct {
		name    string
		check   JournalCheck
		failure string // "" when the check must pass; else a part of its message
	}{
		{"ARM GETs leave out cloud metadata", ExpectCalls(j, ARMCall(http.MethodGet, ``), 1), ""},
		{"any GETs count cloud metadata", ExpectCalls(j, AnyCall(http.MethodGet, ``), 2), ""},
		{"a wrong count", ExpectCalls(j, ARMCall(http.MethodGet, ``), 2), "expected 2 GET ARM request(s)"},
		{"paths and methods match case-insensitively", ExpectCalls(j, ARMCall("put", `/AGENTPOOLS/nodepool1$`), 1), ""},
		{"any method", ExpectCalls(j, AnyCall("", `/agentPools/`), 3), ""},
		{"a status", ExpectCalls(j, pools.AnsweredWith(http.StatusConflict), 1), ""},
		{"a status not answered", ExpectCalls(j, AnyCall("", ``).AnsweredWith(http.StatusInternalServerError), 1), "saw 0"},
		{"writes leave out reads and read-like POSTs", ExpectCalls(j, Writes(), 3), ""},
		{"at most, reached", ExpectAtMostCalls(j, AnyCall(http.MethodGet, ``), 2), ""},
		{"at most, exceeded", ExpectAtMostCalls(j, AnyCall(http.MethodGet, ``), 1), "at most 1"},
		{"no writes without writes", ExpectNoWrites(j[:3]), ""},
		{"no writes with writes", ExpectNoWrites(j), "agentPools/nodepool1"},
		{"no requests in an empty journal", ExpectNoRequests(fakeJournal{}), ""},
		{"no requests after a token request", ExpectNoRequests(j[1:2]), "oauth2"},
		{"the writes in order", ExpectWrites(j, "PUT aks-demo/agentPools/nodepool1", "DELETE aks-demo/agentPools/old", "PUT aks-demo/agentPools/busy"), ""},
		{"the writes in another order", ExpectWrites(j, "DELETE aks-demo/agentPools/old", "PUT aks-demo/agentPools/nodepool1", "PUT aks-demo/agentPools/busy"), "want:"},
		{"a write missing", ExpectWrites(j, "PUT aks-demo/agentPools/nodepool1"), "want:"},
		{"one request passing its checks", ExpectOne(j, nodepool1, IfMatchETag(), BodyValue(tfjsonpath.New("properties").AtMapKey("count"), knownvalue.Int64Exact(3))), ""},
		{"one request failing a check", ExpectOne(j, nodepool1, BodyValue(tfjsonpath.New("properties").AtMapKey("count"), knownvalue.Int64Exact(4))), "agentPools/nodepool1: request body at properties.count"},
		{"one request of two", ExpectOne(j, pools), "expected exactly 1"},
		{"one request of none", ExpectOne(j, ARMCall(http.MethodPatch, ``)), "saw 0"},
		{"each request passing", ExpectEach(j, ARMCall(http.MethodDelete, `/agentPools/`), QueryContains("ignore-pod-disruption-budget=false")), ""},
		{"each request, one failing", ExpectEach(j, pools, Succeeded()), "answered 409 OperationNotAllowed"},
		{"each request of none", ExpectEach(j, ARMCall(http.MethodPatch, ``)), "saw none"},
		{"some request", ExpectEach(j, AnyCall(http.MethodPost, `/oauth2/v2\.0/token$`)), ""},
		{"all passing", All(ExpectNoWrites(j[:3]), ExpectCalls(j, Writes(), 3)), ""},
		{"all, the second failing", All(ExpectNoWrites(j[:3]), ExpectNoRequests(j[:3])), "expected no requests"},
		{"named, passing", ExpectNoWrites(j[:3]).Named("a read"), ""},
		{"named, failing", ExpectNoWrites(j).Named("an update"), "an update: expected no writes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			expectOutcome(t, tc.check.Err(), tc.failure)
		})
	}
}

func TestRequestChecksPassAndFail(t *testing.T) {
	read, put, del, conflict := journalOfAnUpdate[2], journalOfAnUpdate[3], journalOfAnUpdate[4], journalOfAnUpdate[6]
	props := func(key string) tfjsonpath.Path { return tfjsonpath.New("properties").AtMapKey(key) }
	tests := []struct {
		name    string
		check   RequestCheck
		entry   emulator.JournalEntry
		failure string
	}{
		{"succeeded", Succeeded(), put, ""},
		{"refused", Succeeded(), conflict, "answered 409"},
		{"user agent", UserAgentMatches(regexp.MustCompile(`^terraform-provider-aks/`)), read, ""},
		{"another user agent", UserAgentMatches(regexp.MustCompile(`^azsdk`)), read, "User-Agent"},
		{"api-version", APIVersion("2025-10-01"), read, ""},
		{"another api-version", APIVersion("2024-01-01"), read, "api-version"},
		{"If-Match an ETag", IfMatchETag(), put, ""},
		{"no If-Match", IfMatchETag(), del, "If-Match"},
		{"If-Match any", IfMatchETag(), emulator.JournalEntry{IfMatch: "*"}, `If-Match "*"`},
		{"If-None-Match", IfNoneMatch("*"), conflict, ""},
		{"no If-None-Match", IfNoneMatch("*"), put, "If-None-Match"},
		{"query", QueryContains("ignore-pod-disruption-budget=false"), del, ""},
		{"another query", QueryContains("ignore-pod-disruption-budget=true"), del, "query"},
		{"a body string", BodyValue(props("mode"), knownvalue.StringExact("System")), put, ""},
		{"a body map key", BodyValue(props("tags").AtMapKey("team"), knownvalue.StringExact("web")), put, ""},
		{"another body string", BodyValue(props("mode"), knownvalue.StringExact("User")), put, "properties.mode"},
		{"a body value missing", BodyValue(props("osSKU"), knownvalue.StringExact("Ubuntu")), put, "osSKU not found"},
		{"no body", BodyValue(props("mode"), knownvalue.NotNull()), del, "decoding the request body"},
		{"nothing at a path", NoBodyValue(props("eTag")), put, ""},
		{"null at a path", NoBodyValue(props("nodeTaints")), put, "want nothing there"},
		{"a value at a path", NoBodyValue(props("count")), put, "want nothing there"},
		{"text omitted", BodyOmits("nodeImageVersion"), put, ""},
		{"text present", BodyOmits("team"), put, `contains "team"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			expectOutcome(t, tc.check(tc.entry), tc.failure)
		})
	}
}

func TestCallMatcherRefusesABrokenPattern(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("ARMCall accepted a broken regular expression")
		}
	}()
	ARMCall(http.MethodGet, "(")
}

// A JournalCheck reports the same outcome as a state check, a plan check, a TestCheckFunc and
// through Require.
func TestJournalCheckAdapters(t *testing.T) {
	for _, tc := range []struct {
		check   JournalCheck
		failure string
	}{
		{ExpectNoWrites(fakeJournal{}), ""},
		{ExpectNoWrites(journalOfAnUpdate), "expected no writes"},
	} {
		stateResp := &statecheck.CheckStateResponse{}
		tc.check.CheckState(t.Context(), statecheck.CheckStateRequest{}, stateResp)
		expectOutcome(t, stateResp.Error, tc.failure)

		planResp := &plancheck.CheckPlanResponse{}
		tc.check.CheckPlan(t.Context(), plancheck.CheckPlanRequest{}, planResp)
		expectOutcome(t, planResp.Error, tc.failure)

		expectOutcome(t, tc.check.TestCheck(nil), tc.failure)

		tb := &recordingTB{TB: t}
		tc.check.Require(tb)
		if got := tb.fatal; (tc.failure == "") != (got == "") || !strings.Contains(got, tc.failure) {
			t.Errorf("Require: t.Fatal(%q), want a message with %q", got, tc.failure)
		}
	}
}

// recordingTB records t.Fatal instead of ending the test.
type recordingTB struct {
	testing.TB
	fatal string
}

func (r *recordingTB) Helper()           {}
func (r *recordingTB) Fatal(args ...any) { r.fatal = fmt.Sprint(args...) }

func expectOutcome(t *testing.T, err error, failure string) {
	t.Helper()
	switch {
	case failure == "" && err != nil:
		t.Errorf("want success, got %v", err)
	case failure != "" && err == nil:
		t.Errorf("want a failure with %q, got success", failure)
	case failure != "" && !strings.Contains(err.Error(), failure):
		t.Errorf("want a failure with %q, got %v", failure, err)
	}
}
