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
	ds2 := embeddedSize(t, "Standard_DS2_v2")
	expectDiags(t, checkScaleDownModeOSDisk(path.Empty(), pool(ScaleDownModeDeallocate, str(OSDiskTypeManaged)), &ds2))
	expectDiags(t, checkScaleDownModeOSDisk(path.Empty(), pool(ScaleDownModeDeallocate, types.StringNull()), nil))
	expectDiags(t, checkScaleDownModeOSDisk(path.Empty(), pool(ScaleDownModeDeallocate, types.StringUnknown()), &ds2),
		warnAt("scale_down_mode", "Deallocate scale-down mode may get an Ephemeral OS disk", "os_disk_type is unset", `set os_disk_type = "Managed"`))
	expectDiags(t, checkScaleDownModeOSDisk(path.Empty(), pool(ScaleDownModeDelete, str(OSDiskTypeEphemeral)), &ds2))
	// Spot pools may deallocate: the docs lifted that preview limitation.
	expectDiags(t, checkScaleDownModeOSDisk(path.Empty(), with(pool(ScaleDownModeDeallocate, str(OSDiskTypeManaged)), func(p *Pool) { p.Priority = str(PrioritySpot) }), &ds2))
	expectDiags(t, checkScaleDownModeOSDisk(path.Empty(), pool(ScaleDownModeDeallocate, str(OSDiskTypeEphemeral)), &ds2),
		errAt("scale_down_mode", "Deallocate scale-down mode with an Ephemeral OS disk", `os_disk_type = "Ephemeral"`, "scale-down-mode", `os_disk_type = "Managed"`))
}
