package aks_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
)

// An ARM64 pool and an Azure Linux pool are created as configured and read back with what AKS
// reports for them.
func TestAccNodePool_architectureAndOSSKU(t *testing.T) {
	tests := map[string]struct {
		pool, hcl string
		checks    []statecheck.StateCheck
	}{
		"arm64": {pool: "armpool", hcl: "  node_count = 3\n  vm_size    = \"Standard_D2pds_v5\"", checks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("vm_size"), knownvalue.StringExact("Standard_D2pds_v5")),
			statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("current_node_count"), knownvalue.Int64Exact(3)),
			statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("fips_enabled"), knownvalue.Bool(false)),
		}},
		"azureLinux": {pool: "azlinux", hcl: `  os_sku = "AzureLinux"`, checks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("os_sku"), knownvalue.StringExact("AzureLinux")),
			statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("os_type"), knownvalue.StringExact("Linux")),
			statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("current_node_image_version"), knownvalue.StringRegexp(regexp.MustCompile(`(?i)azurelinux|mariner|cbl`))),
		}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, cluster := newEmulatorWithCluster(t, testCluster{})
			acctest.Test(t, []resource.TestStep{{Config: poolConfig(cluster, tc.pool, tc.hcl), ConfigStateChecks: tc.checks}})
		})
	}
}

// The guide's in-place OS SKU migration: Ubuntu to Azure Linux is an update (one PUT), not a
// replacement, and the plan warns that the nodes are reimaged.
func TestAccNodePool_ubuntuToAzureLinuxInPlace(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	acctest.Test(t, []resource.TestStep{
		{
			Config: poolConfig(cluster, "migrate", `  os_sku = "Ubuntu"`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("os_sku"), knownvalue.StringExact("Ubuntu")),
			},
		},
		{
			PreConfig: srv.ResetJournal,
			Config:    poolConfig(cluster, "migrate", `  os_sku = "AzureLinux"`),
			ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionUpdate,
				plancheck.ExpectUnknownValue(poolAddress, tfjsonpath.New("current_node_image_version")),
			),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("os_sku"), knownvalue.StringExact("AzureLinux")),
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("id"), knownvalue.StringExact(poolID("migrate"))),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPut, `/agentPools/migrate$`), 1),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodDelete, ``), 0),
				acctest.ExpectOne(srv, acctest.ARMCall(http.MethodPut, `/agentPools/migrate$`),
					acctest.IfMatchETag(),
					acctest.BodyValue(properties("osSKU"), knownvalue.StringExact("AzureLinux")),
				),
			},
		},
	})
}

// The guide: a pool on its own subnet; all subnets must be in one virtual network, so a subnet of
// another VNet is refused at plan time without a write.
func TestAccNodePool_ownSubnet(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{SubnetID: subnetID("vnet-aks-demo", "snet-system")})
	acctest.Test(t, []resource.TestStep{
		{
			Config: poolConfig(cluster, "subnetpool", fmt.Sprintf(`
  node_count     = 3
  vnet_subnet_id = %q`, subnetID("vnet-other", "snet-other"))),
			ExpectError: regexp.MustCompile(`(?s)vnet_subnet_id.*vnet-other.*vnet-aks-demo`),
		},
		{
			PreConfig: func() { acctest.ExpectNoWrites(srv).Require(t) },
			Config: poolConfig(cluster, "subnetpool", fmt.Sprintf(`
  node_count     = 3
  vnet_subnet_id = %q`, subnetID("vnet-aks-demo", "snet-user"))),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("vnet_subnet_id"), knownvalue.StringExact(subnetID("vnet-aks-demo", "snet-user"))),
			},
		},
		// The subnet ID spelled in another letter case is the same subnet: no change.
		{
			Config: poolConfig(cluster, "subnetpool", fmt.Sprintf(`
  node_count     = 3
  vnet_subnet_id = %q`, strings.Replace(subnetID("vnet-aks-demo", "snet-user"), "resourceGroups", "resourcegroups", 1))),
			ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPut, `/agentPools/subnetpool$`), 1), // only the create's PUT
			},
		},
	})
}

// The guide's FIPS pool, and ARM64 with FIPS on Ubuntu refused at plan time.
func TestAccNodePool_fips(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	acctest.Test(t, []resource.TestStep{
		{
			Config: poolConfig(cluster, "fipsarm", `
  vm_size      = "Standard_D2pds_v5"
  fips_enabled = true`),
			ExpectError: regexp.MustCompile(`(?s)fips_enabled.*(ARM64|Arm64).*Azure Linux`),
		},
		{
			PreConfig: func() { acctest.ExpectNoWrites(srv).Require(t) },
			Config:    poolConfig(cluster, "fipspool", `  fips_enabled = true`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("fips_enabled"), knownvalue.Bool(true)),
			},
			Check: func(*terraform.State) error {
				pool, err := getPool(t, srv, "aks-demo", "fipspool")
				if err != nil {
					return err
				}
				if pool.Properties.EnableFIPS == nil || !*pool.Properties.EnableFIPS {
					return fmt.Errorf("the emulator's pool has enableFIPS %v", pool.Properties.EnableFIPS)
				}
				return nil
			},
		},
		// FIPS off again is an in-place change that reimages: an update with a warning.
		{
			Config:           poolConfig(cluster, "fipspool", `  fips_enabled = false`),
			ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionUpdate),
		},
	})
}

