package aksrules

import "testing"

func TestCheckNodePublicIPPrefix(t *testing.T) {
	const prefix = "/subscriptions/" + testSub + "/resourceGroups/rg-aks-demo/providers/Microsoft.Network/publicIPPrefixes/prefix1"
	wantError(t, checkNodePublicIPPrefix(testWorld(), "np", props(nil)), "", "")
	wantError(t, checkNodePublicIPPrefix(testWorld(), "np", props(func(p *poolProperties) {
		p.EnableNodePublicIP, p.NodePublicIPPrefixID = to(true), to(prefix)
	})), "", "")
	wantError(t, checkNodePublicIPPrefix(testWorld(), "np", props(func(p *poolProperties) { p.NodePublicIPPrefixID = to(prefix) })),
		codeInvalidParameter, "only be set when EnableNodePublicIP is true")
}
