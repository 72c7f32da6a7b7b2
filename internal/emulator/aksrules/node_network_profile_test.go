package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func hostPorts(ranges ...*armcontainerservice.PortRange) func(*poolProperties) {
	return func(p *poolProperties) {
		p.NetworkProfile = &armcontainerservice.AgentPoolNetworkProfile{AllowedHostPorts: ranges}
	}
}

func portRange(start, end int32, protocol armcontainerservice.Protocol) *armcontainerservice.PortRange {
	return &armcontainerservice.PortRange{PortStart: to(start), PortEnd: to(end), Protocol: to(protocol)}
}

func TestCheckAllowedHostPorts(t *testing.T) {
	tcp, udp := armcontainerservice.ProtocolTCP, armcontainerservice.ProtocolUDP
	tests := []struct {
		name, code, msg string
		edit            func(*poolProperties)
	}{
		{"none", "", "", nil},
		{"overlapping ranges", "", "", hostPorts(portRange(80, 80, tcp), portRange(40000, 60000, tcp), portRange(50000, 55000, udp))},
		{"lower-case protocol", "", "", hostPorts(portRange(53, 53, "udp"))},
		{"port 0", codeInvalidParameter, "between 1 and 65535", hostPorts(portRange(0, 80, tcp))},
		{"port 65536", codeInvalidParameter, "between 1 and 65535", hostPorts(portRange(80, 65536, tcp))},
		{"start after end", codeInvalidParameter, "portStart must be less than or equal to portEnd", hostPorts(portRange(443, 80, tcp))},
		{"ICMP", codeInvalidParameter, "must be TCP or UDP", hostPorts(portRange(80, 80, "ICMP"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkAllowedHostPorts(testWorld(), "np", props(tt.edit)), tt.code, tt.msg)
			wantError(t, checkAllowedHostPortsUpdate(testWorld(), "np", props(nil), props(tt.edit)), tt.code, tt.msg)
		})
	}
}
