package aks_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// A vm_size change AKS can't make in place rotates the default pool through the agentPools API:
// temporary pool, delete (drain), recreate, delete the temporary pool. The cluster stays.
func TestAccCluster_rotateDefaultPool(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	base := guideVersion + "\n" + guideNetwork
	bigger := strings.Replace(guidePool, "Standard_DS2_v2", "Standard_DS3_v2", 1)
	sameID := keepsClusterID()
	acctest.Test(t, []resource.TestStep{
		createGuideCluster(sameID),
		{
			PreConfig: srv.ResetJournal,
			Config:    clusterHCL("aks-demo", base, bigger),
			ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionUpdate,
				plancheck.ExpectUnknownValue(clusterAddress, defaultPool("os_disk_type")),
			),
			ConfigStateChecks: append(rotated(srv, sameID, "vm_size", "Standard_DS3_v2",
				"PUT aks-demo/agentPools/nodepool1tmp", "DELETE aks-demo/agentPools/nodepool1",
				"PUT aks-demo/agentPools/nodepool1", "DELETE aks-demo/agentPools/nodepool1tmp"),
				statecheck.ExpectKnownValue(clusterAddress, defaultPool("name"), knownvalue.StringExact("nodepool1")),
				statecheck.ExpectKnownValue(clusterAddress, defaultPool("current_node_count"), knownvalue.Int64Exact(2)),
				// Every pool deletion asks AKS to honour PodDisruptionBudgets.
				acctest.ExpectEach(srv, acctest.ARMCall(http.MethodDelete, `/agentPools/`), acctest.QueryContains("ignore-pod-disruption-budget=false")),
				// The temporary pool is a System pool tagged with the pool it stands in for.
				acctest.ExpectOne(srv, acctest.ARMCall(http.MethodPut, `/agentPools/nodepool1tmp$`),
					acctest.BodyValue(properties("mode"), knownvalue.StringExact("System")),
					acctest.BodyValue(properties("vmSize"), knownvalue.StringExact("Standard_DS3_v2")),
					acctest.BodyValue(properties("tags").AtMapKey("aks-provider-rotation-for"), knownvalue.StringExact("nodepool1")),
					acctest.NoBodyValue(properties("nodeImageVersion")),
				),
			),
		},
		{
			// A rename is a rotation without a temporary pool.
			PreConfig:        srv.ResetJournal,
			Config:           strings.Replace(clusterHCL("aks-demo", base, bigger), `name = "nodepool1"`, `name = "systempool"`, 1),
			ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionUpdate),
			ConfigStateChecks: rotated(srv, sameID, "name", "systempool",
				"PUT aks-demo/agentPools/systempool",
				"DELETE aks-demo/agentPools/nodepool1",
			),
		},
	})
}

// A rotation interrupted between its steps resumes where it stopped: after the old pool's
// deletion failed (a PodDisruptionBudget blocking the drain), and after the recreation failed.
func TestAccCluster_rotationResumes(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	base := guideVersion + "\n" + guideNetwork
	bigger := clusterHCL("aks-demo", base, strings.Replace(guidePool, "Standard_DS2_v2", "Standard_DS3_v2", 1))
	biggest := clusterHCL("aks-demo", base, strings.Replace(guidePool, "Standard_DS2_v2", "Standard_DS4_v2", 1))
	sameID := keepsClusterID()
	// interruptedAttemptWrote is a PreConfig: the failed step before it wrote want.
	interruptedAttemptWrote := func(want ...string) func() {
		return func() {
			if err := acctest.ExpectWrites(srv, want...).Err(); err != nil {
				t.Errorf("the interrupted attempt: %v", err)
			}
			srv.ResetJournal()
		}
	}
	acctest.Test(t, []resource.TestStep{
		createGuideCluster(sameID),
		// Step 2 of the rotation fails: the drain of nodepool1 is refused.
		refusedOnce(srv, bigger, emulator.Fault{Method: http.MethodDelete, Path: `/agentPools/nodepool1$`,
			Code: "PodDrainFailure", Message: "Drain of node aks-nodepool1-0 did not complete: Too many requests. Cannot evict pod as it would violate the pod's disruption budget."}),
		{
			// The next apply reuses the temporary pool and carries on from the deletion.
			PreConfig: interruptedAttemptWrote("PUT aks-demo/agentPools/nodepool1tmp", "DELETE aks-demo/agentPools/nodepool1"),
			Config:    bigger,
			ConfigStateChecks: rotated(srv, sameID, "vm_size", "Standard_DS3_v2",
				"DELETE aks-demo/agentPools/nodepool1",
				"PUT aks-demo/agentPools/nodepool1",
				"DELETE aks-demo/agentPools/nodepool1tmp",
			),
		},
		// Step 3 fails: the pool can't be recreated (capacity). Only the temporary pool is left.
		refusedOnce(srv, biggest, emulator.Fault{Method: http.MethodPut, Path: `/agentPools/nodepool1$`,
			Code: "AllocationFailed", Message: "Allocation failed. We do not have sufficient capacity for the requested VM size in this region."}),
		{
			// The plan warns that the pool is missing; apply recreates it and removes the temporary pool.
			PreConfig:        interruptedAttemptWrote("PUT aks-demo/agentPools/nodepool1tmp", "DELETE aks-demo/agentPools/nodepool1", "PUT aks-demo/agentPools/nodepool1"),
			Config:           biggest,
			ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionUpdate),
			ConfigStateChecks: rotated(srv, sameID, "vm_size", "Standard_DS4_v2",
				"PUT aks-demo/agentPools/nodepool1",
				"DELETE aks-demo/agentPools/nodepool1tmp",
			),
		},
		{
			// Nothing left over: the next plan is empty.
			Config:   biggest,
			PlanOnly: true,
		},
	})
}

// rotated is the state checks of a step that rotated the default pool: the cluster kept its ID
// (sameID), the pool's key holds value, and the step wrote exactly writes, in that order.
func rotated(srv *emulator.Server, sameID func() statecheck.StateCheck, key, value string, writes ...string) []statecheck.StateCheck {
	return []statecheck.StateCheck{
		sameID(),
		statecheck.ExpectKnownValue(clusterAddress, defaultPool(key), knownvalue.StringExact(value)),
		acctest.ExpectWrites(srv, writes...),
	}
}

// refusedOnce is a step that empties the journal and applies config while AKS refuses the first
// request fault matches with 400 Bad Request and fault's code, which the step expects to see.
func refusedOnce(srv *emulator.Server, config string, fault emulator.Fault) resource.TestStep {
	fault.Count, fault.Status = 1, http.StatusBadRequest
	return resource.TestStep{
		PreConfig: func() {
			srv.ResetJournal()
			srv.AddFault(fault)
		},
		Config:      config,
		ExpectError: regexp.MustCompile(regexp.QuoteMeta(fault.Code)),
	}
}
