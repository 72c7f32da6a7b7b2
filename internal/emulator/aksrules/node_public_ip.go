package aksrules

import (
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// checkNodePublicIPPrefix: nodes take their public IPs from nodePublicIPPrefixID only when
// enableNodePublicIP is true (use-node-public-ips.md passes --node-public-ip-prefix-id with
// --enable-node-public-ip). The code and text are unverified.
func checkNodePublicIPPrefix(_ World, _ string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !isSet(p.NodePublicIPPrefixID) || deref(p.EnableNodePublicIP) {
		return nil
	}
	return badRequest(codeInvalidParameter, "nodePublicIPPrefixID",
		"NodePublicIPPrefixID can only be set when EnableNodePublicIP is true.")
}
