package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// Workload runtimes as the API spells them (agentPool workloadRuntime).
const (
	WorkloadRuntimeOCIContainer = string(armcontainerservice.WorkloadRuntimeOCIContainer)
	WorkloadRuntimeWasmWasi     = string(armcontainerservice.WorkloadRuntimeWasmWasi)
	WorkloadRuntimeKata         = string(armcontainerservice.WorkloadRuntimeKataVMIsolation)
)

// WorkloadRuntimes are the workload_runtime values.
var WorkloadRuntimes = []string{WorkloadRuntimeOCIContainer, WorkloadRuntimeWasmWasi, WorkloadRuntimeKata}

func runtimeIs(p Pool, runtime string) bool {
	return isSet(p.WorkloadRuntime) && strings.EqualFold(p.WorkloadRuntime.ValueString(), runtime)
}

// checkWasmWasi: WASI pools must be Linux User pools. AKS retired them (no new WASI pools since
// May 5, 2025), which is a warning only: Microsoft's own agentPools example still creates one.
func checkWasmWasi(base path.Path, p Pool) diag.Diagnostics {
	if !runtimeIs(p, WorkloadRuntimeWasmWasi) {
		return nil
	}
	at := base.AtName("workload_runtime")
	if isSet(p.OSType) && osType(p) != OSTypeLinux {
		return diag.Diagnostics{ruleError(at, "WasmWasi pools must run Linux",
			explain(fmt.Sprintf("%s = %q, and os_type is %q.", shown(at), WorkloadRuntimeWasmWasi, osType(p)),
				"the os-type for Wasm/WASI node pools must be Linux", sourceWASI,
				fmt.Sprintf("use os_type = %q, or remove %s.", OSTypeLinux, shown(at))))}
	}
	if isSet(p.Mode) && mode(p) == ModeSystem {
		return diag.Diagnostics{ruleError(at, "WasmWasi pools can't be System pools",
			explain(fmt.Sprintf("%s = %q on a System pool.", shown(at), WorkloadRuntimeWasmWasi),
				"Wasm/WASI node pools can't be used for the system node pool", sourceWASI,
				fmt.Sprintf("put the WASI workloads on a User pool (mode = %q), or remove %s.", ModeUser, shown(at))))}
	}
	return diag.Diagnostics{ruleWarning(at, "WASI node pools are retired",
		explain(fmt.Sprintf("%s = %q.", shown(at), WorkloadRuntimeWasmWasi),
			"WASI node pools are a retired preview: since May 5, 2025 AKS no longer creates new WASI node pools", sourceWASI,
			"to run WebAssembly workloads, deploy SpinKube on a regular pool instead."))}
}

// checkKataOSSKU: KataVmIsolation (Pod Sandboxing) runs only on Azure Linux ("Only the Azure
// Linux os-sku supports this feature"); an unset os_sku is Ubuntu.
func checkKataOSSKU(base path.Path, p Pool) diag.Diagnostics {
	if !runtimeIs(p, WorkloadRuntimeKata) || p.OSSKU.IsUnknown() || p.OSType.IsUnknown() {
		return nil
	}
	sku := stringOr(p.OSSKU, "")
	if slices.ContainsFunc(AzureLinuxOSSKUs, func(s string) bool { return strings.EqualFold(s, sku) }) {
		return nil
	}
	at := base.AtName("os_sku")
	found := fmt.Sprintf("workload_runtime = %q, and %s = %q.", WorkloadRuntimeKata, shown(at), sku)
	if sku == "" {
		found = fmt.Sprintf("workload_runtime = %q, and %s is unset, so the pool runs AKS's default OS (Ubuntu on Linux, Windows on Windows).", WorkloadRuntimeKata, shown(at))
	}
	return diag.Diagnostics{ruleError(at, "Pod Sandboxing needs Azure Linux",
		explain(found, "KataVmIsolation (Pod Sandboxing) is only supported on the Azure Linux OS SKU", sourcePodSandboxing,
			fmt.Sprintf("set %s = %q (or %q) with os_type = %q.", shown(at), OSSKUAzureLinux, OSSKUAzureLinux3, OSTypeLinux)))}
}

// checkKataSize: Pod Sandboxing needs "a generation 2 VM [that] supports nested virtualization".
func checkKataSize(base path.Path, p Pool, size vmsizes.Size) diag.Diagnostics {
	if !runtimeIs(p, WorkloadRuntimeKata) || size.KataVMIsolation() != vmsizes.No {
		return nil
	}
	reason := "does not support nested virtualization"
	if size.SupportsGen2() == vmsizes.No {
		reason = "is not a generation 2 VM size"
	}
	at := base.AtName("vm_size")
	return diag.Diagnostics{ruleError(at, "VM size can't host Pod Sandboxing",
		explain(fmt.Sprintf("workload_runtime = %q, but %s %s, according to %s.", WorkloadRuntimeKata, size.Name, reason, size.Source),
			"KataVmIsolation needs a generation 2 VM size that supports nested virtualization", sourcePodSandboxing,
			`pick such a size, for example a Dsv3 size like "Standard_D4s_v3", or remove workload_runtime.`))}
}