// The guide's Windows pool (a 6-character name, Standard_D4s_v3), and its Kubernetes version
// upgrade in place.
func TestAccNodePool_windowsAndVersionUpgrade(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{Windows: true})
	windows := func(version string) string {
		return poolConfig(cluster, "npwin", fmt.Sprintf(`
  os_type              = "Windows"
  vm_size              = "Standard_D4s_v3"
  node_count           = 1
  orchestrator_version = %q`, version))
	}
	acctest.Test(t, []resource.TestStep{
		{
			Config: windows("1.32"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("os_type"), knownvalue.StringExact("Windows")),
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("os_sku"), knownvalue.StringRegexp(regexp.MustCompile(`^Windows20(19|22)$`))),
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("orchestrator_version"), knownvalue.StringExact("1.32")),
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("current_orchestrator_version"), knownvalue.StringRegexp(regexp.MustCompile(`^1\.32\.\d+$`))),
			},
		},
		{
			PreConfig: srv.ResetJournal,
			Config:    windows("1.33"),
			ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionUpdate,
				plancheck.ExpectUnknownValue(poolAddress, tfjsonpath.New("current_orchestrator_version")),
			),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("orchestrator_version"), knownvalue.StringExact("1.33")),
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("current_orchestrator_version"), knownvalue.StringExact("1.33.3")),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPut, `/agentPools/npwin$`), 1),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodDelete, ``), 0),
			},
		},
		// A downgrade is refused at plan time.
		{
			Config:      windows("1.32"),
			ExpectError: regexp.MustCompile(`(?s)orchestrator_version.*downgrade`),
		},
	})
}

// The guide's Ephemeral OS pool: Standard_DS3_v2 holds the default 128 GB OS disk in its cache,
// Standard_DS2_v2 (86 GB cache) does not: refused at plan, accepted with a 60 GB disk.
func TestAccNodePool_ephemeralOSDisk(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	acctest.Test(t, []resource.TestStep{
		{
			Config: poolConfig(cluster, "ephemeral", `
  vm_size      = "Standard_DS2_v2"
  os_disk_type = "Ephemeral"`),
			ExpectError: regexp.MustCompile(`(?s)Ephemeral OS disk does not fit the VM size.*os_disk_type.*92341796864 bytes.*Standard_DS2_v2.*Standard_DS3_v2`),
		},
		{
			PreConfig: func() { acctest.ExpectNoWrites(srv).Require(t) },
			Config: poolConfig(cluster, "ephemeral", `
  vm_size      = "Standard_DS3_v2"
  os_disk_type = "Ephemeral"`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("os_disk_type"), knownvalue.StringExact("Ephemeral")),
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("os_disk_size_gb"), knownvalue.Int64Exact(128)),
			},
		},
		{
			Config: poolConfig(cluster, "ephemeral", `
  vm_size         = "Standard_DS2_v2"
  os_disk_type    = "Ephemeral"
  os_disk_size_gb = 60`),
			ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionReplace),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("vm_size"), knownvalue.StringExact("Standard_DS2_v2")),
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("os_disk_size_gb"), knownvalue.Int64Exact(60)),
			},
		},
	})
}

// node_image_version = "latest": when AKS releases a newer image, the plan shows it and apply
// upgrades through upgradeNodeImageVersion after no PUT.
func TestAccNodePool_nodeImageLatest(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	config := poolConfig(cluster, "images", `
  os_sku             = "Ubuntu"
  node_image_version = "latest"`)
	const released = "AKSUbuntu-2204gen2containerd-209901.01.0"
	acctest.Test(t, []resource.TestStep{
		{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("node_image_version"), knownvalue.StringExact("latest")),
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("current_node_image_version"), knownvalue.NotNull()),
			},
		},
		{
			PreConfig: releaseNodeImage(t, srv, "Ubuntu", released),
			Config:    config,
			ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionUpdate,
				plancheck.ExpectKnownValue(poolAddress, tfjsonpath.New("current_node_image_version"), knownvalue.StringExact(released)),
			),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("current_node_image_version"), knownvalue.StringExact(released)),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPost, `/agentPools/images/upgradeNodeImageVersion$`), 1),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPut, `/agentPools/images$`), 0),
			},
		},
	})
}
