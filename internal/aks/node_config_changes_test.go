package aks_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// officialKubeletHCL and officialLinuxOSHCL are the kubelet and OS settings of Microsoft's
// AgentPoolsCreate_CustomNodeConfig (also GPUMIG and OSSKU) request, as HCL.
const officialKubeletHCL = `{
    cpu_manager_policy      = "static"
    cpu_cfs_quota_enabled   = true
    cpu_cfs_quota_period    = "200ms"
    image_gc_high_threshold = 90
    image_gc_low_threshold  = 70
    topology_manager_policy = "best-effort"
    allowed_unsafe_sysctls  = ["kernel.msg*", "net.core.somaxconn"]
    fail_swap_on            = false
  }`

const officialLinuxOSHCL = `{
    sysctl_config = {
      net_core_wmem_default        = 12345
      net_ipv4_tcp_tw_reuse        = true
      net_ipv4_ip_local_port_range = "20000 60000"
      kernel_threads_max           = 99999
    }
    transparent_huge_page        = "always"
    transparent_huge_page_defrag = "madvise"
    swap_file_size_mb            = 1500
  }`

// officialNodeConfigJSON is the same settings as Microsoft's request body has them.
const officialNodeConfigJSON = `{
  "kubeletConfig": {"cpuManagerPolicy": "static", "cpuCfsQuota": true, "cpuCfsQuotaPeriod": "200ms", "imageGcHighThreshold": 90,
    "imageGcLowThreshold": 70, "topologyManagerPolicy": "best-effort", "allowedUnsafeSysctls": ["kernel.msg*", "net.core.somaxconn"], "failSwapOn": false},
  "linuxOSConfig": {"sysctls": {"netCoreWmemDefault": 12345, "netIpv4TcpTwReuse": true, "netIpv4IpLocalPortRange": "20000 60000", "kernelThreadsMax": 99999},
    "transparentHugePageEnabled": "always", "transparentHugePageDefrag": "madvise", "swapFileSizeMB": 1500}
}`

// carriesOfficialNodeConfig checks that a request's kubeletConfig and linuxOSConfig are exactly
// Microsoft's.
func carriesOfficialNodeConfig() acctest.RequestCheck {
	return func(e emulator.JournalEntry) error {
		var want, got struct {
			Properties map[string]any `json:"properties"`
		}
		if err := json.Unmarshal([]byte(`{"properties":`+officialNodeConfigJSON+`}`), &want); err != nil {
			return err
		}
		if err := json.Unmarshal(e.RequestBody, &got); err != nil {
			return err
		}
		for _, key := range []string{"kubeletConfig", "linuxOSConfig"} {
			if !reflect.DeepEqual(want.Properties[key], got.Properties[key]) {
				return fmt.Errorf("%s = %v, want Microsoft's %v", key, got.Properties[key], want.Properties[key])
			}
		}
		return nil
	}
}

func nodeConfigPool(cluster, name string) string {
	return poolConfig(cluster, name, fmt.Sprintf(`  node_count = 3
  vm_size    = "Standard_DS2_v2"
  os_type    = "Linux"
  kubelet_config = %s
  linux_os_config = %s
`, officialKubeletHCL, officialLinuxOSHCL))
}

