package aks_test

import (
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
)

// The data source finds the cluster by ID or by name and shows what the resource shows, without
// listing credentials.
func TestAccClusterDataSource(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	config := guideCluster() + `
data "aks_cluster" "by_id" {
  id = aks_cluster.test.id
}

data "aks_cluster" "by_name" {
  name                = aks_cluster.test.name
  resource_group_name = aks_cluster.test.resource_group_name
}
`
	same := func(attr tfjsonpath.Path) []statecheck.StateCheck {
		return []statecheck.StateCheck{
			statecheck.CompareValuePairs(clusterAddress, attr, "data.aks_cluster.by_id", attr, compare.ValuesSame()),
			statecheck.CompareValuePairs(clusterAddress, attr, "data.aks_cluster.by_name", attr, compare.ValuesSame()),
		}
	}
	var checks []statecheck.StateCheck
	for _, attr := range []tfjsonpath.Path{
		tfjsonpath.New("id"), tfjsonpath.New("fqdn"), tfjsonpath.New("portal_fqdn"), tfjsonpath.New("node_resource_group"),
		tfjsonpath.New("current_kubernetes_version"), tfjsonpath.New("kubelet_identity"), tfjsonpath.New("identity"),
		tfjsonpath.New("network_profile"), tfjsonpath.New("sku_tier"), tfjsonpath.New("oidc_issuer_enabled"),
		defaultPool("name"), defaultPool("vm_size"),
		defaultPool("node_count"),
	} {
		checks = append(checks, same(attr)...)
	}
	checks = append(checks,
		statecheck.ExpectKnownValue("data.aks_cluster.by_id", defaultPool("mode"), knownvalue.StringExact("System")),
		statecheck.ExpectKnownValue("data.aks_cluster.by_id", tfjsonpath.New("name"), knownvalue.StringExact("aks-demo")),
		statecheck.ExpectKnownValue("data.aks_cluster.by_name", tfjsonpath.New("id"), knownvalue.StringExact(clusterID("aks-demo"))),
		acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPost, `/listCluster(User|Admin)Credential$`), 0),
	)
	acctest.Test(t, []resource.TestStep{{Config: config, ConfigStateChecks: checks}})
}

func TestAccClusterDataSource_notFound(t *testing.T) {
	acctest.NewAccEmulator(t)
	acctest.Test(t, []resource.TestStep{
		{
			Config: `
data "aks_cluster" "missing" {
  name                = "aks-nowhere"
  resource_group_name = "rg-aks-demo"
}
`,
			ExpectError: regexp.MustCompile(`Managed cluster not found`),
		},
		{
			Config: `
data "aks_cluster" "both" {
  id   = "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/aks-demo"
  name = "aks-demo"
  resource_group_name = "rg-aks-demo"
}
`,
			ExpectError: regexp.MustCompile(`(?s)Invalid Attribute Combination`),
		},
	})
}
