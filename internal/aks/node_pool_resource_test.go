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

func TestMain(m *testing.M) { acctest.Main(m) }

const poolAddress = "aks_node_pool.test"

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

// The guide: "Add a node pool" with three nodes, then `az aks nodepool list` shows both pools.
func TestAccNodePool_guideAddPoolAndList(t *testing.T) {
	srv := newEmulator(t)
	cluster := createCluster(t, srv, testCluster{})
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
			expectCalls(srv, http.MethodDelete, `/agentPools/mynodepool$`, 1),
		),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(poolAddress, plancheck.ResourceActionCreate),
				}},
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
				},
				Check: func(*terraform.State) error {
					puts := armCalls(srv, http.MethodPut, `/agentPools/mynodepool$`)
					if len(puts) != 1 {
						return fmt.Errorf("PUTs = %d, want exactly 1:\n%s", len(puts), acctest.FormatJournal(puts))
					}
					if puts[0].IfNoneMatch != "*" {
						return fmt.Errorf("create PUT without If-None-Match: *")
					}
					props, _ := putBody(t, puts[0])["properties"].(map[string]any)
					if props["count"] != float64(3) {
						return fmt.Errorf("create body count = %v, want 3", props["count"])
					}
					for _, readOnly := range []string{"provisioningState", "eTag", "nodeImageVersion", "currentOrchestratorVersion"} {
						if _, ok := props[readOnly]; ok {
							return fmt.Errorf("create body carries read-only %s", readOnly)
						}
					}
					return nil
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
	srv := newEmulator(t)
	cluster := createCluster(t, srv, testCluster{})
	config := poolConfig(cluster, "mynodepool", `
  node_count = 3
  node_labels = { team = "web" }
  upgrade_settings {
    max_surge = "33%"
  }`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
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
		},
	})
}

// Creating a pool that already exists is refused with the import instructions, before any write.
func TestAccNodePool_createRefusesExistingPool(t *testing.T) {
	srv := newEmulator(t)
	cluster := createCluster(t, srv, testCluster{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig:   srv.ResetJournal,
				Config:      poolConfig(cluster, "nodepool1", `  mode = "System"`),
				ExpectError: regexp.MustCompile(`(?s)Node pool already exists.*terraform import aks_node_pool\.nodepool1 /subscriptions/.*/agentPools/nodepool1.*import \{`),
			},
			{
				PreConfig: func() {
					if err := expectNoWrites(srv); err != nil {
						t.Fatal(err)
					}
				},
				Config:   poolConfig(cluster, "nodepool1", `  mode = "System"`),
				PlanOnly: true, ExpectNonEmptyPlan: true,
			},
		},
	})
}

func TestAccNodePool_arm64(t *testing.T) {
	srv := newEmulator(t)
	cluster := createCluster(t, srv, testCluster{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: poolConfig(cluster, "armpool", `
  node_count = 3
  vm_size    = "Standard_D2pds_v5"`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("vm_size"), knownvalue.StringExact("Standard_D2pds_v5")),
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("current_node_count"), knownvalue.Int64Exact(3)),
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("fips_enabled"), knownvalue.Bool(false)),
			},
		}},
	})
}

func TestAccNodePool_azureLinux(t *testing.T) {
	srv := newEmulator(t)
	cluster := createCluster(t, srv, testCluster{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: poolConfig(cluster, "azlinux", `  os_sku = "AzureLinux"`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("os_sku"), knownvalue.StringExact("AzureLinux")),
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("os_type"), knownvalue.StringExact("Linux")),
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("current_node_image_version"), knownvalue.StringRegexp(regexp.MustCompile(`(?i)azurelinux|mariner|cbl`))),
			},
		}},
	})
}

