package aksrules

import (
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

func secureBoot(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) bool {
	return p.SecurityProfile != nil && deref(p.SecurityProfile.EnableSecureBoot)
}

func vTPM(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) bool {
	return p.SecurityProfile != nil && deref(p.SecurityProfile.EnableVTPM)
}

func trustedLaunchOn(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) bool {
	return secureBoot(p) || vTPM(p)
}

// checkTrustedLaunchPool: the Trusted Launch limitations that don't depend on the VM size
// (use-trusted-launch.md): no Windows pools; not with Pod Sandboxing; with FIPS only on
// Ubuntu 22.04. Unverified code and text.
func checkTrustedLaunchPool(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !trustedLaunchOn(p) {
		return nil
	}
	switch {
	case isWindows(p):
		return badRequest(codeInvalidParameter, "securityProfile", "Trusted launch (secure boot, vTPM) is not supported for Windows agent pools.")
	case equalFoldPtr(p.WorkloadRuntime, armcontainerservice.WorkloadRuntimeKataVMIsolation):
		return badRequest(codeInvalidParameter, "securityProfile", "Trusted launch (secure boot, vTPM) is not supported with workload runtime KataVmIsolation.")
	case deref(p.EnableFIPS) && p.OSSKU != nil && !strings.EqualFold(string(*p.OSSKU), string(armcontainerservice.OSSKUUbuntu2204)) &&
		!strings.EqualFold(string(*p.OSSKU), string(armcontainerservice.OSSKUUbuntu)):
		return badRequest(codeInvalidParameter, "securityProfile", "Trusted launch with FIPS is only supported with osSKU Ubuntu2204, got %s.", string(*p.OSSKU))
	}
	return nil
}

// checkTrustedLaunchSize: Trusted Launch "only supports Azure Generation 2 VMs", not Arm64, and
// not sizes whose SKU says TrustedLaunchDisabled=True (the Compute documentation's way to find
// sizes that support it). Unverified code and text.
func checkTrustedLaunchSize(sku skudata.SKU, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !trustedLaunchOn(p) {
		return nil
	}
	disabled, _ := sku.Capability(capTrustedLaunchDisabled)
	switch {
	case isArm64(sku):
		return badRequest(codeInvalidParameter, "securityProfile", "Trusted launch (secure boot, vTPM) is not supported for Arm64 VM size %s.", sku.Name)
	case generation2(sku) == notOffered:
		return badRequest(codeInvalidParameter, "securityProfile", "Trusted launch (secure boot, vTPM) requires a generation 2 VM size; VM size %s is not.", sku.Name)
	case !capabilityUnknown(sku, capTrustedLaunchDisabled) && strings.EqualFold(disabled, capabilityValueTrue):
		return badRequest(codeInvalidParameter, "securityProfile", "Trusted launch (secure boot, vTPM) is not supported for VM size %s.", sku.Name)
	}
	return nil
}

// checkSecureBootGPUDriver: "To enable Secure Boot on GPU node pools using the Ubuntu operating
// system, you need to skip installing the GPU driver (--gpu-driver None)". Unverified code and text.
func checkSecureBootGPUDriver(sku skudata.SKU, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !secureBoot(p) || isWindows(p) {
		return nil
	}
	if n, known := gpuCount(sku); !known || n == 0 {
		return nil
	}
	if p.OSSKU != nil && !strings.HasPrefix(strings.ToLower(string(*p.OSSKU)), "ubuntu") {
		return nil
	}
	if p.GpuProfile != nil && equalFoldPtr(p.GpuProfile.Driver, armcontainerservice.GPUDriverNone) {
		return nil
	}
	return badRequest(codeInvalidParameter, "securityProfile.enableSecureBoot",
		"Secure boot on Ubuntu GPU agent pools requires gpuProfile.driver None; VM size %s has a GPU.", sku.Name)
}
