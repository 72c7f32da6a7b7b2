package functions_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
)

func TestMain(m *testing.M) { acctest.Main(m) }

// Provider functions arrived in Terraform 1.8 (OpenTofu 1.7). They need no provider
// configuration, so these tests start no emulator: the CLI calls the functions while it plans.
var functionsTerraform = []tfversion.TerraformVersionCheck{acctest.FeatureCheck(acctest.FeatureProviderFunctions)}

// wrapped matches pattern in Terraform's output, which wraps long messages: each space of the
// pattern matches any run of white space.
func wrapped(pattern string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)` + strings.ReplaceAll(pattern, " ", `\s+`))
}

func testFunctions(t *testing.T, steps []resource.TestStep) {
	t.Helper()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   functionsTerraform,
		Steps:                    steps,
	})
}

const (
	clusterID = "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/aks-demo"
	poolID    = clusterID + "/agentPools/userpool"
)

// config is a configuration that calls the functions: terraform-plugin-testing adds the
// required_providers entry of the provider it serves.
func config(hcl string) string { return hcl }

func TestAccFunctionParseClusterID(t *testing.T) {
	acctest.PreCheck(t)
	testFunctions(t, []resource.TestStep{
		{
			Config:      config(`output "bad" { value = provider::aks::parse_cluster_id("` + poolID + `") }`),
			ExpectError: wrapped(`is not a managed cluster ID.*got resource type.*managedClusters/agentPools`),
		},
		{
			Config:      config(`output "bad" { value = provider::aks::parse_cluster_id("aks-demo") }`),
			ExpectError: wrapped(`"aks-demo" is not an ARM resource ID`),
		},
		{
			Config: config(`output "cluster" { value = provider::aks::parse_cluster_id("` + clusterID + `") }`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("cluster", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"subscription_id":     knownvalue.StringExact("00000000-0000-4000-8000-000000000002"),
					"resource_group_name": knownvalue.StringExact("rg-aks-demo"),
					"name":                knownvalue.StringExact("aks-demo"),
				})),
			},
		},
	})
}

func TestAccFunctionParseNodePoolID(t *testing.T) {
	acctest.PreCheck(t)
	testFunctions(t, []resource.TestStep{
		{
			Config:      config(`output "bad" { value = provider::aks::parse_node_pool_id("` + clusterID + `") }`),
			ExpectError: wrapped(`is not an agent pool ID.*got resource type.*Microsoft.ContainerService/managedClusters`),
		},
		{
			Config: config(`output "pool" { value = provider::aks::parse_node_pool_id("` + poolID + `") }`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("pool", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"subscription_id":     knownvalue.StringExact("00000000-0000-4000-8000-000000000002"),
					"resource_group_name": knownvalue.StringExact("rg-aks-demo"),
					"cluster_name":        knownvalue.StringExact("aks-demo"),
					"cluster_id":          knownvalue.StringExact(clusterID),
					"name":                knownvalue.StringExact("userpool"),
				})),
			},
		},
	})
}

func TestAccFunctionEphemeralOSDiskFits(t *testing.T) {
	acctest.PreCheck(t)
	testFunctions(t, []resource.TestStep{
		{
			Config:      config(`output "bad" { value = provider::aks::ephemeral_os_disk_fits("Standard_Nope_v9", 128) }`),
			ExpectError: wrapped(`vm_size "Standard_Nope_v9" is not in the provider's embedded VM size catalogue`),
		},
		{
			Config:      config(`output "bad" { value = provider::aks::ephemeral_os_disk_fits("Standard_DS2_v2", 4096) }`),
			ExpectError: wrapped(`os_disk_size_gb = 4096 is outside the 30-2048 GB`),
		},
		{
			Config: config(`
output "default_size" { value = provider::aks::ephemeral_os_disk_fits("Standard_DS2_v2", 128) }
output "fits_temp"    { value = provider::aks::ephemeral_os_disk_fits("Standard_D8ds_v5", 300) }
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("default_size", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"vm_size":         knownvalue.StringExact("Standard_DS2_v2"),
					"os_disk_size_gb": knownvalue.Int64Exact(128),
					"required_bytes":  knownvalue.Int64Exact(137438953472),
					"supported":       knownvalue.Bool(true),
					"placement":       knownvalue.StringExact("CacheDisk"),
					"capacity_bytes":  knownvalue.Int64Exact(92341796864),
					"fits":            knownvalue.Bool(false),
				})),
				statecheck.ExpectKnownOutputValue("fits_temp", knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"placement":      knownvalue.StringExact("ResourceDisk"),
					"capacity_bytes": knownvalue.Int64Exact(322122547200),
					"fits":           knownvalue.Bool(true),
				})),
			},
		},
	})
}

func TestAccFunctionNodePoolNameValid(t *testing.T) {
	acctest.PreCheck(t)
	testFunctions(t, []resource.TestStep{
		{
			Config:      config(`output "bad" { value = provider::aks::node_pool_name_valid("pool", "Mac") }`),
			ExpectError: wrapped(`os_type "Mac" is not an OS type AKS knows`),
		},
		{
			// The function's use: a module refuses a name AKS would refuse, before any plan.
			Config: config(`
variable "pool_name" {
  type    = string
  default = "windows1"
  validation {
    condition     = provider::aks::node_pool_name_valid(var.pool_name, "Windows")
    error_message = "AKS refuses this Windows node pool name."
  }
}
output "name" { value = var.pool_name }
`),
			ExpectError: wrapped(`AKS refuses this Windows node pool name`),
		},
		{
			Config: config(`
output "linux12"  { value = provider::aks::node_pool_name_valid("userpool1234", "Linux") }
output "linux13"  { value = provider::aks::node_pool_name_valid("userpool12345", "Linux") }
output "windows6" { value = provider::aks::node_pool_name_valid("win123", "Windows") }
output "upper"    { value = provider::aks::node_pool_name_valid("Userpool", "Linux") }
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("linux12", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("linux13", knownvalue.Bool(false)),
				statecheck.ExpectKnownOutputValue("windows6", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("upper", knownvalue.Bool(false)),
			},
		},
	})
}

