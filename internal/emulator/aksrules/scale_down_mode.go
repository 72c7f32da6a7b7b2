package aksrules

import (
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// checkScaleDownMode: with scaleDownMode Deallocate "Ephemeral OS disks aren't supported"
// (scale-down-mode.md; Spot pools are supported since GA). It runs after the defaults, so an
// unset osDiskType that AKS makes Ephemeral is refused too, as the docs warn ("Be sure to specify
// managed OS disks"). Unverified: AKS's code and text.
func checkScaleDownMode(_ World, _ string, p *poolProperties) *Error {
	if !equalFoldPtr(p.ScaleDownMode, armcontainerservice.ScaleDownModeDeallocate) ||
		!equalFoldPtr(p.OSDiskType, armcontainerservice.OSDiskTypeEphemeral) {
		return nil
	}
	return badRequest(codeInvalidParameter, "scaleDownMode",
		"Scale-down mode Deallocate is not supported for agent pools with Ephemeral OS disks; use osDiskType Managed.")
}

// checkScaleDownModeUpdate is checkScaleDownMode for a PUT over a stored pool.
func checkScaleDownModeUpdate(w World, name string, _, p *poolProperties) *Error {
	return checkScaleDownMode(w, name, p)
}
