package actions_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
)

// managedPool is an aks_node_pool "test" of 2 nodes; trigger is its lifecycle block's content.
func managedPool(trigger string) string {
	return fmt.Sprintf(`
resource "aks_node_pool" "test" {
  cluster_id = %[1]q
  name       = "managed"
  node_count = 2
  vm_size    = "Standard_DS2_v2"

  lifecycle {
%[2]s
  }
}
`, clusterID(), trigger)
}

// TestAccActionsOnAManagedPool runs the actions on a pool Terraform manages: a node image upgrade
// run from the pool's own action_trigger leaves nothing to plan, while deleting one of its
// machines leaves node_count to scale back, as the action's documentation says.
func TestAccActionsOnAManagedPool(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	createCluster(t, srv, 1)
	// Machines of one cluster share the scale set's digits: the managed pool's first machine is
	// named like userpool's.
	first := strings.Replace(machineNames(t, srv, "userpool")[0], "aks-userpool-", "aks-managed-", 1)
	upgradeOnCreate := `    action_trigger {
      events  = [after_create]
      actions = [action.aks_node_pool_upgrade_node_image.test]
    }`
	testActions(t, []resource.TestStep{
		{
			Config: managedPool(upgradeOnCreate) + upgradeAction(`node_pool_id = aks_node_pool.test.id`),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectWrites(srv,
					"PUT aks-demo/agentPools/managed",
					"POST aks-demo/agentPools/managed/upgradeNodeImageVersion"),
			},
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
		},
		{
			PreConfig: srv.ResetJournal,
			Config:    managedPool("") + triggered("delete", deleteAddress, deleteMachinesAction(poolID("managed"), first)),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectWrites(srv, "POST aks-demo/agentPools/managed/deleteMachines"),
			},
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction("aks_node_pool.test", plancheck.ResourceActionUpdate),
			}},
			Check: func(*terraform.State) error {
				if left := machineNames(t, srv, "managed"); len(left) != 1 || left[0] == first {
					return fmt.Errorf("pool managed lists machines %v after deleting %s of 2", left, first)
				}
				return nil
			},
			ExpectNonEmptyPlan: true,
		},
	})
}
