package aks_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
)

// aks_vm_size answers what the guide relies on: Standard_DS2_v2's 86 GB cache is too small for
// the default 128 GB Ephemeral OS disk, Standard_DS3_v2's 172 GB cache is large enough, and the
// Dpsv5 series is ARM64.
func TestAccVMSizeDataSource(t *testing.T) {
	acctest.NewAccEmulator(t)
	acctest.Test(t, []resource.TestStep{
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
	})
}
