package conformance_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// Typed-client helpers: every call goes through armcontainerservice's own
// clients and pollers.

const (
	rulesRG  = "rg-aks-demo" // seeded, in eastus, with the seeded VNets
	vnetDemo = "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.Network/virtualNetworks/vnet-aks-demo"
	vnetOth  = "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.Network/virtualNetworks/vnet-other"
)

var (
	snetSystem = vnetDemo + "/subnets/snet-system"
	snetUser   = vnetDemo + "/subnets/snet-user"
	snetPods   = vnetDemo + "/subnets/snet-pods"
	snetOther  = vnetOth + "/subnets/snet-other"
	snetNone   = vnetDemo + "/subnets/snet-does-not-exist"
)

type poolProps = armcontainerservice.ManagedClusterAgentPoolProfileProperties

// clusterRequest is a small valid cluster: one System pool, a managed
// identity and a Windows profile (so that Windows pools may be added).
func clusterRequest(name string) *armcontainerservice.ManagedCluster {
	return &armcontainerservice.ManagedCluster{
		Location: to.Ptr("eastus"),
		Identity: &armcontainerservice.ManagedClusterIdentity{Type: to.Ptr(armcontainerservice.ResourceIdentityTypeSystemAssigned)},
		Properties: &armcontainerservice.ManagedClusterProperties{
			DNSPrefix: to.Ptr(name),
			AgentPoolProfiles: []*armcontainerservice.ManagedClusterAgentPoolProfile{{
				Name: to.Ptr("system"), Mode: to.Ptr(armcontainerservice.AgentPoolModeSystem),
				Count: to.Ptr[int32](1), VMSize: to.Ptr("Standard_DS2_v2"),
			}},
			WindowsProfile: &armcontainerservice.ManagedClusterWindowsProfile{AdminUsername: to.Ptr("azureuser"), AdminPassword: to.Ptr("replacePassword1234$")},
		},
	}
}

func (e *env) putCluster(t *testing.T, name string, mc *armcontainerservice.ManagedCluster) error {
	t.Helper()
	poller, err := e.aks.NewManagedClustersClient().BeginCreateOrUpdate(t.Context(), rulesRG, name, *mc, nil)
	if err != nil {
		return err
	}
	_, err = poller.PollUntilDone(t.Context(), pollFast)
	return err
}

// createCluster creates a cluster from clusterRequest shaped by edit.
func (e *env) createCluster(t *testing.T, name string, edit func(*armcontainerservice.ManagedCluster)) {
	t.Helper()
	mc := clusterRequest(name)
	if edit != nil {
		edit(mc)
	}
	if err := e.putCluster(t, name, mc); err != nil {
		t.Fatalf("creating cluster %s: %v", name, err)
	}
}

func (e *env) getCluster(t *testing.T, name string) (*armcontainerservice.ManagedCluster, error) {
	t.Helper()
	resp, err := e.aks.NewManagedClustersClient().Get(t.Context(), rulesRG, name, nil)
	if err != nil {
		return nil, err
	}
	return &resp.ManagedCluster, nil
}

func (e *env) putPool(t *testing.T, cluster, name string, ap *armcontainerservice.AgentPool) error {
	t.Helper()
	poller, err := e.aks.NewAgentPoolsClient().BeginCreateOrUpdate(t.Context(), rulesRG, cluster, name, *ap, nil)
	if err != nil {
		return err
	}
	_, err = poller.PollUntilDone(t.Context(), pollFast)
	return err
}

func poolRequest(edit func(*poolProps)) *armcontainerservice.AgentPool {
	ap := &armcontainerservice.AgentPool{Properties: &poolProps{Mode: to.Ptr(armcontainerservice.AgentPoolModeUser)}}
	if edit != nil {
		edit(ap.Properties)
	}
	return ap
}

