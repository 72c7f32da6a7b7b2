package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// Pod IP allocation modes (REST API 2025-10-01 PodIPAllocationMode).
const (
	PodIPAllocationDynamicIndividual = "DynamicIndividual"
	PodIPAllocationStaticBlock       = "StaticBlock"
)

// PodIPAllocationModes are the pod_ip_allocation_mode values.
var PodIPAllocationModes = []string{PodIPAllocationDynamicIndividual, PodIPAllocationStaticBlock}

// minStaticBlockVersion: "Minimum Kubernetes Version required is 1.28".
var minStaticBlockVersion = MustParseVersion("1.28")

const (
	sourcePodIPAllocationAPI = `the AKS REST API 2025-10-01, podIPAllocationMode ("Must be used with podSubnetId")`
	sourceStaticBlock        = `the AKS docs "Configure Azure CNI Pod Subnet - Static Block Allocation", Limitations (https://learn.microsoft.com/azure/aks/configure-azure-cni-static-block-allocation)`
)

// checkPodIPAllocationSubnet: the allocation mode is the mode of the pod subnet, so it needs one.
func checkPodIPAllocationSubnet(base path.Path, p Pool) diag.Diagnostics {
	if !isSet(p.PodIPAllocationMode) || !p.PodSubnetID.IsNull() {
		return nil
	}
	at := base.AtName("pod_ip_allocation_mode")
	subnet := base.AtName("pod_subnet_id")
	return diag.Diagnostics{ruleError(at, "Pod IP allocation mode without a pod subnet",
		explain(fmt.Sprintf("%s = %q, but %s is unset.", shown(at), p.PodIPAllocationMode.ValueString(), shown(subnet)),
			"the pod IP allocation mode says how pods get IPs from the pod subnet, so it must be used with a pod subnet (Azure CNI Pod Subnet)",
			sourcePodIPAllocationAPI,
			fmt.Sprintf("set %s to the subnet pods get their IPs from, or unset %s.", shown(subnet), shown(at))))}
}

// checkStaticBlockVersion: Static Block allocation needs Kubernetes 1.28 or later (checked
// against a configured orchestrator_version).
func checkStaticBlockVersion(base path.Path, p Pool) diag.Diagnostics {
	v, ok := configuredVersion(p)
	if !ok {
		return nil
	}
	version := base.AtName("orchestrator_version")
	return staticBlockVersion(base, p, v, fmt.Sprintf("%s = %q", shown(version), p.OrchestratorVersion.ValueString()))
}

// checkStaticBlockRunningVersion is checkStaticBlockVersion for a pool whose orchestrator_version
// is unset: the version it runs (the control plane's for a new pool).
func checkStaticBlockRunningVersion(base path.Path, p Pool, current *ExistingPool, c Cluster) diag.Diagnostics {
	if !p.OrchestratorVersion.IsNull() {
		return nil
	}
	v, from, ok := runningVersion(current, c)
	if !ok {
		return nil
	}
	return staticBlockVersion(base, p, v, fmt.Sprintf("Kubernetes %s (%s)", v, from))
}

func staticBlockVersion(base path.Path, p Pool, v Version, what string) diag.Diagnostics {
	if !isSet(p.PodIPAllocationMode) || p.PodIPAllocationMode.ValueString() != PodIPAllocationStaticBlock || v.AtLeast(minStaticBlockVersion) {
		return nil
	}
	at := base.AtName("pod_ip_allocation_mode")
	version := base.AtName("orchestrator_version")
	return diag.Diagnostics{ruleError(at, "Static Block pod IP allocation needs Kubernetes 1.28",
		explain(fmt.Sprintf("%s = %q with %s.", shown(at), PodIPAllocationStaticBlock, what),
			"Azure CNI Pod Subnet - Static Block Allocation needs Kubernetes 1.28 or later",
			sourceStaticBlock,
			fmt.Sprintf("set %s to 1.28 or later, or %s = %q.", shown(version), shown(at), PodIPAllocationDynamicIndividual)))}
}

// checkPodIPAllocationSubnetShared: "once a subnet is used in one allocation mode it can only be
// used in the same allocation mode across all the node pools it is associated" (FAQ of the Static
// Block docs). Other pools' modes come from AKS (empty: not reported, not judged).
func checkPodIPAllocationSubnetShared(base path.Path, p Pool, others []ExistingPool) diag.Diagnostics {
	if !isSet(p.PodSubnetID) || p.PodIPAllocationMode.IsUnknown() {
		return nil
	}
	mode := stringOr(p.PodIPAllocationMode, PodIPAllocationDynamicIndividual)
	for _, o := range others {
		if o.PodIPAllocationMode == "" || !strings.EqualFold(o.PodSubnetID, p.PodSubnetID.ValueString()) ||
			strings.EqualFold(o.PodIPAllocationMode, mode) {
			continue
		}
		at := base.AtName("pod_ip_allocation_mode")
		return diag.Diagnostics{ruleError(at, "Pod subnet used with another pod IP allocation mode",
			explain(fmt.Sprintf("%s is %q for this pool, but pool %s uses the same pod subnet %s with %q.", shown(at), mode, o.Name, o.PodSubnetID, o.PodIPAllocationMode),
				"a pod subnet is used in one allocation mode only: every node pool on it must use the same pod IP allocation mode",
				sourceStaticBlock,
				fmt.Sprintf("set %s = %q, or give this pool its own pod subnet.", shown(at), o.PodIPAllocationMode)))}
	}
	return nil
}
