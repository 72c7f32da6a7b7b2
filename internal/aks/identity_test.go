package aks_test

import (
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// Resource identities (Terraform 1.12 and later): recorded by create, and an import block with an
// identity instead of an ID imports with no changes; import by ID keeps working.

// identityTerraform skips the tests of resource identities below Terraform 1.12.
var identityTerraform = []tfversion.TerraformVersionCheck{acctest.FeatureCheck(acctest.FeatureResourceIdentity)}

func poolIdentity(name string) map[string]knownvalue.Check {
	return map[string]knownvalue.Check{
		"subscription_id":     knownvalue.StringExact(emulator.DefaultSubscriptionID),
		"resource_group_name": knownvalue.StringExact(testResourceGroup),
		"cluster_name":        knownvalue.StringExact("aks-demo"),
		"name":                knownvalue.StringExact(name),
	}
}

func TestAccNodePool_importByIdentity(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	config := poolConfig(cluster, "mynodepool", `
  node_count  = 3
  node_labels = { team = "web" }`)
	noop := resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(poolAddress, plancheck.ResourceActionNoop),
		acctest.ExpectNoWrites(srv),
	}}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   identityTerraform,
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:            config,
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectIdentity(poolAddress, poolIdentity("mynodepool"))},
			},
			{
				PreConfig:       srv.ResetJournal,
				Config:          config,
				ResourceName:    poolAddress,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: append(noop.PreApply,
					// The import reads the pool from one read of its cluster, whose answer holds its pools.
					acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodGet, `/managedClusters/aks-demo$`), 1))},
			},
			{
				PreConfig:        srv.ResetJournal,
				Config:           config,
				ResourceName:     poolAddress,
				ImportState:      true,
				ImportStateKind:  resource.ImportBlockWithID,
				ImportStateId:    poolID("mynodepool"),
				ImportPlanChecks: noop,
			},
			{
				ResourceName:      poolAddress,
				ImportState:       true,
				ImportStateId:     poolID("mynodepool"),
				ImportStateVerify: true,
			},
		},
	})
}

func TestAccCluster_importByIdentity(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	noop := []plancheck.PlanCheck{plancheck.ExpectResourceAction(clusterAddress, plancheck.ResourceActionNoop), acctest.ExpectNoWrites(srv)}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   identityTerraform,
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: guideCluster(),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectIdentity(clusterAddress, map[string]knownvalue.Check{
					"subscription_id":     knownvalue.StringExact(emulator.DefaultSubscriptionID),
					"resource_group_name": knownvalue.StringExact(testResourceGroup),
					"name":                knownvalue.StringExact("aks-demo"),
				})},
			},
			{
				PreConfig:        srv.ResetJournal,
				Config:           guideCluster(),
				ResourceName:     clusterAddress,
				ImportState:      true,
				ImportStateKind:  resource.ImportBlockWithResourceIdentity,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: noop},
			},
			{
				PreConfig:        srv.ResetJournal,
				Config:           guideCluster(),
				ResourceName:     clusterAddress,
				ImportState:      true,
				ImportStateKind:  resource.ImportBlockWithID,
				ImportStateId:    clusterID("aks-demo"),
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: noop},
			},
		},
	})
}
