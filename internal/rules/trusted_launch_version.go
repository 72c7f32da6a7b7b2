package rules

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// The Kubernetes versions the hardware features start at: "AKS supports Trusted Launch on
// Kubernetes version 1.25.2 and higher" (use-trusted-launch.md) and "AKS supports Pod Sandboxing
// on Kubernetes version 1.27.0 and higher" (use-pod-sandboxing.md).
var (
	minTrustedLaunchVersion = MustParseVersion("1.25.2")
	minPodSandboxingVersion = MustParseVersion("1.27.0")
)

// belowMinimum reports whether v is below least; a "major.minor" alias runs that minor's latest
// patch, so it is below only when its minor is.
func belowMinimum(v, least Version) bool {
	if !v.HasPatch {
		return v.Major < least.Major || (v.Major == least.Major && v.Minor < least.Minor)
	}
	return v.Less(least)
}

// checkHardwareVersions: Trusted Launch and Pod Sandboxing need a recent enough Kubernetes
// version: orchestrator_version, else the version the pool runs or will run.
func checkHardwareVersions(base path.Path, p Pool, current *ExistingPool, c Cluster) diag.Diagnostics {
	var v Version
	from := "orchestrator_version"
	if cv, ok := configuredVersion(p); ok {
		v = cv
	} else if rv, rfrom, ok := runningVersion(current, c); ok && p.OrchestratorVersion.IsNull() {
		v, from = rv, rfrom
	} else {
		return nil
	}
	var diags diag.Diagnostics
	if at, on := trustedLaunch(base, p); on && belowMinimum(v, minTrustedLaunchVersion) {
		diags.Append(ruleError(at, "Trusted Launch needs Kubernetes 1.25.2 or later",
			explain(fmt.Sprintf("%s = true, and the pool runs Kubernetes %s (%s).", shown(at), v, from),
				"AKS supports Trusted Launch on Kubernetes version 1.25.2 and higher", sourceTrustedLaunch,
				"upgrade the pool (orchestrator_version) first, or turn Trusted Launch off.")))
	}
	if runtimeIs(p, WorkloadRuntimeKata) && belowMinimum(v, minPodSandboxingVersion) {
		at := base.AtName("workload_runtime")
		diags.Append(ruleError(at, "Pod Sandboxing needs Kubernetes 1.27.0 or later",
			explain(fmt.Sprintf("%s = %q, and the pool runs Kubernetes %s (%s).", shown(at), WorkloadRuntimeKata, v, from),
				"AKS supports Pod Sandboxing on Kubernetes version 1.27.0 and higher", sourcePodSandboxing,
				"use orchestrator_version 1.27 or later (and a cluster that runs it).")))
	}
	return diags
}
