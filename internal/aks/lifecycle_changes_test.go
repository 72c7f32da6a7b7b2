package aks_test

import (
	"fmt"
	"net/http"
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

var (
	poolPut    = acctest.ARMCall(http.MethodPut, `/agentPools/[^/]+$`)
	poolDelete = acctest.ARMCall(http.MethodDelete, `/agentPools/[^/]+$`)
)

// nthPut is the journal's n-th agentPools PUT alone (0-based), so that checks can tell the
// order of the PUTs of one apply.
type nthPut struct {
	srv *emulator.Server
	n   int
}

func (j nthPut) Journal() []emulator.JournalEntry {
	puts := poolPut.In(j.srv)
	if j.n >= len(puts) {
		return nil
	}
	return puts[j.n : j.n+1]
}

// powerBody checks a PUT that carries only the power state, as Microsoft's AgentPools_Start and
// AgentPools_Stop requests do.
func powerBody(srv *emulator.Server, n int, code string) acctest.JournalCheck {
	return acctest.ExpectOne(nthPut{srv, n}, poolPut,
		acctest.BodyValue(properties("powerState").AtMapKey("code"), knownvalue.StringExact(code)),
		acctest.NoBodyValue(properties("count")), acctest.NoBodyValue(properties("nodeLabels"))).Named(fmt.Sprintf("PUT %d: power state %s alone", n, code))
}

// writes checks the apply made exactly n agentPools PUTs and no other write (no DELETE).
func writes(srv *emulator.Server, n int) acctest.JournalCheck {
	return acctest.All(acctest.ExpectCalls(srv, poolPut, n), acctest.ExpectCalls(srv, poolDelete, 0), acctest.ExpectCalls(srv, acctest.Writes(), n))
}

func stateValue(name string, want knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New(name), want)
}

// power_state stops and starts a pool in place: one PUT of the power state alone; with other
// changes a start comes before them and a stop after them; node_count keeps the count the pool
// starts again with, and a second plan is empty (the testing framework's plan after each apply).
func TestAccLifecycle_powerStateStopStart(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	base := "  node_count = 2\n  vm_size    = \"Standard_DS2_v2\"\n"
	acctest.Test(t, []resource.TestStep{
		{
			Config:            poolConfig(cluster, "stoppable", base),
			ConfigStateChecks: []statecheck.StateCheck{stateValue("power_state", knownvalue.StringExact("Running"))},
		},
		{
			PreConfig:        srv.ResetJournal,
			Config:           poolConfig(cluster, "stoppable", base+`  power_state = "Stopped"`),
			ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				writes(srv, 1), powerBody(srv, 0, "Stopped"),
				stateValue("power_state", knownvalue.StringExact("Stopped")),
				stateValue("node_count", knownvalue.Int64Exact(2)),
			},
		},
		{
			// Start and relabel in one apply: the start first, then the labels.
			PreConfig:        srv.ResetJournal,
			Config:           poolConfig(cluster, "stoppable", base+"  power_state = \"Running\"\n  node_labels = { team = \"web\" }"),
			ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				writes(srv, 2), powerBody(srv, 0, "Running"),
				acctest.ExpectOne(nthPut{srv, 1}, poolPut, acctest.BodyValue(properties("nodeLabels").AtMapKey("team"), knownvalue.StringExact("web"))),
				stateValue("power_state", knownvalue.StringExact("Running")),
				stateValue("current_node_count", knownvalue.Int64Exact(2)),
			},
		},
		{
			// Retag and stop in one apply: the tags first, then the stop.
			PreConfig:        srv.ResetJournal,
			Config:           poolConfig(cluster, "stoppable", base+"  power_state = \"Stopped\"\n  node_labels = { team = \"web\" }\n  tags = { env = \"dev\" }"),
			ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				writes(srv, 2), powerBody(srv, 1, "Stopped"),
				acctest.ExpectOne(nthPut{srv, 0}, poolPut, acctest.BodyValue(properties("tags").AtMapKey("env"), knownvalue.StringExact("dev")),
					acctest.BodyValue(properties("powerState").AtMapKey("code"), knownvalue.StringExact("Running"))),
				stateValue("power_state", knownvalue.StringExact("Stopped")),
			},
		},
		{
			// Unset, the power state is AKS's: no change planned for the stopped pool.
			PreConfig:        srv.ResetJournal,
			Config:           poolConfig(cluster, "stoppable", base+"  node_labels = { team = \"web\" }\n  tags = { env = \"dev\" }"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
		},
	})
}

