package aksrules

import (
	"fmt"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// Node count bounds of the API: 0-1000 for User pools, 1-1000 for System pools.
const maxNodeCount = 1000

// checkCount: count within [0 or 1, 1000]. AKS's text (cluster-api-provider-
// azure#5947); the code is unverified.
func checkCount(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if p.Count == nil {
		return nil
	}
	lowest := int32(0)
	if isSystem(p) {
		lowest = 1
	}
	count := *p.Count
	if count >= lowest && count <= maxNodeCount {
		return nil
	}
	msg := fmt.Sprintf("agentPoolProfile.count was %d. It must be greater or equal to minCount:%d and less than or equal to maxCount:%d.",
		count, lowest, maxNodeCount)
	if lowest == 1 {
		msg += " If allowedMinCount was expected to be 0 but is 1: 1) The nodepool is a VMAS pool. 2) api Version is less than 2020-03-01. 3) The node is a system pool."
	}
	return badRequest(codeInvalidParameter, "count", "%s", msg)
}

// checkAutoscalerBounds: with enableAutoScaling, minCount and maxCount are
// both required, 0 ≤ minCount ≤ maxCount ≤ 1000, System pools keep
// minCount ≥ 1, and on create the count starts within [minCount, maxCount].
// Without autoscaling, minCount and maxCount can't be set (0 counts as unset:
// clients clear them that way). Unverified texts and code.
func checkAutoscalerBounds(name string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties, creating bool) *Error {
	if !deref(p.EnableAutoScaling) {
		if deref(p.MinCount) != 0 || deref(p.MaxCount) != 0 {
			return badRequest(codeInvalidParameter, "minCount",
				"Agent pool '%s': minCount and maxCount can only be set when enableAutoScaling is true.", name)
		}
		return nil
	}
	if p.MinCount == nil || p.MaxCount == nil {
		return badRequest(codeInvalidParameter, "minCount",
			"Agent pool '%s': minCount and maxCount must both be specified when enableAutoScaling is true.", name)
	}
	minCount, maxCount := *p.MinCount, *p.MaxCount
	switch {
	case minCount < 0 || maxCount > maxNodeCount:
		return badRequest(codeInvalidParameter, "maxCount",
			"Agent pool '%s': minCount (%d) and maxCount (%d) must be between 0 and %d.", name, minCount, maxCount, maxNodeCount)
	case minCount > maxCount:
		return badRequest(codeInvalidParameter, "minCount",
			"Agent pool '%s': minCount (%d) must be less than or equal to maxCount (%d).", name, minCount, maxCount)
	case isSystem(p) && minCount < 1:
		return badRequest(codeInvalidParameter, "minCount",
			"Agent pool '%s': minCount must be at least 1 for System agent pools, got %d.", name, minCount)
	case creating && p.Count != nil && (*p.Count < minCount || *p.Count > maxCount):
		return badRequest(codeInvalidParameter, "count",
			"Agent pool '%s': count (%d) must be between minCount (%d) and maxCount (%d) when enableAutoScaling is true.",
			name, *p.Count, minCount, maxCount)
	}
	return nil
}

// checkManualScale: with the cluster autoscaler on, the count belongs to the
// autoscaler; a request that changes it is refused, as is enabling the
// autoscaler and changing the count at once. AKS's texts (azurerm#4543,
// Azure/AKS#1248); the code of the second is unverified. Sending the current
// count back (a GET→PUT round trip) is not a change.
func checkManualScale(name string, old, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !deref(p.EnableAutoScaling) || p.Count == nil || deref(old.Count) == *p.Count {
		return nil
	}
	if deref(old.EnableAutoScaling) {
		return badRequest(codeInvalidParameter, "count",
			"Cannot manually scale AgentPool '%s' of an AKS cluster with cluster autoscaler enabled. Please disable cluster autoscaler in the cluster to manually scale.",
			name)
	}
	return badRequest(codeInvalidParameter, "count",
		"Cannot manually scale and enable cluster autoscaler in the same update operation on VMSS Agentpool '%s'.", name)
}
