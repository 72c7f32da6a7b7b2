package aks_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

const clusterAddress = "aks_cluster.test"

// clusterProviders serves the aks provider, with aks_cluster and its companions registered.
var clusterProviders = acctest.ProtoV6ProviderFactories

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

// The guide's `az aks create --vm-set-type VirtualMachineScaleSets --node-count 2
// --load-balancer-sku standard`: one managedClusters PUT with the pool inline, every computed value
// known, no credential listed; then an import of it plans nothing.
func TestAccCluster_createAndImport(t *testing.T) {
	srv := newEmulator(t)
	config := guideCluster()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: clusterProviders,
		CheckDestroy:             expectCalls(srv, http.MethodDelete, `/managedClusters/aks-demo$`, 1),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(clusterAddress, plancheck.ResourceActionCreate),
				}},
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
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("node_count"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("current_node_count"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("orchestrator_version"), knownvalue.StringExact("1.33.3")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("os_sku"), knownvalue.StringExact("Ubuntu")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("provisioning_state"), knownvalue.StringExact("Succeeded")),
				},
				Check: resource.ComposeTestCheckFunc(
					// One cluster PUT carrying the pool; no agentPools write, no credential listed.
					expectCalls(srv, http.MethodPut, `/managedClusters/aks-demo$`, 1),
					expectCalls(srv, http.MethodPut, `/agentPools/`, 0),
					expectCalls(srv, http.MethodPost, `/listCluster(User|Admin)Credential`, 0),
					expectCreateBody(t, srv),
				),
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

// expectCreateBody checks the create's one PUT: the pool inline as a System Linux pool.
func expectCreateBody(t *testing.T, srv *emulator.Server) func(*terraform.State) error {
	return func(*terraform.State) error {
		puts := armCalls(srv, http.MethodPut, `/managedClusters/aks-demo$`)
		if len(puts) == 0 {
			return fmt.Errorf("no managedClusters PUT")
		}
		body := putBody(t, puts[0])
		props, _ := body["properties"].(map[string]any)
		profiles, _ := props["agentPoolProfiles"].([]any)
		if len(profiles) != 1 {
			return fmt.Errorf("want the default pool inline, got %d profiles", len(profiles))
		}
		p, _ := profiles[0].(map[string]any)
		for key, want := range map[string]any{"name": "nodepool1", "mode": "System", "osType": "Linux", "count": float64(2), "vmSize": "Standard_DS2_v2"} {
			if p[key] != want {
				return fmt.Errorf("default pool %s = %v, want %v", key, p[key], want)
			}
		}
		if strings.Contains(string(puts[0].RequestBody), "nodeImageVersion") {
			return fmt.Errorf("the create sent a nodeImageVersion")
		}
		return nil
	}
}

var _ = compare.ValuesSame

