package aksrules

import (
	"testing"
)

const placePPG = "/subscriptions/" + testSub + "/resourceGroups/rg-aks-demo/providers/Microsoft.Compute/proximityPlacementGroups/ppg1"

// createPlacementPool runs the create rules (with the defaults) for a Standard_DS2_v2 pool in a
// cluster shaped by the emulator's seed, edited by edit.
func createPlacementPool(t *testing.T, edit func(*poolProperties)) *Error {
	t.Helper()
	w := worldWith(newCluster(t, nil))
	ap := newPool("userpool", func(p *poolProperties) {
		p.VMSize = to("Standard_DS2_v2")
		p.Count = to[int32](1)
		edit(p)
	})
	DefaultAgentPool(w, nil, ap)
	return CheckAgentPoolCreate(w, ap)
}
