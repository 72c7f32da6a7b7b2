package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

const sourceSnapshot = `the AKS docs "Azure Kubernetes Service (AKS) node pool snapshot" (https://learn.microsoft.com/azure/aks/node-pool-snapshot): a snapshot carries the node image version, Kubernetes version, OS type and OS SKU the new pool is created with`

// Snapshot is a node pool snapshot as AKS reports it (Microsoft.ContainerService/snapshots).
// Empty strings mean "not reported": those checks don't run.
type Snapshot struct {
	ID                string
	OSType            string
	OSSKU             string
	KubernetesVersion string
	NodeImageVersion  string
}

// CheckSnapshotFit: a pool created from a snapshot gets the snapshot's node image, so its OS
// type, OS SKU and Kubernetes version (when configured) must be the snapshot's.
func CheckSnapshotFit(base path.Path, p Pool, s Snapshot) diag.Diagnostics {
	var diags diag.Diagnostics
	at := base.AtName("snapshot_id")
	misfit := func(attribute, configured, snapshotValue string) {
		a := base.AtName(attribute)
		diags.Append(ruleError(at, "Node pool snapshot does not fit the pool",
			explain(fmt.Sprintf("%s = %q, but snapshot %s was taken from a pool with %s %q.", shown(a), configured, s.ID, attribute, snapshotValue),
				"a pool created from a snapshot runs the snapshot's node image, so its OS type, OS SKU and Kubernetes version are the snapshot's",
				sourceSnapshot,
				fmt.Sprintf("set %s = %q (or leave it unset), or use a snapshot of a pool with %s %q.", shown(a), snapshotValue, attribute, configured))))
	}
	if s.OSType != "" && !p.OSType.IsUnknown() && !strings.EqualFold(osType(p), s.OSType) {
		misfit("os_type", osType(p), s.OSType)
	}
	if s.OSSKU != "" && isSet(p.OSSKU) && !strings.EqualFold(p.OSSKU.ValueString(), s.OSSKU) {
		misfit("os_sku", p.OSSKU.ValueString(), s.OSSKU)
	}
	if v, ok := configuredVersion(p); ok && s.KubernetesVersion != "" && !versionFits(v, p.OrchestratorVersion.ValueString(), s.KubernetesVersion) {
		misfit("orchestrator_version", p.OrchestratorVersion.ValueString(), s.KubernetesVersion)
	}
	return diags
}

// versionFits: a "major.minor" orchestrator_version fits any patch of that minor.
func versionFits(v Version, configured, snapshotVersion string) bool {
	sv, err := ParseVersion(snapshotVersion)
	if err != nil {
		return true
	}
	if strings.Count(configured, ".") == 1 {
		return v.MinorString() == sv.MinorString()
	}
	return v.Compare(sv) == 0
}

// SnapshotUnreadable explains why snapshot_id could not be checked at plan time: the snapshot
// does not exist (404: AKS refuses the create), or the credential can't read it (403: AKS checks
// the caller may read what it links, so apply is likely to fail too).
func SnapshotUnreadable(base path.Path, id string, status int, err error) diag.Diagnostic {
	at := base.AtName("snapshot_id")
	switch status {
	case 404:
		return ruleError(at, "Node pool snapshot not found",
			explain(fmt.Sprintf("%s = %q: no such snapshot (%s).", shown(at), id, err),
				"a pool created from a snapshot needs an existing Microsoft.ContainerService/snapshots resource",
				sourceSnapshot,
				"create the snapshot first (az aks nodepool snapshot create) and reference its id, or correct the ID."))
	case 403:
		return ruleWarning(at, "Node pool snapshot can't be read",
			explain(fmt.Sprintf("%s = %q: the provider's credential may not read the snapshot (%s), so its OS type, OS SKU and Kubernetes version were not checked.", shown(at), id, err),
				"AKS reads the snapshot with the caller's rights when it creates the pool",
				sourceSnapshot,
				"grant the credential Reader (Microsoft.ContainerService/snapshots/read) on the snapshot, or correct the ID."))
	}
	return ruleWarning(at, "Node pool snapshot could not be checked",
		explain(fmt.Sprintf("%s = %q: reading the snapshot failed (%s), so its fit was not checked.", shown(at), id, err),
			"a snapshot's OS type, OS SKU and Kubernetes version must fit the pool",
			sourceSnapshot,
			"retry the plan; if it persists, check the ID and the credential's access to the snapshot."))
}