// steps of TestAccCluster_updateInPlace, each changing one group of in-place arguments.
func TestAccCluster_updateInPlace(t *testing.T) {
	srv := newEmulator(t)
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

	update := plancheck.ExpectResourceAction(clusterAddress, plancheck.ResourceActionUpdate)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: clusterProviders,
		Steps: []resource.TestStep{
			{
				Config:            clusterHCL("aks-demo", base, guidePool),
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(clusterAddress, tfjsonpath.New("id"))},
			},
			{
				// Tags alone: one PATCH, nothing else.
				PreConfig:        srv.ResetJournal,
				Config:           clusterHCL("aks-demo", tags, guidePool),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{update}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("tags"), knownvalue.MapExact(map[string]knownvalue.Check{"env": knownvalue.StringExact("demo")})),
				},
				Check: resource.ComposeTestCheckFunc(
					expectCalls(srv, http.MethodPatch, `/managedClusters/aks-demo$`, 1),
					expectCalls(srv, http.MethodPut, `/managedClusters/aks-demo$`, 0),
					expectCalls(srv, http.MethodPut, `/agentPools/`, 0),
				),
			},
			{
				// Cluster settings: one PUT built from a fresh read, with If-Match, pools untouched.
				PreConfig:        srv.ResetJournal,
				Config:           clusterHCL("aks-demo", settings, guidePool),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{update}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(clusterAddress, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("sku_tier"), knownvalue.StringExact("Standard")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("oidc_issuer_url"), knownvalue.StringRegexp(regexp.MustCompile(`^https://`))),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("workload_identity_enabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("local_account_disabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("admin_group_object_ids"), knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(groupID)})),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("automatic_upgrade_channel"), knownvalue.StringExact("patch")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("node_os_upgrade_channel"), knownvalue.StringExact("SecurityPatch")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("microsoft_defender").AtMapKey("log_analytics_workspace_id"), knownvalue.StringExact(workspace)),
				},
				Check: resource.ComposeTestCheckFunc(
					expectCalls(srv, http.MethodPut, `/managedClusters/aks-demo$`, 1),
					expectCalls(srv, http.MethodPatch, `/managedClusters/aks-demo$`, 0),
					expectCalls(srv, http.MethodPut, `/agentPools/`, 0),
					expectClusterPutFromRead(t, srv),
				),
			},
			{
				// Default pool settings AKS changes in place: one agentPools PUT, no cluster PUT.
				PreConfig:        srv.ResetJournal,
				Config:           clusterHCL("aks-demo", settings, poolSettings),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{update}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(clusterAddress, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("only_critical_addons_enabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("node_taints"),
						knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("dedicated=system:PreferNoSchedule")})),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("upgrade_settings").AtMapKey("max_surge"), knownvalue.StringExact("33%")),
				},
				Check: resource.ComposeTestCheckFunc(
					expectCalls(srv, http.MethodPut, `/agentPools/nodepool1$`, 1),
					expectCalls(srv, http.MethodPut, `/managedClusters/aks-demo$`, 0),
					expectPoolPutIfMatch(srv),
					expectPoolTaints(t, srv, "dedicated=system:PreferNoSchedule", "CriticalAddonsOnly=true:NoSchedule"),
				),
			},
			{
				// Scale, then autoscaling: each one agentPools PUT.
				PreConfig: srv.ResetJournal,
				Config:    clusterHCL("aks-demo", settings, strings.Replace(poolSettings, "node_count = 2", "node_count = 3", 1)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("current_node_count"), knownvalue.Int64Exact(3)),
				},
				Check: resource.ComposeTestCheckFunc(
					expectCalls(srv, http.MethodPut, `/agentPools/nodepool1$`, 1),
					expectCalls(srv, http.MethodPut, `/managedClusters/aks-demo$`, 0),
				),
			},
			{
				PreConfig: srv.ResetJournal,
				Config:    clusterHCL("aks-demo", settings, autoscaled),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("auto_scaling_enabled"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("max_count"), knownvalue.Int64Exact(5)),
				},
				Check: resource.ComposeTestCheckFunc(
					expectCalls(srv, http.MethodPut, `/agentPools/nodepool1$`, 1),
					expectCalls(srv, http.MethodPut, `/managedClusters/aks-demo$`, 0),
				),
			},
			{
				// The guide's Ubuntu to Azure Linux migration and FIPS, in place.
				PreConfig: srv.ResetJournal,
				Config:    clusterHCL("aks-demo", settings, autoscaled+"\n    os_sku = \"AzureLinux\"\n    fips_enabled = true"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{update,
					plancheck.ExpectUnknownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("current_node_image_version")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("os_sku"), knownvalue.StringExact("AzureLinux")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("fips_enabled"), knownvalue.Bool(true)),
				},
				Check: resource.ComposeTestCheckFunc(
					expectCalls(srv, http.MethodPut, `/agentPools/nodepool1$`, 1),
					expectCalls(srv, http.MethodDelete, `/agentPools/`, 0),
					expectCalls(srv, http.MethodPut, `/managedClusters/aks-demo$`, 0),
				),
			},
			{
				// Provider-side settings only: no write at all.
				PreConfig:        srv.ResetJournal,
				Config:           clusterHCL("aks-demo", settings+"\n  timeouts {\n    update = \"2h\"\n  }", autoscaled+"\n    os_sku = \"AzureLinux\"\n    fips_enabled = true\n    temporary_name_for_rotation = \"sysrotate\""),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{update}},
				Check:            func(*terraform.State) error { return expectNoWrites(srv) },
			},
		},
	})
}

