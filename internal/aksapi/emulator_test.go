package aksapi

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/emulator"
	"github.com/aksforge/terraform-provider-aks/internal/emulator/pki"
)

// One CA for the test binary: every emulator of this package's tests is signed by it.
var (
	testCAOnce sync.Once
	testCA     *pki.CA
	testCAErr  error
)

// testEnv is an in-process emulator with a 2-node System pool cluster, the SDK pointed at it, and a
// Client with test-speed polling.
type testEnv struct {
	srv     *emulator.Server
	cred    azcore.TokenCredential
	options *arm.ClientOptions
	sdk     *armcontainerservice.ClientFactory
	coord   *Client
	cluster ClusterID
}

const testLRODuration = 20 * time.Millisecond

func newTestEnv(t *testing.T) *testEnv {
	t.Helper()
	testCAOnce.Do(func() { testCA, testCAErr = pki.NewCA() })
	if testCAErr != nil {
		t.Fatal(testCAErr)
	}
	ctx := context.Background()
	srv, err := emulator.Start(ctx, emulator.Options{LRODuration: testLRODuration, CA: testCA, StateDir: t.TempDir()})
	if err != nil {
		t.Fatalf("starting the emulator: %v", err)
	}
	t.Cleanup(func() { _ = srv.Close() })

	transport := &http.Client{Transport: &http.Transport{TLSClientConfig: tlsConfig(testCA)}}
	cfg := cloud.Configuration{
		ActiveDirectoryAuthorityHost: srv.URL() + "/",
		Services: map[cloud.ServiceName]cloud.ServiceConfiguration{
			cloud.ResourceManager: {Endpoint: srv.URL(), Audience: "https://management.core.windows.net/"},
		},
	}
	cred, err := azidentity.NewClientSecretCredential(emulator.DefaultTenantID, emulator.DefaultClientID, emulator.DefaultClientSecret,
		&azidentity.ClientSecretCredentialOptions{
			ClientOptions:            azcore.ClientOptions{Cloud: cfg, Transport: transport},
			DisableInstanceDiscovery: true,
		})
	if err != nil {
		t.Fatal(err)
	}
	options := &arm.ClientOptions{ClientOptions: azcore.ClientOptions{Cloud: cfg, Transport: transport}}
	sdk, err := armcontainerservice.NewClientFactory(emulator.DefaultSubscriptionID, cred, options)
	if err != nil {
		t.Fatal(err)
	}
	env := &testEnv{
		srv:     srv,
		cred:    cred,
		options: options,
		sdk:     sdk,
		coord:   New(cred, options, Options{PollFrequency: 5 * time.Millisecond, ConflictRetryDelay: 10 * time.Millisecond}),
		cluster: ClusterID{SubscriptionID: emulator.DefaultSubscriptionID, ResourceGroup: "rg-aks-demo", Name: "aks-test"},
	}
	env.createCluster(t)
	srv.ResetJournal()
	return env
}

// createCluster creates the guide's starting point: a cluster with a 2-node System pool nodepool1.
func (e *testEnv) createCluster(t *testing.T) {
	t.Helper()
	mc := armcontainerservice.ManagedCluster{
		Location: to.Ptr("eastus"),
		Identity: &armcontainerservice.ManagedClusterIdentity{Type: to.Ptr(armcontainerservice.ResourceIdentityTypeSystemAssigned)},
		Properties: &armcontainerservice.ManagedClusterProperties{
			DNSPrefix: to.Ptr("aks-test"),
			AgentPoolProfiles: []*armcontainerservice.ManagedClusterAgentPoolProfile{{
				Name:   to.Ptr("nodepool1"),
				Count:  to.Ptr[int32](2),
				VMSize: to.Ptr("Standard_DS2_v2"),
				Mode:   to.Ptr(armcontainerservice.AgentPoolModeSystem),
				OSType: to.Ptr(armcontainerservice.OSTypeLinux),
				Type:   to.Ptr(armcontainerservice.AgentPoolTypeVirtualMachineScaleSets),
			}},
			NetworkProfile: &armcontainerservice.NetworkProfile{LoadBalancerSKU: to.Ptr(armcontainerservice.LoadBalancerSKUStandard)},
		},
	}
	poller, err := e.sdk.NewManagedClustersClient().BeginCreateOrUpdate(context.Background(), e.cluster.ResourceGroup, e.cluster.Name, mc, nil)
	if err != nil {
		t.Fatalf("creating the test cluster: %v", err)
	}
	if _, err := poller.PollUntilDone(context.Background(), &runtime.PollUntilDoneOptions{Frequency: 5 * time.Millisecond}); err != nil {
		t.Fatalf("creating the test cluster: %v", err)
	}
}

// userPool is a minimal User pool body.
func userPool(count int32) armcontainerservice.AgentPool {
	return armcontainerservice.AgentPool{Properties: &armcontainerservice.ManagedClusterAgentPoolProfileProperties{
		Count:  to.Ptr(count),
		Mode:   to.Ptr(armcontainerservice.AgentPoolModeUser),
		OSType: to.Ptr(armcontainerservice.OSTypeLinux),
		VMSize: to.Ptr("Standard_DS2_v2"),
	}}
}

// calls returns the journal's ARM calls matching method and a path suffix (case-insensitive).
func (e *testEnv) calls(method, pathSuffix string) []emulator.JournalEntry {
	var out []emulator.JournalEntry
	for _, j := range e.srv.Journal() {
		if j.Method == method && strings.HasSuffix(strings.ToLower(j.Path), strings.ToLower(pathSuffix)) {
			out = append(out, j)
		}
	}
	return out
}

// operation is one long-running operation as the emulator's state holds it.
type operation struct {
	ResourceID string     `json:"resourceId"`
	Target     string     `json:"target"` // managedCluster, agentPool, ...
	Action     string     `json:"action"`
	Status     string     `json:"status"`
	Start      time.Time  `json:"startTime"`
	End        *time.Time `json:"endTime"`
}

// operations reads the emulator's long-running operations through its control API, sorted by start.
func (e *testEnv) operations(t *testing.T) []operation {
	t.Helper()
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: tlsConfig(testCA)}}
	resp, err := client.Get(e.srv.URL() + "/_emulator/state")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var state struct {
		Operations map[string]operation `json:"operations"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&state); err != nil {
		t.Fatal(err)
	}
	var out []operation
	for _, op := range state.Operations {
		if op.End == nil {
			t.Fatalf("operation %s %s has not ended", op.Action, op.ResourceID)
		}
		out = append(out, op)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out
}

// overlap reports whether the two operations ran at the same time.
func overlap(a, b operation) bool { return a.Start.Before(*b.End) && b.Start.Before(*a.End) }

func tlsConfig(ca *pki.CA) *tls.Config {
	return &tls.Config{RootCAs: ca.Pool(), MinVersion: tls.VersionTLS12}
}
