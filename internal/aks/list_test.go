package aks_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// The list resources, through `terraform query` (Terraform 1.14 and later).

// outOfBandConfig is the configuration of the steps around a query step, which need one: the objects
// listed were created out of band, and terraform query reads the provider's configuration from
// the query file.
const outOfBandConfig = `locals {}`

// queryTerraform skips the tests of terraform query below Terraform 1.14.
var queryTerraform = []tfversion.TerraformVersionCheck{acctest.FeatureCheck(acctest.FeatureListResources)}

// twoUserPools creates the User pools user1 (3 nodes, a label) and user2 (autoscaled 1 to 4) in
// the cluster aks-demo, out of band.
func twoUserPools(t *testing.T, srv *emulator.Server) {
	t.Helper()
	createPoolOutOfBand(t, srv, "user1", armcontainerservice.ManagedClusterAgentPoolProfileProperties{
		Mode: to.Ptr(armcontainerservice.AgentPoolModeUser), VMSize: to.Ptr("Standard_DS2_v2"), Count: to.Ptr[int32](3),
		NodeLabels: map[string]*string{"team": to.Ptr("web")},
	})
	createPoolOutOfBand(t, srv, "user2", armcontainerservice.ManagedClusterAgentPoolProfileProperties{
		Mode: to.Ptr(armcontainerservice.AgentPoolModeUser), VMSize: to.Ptr("Standard_DS2_v2"), Count: to.Ptr[int32](2),
		EnableAutoScaling: to.Ptr(true), MinCount: to.Ptr[int32](1), MaxCount: to.Ptr[int32](4),
	})
	srv.ResetJournal()
}

func TestAccNodePoolList_query(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	twoUserPools(t, srv)
	user1 := queryfilter.ByResourceIdentity(poolIdentity("user1"))
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   queryTerraform,
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: outOfBandConfig},
			{
				PreConfig: srv.ResetJournal,
				Query:     true,
				Config: fmt.Sprintf(`
provider "aks" {}

list "aks_node_pool" "all" {
  provider         = aks
  include_resource = true
  config {
    cluster_id = %[1]q
  }
}
`, cluster),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("aks_node_pool.all", 3),
					querycheck.ExpectIdentity("aks_node_pool.all", poolIdentity("nodepool1")),
					querycheck.ExpectIdentity("aks_node_pool.all", poolIdentity("user1")),
					querycheck.ExpectIdentity("aks_node_pool.all", poolIdentity("user2")),
					querycheck.ExpectResourceDisplayName("aks_node_pool.all", user1, knownvalue.StringExact("aks-demo/user1")),
					querycheck.ExpectResourceKnownValues("aks_node_pool.all", user1, []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(poolID("user1"))},
						{Path: tfjsonpath.New("cluster_id"), KnownValue: knownvalue.StringExact(cluster)},
						{Path: tfjsonpath.New("node_count"), KnownValue: knownvalue.Int64Exact(3)},
						{Path: tfjsonpath.New("node_labels"), KnownValue: knownvalue.MapExact(map[string]knownvalue.Check{"team": knownvalue.StringExact("web")})},
						{Path: tfjsonpath.New("ignore_pod_disruption_budget_on_delete"), KnownValue: knownvalue.Bool(false)},
					}),
					querycheck.ExpectResourceKnownValues("aks_node_pool.all", queryfilter.ByResourceIdentity(poolIdentity("user2")), []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("auto_scaling_enabled"), KnownValue: knownvalue.Bool(true)},
						{Path: tfjsonpath.New("max_count"), KnownValue: knownvalue.Int64Exact(4)},
					}),
				},
			},
			{
				// Listing three pools, resources included, was one read of the cluster and no write.
				PreConfig: func() {
					acctest.All(
						acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodGet, `/managedClusters/aks-demo$`), 1),
						acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodGet, `/agentPools/[^/]+$`), 0),
						acctest.ExpectNoWrites(srv),
					).Require(t)
				},
				Config:   outOfBandConfig,
				PlanOnly: true,
			},
		},
	})
}

