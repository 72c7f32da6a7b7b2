package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func TestCheckScaleDownMode(t *testing.T) {
	w := testWorld()
	deallocate := to(armcontainerservice.ScaleDownModeDeallocate)
	wantError(t, checkScaleDownMode(w, "p", &poolProperties{ScaleDownMode: deallocate, OSDiskType: to(armcontainerservice.OSDiskTypeManaged)}), "", "")
	wantError(t, checkScaleDownMode(w, "p", &poolProperties{ScaleDownMode: to(armcontainerservice.ScaleDownModeDelete), OSDiskType: to(armcontainerservice.OSDiskTypeEphemeral)}), "", "")
	// Spot pools may deallocate since GA.
	wantError(t, checkScaleDownMode(w, "p", &poolProperties{ScaleDownMode: deallocate, ScaleSetPriority: to(armcontainerservice.ScaleSetPrioritySpot)}), "", "")
	wantError(t, checkScaleDownMode(w, "p", &poolProperties{ScaleDownMode: deallocate, OSDiskType: to(armcontainerservice.OSDiskTypeEphemeral)}),
		codeInvalidParameter, "not supported for agent pools with Ephemeral OS disks")
	wantError(t, checkScaleDownModeUpdate(w, "p", &poolProperties{}, &poolProperties{ScaleDownMode: deallocate, OSDiskType: to(armcontainerservice.OSDiskTypeEphemeral)}),
		codeInvalidParameter, "Ephemeral")
}

func TestScaleDownModeThroughCreate(t *testing.T) {
	// Standard_DS2_v2's default 128 GB OS disk doesn't fit its cache: Managed by default, accepted.
	wantError(t, createPlacementPool(t, func(p *poolProperties) { p.ScaleDownMode = to(armcontainerservice.ScaleDownModeDeallocate) }), "", "")
	wantError(t, createPlacementPool(t, func(p *poolProperties) {
		p.ScaleDownMode = to(armcontainerservice.ScaleDownModeDeallocate)
		p.OSDiskType = to(armcontainerservice.OSDiskTypeEphemeral)
		p.OSDiskSizeGB = to[int32](60)
	}), codeInvalidParameter, "Ephemeral")
}
