package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

func secureBoot(p Pool) Pool { return with(p, func(p *Pool) { p.SecureBootEnabled = flag(true) }) }

func TestCheckTrustedLaunchPool(t *testing.T) {
	vtpm := with(userPool(), func(p *Pool) { p.VTPMEnabled = flag(true) })
	expectDiags(t, checkTrustedLaunchPool(path.Empty(), vtpm))
	expectDiags(t, checkTrustedLaunchPool(path.Empty(), with(userPool(), func(p *Pool) { p.OSType = str("Windows") })))
	expectDiags(t, checkTrustedLaunchPool(path.Empty(), with(vtpm, func(p *Pool) { p.OSType = str("Windows") })),
		errAt("security_profile.vtpm_enabled", "Trusted Launch is not supported on Windows pools", "security_profile.vtpm_enabled = false"))
	expectDiags(t, checkTrustedLaunchPool(path.Empty(), secureBoot(with(userPool(), func(p *Pool) { p.WorkloadRuntime = str("KataVmIsolation") }))),
		errAt("security_profile.secure_boot_enabled", "Trusted Launch can't be combined with Pod Sandboxing", "KataVmIsolation"))
	fips := with(vtpm, func(p *Pool) { p.FIPSEnabled = flag(true) })
	expectDiags(t, checkTrustedLaunchPool(path.Empty(), with(fips, func(p *Pool) { p.OSSKU = str("Ubuntu2204") })))
	expectDiags(t, checkTrustedLaunchPool(path.Empty(), fips)) // unset os_sku: Ubuntu
	expectDiags(t, checkTrustedLaunchPool(path.Empty(), with(fips, func(p *Pool) { p.OSSKU = str("AzureLinux") })),
		errAt("security_profile.vtpm_enabled", "Trusted Launch with FIPS needs Ubuntu 22.04", `os_sku = "Ubuntu2204"`))
}

func TestCheckTrustedLaunchSize(t *testing.T) {
	on := secureBoot(userPool())
	expectDiags(t, checkTrustedLaunchSize(path.Empty(), on, embeddedSize(t, "Standard_D4s_v3")))
	expectDiags(t, checkTrustedLaunchSize(path.Empty(), on, embeddedSize(t, "Standard_NC4as_T4_v3"))) // unknown
	expectDiags(t, checkTrustedLaunchSize(path.Empty(), userPool(), embeddedSize(t, "Standard_D2_v2")))
	expectDiags(t, checkTrustedLaunchSize(path.Empty(), on, embeddedSize(t, "Standard_D2_v2")),
		errAt("security_profile.secure_boot_enabled", "VM size does not support Trusted Launch", "not a generation 2 VM size"))
	expectDiags(t, checkTrustedLaunchSize(path.Empty(), on, embeddedSize(t, "Standard_M8-2ms")),
		errAt("security_profile.secure_boot_enabled", "VM size does not support Trusted Launch", "TrustedLaunchDisabled"))
	expectDiags(t, checkTrustedLaunchSize(path.Root("default_node_pool"), on, embeddedSize(t, "Standard_D16plds_v5")),
		errAt("default_node_pool.security_profile.secure_boot_enabled", "Trusted Launch is not supported on Arm64 sizes", "Standard_D16plds_v5 is an Arm64 size"))
}

func TestCheckSecureBootGPUDriver(t *testing.T) {
	on := secureBoot(userPool())
	gpu := embeddedSize(t, "Standard_NC6s_v3")
	expectDiags(t, checkSecureBootGPUDriver(path.Empty(), on, gpu),
		errAt("security_profile.secure_boot_enabled", `Secure boot on an Ubuntu GPU pool needs gpu_driver = "None"`, `gpu_driver = "None"`))
	expectDiags(t, checkSecureBootGPUDriver(path.Empty(), with(on, func(p *Pool) { p.GPUDriver = str("None") }), gpu))
	expectDiags(t, checkSecureBootGPUDriver(path.Empty(), with(on, func(p *Pool) { p.OSSKU = str("AzureLinux") }), gpu))
	expectDiags(t, checkSecureBootGPUDriver(path.Empty(), on, embeddedSize(t, "Standard_D4s_v3")))
	expectDiags(t, checkSecureBootGPUDriver(path.Empty(), on, vmsizes.Size{Name: "Standard_Unknown"}))
	expectDiags(t, checkSecureBootGPUDriver(path.Empty(), with(userPool(), func(p *Pool) { p.VTPMEnabled = flag(true) }), gpu))
}
