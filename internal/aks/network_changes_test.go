package aks_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// The seeded node networking resources (issue 9 plan): prefix1 and asg1 in rg-aks-demo.
var (
	netPrefixID = fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Network/publicIPPrefixes/prefix1", emulator.DefaultSubscriptionID, testResourceGroup)
	netASGID    = fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Network/applicationSecurityGroups/asg1", emulator.DefaultSubscriptionID, testResourceGroup)
)

// createNATCluster creates a cluster with a Windows profile and a managed NAT gateway (a cluster
// Windows OutboundNAT can be disabled in), with the SDK, and clears the journal.
func createNATCluster(t *testing.T, srv *emulator.Server, name string) string {
	t.Helper()
	return createCluster(t, srv, testCluster{Name: name, Windows: true, OutboundType: armcontainerservice.OutboundTypeManagedNATGateway})
}

// The LocalDNS configuration of Microsoft's AgentPoolsCreate_LocalDNS example, as HCL.
const exampleLocalDNSHCL = `{
    mode = "Required"
    vnet_dns_overrides = {
      "example.com" = {
        query_logging                   = "Log"
        protocol                        = "PreferUDP"
        forward_destination             = "VnetDNS"
        forward_policy                  = "Sequential"
        max_concurrent                  = 1000
        cache_duration_in_seconds       = 3600
        serve_stale_duration_in_seconds = 3600
        serve_stale                     = "Immediate"
      }
    }
    kube_dns_overrides = {
      "cluster.local" = {
        query_logging                   = "Error"
        protocol                        = "PreferUDP"
        forward_destination             = "ClusterCoreDNS"
        forward_policy                  = "RoundRobin"
        max_concurrent                  = 500
        cache_duration_in_seconds       = 1800
        serve_stale_duration_in_seconds = 1800
        serve_stale                     = "Verify"
      }
    }
  }`

// Each node networking attribute's change is planned as the docs table says: allowed host ports,
// application security groups and local_dns_profile in place (one PUT), node public IPs, their
// prefix and tags by replacing the pool.
func TestAccNetwork_eachAttributeUpdateOrReplace(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	cluster := createNATCluster(t, srv, "aks-net")
	type change struct {
		what   string
		set    poolArguments
		action plancheck.ResourceActionType
		calls  string
	}
	base := poolArguments{
		"cluster_id": fmt.Sprintf("%q", cluster),
		"name":       `"netpool"`,
		"node_count": "1",
		"vm_size":    `"Standard_D4s_v3"`,
	}
	ports := `{
    allowed_host_ports = [
      { port_start = 80, port_end = 80, protocol = "TCP" },
      { port_start = 40000, port_end = 60000, protocol = "UDP" },
    ]
  }`
	portsAndASG := fmt.Sprintf(`{
    allowed_host_ports             = [{ port_start = 443, port_end = 443, protocol = "TCP" }]
    application_security_group_ids = [%q]
  }`, netASGID)
	changes := []change{
		{"node_network_profile.allowed_host_ports", poolArguments{"node_network_profile": ports}, plancheck.ResourceActionUpdate, "put"},
		{"node_network_profile.application_security_group_ids", poolArguments{"node_network_profile": portsAndASG}, plancheck.ResourceActionUpdate, "put"},
		{"node_network_profile removed", poolArguments{"node_network_profile": ""}, plancheck.ResourceActionUpdate, "put"},
		{"local_dns_profile added", poolArguments{"local_dns_profile": exampleLocalDNSHCL}, plancheck.ResourceActionUpdate, "put"},
		{"local_dns_profile mode", poolArguments{"local_dns_profile": `{ mode = "Preferred" }`}, plancheck.ResourceActionUpdate, "put"},
		{"local_dns_profile removed", poolArguments{"local_dns_profile": ""}, plancheck.ResourceActionUpdate, "put"},
		{"node_public_ip_enabled", poolArguments{"node_public_ip_enabled": "true"}, plancheck.ResourceActionReplace, "replace"},
		{"node_public_ip_prefix_id", poolArguments{"node_public_ip_prefix_id": fmt.Sprintf("%q", netPrefixID)}, plancheck.ResourceActionReplace, "replace"},
		{"node_network_profile.node_public_ip_tags", poolArguments{"node_network_profile": `{ node_public_ip_tags = { RoutingPreference = "Internet" } }`}, plancheck.ResourceActionReplace, "replace"},
	}
	steps := []resource.TestStep{{Config: base.hcl(), ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionCreate)}}
	current := base
	for _, c := range changes {
		current = current.with(c.set)
		steps = append(steps, resource.TestStep{
			PreConfig:         srv.ResetJournal,
			Config:            current.hcl(),
			ConfigPlanChecks:  expectPlan(poolAddress, c.action),
			ConfigStateChecks: []statecheck.StateCheck{changeCalls(srv, c.what, c.calls)},
		})
	}
	steps = append(steps, resource.TestStep{
		Config: current.hcl(),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("node_public_ip_prefix_id"), knownvalue.StringExact(netPrefixID)),
			statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("node_network_profile").AtMapKey("node_public_ip_tags"),
				knownvalue.MapExact(map[string]knownvalue.Check{"RoutingPreference": knownvalue.StringExact("Internet")})),
		},
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
	})
	acctest.Test(t, steps)
}