// expectClusterPutFromRead checks that the cluster PUT carried If-Match and sent the pool's
// profile back as read (its orchestratorVersion and count unchanged), so that AKS's
// "all orchestratorVersions specified or none" rule can't trip.
func expectClusterPutFromRead(t *testing.T, srv *emulator.Server) func(*terraform.State) error {
	return func(*terraform.State) error {
		puts := armCalls(srv, http.MethodPut, `/managedClusters/aks-demo$`)
		if len(puts) != 1 {
			return fmt.Errorf("want 1 cluster PUT, got %d", len(puts))
		}
		if puts[0].IfMatch == "" || puts[0].IfMatch == "*" {
			return fmt.Errorf("the cluster PUT has If-Match %q, want the ETag of the read", puts[0].IfMatch)
		}
		props, _ := putBody(t, puts[0])["properties"].(map[string]any)
		profiles, _ := props["agentPoolProfiles"].([]any)
		if len(profiles) != 1 {
			return fmt.Errorf("the cluster PUT sent %d pool profiles, want the one pool as read", len(profiles))
		}
		p, _ := profiles[0].(map[string]any)
		if p["orchestratorVersion"] != "1.33.3" || p["count"] != float64(2) {
			return fmt.Errorf("the pool profile changed: orchestratorVersion %v count %v", p["orchestratorVersion"], p["count"])
		}
		return nil
	}
}

func expectPoolPutIfMatch(srv *emulator.Server) func(*terraform.State) error {
	return func(*terraform.State) error {
		for _, put := range armCalls(srv, http.MethodPut, `/agentPools/nodepool1$`) {
			if put.IfMatch == "" || put.IfMatch == "*" {
				return fmt.Errorf("the pool PUT has If-Match %q, want the pool's ETag", put.IfMatch)
			}
		}
		return nil
	}
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

// writeSequence lists the journal's ARM writes as "METHOD path-suffix" (from managedClusters/ on).
func writeSequence(srv *emulator.Server) []string {
	var out []string
	for _, e := range acctest.WriteCalls(srv) {
		path := e.Path
		if i := strings.Index(strings.ToLower(path), "/managedclusters/"); i >= 0 {
			path = path[i+len("/managedclusters/"):]
		}
		out = append(out, e.Method+" "+path)
	}
	return out
}

// expectWrites checks the exact sequence of writes since the last journal reset.
func expectWrites(srv *emulator.Server, want ...string) func(*terraform.State) error {
	return func(*terraform.State) error {
		got := writeSequence(srv)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			return fmt.Errorf("writes:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
		}
		return nil
	}
}

// A vm_size change AKS can't make in place rotates the default pool through the agentPools API:
// temporary pool, delete (drain), recreate, delete the temporary pool. The cluster stays.
func TestAccCluster_rotateDefaultPool(t *testing.T) {
	srv := newEmulator(t)
	base := guideVersion + "\n" + guideNetwork
	bigger := strings.Replace(guidePool, "Standard_DS2_v2", "Standard_DS3_v2", 1)
	sameID := statecheck.CompareValue(compare.ValuesSame())
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: clusterProviders,
		Steps: []resource.TestStep{
			{
				Config:            clusterHCL("aks-demo", base, guidePool),
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(clusterAddress, tfjsonpath.New("id"))},
			},
			{
				PreConfig: srv.ResetJournal,
				Config:    clusterHCL("aks-demo", base, bigger),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(clusterAddress, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("os_disk_type")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(clusterAddress, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("vm_size"), knownvalue.StringExact("Standard_DS3_v2")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("name"), knownvalue.StringExact("nodepool1")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("current_node_count"), knownvalue.Int64Exact(2)),
				},
				Check: resource.ComposeTestCheckFunc(
					expectWrites(srv,
						"PUT aks-demo/agentPools/nodepool1tmp",
						"DELETE aks-demo/agentPools/nodepool1",
						"PUT aks-demo/agentPools/nodepool1",
						"DELETE aks-demo/agentPools/nodepool1tmp",
					),
					expectPDBRespected(srv),
					expectTemporaryPoolTagged(t, srv),
				),
			},
			{
				// A rename is a rotation without a temporary pool.
				PreConfig: srv.ResetJournal,
				Config:    strings.Replace(clusterHCL("aks-demo", base, bigger), `name = "nodepool1"`, `name = "systempool"`, 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(clusterAddress, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(clusterAddress, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("name"), knownvalue.StringExact("systempool")),
				},
				Check: expectWrites(srv,
					"PUT aks-demo/agentPools/systempool",
					"DELETE aks-demo/agentPools/nodepool1",
				),
			},
		},
	})
}

