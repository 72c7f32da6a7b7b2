package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func trusted(size string, more poolEdit) poolEdit {
	return func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.VMSize = to(size)
		p.SecurityProfile = &armcontainerservice.AgentPoolSecurityProfile{EnableSecureBoot: to(true), EnableVTPM: to(true)}
		if more != nil {
			more(p)
		}
	}
}

func TestCheckTrustedLaunch(t *testing.T) {
	wantError(t, createPool("tl", trusted("Standard_D4s_v3", nil)), "", "")
	wantError(t, createPool("tlgen1", trusted("Standard_D2_v2", nil)), codeInvalidParameter, "generation 2 VM size; VM size Standard_D2_v2")
	wantError(t, createPool("tlarm", trusted("Standard_D16plds_v5", nil)), codeInvalidParameter, "Arm64 VM size Standard_D16plds_v5")
	wantError(t, createPool("tloff", trusted("Standard_M8-2ms", nil)), codeInvalidParameter, "not supported for VM size Standard_M8-2ms")
	wantError(t, createPool("tlkata", trusted("Standard_D4s_v3", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.WorkloadRuntime, p.OSSKU = to(armcontainerservice.WorkloadRuntimeKataVMIsolation), to(armcontainerservice.OSSKUAzureLinux)
	})), codeInvalidParameter, "KataVmIsolation")
	wantError(t, createPool("tlfips", trusted("Standard_D4s_v3", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.EnableFIPS, p.OSSKU = to(true), to(armcontainerservice.OSSKUAzureLinux)
	})), codeInvalidParameter, "FIPS is only supported with osSKU Ubuntu2204")
	wantError(t, checkTrustedLaunchPool(&armcontainerservice.ManagedClusterAgentPoolProfileProperties{
		OSType: to(armcontainerservice.OSTypeWindows), SecurityProfile: &armcontainerservice.AgentPoolSecurityProfile{EnableVTPM: to(true)},
	}), codeInvalidParameter, "Windows")
	// Secure boot on an Ubuntu GPU pool needs the driver skipped.
	wantError(t, createPool("tlgpu", trusted("Standard_NC6s_v3", nil)), codeInvalidParameter, "requires gpuProfile.driver None")
	wantError(t, createPool("tlgpun", trusted("Standard_NC6s_v3", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.GpuProfile = &armcontainerservice.GPUProfile{Driver: to(armcontainerservice.GPUDriverNone)}
	})), "", "")
}

func TestCheckTrustedLaunchOnUpdate(t *testing.T) {
	w := testWorld()
	old := createdPool(t, w, "gen1", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) { p.VMSize = to("Standard_D2_v2") })
	update := newPool("gen1", trusted("Standard_D2_v2", nil))
	DefaultAgentPool(w, old, update)
	wantError(t, CheckAgentPoolUpdate(w, old, update), codeInvalidParameter, "generation 2")

	ok := createdPool(t, w, "gen2", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.VMSize = to("Standard_D4s_v3")
	})
	update = newPool("gen2", trusted("Standard_D4s_v3", nil))
	DefaultAgentPool(w, ok, update)
	wantError(t, CheckAgentPoolUpdate(w, ok, update), "", "")
}

func TestCheckHardwareVersion(t *testing.T) {
	w := testWorld()
	p := &armcontainerservice.ManagedClusterAgentPoolProfileProperties{OrchestratorVersion: to("1.24.10")}
	trusted("Standard_D4s_v3", nil)(p)
	wantError(t, checkHardwareVersion(w, p), codeInvalidParameter, "requires Kubernetes version 1.25.2 or later, the agent pool runs 1.24.10")
	p.OrchestratorVersion = to("1.33")
	wantError(t, checkHardwareVersion(w, p), "", "")
	kata := &armcontainerservice.ManagedClusterAgentPoolProfileProperties{
		CurrentOrchestratorVersion: to("1.26.6"), WorkloadRuntime: to(armcontainerservice.WorkloadRuntimeKataVMIsolation),
	}
	wantError(t, checkHardwareVersion(w, kata), codeInvalidParameter, "KataVmIsolation workload runtime requires Kubernetes version 1.27.0 or later")
	wantError(t, checkHardwareVersion(w, &armcontainerservice.ManagedClusterAgentPoolProfileProperties{OrchestratorVersion: to("1.20.1")}), "", "")
}
