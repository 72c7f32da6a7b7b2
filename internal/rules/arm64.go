package rules

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// checkArm64: ARM64 VM sizes are not supported for Windows node pools.
func checkArm64(base path.Path, p Pool, size vmsizes.Size) diag.Diagnostics {
	if !size.IsArm64() || anyUnknown(p.OSType) || osType(p) != OSTypeWindows {
		return nil
	}
	at := base.AtName("vm_size")
	return diag.Diagnostics{ruleError(at, "ARM64 VM sizes don't run Windows node pools",
		explain(fmt.Sprintf("%s = %q is an Arm64 size, and os_type is %q.", shown(at), size.Name, OSTypeWindows),
			"Arm64 VM sizes are not supported for Windows node pools",
			sourceArm64Docs,
			`pick an x64 size for this Windows pool, such as "Standard_D4s_v3", or use os_type = "Linux".`))}
}

// defender29 is the first Kubernetes version on which ARM64 pools work on Defender-enabled clusters.
var defender29 = MustParseVersion("1.29.0")

// checkArm64Defender: ARM64 node pools aren't supported on Defender-enabled
// clusters with Kubernetes below 1.29.0.
func checkArm64Defender(base path.Path, size vmsizes.Size, c Cluster) diag.Diagnostics {
	if !c.DefenderEnabled || !size.IsArm64() || c.KubernetesVersion == "" {
		return nil
	}
	v, err := ParseVersion(c.KubernetesVersion)
	if err != nil || !v.Less(defender29) {
		return nil
	}
	at := base.AtName("vm_size")
	return diag.Diagnostics{ruleError(at, "ARM64 pools need Kubernetes 1.29.0 or later on Defender-enabled clusters",
		explain(fmt.Sprintf("%s = %q is an Arm64 size; the cluster has Microsoft Defender enabled and runs Kubernetes %s.", shown(at), size.Name, c.KubernetesVersion),
			"ARM64 node pools aren't supported on Defender-enabled clusters with Kubernetes version less than 1.29.0",
			sourceGuideArm64,
			"upgrade the cluster to Kubernetes 1.29 or later first, or pick an x64 VM size."))}
}
