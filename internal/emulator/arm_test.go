package emulator

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	armruntime "github.com/Azure/azure-sdk-for-go/sdk/azcore/arm/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
)

// armPipeline is azcore's own ARM pipeline (bearer token, retries, RP
// registration), for the operations with no typed client in go.mod
// (resource groups, subscriptions, providers).
func armPipeline(t testing.TB, s *Server) runtime.Pipeline {
	t.Helper()
	pl, err := armruntime.NewPipeline("emulatortest", "v0", secretCredential(t, s), runtime.PipelineOptions{}, armOptions(s))
	if err != nil {
		t.Fatal(err)
	}
	return pl
}

// armDo sends one request through the pipeline and decodes a JSON answer into out (if not nil).
func armDo(t testing.TB, s *Server, pl runtime.Pipeline, method, path string, body any, out any) *http.Response {
	t.Helper()
	req, err := runtime.NewRequest(ctxT(t), method, s.URL()+path)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		if err := runtime.MarshalAsJSON(req, body); err != nil {
			t.Fatal(err)
		}
	}
	resp, err := pl.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if out != nil {
		if err := runtime.UnmarshalAsJSON(resp, out); err != nil {
			t.Fatal(err)
		}
	}
	return resp
}

const rgAPI = "?api-version=2021-04-01"

