package aksrules

import (
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// minStaticBlockVersion: "Minimum Kubernetes Version required is 1.28"
// (configure-azure-cni-static-block-allocation.md).
var minStaticBlockVersion = kubeVersion{major: 1, minor: 28}

// checkPodIPAllocation: podIPAllocationMode "Must be used with podSubnetId" (REST API 2025-10-01);
// StaticBlock needs Kubernetes 1.28; a pod subnet is used in one mode by every pool on it (the
// Static Block FAQ). Unverified: AKS's codes and texts.
func checkPodIPAllocation(w World, _ string, p *poolProperties) *Error {
	if !isSet(p.PodIPAllocationMode) {
		return nil
	}
	if !isSet(p.PodSubnetID) {
		return badRequest(codeInvalidParameter, "podIPAllocationMode",
			"podIPAllocationMode %s must be used with podSubnetID.", *p.PodIPAllocationMode)
	}
	if equalFoldPtr(p.PodIPAllocationMode, armcontainerservice.PodIPAllocationModeStaticBlock) {
		v := resolvedOrSelf(w, deref(p.OrchestratorVersion))
		if v.major == 0 {
			v = controlPlaneVersion(w, w.Cluster)
		}
		if v.major > 0 && compareVersions(v, minStaticBlockVersion) < 0 {
			return badRequest(codeInvalidParameter, "podIPAllocationMode",
				"podIPAllocationMode StaticBlock requires Kubernetes version 1.28 or later; the agent pool's version is %s.", v)
		}
	}
	return checkPodSubnetMode(w, p)
}

// checkPodSubnetMode: no other pool of the cluster uses the pod subnet in another mode.
func checkPodSubnetMode(w World, p *poolProperties) *Error {
	mode := podIPAllocationMode(p)
	for _, other := range w.Pools {
		o := other.Properties
		if o == nil || !isSet(o.PodSubnetID) || !strings.EqualFold(*o.PodSubnetID, deref(p.PodSubnetID)) ||
			strings.EqualFold(podIPAllocationMode(o), mode) {
			continue
		}
		return badRequest(codeInvalidParameter, "podIPAllocationMode",
			"The pod subnet %s is used by agent pool %s with podIPAllocationMode %s; a subnet can be used in one allocation mode only.",
			*p.PodSubnetID, deref(other.Name), podIPAllocationMode(o))
	}
	return nil
}

// podIPAllocationMode is the pool's mode, DynamicIndividual when unset (the API's default).
func podIPAllocationMode(p *poolProperties) string {
	if !isSet(p.PodIPAllocationMode) {
		return string(armcontainerservice.PodIPAllocationModeDynamicIndividual)
	}
	return string(*p.PodIPAllocationMode)
}
