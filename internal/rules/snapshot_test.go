package rules

import (
	"errors"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

func TestCheckSnapshotFit(t *testing.T) {
	snap := Snapshot{ID: "snapshot1", OSType: "Linux", OSSKU: "Ubuntu", KubernetesVersion: "1.33.3"}
	base := path.Empty()
	expectDiags(t, CheckSnapshotFit(base, userPool(), snap))
	expectDiags(t, CheckSnapshotFit(base, with(userPool(), func(p *Pool) { p.OSSKU = str("ubuntu"); p.OrchestratorVersion = str("1.33") }), snap))
	expectDiags(t, CheckSnapshotFit(base, with(userPool(), func(p *Pool) { p.OrchestratorVersion = str("1.33.3") }), snap))
	expectDiags(t, CheckSnapshotFit(base, with(userPool(), func(p *Pool) { p.OSType = str(OSTypeWindows) }), snap),
		errAt("snapshot_id", "Node pool snapshot does not fit the pool", `os_type = "Windows"`, `os_type "Linux"`, `set os_type = "Linux"`))
	expectDiags(t, CheckSnapshotFit(base, with(userPool(), func(p *Pool) { p.OSSKU = str("AzureLinux") }), snap),
		errAt("snapshot_id", "Node pool snapshot does not fit the pool", `os_sku = "AzureLinux"`, `os_sku "Ubuntu"`))
	expectDiags(t, CheckSnapshotFit(base, with(userPool(), func(p *Pool) { p.OrchestratorVersion = str("1.32") }), snap),
		errAt("snapshot_id", "Node pool snapshot does not fit the pool", `orchestrator_version = "1.32"`, `"1.33.3"`))
	expectDiags(t, CheckSnapshotFit(base, with(userPool(), func(p *Pool) { p.OrchestratorVersion = str("1.33.2") }), snap),
		errAt("snapshot_id", "Node pool snapshot does not fit the pool", `orchestrator_version = "1.33.2"`))
	// Nothing reported: nothing judged.
	expectDiags(t, CheckSnapshotFit(base, with(userPool(), func(p *Pool) { p.OSSKU = str("AzureLinux") }), Snapshot{ID: "s"}))
}

func TestSnapshotUnreadable(t *testing.T) {
	err := errors.New("boom")
	expectDiags(t, diag.Diagnostics{SnapshotUnreadable(path.Empty(), "id1", 404, err)},
		errAt("snapshot_id", "Node pool snapshot not found", `snapshot_id = "id1"`, "no such snapshot", "create the snapshot first"))
	expectDiags(t, diag.Diagnostics{SnapshotUnreadable(path.Empty(), "id1", 403, err)},
		warnAt("snapshot_id", "Node pool snapshot can't be read", "may not read the snapshot", "grant the credential Reader"))
	expectDiags(t, diag.Diagnostics{SnapshotUnreadable(path.Empty(), "id1", 500, err)},
		warnAt("snapshot_id", "Node pool snapshot could not be checked", "boom"))
}
