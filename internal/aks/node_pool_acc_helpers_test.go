package aks_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// The emulator's seed (internal/ARCHITECTURE.md): resource group, networks, versions.
const (
	testResourceGroup = "rg-aks-demo"
	testLocation      = "eastus"
)

func clusterID(name string) string {
	return fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.ContainerService/managedClusters/%s",
		emulator.DefaultSubscriptionID, testResourceGroup, name)
}

// poolID is the ARM ID of a pool of the test cluster "aks-demo".
func poolID(pool string) string { return clusterID("aks-demo") + "/agentPools/" + pool }

func subnetID(vnet, subnet string) string {
	return fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Network/virtualNetworks/%s/subnets/%s",
		emulator.DefaultSubscriptionID, testResourceGroup, vnet, subnet)
}

// testCluster describes the cluster a test starts from: the guide's `az aks create` with a
// 2-node System pool nodepool1, a Standard load balancer and scale sets.
type testCluster struct {
	Name              string
	KubernetesVersion string // default "1.33.3"
	SubnetID          string // nodepool1's subnet; "" for AKS-managed networking
	Windows           bool   // created with a Windows profile
	Defender          bool
}

// createCluster creates the cluster in the emulator with the SDK (there is no aks_cluster
// resource yet) and clears the journal, so that tests see only the provider's calls.
func createCluster(t *testing.T, srv *emulator.Server, c testCluster) string {
	t.Helper()
	if c.Name == "" {
		c.Name = "aks-demo"
	}
	if c.KubernetesVersion == "" {
		c.KubernetesVersion = "1.33.3"
	}
	profile := &armcontainerservice.ManagedClusterAgentPoolProfile{
		Name:                to.Ptr("nodepool1"),
		Count:               to.Ptr[int32](2),
		VMSize:              to.Ptr("Standard_DS2_v2"),
		Mode:                to.Ptr(armcontainerservice.AgentPoolModeSystem),
		OSType:              to.Ptr(armcontainerservice.OSTypeLinux),
		Type:                to.Ptr(armcontainerservice.AgentPoolTypeVirtualMachineScaleSets),
		OrchestratorVersion: to.Ptr(c.KubernetesVersion),
	}
	if c.SubnetID != "" {
		profile.VnetSubnetID = to.Ptr(c.SubnetID)
	}
	mc := armcontainerservice.ManagedCluster{
		Location: to.Ptr(testLocation),
		Identity: &armcontainerservice.ManagedClusterIdentity{Type: to.Ptr(armcontainerservice.ResourceIdentityTypeSystemAssigned)},
		Properties: &armcontainerservice.ManagedClusterProperties{
			DNSPrefix:         to.Ptr(c.Name),
			KubernetesVersion: to.Ptr(c.KubernetesVersion),
			AgentPoolProfiles: []*armcontainerservice.ManagedClusterAgentPoolProfile{profile},
			NetworkProfile: &armcontainerservice.NetworkProfile{
				NetworkPlugin:     to.Ptr(armcontainerservice.NetworkPluginAzure),
				NetworkPluginMode: to.Ptr(armcontainerservice.NetworkPluginModeOverlay),
				LoadBalancerSKU:   to.Ptr(armcontainerservice.LoadBalancerSKUStandard),
			},
		},
	}
	if c.Windows {
		mc.Properties.WindowsProfile = &armcontainerservice.ManagedClusterWindowsProfile{
			AdminUsername: to.Ptr("azureuser"),
			AdminPassword: to.Ptr("Emulator-Only-Passw0rd!"),
		}
	}
	if c.Defender {
		mc.Properties.SecurityProfile = &armcontainerservice.ManagedClusterSecurityProfile{
			Defender: &armcontainerservice.ManagedClusterSecurityProfileDefender{
				LogAnalyticsWorkspaceResourceID: to.Ptr(fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.OperationalInsights/workspaces/law", emulator.DefaultSubscriptionID, testResourceGroup)),
				SecurityMonitoring:              &armcontainerservice.ManagedClusterSecurityProfileDefenderSecurityMonitoring{Enabled: to.Ptr(true)},
			},
		}
	}
	sdk := sdkFactory(t, srv)
	poller, err := sdk.NewManagedClustersClient().BeginCreateOrUpdate(context.Background(), testResourceGroup, c.Name, mc, nil)
	if err != nil {
		t.Fatalf("creating cluster %s: %v", c.Name, err)
	}
	if _, err := poller.PollUntilDone(context.Background(), &runtime.PollUntilDoneOptions{Frequency: 5 * time.Millisecond}); err != nil {
		t.Fatalf("creating cluster %s: %v", c.Name, err)
	}
	srv.ResetJournal()
	return clusterID(c.Name)
}

func sdkFactory(t *testing.T, srv *emulator.Server) *armcontainerservice.ClientFactory {
	t.Helper()
	f, err := armcontainerservice.NewClientFactory(emulator.DefaultSubscriptionID, acctest.SDKCredential(t, srv), acctest.SDKOptions(srv))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// getPool reads a pool with the SDK, as the test's independent view of the emulator.
func getPool(t *testing.T, srv *emulator.Server, cluster, name string) (*armcontainerservice.AgentPool, error) {
	t.Helper()
	resp, err := sdkFactory(t, srv).NewAgentPoolsClient().Get(context.Background(), testResourceGroup, cluster, name, nil)
	if err != nil {
		return nil, err
	}
	return &resp.AgentPool, nil
}

// newEmulator starts the test's emulator after the TF_ACC check.
func newEmulator(t *testing.T) *emulator.Server {
	t.Helper()
	acctest.PreCheck(t)
	return acctest.NewEmulator(t)
}

// ---------------------------------------------------------------------------------------------
// Journal checks

// armCalls returns the journal's ARM calls (under /subscriptions) with the given method whose
// path matches pattern (case-insensitive).
func armCalls(srv *emulator.Server, method, pattern string) []emulator.JournalEntry {
	re := regexp.MustCompile("(?i)" + pattern)
	var out []emulator.JournalEntry
	for _, j := range srv.Journal() {
		if !strings.HasPrefix(strings.ToLower(j.Path), "/subscriptions/") {
			continue
		}
		if (method == "" || j.Method == method) && re.MatchString(j.Path) {
			out = append(out, j)
		}
	}
	return out
}

// expectCalls checks that exactly n ARM calls with method matched pattern since the last reset.
func expectCalls(srv *emulator.Server, method, pattern string, n int) func(*terraform.State) error {
	return func(*terraform.State) error {
		calls := armCalls(srv, method, pattern)
		if len(calls) != n {
			return fmt.Errorf("%d %s calls matching %s, want %d:\n%s", len(calls), method, pattern, n, acctest.FormatJournal(calls))
		}
		return nil
	}
}

// expectNoWrites fails when the emulator received any write since the last reset.
func expectNoWrites(srv *emulator.Server) error {
	if writes := acctest.WriteCalls(srv); len(writes) > 0 {
		return fmt.Errorf("expected no write calls, got:\n%s", acctest.FormatJournal(writes))
	}
	return nil
}

// putBody decodes the request body of a journal entry.
func putBody(t *testing.T, j emulator.JournalEntry) map[string]any {
	t.Helper()
	var body map[string]any
	if err := json.Unmarshal(j.RequestBody, &body); err != nil {
		t.Fatalf("decoding the body of %s %s: %v", j.Method, j.Path, err)
	}
	return body
}

func expectPoolGone(srv *emulator.Server, t *testing.T, cluster, name string) func(*terraform.State) error {
	return func(*terraform.State) error {
		_, err := getPool(t, srv, cluster, name)
		if err == nil {
			return fmt.Errorf("pool %s still exists in cluster %s", name, cluster)
		}
		if !strings.Contains(err.Error(), fmt.Sprint(http.StatusNotFound)) {
			return fmt.Errorf("reading pool %s: %v", name, err)
		}
		return nil
	}
}
