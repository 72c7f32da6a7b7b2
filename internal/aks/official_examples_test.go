package aks_test

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// Microsoft's 23 agentPools request examples of API 2025-10-01
// (internal/emulator/conformance/testdata, from Azure/azure-rest-api-specs), each written as an
// aks_node_pool in examples/resources/aks_node_pool/official-<name>.tf, which the resource's
// documentation shows. Each is applied as written against the emulator; the pool's PUT must carry
// every property of Microsoft's request with Microsoft's value (official_examples_compare_test.go
// lists the few documented exceptions), the plan after it must be empty, and an import block of
// the pool must plan no change.

// officialExample is one of Microsoft's examples and its Terraform version.
type officialExample struct {
	name    string      // the file official-<name>.tf, and the subtest's name
	json    string      // Microsoft's example, in the conformance testdata
	cluster testCluster // the cluster the pool is added to
}

// officialCreateExamples are the examples that create a pool (AgentPoolsCreate_*).
var officialCreateExamples = []officialExample{
	{name: "crg", json: "AgentPoolsCreate_CRG.json"},
	{name: "custom-node-config", json: "AgentPoolsCreate_CustomNodeConfig.json"},
	{name: "dedicated-host-group", json: "AgentPoolsCreate_DedicatedHostGroup.json"},
	{name: "encryption-at-host", json: "AgentPoolsCreate_EnableEncryptionAtHost.json"},
	{name: "fips", json: "AgentPoolsCreate_EnableFIPS.json"},
	{name: "ultra-ssd", json: "AgentPoolsCreate_EnableUltraSSD.json"},
	{name: "ephemeral", json: "AgentPoolsCreate_Ephemeral.json"},
	{name: "gpu-mig", json: "AgentPoolsCreate_GPUMIG.json"},
	{name: "kata", json: "AgentPoolsCreate_KataVmIsolation.json"},
	{name: "local-dns", json: "AgentPoolsCreate_LocalDNS.json"},
	{name: "message-of-the-day", json: "AgentPoolsCreate_MessageOfTheDay.json"},
	{name: "os-sku", json: "AgentPoolsCreate_OSSKU.json"},
	{name: "ppg", json: "AgentPoolsCreate_PPG.json"},
	{name: "snapshot", json: "AgentPoolsCreate_Snapshot.json"},
	{name: "spot", json: "AgentPoolsCreate_Spot.json"},
	{name: "virtual-machines", json: "AgentPoolsCreate_TypeVirtualMachines.json"},
	{name: "create-or-update", json: "AgentPoolsCreate_Update.json"},
	{name: "wasm-wasi", json: "AgentPoolsCreate_WasmWasi.json"},
	// OutboundNAT can be disabled only when the cluster's outbound type isn't the load balancer.
	{name: "windows-disable-outbound-nat", json: "AgentPoolsCreate_WindowsDisableOutboundNAT.json",
		cluster: testCluster{Windows: true, OutboundType: armcontainerservice.OutboundTypeManagedNATGateway}},
	{name: "windows-os-sku", json: "AgentPoolsCreate_WindowsOSSKU.json", cluster: testCluster{Windows: true}},
}

// The examples that change an existing pool: they run in the order of their test.
var (
	officialStop   = officialExample{name: "stop", json: "AgentPools_Stop.json"}
	officialStart  = officialExample{name: "start", json: "AgentPools_Start.json"}
	officialUpdate = officialExample{name: "update", json: "AgentPools_Update.json"}
)

const (
	officialExamplesDir  = "../../examples/resources/aks_node_pool"
	microsoftExamplesDir = "../emulator/conformance/testdata"
)

// officialPoolPut matches the PUTs of agent pools (none of the examples' tests writes the cluster).
var officialPoolPut = acctest.ARMCall(http.MethodPut, `/agentPools/[^/]+$`)

func TestAccNodePool_officialExamples(t *testing.T) {
	for _, ex := range officialCreateExamples {
		t.Run(ex.name, func(t *testing.T) { testOfficialCreate(t, ex) })
	}
	t.Run("stop", testOfficialStop)
	t.Run("start", testOfficialStart)
	t.Run("update", testOfficialUpdate)
}

// testOfficialCreate: the example creates its pool with one PUT carrying Microsoft's request; the
// next plan is empty, and so is the plan of an import block of the pool.
func testOfficialCreate(t *testing.T, ex officialExample) {
	srv, cluster := newEmulatorWithCluster(t, ex.cluster)
	config := officialConfig(t, ex.name, cluster)
	address := poolResourceAddress(t, config)
	acctest.Test(t, []resource.TestStep{
		{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(address, plancheck.ResourceActionCreate)},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectOne(srv, officialPoolPut, acctest.Succeeded(), carriesRequest(t, srv, ex.json, false)),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodDelete, ""), 0),
			},
		},
		importPlansNoChange(config, address),
	})
}

// testOfficialStop: a running pool (official-start.tf) is stopped by official-stop.tf with one
// PUT carrying Microsoft's request and no other write; an import of the stopped pool plans no
// change.
func testOfficialStop(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	running := officialConfig(t, officialStart.name, cluster)
	stopped := officialConfig(t, officialStop.name, cluster)
	address := poolResourceAddress(t, running)
	acctest.Test(t, []resource.TestStep{
		{Config: running},
		officialChange(srv, t, officialStop, stopped, address),
		importPlansNoChange(stopped, address),
	})
}