// expectPDBRespected checks that every pool deletion asked AKS to honour PodDisruptionBudgets.
func expectPDBRespected(srv *emulator.Server) func(*terraform.State) error {
	return func(*terraform.State) error {
		for _, d := range armCalls(srv, http.MethodDelete, `/agentPools/`) {
			if !strings.Contains(d.Query, "ignore-pod-disruption-budget=false") {
				return fmt.Errorf("%s %s?%s does not respect PodDisruptionBudgets", d.Method, d.Path, d.Query)
			}
		}
		return nil
	}
}

// expectTemporaryPoolTagged checks that the temporary pool was created as a System pool tagged
// with the pool it stands in for.
func expectTemporaryPoolTagged(t *testing.T, srv *emulator.Server) func(*terraform.State) error {
	return func(*terraform.State) error {
		puts := armCalls(srv, http.MethodPut, `/agentPools/nodepool1tmp$`)
		if len(puts) != 1 {
			return fmt.Errorf("want 1 PUT of the temporary pool, got %d", len(puts))
		}
		props, _ := putBody(t, puts[0])["properties"].(map[string]any)
		tags, _ := props["tags"].(map[string]any)
		if props["mode"] != "System" || props["vmSize"] != "Standard_DS3_v2" || tags["aks-provider-rotation-for"] != "nodepool1" {
			return fmt.Errorf("temporary pool body: mode %v vmSize %v tags %v", props["mode"], props["vmSize"], tags)
		}
		if _, ok := props["nodeImageVersion"]; ok {
			return fmt.Errorf("the temporary pool was sent a nodeImageVersion")
		}
		return nil
	}
}

// A rotation interrupted between its steps resumes where it stopped: after the old pool's
// deletion failed (a PodDisruptionBudget blocking the drain), and after the recreation failed.
func TestAccCluster_rotationResumes(t *testing.T) {
	srv := newEmulator(t)
	base := guideVersion + "\n" + guideNetwork
	bigger := clusterHCL("aks-demo", base, strings.Replace(guidePool, "Standard_DS2_v2", "Standard_DS3_v2", 1))
	biggest := clusterHCL("aks-demo", base, strings.Replace(guidePool, "Standard_DS2_v2", "Standard_DS4_v2", 1))
	sameID := statecheck.CompareValue(compare.ValuesSame())
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: clusterProviders,
		Steps: []resource.TestStep{
			{
				Config:            clusterHCL("aks-demo", base, guidePool),
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(clusterAddress, tfjsonpath.New("id"))},
			},
			{
				// Step 2 of the rotation fails: the drain of nodepool1 is refused.
				PreConfig: func() {
					srv.ResetJournal()
					srv.AddFault(emulator.Fault{Method: http.MethodDelete, Path: `/agentPools/nodepool1$`, Count: 1, Status: http.StatusBadRequest,
						Code: "PodDrainFailure", Message: "Drain of node aks-nodepool1-0 did not complete: Too many requests. Cannot evict pod as it would violate the pod's disruption budget."})
				},
				Config:      bigger,
				ExpectError: regexp.MustCompile(`PodDrainFailure`),
			},
			{
				// The next apply reuses the temporary pool and carries on from the deletion.
				PreConfig: func() {
					if got := writeSequence(srv); strings.Join(got, ",") != "PUT aks-demo/agentPools/nodepool1tmp,DELETE aks-demo/agentPools/nodepool1" {
						t.Errorf("the interrupted attempt wrote %v", got)
					}
					srv.ResetJournal()
				},
				Config: bigger,
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(clusterAddress, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("vm_size"), knownvalue.StringExact("Standard_DS3_v2")),
				},
				Check: expectWrites(srv,
					"DELETE aks-demo/agentPools/nodepool1",
					"PUT aks-demo/agentPools/nodepool1",
					"DELETE aks-demo/agentPools/nodepool1tmp",
				),
			},
			{
				// Step 3 fails: the pool can't be recreated (capacity). Only the temporary pool is left.
				PreConfig: func() {
					srv.ResetJournal()
					srv.AddFault(emulator.Fault{Method: http.MethodPut, Path: `/agentPools/nodepool1$`, Count: 1, Status: http.StatusBadRequest,
						Code: "AllocationFailed", Message: "Allocation failed. We do not have sufficient capacity for the requested VM size in this region."})
				},
				Config:      biggest,
				ExpectError: regexp.MustCompile(`AllocationFailed`),
			},
			{
				// The plan warns that the pool is missing; apply recreates it and removes the temporary pool.
				PreConfig: func() {
					if got := writeSequence(srv); strings.Join(got, ",") != "PUT aks-demo/agentPools/nodepool1tmp,DELETE aks-demo/agentPools/nodepool1,PUT aks-demo/agentPools/nodepool1" {
						t.Errorf("the interrupted attempt wrote %v", got)
					}
					srv.ResetJournal()
				},
				Config: biggest,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(clusterAddress, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(clusterAddress, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("vm_size"), knownvalue.StringExact("Standard_DS4_v2")),
				},
				Check: expectWrites(srv,
					"PUT aks-demo/agentPools/nodepool1",
					"DELETE aks-demo/agentPools/nodepool1tmp",
				),
			},
			{
				// Nothing left over: the next plan is empty.
				Config:   biggest,
				PlanOnly: true,
			},
		},
	})
}

