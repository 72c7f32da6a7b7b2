package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

func TestCheckWasmWasi(t *testing.T) {
	wasi := with(userPool(), func(p *Pool) { p.WorkloadRuntime = str("WasmWasi") })
	// Microsoft's WasmWasi example (a Linux User pool) is only warned that WASI is retired.
	expectDiags(t, checkWasmWasi(path.Empty(), wasi), warnAt("workload_runtime", "WASI node pools are retired", "May 5, 2025", "SpinKube"))
	expectDiags(t, checkWasmWasi(path.Empty(), userPool()))
	expectDiags(t, checkWasmWasi(path.Empty(), with(wasi, func(p *Pool) { p.OSType = str("Windows") })),
		errAt("workload_runtime", "WasmWasi pools must run Linux", `os_type = "Linux"`))
	expectDiags(t, checkWasmWasi(path.Root("default_node_pool"), with(wasi, func(p *Pool) { p.Mode = str("System") })),
		errAt("default_node_pool.workload_runtime", "WasmWasi pools can't be System pools", `mode = "User"`))
}

func TestCheckKataOSSKU(t *testing.T) {
	kata := with(userPool(), func(p *Pool) { p.WorkloadRuntime = str("KataVmIsolation"); p.OSSKU = str("AzureLinux") })
	expectDiags(t, checkKataOSSKU(path.Empty(), kata))
	expectDiags(t, checkKataOSSKU(path.Empty(), with(kata, func(p *Pool) { p.OSSKU = str("AzureLinux3") })))
	expectDiags(t, checkKataOSSKU(path.Empty(), with(kata, func(p *Pool) { p.OSSKU = types.StringUnknown() })))
	expectDiags(t, checkKataOSSKU(path.Empty(), with(kata, func(p *Pool) { p.OSSKU = str("Ubuntu") })),
		errAt("os_sku", "Pod Sandboxing needs Azure Linux", `os_sku = "Ubuntu"`, `os_sku = "AzureLinux"`))
	expectDiags(t, checkKataOSSKU(path.Empty(), with(kata, func(p *Pool) { p.OSSKU = types.StringNull() })),
		errAt("os_sku", "Pod Sandboxing needs Azure Linux", "os_sku is unset", "Ubuntu"))
	expectDiags(t, checkKataOSSKU(path.Empty(), userPool()))
}

func TestCheckKataSize(t *testing.T) {
	kata := with(userPool(), func(p *Pool) { p.WorkloadRuntime = str("KataVmIsolation"); p.OSSKU = str("AzureLinux") })
	// Microsoft's KataVmIsolation example: Standard_D4s_v3.
	expectDiags(t, checkKataSize(path.Empty(), kata, embeddedSize(t, "Standard_D4s_v3")))
	expectDiags(t, checkKataSize(path.Empty(), kata, vmsizes.Size{Name: "Standard_Unknown"}))
	expectDiags(t, checkKataSize(path.Empty(), kata, embeddedSize(t, "Standard_DS2_v2")),
		errAt("vm_size", "VM size can't host Pod Sandboxing", "Standard_DS2_v2 does not support nested virtualization", "Standard_D4s_v3"))
	expectDiags(t, checkKataSize(path.Empty(), kata, embeddedSize(t, "Standard_D2_v2")),
		errAt("vm_size", "VM size can't host Pod Sandboxing", "Standard_D2_v2 is not a generation 2 VM size"))
	expectDiags(t, checkKataSize(path.Empty(), userPool(), embeddedSize(t, "Standard_DS2_v2")))
}
