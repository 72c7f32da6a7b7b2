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
)

// The data source finds the cluster by ID or by name and shows what the resource shows, without
// listing credentials.
func TestAccClusterDataSource(t *testing.T) {
	srv := newEmulator(t)
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
		tfjsonpath.New("default_node_pool").AtMapKey("name"), tfjsonpath.New("default_node_pool").AtMapKey("vm_size"),
		tfjsonpath.New("default_node_pool").AtMapKey("node_count"),
	} {
		checks = append(checks, same(attr)...)
	}
	checks = append(checks,
		statecheck.ExpectKnownValue("data.aks_cluster.by_id", tfjsonpath.New("default_node_pool").AtMapKey("mode"), knownvalue.StringExact("System")),
		statecheck.ExpectKnownValue("data.aks_cluster.by_id", tfjsonpath.New("name"), knownvalue.StringExact("aks-demo")),
		statecheck.ExpectKnownValue("data.aks_cluster.by_name", tfjsonpath.New("id"), knownvalue.StringExact(clusterID("aks-demo"))),
	)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: clusterProviders,
		Steps: []resource.TestStep{
			{
				Config:            config,
				ConfigStateChecks: checks,
				Check:             expectCalls(srv, http.MethodPost, `/listCluster(User|Admin)Credential$`, 0),
			},
		},
	})
}

func TestAccClusterDataSource_notFound(t *testing.T) {
	newEmulator(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: clusterProviders,
		Steps: []resource.TestStep{
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
		},
	})
}

// aks_vm_size answers what the guide relies on: Standard_DS2_v2's 86 GB cache is too small for
// the default 128 GB Ephemeral OS disk, Standard_DS3_v2's 172 GB cache is large enough, and the
// Dpsv5 series is ARM64.
func TestAccVMSizeDataSource(t *testing.T) {
	newEmulator(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: clusterProviders,
		Steps: []resource.TestStep{
			{
				Config: `
data "aks_vm_size" "ds2" {
  location = "eastus"
  name     = "Standard_DS2_v2"
}

data "aks_vm_size" "ds3" {
  location = "eastus"
  name     = "standard_ds3_v2"
}

data "aks_vm_size" "arm64" {
  location = "eastus"
  name     = "Standard_D2pds_v5"
}
`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.aks_vm_size.ds2", tfjsonpath.New("vcpus"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue("data.aks_vm_size.ds2", tfjsonpath.New("ephemeral_os_disk_supported"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue("data.aks_vm_size.ds2", tfjsonpath.New("cache_disk_size_gb"), knownvalue.Int64Exact(86)),
					statecheck.ExpectKnownValue("data.aks_vm_size.ds2", tfjsonpath.New("max_ephemeral_os_disk_size_gb"), knownvalue.Int64Exact(86)),
					statecheck.ExpectKnownValue("data.aks_vm_size.ds3", tfjsonpath.New("vcpus"), knownvalue.Int64Exact(4)),
					statecheck.ExpectKnownValue("data.aks_vm_size.ds3", tfjsonpath.New("memory_gb"), knownvalue.Float64Exact(14)),
					statecheck.ExpectKnownValue("data.aks_vm_size.ds3", tfjsonpath.New("cpu_architecture"), knownvalue.StringExact("x64")),
					statecheck.ExpectKnownValue("data.aks_vm_size.ds3", tfjsonpath.New("cache_disk_size_gb"), knownvalue.Int64Exact(172)),
					statecheck.ExpectKnownValue("data.aks_vm_size.ds3", tfjsonpath.New("max_ephemeral_os_disk_size_gb"), knownvalue.Int64Exact(172)),
					statecheck.ExpectKnownValue("data.aks_vm_size.ds3", tfjsonpath.New("ephemeral_os_disk_placement"), knownvalue.StringExact("CacheDisk")),
					statecheck.ExpectKnownValue("data.aks_vm_size.arm64", tfjsonpath.New("cpu_architecture"), knownvalue.StringExact("Arm64")),
					statecheck.ExpectKnownValue("data.aks_vm_size.arm64", tfjsonpath.New("hyper_v_generations"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("V2")})),
				},
			},
			{
				Config: `
data "aks_vm_size" "missing" {
  location = "eastus"
  name     = "Standard_Imaginary_v9"
}
`,
				ExpectError: regexp.MustCompile(`VM size not found`),
			},
		},
	})
}