// Microsoft's CustomNodeConfig pool applies with the request's exact settings, plans empty
// afterwards, shows in the data source, and an import of it plans no change.
func TestAccNodeConfig_officialExampleAppliesAndImports(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	config := nodeConfigPool(cluster, "agentpool1")
	withData := config + fmt.Sprintf(`
data "aks_node_pool" "read" {
  cluster_id = %q
  name       = aks_node_pool.test.name
}
`, cluster)
	kubelet := func(name string) tfjsonpath.Path { return tfjsonpath.New("kubelet_config").AtMapKey(name) }
	sysctl := func(name string) tfjsonpath.Path {
		return tfjsonpath.New("linux_os_config").AtMapKey("sysctl_config").AtMapKey(name)
	}
	acctest.Test(t, []resource.TestStep{
		{
			Config:           withData,
			ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectOne(srv, acctest.ARMCall(http.MethodPut, `/agentPools/agentpool1$`), carriesOfficialNodeConfig()),
				statecheck.ExpectKnownValue(poolAddress, kubelet("cpu_manager_policy"), knownvalue.StringExact("static")),
				statecheck.ExpectKnownValue(poolAddress, kubelet("allowed_unsafe_sysctls"),
					knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("kernel.msg*"), knownvalue.StringExact("net.core.somaxconn")})),
				statecheck.ExpectKnownValue(poolAddress, sysctl("net_ipv4_ip_local_port_range"), knownvalue.StringExact("20000 60000")),
				statecheck.ExpectKnownValue(poolAddress, sysctl("vm_swappiness"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.aks_node_pool.read", kubelet("topology_manager_policy"), knownvalue.StringExact("best-effort")),
				statecheck.ExpectKnownValue("data.aks_node_pool.read", tfjsonpath.New("linux_os_config").AtMapKey("swap_file_size_mb"), knownvalue.Int64Exact(1500)),
				statecheck.ExpectKnownValue("data.aks_node_pool.read", sysctl("kernel_threads_max"), knownvalue.Int64Exact(99999)),
			},
		},
		{
			Config:          config,
			ResourceName:    poolAddress,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
			ImportStateId:   poolID("agentpool1"),
			ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(poolAddress, plancheck.ResourceActionNoop),
			}},
		},
	})
}

// Each setting's change replaces the pool (one DELETE and one PUT); a change elsewhere on a pool
// with custom node configuration is one PUT that AKS accepts, and leaves the settings alone.
func TestAccNodeConfig_changesReplaceThePool(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	steps := []resource.TestStep{{Config: nodeConfigPool(cluster, "custom")}}
	changes := []struct {
		what   string
		from   string
		to     string
		action plancheck.ResourceActionType
		calls  string
	}{
		{"node_count", "node_count = 3", "node_count = 2", plancheck.ResourceActionUpdate, "put"},
		{"kubelet_config.cpu_manager_policy", `cpu_manager_policy      = "static"`, `cpu_manager_policy      = "none"`, plancheck.ResourceActionReplace, "replace"},
		{"kubelet_config.pod_max_pid (added)", `fail_swap_on            = false`, "fail_swap_on = false\n    pod_max_pid = 4096", plancheck.ResourceActionReplace, "replace"},
		{"kubelet_config.allowed_unsafe_sysctls", `["kernel.msg*", "net.core.somaxconn"]`, `["kernel.msg*", "net.*"]`, plancheck.ResourceActionReplace, "replace"},
		{"linux_os_config.transparent_huge_page", `transparent_huge_page        = "always"`, `transparent_huge_page        = "never"`, plancheck.ResourceActionReplace, "replace"},
		{"linux_os_config.swap_file_size_mb", `swap_file_size_mb            = 1500`, `swap_file_size_mb            = 2048`, plancheck.ResourceActionReplace, "replace"},
		{"linux_os_config.sysctl_config.net_core_somaxconn (added)", `kernel_threads_max           = 99999`, "kernel_threads_max = 99999\n      net_core_somaxconn = 16384", plancheck.ResourceActionReplace, "replace"},
		{"kubelet_config.cpu_cfs_quota_enabled", `cpu_cfs_quota_enabled   = true`, `cpu_cfs_quota_enabled   = false`, plancheck.ResourceActionReplace, "replace"},
		{"kubelet_config.cpu_cfs_quota_period", `cpu_cfs_quota_period    = "200ms"`, `cpu_cfs_quota_period    = "100ms"`, plancheck.ResourceActionReplace, "replace"},
		{"kubelet_config.image_gc_high_threshold", `image_gc_high_threshold = 90`, `image_gc_high_threshold = 85`, plancheck.ResourceActionReplace, "replace"},
		{"kubelet_config.image_gc_low_threshold", `image_gc_low_threshold  = 70`, `image_gc_low_threshold  = 75`, plancheck.ResourceActionReplace, "replace"},
		{"kubelet_config.topology_manager_policy", `topology_manager_policy = "best-effort"`, `topology_manager_policy = "restricted"`, plancheck.ResourceActionReplace, "replace"},
		{"kubelet_config.container_log_max_size_mb (added)", `pod_max_pid = 4096`, "pod_max_pid = 4096\n    container_log_max_size_mb = 20", plancheck.ResourceActionReplace, "replace"},
		{"kubelet_config.container_log_max_files (added)", `container_log_max_size_mb = 20`, "container_log_max_size_mb = 20\n    container_log_max_files = 4", plancheck.ResourceActionReplace, "replace"},
		{"linux_os_config.transparent_huge_page_defrag", `transparent_huge_page_defrag = "madvise"`, `transparent_huge_page_defrag = "defer+madvise"`, plancheck.ResourceActionReplace, "replace"},
		{"linux_os_config.sysctl_config.net_ipv4_tcp_tw_reuse", `net_ipv4_tcp_tw_reuse        = true`, `net_ipv4_tcp_tw_reuse        = false`, plancheck.ResourceActionReplace, "replace"},
		{"linux_os_config.sysctl_config.net_ipv4_ip_local_port_range", `"20000 60000"`, `"32768 60999"`, plancheck.ResourceActionReplace, "replace"},
		{"linux_os_config.sysctl_config.kernel_threads_max", `kernel_threads_max = 99999`, `kernel_threads_max = 100000`, plancheck.ResourceActionReplace, "replace"},
		{"tags", "node_count = 2", "node_count = 2\n  tags = { env = \"test\" }", plancheck.ResourceActionUpdate, "put"},
	}
	config := nodeConfigPool(cluster, "custom")
	for _, c := range changes {
		if !strings.Contains(config, c.from) {
			t.Fatalf("%s: %q not in the configuration", c.what, c.from)
		}
		config = strings.Replace(config, c.from, c.to, 1)
		steps = append(steps, resource.TestStep{
			PreConfig:         srv.ResetJournal,
			Config:            config,
			ConfigPlanChecks:  expectPlan(poolAddress, c.action),
			ConfigStateChecks: []statecheck.StateCheck{changeCalls(srv, c.what, c.calls)},
		})
	}
	acctest.Test(t, steps)
}

