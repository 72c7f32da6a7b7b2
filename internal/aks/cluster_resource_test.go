package aks_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// The guide's `az aks create --vm-set-type VirtualMachineScaleSets --node-count 2
// --load-balancer-sku standard`: one managedClusters PUT with the pool inline, every computed value
// known, no credential listed; then an import of it plans nothing.
func TestAccCluster_createAndImport(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	config := guideCluster()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodDelete, `/managedClusters/aks-demo$`), 1).TestCheck,
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("id"), knownvalue.StringExact(clusterID("aks-demo"))),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("kubernetes_version"), knownvalue.StringExact("1.33.3")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("current_kubernetes_version"), knownvalue.StringExact("1.33.3")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("sku_tier"), knownvalue.StringExact("Free")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("fqdn"), knownvalue.StringRegexp(regexp.MustCompile(`^aks-demo-[0-9a-f]+\.hcp\.eastus\.azmk8s\.io$`))),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("portal_fqdn"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("private_fqdn"), knownvalue.Null()),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("node_resource_group"), knownvalue.StringExact("MC_rg-aks-demo_aks-demo_eastus")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("identity").AtMapKey("type"), knownvalue.StringExact("SystemAssigned")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("identity").AtMapKey("principal_id"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("identity").AtMapKey("tenant_id"), knownvalue.StringExact(emulator.DefaultTenantID)),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("kubelet_identity").AtMapKey("object_id"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("kubelet_identity").AtMapKey("user_assigned_identity_id"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("network_profile").AtMapKey("load_balancer_sku"), knownvalue.StringExact("standard")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("network_profile").AtMapKey("service_cidr"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("oidc_issuer_url"), knownvalue.Null()),
					statecheck.ExpectKnownValue(clusterAddress, defaultPool("node_count"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue(clusterAddress, defaultPool("current_node_count"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue(clusterAddress, defaultPool("orchestrator_version"), knownvalue.StringExact("1.33.3")),
					statecheck.ExpectKnownValue(clusterAddress, defaultPool("os_sku"), knownvalue.StringExact("Ubuntu")),
					statecheck.ExpectKnownValue(clusterAddress, defaultPool("provisioning_state"), knownvalue.StringExact("Succeeded")),
					// One cluster PUT carrying the pool; no agentPools write, no credential listed.
					acctest.ExpectCalls(srv, clusterPut, 1),
					acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPut, `/agentPools/`), 0),
					acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPost, `/listCluster(User|Admin)Credential`), 0),
					// The pool inline as a System Linux pool, without a node image version.
					acctest.ExpectOne(srv, clusterPut,
						acctest.BodyValue(properties("agentPoolProfiles"), knownvalue.ListSizeExact(1)),
						acctest.BodyValue(poolProfile("name"), knownvalue.StringExact("nodepool1")),
						acctest.BodyValue(poolProfile("mode"), knownvalue.StringExact("System")),
						acctest.BodyValue(poolProfile("osType"), knownvalue.StringExact("Linux")),
						acctest.BodyValue(poolProfile("count"), knownvalue.Int64Exact(2)),
						acctest.BodyValue(poolProfile("vmSize"), knownvalue.StringExact("Standard_DS2_v2")),
						acctest.BodyOmits("nodeImageVersion"),
					),
				},
			},
			{
				ResourceName:    clusterAddress,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:   clusterID("aks-demo"),
				Config:          config,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(clusterAddress, plancheck.ResourceActionNoop),
				}},
			},
			{
				// The traditional import command records the same state.
				ResourceName:            clusterAddress,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
		},
	})
}

