package aks_test

import (
	"fmt"
	"net/http"
	"regexp"
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

// The guide: "Add a node pool" with three nodes, then `az aks nodepool list` shows both pools.
func TestAccNodePool_guideAddPoolAndList(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	config := poolConfig(cluster, "mynodepool", "  node_count = 3") + fmt.Sprintf(`
data "aks_node_pools" "all" {
  cluster_id = %[1]q
  depends_on = [aks_node_pool.test]
}

data "aks_node_pool" "mynodepool" {
  cluster_id = %[1]q
  name       = aks_node_pool.test.name
}
`, cluster)

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: resource.ComposeTestCheckFunc(
			expectPoolGone(srv, t, "aks-demo", "mynodepool"),
			acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodDelete, `/agentPools/mynodepool$`), 1).TestCheck,
		),
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("id"), knownvalue.StringExact(poolID("mynodepool"))),
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("node_count"), knownvalue.Int64Exact(3)),
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("current_node_count"), knownvalue.Int64Exact(3)),
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("mode"), knownvalue.StringExact("User")),
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("os_type"), knownvalue.StringExact("Linux")),
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("os_sku"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("vm_size"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("orchestrator_version"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("current_orchestrator_version"), knownvalue.StringExact("1.33.3")),
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("node_image_version"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("provisioning_state"), knownvalue.StringExact("Succeeded")),
					// The guide's example output: both pools, nodepool1 with 2 nodes and mynodepool with 3.
					statecheck.ExpectKnownValue("data.aks_node_pools.all", tfjsonpath.New("names"),
						knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("mynodepool"), knownvalue.StringExact("nodepool1")})),
					statecheck.ExpectKnownValue("data.aks_node_pools.all", tfjsonpath.New("node_pools").AtSliceIndex(0).AtMapKey("node_count"), knownvalue.Int64Exact(3)),
					statecheck.ExpectKnownValue("data.aks_node_pools.all", tfjsonpath.New("node_pools").AtSliceIndex(1).AtMapKey("node_count"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue("data.aks_node_pools.all", tfjsonpath.New("node_pools").AtSliceIndex(1).AtMapKey("mode"), knownvalue.StringExact("System")),
					statecheck.ExpectKnownValue("data.aks_node_pools.all", tfjsonpath.New("node_pools").AtSliceIndex(1).AtMapKey("vm_size"), knownvalue.StringExact("Standard_DS2_v2")),
					statecheck.ExpectKnownValue("data.aks_node_pools.all", tfjsonpath.New("node_pools").AtSliceIndex(0).AtMapKey("provisioning_state"), knownvalue.StringExact("Succeeded")),
					statecheck.ExpectKnownValue("data.aks_node_pool.mynodepool", tfjsonpath.New("node_count"), knownvalue.Int64Exact(3)),
					statecheck.ExpectKnownValue("data.aks_node_pool.mynodepool", tfjsonpath.New("id"), knownvalue.StringExact(poolID("mynodepool"))),
					// One create PUT that must not overwrite, carrying no read-only property.
					acctest.ExpectOne(srv, acctest.ARMCall(http.MethodPut, `/agentPools/mynodepool$`),
						acctest.IfNoneMatch("*"),
						acctest.BodyValue(properties("count"), knownvalue.Int64Exact(3)),
						acctest.NoBodyValue(properties("provisioningState")),
						acctest.NoBodyValue(properties("eTag")),
						acctest.NoBodyValue(properties("nodeImageVersion")),
						acctest.NoBodyValue(properties("currentOrchestratorVersion")),
					),
				},
			},
			// `terraform import` by ARM ID, then a plan with the same configuration is empty.
			{
				ResourceName:      poolAddress,
				ImportState:       true,
				ImportStateId:     poolID("mynodepool"),
				ImportStateVerify: true,
			},
		},
	})
}

// An import block: the plan after importing with a matching configuration changes nothing.
func TestAccNodePool_importBlock(t *testing.T) {
	_, cluster := newEmulatorWithCluster(t, testCluster{})
	config := poolConfig(cluster, "mynodepool", `
  node_count = 3
  node_labels = { team = "web" }
  upgrade_settings {
    max_surge = "33%"
  }`)
	acctest.Test(t, []resource.TestStep{
		{Config: config},
		{
			Config:          config,
			ResourceName:    poolAddress,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
			ImportStateId:   poolID("mynodepool"),
			ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(poolAddress, plancheck.ResourceActionNoop),
			}},
		},
	})
}

// Creating a pool that already exists is refused with the import instructions, before any write.
func TestAccNodePool_createRefusesExistingPool(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	acctest.Test(t, []resource.TestStep{
		{
			PreConfig:   srv.ResetJournal,
			Config:      poolConfig(cluster, "nodepool1", `  mode = "System"`),
			ExpectError: regexp.MustCompile(`(?s)Node pool already exists.*with aks_node_pool\.test.*terraform import ADDRESS\s+/subscriptions/.*/agentPools/nodepool1.*import \{`),
		},
		{
			PreConfig: func() { acctest.ExpectNoWrites(srv).Require(t) },
			Config:    poolConfig(cluster, "nodepool1", `  mode = "System"`),
			PlanOnly:  true, ExpectNonEmptyPlan: true,
		},
	})
}

