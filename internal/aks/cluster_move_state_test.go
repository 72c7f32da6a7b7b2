package aks_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// movedCluster is the guide's cluster as azurerm's configuration declared it, translated to
// aks_cluster, with extra top-level HCL and extra default pool HCL, and the moved block.
func movedCluster(extra, pool string) string {
	return `
resource "aks_cluster" "main" {
  name                = "aks-demo"
  resource_group_name = "rg-aks-demo"
  location            = "eastus"
  dns_prefix          = "aks-demo"
  kubernetes_version  = "1.33.3"

  identity = { type = "SystemAssigned" }

  network_profile = {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    load_balancer_sku   = "standard"
  }
` + extra + `
  default_node_pool {
    name                 = "nodepool1"
    vm_size              = "Standard_DS2_v2"
    node_count           = 2
    orchestrator_version = "1.33.3"
` + pool + `
  }
}

moved {
  from = azurerm_kubernetes_cluster.main
  to   = aks_cluster.main
}
`
}

// expectNoCredentials fails the test if the state holds any of the credentials azurerm kept.
func expectNoCredentials(t *testing.T, w *cliWorkdir) {
	t.Helper()
	state := w.read("terraform.tfstate")
	for _, secret := range []string{"kube_config", "kube_admin_config", "client_key", "not-a-real-token"} {
		if strings.Contains(state, secret) {
			t.Errorf("the state holds %q after the move", secret)
		}
	}
}

var clusterIdentity = map[string]string{
	"subscription_id": emulator.DefaultSubscriptionID, "resource_group_name": testResourceGroup, "name": "aks-demo",
}

func TestAccCluster_movedFromAzurerm4x(t *testing.T) {
	srv, _ := newEmulatorWithCluster(t, testCluster{})
	w := moveAndPlan(t, srv, recordedState(t, "cluster_4x.tfstate"), movedCluster("", `
    upgrade_settings {
      max_surge = "10%"
    }`))
	// A refresh of the moved cluster is one read of the cluster, whose answer holds its pools; it
	// never lists pools or credentials.
	acctest.All(
		acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodGet, `/managedClusters/aks-demo$`), 1),
		acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodGet, `/managedClusters/aks-demo/agentPools$`), 0),
		acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPost, `/listCluster(User|Admin)Credential$`), 0),
	).Require(t)
	expectStateIdentity(t, w, "aks_cluster.main", clusterIdentity)
	expectNoCredentials(t, w)
}

func TestAccCluster_movedFromAzurerm5x(t *testing.T) {
	srv, _ := newEmulatorWithCluster(t, testCluster{})
	updateClusterOutOfBand(t, srv, func(mc *armcontainerservice.ManagedCluster) {
		p := mc.Properties
		p.OidcIssuerProfile = &armcontainerservice.ManagedClusterOIDCIssuerProfile{Enabled: to.Ptr(true)}
		p.SecurityProfile = &armcontainerservice.ManagedClusterSecurityProfile{
			WorkloadIdentity: &armcontainerservice.ManagedClusterSecurityProfileWorkloadIdentity{Enabled: to.Ptr(true)},
		}
		p.LinuxProfile = &armcontainerservice.LinuxProfile{AdminUsername: to.Ptr("azureuser"), SSH: &armcontainerservice.SSHConfiguration{
			PublicKeys: []*armcontainerservice.SSHPublicKey{{KeyData: to.Ptr(testSSHKey)}},
		}}
		mc.Tags = map[string]*string{"env": to.Ptr("demo")}
	})
	updatePoolOutOfBand(t, srv, "nodepool1", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.UpgradeSettings = &armcontainerservice.AgentPoolUpgradeSettings{MaxSurge: to.Ptr("33%"), DrainTimeoutInMinutes: to.Ptr[int32](30)}
	})
	w := moveAndPlan(t, srv, recordedState(t, "cluster_5x.tfstate"), movedCluster(`
  oidc_issuer_enabled       = true
  workload_identity_enabled = true
  tags                      = { env = "demo" }

  linux_profile {
    admin_username = "azureuser"
    ssh_public_key = "`+testSSHKey+`"
  }

  timeouts {
    update = "2h"
  }
`, `
    upgrade_settings {
      max_surge                = "33%"
      drain_timeout_in_minutes = 30
    }`))
	expectStateIdentity(t, w, "aks_cluster.main", clusterIdentity)
	expectNoCredentials(t, w)
}

// testSSHKey is the public key of the recorded 5.x cluster's linux_profile.
const testSSHKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG5vdC1hLXJlYWwta2V5LW5vdC1hLXJlYWwta2V5 azureuser@example"

// updateClusterOutOfBand changes the cluster aks-demo with the SDK (a GET, then a PUT of what
// change made of it), as azurerm once did.
func updateClusterOutOfBand(t *testing.T, srv *emulator.Server, change func(*armcontainerservice.ManagedCluster)) {
	t.Helper()
	client := sdkFactory(t, srv).NewManagedClustersClient()
	got, err := client.Get(context.Background(), testResourceGroup, "aks-demo", nil)
	if err != nil {
		t.Fatal(err)
	}
	mc := got.ManagedCluster
	// The pools stay as they are: AKS refuses pool changes through the cluster.
	for _, p := range mc.Properties.AgentPoolProfiles {
		p.NodeImageVersion, p.CurrentOrchestratorVersion, p.ProvisioningState, p.ETag = nil, nil, nil, nil
	}
	change(&mc)
	poller, err := client.BeginCreateOrUpdate(context.Background(), testResourceGroup, "aks-demo", mc, nil)
	if err == nil {
		_, err = poller.PollUntilDone(context.Background(), &runtime.PollUntilDoneOptions{Frequency: 5 * time.Millisecond})
	}
	if err != nil {
		t.Fatalf("updating cluster aks-demo: %v", err)
	}
	srv.ResetJournal()
}

// updatePoolOutOfBand changes a pool of the cluster aks-demo with the SDK.
func updatePoolOutOfBand(t *testing.T, srv *emulator.Server, name string, change func(*armcontainerservice.ManagedClusterAgentPoolProfileProperties)) {
	t.Helper()
	pool, err := getPool(t, srv, "aks-demo", name)
	if err != nil {
		t.Fatal(err)
	}
	props := *pool.Properties
	props.NodeImageVersion, props.CurrentOrchestratorVersion, props.ProvisioningState, props.ETag = nil, nil, nil, nil
	change(&props)
	createPoolOutOfBand(t, srv, name, props)
	srv.ResetJournal()
}