// A Kubernetes upgrade moves the control plane first (a cluster PUT changing only the version,
// the pool profile as read), then the default pool, which follows because its
// orchestrator_version is unset.
func TestAccCluster_kubernetesUpgrade(t *testing.T) {
	srv := newEmulator(t)
	old := clusterHCL("aks-demo", `  kubernetes_version = "1.32.7"`+"\n"+guideNetwork, guidePool)
	upgraded := clusterHCL("aks-demo", `  kubernetes_version = "1.33.3"`+"\n"+guideNetwork, guidePool)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: clusterProviders,
		Steps: []resource.TestStep{
			{
				Config: old,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("orchestrator_version"), knownvalue.StringExact("1.32.7")),
				},
			},
			{
				PreConfig: srv.ResetJournal,
				Config:    upgraded,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(clusterAddress, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("orchestrator_version"), knownvalue.StringExact("1.33.3")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("current_kubernetes_version"), knownvalue.StringExact("1.33.3")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("orchestrator_version"), knownvalue.StringExact("1.33.3")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("current_orchestrator_version"), knownvalue.StringExact("1.33.3")),
				},
				Check: resource.ComposeTestCheckFunc(
					expectWrites(srv, "PUT aks-demo", "PUT aks-demo/agentPools/nodepool1"),
					func(*terraform.State) error {
						writes := acctest.WriteCalls(srv)
						props, _ := putBody(t, writes[0])["properties"].(map[string]any)
						profiles, _ := props["agentPoolProfiles"].([]any)
						profile, _ := profiles[0].(map[string]any)
						if props["kubernetesVersion"] != "1.33.3" || profile["orchestratorVersion"] != "1.32.7" {
							return fmt.Errorf("control plane PUT: kubernetesVersion %v, pool profile orchestratorVersion %v; want 1.33.3 with the pool untouched at 1.32.7",
								props["kubernetesVersion"], profile["orchestratorVersion"])
						}
						poolProps, _ := putBody(t, writes[1])["properties"].(map[string]any)
						if poolProps["orchestratorVersion"] != "1.33.3" {
							return fmt.Errorf("pool PUT orchestratorVersion = %v, want 1.33.3", poolProps["orchestratorVersion"])
						}
						return nil
					},
				),
			},
		},
	})
}

// A Reader can plan: refreshing the cluster never lists its credentials, so a plan succeeds with
// both listCredential operations refused.
func TestAccCluster_readerPlan(t *testing.T) {
	srv := newEmulator(t)
	config := guideCluster()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: clusterProviders,
		Steps: []resource.TestStep{
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
				Check: resource.ComposeTestCheckFunc(
					expectCalls(srv, http.MethodGet, `/managedClusters/aks-demo$`, 1),
					expectCalls(srv, http.MethodPost, `/listCluster(User|Admin)Credential$`, 0),
				),
			},
		},
	})
}

