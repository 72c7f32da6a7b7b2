package emulator

import (
	"net/http"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
)

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
