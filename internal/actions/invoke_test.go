package actions_test

import (
	"net/http"
	"testing"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

func TestAccInvokeDeleteMachines(t *testing.T) {
	bin := terraformWithActions(t)
	srv := acctest.NewAccEmulator(t)
	createCluster(t, srv, 2)
	names := machineNames(t, srv, "userpool")
	reattach := serveProvider(t)

	out, ok := invoke(t, bin, reattach, deleteMachinesAction(poolID("userpool"), names[0]), deleteAddress)
	if !ok {
		t.Fatalf("terraform apply -invoke failed:\n%s", out)
	}
	expectOutput(t, out,
		"Deleting 1 machine(s) of pool userpool of cluster aks-demo: "+names[0]+".",
		"AKS accepted the deletion; waiting for it to finish.",
		"Deleted 1 machine(s) of pool userpool; it now has 1 node(s).")
	acctest.ExpectOne(srv, acctest.ARMCall("POST", `/agentPools/userpool/deleteMachines$`).AnsweredWith(http.StatusAccepted)).Require(t)

	out, ok = invoke(t, bin, reattach, deleteMachinesAction(poolID("userpool"), names[0]), deleteAddress)
	if ok {
		t.Fatalf("deleting a machine that is gone succeeded:\n%s", out)
	}
	expectOutput(t, out, "Deleting machines failed", "was not found in agent pool 'userpool'", "The machines of pool userpool are: "+names[1])
}

func TestAccInvokeUpgradeNodeImage(t *testing.T) {
	bin := terraformWithActions(t)
	srv := acctest.NewAccEmulator(t)
	createCluster(t, srv, 1)
	const newImage = "AKSUbuntu-2204gen2containerd-202601.01.0"
	if err := srv.Mutate(emulator.Mutation{Kind: emulator.MutateReleaseNodeImage, OSSKU: "Ubuntu", Version: newImage}); err != nil {
		t.Fatal(err)
	}
	out, ok := invoke(t, bin, serveProvider(t), upgradeAction(`cluster_id = "`+clusterID()+`"`), upgradeAddress)
	if !ok {
		t.Fatalf("terraform apply -invoke failed:\n%s", out)
	}
	expectOutput(t, out,
		"Upgrading the node image of pool nodepool1 of cluster aks-demo (1 of 2).",
		"Pool nodepool1 now runs node image "+newImage+".",
		"Upgrading the node image of pool userpool of cluster aks-demo (2 of 2).",
		"Pool userpool now runs node image "+newImage+".")
	acctest.ExpectWrites(srv,
		"POST aks-demo/agentPools/nodepool1/upgradeNodeImageVersion",
		"POST aks-demo/agentPools/userpool/upgradeNodeImageVersion").Require(t)
}

func TestAccInvokeOperationAbort(t *testing.T) {
	bin := terraformWithActions(t)
	srv := acctest.NewAccEmulator(t)
	createCluster(t, srv, 1)
	reattach := serveProvider(t)

	out, ok := invoke(t, bin, reattach, abortAction(`node_pool_id = "`+poolID("userpool")+`"`), abortAddress)
	if ok {
		t.Fatalf("aborting with nothing running succeeded:\n%s", out)
	}
	expectOutput(t, out, "Aborting the operation running on node pool userpool of cluster aks-demo.", "No operation to abort", "409 OperationNotAllowed")

	startSlowNodeImageUpgrade(t, srv, "userpool")
	srv.ResetJournal()
	out, ok = invoke(t, bin, reattach, abortAction(`node_pool_id = "`+poolID("userpool")+`"`), abortAddress)
	if !ok {
		t.Fatalf("terraform apply -invoke failed:\n%s", out)
	}
	expectOutput(t, out,
		"Aborting the operation running on node pool userpool of cluster aks-demo.",
		"AKS accepted the abort of the operation on node pool userpool of cluster aks-demo; waiting for it to be cancelled.",
		"The operation on node pool userpool of cluster aks-demo was cancelled.")
	acctest.ExpectWrites(srv, "POST aks-demo/agentPools/userpool/abort").Require(t)
}
