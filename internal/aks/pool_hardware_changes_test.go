package aks_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
)

var hardwarePoolPut = acctest.ARMCall(http.MethodPut, `/agentPools/[^/]+$`)

// securityProfileIs checks the pool's security_profile in the state.
func securityProfileIs(address string, path func(string) tfjsonpath.Path, ssh string, boot, vtpm bool) []statecheck.StateCheck {
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(address, path("security_profile").AtMapKey("ssh_access"), knownvalue.StringExact(ssh)),
		statecheck.ExpectKnownValue(address, path("security_profile").AtMapKey("secure_boot_enabled"), knownvalue.Bool(boot)),
		statecheck.ExpectKnownValue(address, path("security_profile").AtMapKey("vtpm_enabled"), knownvalue.Bool(vtpm)),
	}
}

func poolAttr(name string) tfjsonpath.Path { return tfjsonpath.New(name) }

// Each hardware attribute's change is planned as the docs table says: the security profile in
// place (one agentPools PUT, no DELETE), everything else by replacing the pool.
func TestAccPoolHardware_eachAttributeUpdateOrReplace(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	base := poolArguments{
		"cluster_id":   fmt.Sprintf("%q", cluster),
		"name":         `"hw"`,
		"node_count":   "1",
		"vm_size":      `"Standard_D4s_v3"`,
		"os_sku":       `"AzureLinux"`,
		"os_disk_type": `"Managed"`,
	}
	type change struct {
		what   string
		set    poolArguments
		action plancheck.ResourceActionType
		calls  string
		more   []plancheck.PlanCheck
		state  []statecheck.StateCheck
	}
	sent := func(key string, want knownvalue.Check) statecheck.StateCheck {
		return acctest.ExpectOne(srv, hardwarePoolPut, acctest.BodyValue(properties("securityProfile").AtMapKey(key), want))
	}
	changes := []change{
		{what: "ssh_access", set: poolArguments{"security_profile": `{ ssh_access = "Disabled" }`}, action: plancheck.ResourceActionUpdate, calls: "put",
			state: append(securityProfileIs(poolAddress, poolAttr, "Disabled", false, false), sent("sshAccess", knownvalue.StringExact("Disabled")))},
		{what: "vtpm_enabled", set: poolArguments{"security_profile": `{
    ssh_access   = "Disabled"
    vtpm_enabled = true
  }`}, action: plancheck.ResourceActionUpdate, calls: "put",
			more:  []plancheck.PlanCheck{plancheck.ExpectUnknownValue(poolAddress, poolAttr("current_node_image_version"))},
			state: append(securityProfileIs(poolAddress, poolAttr, "Disabled", false, true), sent("enableVTPM", knownvalue.Bool(true)))},
		{what: "secure_boot_enabled", set: poolArguments{"security_profile": `{
    ssh_access          = "Disabled"
    secure_boot_enabled = true
    vtpm_enabled        = true
  }`}, action: plancheck.ResourceActionUpdate, calls: "put",
			more:  []plancheck.PlanCheck{plancheck.ExpectUnknownValue(poolAddress, poolAttr("current_node_image_version"))},
			state: append(securityProfileIs(poolAddress, poolAttr, "Disabled", true, true), sent("enableSecureBoot", knownvalue.Bool(true)), sent("enableVTPM", knownvalue.Bool(true)))},
		{what: "Trusted Launch off, SSH back on", set: poolArguments{"security_profile": `{ ssh_access = "LocalUser" }`}, action: plancheck.ResourceActionUpdate, calls: "put",
			state: append(securityProfileIs(poolAddress, poolAttr, "LocalUser", false, false), sent("enableSecureBoot", knownvalue.Bool(false)))},
		{what: "security_profile removed: AKS's settings stay", set: poolArguments{"security_profile": ""}, action: plancheck.ResourceActionNoop, calls: "none",
			state: securityProfileIs(poolAddress, poolAttr, "LocalUser", false, false)},
		{what: "workload_runtime", set: poolArguments{"workload_runtime": `"KataVmIsolation"`}, action: plancheck.ResourceActionReplace, calls: "replace",
			state: []statecheck.StateCheck{statecheck.ExpectKnownValue(poolAddress, poolAttr("workload_runtime"), knownvalue.StringExact("KataVmIsolation"))}},
		{what: "ultra_ssd_enabled", set: poolArguments{"ultra_ssd_enabled": "true"}, action: plancheck.ResourceActionReplace, calls: "replace",
			state: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(poolAddress, poolAttr("ultra_ssd_enabled"), knownvalue.Bool(true)),
				acctest.ExpectOne(srv, hardwarePoolPut, acctest.BodyValue(properties("enableUltraSSD"), knownvalue.Bool(true))),
			}},
		{what: "gpu_driver", set: poolArguments{"gpu_driver": `"None"`}, action: plancheck.ResourceActionReplace, calls: "replace",
			state: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(poolAddress, poolAttr("gpu_driver"), knownvalue.StringExact("None")),
				acctest.ExpectOne(srv, hardwarePoolPut, acctest.BodyValue(properties("gpuProfile").AtMapKey("driver"), knownvalue.StringExact("None"))),
			}},
		{what: "workload_runtime back to the default", set: poolArguments{"workload_runtime": ""}, action: plancheck.ResourceActionReplace, calls: "replace",
			state: []statecheck.StateCheck{statecheck.ExpectKnownValue(poolAddress, poolAttr("workload_runtime"), knownvalue.StringExact("OCIContainer"))}},
	}
	steps := []resource.TestStep{{
		Config:           base.hcl(),
		ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionCreate),
		ConfigStateChecks: append(securityProfileIs(poolAddress, poolAttr, "LocalUser", false, false),
			statecheck.ExpectKnownValue(poolAddress, poolAttr("workload_runtime"), knownvalue.StringExact("OCIContainer")),
			statecheck.ExpectKnownValue(poolAddress, poolAttr("ultra_ssd_enabled"), knownvalue.Bool(false)),
			statecheck.ExpectKnownValue(poolAddress, poolAttr("gpu_instance_profile"), knownvalue.Null()),
		),
	}}
	current := base
	for _, c := range changes {
		current = current.with(c.set)
		steps = append(steps, resource.TestStep{
			PreConfig:         srv.ResetJournal,
			Config:            current.hcl(),
			ConfigPlanChecks:  expectPlan(poolAddress, c.action, c.more...),
			ConfigStateChecks: append(c.state, changeCalls(srv, c.what, c.calls)),
		})
	}
	acctest.Test(t, steps)
}