// A Windows pool with OutboundNAT disabled in a NAT gateway cluster: the PUT body carries
// windowsProfile.disableOutboundNat = true, the state shows outbound_nat_enabled = false, a second
// plan is empty, an import plans no change, and turning OutboundNAT back on replaces the pool.
func TestAccNetwork_windowsOutboundNAT(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	cluster := createNATCluster(t, srv, "aks-nat")
	pool := func(enabled bool) string {
		return poolConfig(cluster, "wnp2", fmt.Sprintf(`  os_type = "Windows"
  os_sku  = "Windows2022"
  vm_size = "Standard_D4s_v3"
  node_count = 3
  windows_profile = { outbound_nat_enabled = %t }`, enabled))
	}
	acctest.Test(t, []resource.TestStep{
		{
			Config: pool(false),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("windows_profile").AtMapKey("outbound_nat_enabled"), knownvalue.Bool(false)),
				acctest.ExpectOne(srv, acctest.ARMCall(http.MethodPut, `/agentPools/wnp2$`), acctest.BodyValue(properties("windowsProfile").AtMapKey("disableOutboundNat"), knownvalue.Bool(true))),
			},
		},
		{Config: pool(false), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		{
			Config: pool(false), ResourceName: poolAddress, ImportState: true, ImportStateKind: resource.ImportBlockWithID,
			ImportStateId: cluster + "/agentPools/wnp2", ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(poolAddress, plancheck.ResourceActionNoop)}},
		},
		{
			PreConfig:         srv.ResetJournal,
			Config:            pool(true),
			ConfigPlanChecks:  expectPlan(poolAddress, plancheck.ResourceActionReplace),
			ConfigStateChecks: []statecheck.StateCheck{changeCalls(srv, "windows_profile", "replace")},
		},
	})
}