// TestAccFunctionNullArguments: null stands for AKS's default (128 GB, Linux). OpenTofu 1.12 can't
// pass a null to a provider function (FeatureNullFunctionArguments), so this case is its own test.
func TestAccFunctionNullArguments(t *testing.T) {
	acctest.PreCheck(t)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.FeatureCheck(acctest.FeatureNullFunctionArguments)},
		Steps: []resource.TestStep{{
			Config: config(`
output "default_size" { value = provider::aks::ephemeral_os_disk_fits("Standard_DS2_v2", null) }
output "linux12"      { value = provider::aks::node_pool_name_valid("userpool1234", null) }
output "linux13"      { value = provider::aks::node_pool_name_valid("userpool12345", null) }
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("default_size", knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"os_disk_size_gb": knownvalue.Int64Exact(128),
					"fits":            knownvalue.Bool(false),
				})),
				statecheck.ExpectKnownOutputValue("linux12", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("linux13", knownvalue.Bool(false)),
			},
		}},
	})
}

// example is the documented example of a function, as tfplugindocs renders it.
func example(t *testing.T, function string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "examples", "functions", function, "function.tf"))
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// TestAccFunctionExamples applies the documented examples as they are, so they keep working
// when copied.
func TestAccFunctionExamples(t *testing.T) {
	acctest.PreCheck(t)
	testFunctions(t, []resource.TestStep{
		{
			Config: example(t, "parse_cluster_id"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("cluster_resource_group", knownvalue.StringExact("rg-aks-demo")),
			},
		},
		{
			Config: example(t, "parse_node_pool_id"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("pool", knownvalue.StringExact("aks-demo/userpool")),
			},
		},
		{
			Config: example(t, "ephemeral_os_disk_fits"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("os_disk_type", knownvalue.StringExact("Ephemeral")),
				statecheck.ExpectKnownOutputValue("ephemeral_placement", knownvalue.StringExact("ResourceDisk")),
			},
		},
		{
			Config: example(t, "node_pool_name_valid"),
		},
		{
			Config:      strings.Replace(example(t, "node_pool_name_valid"), `default = "win1"`, `default = "windows1"`, 1),
			ExpectError: wrapped(`A Windows node pool name has 1-6 lowercase letters`),
		},
	})
}
