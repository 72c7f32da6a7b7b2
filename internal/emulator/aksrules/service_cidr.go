package aksrules

import (
	"net/netip"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// codeServiceCIDROverlap is AKS's code for a service range overlapping a subnet of the cluster's
// virtual network, from Microsoft's "Troubleshoot the ServiceCidrOverlapExistingSubnetsCidr error"
// (https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/create-upgrade-delete/servicecidroverlapexistingsubnetscidr-error),
// which quotes the message and target. Verified there for upgrades; that create answers the same
// is what public CI logs of `az aks create` show (unverified in Microsoft's docs).
const codeServiceCIDROverlap = "ServiceCidrOverlapExistingSubnetsCidr"

// checkServiceCIDROutsideSubnets: AKS "checks the cluster's virtual network for any existing
// subnet CIDR address spaces that overlap with the cluster's service CIDR" (source above). The
// virtual network is the one of the first pool profile with a vnetSubnetID; without one (AKS
// creates the network) there is nothing to check. Only the subnets count, not the whole address
// space: AKS accepts a service range in unused address space of the network.
func checkServiceCIDROutsideSubnets(w World, props *armcontainerservice.ManagedClusterProperties) *Error {
	if props == nil || props.NetworkProfile == nil || !isSet(props.NetworkProfile.ServiceCidr) || w.Subnet == nil || w.SubnetPrefixes == nil {
		return nil
	}
	service, parseErr := netip.ParsePrefix(*props.NetworkProfile.ServiceCidr)
	if parseErr != nil {
		return nil //nolint:nilerr // the CIDR's own format is another rule's
	}
	for _, prof := range props.AgentPoolProfiles {
		if prof == nil || !isSet(prof.VnetSubnetID) {
			continue
		}
		vnet, ok := w.Subnet(*prof.VnetSubnetID)
		if !ok {
			return nil // a missing subnet is another rule's
		}
		for _, raw := range w.SubnetPrefixes(vnet) {
			if p, err := netip.ParsePrefix(raw); err == nil && p.Overlaps(service) {
				return badRequest(codeServiceCIDROverlap, "networkProfile.serviceCIDR",
					"The specified service CIDR %s is conflicted with an existing subnet CIDR %s", service, p)
			}
		}
		return nil
	}
	return nil
}