func (e *env) createPool(t *testing.T, cluster, name string, edit func(*poolProps)) {
	t.Helper()
	if err := e.putPool(t, cluster, name, poolRequest(edit)); err != nil {
		t.Fatalf("creating pool %s/%s: %v", cluster, name, err)
	}
}

func (e *env) getPool(t *testing.T, cluster, name string) (*armcontainerservice.AgentPool, error) {
	t.Helper()
	resp, err := e.aks.NewAgentPoolsClient().Get(t.Context(), rulesRG, cluster, name, nil)
	if err != nil {
		return nil, err
	}
	return &resp.AgentPool, nil
}

func (e *env) deletePool(t *testing.T, cluster, name string) error {
	t.Helper()
	poller, err := e.aks.NewAgentPoolsClient().BeginDelete(t.Context(), rulesRG, cluster, name, nil)
	if err != nil {
		return err
	}
	_, err = poller.PollUntilDone(t.Context(), pollFast)
	return err
}

// wantNotFound asserts that a GET answered 404: a refused create left nothing.
func wantNotFound(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		t.Fatal("the refused resource exists")
	}
	if re := responseError(t, err); re.StatusCode != http.StatusNotFound {
		t.Fatalf("want 404 after a refused create, got %v", err)
	}
}

// sameJSON asserts that two answers are identical: a refused change left the
// resource as it was (eTag, provisioning state and every property).
func sameJSON(t *testing.T, before, after any) {
	t.Helper()
	b, err := json.Marshal(before)
	if err != nil {
		t.Fatal(err)
	}
	a, err := json.Marshal(after)
	if err != nil {
		t.Fatal(err)
	}
	if string(a) != string(b) {
		t.Fatalf("the resource changed after a refused request:\nbefore %s\nafter  %s", b, a)
	}
}

// refusedPoolCreate: creating the pool fails as AKS would, and no pool exists.
func (e *env) refusedPoolCreate(t *testing.T, cluster, name string, edit func(*poolProps), status int, code, message string) {
	t.Helper()
	wantRefused(t, e.putPool(t, cluster, name, poolRequest(edit)), status, code, message)
	_, err := e.getPool(t, cluster, name)
	wantNotFound(t, err)
}

// refusedPoolUpdate: a GET→edit→PUT of the pool fails, and the pool is
// unchanged.
func (e *env) refusedPoolUpdate(t *testing.T, cluster, name string, edit func(*poolProps), status int, code, message string) {
	t.Helper()
	before, err := e.getPool(t, cluster, name)
	if err != nil {
		t.Fatal(err)
	}
	changed, err := e.getPool(t, cluster, name)
	if err != nil {
		t.Fatal(err)
	}
	edit(changed.Properties)
	wantRefused(t, e.putPool(t, cluster, name, changed), status, code, message)
	after, err := e.getPool(t, cluster, name)
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, before, after)
}

// refusedClusterCreate: creating the cluster fails, and no cluster exists.
func (e *env) refusedClusterCreate(t *testing.T, name string, edit func(*armcontainerservice.ManagedCluster), status int, code, message string) {
	t.Helper()
	mc := clusterRequest(name)
	edit(mc)
	wantRefused(t, e.putCluster(t, name, mc), status, code, message)
	_, err := e.getCluster(t, name)
	wantNotFound(t, err)
}

// refusedClusterUpdate: a GET→edit→PUT of the cluster fails, and the cluster
// is unchanged.
func (e *env) refusedClusterUpdate(t *testing.T, name string, edit func(*armcontainerservice.ManagedCluster), status int, code, message string) {
	t.Helper()
	before, err := e.getCluster(t, name)
	if err != nil {
		t.Fatal(err)
	}
	changed, err := e.getCluster(t, name)
	if err != nil {
		t.Fatal(err)
	}
	edit(changed)
	wantRefused(t, e.putCluster(t, name, changed), status, code, message)
	after, err := e.getCluster(t, name)
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, before, after)
}