// A cluster deleted outside Terraform is planned for creation again, and recreated; so is its
// default pool.
func TestAccCluster_outOfBandDeletion(t *testing.T) {
	srv := newEmulator(t)
	config := guideCluster()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: clusterProviders,
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig: func() {
					deleteClusterOutOfBand(t, srv, "aks-demo")
					srv.ResetJournal()
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(clusterAddress, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("id"), knownvalue.StringExact(clusterID("aks-demo"))),
				},
				Check: expectWrites(srv, "PUT aks-demo"),
			},
			{
				// The default pool deleted outside Terraform: the plan warns and apply recreates it.
				PreConfig: func() {
					if err := srv.Mutate(emulator.Mutation{Kind: emulator.MutateDeletePool, ID: clusterID("aks-demo") + "/agentPools/nodepool1"}); err != nil {
						t.Fatal(err)
					}
					srv.ResetJournal()
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(clusterAddress, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("current_node_count"), knownvalue.Int64Exact(2)),
				},
				Check: expectWrites(srv, "PUT aks-demo/agentPools/nodepool1"),
			},
			{
				Config:   config,
				PlanOnly: true,
			},
		},
	})
}

// deleteClusterOutOfBand deletes the cluster with the SDK, as a colleague with the portal would.
func deleteClusterOutOfBand(t *testing.T, srv *emulator.Server, name string) {
	t.Helper()
	poller, err := sdkFactory(t, srv).NewManagedClustersClient().BeginDelete(context.Background(), testResourceGroup, name, nil)
	if err != nil {
		t.Fatalf("deleting cluster %s out of band: %v", name, err)
	}
	if _, err := poller.PollUntilDone(context.Background(), &runtime.PollUntilDoneOptions{Frequency: 5 * time.Millisecond}); err != nil {
		t.Fatalf("deleting cluster %s out of band: %v", name, err)
	}
}

// Invalid configurations are refused at plan time, each naming the attribute and the rule, and
// the emulator sees no write.
func TestAccCluster_invalidConfigurations(t *testing.T) {
	srv := newEmulator(t)
	// withExtra is the guide's cluster with extra top-level HCL; withPool with extra pool HCL.
	withExtra := func(extra string) string { return clusterHCL("aks-demo", extra+"\n"+guideNetwork, guidePool) }
	withPool := func(pool string) string { return clusterHCL("aks-demo", guideNetwork, pool) }
	withNetwork := func(network string) string {
		return clusterHCL("aks-demo", "  network_profile = {\n"+network+"\n  }", guidePool)
	}
	cases := []struct {
		name, config, want string
	}{
		{"cluster name with a space", clusterHCL("aks demo", guideNetwork, guidePool), `Invalid cluster name`},
		{"reserved cluster name", clusterHCL("microsoft-aks", guideNetwork, guidePool), `Reserved word in cluster name`},
		{"DNS prefix starting with a dash", strings.Replace(guideCluster(), `dns_prefix          = "aks-demo"`, `dns_prefix = "-aks"`, 1), `Invalid DNS prefix`},
		{"version with a v", withExtra(`  kubernetes_version = "v1.33"`), `Invalid Kubernetes version`},
		{"unknown SKU tier", withExtra(`  sku_tier = "Gold"`), `sku_tier value must be one of`},
		{"upper-case pool name", strings.Replace(guideCluster(), `name = "nodepool1"`, `name = "NodePool1"`, 1), `default_node_pool.name`},
		{"System pool without nodes", withPool(`    node_count = 0`), `default_node_pool.node_count`},
		{"Windows OS SKU on the default pool", withPool(guidePool + "\n    os_sku = \"Windows2022\""), `default_node_pool.os_sku`},
		{"Ephemeral OS disk too big for the cache", withPool(guidePool + "\n    os_disk_type = \"Ephemeral\""), `(?i)ephemeral`},
		{"pool version differs at creation", clusterHCL("aks-demo", guideVersion+"\n"+guideNetwork, guidePool+"\n    orchestrator_version = \"1.32.7\""), `Pool version differs from the control plane at creation`},
		{"autoscaler bounds reversed", withPool("    auto_scaling_enabled = true\n    min_count = 5\n    max_count = 2"), `Autoscaler minimum above maximum`},
		{"too few pods per node", withPool(guidePool + "\n    max_pods = 5"), `default_node_pool.max_pods`},
		{"temporary name equals the pool name", withPool(guidePool + "\n    temporary_name_for_rotation = \"nodepool1\""), `Temporary pool name equals the pool's name`},
		{"user-assigned identity without an identity", withExtra(`  identity = { type = "UserAssigned" }`), `A UserAssigned cluster identity needs exactly one identity`},
		{"workload identity without OIDC", withExtra(`  workload_identity_enabled = true`), `Workload identity needs the OIDC issuer`},
		{"local accounts off without Entra ID", withExtra(`  local_account_disabled = true`), `Disabling local accounts needs Microsoft Entra ID integration`},
		{"authorized ranges on a private cluster", withExtra("  private_cluster_enabled = true\n  api_server_authorized_ip_ranges = [\"203.0.113.0/24\"]"), `Authorized IP ranges don't apply to private clusters`},
		{"overlay with kubenet", withNetwork("    network_plugin = \"kubenet\"\n    network_plugin_mode = \"overlay\""), `Overlay mode needs the Azure CNI plugin`},
		{"DNS service IP outside the service range", withNetwork("    service_cidr = \"10.0.0.0/16\"\n    dns_service_ip = \"10.1.0.10\""), `DNS service IP outside the service CIDR`},
		{"weak Windows password", withExtra("  windows_profile {\n    admin_username = \"azureuser\"\n    admin_password = \"short\"\n  }"), `Windows admin password too weak`},
		{"reserved Windows user name", withExtra("  windows_profile {\n    admin_username = \"administrator\"\n    admin_password = \"Str0ng-Passw0rd!\"\n  }"), `Invalid Windows admin username`},
		{"Windows profile without a password", withExtra("  windows_profile {\n    admin_username = \"azureuser\"\n  }"), `Missing Windows admin password`},
		{"SSH key that isn't one", withExtra("  linux_profile {\n    admin_username = \"azureuser\"\n    ssh_public_key = \"not-a-key\"\n  }"), `Invalid SSH public key`},
		{"admin group that isn't a GUID", withExtra("  azure_rbac_enabled = true\n  admin_group_object_ids = [\"platform-admins\"]"), `Invalid object ID`},
		{"Defender with a wrong workspace ID", withExtra("  microsoft_defender {\n    log_analytics_workspace_id = \"law-aks-demo\"\n  }"), `OperationalInsights/workspaces`},
	}
	var steps []resource.TestStep
	for _, tc := range cases {
		steps = append(steps, resource.TestStep{Config: tc.config, PlanOnly: true, ExpectError: regexp.MustCompile(tc.want)})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: clusterProviders, Steps: steps})
	if err := expectNoWrites(srv); err != nil {
		t.Error(err)
	}
	if len(cases) < 15 {
		t.Errorf("want at least 15 invalid configurations, have %d", len(cases))
	}
}