// The guide's in-place OS SKU migration: Ubuntu to Azure Linux is an update (one PUT), not a
// replacement, and the plan warns that the nodes are reimaged.
func TestAccNodePool_ubuntuToAzureLinuxInPlace(t *testing.T) {
	srv := newEmulator(t)
	cluster := createCluster(t, srv, testCluster{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: poolConfig(cluster, "migrate", `  os_sku = "Ubuntu"`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("os_sku"), knownvalue.StringExact("Ubuntu")),
				},
			},
			{
				PreConfig: srv.ResetJournal,
				Config:    poolConfig(cluster, "migrate", `  os_sku = "AzureLinux"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(poolAddress, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(poolAddress, tfjsonpath.New("current_node_image_version")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("os_sku"), knownvalue.StringExact("AzureLinux")),
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("id"), knownvalue.StringExact(poolID("migrate"))),
				},
				Check: resource.ComposeTestCheckFunc(
					expectCalls(srv, http.MethodPut, `/agentPools/migrate$`, 1),
					expectCalls(srv, http.MethodDelete, ``, 0),
					func(*terraform.State) error {
						put := armCalls(srv, http.MethodPut, `/agentPools/migrate$`)[0]
						if put.IfMatch == "" || put.IfMatch == "*" {
							return fmt.Errorf("update PUT If-Match = %q, want the ETag read before it", put.IfMatch)
						}
						props, _ := putBody(t, put)["properties"].(map[string]any)
						if props["osSKU"] != "AzureLinux" {
							return fmt.Errorf("PUT osSKU = %v", props["osSKU"])
						}
						return nil
					},
				),
			},
		},
	})
}

// The guide: a pool on its own subnet; all subnets must be in one virtual network, so a subnet of
// another VNet is refused at plan time without a write.
func TestAccNodePool_ownSubnet(t *testing.T) {
	srv := newEmulator(t)
	cluster := createCluster(t, srv, testCluster{SubnetID: subnetID("vnet-aks-demo", "snet-system")})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: poolConfig(cluster, "subnetpool", fmt.Sprintf(`
  node_count     = 3
  vnet_subnet_id = %q`, subnetID("vnet-other", "snet-other"))),
				ExpectError: regexp.MustCompile(`(?s)vnet_subnet_id.*vnet-other.*vnet-aks-demo`),
			},
			{
				PreConfig: func() {
					if err := expectNoWrites(srv); err != nil {
						t.Fatal(err)
					}
				},
				Config: poolConfig(cluster, "subnetpool", fmt.Sprintf(`
  node_count     = 3
  vnet_subnet_id = %q`, subnetID("vnet-aks-demo", "snet-user"))),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("vnet_subnet_id"), knownvalue.StringExact(subnetID("vnet-aks-demo", "snet-user"))),
				},
			},
			// The subnet ID spelled in another letter case is the same subnet: no change.
			{
				Config: poolConfig(cluster, "subnetpool", fmt.Sprintf(`
  node_count     = 3
  vnet_subnet_id = %q`, strings.Replace(subnetID("vnet-aks-demo", "snet-user"), "resourceGroups", "resourcegroups", 1))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(poolAddress, plancheck.ResourceActionUpdate),
				}},
				Check: expectCalls(srv, http.MethodPut, `/agentPools/subnetpool$`, 1), // only the create's PUT
			},
		},
	})
}

// The guide's FIPS pool, and ARM64 with FIPS on Ubuntu refused at plan time.
func TestAccNodePool_fips(t *testing.T) {
	srv := newEmulator(t)
	cluster := createCluster(t, srv, testCluster{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: poolConfig(cluster, "fipsarm", `
  vm_size      = "Standard_D2pds_v5"
  fips_enabled = true`),
				ExpectError: regexp.MustCompile(`(?s)fips_enabled.*(ARM64|Arm64).*Azure Linux`),
			},
			{
				PreConfig: func() {
					if err := expectNoWrites(srv); err != nil {
						t.Fatal(err)
					}
				},
				Config: poolConfig(cluster, "fipspool", `  fips_enabled = true`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("fips_enabled"), knownvalue.Bool(true)),
				},
				Check: func(*terraform.State) error {
					pool, err := getPool(t, srv, "aks-demo", "fipspool")
					if err != nil {
						return err
					}
					if pool.Properties.EnableFIPS == nil || !*pool.Properties.EnableFIPS {
						return fmt.Errorf("the emulator's pool has enableFIPS %v", pool.Properties.EnableFIPS)
					}
					return nil
				},
			},
			// FIPS off again is an in-place change that reimages: an update with a warning.
			{
				Config: poolConfig(cluster, "fipspool", `  fips_enabled = false`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(poolAddress, plancheck.ResourceActionUpdate),
				}},
			},
		},
	})
}

// The guide's Windows pool (a 6-character name, Standard_D4s_v3), and its Kubernetes version
// upgrade in place.
func TestAccNodePool_windowsAndVersionUpgrade(t *testing.T) {
	srv := newEmulator(t)
	cluster := createCluster(t, srv, testCluster{Windows: true})
	windows := func(version string) string {
		return poolConfig(cluster, "npwin", fmt.Sprintf(`
  os_type              = "Windows"
  vm_size              = "Standard_D4s_v3"
  node_count           = 1
  orchestrator_version = %q`, version))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: windows("1.32"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("os_type"), knownvalue.StringExact("Windows")),
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("os_sku"), knownvalue.StringRegexp(regexp.MustCompile(`^Windows20(19|22)$`))),
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("orchestrator_version"), knownvalue.StringExact("1.32")),
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("current_orchestrator_version"), knownvalue.StringRegexp(regexp.MustCompile(`^1\.32\.\d+$`))),
				},
			},
			{
				PreConfig: srv.ResetJournal,
				Config:    windows("1.33"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(poolAddress, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(poolAddress, tfjsonpath.New("current_orchestrator_version")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("orchestrator_version"), knownvalue.StringExact("1.33")),
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("current_orchestrator_version"), knownvalue.StringExact("1.33.3")),
				},
				Check: resource.ComposeTestCheckFunc(
					expectCalls(srv, http.MethodPut, `/agentPools/npwin$`, 1),
					expectCalls(srv, http.MethodDelete, ``, 0),
				),
			},
			// A downgrade is refused at plan time.
			{
				Config:      windows("1.32"),
				ExpectError: regexp.MustCompile(`(?s)orchestrator_version.*downgrade`),
			},
		},
	})
}

// The guide's Ephemeral OS pool: Standard_DS3_v2 holds the default 128 GB OS disk in its cache,
// Standard_DS2_v2 (86 GB cache) does not: refused at plan, accepted with a 60 GB disk.
func TestAccNodePool_ephemeralOSDisk(t *testing.T) {
	srv := newEmulator(t)
	cluster := createCluster(t, srv, testCluster{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: poolConfig(cluster, "ephemeral", `
  vm_size      = "Standard_DS2_v2"
  os_disk_type = "Ephemeral"`),
				ExpectError: regexp.MustCompile(`(?s)Ephemeral OS disk does not fit the VM size.*os_disk_type.*92341796864 bytes.*Standard_DS2_v2.*Standard_DS3_v2`),
			},
			{
				PreConfig: func() {
					if err := expectNoWrites(srv); err != nil {
						t.Fatal(err)
					}
				},
				Config: poolConfig(cluster, "ephemeral", `
  vm_size      = "Standard_DS3_v2"
  os_disk_type = "Ephemeral"`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("os_disk_type"), knownvalue.StringExact("Ephemeral")),
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("os_disk_size_gb"), knownvalue.Int64Exact(128)),
				},
			},
			{
				Config: poolConfig(cluster, "ephemeral", `
  vm_size         = "Standard_DS2_v2"
  os_disk_type    = "Ephemeral"
  os_disk_size_gb = 60`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(poolAddress, plancheck.ResourceActionReplace),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("vm_size"), knownvalue.StringExact("Standard_DS2_v2")),
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("os_disk_size_gb"), knownvalue.Int64Exact(60)),
				},
			},
		},
	})
}

// The guide's "Delete a node pool", with the PodDisruptionBudget override sent as configured.
func TestAccNodePool_delete(t *testing.T) {
	srv := newEmulator(t)
	cluster := createCluster(t, srv, testCluster{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: poolConfig(cluster, "doomed", "")},
			// Only ignore_pod_disruption_budget_on_delete (and timeouts) change: no call at all.
			{
				PreConfig: srv.ResetJournal,
				Config: poolConfig(cluster, "doomed", `
  ignore_pod_disruption_budget_on_delete = true
  timeouts {
    delete = "30m"
  }`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(poolAddress, plancheck.ResourceActionUpdate),
				}},
				Check: func(*terraform.State) error { return expectNoWrites(srv) },
			},
			{
				PreConfig: srv.ResetJournal,
				Config:    ` `,
				Check: resource.ComposeTestCheckFunc(
					expectPoolGone(srv, t, "aks-demo", "doomed"),
					func(*terraform.State) error {
						deletes := armCalls(srv, http.MethodDelete, `/agentPools/doomed$`)
						if len(deletes) != 1 || !strings.Contains(deletes[0].Query, "ignore-pod-disruption-budget=true") {
							return fmt.Errorf("DELETEs = %s, want one with ignore-pod-disruption-budget=true", acctest.FormatJournal(deletes))
						}
						return nil
					},
				),
			},
		},
	})
}

// Out-of-band changes: a scale is shown as drift and reverted; a deleted pool is recreated.
func TestAccNodePool_outOfBandScaleAndDelete(t *testing.T) {
	srv := newEmulator(t)
	cluster := createCluster(t, srv, testCluster{})
	config := poolConfig(cluster, "drifty", "  node_count = 2")
	mutate := func(m emulator.Mutation) func() {
		return func() {
			m.ID = poolID("drifty")
			if err := srv.Mutate(m); err != nil {
				t.Fatal(err)
			}
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig: mutate(emulator.Mutation{Kind: emulator.MutateScalePool, Count: 5}),
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(poolAddress, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(poolAddress, tfjsonpath.New("node_count"), knownvalue.Int64Exact(2)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("current_node_count"), knownvalue.Int64Exact(2)),
				},
			},
			{
				PreConfig: mutate(emulator.Mutation{Kind: emulator.MutateDeletePool}),
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(poolAddress, plancheck.ResourceActionCreate),
				}},
				Check: func(*terraform.State) error {
					_, err := getPool(t, srv, "aks-demo", "drifty")
					return err
				},
			},
		},
	})
}

// With autoscaling, the autoscaler's count is never drift and never reverted.
func TestAccNodePool_autoscalerCountIsNotDrift(t *testing.T) {
	srv := newEmulator(t)
	cluster := createCluster(t, srv, testCluster{})
	config := poolConfig(cluster, "autoscale", `
  auto_scaling_enabled = true
  min_count            = 1
  max_count            = 5
  node_count           = 2`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
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
				},
				Check: func(*terraform.State) error { return expectNoWrites(srv) },
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
		},
	})
}

// An operation that ends Failed after AKS accepted the PUT leaves the pool in the state, tainted,
// with AKS's error in the message; the next apply replaces it.
func TestAccNodePool_failedOperationTaints(t *testing.T) {
	srv := newEmulator(t)
	cluster := createCluster(t, srv, testCluster{})
	config := poolConfig(cluster, "flaky", "  node_count = 2")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
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
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(poolAddress, plancheck.ResourceActionReplace),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("provisioning_state"), knownvalue.StringExact("Succeeded")),
				},
			},
		},
	})
}

// node_image_version = "latest": when AKS releases a newer image, the plan shows it and apply
// upgrades through upgradeNodeImageVersion after no PUT.
func TestAccNodePool_nodeImageLatest(t *testing.T) {
	srv := newEmulator(t)
	cluster := createCluster(t, srv, testCluster{})
	config := poolConfig(cluster, "images", `
  os_sku             = "Ubuntu"
  node_image_version = "latest"`)
	const released = "AKSUbuntu-2204gen2containerd-209901.01.0"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("node_image_version"), knownvalue.StringExact("latest")),
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("current_node_image_version"), knownvalue.NotNull()),
				},
			},
			{
				PreConfig: func() {
					if err := srv.Mutate(emulator.Mutation{Kind: emulator.MutateReleaseNodeImage, OSSKU: "Ubuntu", Version: released}); err != nil {
						t.Fatal(err)
					}
					srv.ResetJournal()
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(poolAddress, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(poolAddress, tfjsonpath.New("current_node_image_version"), knownvalue.StringExact(released)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("current_node_image_version"), knownvalue.StringExact(released)),
				},
				Check: resource.ComposeTestCheckFunc(
					expectCalls(srv, http.MethodPost, `/agentPools/images/upgradeNodeImageVersion$`, 1),
					expectCalls(srv, http.MethodPut, `/agentPools/images$`, 0),
				),
			},
		},
	})
}