// An autoscaled pool can be stopped (the doc: the autoscaler pauses) and started again, with its
// autoscaler settings kept in state though AKS reports a stopped pool's autoscaler off: no
// drift, and nothing sent to the stopped pool.
func TestAccLifecycle_stopStartAutoscaledPool(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	base := "  vm_size = \"Standard_DS2_v2\"\n  auto_scaling_enabled = true\n  min_count = 1\n  max_count = 3\n"
	empty := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
	acctest.Test(t, []resource.TestStep{
		{Config: poolConfig(cluster, "autostop", base)},
		{
			PreConfig:        srv.ResetJournal,
			Config:           poolConfig(cluster, "autostop", base+`  power_state = "Stopped"`),
			ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				writes(srv, 1), powerBody(srv, 0, "Stopped"),
				stateValue("auto_scaling_enabled", knownvalue.Bool(true)),
				stateValue("min_count", knownvalue.Int64Exact(1)),
				stateValue("max_count", knownvalue.Int64Exact(3)),
				stateValue("current_node_count", knownvalue.Int64Exact(0)),
			},
		},
		{PreConfig: srv.ResetJournal, Config: poolConfig(cluster, "autostop", base+`  power_state = "Stopped"`), ConfigPlanChecks: empty},
		{
			PreConfig:        srv.ResetJournal,
			Config:           poolConfig(cluster, "autostop", base+`  power_state = "Running"`),
			ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				writes(srv, 1), powerBody(srv, 0, "Running"),
				stateValue("auto_scaling_enabled", knownvalue.Bool(true)),
				stateValue("power_state", knownvalue.StringExact("Running")),
			},
		},
		{PreConfig: srv.ResetJournal, Config: poolConfig(cluster, "autostop", base+`  power_state = "Running"`), ConfigPlanChecks: empty},
	})
}

// A pool configured Stopped is created running (AKS creates every pool running) and then stopped.
func TestAccLifecycle_createStopped(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	srv.ResetJournal()
	acctest.Test(t, []resource.TestStep{{
		Config: poolConfig(cluster, "cold", "  node_count = 1\n  power_state = \"Stopped\""),
		ConfigStateChecks: []statecheck.StateCheck{
			writes(srv, 2),
			acctest.ExpectOne(nthPut{srv, 0}, poolPut, acctest.NoBodyValue(properties("powerState"))),
			powerBody(srv, 1, "Stopped"),
			stateValue("power_state", knownvalue.StringExact("Stopped")),
			stateValue("node_count", knownvalue.Int64Exact(1)),
		},
	}})
}

// A VirtualMachines pool takes its sizes and counts from virtual_machines_profile; vm_size and
// node_count read as null; a change of the profile is one PUT, a change of type a replacement.
func TestAccLifecycle_virtualMachinesPool(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	vm := func(scales string) string {
		return "  type = \"VirtualMachines\"\n  virtual_machines_profile = {\n    manual_scale = [" + scales + "]\n  }"
	}
	two := `{ vm_size = "Standard_D2_v2", node_count = 3 }, { vm_size = "Standard_D2_v3", node_count = 2 }`
	scale := tfjsonpath.New("virtual_machines_profile").AtMapKey("manual_scale")
	acctest.Test(t, []resource.TestStep{
		{
			PreConfig: srv.ResetJournal,
			Config:    poolConfig(cluster, "vmpool", vm(two)),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectOne(srv, poolPut,
					acctest.BodyValue(properties("type"), knownvalue.StringExact("VirtualMachines")),
					acctest.BodyValue(properties("virtualMachinesProfile").AtMapKey("scale").AtMapKey("manual").AtSliceIndex(1).AtMapKey("size"), knownvalue.StringExact("Standard_D2_v3")),
					acctest.NoBodyValue(properties("vmSize")), acctest.NoBodyValue(properties("count"))),
				stateValue("type", knownvalue.StringExact("VirtualMachines")),
				stateValue("vm_size", knownvalue.Null()),
				stateValue("node_count", knownvalue.Null()),
				stateValue("current_node_count", knownvalue.Int64Exact(5)),
				statecheck.ExpectKnownValue(poolAddress, scale.AtSliceIndex(0).AtMapKey("node_count"), knownvalue.Int64Exact(3)),
			},
		},
		{
			PreConfig:        srv.ResetJournal,
			Config:           poolConfig(cluster, "vmpool", vm(`{ vm_size = "Standard_D2_v2", node_count = 4 }, { vm_size = "Standard_D2_v3", node_count = 2 }, { vm_size = "Standard_D4_v3", node_count = 1 }`)),
			ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				writes(srv, 1),
				acctest.ExpectOne(srv, poolPut, acctest.BodyValue(properties("virtualMachinesProfile").AtMapKey("scale").AtMapKey("manual").AtSliceIndex(2).AtMapKey("count"), knownvalue.Int64Exact(1))),
				stateValue("current_node_count", knownvalue.Int64Exact(7)),
			},
		},
		{
			PreConfig:        srv.ResetJournal,
			Config:           poolConfig(cluster, "vmpool", "  node_count = 2"),
			ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionReplace),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectCalls(srv, poolDelete, 1), acctest.ExpectCalls(srv, poolPut, 1),
				stateValue("type", knownvalue.StringExact("VirtualMachineScaleSets")),
				stateValue("virtual_machines_profile", knownvalue.Null()),
			},
		},
	})
}

