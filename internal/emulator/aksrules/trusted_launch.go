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

// Kubernetes versions the features start at: "AKS supports Trusted Launch on Kubernetes version
// 1.25.2 and higher" (use-trusted-launch.md), "AKS supports Pod Sandboxing on Kubernetes version
// 1.27.0 and higher" (use-pod-sandboxing.md).
var (
	trustedLaunchMinVersion = kubeVersion{major: 1, minor: 25, patch: 2, hasPatch: true}
	podSandboxingMinVersion = kubeVersion{major: 1, minor: 27, patch: 0, hasPatch: true}
)

// checkHardwareVersion: the pool's version (defaulted, resolved to its patch) must be at least
// the feature's. Unverified code and text.
func checkHardwareVersion(w World, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	version := deref(p.CurrentOrchestratorVersion)
	if version == "" {
		version = deref(p.OrchestratorVersion)
	}
	v := resolvedOrSelf(w, version)
	if v.major == 0 {
		return nil
	}
	if trustedLaunchOn(p) && compareVersions(v, trustedLaunchMinVersion) < 0 {
		return badRequest(codeInvalidParameter, "securityProfile",
			"Trusted launch (secure boot, vTPM) requires Kubernetes version %s or later, the agent pool runs %s.", trustedLaunchMinVersion, v)
	}
	if equalFoldPtr(p.WorkloadRuntime, armcontainerservice.WorkloadRuntimeKataVMIsolation) && compareVersions(v, podSandboxingMinVersion) < 0 {
		return badRequest(codeInvalidParameter, "workloadRuntime",
			"KataVmIsolation workload runtime requires Kubernetes version %s or later, the agent pool runs %s.", podSandboxingMinVersion, v)
	}
	return nil
}
