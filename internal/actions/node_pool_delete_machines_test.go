package actions_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
)

const deleteAddress = "action.aks_node_pool_delete_machines.test"

func deleteMachinesAction(pool string, names ...string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = fmt.Sprintf("%q", n)
	}
	return fmt.Sprintf(`
action "aks_node_pool_delete_machines" "test" {
  config {
    node_pool_id  = %q
    machine_names = [%s]
  }
}
`, pool, strings.Join(quoted, ", "))
}

func TestAccActionDeleteMachines(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	createCluster(t, srv, 3)
	names := machineNames(t, srv, "userpool")
	if len(names) != 3 {
		t.Fatalf("the 3-node pool lists machines %v", names)
	}
	deleteCall := acctest.ARMCall("POST", `/managedClusters/aks-demo/agentPools/userpool/deleteMachines$`)
	testActions(t, []resource.TestStep{
		{
			Config:      triggered("none", deleteAddress, deleteMachinesAction(poolID("userpool"))),
			ExpectError: wrapped(`Invalid Attribute Value.*machine_names list must contain at least 1 elements`),
		},
		{
			Config:      triggered("empty", deleteAddress, deleteMachinesAction(poolID("userpool"), names[0], " ")),
			ExpectError: wrapped(`Empty machine name.*machine_names\[1\] is empty`),
		},
		{
			Config:      triggered("twice", deleteAddress, deleteMachinesAction(poolID("userpool"), names[0], strings.ToUpper(names[0]))),
			ExpectError: wrapped(`Machine named twice.*machine_names\[1\] = "` + strings.ToUpper(names[0]) + `" names the same machine as machine_names\[0\]`),
		},
		{
			Config:      triggered("cluster_id", deleteAddress, deleteMachinesAction(clusterID(), names[0])),
			ExpectError: wrapped(`Invalid Microsoft.ContainerService/managedClusters/agentPools ID`),
		},
		{
			// invoke-time: a name that is not a machine of the pool is AKS's refusal, with the pool's machines
			PreConfig:   srv.ResetJournal,
			Config:      triggered("unknown", deleteAddress, deleteMachinesAction(poolID("userpool"), "aks-userpool-00000000-vmss00000z")),
			ExpectError: wrapped(`Deleting machines failed.*AKS answered 400 InvalidParameter: The machine 'aks-userpool-00000000-vmss00000z' was not found in agent pool 'userpool'.*The machines of pool userpool are: ` + strings.Join(names, ", ")),
		},
		{
			PreConfig: func() {
				acctest.ExpectOne(srv, deleteCall.AnsweredWith(http.StatusBadRequest)).Require(t)
				srv.ResetJournal()
			},
			Config: triggered("one", deleteAddress, deleteMachinesAction(poolID("userpool"), names[1])),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectOne(srv, deleteCall.AnsweredWith(http.StatusAccepted),
					acctest.BodyValue(tfjsonpath.New("machineNames"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(names[1])}))),
				acctest.ExpectWrites(srv, "POST aks-demo/agentPools/userpool/deleteMachines"),
			},
			Check: func(*terraform.State) error {
				if count := *getPool(t, srv, "userpool").Properties.Count; count != 2 {
					return fmt.Errorf("pool userpool has count %d after deleting one of 3 machines", count)
				}
				if left := machineNames(t, srv, "userpool"); strings.Join(left, ",") != names[0]+","+names[2] {
					return fmt.Errorf("pool userpool lists machines %v, want %s and %s", left, names[0], names[2])
				}
				return nil
			},
		},
	})
}
