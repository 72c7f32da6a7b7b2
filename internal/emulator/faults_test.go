package emulator

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// journalFor returns the journal entries of one method and path suffix.
func journalFor(s *Server, method, pathSuffix string) []JournalEntry {
	var out []JournalEntry
	for _, e := range s.Journal() {
		if e.Method == method && strings.HasSuffix(strings.ToLower(e.Path), strings.ToLower(pathSuffix)) {
			out = append(out, e)
		}
	}
	return out
}

func TestFault429WithRetryAfterIsRetriedBySDK(t *testing.T) {
	s := startServer(t)
	createCluster(t, aksClients(t, s, nil), "demo", minimalCluster())
	// the SDK's default retry options: it honours Retry-After up to a minute
	opts := &arm.ClientOptions{ClientOptions: policy.ClientOptions{Cloud: cloudConfig(s), Transport: httpClient(s)}}
	f, err := armcontainerservice.NewClientFactory(DefaultSubscriptionID, secretCredential(t, s), opts)
	if err != nil {
		t.Fatal(err)
	}
	s.ResetJournal()
	if id := s.AddFault(Fault{Method: "GET", Path: "/managedClusters/demo$", Status: 429, RetryAfter: 1, Count: 1}); id == "" {
		t.Fatal("fault refused")
	}
	if _, err := f.NewManagedClustersClient().Get(ctxT(t), "rg-aks-demo", "demo", nil); err != nil {
		t.Fatalf("the SDK didn't get through after the 429: %v", err)
	}
	gets := journalFor(s, "GET", "/managedClusters/demo")
	if len(gets) != 2 || gets[0].Status != 429 || gets[0].ErrorCode != "TooManyRequests" || gets[1].Status != 200 {
		t.Fatalf("journal %+v: want a 429 then a 200", gets)
	}
	if gap := gets[1].Time.Sub(gets[0].Time); gap < 900*time.Millisecond {
		t.Errorf("the SDK retried after %v, before the 1 s Retry-After", gap)
	}
	if len(s.Faults()) != 0 {
		t.Errorf("a count-1 fault is still installed: %+v", s.Faults())
	}
}

func TestFault500IsRetriedThenSurfaces(t *testing.T) {
	s, f := startWithCluster(t)
	s.ResetJournal()
	s.AddFault(Fault{Method: "PUT", Path: "/agentPools/user1$", Status: 500, Count: 2})
	createPool(t, f, "user1", userPool("Standard_D4s_v3", 1))
	puts := journalFor(s, "PUT", "/agentPools/user1")
	if len(puts) != 3 || puts[0].Status != 500 || puts[1].Status != 500 || puts[2].Status != 201 {
		t.Fatalf("PUTs %+v: want 500, 500, 201", puts)
	}

	// an unending 500 reaches the caller after the SDK's retries, as Azure's would
	s.ResetJournal()
	s.AddFault(Fault{Path: "/agentPools/user1$", Method: "GET", Status: 500, Code: "InternalServerError", Message: "boom"})
	_, err := f.NewAgentPoolsClient().Get(ctxT(t), "rg-aks-demo", "demo", "user1", nil)
	re := wantErrResp(t, err, 500, "InternalServerError")
	if !strings.Contains(re.Error(), "boom") {
		t.Errorf("message: %v", err)
	}
	if n := len(journalFor(s, "GET", "/agentPools/user1")); n != 4 {
		t.Errorf("%d GETs, want 1 + 3 retries", n)
	}
}

func TestFaultDroppedConnectionIsRetried(t *testing.T) {
	s, f := startWithCluster(t)
	s.ResetJournal()
	s.AddFault(Fault{Method: "GET", Path: "/managedClusters/demo$", Drop: true, Count: 1})
	if _, err := f.NewManagedClustersClient().Get(ctxT(t), "rg-aks-demo", "demo", nil); err != nil {
		t.Fatalf("after a dropped connection: %v", err)
	}
	gets := journalFor(s, "GET", "/managedClusters/demo")
	if len(gets) != 2 || gets[0].Status != 0 || gets[1].Status != 200 {
		t.Fatalf("journal %+v: want a dropped request (status 0) then a 200", gets)
	}

	// with no retry left, the caller sees a transport error, not an HTTP one
	s.AddFault(Fault{Method: "GET", Path: "/managedClusters/demo$", Drop: true})
	_, err := f.NewManagedClustersClient().Get(ctxT(t), "rg-aks-demo", "demo", nil)
	if err == nil {
		t.Fatal("every connection dropped, yet the GET succeeded")
	}
	var re *azcore.ResponseError
	if errors.As(err, &re) {
		t.Fatalf("a dropped connection surfaced as an HTTP answer: %v", err)
	}
}

