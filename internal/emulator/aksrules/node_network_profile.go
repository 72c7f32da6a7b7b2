package aksrules

import (
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// Port bounds of an allowed host port range (REST API 2025-10-01, PortRange: "ranged from 1 to
// 65535", portStart "less than or equal to portEnd").
const (
	minHostPort = 1
	maxHostPort = 65535
)

// checkAllowedHostPorts: every range of networkProfile.allowedHostPorts has both ports in
// 1-65535, portStart <= portEnd, and protocol TCP or UDP (the spec's Protocol enum). Ranges may
// overlap. The code and texts are unverified.
func checkAllowedHostPorts(_ World, _ string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if p.NetworkProfile == nil {
		return nil
	}
	for _, r := range p.NetworkProfile.AllowedHostPorts {
		if r == nil {
			continue
		}
		start, end := deref(r.PortStart), deref(r.PortEnd)
		switch {
		case start < minHostPort || start > maxHostPort || end < minHostPort || end > maxHostPort:
			return badRequest(codeInvalidParameter, "networkProfile.allowedHostPorts",
				"Port range %d-%d is invalid: ports must be between %d and %d.", start, end, minHostPort, maxHostPort)
		case start > end:
			return badRequest(codeInvalidParameter, "networkProfile.allowedHostPorts",
				"Port range %d-%d is invalid: portStart must be less than or equal to portEnd.", start, end)
		case !validHostPortProtocol(r.Protocol):
			return badRequest(codeInvalidParameter, "networkProfile.allowedHostPorts",
				"Protocol '%s' of port range %d-%d is invalid: it must be TCP or UDP.", deref(r.Protocol), start, end)
		}
	}
	return nil
}

func validHostPortProtocol(p *armcontainerservice.Protocol) bool {
	for _, v := range armcontainerservice.PossibleProtocolValues() {
		if p != nil && strings.EqualFold(string(*p), string(v)) {
			return true
		}
	}
	return false
}

// checkAllowedHostPortsUpdate: the allowed host ports change in place (az aks nodepool update
// --allowed-host-ports), so a PUT is checked like a create.
func checkAllowedHostPortsUpdate(w World, name string, _, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	return checkAllowedHostPorts(w, name, p)
}
