package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func runtime(size string, r armcontainerservice.WorkloadRuntime, more poolEdit) poolEdit {
	return func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.VMSize, p.WorkloadRuntime = to(size), to(r)
		if more != nil {
			more(p)
		}
	}
}

func TestCheckWasmWasi(t *testing.T) {
	wasi := armcontainerservice.WorkloadRuntimeWasmWasi
	// Microsoft's AgentPoolsCreate_WasmWasi: a Linux User pool on Standard_DS2_v2.
	wantError(t, createPool("wasi", runtime("Standard_DS2_v2", wasi, nil)), "", "")
	wantError(t, createPool("wasis", runtime("Standard_DS2_v2", wasi, func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.Mode = to(armcontainerservice.AgentPoolModeSystem)
	})), codeInvalidParameter, "can't be used for system agent pools")
	wantError(t, checkWasmWasi("wasiw", &armcontainerservice.ManagedClusterAgentPoolProfileProperties{
		WorkloadRuntime: to(wasi), OSType: to(armcontainerservice.OSTypeWindows),
	}), codeInvalidParameter, "only supported on Linux")
}

func TestCheckKata(t *testing.T) {
	kata := armcontainerservice.WorkloadRuntimeKataVMIsolation
	azureLinux := func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.OSSKU = to(armcontainerservice.OSSKUAzureLinux)
	}
	// Microsoft's AgentPoolsCreate_KataVmIsolation: Standard_D4s_v3 on Azure Linux.
	wantError(t, createPool("kata", runtime("Standard_D4s_v3", kata, azureLinux)), "", "")
	wantError(t, createPool("kataub", runtime("Standard_D4s_v3", kata, nil)), codeInvalidParameter, `osSKU AzureLinux or AzureLinux3, got "Ubuntu"`)
	wantError(t, createPool("katads", runtime("Standard_DS2_v2", kata, azureLinux)), codeInvalidParameter, "nested virtualization; VM size Standard_DS2_v2")
	wantError(t, createPool("katag1", runtime("Standard_D2_v2", kata, azureLinux)), codeInvalidParameter, "generation 2 VM size; VM size Standard_D2_v2")
	// Sizes whose nested virtualisation isn't documented are accepted.
	sku := mustSKU(t, "Standard_D4s_v3")
	sku.Features = nil
	wantError(t, checkKataSize(sku, &armcontainerservice.ManagedClusterAgentPoolProfileProperties{WorkloadRuntime: to(kata)}), "", "")
}
