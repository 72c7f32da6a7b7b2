package aksrules

import (
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func isSystem(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) bool {
	return p != nil && equalFoldPtr(p.Mode, armcontainerservice.AgentPoolModeSystem)
}

func isSpot(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) bool {
	return p != nil && equalFoldPtr(p.ScaleSetPriority, armcontainerservice.ScaleSetPrioritySpot)
}

// otherPools are the cluster's pools except the one named name: the core may
// or may not include the pool being written in World.Pools.
func otherPools(w World, name string) []*armcontainerservice.AgentPool {
	var out []*armcontainerservice.AgentPool
	for _, ap := range w.Pools {
		if ap != nil && !strings.EqualFold(poolName(ap), name) {
			out = append(out, ap)
		}
	}
	return out
}

// checkSystemPoolOS: System pools run Linux (use-system-pools.md; the SDK's
// AgentPoolModeSystem and Windows OSSKU docs). Unverified text and code.
func checkSystemPoolOS(name string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !isSystem(p) || !isWindows(p) {
		return nil
	}
	return badRequest(codeInvalidParameter, "mode",
		"Agent pool '%s' can't be a System agent pool: System agent pools must have osType Linux. Windows agent pools must use mode User.", name)
}

// checkSystemPoolNotSpot: Spot pools must be User pools (use-system-pools.md).
// Unverified text and code.
func checkSystemPoolNotSpot(name string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !isSystem(p) || !isSpot(p) {
		return nil
	}
	return badRequest(codeInvalidParameter, "scaleSetPriority",
		"Agent pool '%s' can't be a System agent pool with scaleSetPriority Spot: Spot agent pools must use mode User.", name)
}

// checkKeepsSystemPool: deleting a System pool or making it a User pool is
// refused when no other System pool remains. The message is the one AKS
// returns (asserted by rancher's hosted-provider tests); the code is
// unverified.
func checkKeepsSystemPool(w World, name, action string) *Error {
	for _, ap := range otherPools(w, name) {
		if isSystem(ap.Properties) {
			return nil
		}
	}
	return badRequest(codeOperationNotAllowed, "mode",
		"There has to be at least one system agent pool. Agent pool '%s' is the last System agent pool of the cluster and can't be %s; add another System agent pool first.",
		name, action)
}

// checkClusterHasSystemPool: a cluster is created with at least one System
// pool; AKS's code and text (Azure/AKS#1568, #1602).
func checkClusterHasSystemPool(profiles []*armcontainerservice.ManagedClusterAgentPoolProfile) *Error {
	for _, p := range profiles {
		if p != nil && equalFoldPtr(p.Mode, armcontainerservice.AgentPoolModeSystem) {
			return nil
		}
	}
	return badRequest(codeMustDefineSystemPool, "agentPoolProfiles", "Must define at least one system pool.")
}