// The data sources show the node networking attributes of a pool.
func TestAccNetwork_dataSources(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	cluster := createNATCluster(t, srv, "aks-netds")
	config := poolConfig(cluster, "netds", fmt.Sprintf(`  vm_size = "Standard_D4s_v3"
  node_public_ip_enabled   = true
  node_public_ip_prefix_id = %q
  node_network_profile = {
    allowed_host_ports             = [{ port_start = 8080, port_end = 8090, protocol = "TCP" }]
    application_security_group_ids = [%q]
  }
  local_dns_profile = %s`, netPrefixID, netASGID, exampleLocalDNSHCL)) + `
data "aks_node_pool" "test" {
  cluster_id = aks_node_pool.test.cluster_id
  name       = aks_node_pool.test.name
}
data "aks_node_pools" "test" {
  cluster_id = aks_node_pool.test.cluster_id
}
`
	one, all := "data.aks_node_pool.test", "data.aks_node_pools.test"
	acctest.Test(t, []resource.TestStep{{
		Config: config,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(one, tfjsonpath.New("node_public_ip_enabled"), knownvalue.Bool(true)),
			statecheck.ExpectKnownValue(one, tfjsonpath.New("node_public_ip_prefix_id"), knownvalue.StringExact(netPrefixID)),
			statecheck.ExpectKnownValue(one, tfjsonpath.New("node_network_profile").AtMapKey("allowed_host_ports"), knownvalue.ListExact([]knownvalue.Check{
				knownvalue.ObjectExact(map[string]knownvalue.Check{"port_start": knownvalue.Int64Exact(8080), "port_end": knownvalue.Int64Exact(8090), "protocol": knownvalue.StringExact("TCP")}),
			})),
			statecheck.ExpectKnownValue(one, tfjsonpath.New("node_network_profile").AtMapKey("application_security_group_ids"), knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(netASGID)})),
			statecheck.ExpectKnownValue(one, tfjsonpath.New("local_dns_profile").AtMapKey("mode"), knownvalue.StringExact("Required")),
			statecheck.ExpectKnownValue(one, tfjsonpath.New("local_dns_profile").AtMapKey("kube_dns_overrides").AtMapKey("cluster.local").AtMapKey("max_concurrent"), knownvalue.Int64Exact(500)),
			// Sorted by name: netds, then the cluster's nodepool1 (which has none of them).
			statecheck.ExpectKnownValue(all, tfjsonpath.New("node_pools"), knownvalue.ListExact([]knownvalue.Check{
				knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"name":                     knownvalue.StringExact("netds"),
					"node_public_ip_prefix_id": knownvalue.StringExact(netPrefixID),
					"local_dns_profile":        knownvalue.ObjectPartial(map[string]knownvalue.Check{"mode": knownvalue.StringExact("Required")}),
				}),
				knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"name": knownvalue.StringExact("nodepool1"), "node_public_ip_enabled": knownvalue.Bool(false),
					"node_network_profile": knownvalue.Null(), "windows_profile": knownvalue.Null(),
				}),
			})),
		},
	}})
}

// default_node_pool takes the node networking attributes too: created inline in the cluster PUT,
// local_dns_profile and allowed host ports changed in place (one agentPools PUT), node public
// IPs by rotating the pool.
func TestAccNetwork_defaultNodePool(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	base := guideVersion + "\n" + guideNetwork
	pool := func(extra string) string {
		return clusterHCL("aks-demo", base, "    node_count = 2\n    vm_size    = \"Standard_D4s_v3\"\n"+extra)
	}
	ports := func(port int) string {
		return fmt.Sprintf("    node_network_profile = { allowed_host_ports = [{ port_start = %d, port_end = %d, protocol = \"TCP\" }] }\n", port, port)
	}
	dns := func(mode string) string { return fmt.Sprintf("    local_dns_profile = { mode = %q }\n", mode) }
	sameID := keepsClusterID()
	acctest.Test(t, []resource.TestStep{
		{
			Config: pool(ports(80) + dns("Required")),
			ConfigStateChecks: []statecheck.StateCheck{
				sameID(),
				acctest.ExpectOne(srv, acctest.ARMCall(http.MethodPut, `/managedClusters/aks-demo$`),
					acctest.BodyValue(poolProfile("localDNSProfile").AtMapKey("mode"), knownvalue.StringExact("Required")),
					acctest.BodyValue(poolProfile("networkProfile").AtMapKey("allowedHostPorts").AtSliceIndex(0).AtMapKey("portStart"), knownvalue.Int64Exact(80)),
					acctest.BodyValue(poolProfile("enableNodePublicIP"), knownvalue.Bool(false)),
				),
				statecheck.ExpectKnownValue(clusterAddress, defaultPool("local_dns_profile").AtMapKey("mode"), knownvalue.StringExact("Required")),
			},
		},
		{Config: pool(ports(80) + dns("Required")), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
		{
			PreConfig:         srv.ResetJournal,
			Config:            pool(ports(443) + dns("Preferred")),
			ConfigPlanChecks:  expectPlan(clusterAddress, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{sameID(), acctest.ExpectWrites(srv, "PUT aks-demo/agentPools/nodepool1")},
		},
		{
			PreConfig:        srv.ResetJournal,
			Config:           pool(ports(443) + dns("Preferred") + "    node_public_ip_enabled = true\n"),
			ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				sameID(),
				statecheck.ExpectKnownValue(clusterAddress, defaultPool("node_public_ip_enabled"), knownvalue.Bool(true)),
				acctest.ExpectWrites(srv, "PUT aks-demo/agentPools/nodepool1tmp", "DELETE aks-demo/agentPools/nodepool1",
					"PUT aks-demo/agentPools/nodepool1", "DELETE aks-demo/agentPools/nodepool1tmp"),
			},
		},
	})
}
