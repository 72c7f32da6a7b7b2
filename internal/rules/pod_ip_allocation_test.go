package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckPodIPAllocationSubnet(t *testing.T) {
	pool := func(mode string, subnet types.String) Pool {
		return with(userPool(), func(p *Pool) { p.PodIPAllocationMode = str(mode); p.PodSubnetID = subnet })
	}
	expectDiags(t, checkPodIPAllocationSubnet(path.Empty(), pool(PodIPAllocationStaticBlock, str(subnetPods))))
	expectDiags(t, checkPodIPAllocationSubnet(path.Empty(), pool(PodIPAllocationStaticBlock, types.StringUnknown())))
	expectDiags(t, checkPodIPAllocationSubnet(path.Empty(), userPool()))
	expectDiags(t, checkPodIPAllocationSubnet(path.Empty(), pool(PodIPAllocationStaticBlock, types.StringNull())),
		errAt("pod_ip_allocation_mode", "Pod IP allocation mode without a pod subnet", "pod_subnet_id is unset", "Must be used with podSubnetId", "set pod_subnet_id"))
	expectDiags(t, checkPodIPAllocationSubnet(path.Root("default_node_pool"), pool(PodIPAllocationDynamicIndividual, types.StringNull())),
		errAt("default_node_pool.pod_ip_allocation_mode", "Pod IP allocation mode without a pod subnet", "default_node_pool.pod_subnet_id is unset"))
}

func TestCheckStaticBlockVersion(t *testing.T) {
	pool := func(mode, version string) Pool {
		return with(userPool(), func(p *Pool) {
			p.PodIPAllocationMode, p.PodSubnetID, p.OrchestratorVersion = str(mode), str(subnetPods), str(version)
		})
	}
	expectDiags(t, checkStaticBlockVersion(path.Empty(), pool(PodIPAllocationStaticBlock, "1.28")))
	expectDiags(t, checkStaticBlockVersion(path.Empty(), pool(PodIPAllocationStaticBlock, "1.33.3")))
	expectDiags(t, checkStaticBlockVersion(path.Empty(), pool(PodIPAllocationDynamicIndividual, "1.27.9")))
	expectDiags(t, checkStaticBlockVersion(path.Empty(), pool(PodIPAllocationStaticBlock, "1.27.9")),
		errAt("pod_ip_allocation_mode", "Static Block pod IP allocation needs Kubernetes 1.28", `orchestrator_version = "1.27.9"`, "1.28 or later", `pod_ip_allocation_mode = "DynamicIndividual"`))

	unset := with(pool(PodIPAllocationStaticBlock, "x"), func(p *Pool) { p.OrchestratorVersion = types.StringNull() })
	old := demoCluster()
	old.KubernetesVersion = "1.27.9"
	expectDiags(t, checkStaticBlockRunningVersion(path.Empty(), unset, nil, demoCluster()))
	expectDiags(t, checkStaticBlockRunningVersion(path.Empty(), pool(PodIPAllocationStaticBlock, "1.27.9"), nil, old)) // judged by checkStaticBlockVersion
	expectDiags(t, checkStaticBlockRunningVersion(path.Empty(), unset, nil, old),
		errAt("pod_ip_allocation_mode", "Static Block pod IP allocation needs Kubernetes 1.28", "Kubernetes 1.27.9 (the control plane's version", "1.28 or later"))
	expectDiags(t, checkStaticBlockRunningVersion(path.Empty(), unset, &ExistingPool{Name: "p", OrchestratorVersion: "1.27.3"}, demoCluster()),
		errAt("pod_ip_allocation_mode", "Static Block pod IP allocation needs Kubernetes 1.28", "Kubernetes 1.27.3 (the pool's current version"))
}

func TestCheckPodIPAllocationSubnetShared(t *testing.T) {
	others := []ExistingPool{{Name: "static1", PodSubnetID: subnetPods, PodIPAllocationMode: PodIPAllocationStaticBlock}}
	pool := func(mode types.String, subnet string) Pool {
		return with(userPool(), func(p *Pool) { p.PodIPAllocationMode = mode; p.PodSubnetID = str(subnet) })
	}
	expectDiags(t, checkPodIPAllocationSubnetShared(path.Empty(), pool(str(PodIPAllocationStaticBlock), subnetPods), others))
	expectDiags(t, checkPodIPAllocationSubnetShared(path.Empty(), pool(types.StringNull(), subnetUser), others))
	expectDiags(t, checkPodIPAllocationSubnetShared(path.Empty(), pool(types.StringNull(), subnetPods), []ExistingPool{{Name: "x", PodSubnetID: subnetPods}}))
	expectDiags(t, checkPodIPAllocationSubnetShared(path.Empty(), pool(types.StringNull(), subnetPods), others),
		errAt("pod_ip_allocation_mode", "Pod subnet used with another pod IP allocation mode", `"DynamicIndividual" for this pool`, "pool static1", `pod_ip_allocation_mode = "StaticBlock"`))
}