// The Windows administrator password as a write-only argument (Terraform 1.11+): sent to AKS at
// creation and when its version changes, never stored in the state.
func TestAccCluster_windowsPasswordWriteOnly(t *testing.T) {
	srv := newEmulator(t)
	windows := func(password string, version int) string {
		return clusterHCL("aks-demo", guideVersion+"\n"+guideNetwork+fmt.Sprintf(`
  windows_profile {
    admin_username            = "azureuser"
    admin_password_wo         = %q
    admin_password_wo_version = %d
  }`, password, version), guidePool)
	}
	first, second := "Emulator-Only-Passw0rd!", "Rotated-Emulator-Passw0rd#2"
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		ProtoV6ProviderFactories: clusterProviders,
		Steps: []resource.TestStep{
			{
				Config: windows(first, 1),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("windows_profile").AtMapKey("admin_username"), knownvalue.StringExact("azureuser")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("windows_profile").AtMapKey("admin_password_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("windows_profile").AtMapKey("admin_password_wo_version"), knownvalue.Int64Exact(1)),
					notInState{values: []string{first}},
				},
				Check: expectPasswordSent(t, srv, first),
			},
			{
				// The same version: nothing to send.
				Config:   windows(first, 1),
				PlanOnly: true,
			},
			{
				// AKS refuses the PUT carrying the new password: the state must not claim it was
				// set, so the next plan still sends it.
				PreConfig: func() {
					srv.AddFault(emulator.Fault{Method: http.MethodPut, Path: `/managedClusters/aks-demo$`, Count: 1, Status: http.StatusBadRequest,
						Code: "InvalidParameter", Message: "Injected refusal of the cluster update."})
				},
				Config:      windows(second, 2),
				ExpectError: regexp.MustCompile(`Injected refusal`),
			},
			{
				Config:             windows(second, 2),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				PreConfig: srv.ResetJournal,
				Config:    windows(second, 2),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(clusterAddress, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{notInState{values: []string{first, second}}},
				Check: resource.ComposeTestCheckFunc(
					expectWrites(srv, "PUT aks-demo"),
					expectPasswordSent(t, srv, second),
				),
			},
		},
	})
}