// Leaving kubelet_config out of the configuration of a pool that has one plans nothing (AKS can't
// remove it in place) and keeps it recorded.
func TestAccNodeConfig_removedFromConfigurationKeepsThePool(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	acctest.Test(t, []resource.TestStep{
		{Config: nodeConfigPool(cluster, "kept")},
		{
			PreConfig: srv.ResetJournal,
			Config:    poolConfig(cluster, "kept", "  node_count = 3\n  vm_size = \"Standard_DS2_v2\"\n  os_type = \"Linux\""),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(poolAddress, plancheck.ResourceActionNoop),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectNoWrites(srv),
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("kubelet_config").AtMapKey("cpu_manager_policy"), knownvalue.StringExact("static")),
			},
		},
	})
}

// default_node_pool: the settings reach the cluster create, and a change rotates the pool.
func TestAccNodeConfig_defaultPoolRotates(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	pool := func(policy string, count int) string {
		return fmt.Sprintf(`    node_count = %d
    vm_size    = "Standard_DS2_v2"
    kubelet_config = {
      cpu_manager_policy = %q
    }
    linux_os_config = {
      transparent_huge_page = "madvise"
    }`, count, policy)
	}
	acctest.Test(t, []resource.TestStep{
		{
			Config: clusterHCL("aks-demo", guideVersion, pool("static", 1)),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectOne(srv, acctest.ARMCall(http.MethodPut, `/managedClusters/aks-demo$`),
					acctest.BodyValue(tfjsonpath.New("properties").AtMapKey("agentPoolProfiles").AtSliceIndex(0).AtMapKey("kubeletConfig").AtMapKey("cpuManagerPolicy"), knownvalue.StringExact("static")),
					acctest.BodyValue(tfjsonpath.New("properties").AtMapKey("agentPoolProfiles").AtSliceIndex(0).AtMapKey("linuxOSConfig").AtMapKey("transparentHugePageEnabled"), knownvalue.StringExact("madvise"))),
				statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("kubelet_config").AtMapKey("cpu_manager_policy"), knownvalue.StringExact("static")),
			},
		},
		{
			// A change AKS makes in place leaves the custom configuration alone: one PUT, no rotation.
			PreConfig:        srv.ResetJournal,
			Config:           clusterHCL("aks-demo", guideVersion, pool("static", 2)),
			ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPut, `/agentPools/nodepool1$`), 1),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodDelete, `/agentPools/[^/]+$`), 0),
				acctest.ExpectCalls(srv, acctest.Writes(), 1),
			},
		},
		{
			PreConfig:        srv.ResetJournal,
			Config:           clusterHCL("aks-demo", guideVersion, pool("none", 2)),
			ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				// The rotation: the temporary pool and the pool again are created, each deleted once.
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPut, `/agentPools/[^/]+$`), 2),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodDelete, `/agentPools/[^/]+$`), 2),
				acctest.ExpectOne(srv, acctest.ARMCall(http.MethodPut, `/agentPools/nodepool1$`),
					acctest.BodyValue(tfjsonpath.New("properties").AtMapKey("kubeletConfig").AtMapKey("cpuManagerPolicy"), knownvalue.StringExact("none"))),
				statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("kubelet_config").AtMapKey("cpu_manager_policy"), knownvalue.StringExact("none")),
			},
		},
	})
}

