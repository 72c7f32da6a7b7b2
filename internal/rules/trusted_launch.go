package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// trustedLaunch reports whether the pool asks for Trusted Launch (secure boot or vTPM), and the
// attribute to blame.
func trustedLaunch(base path.Path, p Pool) (path.Path, bool) {
	switch {
	case isTrue(p.SecureBootEnabled):
		return base.AtName("security_profile").AtName("secure_boot_enabled"), true
	case isTrue(p.VTPMEnabled):
		return base.AtName("security_profile").AtName("vtpm_enabled"), true
	}
	return path.Empty(), false
}

// checkTrustedLaunchPool: Trusted Launch is not supported on Windows pools, can't be combined
// with Pod Sandboxing, and goes with FIPS only on Ubuntu 22.04.
func checkTrustedLaunchPool(base path.Path, p Pool) diag.Diagnostics {
	at, on := trustedLaunch(base, p)
	if !on {
		return nil
	}
	fail := func(summary, found, rule, fix string) diag.Diagnostics {
		return diag.Diagnostics{ruleError(at, summary, explain(found, rule, sourceTrustedLaunch, fix))}
	}
	switch {
	case isSet(p.OSType) && osType(p) == OSTypeWindows:
		return fail("Trusted Launch is not supported on Windows pools",
			fmt.Sprintf("%s = true on a Windows pool.", shown(at)),
			"node pools with the Windows Server operating system aren't supported by Trusted Launch",
			fmt.Sprintf("set %s = false, or use a Linux pool.", shown(at)))
	case runtimeIs(p, WorkloadRuntimeKata):
		return fail("Trusted Launch can't be combined with Pod Sandboxing",
			fmt.Sprintf("%s = true with workload_runtime = %q.", shown(at), WorkloadRuntimeKata),
			"Trusted Launch can't be enabled in the same node pool as Arm64, Pod Sandboxing or Confidential VM",
			fmt.Sprintf("set %s = false, or run the sandboxed pods on another pool.", shown(at)))
	case isTrue(p.FIPSEnabled) && isSet(p.OSSKU) && !fipsTrustedLaunchOSSKU(p.OSSKU.ValueString()):
		return fail("Trusted Launch with FIPS needs Ubuntu 22.04",
			fmt.Sprintf("%s = true with fips_enabled = true and os_sku = %q.", shown(at), p.OSSKU.ValueString()),
			"Trusted Launch can only be enabled in the same node pool as FIPS with Ubuntu 22.04",
			fmt.Sprintf("use os_sku = %q, or turn off FIPS or Trusted Launch.", OSSKUUbuntu2204))
	}
	return nil
}

// fipsTrustedLaunchOSSKU: Ubuntu 22.04, or Ubuntu (22.04 on the versions that allow the pair).
func fipsTrustedLaunchOSSKU(sku string) bool {
	return strings.EqualFold(sku, OSSKUUbuntu2204) || strings.EqualFold(sku, OSSKUUbuntu)
}

// checkTrustedLaunchSize: Trusted Launch needs a generation 2 size whose SKU doesn't disable it,
// and not an Arm64 size.
func checkTrustedLaunchSize(base path.Path, p Pool, size vmsizes.Size) diag.Diagnostics {
	at, on := trustedLaunch(base, p)
	if !on {
		return nil
	}
	if size.IsArm64() {
		return diag.Diagnostics{ruleError(at, "Trusted Launch is not supported on Arm64 sizes",
			explain(fmt.Sprintf("%s = true, and %s is an Arm64 size.", shown(at), size.Name),
				"Trusted Launch can't be enabled in the same node pool as Arm64", sourceTrustedLaunch,
				fmt.Sprintf("pick an x64 generation 2 size such as \"Standard_D4s_v3\", or set %s = false.", shown(at))))}
	}
	if size.TrustedLaunch != vmsizes.No {
		return nil
	}
	reason := "its SKU disables Trusted Launch (TrustedLaunchDisabled)"
	if size.SupportsGen2() == vmsizes.No {
		reason = "it is not a generation 2 VM size"
	}
	return diag.Diagnostics{ruleError(at, "VM size does not support Trusted Launch",
		explain(fmt.Sprintf("%s = true, but %s does not support Trusted Launch: %s, according to %s.", shown(at), size.Name, reason, size.Source),
			"Trusted Launch only supports generation 2 VM sizes whose capabilities allow it", sourceTrustedLaunch,
			fmt.Sprintf("pick a generation 2 size that supports Trusted Launch, or set %s = false.", shown(at))))}
}

// checkSecureBootGPUDriver: "To enable Secure Boot on GPU node pools using the Ubuntu operating
// system, you need to skip installing the GPU driver (--gpu-driver None)".
func checkSecureBootGPUDriver(base path.Path, p Pool, size vmsizes.Size) diag.Diagnostics {
	if !isTrue(p.SecureBootEnabled) || size.IsGPU() != vmsizes.Yes || anyUnknown(p.OSSKU, p.GPUDriver, p.OSType) || osType(p) != OSTypeLinux {
		return nil
	}
	sku := stringOr(p.OSSKU, OSSKUUbuntu)
	if !strings.HasPrefix(strings.ToLower(sku), "ubuntu") || strings.EqualFold(stringOr(p.GPUDriver, GPUDriverInstall), GPUDriverNone) {
		return nil
	}
	at := base.AtName("security_profile").AtName("secure_boot_enabled")
	return diag.Diagnostics{ruleError(at, "Secure boot on an Ubuntu GPU pool needs gpu_driver = \"None\"",
		explain(fmt.Sprintf("%s = true on %s (a GPU size) running %s, and AKS installs the GPU driver (gpu_driver is %q).", shown(at), size.Name, sku, stringOr(p.GPUDriver, GPUDriverInstall)),
			"to enable Secure Boot on GPU node pools using Ubuntu, the GPU driver installation must be skipped", sourceTrustedLaunch,
			fmt.Sprintf("set gpu_driver = %q and install the driver yourself, use os_sku = %q, or set %s = false.", GPUDriverNone, OSSKUAzureLinux, shown(at))))}
}
