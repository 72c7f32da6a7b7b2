package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func TestCheckPodIPAllocation(t *testing.T) {
	w := testWorld()
	static := to(armcontainerservice.PodIPAllocationModeStaticBlock)
	wantError(t, checkPodIPAllocation(w, "p", &poolProperties{}), "", "")
	wantError(t, checkPodIPAllocation(w, "p", &poolProperties{PodIPAllocationMode: static, PodSubnetID: to(snetPods), OrchestratorVersion: to("1.33.3")}), "", "")
	wantError(t, checkPodIPAllocation(w, "p", &poolProperties{PodIPAllocationMode: static}), codeInvalidParameter, "must be used with podSubnetID")
	wantError(t, checkPodIPAllocation(w, "p", &poolProperties{PodIPAllocationMode: to(armcontainerservice.PodIPAllocationModeDynamicIndividual)}),
		codeInvalidParameter, "must be used with podSubnetID")
	wantError(t, checkPodIPAllocation(w, "p", &poolProperties{PodIPAllocationMode: static, PodSubnetID: to(snetPods), OrchestratorVersion: to("1.27.9")}),
		codeInvalidParameter, "requires Kubernetes version 1.28 or later")
}

func TestCheckPodSubnetMode(t *testing.T) {
	w := testWorld()
	w.Pools = []*armcontainerservice.AgentPool{newPool("static1", func(p *poolProperties) {
		p.PodSubnetID = to(snetPods)
		p.PodIPAllocationMode = to(armcontainerservice.PodIPAllocationModeStaticBlock)
	})}
	wantError(t, checkPodIPAllocation(w, "p", &poolProperties{PodIPAllocationMode: to(armcontainerservice.PodIPAllocationModeStaticBlock), PodSubnetID: to(snetPods), OrchestratorVersion: to("1.33.3")}), "", "")
	wantError(t, checkPodIPAllocation(w, "p", &poolProperties{PodIPAllocationMode: to(armcontainerservice.PodIPAllocationModeDynamicIndividual), PodSubnetID: to(snetPods)}),
		codeInvalidParameter, "used by agent pool static1 with podIPAllocationMode StaticBlock")
}
