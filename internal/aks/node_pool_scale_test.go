package aks_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
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
	srv := newEmulator(t)
	cluster := createCluster(t, srv, testCluster{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: manyPools(cluster, 10),
			Check: resource.ComposeTestCheckFunc(
				expectCalls(srv, http.MethodPut, `/agentPools/pool\d+$`, 10),
				func(*terraform.State) error {
					for _, j := range srv.Journal() {
						if j.Status == http.StatusConflict {
							return fmt.Errorf("AKS answered 409 to %s %s: writes were not serialised", j.Method, j.Path)
						}
					}
					pools, err := sdkFactory(t, srv).NewAgentPoolsClient().NewListPager(testResourceGroup, "aks-demo", nil).NextPage(t.Context())
					if err != nil {
						return err
					}
					if len(pools.Value) != 11 {
						return fmt.Errorf("the cluster has %d pools, want 11", len(pools.Value))
					}
					return nil
				},
			),
		}},
	})
}

// A refresh of twenty pools of one cluster lists the pools once (the cache is shared by the
// provider process); a whole plan reads the cluster, the pool list and the VM sizes once each.
func TestAccNodePool_refreshOfTwentyPoolsCostsFewReads(t *testing.T) {
	srv := newEmulator(t)
	cluster := createCluster(t, srv, testCluster{})
	config := manyPools(cluster, 20)
	reads := func(most, lists int) error {
		gets := armCalls(srv, http.MethodGet, `.`)
		if len(gets) > most {
			return fmt.Errorf("%d read calls, want at most %d:\n%s", len(gets), most, acctest.FormatJournal(gets))
		}
		if l := armCalls(srv, http.MethodGet, `/agentPools$`); len(l) != lists {
			return fmt.Errorf("%d pool list calls, want %d:\n%s", len(l), lists, acctest.FormatJournal(l))
		}
		if g := armCalls(srv, http.MethodGet, `/agentPools/[^/]+$`); len(g) != 0 {
			return fmt.Errorf("%d single-pool GETs, want none:\n%s", len(g), acctest.FormatJournal(g))
		}
		return nil
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config},
			// terraform refresh: one provider process reads twenty pools.
			{
				PreConfig:    srv.ResetJournal,
				RefreshState: true,
				Check:        func(*terraform.State) error { return reads(3, 1) },
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
				PreConfig: func() {
					if err := reads(6, 2); err != nil {
						t.Fatal(err)
					}
				},
				Config:   config,
				PlanOnly: true,
			},
		},
	})
}
