package aksrules

import (
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// Stopping and starting a pool through properties.powerState.code
// (learn.microsoft.com/azure/aks/start-stop-nodepools; the CLI's
// `az aks nodepool stop/start` PUT the pool with the code changed). What a
// stopped pool shows (count 0, autoscaler off, as AgentPools_Stop.json
// answers) and what it runs again with (AgentPools_Start.json) is the
// emulator core's (store_power.go). The rules, one per file:
//   - power_state_system.go: System pools can't be stopped;
//   - power_state_stop.go: the cluster must run, not use node autoprovisioning,
//     and the pool's last operation must have succeeded;
//   - this file: a pool is created running.

// isStopped reports whether the pool's power state is Stopped.
func isStopped(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) bool {
	return p != nil && p.PowerState != nil && equalFoldPtr(p.PowerState.Code, armcontainerservice.CodeStopped)
}

// checkStopNewPool: "When an Agent Pool is first created it is initially
// Running. The Agent Pool can be stopped by setting this field to Stopped"
// (spec, AgentPool powerState): a create can't ask for Stopped; stopping is
// an update of a running pool. Unverified text and code.
func checkStopNewPool(_ World, name string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !isStopped(p) {
		return nil
	}
	return badRequest(codeOperationNotAllowed, "properties.powerState.code",
		"Agent pool '%s' can't be created stopped: an agent pool is created Running, and can be stopped once it is created.", name)
}
