package emulator

import (
	"net/http"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

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

func TestETagPreconditions(t *testing.T) {
	s := startServer(t)
	f := aksClients(t, s, nil)
	ctx := ctxT(t)
	mc := createCluster(t, f, "demo", minimalCluster())
	mcs := f.NewManagedClustersClient()
	pools := f.NewAgentPoolsClient()

	// If-None-Match: * on an existing cluster
	_, err := mcs.BeginCreateOrUpdate(ctx, "rg-aks-demo", "demo", minimalCluster(), &armcontainerservice.ManagedClustersClientBeginCreateOrUpdateOptions{IfNoneMatch: to.Ptr("*")})
	wantErr(t, err, 412, "PreconditionFailed")
	// If-Match with a stale eTag
	_, err = mcs.BeginCreateOrUpdate(ctx, "rg-aks-demo", "demo", minimalCluster(), &armcontainerservice.ManagedClustersClientBeginCreateOrUpdateOptions{IfMatch: to.Ptr("stale")})
	wantErr(t, err, 412, "PreconditionFailed")
	// If-Match: * on a cluster that doesn't exist
	_, err = mcs.BeginCreateOrUpdate(ctx, "rg-aks-demo", "absent", minimalCluster(), &armcontainerservice.ManagedClustersClientBeginCreateOrUpdateOptions{IfMatch: to.Ptr("*")})
	wantErr(t, err, 412, "PreconditionFailed")

	// pool: a matching eTag passes, a stale one fails, on PUT and DELETE
	ap := createPool(t, f, "user1", userPool("Standard_D4s_v3", 1))
	ap.Properties.Count = to.Ptr[int32](2)
	p, err := pools.BeginCreateOrUpdate(ctx, "rg-aks-demo", "demo", "user1", ap, &armcontainerservice.AgentPoolsClientBeginCreateOrUpdateOptions{IfMatch: ap.Properties.ETag})
	if err != nil {
		t.Fatalf("PUT with the current eTag: %v", err)
	}
	if _, err := p.PollUntilDone(ctx, poll); err != nil {
		t.Fatal(err)
	}
	_, err = pools.BeginCreateOrUpdate(ctx, "rg-aks-demo", "demo", "user1", ap, &armcontainerservice.AgentPoolsClientBeginCreateOrUpdateOptions{IfMatch: ap.Properties.ETag})
	wantErr(t, err, 412, "PreconditionFailed")
	_, err = pools.BeginDelete(ctx, "rg-aks-demo", "demo", "user1", &armcontainerservice.AgentPoolsClientBeginDeleteOptions{IfMatch: ap.Properties.ETag})
	wantErr(t, err, 412, "PreconditionFailed")
	_, err = mcs.BeginDelete(ctx, "rg-aks-demo", "demo", &armcontainerservice.ManagedClustersClientBeginDeleteOptions{IfMatch: to.Ptr("stale")})
	wantErr(t, err, 412, "PreconditionFailed")

	// a pool operation changes only the pool's eTag; a cluster operation changes both
	after, err := mcs.Get(ctx, "rg-aks-demo", "demo", nil)
	if err != nil {
		t.Fatal(err)
	}
	if deref(after.ETag) != deref(mc.ETag) {
		t.Error("a pool operation changed the cluster's eTag")
	}
	pBefore, _ := pools.Get(ctx, "rg-aks-demo", "demo", "user1", nil)
	tp, err := mcs.BeginUpdateTags(ctx, "rg-aks-demo", "demo", armcontainerservice.TagsObject{Tags: map[string]*string{"a": to.Ptr("b")}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tp.PollUntilDone(ctx, poll); err != nil {
		t.Fatal(err)
	}
	pAfter, _ := pools.Get(ctx, "rg-aks-demo", "demo", "user1", nil)
	if deref(pAfter.Properties.ETag) == deref(pBefore.Properties.ETag) {
		t.Error("a cluster operation left the pool's eTag unchanged")
	}
}
