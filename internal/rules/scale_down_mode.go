package rules

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// Scale-down modes (REST API 2025-10-01 ScaleDownMode).
const (
	ScaleDownModeDelete     = "Delete"
	ScaleDownModeDeallocate = "Deallocate"
)

// ScaleDownModes are the scale_down_mode values.
var ScaleDownModes = []string{ScaleDownModeDelete, ScaleDownModeDeallocate}

const sourceScaleDownMode = `the AKS docs "Use Scale-down Mode to delete/deallocate nodes in AKS", Limitations (https://learn.microsoft.com/azure/aks/scale-down-mode)`

// checkScaleDownModeOSDisk: "Ephemeral OS disks aren't supported" with Deallocate (a deallocated
// VM loses its ephemeral disk). Spot pools are allowed: the docs say that preview limitation no
// longer applies. With os_disk_type not known yet, on a size that may take an ephemeral OS disk,
// AKS may pick Ephemeral: a warning says to set Managed, as the docs advise.
func checkScaleDownModeOSDisk(base path.Path, p Pool, size *vmsizes.Size) diag.Diagnostics {
	if !isSet(p.ScaleDownMode) || p.ScaleDownMode.ValueString() != ScaleDownModeDeallocate {
		return nil
	}
	at := base.AtName("scale_down_mode")
	disk := base.AtName("os_disk_type")
	if !isSet(p.OSDiskType) {
		if size == nil || size.EphemeralOSDisk == vmsizes.No {
			return nil
		}
		return diag.Diagnostics{ruleWarning(at, "Deallocate scale-down mode may get an Ephemeral OS disk",
			explain(fmt.Sprintf("%s = %q and %s is unset: AKS uses an Ephemeral OS disk where %s allows it, and then refuses Deallocate.", shown(at), ScaleDownModeDeallocate, shown(disk), size.Name),
				"Scale-down Mode Deallocate doesn't support Ephemeral OS disks; the docs say to specify managed OS disks",
				sourceScaleDownMode,
				fmt.Sprintf("set %s = %q.", shown(disk), OSDiskTypeManaged)))}
	}
	if p.OSDiskType.ValueString() != OSDiskTypeEphemeral {
		return nil
	}
	return diag.Diagnostics{ruleError(at, "Deallocate scale-down mode with an Ephemeral OS disk",
		explain(fmt.Sprintf("%s = %q, but %s = %q.", shown(at), ScaleDownModeDeallocate, shown(disk), OSDiskTypeEphemeral),
			"Scale-down Mode Deallocate doesn't support Ephemeral OS disks: deallocated nodes keep their OS disk, which must be a managed disk",
			sourceScaleDownMode,
			fmt.Sprintf("set %s = %q, or %s = %q.", shown(disk), OSDiskTypeManaged, shown(at), ScaleDownModeDelete)))}
}