// gpu_instance_profile on Microsoft's MIG size: a new profile replaces the pool, and the data
// sources show the hardware attributes.
func TestAccPoolHardware_gpuInstanceProfileReplaces(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	config := func(profile string) string {
		return poolConfig(cluster, "gpumig", fmt.Sprintf("  node_count = 1\n  vm_size = \"Standard_ND96asr_v4\"\n  gpu_instance_profile = %q", profile)) + fmt.Sprintf(`
data "aks_node_pool" "gpumig" {
  cluster_id = %[1]q
  name       = aks_node_pool.test.name
}

data "aks_node_pools" "all" {
  cluster_id = %[1]q
  depends_on = [aks_node_pool.test]
}
`, cluster)
	}
	ds := "data.aks_node_pool.gpumig"
	acctest.Test(t, []resource.TestStep{
		{
			Config:           config("MIG1g"),
			ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionCreate),
			ConfigStateChecks: append(securityProfileIs(ds, poolAttr, "LocalUser", false, false),
				statecheck.ExpectKnownValue(ds, poolAttr("gpu_instance_profile"), knownvalue.StringExact("MIG1g")),
				statecheck.ExpectKnownValue(ds, poolAttr("workload_runtime"), knownvalue.StringExact("OCIContainer")),
				statecheck.ExpectKnownValue(ds, poolAttr("ultra_ssd_enabled"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue("data.aks_node_pools.all", tfjsonpath.New("node_pools").AtSliceIndex(0).AtMapKey("gpu_instance_profile"), knownvalue.StringExact("MIG1g")),
				statecheck.ExpectKnownValue("data.aks_node_pools.all", tfjsonpath.New("node_pools").AtSliceIndex(0).AtMapKey("security_profile").AtMapKey("ssh_access"), knownvalue.StringExact("LocalUser")),
				acctest.ExpectOne(srv, hardwarePoolPut, acctest.BodyValue(properties("gpuInstanceProfile"), knownvalue.StringExact("MIG1g"))),
			),
		},
		{
			PreConfig:         srv.ResetJournal,
			Config:            config("MIG2g"),
			ConfigPlanChecks:  expectPlan(poolAddress, plancheck.ResourceActionReplace),
			ConfigStateChecks: []statecheck.StateCheck{changeCalls(srv, "gpu_instance_profile", "replace")},
		},
	})
}

// default_node_pool: the security profile at cluster creation, then changed in place with one
// agentPools PUT (no cluster PUT, no DELETE); a GPU driver change rotates the pool.
func TestAccPoolHardware_defaultPoolSecurityProfileInPlace(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	sameID := keepsClusterID()
	pool := func(profile string) string { return guidePool + "\n    security_profile = " + profile }
	acctest.Test(t, []resource.TestStep{
		{
			Config: clusterHCL("aks-demo", guideVersion+"\n"+guideNetwork, pool(`{ ssh_access = "Disabled" }`)),
			ConfigStateChecks: append(securityProfileIs(clusterAddress, defaultPool, "Disabled", false, false), sameID(),
				statecheck.ExpectKnownValue(clusterAddress, defaultPool("workload_runtime"), knownvalue.StringExact("OCIContainer")),
				acctest.ExpectOne(srv, clusterPut, acctest.BodyValue(poolProfile("securityProfile").AtMapKey("sshAccess"), knownvalue.StringExact("Disabled")))),
		},
		{
			PreConfig: srv.ResetJournal,
			Config: clusterHCL("aks-demo", guideVersion+"\n"+guideNetwork, pool(`{
      ssh_access          = "Disabled"
      secure_boot_enabled = true
    }`)),
			ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionUpdate,
				plancheck.ExpectUnknownValue(clusterAddress, defaultPool("current_node_image_version"))),
			ConfigStateChecks: append(securityProfileIs(clusterAddress, defaultPool, "Disabled", true, false), sameID(),
				acctest.ExpectOne(srv, acctest.ARMCall(http.MethodPut, `/agentPools/nodepool1$`),
					acctest.BodyValue(properties("securityProfile").AtMapKey("enableSecureBoot"), knownvalue.Bool(true))),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodDelete, `/agentPools/`), 0),
				acctest.ExpectCalls(srv, clusterPut, 0)),
		},
		{
			// A setting AKS keeps for the life of the pool rotates the default pool.
			PreConfig: srv.ResetJournal,
			Config: clusterHCL("aks-demo", guideVersion+"\n"+guideNetwork, pool(`{
      ssh_access          = "Disabled"
      secure_boot_enabled = true
    }`)+"\n    gpu_driver = \"None\""),
			ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionUpdate),
			ConfigStateChecks: append(rotated(srv, sameID, "gpu_driver", "None",
				"PUT aks-demo/agentPools/nodepool1tmp", "DELETE aks-demo/agentPools/nodepool1",
				"PUT aks-demo/agentPools/nodepool1", "DELETE aks-demo/agentPools/nodepool1tmp"),
				acctest.ExpectOne(srv, acctest.ARMCall(http.MethodPut, `/agentPools/nodepool1$`),
					acctest.BodyValue(properties("gpuProfile").AtMapKey("driver"), knownvalue.StringExact("None")),
					acctest.BodyValue(properties("securityProfile").AtMapKey("enableSecureBoot"), knownvalue.Bool(true)))),
		},
	})
}