func TestAccClusterList_query(t *testing.T) {
	srv, _ := newEmulatorWithCluster(t, testCluster{})
	createCluster(t, srv, testCluster{Name: "aks-other"})
	demo := queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
		"subscription_id":     knownvalue.StringExact(emulator.DefaultSubscriptionID),
		"resource_group_name": knownvalue.StringExact(testResourceGroup),
		"name":                knownvalue.StringExact("aks-demo"),
	})
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   queryTerraform,
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: outOfBandConfig},
			{
				Query: true,
				Config: `
provider "aks" {}

list "aks_cluster" "subscription" {
  provider         = aks
  include_resource = true
}

list "aks_cluster" "demo_group" {
  provider = aks
  config {
    resource_group_name = "rg-aks-demo"
  }
}

list "aks_cluster" "test_group" {
  provider = aks
  config {
    resource_group_name = "rg-aks-test"
  }
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("aks_cluster.subscription", 2),
					querycheck.ExpectLength("aks_cluster.demo_group", 2),
					querycheck.ExpectLength("aks_cluster.test_group", 0),
					querycheck.ExpectResourceDisplayName("aks_cluster.subscription", demo, knownvalue.StringExact("rg-aks-demo/aks-demo")),
					querycheck.ExpectResourceKnownValues("aks_cluster.subscription", demo, []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(clusterID("aks-demo"))},
						{Path: tfjsonpath.New("kubernetes_version"), KnownValue: knownvalue.StringExact("1.33.3")},
						{Path: defaultPool("name"), KnownValue: knownvalue.StringExact("nodepool1")},
						{Path: defaultPool("node_count"), KnownValue: knownvalue.Int64Exact(2)},
					}),
				},
			},
		},
	})
}

// terraform query -generate-config-out writes import blocks and configuration; planning them
// imports every listed object and changes nothing.
func TestAccList_generateConfigPlansNoChanges(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	twoUserPools(t, srv)
	w := newCLIWorkdir(t, acctest.FeatureListResources, aksProvider)
	w.write("main.tf", providerHeader)
	w.write("aks.tfquery.hcl", fmt.Sprintf(`
list "aks_cluster" "demo" {
  provider         = aks
  include_resource = true
  config {
    resource_group_name = "rg-aks-demo"
  }
}

list "aks_node_pool" "demo" {
  provider         = aks
  include_resource = true
  config {
    cluster_id = %[1]q
  }
}
`, cluster))
	w.run("init", "-input=false", "-no-color")
	srv.ResetJournal()
	w.run("query", "-no-color", "-generate-config-out=generated.tf")
	generated := w.read("generated.tf")
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?s)import \{.*to\s+= aks_cluster\.\S+.*identity = \{.*name\s+= "aks-demo"`),
		regexp.MustCompile(`(?s)import \{.*to\s+= aks_node_pool\.\S+.*cluster_name\s+= "aks-demo".*name\s+= "user1"`),
		regexp.MustCompile(`resource "aks_node_pool" "\S+" \{`),
		regexp.MustCompile(`resource "aks_cluster" "\S+" \{`),
	} {
		if !want.MatchString(generated) {
			t.Errorf("the generated configuration does not match %s:\n%s", want, generated)
		}
	}
	if n := strings.Count(generated, "import {"); n != 4 {
		t.Errorf("the generated configuration has %d import blocks, want 4 (a cluster and its three pools):\n%s", n, generated)
	}
	acctest.All(
		acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodGet, `/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters$`), 1),
		acctest.ExpectNoWrites(srv),
	).Require(t)

	// The cluster's default pool is in aks_cluster's default_node_pool: its own aks_node_pool
	// would manage it twice. Drop that import, as the list resource's documentation says.
	w.write("generated.tf", withoutPoolResource(t, generated, "nodepool1"))
	srv.ResetJournal()
	plan := w.plan()
	expectNoChanges(t, plan)
	for _, rc := range plan.ResourceChanges {
		if rc.Change.Importing == nil {
			t.Errorf("%s is not imported by the plan", rc.Address)
		}
	}
	if len(plan.ResourceChanges) != 3 {
		t.Errorf("the plan has %d resources, want 3", len(plan.ResourceChanges))
	}
	acctest.ExpectNoWrites(srv).Require(t)
}

// withoutPoolResource drops from generated configuration the import block and resource block of
// the pool named pool.
func withoutPoolResource(t *testing.T, generated, pool string) string {
	t.Helper()
	blocks := strings.Split(generated, "\n\n")
	var kept []string
	var address string
	for _, b := range blocks {
		if strings.HasPrefix(strings.TrimSpace(b), "import {") && strings.Contains(b, "aks_node_pool.") && regexp.MustCompile(`name\s+= "`+pool+`"`).MatchString(b) {
			address = regexp.MustCompile(`to\s+= (aks_node_pool\.\S+)`).FindStringSubmatch(b)[1]
			continue
		}
		kept = append(kept, b)
	}
	if address == "" {
		t.Fatalf("no import block of pool %s in:\n%s", pool, generated)
	}
	name := strings.TrimPrefix(address, "aks_node_pool.")
	out := kept[:0]
	for _, b := range kept {
		if strings.Contains(b, fmt.Sprintf(`resource "aks_node_pool" %q {`, name)) {
			continue
		}
		out = append(out, b)
	}
	return strings.Join(out, "\n\n")
}
