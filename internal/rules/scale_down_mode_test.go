package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckScaleDownModeOSDisk(t *testing.T) {
	pool := func(mode string, disk types.String) Pool {
		return with(userPool(), func(p *Pool) { p.ScaleDownMode = str(mode); p.OSDiskType = disk })
	}
	expectDiags(t, checkScaleDownModeOSDisk(path.Empty(), pool(ScaleDownModeDeallocate, str(OSDiskTypeManaged))))
	expectDiags(t, checkScaleDownModeOSDisk(path.Empty(), pool(ScaleDownModeDeallocate, types.StringNull())))
	expectDiags(t, checkScaleDownModeOSDisk(path.Empty(), pool(ScaleDownModeDelete, str(OSDiskTypeEphemeral))))
	// Spot pools may deallocate: the docs lifted that preview limitation.
	expectDiags(t, checkScaleDownModeOSDisk(path.Empty(), with(pool(ScaleDownModeDeallocate, str(OSDiskTypeManaged)), func(p *Pool) { p.Priority = str(PrioritySpot) })))
	expectDiags(t, checkScaleDownModeOSDisk(path.Empty(), pool(ScaleDownModeDeallocate, str(OSDiskTypeEphemeral))),
		errAt("scale_down_mode", "Deallocate scale-down mode with an Ephemeral OS disk", `os_disk_type = "Ephemeral"`, "scale-down-mode", `os_disk_type = "Managed"`))
}