func TestResourceGroups(t *testing.T) {
	s := startServer(t, func(o *Options) { o.PageSize = 1 })
	pl := armPipeline(t, s)
	base := "/subscriptions/" + DefaultSubscriptionID + "/resourcegroups"

	var rg resourceGroup
	resp := armDo(t, s, pl, http.MethodPut, base+"/rg-new"+rgAPI, map[string]any{"location": "West Europe", "tags": map[string]string{"a": "b"}}, &rg)
	if resp.StatusCode != 201 || rg.Location != "westeurope" || rg.Properties.ProvisioningState != "Succeeded" || rg.ID != "/subscriptions/"+DefaultSubscriptionID+"/resourceGroups/rg-new" {
		t.Fatalf("PUT: %d %+v", resp.StatusCode, rg)
	}
	if resp := armDo(t, s, pl, http.MethodPut, base+"/rg-new"+rgAPI, map[string]any{"location": "westeurope"}, nil); resp.StatusCode != 200 {
		t.Errorf("second PUT: %d, want 200", resp.StatusCode)
	}
	if resp := armDo(t, s, pl, http.MethodHead, base+"/RG-NEW"+rgAPI, nil, nil); resp.StatusCode != 204 {
		t.Errorf("HEAD existing: %d", resp.StatusCode)
	}
	if resp := armDo(t, s, pl, http.MethodHead, base+"/rg-absent"+rgAPI, nil, nil); resp.StatusCode != 404 {
		t.Errorf("HEAD absent: %d", resp.StatusCode)
	}
	var patched resourceGroup
	armDo(t, s, pl, http.MethodPatch, base+"/rg-new"+rgAPI, map[string]any{"tags": map[string]string{"c": "d"}}, &patched)
	if patched.Tags["c"] != "d" || len(patched.Tags) != 1 {
		t.Errorf("PATCH tags: %v", patched.Tags)
	}

	// paging: one group per page, followed through nextLink
	var names []string
	next := s.URL() + base + rgAPI
	for next != "" {
		req, _ := runtime.NewRequest(ctxT(t), http.MethodGet, next)
		resp, err := pl.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var page struct {
			Value    []resourceGroup `json:"value"`
			NextLink string          `json:"nextLink"`
		}
		if err := runtime.UnmarshalAsJSON(resp, &page); err != nil {
			t.Fatal(err)
		}
		if len(page.Value) > 1 {
			t.Fatalf("page of %d with PageSize 1", len(page.Value))
		}
		for _, v := range page.Value {
			names = append(names, v.Name)
		}
		next = page.NextLink
	}
	if strings.Join(names, ",") != "rg-aks-demo,rg-aks-test,rg-new" {
		t.Errorf("listed %v", names)
	}

	// deletion is a long-running operation polled through Location
	resp = armDo(t, s, pl, http.MethodDelete, base+"/rg-new"+rgAPI, nil, nil)
	if resp.StatusCode != 202 || resp.Header.Get("Location") == "" {
		t.Fatalf("DELETE: %d, Location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	poller, err := runtime.NewPoller[struct{}](resp, pl, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := poller.PollUntilDone(ctxT(t), poll); err != nil {
		t.Fatal(err)
	}
	resp = armDo(t, s, pl, http.MethodGet, base+"/rg-new"+rgAPI, nil, nil)
	if resp.StatusCode != 404 {
		t.Errorf("GET after delete: %d", resp.StatusCode)
	}
}

func TestDeletingAResourceGroupDeletesItsClusters(t *testing.T) {
	s := startServer(t)
	f := aksClients(t, s, nil)
	ctx := ctxT(t)
	p, err := f.NewManagedClustersClient().BeginCreateOrUpdate(ctx, "rg-aks-test", "doomed", minimalCluster(), nil)
	if err != nil {
		t.Fatal(err)
	}
	mc, err := p.PollUntilDone(ctx, poll)
	if err != nil {
		t.Fatal(err)
	}
	pl := armPipeline(t, s)
	nodeRG := "/subscriptions/" + DefaultSubscriptionID + "/resourcegroups/" + deref(mc.Properties.NodeResourceGroup) + rgAPI
	if resp := armDo(t, s, pl, http.MethodHead, nodeRG, nil, nil); resp.StatusCode != 204 {
		t.Fatalf("node resource group %s missing: %d", deref(mc.Properties.NodeResourceGroup), resp.StatusCode)
	}
	resp := armDo(t, s, pl, http.MethodDelete, "/subscriptions/"+DefaultSubscriptionID+"/resourcegroups/rg-aks-test"+rgAPI, nil, nil)
	poller, err := runtime.NewPoller[struct{}](resp, pl, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := poller.PollUntilDone(ctx, poll); err != nil {
		t.Fatal(err)
	}
	_, err = f.NewManagedClustersClient().Get(ctx, "rg-aks-test", "doomed", nil)
	wantErr(t, err, 404, "ResourceGroupNotFound")
	if resp := armDo(t, s, pl, http.MethodHead, nodeRG, nil, nil); resp.StatusCode != 404 {
		t.Errorf("the node resource group outlived its cluster: %d", resp.StatusCode)
	}
}

func TestSubscriptionsAndProviders(t *testing.T) {
	s := startServer(t)
	pl := armPipeline(t, s)
	var sub map[string]any
	armDo(t, s, pl, http.MethodGet, "/subscriptions/"+DefaultSubscriptionID+"?api-version=2022-12-01", nil, &sub)
	if sub["subscriptionId"] != DefaultSubscriptionID || sub["tenantId"] != DefaultTenantID || sub["state"] != "Enabled" {
		t.Errorf("subscription %v", sub)
	}
	var list struct {
		Value []map[string]any `json:"value"`
	}
	armDo(t, s, pl, http.MethodGet, "/subscriptions?api-version=2022-12-01", nil, &list)
	if len(list.Value) != 1 {
		t.Errorf("subscriptions %v", list.Value)
	}
	var prov map[string]any
	armDo(t, s, pl, http.MethodGet, "/subscriptions/"+DefaultSubscriptionID+"/providers/microsoft.containerservice?api-version=2019-05-01", nil, &prov)
	if prov["namespace"] != "Microsoft.ContainerService" || prov["registrationState"] != "Registered" {
		t.Errorf("provider %v", prov)
	}
}

// A subscription not registered for Microsoft.ContainerService: azcore's
// registration policy sees the 409, registers the provider and retries.
func TestUnregisteredProviderIsRegisteredBySDK(t *testing.T) {
	seed := filepath.Join(t.TempDir(), "seed.json")
	raw, _ := json.Marshal(Seed{Subscriptions: []SeedSubscription{{
		ID: DefaultSubscriptionID, TenantID: DefaultTenantID, Providers: map[string]string{"Microsoft.ContainerService": "NotRegistered"},
	}}})
	if err := os.WriteFile(seed, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	s := startServer(t, func(o *Options) { o.SeedFile = seed })
	createCluster(t, aksClients(t, s, nil), "demo", minimalCluster())
	var sawConflict, sawRegister bool
	for _, e := range s.Journal() {
		sawConflict = sawConflict || (e.Status == 409 && e.ErrorCode == "MissingSubscriptionRegistration")
		sawRegister = sawRegister || (e.Method == "POST" && strings.HasSuffix(strings.ToLower(e.Path), "/providers/microsoft.containerservice/register"))
	}
	if !sawConflict || !sawRegister {
		t.Errorf("journal lacks the 409 (%v) or the registration (%v)", sawConflict, sawRegister)
	}
}

func TestAPIVersionRules(t *testing.T) {
	s := startServer(t)
	cred := secretCredential(t, s)
	sub := "/subscriptions/" + DefaultSubscriptionID
	for _, c := range []struct {
		path   string
		status int
		code   string
	}{
		{sub + "/resourcegroups", 400, "MissingApiVersionParameter"},
		{sub + "/resourcegroups?api-version=1999-01-01", 400, "InvalidApiVersionParameter"},
		{sub + "/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters?api-version=2017-08-31", 400, "NoRegisteredProviderFound"},
		{sub + "/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters?api-version=2024-01-01", 200, ""},
		{sub + "/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters?api-version=2025-10-01", 200, ""},
		{sub + "/providers/Microsoft.Compute/skus?api-version=2021-07-01&$filter=location%20eq%20'eastus'", 200, ""},
		{sub + "/providers/Microsoft.Compute/skus?api-version=2025-10-01", 400, "NoRegisteredProviderFound"},
		// paths are case-insensitive
		{strings.ToUpper(sub+"/resourceGroups/rg-aks-demo/providers/Microsoft.Network/virtualNetworks") + "?api-version=2025-01-01", 200, ""},
	} {
		status, _, body := rawRequest(t, s, cred, http.MethodGet, c.path, "", nil)
		if status != c.status {
			t.Errorf("%s: %d %s, want %d", c.path, status, body, c.status)
			continue
		}
		if c.code != "" {
			if e := armErrorOf(t, body); e.Code != c.code || e.Message == "" {
				t.Errorf("%s: error %+v, want %s", c.path, e, c.code)
			}
		}
	}
}

func TestReadOnlyAndUnknownFieldsInPutBodiesAreIgnored(t *testing.T) {
	s := startServer(t)
	f := aksClients(t, s, nil)
	createCluster(t, f, "demo", minimalCluster())
	cred := secretCredential(t, s)
	path := "/subscriptions/" + DefaultSubscriptionID + "/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/demo/agentPools/user1?api-version=2025-10-01"
	body := `{"id":"/bogus","name":"bogus","type":"bogus","properties":{"mode":"User","count":1,"vmSize":"Standard_D4s_v3",
		"provisioningState":"Succeeded","currentOrchestratorVersion":"1.0.0","nodeImageVersion":"bogus","eTag":"bogus","someFutureField":42}}`
	status, _, resp := rawRequest(t, s, cred, http.MethodPut, path, body, nil)
	if status != 201 {
		t.Fatalf("PUT with read-only fields: %d %s", status, resp)
	}
	ap, err := f.NewAgentPoolsClient().Get(ctxT(t), "rg-aks-demo", "demo", "user1", nil)
	if err != nil {
		t.Fatal(err)
	}
	p := ap.Properties
	if deref(ap.Name) != "user1" || deref(p.CurrentOrchestratorVersion) == "1.0.0" || deref(p.NodeImageVersion) == "bogus" || deref(p.ETag) == "bogus" {
		t.Errorf("read-only values from the body were kept: name %q current %q image %q eTag %q",
			deref(ap.Name), deref(p.CurrentOrchestratorVersion), deref(p.NodeImageVersion), deref(p.ETag))
	}
}

// While a resource group is being deleted, ARM refuses writes to it and to
// new resources in it with 409 ResourceGroupBeingDeleted.
func TestWritesToAResourceGroupBeingDeletedAreRefused(t *testing.T) {
	s := startServer(t)
	pl := armPipeline(t, s)
	s.SetLatency(LatencyDelete, 10e9) // the deletion stays in progress for the test
	base := "/subscriptions/" + DefaultSubscriptionID + "/resourcegroups/rg-aks-test"
	if resp := armDo(t, s, pl, http.MethodDelete, base+rgAPI, nil, nil); resp.StatusCode != 202 {
		t.Fatalf("DELETE: %d", resp.StatusCode)
	}
	for _, w := range []struct {
		method, path string
		body         any
	}{
		{http.MethodPut, base + rgAPI, map[string]any{"location": "eastus"}},
		{http.MethodPatch, base + rgAPI, map[string]any{"tags": map[string]string{"a": "b"}}},
		{http.MethodPut, base + "/providers/Microsoft.Network/virtualNetworks/vnet?api-version=2024-05-01",
			map[string]any{"location": "eastus", "properties": map[string]any{"addressSpace": map[string]any{"addressPrefixes": []string{"10.0.0.0/16"}}}}},
	} {
		resp := armDo(t, s, pl, w.method, w.path, w.body, nil)
		if resp.StatusCode != http.StatusConflict {
			t.Errorf("%s %s: %d, want 409", w.method, w.path, resp.StatusCode)
			continue
		}
		if err := runtime.NewResponseError(resp); !strings.Contains(err.Error(), "ResourceGroupBeingDeleted") {
			t.Errorf("%s %s: %v, want ResourceGroupBeingDeleted", w.method, w.path, err)
		}
	}
	_, err := aksClients(t, s, nil).NewManagedClustersClient().BeginCreateOrUpdate(ctxT(t), "rg-aks-test", "late", minimalCluster(), nil)
	wantErr(t, err, 409, "ResourceGroupBeingDeleted")
}
