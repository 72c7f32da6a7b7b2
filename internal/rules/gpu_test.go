package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

func TestCheckGPUInstanceProfile(t *testing.T) {
	mig := with(userPool(), func(p *Pool) { p.GPUInstanceProfile = str("MIG2g") })
	// Microsoft's GPUMIG example: Standard_ND96asr_v4 with MIG2g.
	expectDiags(t, checkGPUInstanceProfile(path.Empty(), mig, embeddedSize(t, "Standard_ND96asr_v4")))
	expectDiags(t, checkGPUInstanceProfile(path.Empty(), mig, embeddedSize(t, "Standard_NC24ads_A100_v4")))
	expectDiags(t, checkGPUInstanceProfile(path.Empty(), userPool(), embeddedSize(t, "Standard_DS2_v2")))
	// A GPU size without MIG (T4 / V100), and a size without GPU.
	expectDiags(t, checkGPUInstanceProfile(path.Empty(), mig, embeddedSize(t, "Standard_NC6s_v3")),
		errAt("gpu_instance_profile", "VM size does not support this GPU instance profile", "Standard_NC6s_v3 does not support multi-instance GPU", "Standard_ND96asr_v4"))
	expectDiags(t, checkGPUInstanceProfile(path.Root("default_node_pool"), mig, embeddedSize(t, "Standard_DS2_v2")),
		errAt("default_node_pool.gpu_instance_profile", "VM size does not support this GPU instance profile", "remove default_node_pool.gpu_instance_profile"))
	// A MIG size that lacks the profile, and a size whose MIG support is unknown.
	partial := vmsizes.Size{Name: "Standard_X", Source: "test"}
	partial.MIG, partial.GPUInstanceProfiles = vmsizes.Yes, []string{"MIG1g", "MIG7g"}
	expectDiags(t, checkGPUInstanceProfile(path.Empty(), mig, partial),
		errAt("gpu_instance_profile", "VM size does not support this GPU instance profile", "offers only MIG1g, MIG7g"))
	expectDiags(t, checkGPUInstanceProfile(path.Empty(), mig, vmsizes.Size{Name: "Standard_Unknown"}))
}

func TestCheckGPUDriver(t *testing.T) {
	none := with(userPool(), func(p *Pool) { p.GPUDriver = str("None") })
	install := with(userPool(), func(p *Pool) { p.GPUDriver = str("Install") })
	expectDiags(t, checkGPUDriver(path.Empty(), none, embeddedSize(t, "Standard_NC4as_T4_v3")))
	expectDiags(t, checkGPUDriver(path.Empty(), install, embeddedSize(t, "Standard_NC6s_v3")))
	expectDiags(t, checkGPUDriver(path.Empty(), userPool(), embeddedSize(t, "Standard_DS2_v2")))
	expectDiags(t, checkGPUDriver(path.Empty(), install, vmsizes.Size{Name: "Standard_Unknown"})) // GPU count unknown
	expectDiags(t, checkGPUDriver(path.Empty(), install, embeddedSize(t, "Standard_DS2_v2")),
		errAt("gpu_driver", "GPU driver installation needs a GPU VM size", "Standard_DS2_v2 has no GPU", "remove gpu_driver"))
	expectDiags(t, checkGPUDriver(path.Empty(), none, embeddedSize(t, "Standard_DS2_v2")),
		warnAt("gpu_driver", "gpu_driver has no effect on a VM size without GPU", "Standard_DS2_v2 has no GPU"))
}