// expectPasswordSent checks that the last cluster PUT sent a Windows password. The emulator
// journals secrets redacted, so only their presence shows (the value, when the journal keeps it,
// must be the configured one).
func expectPasswordSent(t *testing.T, srv *emulator.Server, password string) func(*terraform.State) error {
	return func(*terraform.State) error {
		puts := armCalls(srv, http.MethodPut, `/managedClusters/aks-demo$`)
		if len(puts) == 0 {
			return fmt.Errorf("no cluster PUT")
		}
		props, _ := putBody(t, puts[len(puts)-1])["properties"].(map[string]any)
		wp, _ := props["windowsProfile"].(map[string]any)
		sent, _ := wp["adminPassword"].(string)
		if sent == "" || (sent != password && !strings.Contains(strings.ToLower(sent), "redacted")) {
			return fmt.Errorf("the cluster PUT did not send the configured Windows password")
		}
		return nil
	}
}

// notInState fails when any of the values appears anywhere in the state.
type notInState struct{ values []string }

func (c notInState) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	raw, err := json.Marshal(req.State)
	if err != nil {
		resp.Error = err
		return
	}
	for _, v := range c.values {
		if strings.Contains(string(raw), v) {
			resp.Error = fmt.Errorf("a write-only value (%d characters) is in the state", len(v))
			return
		}
	}
}

// node_image_version = "latest" on the default pool: when AKS releases a newer node image the
// plan shows it, and apply upgrades the node image alone (no version change, no rotation).
func TestAccCluster_defaultPoolNodeImageLatest(t *testing.T) {
	srv := newEmulator(t)
	const newImage = "AKSUbuntu-2204gen2containerd-202612.01.0"
	config := clusterHCL("aks-demo", guideVersion+"\n"+guideNetwork, guidePool+"\n    node_image_version = \"latest\"")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: clusterProviders,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("node_image_version"), knownvalue.StringExact("latest")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("current_node_image_version"), knownvalue.NotNull()),
				},
			},
			{
				// Nothing newer: nothing planned.
				Config:   config,
				PlanOnly: true,
			},
			{
				PreConfig: func() {
					if err := srv.Mutate(emulator.Mutation{Kind: emulator.MutateReleaseNodeImage, OSSKU: "Ubuntu", Version: newImage}); err != nil {
						t.Fatal(err)
					}
					srv.ResetJournal()
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(clusterAddress, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("current_node_image_version"), knownvalue.StringExact(newImage)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("default_node_pool").AtMapKey("current_node_image_version"), knownvalue.StringExact(newImage)),
				},
				Check: expectWrites(srv, "POST aks-demo/agentPools/nodepool1/upgradeNodeImageVersion"),
			},
		},
	})
}

// The network profile's in-place settings, the SSH key and the control plane identity: one
// cluster PUT; settings AKS can't change (the service CIDR) replace the cluster.
func TestAccCluster_updateNetworkIdentityAndSSH(t *testing.T) {
	srv := newEmulator(t)
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
	sameID := statecheck.CompareValue(compare.ValuesSame())
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: clusterProviders,
		Steps: []resource.TestStep{
			{
				Config:            config("none", keyA, "", "10.0.0.0/16"),
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(clusterAddress, tfjsonpath.New("id"))},
			},
			{
				PreConfig: srv.ResetJournal,
				Config:    config("azure", keyB, userAssigned, "10.0.0.0/16"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(clusterAddress, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(clusterAddress, tfjsonpath.New("identity").AtMapKey("principal_id")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(clusterAddress, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("network_profile").AtMapKey("network_policy"), knownvalue.StringExact("azure")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("linux_profile").AtMapKey("ssh_public_key"), knownvalue.StringExact(keyB)),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("identity").AtMapKey("type"), knownvalue.StringExact("UserAssigned")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("identity").AtMapKey("identity_ids"), knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(identity)})),
				},
				Check: expectWrites(srv, "PUT aks-demo"),
			},
			{
				PreConfig: srv.ResetJournal,
				Config:    config("azure", keyB, userAssigned, "10.1.0.0/16"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(clusterAddress, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: expectWrites(srv, "DELETE aks-demo", "PUT aks-demo"),
			},
		},
	})
}
