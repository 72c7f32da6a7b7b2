package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func TestNewPoolSettingsDefaults(t *testing.T) {
	w := worldWith(newCluster(t, nil))
	linux := createdPool(t, w, "linux", nil).Properties
	check(t, "workloadRuntime", deref(linux.WorkloadRuntime), armcontainerservice.WorkloadRuntimeOCIContainer)
	if sp := linux.SecurityProfile; sp == nil || deref(sp.EnableSecureBoot) || deref(sp.EnableVTPM) || deref(sp.SSHAccess) != armcontainerservice.AgentPoolSSHAccessLocalUser {
		t.Errorf("securityProfile %+v", sp)
	}
	// echoed as sent, absent when not sent
	if linux.ScaleDownMode != nil || linux.PodIPAllocationMode != nil || linux.GpuProfile != nil || linux.MessageOfTheDay != nil || linux.WindowsProfile != nil {
		t.Errorf("filled unasked: scaleDownMode %v podIPAllocationMode %v gpuProfile %v motd %v windowsProfile %v",
			linux.ScaleDownMode, linux.PodIPAllocationMode, linux.GpuProfile, linux.MessageOfTheDay, linux.WindowsProfile)
	}

	sent := createdPool(t, w, "sent", func(p *poolProperties) {
		p.WorkloadRuntime = to(armcontainerservice.WorkloadRuntimeWasmWasi)
		p.SecurityProfile = &armcontainerservice.AgentPoolSecurityProfile{EnableSecureBoot: to(true)}
		p.ScaleDownMode = to(armcontainerservice.ScaleDownModeDeallocate)
	}).Properties
	check(t, "sent workloadRuntime", deref(sent.WorkloadRuntime), armcontainerservice.WorkloadRuntimeWasmWasi)
	check(t, "sent secure boot", deref(sent.SecurityProfile.EnableSecureBoot), true)
	check(t, "sent vTPM", deref(sent.SecurityProfile.EnableVTPM), false)
	gpu := createdPool(t, w, "gpu", func(p *poolProperties) {
		p.VMSize = to("Standard_NC6s_v3") // a GPU size: AKS takes a gpuProfile only there
		p.GpuProfile = &armcontainerservice.GPUProfile{}
	}).Properties
	check(t, "gpu driver", deref(gpu.GpuProfile.Driver), armcontainerservice.GPUDriverInstall)
	check(t, "scaleDownMode", deref(sent.ScaleDownMode), armcontainerservice.ScaleDownModeDeallocate)

	// defaults only: this cluster's managed subnet would refuse the custom one
	pods := newPool("pods", func(p *poolProperties) { p.VnetSubnetID, p.PodSubnetID = to(snetUser), to(snetPods) })
	DefaultAgentPool(w, nil, pods)
	check(t, "podIPAllocationMode", deref(pods.Properties.PodIPAllocationMode), armcontainerservice.PodIPAllocationModeDynamicIndividual)
}

func TestUpdateKeepsStoredSecurityProfileFields(t *testing.T) {
	w := worldWith(newCluster(t, nil))
	stored := createdPool(t, w, "user", func(p *poolProperties) {
		p.SecurityProfile = &armcontainerservice.AgentPoolSecurityProfile{EnableSecureBoot: to(true), EnableVTPM: to(true)}
	})
	ap := newPool("user", func(p *poolProperties) {
		p.SecurityProfile = &armcontainerservice.AgentPoolSecurityProfile{SSHAccess: to(armcontainerservice.AgentPoolSSHAccessDisabled)}
	})
	DefaultAgentPool(w, stored, ap)
	sp := ap.Properties.SecurityProfile
	check(t, "secure boot", deref(sp.EnableSecureBoot), true)
	check(t, "vTPM", deref(sp.EnableVTPM), true)
	check(t, "sshAccess", deref(sp.SSHAccess), armcontainerservice.AgentPoolSSHAccessDisabled)
}
