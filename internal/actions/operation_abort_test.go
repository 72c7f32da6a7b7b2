package actions_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

const abortAddress = "action.aks_operation_abort.test"

func abortAction(body string) string {
	return `
action "aks_operation_abort" "test" {
  config {
` + body + `
  }
}
`
}

func TestAccActionOperationAbort(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	createCluster(t, srv, 1)
	abortCall := func(path string) acctest.CallMatcher {
		return acctest.ARMCall("POST", `/managedclusters/aks-demo`+path+`/abort$`)
	}
	testActions(t, []resource.TestStep{
		{
			Config:      triggered("both", abortAddress, abortAction(`node_pool_id = "`+poolID("userpool")+`"`+"\n"+`cluster_id = "`+clusterID()+`"`)),
			ExpectError: wrapped(`Invalid Attribute Combination.*Exactly one of these attributes must be configured: \[cluster_id,node_pool_id\]`),
		},
		{
			Config:      triggered("pool_as_cluster", abortAddress, abortAction(`cluster_id = "`+poolID("userpool")+`"`)),
			ExpectError: wrapped(`Invalid Microsoft.ContainerService/managedClusters ID.*is the ID of a Microsoft.ContainerService/managedClusters/agentPools, not a Microsoft.ContainerService/managedClusters`),
		},
		{
			Config:      triggered("bad_timeout", abortAddress, abortAction(`cluster_id = "`+clusterID()+`"`+"\n"+`timeout = "ten minutes"`)),
			ExpectError: wrapped(`Invalid timeout.*"ten minutes" is not a positive duration`),
		},
		{
			// invoke-time: nothing runs on the cluster, and AKS says so
			PreConfig:   srv.ResetJournal,
			Config:      triggered("idle", abortAddress, abortAction(`cluster_id = "`+clusterID()+`"`)),
			ExpectError: wrapped(`No operation to abort.*no operation is running on cluster aks-demo.*AKS answered 409 OperationNotAllowed`),
		},
		{
			PreConfig: func() {
				acctest.ExpectOne(srv, abortCall("").AnsweredWith(http.StatusConflict)).Require(t)
				startSlowNodeImageUpgrade(t, srv, "userpool")
				srv.ResetJournal()
			},
			Config: triggered("running", abortAddress, abortAction(`node_pool_id = "`+poolID("userpool")+`"`)),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectOne(srv, abortCall("/agentPools/userpool").AnsweredWith(http.StatusAccepted)),
				acctest.ExpectWrites(srv, "POST aks-demo/agentPools/userpool/abort"),
			},
			Check: func(*terraform.State) error {
				if state := getPool(t, srv, "userpool").Properties.ProvisioningState; *state != "Canceled" {
					return fmt.Errorf("pool userpool is %s after the abort, want Canceled", *state)
				}
				return nil
			},
		},
	})
}

// startSlowNodeImageUpgrade starts a node image upgrade of pool that runs for an hour, as someone
// with the CLI would, and does not wait for it.
func startSlowNodeImageUpgrade(t *testing.T, srv *emulator.Server, pool string) {
	t.Helper()
	srv.SetLatency(emulator.LatencyNodeImage, time.Hour)
	t.Cleanup(func() { srv.SetLatency(emulator.LatencyNodeImage, -1) })
	if _, err := sdkFactory(t, srv).NewAgentPoolsClient().BeginUpgradeNodeImageVersion(context.Background(), testResourceGroup, testCluster, pool, nil); err != nil {
		t.Fatal(err)
	}
}
