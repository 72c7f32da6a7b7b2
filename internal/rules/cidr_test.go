package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCIDR(t *testing.T) {
	testStringValidator(t, CIDR(), "network_profile.service_cidr", []stringCase{
		{value: "10.0.0.0/16"},
		{value: "2001:db8::/64"},
		{value: "10.0.0.0", wantSummary: "Invalid CIDR"},
		{value: "10.0.0.0/33", wantSummary: "Invalid CIDR"},
	})
}

func TestIPAddress(t *testing.T) {
	testStringValidator(t, IPAddress(), "network_profile.dns_service_ip", []stringCase{
		{value: "10.0.0.10"},
		{value: "10.0.0.300", wantSummary: "Invalid IP address"},
	})
}

func TestCheckServiceAddresses(t *testing.T) {
	testClusterConfig(t, []clusterCase{
		{"DNS service IP outside the service CIDR", func(c *ClusterConfig) { c.DNSServiceIP = types.StringValue("10.1.0.10") },
			[]want{errAt("network_profile.dns_service_ip", "DNS service IP outside the service CIDR", "10.0.0.10")}},
		{"DNS service IP first address", func(c *ClusterConfig) { c.DNSServiceIP = types.StringValue("10.0.0.1") },
			[]want{errAt("network_profile.dns_service_ip", "DNS service IP is the service CIDR's first address")}},
		{"service CIDR overlapping pods", func(c *ClusterConfig) {
			c.ServiceCIDR = types.StringValue("10.244.0.0/24")
			c.DNSServiceIP = types.StringValue("10.244.0.10")
		}, []want{errAt("network_profile.service_cidr", "Service CIDR overlaps the pod CIDR")}},
	})
}