// The guide's plainest command, az aks nodepool add --name mynodepool --node-count 3, on a
// cluster whose pools use a custom subnet: the plan shows the subnet AKS gives the pool (the
// cluster's), the pool lands there, and the next plan is empty.
func TestAccLifecycle_noSubnetPoolOnCustomSubnetCluster(t *testing.T) {
	system := subnetID("vnet-aks-demo", "snet-system")
	srv, cluster := newEmulatorWithCluster(t, testCluster{SubnetID: system})
	srv.ResetJournal()
	acctest.Test(t, []resource.TestStep{
		{
			Config: poolConfig(cluster, "mynodepool", "  node_count = 3"),
			ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionCreate,
				plancheck.ExpectKnownValue(poolAddress, tfjsonpath.New("vnet_subnet_id"), knownvalue.StringExact(system))),
			ConfigStateChecks: []statecheck.StateCheck{
				stateValue("vnet_subnet_id", knownvalue.StringExact(system)),
				acctest.ExpectCalls(srv, poolPut, 1),
			},
			Check: func(*terraform.State) error {
				pool, err := getPool(t, srv, "aks-demo", "mynodepool")
				if err != nil {
					return err
				}
				if got := pool.Properties.VnetSubnetID; got == nil || *got != system {
					return fmt.Errorf("AKS put the pool on subnet %v, want %s", got, system)
				}
				return nil
			},
		},
	})
}

// os_sku: a move between Linux SKUs (Ubuntu 22.04, Ubuntu 24.04, Azure Linux 3) is one PUT.
func TestAccLifecycle_linuxOSSKUsInPlace(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	var steps []resource.TestStep
	for i, sku := range []string{"Ubuntu2204", "Ubuntu2404", "AzureLinux3", "AzureLinux"} {
		step := resource.TestStep{
			PreConfig:         srv.ResetJournal,
			Config:            poolConfig(cluster, "skus", fmt.Sprintf("  os_sku = %q", sku)),
			ConfigStateChecks: []statecheck.StateCheck{stateValue("os_sku", knownvalue.StringExact(sku))},
		}
		if i > 0 {
			step.ConfigPlanChecks = expectPlan(poolAddress, plancheck.ResourceActionUpdate)
			step.ConfigStateChecks = append(step.ConfigStateChecks, writes(srv, 1),
				acctest.ExpectOne(srv, poolPut, acctest.BodyValue(properties("osSKU"), knownvalue.StringExact(sku))))
		}
		steps = append(steps, step)
	}
	acctest.Test(t, steps)
}

// The data sources show the group's attributes.
func TestAccLifecycle_dataSources(t *testing.T) {
	_, cluster := newEmulatorWithCluster(t, testCluster{})
	config := poolConfig(cluster, "vmds", "  type = \"VirtualMachines\"\n  virtual_machines_profile = {\n    manual_scale = [{ vm_size = \"Standard_D2s_v3\", node_count = 2 }]\n  }") + `
data "aks_node_pool" "check" {
  cluster_id = aks_node_pool.test.cluster_id
  name       = aks_node_pool.test.name
}
data "aks_node_pools" "all" {
  cluster_id = aks_node_pool.test.cluster_id
  depends_on = [aks_node_pool.test]
}
`
	ds := func(name string) tfjsonpath.Path { return tfjsonpath.New(name) }
	acctest.Test(t, []resource.TestStep{{
		Config: config,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.aks_node_pool.check", ds("power_state"), knownvalue.StringExact("Running")),
			statecheck.ExpectKnownValue("data.aks_node_pool.check", ds("type"), knownvalue.StringExact("VirtualMachines")),
			statecheck.ExpectKnownValue("data.aks_node_pool.check", ds("virtual_machines_profile").AtMapKey("manual_scale").AtSliceIndex(0).AtMapKey("vm_size"), knownvalue.StringExact("Standard_D2s_v3")),
			statecheck.ExpectKnownValue("data.aks_node_pools.all", ds("node_pools"), knownvalue.ListPartial(map[int]knownvalue.Check{
				0: knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("nodepool1"), "power_state": knownvalue.StringExact("Running"), "type": knownvalue.StringExact("VirtualMachineScaleSets")}),
			})),
		},
	}})
}
