package actions_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

const upgradeAddress = "action.aks_node_pool_upgrade_node_image.test"

func upgradeAction(body string) string {
	return `
action "aks_node_pool_upgrade_node_image" "test" {
  config {
` + body + `
  }
}
`
}

func TestAccActionUpgradeNodeImage(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	createCluster(t, srv, 1)
	const newImage = "AKSUbuntu-2204gen2containerd-202601.01.0"
	upgrade := func(pool string) acctest.CallMatcher {
		return acctest.ARMCall("POST", `/managedClusters/aks-demo/agentPools/`+pool+`/upgradeNodeImageVersion$`)
	}
	testActions(t, []resource.TestStep{
		{
			// plan-time: exactly one of node_pool_id and cluster_id, and each the right kind of ID
			Config:      triggered("both", upgradeAddress, upgradeAction(`node_pool_id = "`+poolID("userpool")+`"`+"\n"+`cluster_id = "`+clusterID()+`"`)),
			ExpectError: wrapped(`Invalid Attribute Combination.*Exactly one of these attributes must be configured: \[node_pool_id,cluster_id\]`),
		},
		{
			Config:      triggered("neither", upgradeAddress, upgradeAction(``)),
			ExpectError: wrapped(`Missing Attribute Configuration.*Exactly one of these attributes must be configured: \[node_pool_id,cluster_id\]`),
		},
		{
			Config:      triggered("cluster_as_pool", upgradeAddress, upgradeAction(`node_pool_id = "`+clusterID()+`"`)),
			ExpectError: wrapped(`Invalid Microsoft.ContainerService/managedClusters/agentPools ID.*is the ID of a Microsoft.ContainerService/managedClusters, not a Microsoft.ContainerService/managedClusters/agentPools`),
		},
		{
			// invoke-time: AKS's answer for a pool that does not exist
			Config:      triggered("missing", upgradeAddress, upgradeAction(`node_pool_id = "`+poolID("nopool")+`"`)),
			ExpectError: wrapped(`Node image upgrade failed.*AKS answered 404 NotFound.*agentPools/nopool`),
		},
		{
			PreConfig: func() {
				if err := srv.Mutate(emulator.Mutation{Kind: emulator.MutateReleaseNodeImage, OSSKU: "Ubuntu", Version: newImage}); err != nil {
					t.Fatal(err)
				}
				srv.ResetJournal()
			},
			Config: triggered("one_pool", upgradeAddress, upgradeAction(`node_pool_id = "`+poolID("userpool")+`"`)),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectOne(srv, upgrade("userpool"), acctest.Succeeded()),
				acctest.ExpectCalls(srv, upgrade("nodepool1"), 0),
				acctest.ExpectWrites(srv, "POST aks-demo/agentPools/userpool/upgradeNodeImageVersion"),
			},
			Check: func(*terraform.State) error { return expectNodeImage(t, srv, "userpool", newImage) },
		},
		{
			PreConfig: srv.ResetJournal,
			Config:    triggered("whole_cluster", upgradeAddress, upgradeAction(`cluster_id = "`+clusterID()+`"`)),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectWrites(srv,
					"POST aks-demo/agentPools/nodepool1/upgradeNodeImageVersion",
					"POST aks-demo/agentPools/userpool/upgradeNodeImageVersion"),
			},
			Check: func(*terraform.State) error { return expectNodeImage(t, srv, "nodepool1", newImage) },
		},
	})
}
