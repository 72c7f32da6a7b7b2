package aks_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

func TestMain(m *testing.M) { acctest.Main(m) }

// The emulator's seed (internal/ARCHITECTURE.md): resource group, networks, versions.
const (
	testResourceGroup = "rg-aks-demo"
	testLocation      = "eastus"
)

// The addresses of the resources the tests' configurations declare.
const (
	clusterAddress = "aks_cluster.test"
	poolAddress    = "aks_node_pool.test"
)

// clusterID is the ARM ID of a cluster of the seed's resource group.
func clusterID(name string) string {
	return fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.ContainerService/managedClusters/%s",
		emulator.DefaultSubscriptionID, testResourceGroup, name)
}

// poolID is the ARM ID of a pool of the test cluster "aks-demo".
func poolID(pool string) string { return clusterID("aks-demo") + "/agentPools/" + pool }

// subnetID is the ARM ID of a subnet of the seed's resource group.
func subnetID(vnet, subnet string) string {
	return fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Network/virtualNetworks/%s/subnets/%s",
		emulator.DefaultSubscriptionID, testResourceGroup, vnet, subnet)
}

// clusterHCL is an aks_cluster "test" named name: the guide's cluster (2-node System pool
// nodepool1, Standard load balancer) with extra top-level HCL and extra default pool HCL.
func clusterHCL(name, extra, pool string) string {
	return fmt.Sprintf(`
resource "aks_cluster" "test" {
  name                = %[1]q
  resource_group_name = "rg-aks-demo"
  location            = "eastus"
  dns_prefix          = %[1]q
%[2]s
  default_node_pool {
    name = "nodepool1"
%[3]s
  }
}
`, name, extra, pool)
}

// The parts of the guide's cluster, for clusterHCL.
const (
	guideVersion = `  kubernetes_version = "1.33.3"`
	guideNetwork = `  network_profile = {
    network_plugin    = "azure"
    load_balancer_sku = "standard"
  }`
	guidePool = `    node_count = 2
    vm_size    = "Standard_DS2_v2"`
)

// guideCluster is the guide's cluster aks-demo.
func guideCluster() string {
	return clusterHCL("aks-demo", guideVersion+"\n"+guideNetwork, guidePool)
}

// poolConfig is an aks_node_pool "test" in the given cluster with extra HCL arguments.
func poolConfig(clusterID, name, extra string) string {
	return fmt.Sprintf(`
resource "aks_node_pool" "test" {
  cluster_id = %[1]q
  name       = %[2]q
%[3]s
}
`, clusterID, name, extra)
}

// testCluster describes the cluster a test starts from: the guide's `az aks create` with a
// 2-node System pool nodepool1, a Standard load balancer and scale sets.
type testCluster struct {
	Name              string
	KubernetesVersion string // default "1.33.3"
	SubnetID          string // nodepool1's subnet; "" for AKS-managed networking
	Windows           bool   // created with a Windows profile
	Defender          bool
	OutboundType      armcontainerservice.OutboundType // "": AKS's default, loadBalancer
}

// createCluster creates the cluster in the emulator with the SDK, as `az aks create` would, for
// the tests of what lives in a cluster Terraform does not manage, and clears the journal, so that
// tests see only the provider's calls.
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
	if c.OutboundType != "" {
		mc.Properties.NetworkProfile.OutboundType = to.Ptr(c.OutboundType)
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
	poller, err := sdkFactory(t, srv).NewManagedClustersClient().BeginCreateOrUpdate(context.Background(), testResourceGroup, c.Name, mc, nil)
	if err == nil {
		_, err = poller.PollUntilDone(context.Background(), &runtime.PollUntilDoneOptions{Frequency: 5 * time.Millisecond})
	}
	if err != nil {
		t.Fatalf("creating cluster %s: %v", c.Name, err)
	}
	srv.ResetJournal()
	return clusterID(c.Name)
}

// deleteClusterOutOfBand deletes the cluster with the SDK, as a colleague with the portal would.
func deleteClusterOutOfBand(t *testing.T, srv *emulator.Server, name string) {
	t.Helper()
	poller, err := sdkFactory(t, srv).NewManagedClustersClient().BeginDelete(context.Background(), testResourceGroup, name, nil)
	if err == nil {
		_, err = poller.PollUntilDone(context.Background(), &runtime.PollUntilDoneOptions{Frequency: 5 * time.Millisecond})
	}
	if err != nil {
		t.Fatalf("deleting cluster %s out of band: %v", name, err)
	}
}

// sdkFactory builds SDK clients on the emulator, for the tests' own view of its state.
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

// newEmulatorWithCluster starts the test's emulator with the cluster c in it (NewAccEmulator,
// then createCluster), for the tests of what lives in a cluster, and returns the cluster's ID.
func newEmulatorWithCluster(t *testing.T, c testCluster) (*emulator.Server, string) {
	t.Helper()
	srv := acctest.NewAccEmulator(t)
	return srv, createCluster(t, srv, c)
}

// releaseNodeImage is a PreConfig in which AKS releases a newer node image for osSKU; it then
// empties the journal.
func releaseNodeImage(t *testing.T, srv *emulator.Server, osSKU, version string) func() {
	return func() {
		if err := srv.Mutate(emulator.Mutation{Kind: emulator.MutateReleaseNodeImage, OSSKU: osSKU, Version: version}); err != nil {
			t.Fatal(err)
		}
		srv.ResetJournal()
	}
}

// clusterPut matches the managedClusters PUTs of the cluster aks-demo.
var clusterPut = acctest.ARMCall(http.MethodPut, `/managedClusters/aks-demo$`)

// properties is the path of key in the properties of an ARM request body, for
// acctest.BodyValue.
func properties(key string) tfjsonpath.Path { return tfjsonpath.New("properties").AtMapKey(key) }

// poolProfile is the path of key in the first pool profile of a managedClusters request body.
func poolProfile(key string) tfjsonpath.Path {
	return properties("agentPoolProfiles").AtSliceIndex(0).AtMapKey(key)
}

// defaultPool is the path of key in the cluster's default_node_pool.
func defaultPool(key string) tfjsonpath.Path {
	return tfjsonpath.New("default_node_pool").AtMapKey(key)
}

// keepsClusterID returns a check to add to each step of a test: together they fail when the
// cluster's ID changed, that is when a step replaced the cluster instead of updating it.
func keepsClusterID() func() statecheck.StateCheck {
	same := statecheck.CompareValue(compare.ValuesSame())
	return func() statecheck.StateCheck { return same.AddStateValue(clusterAddress, tfjsonpath.New("id")) }
}

// createGuideCluster is the first step of a test that changes the guide's cluster: it creates
// it, with sameID (from keepsClusterID) recording its ID.
func createGuideCluster(sameID func() statecheck.StateCheck) resource.TestStep {
	return resource.TestStep{Config: guideCluster(), ConfigStateChecks: []statecheck.StateCheck{sameID()}}
}

// expectPoolGone checks, with the SDK, that the pool no longer exists.
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

// expectPlan is the ConfigPlanChecks of a step whose plan takes action on address and passes
// the more checks.
func expectPlan(address string, action plancheck.ResourceActionType, more ...plancheck.PlanCheck) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: append([]plancheck.PlanCheck{plancheck.ExpectResourceAction(address, action)}, more...)}
}
