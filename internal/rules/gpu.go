package rules

import (
	"fmt"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// GPU driver values as the API spells them (agentPool gpuProfile.driver).
const (
	GPUDriverInstall = string(armcontainerservice.GPUDriverInstall)
	GPUDriverNone    = string(armcontainerservice.GPUDriverNone)
)

var (
	// GPUInstanceProfiles are the MIG profiles of the API (gpuInstanceProfile).
	GPUInstanceProfiles = []string{
		string(armcontainerservice.GPUInstanceProfileMIG1G), string(armcontainerservice.GPUInstanceProfileMIG2G),
		string(armcontainerservice.GPUInstanceProfileMIG3G), string(armcontainerservice.GPUInstanceProfileMIG4G),
		string(armcontainerservice.GPUInstanceProfileMIG7G),
	}
	// GPUDrivers are the gpu_driver values.
	GPUDrivers = []string{GPUDriverInstall, GPUDriverNone}
)

// checkGPUInstanceProfile: a MIG profile needs a size whose NVIDIA GPU supports it ("Multi-instance
// GPU is currently supported on NVIDIA A100, H100, and H200 series GPU VM sizes on AKS").
func checkGPUInstanceProfile(base path.Path, p Pool, size vmsizes.Size) diag.Diagnostics {
	if !isSet(p.GPUInstanceProfile) {
		return nil
	}
	profile := p.GPUInstanceProfile.ValueString()
	if size.SupportsGPUInstanceProfile(profile) != vmsizes.No {
		return nil
	}
	at := base.AtName("gpu_instance_profile")
	found := fmt.Sprintf("%s = %q, but %s does not support multi-instance GPU, according to %s.", shown(at), profile, size.Name, size.Source)
	fix := fmt.Sprintf("use a MIG-capable size (NVIDIA A100, H100 or H200, such as \"Standard_ND96asr_v4\" or \"Standard_NC24ads_A100_v4\") or remove %s.", shown(at))
	if size.MIG == vmsizes.Yes {
		found = fmt.Sprintf("%s = %q, but %s offers only %s.", shown(at), profile, size.Name, strings.Join(size.GPUInstanceProfiles, ", "))
		fix = fmt.Sprintf("set %s to one of %s.", shown(at), strings.Join(size.GPUInstanceProfiles, ", "))
	}
	return diag.Diagnostics{ruleError(at, "VM size does not support this GPU instance profile",
		explain(found, "GPU instance profiles (MIG) are only available on MIG-capable GPU VM sizes, and can't be changed after the pool is created", sourceMIG, fix))}
}

// checkGPUDriver: AKS installs the GPU driver only where there is a GPU; gpu_driver = "None" on a
// size without GPU is accepted but does nothing, so it is only a warning.
func checkGPUDriver(base path.Path, p Pool, size vmsizes.Size) diag.Diagnostics {
	if !isSet(p.GPUDriver) || size.IsGPU() != vmsizes.No {
		return nil
	}
	at := base.AtName("gpu_driver")
	driver := p.GPUDriver.ValueString()
	if strings.EqualFold(driver, GPUDriverNone) {
		return diag.Diagnostics{ruleWarning(at, "gpu_driver has no effect on a VM size without GPU",
			explain(fmt.Sprintf("%s = %q, and %s has no GPU, according to %s.", shown(at), driver, size.Name, size.Source),
				"gpu_driver only matters on GPU VM sizes", sourceNvidiaGPU, fmt.Sprintf("remove %s, or pick a GPU size such as \"Standard_NC4as_T4_v3\".", shown(at))))}
	}
	return diag.Diagnostics{ruleError(at, "GPU driver installation needs a GPU VM size",
		explain(fmt.Sprintf("%s = %q, but %s has no GPU, according to %s.", shown(at), driver, size.Name, size.Source),
			"GPU driver installation can only be set when the VM size has a GPU", sourceGPUDriverSpec,
			fmt.Sprintf("pick a GPU size (such as \"Standard_NC4as_T4_v3\"), or remove %s.", shown(at))))}
}
