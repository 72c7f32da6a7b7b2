package rules

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// Protocols of node_network_profile.allowed_host_ports (REST API 2025-10-01, Protocol).
var HostPortProtocols = []string{"TCP", "UDP"}

// Port bounds of an allowed host port range (REST API 2025-10-01, PortRange: "ranged from 1 to 65535").
const (
	MinHostPort = 1
	MaxHostPort = 65535
)

// checkAllowedHostPorts: each range of node_network_profile.allowed_host_ports has
// port_start <= port_end (REST API 2025-10-01, PortRange: portStart "less than or equal to
// portEnd"). Ranges may overlap (same source); the bounds and protocol are schema validators.
func checkAllowedHostPorts(base path.Path, p Pool) diag.Diagnostics {
	var diags diag.Diagnostics
	for i, r := range p.AllowedHostPorts {
		if !isSet(r.PortStart) || !isSet(r.PortEnd) || r.PortStart.ValueInt64() <= r.PortEnd.ValueInt64() {
			continue
		}
		at := base.AtName("node_network_profile").AtName("allowed_host_ports").AtListIndex(i)
		diags.Append(ruleError(at.AtName("port_start"), "Host port range ends before it starts",
			explain(fmt.Sprintf("%s has port_start = %d and port_end = %d.", shown(at), r.PortStart.ValueInt64(), r.PortEnd.ValueInt64()),
				"a host port range's port_start must be less than or equal to its port_end",
				sourceAPI+", PortRange",
				fmt.Sprintf("swap the two (port_start = %d, port_end = %d), or set both to the same port for a single port.", r.PortEnd.ValueInt64(), r.PortStart.ValueInt64()))))
	}
	return diags
}
