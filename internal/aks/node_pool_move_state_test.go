package aks_test

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// The moves from azurerm: the emulator holds the objects a recorded azurerm state
// (testdata/azurerm, written from azurerm's documented schema) describes, a configuration with a
// moved block replaces azurerm's resource with ours, and the plan after the move is empty.

// providerHeader is the terraform block of the moves' configurations: only aks is configured;
// azurerm is only named by the state.
const providerHeader = `
terraform {
  required_providers {
    aks = { source = "aksforge/aks" }
  }
}

provider "aks" {}
`

// withAzurerm is the provider under test and the azurerm stand-in.
func withAzurerm() map[string]providerServer {
	providers := maps.Clone(aksProvider)
	maps.Copy(providers, azurermStandInServer)
	return providers
}

// recordedState is a recorded azurerm state of testdata/azurerm.
func recordedState(t *testing.T, name string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "azurerm", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// createPoolOutOfBand creates a pool of the cluster aks-demo with the SDK, as azurerm once did.
func createPoolOutOfBand(t *testing.T, srv *emulator.Server, name string, props armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
	t.Helper()
	poller, err := sdkFactory(t, srv).NewAgentPoolsClient().BeginCreateOrUpdate(context.Background(), testResourceGroup, "aks-demo", name,
		armcontainerservice.AgentPool{Properties: &props}, nil)
	if err == nil {
		_, err = poller.PollUntilDone(context.Background(), &runtime.PollUntilDoneOptions{Frequency: 5 * time.Millisecond})
	}
	if err != nil {
		t.Fatalf("creating pool %s: %v", name, err)
	}
}

// moveAndPlan runs the move: init, then a plan that must be empty and read, not write; then it
// applies the plan (which records the move) and checks that the next plan is empty too. The
// journal then holds that last plan's requests.
func moveAndPlan(t *testing.T, srv *emulator.Server, state, config string) *cliWorkdir {
	t.Helper()
	w := newCLIWorkdir(t, acctest.FeatureMoveResourceState, withAzurerm())
	w.write("terraform.tfstate", state)
	w.write("main.tf", providerHeader+config)
	w.run("init", "-input=false", "-no-color")
	srv.ResetJournal()
	expectNoChanges(t, w.plan())
	acctest.ExpectNoWrites(srv).Require(t)
	w.run("apply", "-input=false", "-no-color", "tfplan")
	srv.ResetJournal()
	expectNoChanges(t, w.plan())
	acctest.ExpectNoWrites(srv).Require(t)
	return w
}

func TestAccNodePool_movedFromAzurerm4x(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	createPoolOutOfBand(t, srv, "user1", armcontainerservice.ManagedClusterAgentPoolProfileProperties{
		Mode: to.Ptr(armcontainerservice.AgentPoolModeUser), VMSize: to.Ptr("Standard_DS2_v2"), OrchestratorVersion: to.Ptr("1.33.3"),
		Count: to.Ptr[int32](2), EnableAutoScaling: to.Ptr(true), MinCount: to.Ptr[int32](1), MaxCount: to.Ptr[int32](5),
		AvailabilityZones: to.SliceOfPtrs("1", "2"), NodeLabels: map[string]*string{"workload": to.Ptr("batch")},
		NodeTaints: to.SliceOfPtrs("dedicated=batch:NoSchedule"), Tags: map[string]*string{"team": to.Ptr("data")},
		KubeletConfig: &armcontainerservice.KubeletConfig{ContainerLogMaxFiles: to.Ptr[int32](5)},
	})
	// azurerm's configuration, translated: auto_scaling_enabled and the bounds are the same, and
	// node_count is left out, as the autoscaler owns it.
	w := moveAndPlan(t, srv, recordedState(t, "node_pool_4x.tfstate"), fmt.Sprintf(`
resource "aks_node_pool" "user" {
  cluster_id           = %[1]q
  name                 = "user1"
  vm_size              = "Standard_DS2_v2"
  orchestrator_version = "1.33.3"
  auto_scaling_enabled = true
  min_count            = 1
  max_count            = 5
  zones                = ["1", "2"]
  node_labels          = { workload = "batch" }
  node_taints          = ["dedicated=batch:NoSchedule"]
  tags                 = { team = "data" }
}

moved {
  from = azurerm_kubernetes_cluster_node_pool.user
  to   = aks_node_pool.user
}
`, cluster))
	// A refresh of the moved pool is one read of its cluster, whose answer holds its pools.
	acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodGet, `/managedClusters/aks-demo$`), 1).Require(t)
	expectStateIdentity(t, w, "aks_node_pool.user", map[string]string{
		"subscription_id": emulator.DefaultSubscriptionID, "resource_group_name": testResourceGroup, "cluster_name": "aks-demo", "name": "user1",
	})
}

func TestAccNodePool_movedFromAzurerm5x(t *testing.T) {
	// azurerm 5.x records an identity of its own shape, which OpenTofu 1.12 keeps after the move.
	acctest.RequireFeature(t, acctest.FeatureMoveTakesTargetIdentity)
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	createPoolOutOfBand(t, srv, "batch1", armcontainerservice.ManagedClusterAgentPoolProfileProperties{
		Mode: to.Ptr(armcontainerservice.AgentPoolModeUser), VMSize: to.Ptr("Standard_DS2_v2"), OrchestratorVersion: to.Ptr("1.33.3"),
		Count: to.Ptr[int32](3), OSSKU: to.Ptr(armcontainerservice.OSSKUAzureLinux), MaxPods: to.Ptr[int32](50), OSDiskSizeGB: to.Ptr[int32](64),
		UpgradeSettings: &armcontainerservice.AgentPoolUpgradeSettings{
			MaxSurge: to.Ptr("33%"), DrainTimeoutInMinutes: to.Ptr[int32](45), NodeSoakDurationInMinutes: to.Ptr[int32](5),
		},
		KubeletConfig: &armcontainerservice.KubeletConfig{ContainerLogMaxFiles: to.Ptr[int32](5)},
	})
	w := moveAndPlan(t, srv, recordedState(t, "node_pool_5x.tfstate"), fmt.Sprintf(`
resource "aks_node_pool" "batch" {
  cluster_id           = %[1]q
  name                 = "batch1"
  vm_size              = "Standard_DS2_v2"
  orchestrator_version = "1.33.3"
  node_count           = 3
  os_sku               = "AzureLinux"
  max_pods             = 50
  os_disk_size_gb      = 64

  upgrade_settings {
    max_surge                     = "33%%"
    drain_timeout_in_minutes      = 45
    node_soak_duration_in_minutes = 5
  }

  timeouts {
    create = "90m"
  }
}

moved {
  from = azurerm_kubernetes_cluster_node_pool.batch
  to   = aks_node_pool.batch
}
`, cluster))
	expectStateIdentity(t, w, "aks_node_pool.batch", map[string]string{
		"subscription_id": emulator.DefaultSubscriptionID, "resource_group_name": testResourceGroup, "cluster_name": "aks-demo", "name": "batch1",
	})
}
