package rules

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// checkOrchestratorVersion: the pool's version is not above the control
// plane, at most three minor versions behind it (Kubernetes 1.28+ skew), and
// not lower than the pool's current version.
func checkOrchestratorVersion(base path.Path, p Pool, current *ExistingPool, c Cluster) diag.Diagnostics {
	v, ok := configuredVersion(p)
	if !ok {
		return nil
	}
	at := base.AtName("orchestrator_version")
	var diags diag.Diagnostics
	if current != nil && current.OrchestratorVersion != "" {
		if now, err := ParseVersion(current.OrchestratorVersion); err == nil && v.Less(now) {
			diags.Append(ruleError(at, "Node pool downgrade",
				explain(fmt.Sprintf("%s = %q is lower than the version the pool runs, %s.", shown(at), v, now),
					"node pools can be upgraded but never downgraded",
					sourceUpgradePools,
					fmt.Sprintf("set %s to %s or later; to run an older version, create a new pool.", shown(at), now))))
		}
	}
	if c.KubernetesVersion == "" {
		return diags
	}
	cp, err := ParseVersion(c.KubernetesVersion)
	if err != nil {
		return diags
	}
	behind, sameMajor := v.MinorsBehind(cp)
	switch {
	case !sameMajor:
		diags.Append(ruleError(at, "Node pool and control plane majors differ",
			explain(fmt.Sprintf("%s = %q, but the control plane runs %s.", shown(at), v, cp),
				"a node pool must run the same major version as the control plane",
				sourceVersionSkew,
				fmt.Sprintf("set %s to a %d.x version.", shown(at), cp.Major))))
	case v.Compare(cp) > 0:
		diags.Append(ruleError(at, "Node pool version above the control plane",
			explain(fmt.Sprintf("%s = %q is newer than the control plane's %s.", shown(at), v, cp),
				"a node pool's version can't be greater than the control plane's",
				sourceVersionSkew+"; "+sourceUpgradePools,
				fmt.Sprintf("upgrade the cluster's control plane first, or set %s to %s or lower.", shown(at), cp))))
	case behind > 3:
		oldest := Version{Major: cp.Major, Minor: cp.Minor - 3}
		diags.Append(ruleError(at, "Node pool version too far behind the control plane",
			explain(fmt.Sprintf("%s = %q is %d minor versions behind the control plane's %s.", shown(at), v, behind, cp),
				"a node pool may be at most three minor versions behind the control plane (Kubernetes 1.28 and later)",
				sourceVersionSkew,
				fmt.Sprintf("set %s to %s or later.", shown(at), oldest))))
	}
	return diags
}

// CheckPoolVersionAtCreation: pools created with the cluster run the control plane's version
// ("When you create multiple node pools at cluster creation time, the Kubernetes versions for the
// node pools must match the version set for the control plane"). poolAt is the pool's
// orchestrator_version path.
func CheckPoolVersionAtCreation(poolAt path.Path, poolVersion, clusterVersion types.String) diag.Diagnostics {
	if !isSet(poolVersion) || clusterVersion.IsUnknown() {
		return nil
	}
	pool, err := ParseVersion(poolVersion.ValueString())
	if err != nil {
		return nil // the attribute validator reports it
	}
	if clusterVersion.IsNull() {
		return diag.Diagnostics{ruleError(poolAt, "Pool version without a control plane version",
			explain(fmt.Sprintf("%s = %q, but kubernetes_version is unset, so the control plane gets AKS's default version, which may differ.", shown(poolAt), pool),
				"pools created with the cluster must run the control plane's Kubernetes version",
				sourceGuide,
				fmt.Sprintf(`set kubernetes_version = %q as well, or remove %s (the pool then takes the control plane's version).`, pool, shown(poolAt))))}
	}
	cluster, err := ParseVersion(clusterVersion.ValueString())
	if err != nil || pool.Compare(cluster) == 0 {
		return nil
	}
	return diag.Diagnostics{ruleError(poolAt, "Pool version differs from the control plane at creation",
		explain(fmt.Sprintf("%s = %q, but kubernetes_version = %q.", shown(poolAt), pool, cluster),
			"when node pools are created at cluster creation time, their Kubernetes version must match the control plane's",
			sourceGuide,
			fmt.Sprintf(`set %s = %q, or remove it (the pool then takes the control plane's version); upgrade or pin pools later.`, shown(poolAt), cluster)))}
}