// steps of TestAccCluster_updateInPlace, each changing one group of in-place arguments.
func TestAccCluster_updateInPlace(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	groupID := "00000000-0000-4000-8000-0000000000aa"
	workspace := fmt.Sprintf("/subscriptions/%s/resourceGroups/rg-aks-demo/providers/Microsoft.OperationalInsights/workspaces/law-aks-demo", emulator.DefaultSubscriptionID)
	base := guideVersion + "\n" + guideNetwork
	tags := base + "\n  tags = { env = \"demo\" }"
	settings := tags + fmt.Sprintf(`
  sku_tier                        = "Standard"
  oidc_issuer_enabled             = true
  workload_identity_enabled       = true
  azure_rbac_enabled              = true
  admin_group_object_ids          = [%[1]q]
  local_account_disabled          = true
  api_server_authorized_ip_ranges = ["203.0.113.0/24"]
  automatic_upgrade_channel       = "patch"
  node_os_upgrade_channel         = "SecurityPatch"

  microsoft_defender {
    log_analytics_workspace_id = %[2]q
  }
`, groupID, workspace)
	poolSettings := guidePool + `
    node_labels                  = { workload = "system" }
    node_taints                  = ["dedicated=system:PreferNoSchedule"]
    only_critical_addons_enabled = true
    tags                         = { pool = "system" }
    upgrade_settings {
      max_surge = "33%"
    }`
	autoscaled := `    vm_size              = "Standard_DS2_v2"
    auto_scaling_enabled = true
    min_count            = 2
    max_count            = 5`

	sameID := keepsClusterID()
	acctest.Test(t, []resource.TestStep{
		createGuideCluster(sameID),
		{
			// Tags alone: one PATCH, nothing else.
			PreConfig:        srv.ResetJournal,
			Config:           clusterHCL("aks-demo", tags, guidePool),
			ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("tags"), knownvalue.MapExact(map[string]knownvalue.Check{"env": knownvalue.StringExact("demo")})),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPatch, `/managedClusters/aks-demo$`), 1),
				acctest.ExpectCalls(srv, clusterPut, 0),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPut, `/agentPools/`), 0),
			},
		},
		{
			// Cluster settings: one PUT built from a fresh read, with If-Match, pools untouched.
			PreConfig:        srv.ResetJournal,
			Config:           clusterHCL("aks-demo", settings, guidePool),
			ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				sameID(),
				statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("sku_tier"), knownvalue.StringExact("Standard")),
				statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("oidc_issuer_url"), knownvalue.StringRegexp(regexp.MustCompile(`^https://`))),
				statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("workload_identity_enabled"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("local_account_disabled"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("admin_group_object_ids"), knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(groupID)})),
				statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("automatic_upgrade_channel"), knownvalue.StringExact("patch")),
				statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("node_os_upgrade_channel"), knownvalue.StringExact("SecurityPatch")),
				statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("microsoft_defender").AtMapKey("log_analytics_workspace_id"), knownvalue.StringExact(workspace)),
				acctest.ExpectCalls(srv, clusterPut, 1),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPatch, `/managedClusters/aks-demo$`), 0),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPut, `/agentPools/`), 0),
				// Built from a fresh read: If-Match, and the pool's profile sent back as read (its
				// orchestratorVersion and count unchanged), so that AKS's "all orchestratorVersions
				// specified or none" rule can't trip.
				acctest.ExpectOne(srv, clusterPut,
					acctest.IfMatchETag(),
					acctest.BodyValue(properties("agentPoolProfiles"), knownvalue.ListSizeExact(1)),
					acctest.BodyValue(poolProfile("orchestratorVersion"), knownvalue.StringExact("1.33.3")),
					acctest.BodyValue(poolProfile("count"), knownvalue.Int64Exact(2)),
				),
			},
		},
		{
			// Default pool settings AKS changes in place: one agentPools PUT, no cluster PUT.
			PreConfig:        srv.ResetJournal,
			Config:           clusterHCL("aks-demo", settings, poolSettings),
			ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				sameID(),
				statecheck.ExpectKnownValue(clusterAddress, defaultPool("only_critical_addons_enabled"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(clusterAddress, defaultPool("node_taints"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("dedicated=system:PreferNoSchedule")})),
				statecheck.ExpectKnownValue(clusterAddress, defaultPool("upgrade_settings").AtMapKey("max_surge"), knownvalue.StringExact("33%")),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPut, `/agentPools/nodepool1$`), 1),
				acctest.ExpectCalls(srv, clusterPut, 0),
				acctest.ExpectEach(srv, acctest.ARMCall(http.MethodPut, `/agentPools/nodepool1$`), acctest.IfMatchETag()),
			},
			Check: expectPoolTaints(t, srv, "dedicated=system:PreferNoSchedule", "CriticalAddonsOnly=true:NoSchedule"),
		},
		{
			// Scale, then autoscaling: each one agentPools PUT.
			PreConfig: srv.ResetJournal,
			Config:    clusterHCL("aks-demo", settings, strings.Replace(poolSettings, "node_count = 2", "node_count = 3", 1)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(clusterAddress, defaultPool("current_node_count"), knownvalue.Int64Exact(3)),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPut, `/agentPools/nodepool1$`), 1),
				acctest.ExpectCalls(srv, clusterPut, 0),
			},
		},
		{
			PreConfig: srv.ResetJournal,
			Config:    clusterHCL("aks-demo", settings, autoscaled),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(clusterAddress, defaultPool("auto_scaling_enabled"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(clusterAddress, defaultPool("max_count"), knownvalue.Int64Exact(5)),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPut, `/agentPools/nodepool1$`), 1),
				acctest.ExpectCalls(srv, clusterPut, 0),
			},
		},
		{
			// The guide's Ubuntu to Azure Linux migration and FIPS, in place.
			PreConfig: srv.ResetJournal,
			Config:    clusterHCL("aks-demo", settings, autoscaled+"\n    os_sku = \"AzureLinux\"\n    fips_enabled = true"),
			ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionUpdate,
				plancheck.ExpectUnknownValue(clusterAddress, defaultPool("current_node_image_version")),
			),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(clusterAddress, defaultPool("os_sku"), knownvalue.StringExact("AzureLinux")),
				statecheck.ExpectKnownValue(clusterAddress, defaultPool("fips_enabled"), knownvalue.Bool(true)),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPut, `/agentPools/nodepool1$`), 1),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodDelete, `/agentPools/`), 0),
				acctest.ExpectCalls(srv, clusterPut, 0),
			},
		},
		{
			// Provider-side settings only: no write at all.
			PreConfig:        srv.ResetJournal,
			Config:           clusterHCL("aks-demo", settings+"\n  timeouts {\n    update = \"2h\"\n  }", autoscaled+"\n    os_sku = \"AzureLinux\"\n    fips_enabled = true\n    temporary_name_for_rotation = \"sysrotate\""),
			ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectNoWrites(srv),
			},
		},
	})
}

