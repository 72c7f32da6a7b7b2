package rules

import (
	"context"
	"fmt"
	"net/netip"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// CIDR validates an IPv4 or IPv6 address range such as "10.0.0.0/16".
func CIDR() validator.String {
	return stringCheck{
		description: "must be an address range in CIDR notation, such as `10.0.0.0/16`",
		check: func(_ context.Context, name, value string) *problem {
			if _, err := netip.ParsePrefix(value); err == nil {
				return nil
			}
			return &problem{summary: "Invalid CIDR",
				detail: explain(fmt.Sprintf("%s = %q is not an address range in CIDR notation.", name, value),
					"address ranges are written as address/prefix length",
					sourceClusterAPI,
					fmt.Sprintf(`write %s like "10.0.0.0/16" (or "203.0.113.7/32" for one address).`, name))}
		},
	}
}

// IPAddress validates an IPv4 or IPv6 address such as "10.0.0.10".
func IPAddress() validator.String {
	return stringCheck{
		description: "must be an IP address, such as `10.0.0.10`",
		check: func(_ context.Context, name, value string) *problem {
			if _, err := netip.ParseAddr(value); err == nil {
				return nil
			}
			return &problem{summary: "Invalid IP address",
				detail: explain(fmt.Sprintf("%s = %q is not an IP address.", name, value),
					"the DNS service IP is one address",
					sourceClusterAPI+", networkProfile.dnsServiceIP",
					fmt.Sprintf(`write %s like "10.0.0.10".`, name))}
		},
	}
}

// checkServiceAddresses: the DNS service IP lies inside the service CIDR and is not its first
// address (kube-apiserver's service takes that one); the service CIDR doesn't overlap the pod CIDR.
func checkServiceAddresses(c ClusterConfig) diag.Diagnostics {
	var diags diag.Diagnostics
	np := path.Root("network_profile")
	service, serviceOK := parsePrefix(c.ServiceCIDR)
	if ip, ok := parseAddr(c.DNSServiceIP); ok && serviceOK {
		at := np.AtName("dns_service_ip")
		switch {
		case !service.Contains(ip):
			diags.Append(ruleError(at, "DNS service IP outside the service CIDR",
				explain(fmt.Sprintf("%s = %q is not inside service_cidr %q.", shown(at), ip, service),
					"the cluster DNS service gets its address from the Kubernetes service address range",
					sourceServiceCIDR,
					fmt.Sprintf("pick an address inside %s other than its first, such as %s (AKS's default is the .10 address of the range).", service, nthAddress(service, 10)))))
		case ip == service.Masked().Addr().Next():
			diags.Append(ruleError(at, "DNS service IP is the service CIDR's first address",
				explain(fmt.Sprintf("%s = %q is the first usable address of %q.", shown(at), ip, service),
					"the first address of the service range belongs to the kubernetes API service",
					sourceServiceCIDR,
					fmt.Sprintf("pick another address inside %s, such as the .10 address AKS uses by default.", service))))
		}
	}
	if pod, ok := parsePrefix(c.PodCIDR); ok && serviceOK && pod.Overlaps(service) {
		at := np.AtName("service_cidr")
		diags.Append(ruleError(at, "Service CIDR overlaps the pod CIDR",
			explain(fmt.Sprintf("%s = %q overlaps pod_cidr %q.", shown(at), service, pod),
				"services and pods need separate address ranges",
				sourceServiceCIDR,
				"choose ranges that don't overlap, for example service_cidr = \"10.0.0.0/16\" and pod_cidr = \"10.244.0.0/16\".")))
	}
	return diags
}

// nthAddress is the n-th address after the range's network address.
func nthAddress(p netip.Prefix, n int) netip.Addr {
	a := p.Masked().Addr()
	for range n {
		a = a.Next()
	}
	return a
}

func parsePrefix(v types.String) (netip.Prefix, bool) {
	if !isSet(v) {
		return netip.Prefix{}, false
	}
	p, err := netip.ParsePrefix(v.ValueString())
	return p, err == nil
}

func parseAddr(v types.String) (netip.Addr, bool) {
	if !isSet(v) {
		return netip.Addr{}, false
	}
	a, err := netip.ParseAddr(v.ValueString())
	return a, err == nil
}