// Adding kubelet_config to a pool created without one replaces the pool, with the settings left
// unset planned as AKS's to fill (not as the old pool's nulls).
func TestAccNodeConfig_addedToAPoolWithout(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	plain := "  node_count = 1\n  vm_size = \"Standard_DS2_v2\""
	acctest.Test(t, []resource.TestStep{
		{Config: poolConfig(cluster, "plain", plain)},
		{
			PreConfig: srv.ResetJournal,
			Config:    poolConfig(cluster, "plain", plain+"\n  kubelet_config = {\n    cpu_manager_policy = \"static\"\n  }"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(poolAddress, plancheck.ResourceActionReplace),
				plancheck.ExpectUnknownValue(poolAddress, tfjsonpath.New("kubelet_config").AtMapKey("pod_max_pid")),
				plancheck.ExpectKnownValue(poolAddress, tfjsonpath.New("kubelet_config").AtMapKey("cpu_manager_policy"), knownvalue.StringExact("static")),
			}},
			ConfigStateChecks: []statecheck.StateCheck{changeCalls(srv, "kubelet_config added", "replace")},
		},
	})
}

// Windows pools take the four kubelet settings Microsoft lists for them (the example of the
// Windows tab of the docs), and equal image GC thresholds ("no higher than") are accepted.
func TestAccNodeConfig_windowsPoolKubeletSettings(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	cluster := createCluster(t, srv, testCluster{Name: "aks-demo", Windows: true})
	config := poolConfig(cluster, "win", `  node_count = 1
  vm_size    = "Standard_D4s_v3"
  os_type    = "Windows"
  kubelet_config = {
    image_gc_high_threshold   = 80
    image_gc_low_threshold    = 80
    container_log_max_size_mb = 20
    container_log_max_files   = 6
  }`)
	kubelet := func(key string) tfjsonpath.Path {
		return tfjsonpath.New("properties").AtMapKey("kubeletConfig").AtMapKey(key)
	}
	acctest.Test(t, []resource.TestStep{{
		Config:           config,
		ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionCreate),
		ConfigStateChecks: []statecheck.StateCheck{
			acctest.ExpectOne(srv, acctest.ARMCall(http.MethodPut, `/agentPools/win$`),
				acctest.BodyValue(kubelet("imageGcLowThreshold"), knownvalue.Int64Exact(80)),
				acctest.BodyValue(kubelet("containerLogMaxFiles"), knownvalue.Int64Exact(6)),
				acctest.NoBodyValue(tfjsonpath.New("properties").AtMapKey("linuxOSConfig"))),
			statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("kubelet_config").AtMapKey("container_log_max_size_mb"), knownvalue.Int64Exact(20)),
		},
	}})
}