func TestFaultFailedOperation(t *testing.T) {
	s, f := startWithCluster(t)
	ctx := ctxT(t)
	s.AddFault(Fault{Method: "PUT", Path: "/agentPools/", FailOperation: true, Code: "QuotaExceeded", Message: "Operation could not be completed as it results in exceeding approved standardDSv3Family Cores quota.", Count: 1})
	p, err := f.NewAgentPoolsClient().BeginCreateOrUpdate(ctx, "rg-aks-demo", "demo", "user1", userPool("Standard_D4s_v3", 1), nil)
	if err != nil {
		t.Fatalf("the request itself must be accepted: %v", err)
	}
	_, err = p.PollUntilDone(ctx, poll)
	re := respErr(t, err)
	if re.ErrorCode != "QuotaExceeded" || !strings.Contains(re.Error(), "Cores quota") {
		t.Fatalf("failed operation reached the SDK as %s: %v", re.ErrorCode, err)
	}
	if st := s.poolState(t, "user1"); st != "Failed" {
		t.Errorf("pool state %q, want Failed", st)
	}
	// the fault was used up: the next operation succeeds and repairs the pool
	fixed := createPool(t, f, "user1", userPool("Standard_D4s_v3", 1))
	if deref(fixed.Properties.ProvisioningState) != "Succeeded" {
		t.Errorf("after a new PUT the pool is %q", deref(fixed.Properties.ProvisioningState))
	}
}

func TestFaultDelayAndAPIVersionMatch(t *testing.T) {
	s, f := startWithCluster(t)
	s.ResetJournal()
	s.AddFault(Fault{Method: "GET", Path: "/managedClusters/demo$", APIVersion: "2099-01-01", Status: 503})            // doesn't match the SDK's version
	s.AddFault(Fault{Method: "GET", Path: "/managedClusters/demo$", Delay: Duration(60 * time.Millisecond), Count: 1}) // does
	if _, err := f.NewManagedClustersClient().Get(ctxT(t), "rg-aks-demo", "demo", nil); err != nil {
		t.Fatal(err)
	}
	gets := journalFor(s, "GET", "/managedClusters/demo")
	if len(gets) != 1 || gets[0].Status != 200 || gets[0].Duration < 60*time.Millisecond {
		t.Fatalf("journal %+v: want one delayed 200", gets)
	}
}

func TestFaultRulesAreValidated(t *testing.T) {
	s := startServer(t)
	for _, f := range []Fault{
		{Path: "("},               // bad expression
		{Path: "/x"},              // no action
		{Path: "/x", Status: 200}, // not an error
		{Path: "/x", Status: 500, Probability: 2}, // not a probability
	} {
		if id := s.AddFault(f); id != "" {
			t.Errorf("fault %+v accepted", f)
		}
	}
	status, _, body := rawRequest(t, s, nil, http.MethodPost, "/_emulator/faults", `{"path":"(","status":500}`, nil)
	if status != 400 || !strings.Contains(string(body), "fault path") {
		t.Errorf("control API accepted a bad fault: %d %s", status, body)
	}
}

// A probability-0.5 rule hits about half the matching requests; 400 tries
// leave a hit count outside 100..300 at odds below one in 10^20.
func TestFaultProbability(t *testing.T) {
	s := startServer(t)
	s.AddFault(Fault{Path: "^/metadata/endpoints$", Status: 503, Probability: 0.5})
	client := httpClient(s)
	hits := 0
	for i := 0; i < 400; i++ {
		resp, err := client.Get(s.URL() + "/metadata/endpoints?api-version=2022-09-01")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode == 503 {
			hits++
		}
	}
	if hits < 100 || hits > 300 {
		t.Fatalf("%d of 400 requests hit a probability-0.5 fault", hits)
	}
}

// A lost answer: the PUT is carried out (the pool exists), the client sees a dropped connection,
// and its retry with If-None-Match: * finds the pool (412).
func TestFaultLostAnswerCarriesTheRequestOut(t *testing.T) {
	s, f := startWithCluster(t)
	ctx := ctxT(t)
	s.ResetJournal()
	s.AddFault(Fault{Method: "PUT", Path: "/agentPools/user1$", LoseAnswer: true, Count: 1})
	_, err := f.NewAgentPoolsClient().BeginCreateOrUpdate(ctx, "rg-aks-demo", "demo", "user1", userPool("Standard_D4s_v3", 1),
		&armcontainerservice.AgentPoolsClientBeginCreateOrUpdateOptions{IfNoneMatch: to.Ptr("*")})
	var re *azcore.ResponseError
	if !errors.As(err, &re) || re.StatusCode != http.StatusPreconditionFailed {
		t.Fatalf("err %v, want the retry's 412", err)
	}
	puts := journalFor(s, "PUT", "/agentPools/user1")
	if len(puts) != 2 || puts[0].Status != http.StatusCreated || puts[1].Status != http.StatusPreconditionFailed {
		t.Fatalf("journal %+v: want the carried-out PUT (201, answer lost) then the retry's 412", puts)
	}
	if _, err := f.NewAgentPoolsClient().Get(ctx, "rg-aks-demo", "demo", "user1", nil); err != nil {
		t.Fatalf("the pool of the lost answer does not exist: %v", err)
	}
}
