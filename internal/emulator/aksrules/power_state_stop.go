package aksrules

import (
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// checkStopPool: stopping a pool (Running → Stopped) needs "The cluster and
// node pool must be running", and "You can't stop node pools from clusters
// which use the Node Autoprovisioning (NAP) feature"
// (start-stop-nodepools.md#features-and-limitations); "An Agent Pool can only
// be stopped if it is Running and provisioning state is Succeeded" (spec,
// AgentPool powerState; a running operation is refused before, as any write
// during one). Spot pools and pools with the autoscaler on can be stopped
// ("Spot node pools are supported"; "Stopping the node pool will stop its
// Cluster Autoscaler, and starts it back when starting the node pool").
// Unverified texts and code.
func checkStopPool(w World, name string, old, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !isStopped(p) || isStopped(old) {
		return nil
	}
	const target = "properties.powerState.code"
	if mc := w.Cluster; mc != nil && mc.Properties != nil {
		if mc.Properties.PowerState != nil && equalFoldPtr(mc.Properties.PowerState.Code, armcontainerservice.CodeStopped) {
			return badRequest(codeOperationNotAllowed, target,
				"Agent pool '%s' can't be stopped: the cluster is stopped. Start the cluster first.", name)
		}
		if np := mc.Properties.NodeProvisioningProfile; np != nil && equalFoldPtr(np.Mode, armcontainerservice.NodeProvisioningModeAuto) {
			return badRequest(codeOperationNotAllowed, target,
				"Agent pool '%s' can't be stopped: the cluster uses node autoprovisioning (nodeProvisioningProfile.mode Auto).", name)
		}
	}
	if state := deref(old.ProvisioningState); state != "" && !strings.EqualFold(state, "Succeeded") {
		return badRequest(codeOperationNotAllowed, target,
			"Agent pool '%s' can't be stopped: its provisioning state is %s; an agent pool can only be stopped when it is Running and its provisioning state is Succeeded.", name, state)
	}
	return nil
}