// expectPoolTaints checks the taints AKS holds for nodepool1.
func expectPoolTaints(t *testing.T, srv *emulator.Server, want ...string) func(*terraform.State) error {
	return func(*terraform.State) error {
		pool, err := getPool(t, srv, "aks-demo", "nodepool1")
		if err != nil {
			return err
		}
		var got []string
		for _, taint := range pool.Properties.NodeTaints {
			got = append(got, *taint)
		}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			return fmt.Errorf("nodepool1 taints = %v, want %v", got, want)
		}
		return nil
	}
}

// The network profile's in-place settings, the SSH key and the control plane identity: one
// cluster PUT; settings AKS can't change (the service CIDR) replace the cluster.
func TestAccCluster_updateNetworkIdentityAndSSH(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	identity := fmt.Sprintf("/subscriptions/%s/resourceGroups/rg-aks-demo/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aks-control-plane", emulator.DefaultSubscriptionID)
	config := func(policy, key, identityHCL, serviceCIDR string) string {
		return clusterHCL("aks-demo", guideVersion+fmt.Sprintf(`
  network_profile = {
    network_plugin    = "azure"
    load_balancer_sku = "standard"
    network_policy    = %q
    service_cidr      = %q
    dns_service_ip    = %q
  }

  linux_profile {
    admin_username = "azureuser"
    ssh_public_key = %q
  }
%s`, policy, serviceCIDR, strings.TrimSuffix(serviceCIDR, "0/16")+"10", key, identityHCL), guidePool)
	}
	keyA, keyB := "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKeyA demo@example", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKeyB demo@example"
	userAssigned := fmt.Sprintf(`
  identity = {
    type         = "UserAssigned"
    identity_ids = [%q]
  }`, identity)
	sameID := keepsClusterID()
	acctest.Test(t, []resource.TestStep{
		{
			Config:            config("none", keyA, "", "10.0.0.0/16"),
			ConfigStateChecks: []statecheck.StateCheck{sameID()},
		},
		{
			PreConfig: srv.ResetJournal,
			Config:    config("azure", keyB, userAssigned, "10.0.0.0/16"),
			ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionUpdate,
				plancheck.ExpectUnknownValue(clusterAddress, tfjsonpath.New("identity").AtMapKey("principal_id")),
			),
			ConfigStateChecks: []statecheck.StateCheck{
				sameID(),
				statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("network_profile").AtMapKey("network_policy"), knownvalue.StringExact("azure")),
				statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("linux_profile").AtMapKey("ssh_public_key"), knownvalue.StringExact(keyB)),
				statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("identity").AtMapKey("type"), knownvalue.StringExact("UserAssigned")),
				statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("identity").AtMapKey("identity_ids"), knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(identity)})),
				acctest.ExpectWrites(srv, "PUT aks-demo"),
			},
		},
		{
			PreConfig:        srv.ResetJournal,
			Config:           config("azure", keyB, userAssigned, "10.1.0.0/16"),
			ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectWrites(srv, "DELETE aks-demo", "PUT aks-demo"),
			},
		},
	})
}

