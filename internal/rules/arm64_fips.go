package rules

import (
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// fips31 is the first Kubernetes version on which FIPS works with Arm64 (Azure Linux only).
var fips31 = MustParseVersion("1.31")

// checkArm64FIPS: ARM64 sizes with fips_enabled are refused (the guide),
// except on Azure Linux (os_sku AzureLinux or AzureLinux3) with Kubernetes
// 1.31 or later (the FIPS docs' newer exception). The version is
// orchestrator_version, or running (the version the pool runs, described by
// runningFrom) when that is unset; with neither, the version part waits for
// CheckPoolInCluster.
func checkArm64FIPS(base path.Path, p Pool, size vmsizes.Size, running *Version, runningFrom string) diag.Diagnostics {
	if !size.IsArm64() || anyUnknown(p.FIPSEnabled, p.OSSKU) || !isTrue(p.FIPSEnabled) {
		return nil
	}
	if anyUnknown(p.OSType) || osType(p) != OSTypeLinux {
		return nil // Windows on Arm64 is checkArm64's
	}
	at := base.AtName("fips_enabled")
	sku := stringOr(p.OSSKU, OSSKUUbuntu)
	rule := "FIPS-enabled node pools aren't supported with ARM64 VM sizes; the one exception is Azure Linux (os_sku AzureLinux or AzureLinux3) on Kubernetes 1.31 or later"
	source := sourceGuideArm64 + "; " + sourceFIPSDocs
	if !slices.Contains(AzureLinuxOSSKUs, sku) {
		return diag.Diagnostics{ruleError(at, "FIPS is not supported on ARM64 with this OS SKU",
			explain(fmt.Sprintf(`%s = true with the Arm64 size %q and os_sku %q.`, shown(at), size.Name, sku),
				rule, source,
				fmt.Sprintf(`use os_sku = %q with Kubernetes 1.31 or later, an x64 VM size, or %s = false.`, OSSKUAzureLinux3, shown(at))))}
	}
	if anyUnknown(p.OrchestratorVersion) {
		return nil
	}
	v, ok := configuredVersion(p)
	from := "orchestrator_version"
	if !ok {
		if running == nil {
			return nil
		}
		v, from = *running, runningFrom
	}
	if v.Less(fips31) {
		return diag.Diagnostics{ruleError(at, "FIPS on ARM64 needs Kubernetes 1.31 or later",
			explain(fmt.Sprintf(`%s = true with the Arm64 size %q, os_sku %q and Kubernetes %s (%s).`, shown(at), size.Name, sku, v, from),
				rule, source,
				fmt.Sprintf(`use Kubernetes 1.31 or later, an x64 VM size, or %s = false.`, shown(at))))}
	}
	return nil
}
