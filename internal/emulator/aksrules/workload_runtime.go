package aksrules

import (
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

// checkWasmWasi: "The Wasm/WASI node pools can't be used for system node pool" and "The os-type
// for Wasm/WASI node pools must be Linux" (use-wasi-node-pools.md). AKS has stopped creating
// WASI pools since May 5, 2025 (Azure/AKS#4770); the emulator still accepts them so that
// Microsoft's AgentPoolsCreate_WasmWasi example can be replayed. Unverified code and text.
func checkWasmWasi(name string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !equalFoldPtr(p.WorkloadRuntime, armcontainerservice.WorkloadRuntimeWasmWasi) {
		return nil
	}
	if isWindows(p) {
		return badRequest(codeInvalidParameter, "workloadRuntime", "WasmWasi workload runtime is only supported on Linux agent pools.")
	}
	if isSystem(p) {
		return badRequest(codeInvalidParameter, "workloadRuntime", "Agent pool %s is a System pool: WasmWasi workload runtime can't be used for system agent pools.", name)
	}
	return nil
}

// checkKataOSSKU: "Only the Azure Linux os-sku supports this feature" (use-pod-sandboxing.md);
// the defaults have filled osSKU (Ubuntu when unset on Linux). Unverified code and text.
func checkKataOSSKU(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !equalFoldPtr(p.WorkloadRuntime, armcontainerservice.WorkloadRuntimeKataVMIsolation) {
		return nil
	}
	if p.OSSKU != nil && isAzureLinuxOSSKU(*p.OSSKU) {
		return nil
	}
	return badRequest(codeInvalidParameter, "osSKU",
		"KataVmIsolation workload runtime is only supported with osSKU AzureLinux or AzureLinux3, got %q.", string(deref(p.OSSKU)))
}

// nestedVirtualization is the VM size page's "Nested Virtualization" support, from Microsoft's
// documentation (the Resource SKUs API has no such capability).
func nestedVirtualization(sku skudata.SKU) tristate {
	if sku.Features == nil || sku.Features.NestedVirtualization == nil {
		return unsettled
	}
	if *sku.Features.NestedVirtualization {
		return offered
	}
	return notOffered
}

// checkKataSize: "Any Azure VM size that is a generation 2 VM and supports nested virtualization
// works" (use-pod-sandboxing.md). Unverified code and text.
func checkKataSize(sku skudata.SKU, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !equalFoldPtr(p.WorkloadRuntime, armcontainerservice.WorkloadRuntimeKataVMIsolation) {
		return nil
	}
	if generation2(sku) == notOffered {
		return badRequest(codeInvalidParameter, "vmSize",
			"KataVmIsolation workload runtime requires a generation 2 VM size; VM size %s is not.", sku.Name)
	}
	if nestedVirtualization(sku) == notOffered {
		return badRequest(codeInvalidParameter, "vmSize",
			"KataVmIsolation workload runtime requires a VM size that supports nested virtualization; VM size %s does not.", sku.Name)
	}
	return nil
}