// A Reader can plan: refreshing the cluster never lists its credentials, so a plan succeeds with
// both listCredential operations refused.
func TestAccCluster_readerPlan(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	config := guideCluster()
	acctest.Test(t, []resource.TestStep{
		{Config: config},
		{
			PreConfig: func() {
				srv.ResetJournal()
				for _, op := range []string{"listClusterUserCredential", "listClusterAdminCredential"} {
					srv.AddFault(emulator.Fault{Method: http.MethodPost, Path: "/" + op + "$", Status: http.StatusForbidden, Code: "AuthorizationFailed",
						Message: "The client does not have authorization to perform action 'Microsoft.ContainerService/managedClusters/" + op + "/action'."})
				}
			},
			Config:   config,
			PlanOnly: true,
			// Checked after the step's first plan: a PlanOnly step runs no Check.
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: []plancheck.PlanCheck{
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodGet, `/managedClusters/aks-demo$`), 1),
				// The default pool comes from the cluster's GET (agentPoolProfiles).
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodGet, `/agentPools`), 0),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPost, `/listCluster(User|Admin)Credential$`), 0),
			}},
		},
	})
}

// A cluster deleted outside Terraform is planned for creation again, and recreated; so is its
// default pool.
func TestAccCluster_outOfBandDeletion(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	config := guideCluster()
	acctest.Test(t, []resource.TestStep{
		{Config: config},
		{
			PreConfig: func() {
				deleteClusterOutOfBand(t, srv, "aks-demo")
				srv.ResetJournal()
			},
			Config:           config,
			ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("id"), knownvalue.StringExact(clusterID("aks-demo"))),
				acctest.ExpectWrites(srv, "PUT aks-demo"),
			},
		},
		{
			// The default pool deleted outside Terraform: the plan warns and apply recreates it.
			PreConfig: func() {
				if err := srv.Mutate(emulator.Mutation{Kind: emulator.MutateDeletePool, ID: clusterID("aks-demo") + "/agentPools/nodepool1"}); err != nil {
					t.Fatal(err)
				}
				srv.ResetJournal()
			},
			Config:           config,
			ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(clusterAddress, defaultPool("current_node_count"), knownvalue.Int64Exact(2)),
				acctest.ExpectWrites(srv, "PUT aks-demo/agentPools/nodepool1"),
			},
		},
		{
			Config:   config,
			PlanOnly: true,
		},
	})
}
