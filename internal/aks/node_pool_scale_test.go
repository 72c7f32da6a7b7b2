package aks_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
)

func manyPools(cluster string, n int) string {
	return fmt.Sprintf(`
resource "aks_node_pool" "many" {
  count      = %[2]d
  cluster_id = %[1]q
  name       = "pool${count.index}"
  node_count = 1
}
`, cluster, n)
}

// Ten pools of one cluster applied at once (Terraform's default parallelism is 10): the provider
// serialises the writes, so AKS never answers 409 and every pool is created.
func TestAccNodePool_tenPoolsAtOnce(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	acctest.Test(t, []resource.TestStep{{
		Config: manyPools(cluster, 10),
		ConfigStateChecks: []statecheck.StateCheck{
			acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPut, `/agentPools/pool\d+$`), 10),
			// A 409 would mean the writes were not serialised.
			acctest.ExpectCalls(srv, acctest.AnyCall("", ``).AnsweredWith(http.StatusConflict), 0),
		},
		Check: func(*terraform.State) error {
			pools, err := sdkFactory(t, srv).NewAgentPoolsClient().NewListPager(testResourceGroup, "aks-demo", nil).NextPage(t.Context())
			if err != nil {
				return err
			}
			if len(pools.Value) != 11 {
				return fmt.Errorf("the cluster has %d pools, want 11", len(pools.Value))
			}
			return nil
		},
	}})
}

// A refresh of twenty pools of one cluster lists the pools once (the cache is shared by the
// provider process); a whole plan reads the cluster, the pool list and the VM sizes once each.
func TestAccNodePool_refreshOfTwentyPoolsCostsFewReads(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	config := manyPools(cluster, 20)
	// reads checks the ARM reads: at most most, of which lists pool lists and no single-pool GET.
	reads := func(most, lists int) acctest.JournalCheck {
		return acctest.All(
			acctest.ExpectAtMostCalls(srv, acctest.ARMCall(http.MethodGet, `.`), most),
			acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodGet, `/agentPools$`), lists),
			acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodGet, `/agentPools/[^/]+$`), 0),
		)
	}
	acctest.Test(t, []resource.TestStep{
		{Config: config},
		// terraform refresh: one provider process reads twenty pools.
		{
			PreConfig:    srv.ResetJournal,
			RefreshState: true,
			Check:        reads(3, 1).TestCheck,
		},
		// A PlanOnly step runs two plans, each in its own provider process: without refresh
		// (ModifyPlan reads the cluster, the pool list and the VM sizes) and with refresh
		// (Read shares the same list).
		{
			PreConfig: srv.ResetJournal,
			Config:    config,
			PlanOnly:  true,
		},
		{
			PreConfig: func() { reads(6, 2).Require(t) },
			Config:    config,
			PlanOnly:  true,
		},
	})
}
