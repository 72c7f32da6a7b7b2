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

// A refresh of twenty pools of one cluster reads the cluster once: its GET answers every pool
// (agentPoolProfiles), and the cache is shared by the provider process. A refresh, and a whole
// plan, read the cluster and the VM sizes once each: two reads; no pool list, no pool GET. The cluster is not in the
// configuration (pools only): the pools' reads fetch it.
func TestAccNodePool_refreshOfTwentyPoolsCostsFewReads(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	config := manyPools(cluster, 20)
	// reads checks the ARM reads: at most most, of which clusters GETs of the cluster and no pool
	// list or single-pool GET.
	reads := func(most, clusters int) acctest.JournalCheck {
		return acctest.All(
			acctest.ExpectAtMostCalls(srv, acctest.ARMCall(http.MethodGet, `.`), most),
			acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodGet, `/managedClusters/aks-demo$`), clusters),
			acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodGet, `/agentPools$`), 0),
			acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodGet, `/agentPools/[^/]+$`), 0),
		)
	}
	acctest.Test(t, []resource.TestStep{
		{Config: config},
		// terraform refresh: one provider process reads twenty pools.
		{
			PreConfig:    srv.ResetJournal,
			RefreshState: true,
			Check:        reads(2, 1).TestCheck,
		},
		// A PlanOnly step runs two plans, each in its own provider process: without refresh
		// (ModifyPlan reads the cluster and the VM sizes) and with refresh (Read shares the
		// cluster's GET).
		{
			PreConfig: srv.ResetJournal,
			Config:    config,
			PlanOnly:  true,
		},
		{
			PreConfig: func() { reads(4, 2).Require(t) },
			Config:    config,
			PlanOnly:  true,
		},
	})
}

// The bench's shape: an aks_cluster with its default pool and aks_node_pool resources in it. Its
// refresh reads the cluster once (the default pool and every aks_node_pool come from that GET)
// and the VM sizes once, and so does a plan, refresh included: no pool list, no pool GET.
func TestAccNodePool_refreshOfAClusterAndItsPoolsReadsTheClusterOnce(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	config := guideCluster() + `
resource "aks_node_pool" "many" {
  count      = 3
  cluster_id = aks_cluster.test.id
  name       = "pool${count.index}"
  node_count = 1
}
`
	// reads checks the ARM reads of that many provider processes: each GETs the cluster and the
	// VM sizes once.
	reads := func(processes int) acctest.JournalCheck {
		return acctest.All(
			acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodGet, `.`), 2*processes),
			acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodGet, `/managedClusters/aks-demo$`), processes),
			acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodGet, `/providers/Microsoft\.Compute/skus$`), processes),
		)
	}
	acctest.Test(t, []resource.TestStep{
		{Config: config},
		{
			PreConfig:    srv.ResetJournal,
			RefreshState: true,
			Check:        reads(1).TestCheck,
		},
		// A PlanOnly step runs two plans, each in its own provider process: without refresh, and
		// with refresh (the reads of the refresh serve the plan).
		{
			PreConfig: srv.ResetJournal,
			Config:    config,
			PlanOnly:  true,
		},
		{
			PreConfig: func() { reads(2).Require(t) },
			Config:    config,
			PlanOnly:  true,
		},
	})
}
