package bench

import (
	"fmt"
	"sort"
	"strings"
)

// The configurations the scenarios measure. Every cluster is the smallest
// the provider accepts (one System pool of one node, AKS's defaults for the
// rest) in the emulator's resource group rg-aks-demo, and every pool is
// aks_node_pool with one node: the figures are about how the provider
// scales with the number of resources, not about any one setting.

const (
	resourceGroup = "rg-aks-demo"
	location      = "eastus"
	providersHCL  = `terraform {
  required_providers {
    aks = {
      source = "aksforge/aks"
    }
  }
}

provider "aks" {}
`
)

// clustersHCL is a configuration of clusters, each with its default pool
// and userPools aks_node_pool resources named p00, p01, ...
func clustersHCL(clusters []string, userPools int) string {
	var b strings.Builder
	b.WriteString(providersHCL)
	fmt.Fprintf(&b, `
locals {
  clusters = [%s]
  pools = {
    for pair in setproduct(local.clusters, range(%d)) :
    "${pair[0]}/${format("p%%02d", pair[1])}" => { cluster = pair[0], name = format("p%%02d", pair[1]) }
  }
}

resource "aks_cluster" "c" {
  for_each            = toset(local.clusters)
  name                = each.key
  resource_group_name = %q
  location            = %q
  dns_prefix          = each.key

  default_node_pool {
    name       = "system"
    node_count = 1
  }
}

resource "aks_node_pool" "p" {
  for_each   = local.pools
  cluster_id = aks_cluster.c[each.value.cluster].id
  name       = each.value.name
  node_count = 1
}
`, quoteList(clusters), userPools, resourceGroup, location)
	return b.String()
}

// poolsHCL is a configuration of n aks_node_pool resources named
// <prefix>00, <prefix>01, ... on an existing cluster given by its ID: its
// apply creates n pools and its destroy deletes them, and nothing else.
func poolsHCL(clusterID, prefix string, n int) string {
	return providersHCL + fmt.Sprintf(`
resource "aks_node_pool" "p" {
  count      = %d
  cluster_id = %q
  name       = format("%s%%02d", count.index)
  node_count = 1
}
`, n, clusterID, prefix)
}

// minimalHCL is the minimal provider's configuration of the same shape as
// clustersHCL([one], 1): two resources, one provider.
const minimalHCL = `terraform {
  required_providers {
    minimal = {
      source = "bench/minimal"
    }
  }
}

provider "minimal" {}

resource "minimal_item" "cluster" {
  name = "cluster"
}

resource "minimal_item" "pool" {
  name = "pool"
}
`

// clusterID is the ARM ID of a cluster of the benchmark.
func clusterID(subscription, name string) string {
	return fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.ContainerService/managedClusters/%s",
		subscription, resourceGroup, name)
}

// clusterNames are prefix00, prefix01, ... (n of them).
func clusterNames(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%02d", prefix, i)
	}
	return out
}

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
