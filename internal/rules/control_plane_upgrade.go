package rules

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// CheckControlPlaneUpgrade judges a kubernetes_version change from the version the control plane
// runs: no downgrade, no other major, and no skipped minor (AKS upgrades the control plane one
// minor version at a time).
func CheckControlPlaneUpgrade(running string, planned types.String) diag.Diagnostics {
	if !isSet(planned) || running == "" {
		return nil
	}
	from, err1 := ParseVersion(running)
	to, err2 := ParseVersion(planned.ValueString())
	if err1 != nil || err2 != nil {
		return nil
	}
	at := path.Root("kubernetes_version")
	switch {
	case from.Major != to.Major:
		return diag.Diagnostics{ruleError(at, "Control plane major version change",
			explain(fmt.Sprintf("kubernetes_version = %q, but the control plane runs %s.", to, from),
				"AKS upgrades the control plane within a major version only",
				sourceUpgradeCluster,
				fmt.Sprintf("set kubernetes_version to a %d.x version.", from.Major)))}
	case to.Less(from):
		return diag.Diagnostics{ruleError(at, "Control plane downgrade",
			explain(fmt.Sprintf("kubernetes_version = %q is lower than the version the control plane runs, %s.", to, from),
				"a cluster can be upgraded but never downgraded",
				sourceUpgradeCluster,
				fmt.Sprintf("set kubernetes_version to %s or later.", from)))}
	case to.Minor-from.Minor > 1:
		next := Version{Major: from.Major, Minor: from.Minor + 1}
		return diag.Diagnostics{ruleError(at, "Control plane upgrade skips a minor version",
			explain(fmt.Sprintf("kubernetes_version = %q, but the control plane runs %s: that skips %d minor version(s).", to, from, to.Minor-from.Minor-1),
				"the control plane is upgraded one minor version at a time; skipping minor versions isn't supported",
				sourceUpgradeCluster,
				fmt.Sprintf("upgrade to %s first and apply, then to %s.", next, to.MinorString())))}
	}
	return nil
}
