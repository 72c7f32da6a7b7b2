package aksrules

import (
	"slices"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

// migProfiles are the gpuInstanceProfile values the size supports, from Microsoft's
// documentation (the Resource SKUs API has no MIG capability): settled is false when the
// documentation data has no entry and the size may have a GPU.
func migProfiles(sku skudata.SKU) (profiles []string, settled bool) {
	if sku.Features != nil && sku.Features.GPUInstanceProfiles != nil {
		return sku.Features.GPUInstanceProfiles, true
	}
	if n, known := gpuCount(sku); known && n == 0 {
		return nil, true
	}
	return nil, false
}

// checkGPUInstanceProfile: "Multi-instance GPU is currently supported on NVIDIA A100, H100, and
// H200 series GPU VM sizes on AKS" (gpu-multi-instance.md). Unverified code and text.
func checkGPUInstanceProfile(sku skudata.SKU, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !isSet(p.GpuInstanceProfile) {
		return nil
	}
	profiles, settled := migProfiles(sku)
	profile := string(*p.GpuInstanceProfile)
	if !settled || slices.ContainsFunc(profiles, func(s string) bool { return strings.EqualFold(s, profile) }) {
		return nil
	}
	return badRequest(codeInvalidParameter, "gpuInstanceProfile",
		"GPU instance profile %s is not supported on VM size %s. Multi-instance GPU is supported only on NVIDIA A100, H100 and H200 GPU VM sizes.", profile, sku.Name)
}

// checkGPUDriver: "GPU Driver Installation can only be set true when VM has an associated GPU
// resource" (the agentPool gpuProfile description, Azure/azure-rest-api-specs#26072). "None"
// on a size without GPU changes nothing and is accepted. Unverified code and text.
func checkGPUDriver(sku skudata.SKU, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if p.GpuProfile == nil || !equalFoldPtr(p.GpuProfile.Driver, armcontainerservice.GPUDriverInstall) {
		return nil
	}
	if n, known := gpuCount(sku); !known || n > 0 {
		return nil
	}
	return badRequest(codeInvalidParameter, "gpuProfile.driver",
		"GPU driver installation can only be set when the VM size has a GPU; VM size %s has none.", sku.Name)
}