// Microsoft's agentPools examples that use the hardware attributes (their hardware part; the
// examples helper's test applies them whole): each plans (warnings only), applies with
// Microsoft's values in the PUT body, plans empty, and an import block plans no change.
func TestAccPoolHardware_officialExamplesApply(t *testing.T) {
	examples := []struct {
		name, args, property string
		want                 knownvalue.Check
	}{
		{"gpumig", "node_count = 3\n  vm_size = \"Standard_ND96asr_v4\"\n  gpu_instance_profile = \"MIG2g\"", "gpuInstanceProfile", knownvalue.StringExact("MIG2g")},
		{"katapool", "mode = \"User\"\n  node_count = 3\n  vm_size = \"Standard_D4s_v3\"\n  os_sku = \"AzureLinux\"\n  os_disk_size_gb = 64\n  workload_runtime = \"KataVmIsolation\"",
			"workloadRuntime", knownvalue.StringExact("KataVmIsolation")},
		{"wasmpool", "mode = \"User\"\n  node_count = 3\n  vm_size = \"Standard_DS2_v2\"\n  os_disk_size_gb = 64\n  workload_runtime = \"WasmWasi\"",
			"workloadRuntime", knownvalue.StringExact("WasmWasi")},
		{"ultrassd", "node_count = 3\n  vm_size = \"Standard_DS2_v2\"\n  ultra_ssd_enabled = true", "enableUltraSSD", knownvalue.Bool(true)},
	}
	for _, e := range examples {
		t.Run(e.name, func(t *testing.T) {
			srv, cluster := newEmulatorWithCluster(t, testCluster{})
			config := poolConfig(cluster, e.name, "  "+e.args)
			acctest.Test(t, []resource.TestStep{
				{
					Config:            config,
					ConfigPlanChecks:  expectPlan(poolAddress, plancheck.ResourceActionCreate),
					ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectOne(srv, hardwarePoolPut, acctest.BodyValue(properties(e.property), e.want))},
				},
				{
					Config:          config,
					ResourceName:    poolAddress,
					ImportState:     true,
					ImportStateKind: resource.ImportBlockWithID,
					ImportStateId:   clusterID("aks-demo") + "/agentPools/" + e.name,
					ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(poolAddress, plancheck.ResourceActionNoop),
					}},
				},
			})
		})
	}
}
