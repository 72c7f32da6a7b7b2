package rules

import (
	"fmt"
	"net/netip"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// Where the rules on the cluster's virtual network come from. The docs ask for ranges outside the
// whole virtual network but call a service range inside it "possible, not recommended"; what AKS
// refuses is an overlap with an existing subnet (ServiceCidrOverlapExistingSubnetsCidr), and a pod
// range overlapping the cluster's subnet. Those are errors; the rest of the address space only warns.
const (
	sourceServiceCIDRVNet = `the AKS docs "Configure Azure CNI networking", Kubernetes service address range (https://learn.microsoft.com/azure/aks/configure-azure-cni), ` +
		`and "Troubleshoot the ServiceCidrOverlapExistingSubnetsCidr error" (https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/create-upgrade-delete/servicecidroverlapexistingsubnetscidr-error)`
	sourcePodCIDRVNet = `the AKS docs "Configure Azure CNI Overlay networking", IP address planning: "Pod CIDR space must not overlap with the cluster subnet range" (https://learn.microsoft.com/azure/aks/azure-cni-overlay)`
)

// VirtualNetwork is the cluster's virtual network as a plan-time read found it: its address
// space, each subnet's prefixes by name, and the name of the subnet the nodes use.
type VirtualNetwork struct {
	ID           string
	AddressSpace []netip.Prefix
	Subnets      map[string][]netip.Prefix
	NodeSubnet   string
}

// CheckCIDRsOutsideVirtualNetwork: network_profile.service_cidr must not overlap a subnet of the
// cluster's virtual network, and pod_cidr (kubenet, Azure CNI Overlay) not the nodes' subnet;
// either inside the rest of the address space is allowed by AKS but warned about.
func CheckCIDRsOutsideVirtualNetwork(c ClusterConfig, vnet VirtualNetwork) diag.Diagnostics {
	var diags diag.Diagnostics
	np := path.Root("network_profile")
	if service, ok := parsePrefix(c.ServiceCIDR); ok {
		at := np.AtName("service_cidr")
		if name, prefix, hit := overlappingSubnet(vnet, service, ""); hit {
			diags.Append(ruleError(at, "Service CIDR overlaps a subnet of the cluster's virtual network",
				explain(fmt.Sprintf("%s = %q overlaps subnet %s (%s) of virtual network %s.", shown(at), service, name, prefix, vnet.ID),
					"Kubernetes service addresses are virtual, so AKS refuses a service range that overlaps an existing subnet: a service could get an address a VM or node already has",
					sourceServiceCIDRVNet,
					"choose a private range outside the virtual network's address space "+ranges(vnet.AddressSpace)+", peered networks and on-premises ranges, such as \"10.0.0.0/16\" when it is free (set dns_service_ip inside it).")))
		} else if space, hit := overlappingSpace(vnet, service); hit {
			diags.Append(ruleWarning(at, "Service CIDR inside the cluster's virtual network",
				explain(fmt.Sprintf("%s = %q overlaps the address space %s of virtual network %s; no subnet uses it yet.", shown(at), service, space, vnet.ID),
					"AKS accepts it but recommends a service range outside the cluster's virtual network: a subnet created there later would collide with service addresses",
					sourceServiceCIDRVNet,
					"choose a range outside "+ranges(vnet.AddressSpace)+", or keep it and never create a subnet in it.")))
		}
	}
	if pod, ok := parsePrefix(c.PodCIDR); ok {
		at := np.AtName("pod_cidr")
		if name, prefix, hit := overlappingSubnet(vnet, pod, vnet.NodeSubnet); hit {
			diags.Append(ruleError(at, "Pod CIDR overlaps the cluster's subnet",
				explain(fmt.Sprintf("%s = %q overlaps the nodes' subnet %s (%s).", shown(at), pod, name, prefix),
					"pods get addresses from a private range apart from the nodes' subnet",
					sourcePodCIDRVNet,
					"choose a range outside the virtual network's address space "+ranges(vnet.AddressSpace)+", such as \"10.244.0.0/16\" when it is free.")))
		} else if space, hit := overlappingSpace(vnet, pod); hit {
			diags.Append(ruleWarning(at, "Pod CIDR inside the cluster's virtual network",
				explain(fmt.Sprintf("%s = %q overlaps the address space %s of virtual network %s.", shown(at), pod, space, vnet.ID),
					"pod addresses are private to the cluster; traffic between pods and resources of the virtual network in the same range is misrouted",
					sourcePodCIDRVNet,
					"choose a range outside "+ranges(vnet.AddressSpace)+".")))
		}
	}
	return diags
}

// overlappingSubnet is the first subnet, by name, whose prefixes overlap p; when only is set,
// only that subnet is looked at.
func overlappingSubnet(vnet VirtualNetwork, p netip.Prefix, only string) (string, netip.Prefix, bool) {
	names := make([]string, 0, len(vnet.Subnets))
	for name := range vnet.Subnets {
		if only == "" || strings.EqualFold(name, only) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		for _, sp := range vnet.Subnets[name] {
			if sp.Overlaps(p) {
				return name, sp, true
			}
		}
	}
	return "", netip.Prefix{}, false
}

func overlappingSpace(vnet VirtualNetwork, p netip.Prefix) (netip.Prefix, bool) {
	for _, space := range vnet.AddressSpace {
		if space.Overlaps(p) {
			return space, true
		}
	}
	return netip.Prefix{}, false
}

// ranges lists prefixes for messages: "10.10.0.0/16, 10.11.0.0/16".
func ranges(ps []netip.Prefix) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return strings.Join(out, ", ")
}
