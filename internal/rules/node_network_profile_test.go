package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckAllowedHostPorts(t *testing.T) {
	ports := func(r ...PortRange) Pool {
		return with(userPool(), func(p *Pool) { p.AllowedHostPorts = r })
	}
	rng := func(start, end int64) PortRange {
		return PortRange{PortStart: num(start), PortEnd: num(end), Protocol: str("TCP")}
	}
	expectDiags(t, checkAllowedHostPorts(path.Empty(), userPool()))
	expectDiags(t, checkAllowedHostPorts(path.Empty(), ports(rng(80, 80), rng(40000, 60000), rng(50000, 55000)))) // overlaps are allowed
	expectDiags(t, checkAllowedHostPorts(path.Empty(), ports(rng(80, 80), PortRange{PortStart: num(90), PortEnd: types.Int64Unknown()})))
	expectDiags(t, checkAllowedHostPorts(path.Empty(), ports(rng(80, 80), rng(443, 80))),
		errAt("node_network_profile.allowed_host_ports[1].port_start", "Host port range ends before it starts",
			"port_start = 443 and port_end = 80", "port_start = 80, port_end = 443"))
}