// The guide's "Delete a node pool", with the PodDisruptionBudget override sent as configured.
func TestAccNodePool_delete(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	acctest.Test(t, []resource.TestStep{
		{Config: poolConfig(cluster, "doomed", "")},
		// Only ignore_pod_disruption_budget_on_delete (and timeouts) change: no call at all.
		{
			PreConfig: srv.ResetJournal,
			Config: poolConfig(cluster, "doomed", `
  ignore_pod_disruption_budget_on_delete = true
  timeouts {
    delete = "30m"
  }`),
			ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectNoWrites(srv),
			},
		},
		{
			PreConfig: srv.ResetJournal,
			Config:    ` `,
			Check:     expectPoolGone(srv, t, "aks-demo", "doomed"),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectOne(srv, acctest.ARMCall(http.MethodDelete, `/agentPools/doomed$`), acctest.QueryContains("ignore-pod-disruption-budget=true")),
			},
		},
	})
}

// Out-of-band changes: a scale is shown as drift and reverted; a deleted pool is recreated.
func TestAccNodePool_outOfBandScaleAndDelete(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	config := poolConfig(cluster, "drifty", "  node_count = 2")
	mutate := func(m emulator.Mutation) func() {
		return func() {
			m.ID = poolID("drifty")
			if err := srv.Mutate(m); err != nil {
				t.Fatal(err)
			}
		}
	}
	acctest.Test(t, []resource.TestStep{
		{Config: config},
		{
			PreConfig: mutate(emulator.Mutation{Kind: emulator.MutateScalePool, Count: 5}),
			Config:    config,
			ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionUpdate,
				plancheck.ExpectKnownValue(poolAddress, tfjsonpath.New("node_count"), knownvalue.Int64Exact(2)),
			),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("current_node_count"), knownvalue.Int64Exact(2)),
			},
		},
		{
			PreConfig:        mutate(emulator.Mutation{Kind: emulator.MutateDeletePool}),
			Config:           config,
			ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionCreate),
			Check: func(*terraform.State) error {
				_, err := getPool(t, srv, "aks-demo", "drifty")
				return err
			},
		},
	})
}

// With autoscaling, the autoscaler's count is never drift and never reverted.
func TestAccNodePool_autoscalerCountIsNotDrift(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	config := poolConfig(cluster, "autoscale", `
  auto_scaling_enabled = true
  min_count            = 1
  max_count            = 5
  node_count           = 2`)
	acctest.Test(t, []resource.TestStep{
		{Config: config},
		{
			PreConfig: func() {
				if err := srv.Mutate(emulator.Mutation{Kind: emulator.MutateScalePool, ID: poolID("autoscale"), Count: 4}); err != nil {
					t.Fatal(err)
				}
				srv.ResetJournal()
			},
			Config:   config,
			PlanOnly: true, // an empty plan is the assertion
		},
		{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("node_count"), knownvalue.Int64Exact(2)),
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("current_node_count"), knownvalue.Int64Exact(4)),
				acctest.ExpectNoWrites(srv),
			},
		},
		// A change elsewhere never sends the count: the autoscaler's 4 stays.
		{
			Config: poolConfig(cluster, "autoscale", `
  auto_scaling_enabled = true
  min_count            = 1
  max_count            = 6
  node_count           = 2`),
			Check: func(*terraform.State) error {
				pool, err := getPool(t, srv, "aks-demo", "autoscale")
				if err != nil {
					return err
				}
				if *pool.Properties.Count != 4 || *pool.Properties.MaxCount != 6 {
					return fmt.Errorf("count %d max %d, want the autoscaler's 4 kept and max 6", *pool.Properties.Count, *pool.Properties.MaxCount)
				}
				return nil
			},
		},
	})
}

// An operation that ends Failed after AKS accepted the PUT leaves the pool in the state, tainted,
// with AKS's error in the message; the next apply replaces it.
func TestAccNodePool_failedOperationTaints(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	config := poolConfig(cluster, "flaky", "  node_count = 2")
	acctest.Test(t, []resource.TestStep{
		{
			PreConfig: func() {
				srv.AddFault(emulator.Fault{
					Method: http.MethodPut, Path: `/agentPools/flaky$`, FailOperation: true, Count: 1,
					Code: "VMExtensionProvisioningError", Message: "VM has reported a failure when processing extension 'vmssCSE'.",
				})
			},
			Config:      config,
			ExpectError: regexp.MustCompile(`(?s)Could not create the node pool.*VMExtensionProvisioningError.*vmssCSE`),
		},
		{
			Config:           config,
			ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionReplace),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("provisioning_state"), knownvalue.StringExact("Succeeded")),
			},
		},
	})
}