// testOfficialStart: the pool stopped by official-stop.tf is started again by official-start.tf
// with one PUT carrying Microsoft's request and no other write; an import of the running pool
// plans no change.
func testOfficialStart(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	running := officialConfig(t, officialStart.name, cluster)
	stopped := officialConfig(t, officialStop.name, cluster)
	address := poolResourceAddress(t, running)
	acctest.Test(t, []resource.TestStep{
		{Config: running},
		{Config: stopped},
		officialChange(srv, t, officialStart, running, address),
		importPlansNoChange(running, address),
	})
}

// testOfficialUpdate: the Spot pool of official-update.tf, created without the autoscaler, gets
// it from official-update.tf in one PUT carrying Microsoft's request.
func testOfficialUpdate(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	updated := officialConfig(t, officialUpdate.name, cluster)
	address := poolResourceAddress(t, updated)
	acctest.Test(t, []resource.TestStep{
		{Config: withoutAutoscaler(t, updated)},
		officialChange(srv, t, officialUpdate, updated, address),
		importPlansNoChange(updated, address),
	})
}

// officialChange is the step that applies the example ex (config) to the existing pool at
// address: an in-place update, one PUT carrying Microsoft's request and no other write, then an
// empty plan.
func officialChange(srv *emulator.Server, t *testing.T, ex officialExample, config, address string) resource.TestStep {
	return resource.TestStep{
		PreConfig: srv.ResetJournal,
		Config:    config,
		ConfigPlanChecks: resource.ConfigPlanChecks{
			PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate)},
			PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
		},
		ConfigStateChecks: []statecheck.StateCheck{
			acctest.ExpectOne(srv, officialPoolPut, acctest.Succeeded(), carriesRequest(t, srv, ex.json, true)),
			acctest.ExpectCalls(srv, acctest.Writes(), 1),
		},
	}
}

// importPlansNoChange is the step that imports the pool at address with an import block (its ID
// read from the state) next to config: the plan must import it and change nothing.
func importPlansNoChange(config, address string) resource.TestStep {
	return resource.TestStep{
		Config:          config,
		ResourceName:    address,
		ImportState:     true,
		ImportStateKind: resource.ImportBlockWithID,
		ImportStateIdFunc: func(s *terraform.State) (string, error) {
			return s.RootModule().Resources[address].Primary.ID, nil
		},
		ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(address, plancheck.ResourceActionNoop),
		}},
	}
}

// officialConfig is the HCL of examples/resources/aks_node_pool/official-<name>.tf as written,
// with the documentation's aks_cluster.example.id replaced by the ID of the test's cluster.
func officialConfig(t *testing.T, name, clusterID string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(officialExamplesDir, "official-"+name+".tf"))
	if err != nil {
		t.Fatal(err)
	}
	config := string(raw)
	if !strings.Contains(config, "aks_cluster.example.id") {
		t.Fatalf("official-%s.tf does not add its pool to aks_cluster.example", name)
	}
	return strings.ReplaceAll(config, "aks_cluster.example.id", `"`+clusterID+`"`)
}

var poolResource = regexp.MustCompile(`(?m)^resource "aks_node_pool" "([a-z0-9_]+)"`)

// poolResourceAddress is the address of the one aks_node_pool the configuration declares.
func poolResourceAddress(t *testing.T, config string) string {
	t.Helper()
	m := poolResource.FindAllStringSubmatch(config, -1)
	if len(m) != 1 {
		t.Fatalf("want one aks_node_pool in the example, found %d", len(m))
	}
	return "aks_node_pool." + m[0][1]
}

var autoscalerLine = regexp.MustCompile(`(?m)^\s*(auto_scaling_enabled|min_count|max_count)\s*=.*\n`)

// withoutAutoscaler is config without its autoscaler settings: the pool before the update.
func withoutAutoscaler(t *testing.T, config string) string {
	t.Helper()
	out := autoscalerLine.ReplaceAllString(config, "")
	if out == config {
		t.Fatal("the update example sets no autoscaler")
	}
	return out
}

// Every official example on disk has its test, and every test its example.
func TestOfficialExamplesAreAllTested(t *testing.T) {
	tested := map[string]string{}
	for _, ex := range append(officialCreateExamples, officialStop, officialStart, officialUpdate) {
		tested["official-"+ex.name+".tf"] = ex.json
	}
	files, err := filepath.Glob(filepath.Join(officialExamplesDir, "official-*.tf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if _, ok := tested[filepath.Base(f)]; !ok {
			t.Errorf("%s has no test in officialCreateExamples", filepath.Base(f))
		}
		delete(tested, filepath.Base(f))
	}
	for f := range tested {
		t.Errorf("%s, tested, does not exist", f)
	}
	requests, err := filepath.Glob(filepath.Join(microsoftExamplesDir, "AgentPools*.json"))
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, ex := range append(officialCreateExamples, officialStop, officialStart, officialUpdate) {
		covered[ex.json] = true
	}
	for _, f := range requests {
		name := filepath.Base(f)
		writes := strings.HasPrefix(name, "AgentPoolsCreate_") || name == "AgentPools_Start.json" ||
			name == "AgentPools_Stop.json" || name == "AgentPools_Update.json"
		if writes && !covered[name] {
			t.Errorf("Microsoft's %s has no official-*.tf", name)
		}
	}
	if len(covered) != 23 {
		t.Errorf("%d examples tested, Microsoft publishes 23", len(covered))
	}
}
