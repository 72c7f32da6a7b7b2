package clients

import (
	"context"
	"fmt"
	"net/netip"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/network/armnetwork/v7"
)

// VirtualNetworkRanges are the address ranges of a virtual network: its address space and each
// subnet's prefixes, by subnet name. Prefixes that don't parse are left out (Azure validates them).
type VirtualNetworkRanges struct {
	ID           string
	AddressSpace []netip.Prefix
	Subnets      map[string][]netip.Prefix
}

// VirtualNetworkOfSubnet reads the virtual network of the subnet with ARM ID subnetID (in any
// subscription): one GET of the virtual network, which a Reader may make. A refused read (403)
// is an error, for the caller to weigh.
func (c *Client) VirtualNetworkOfSubnet(ctx context.Context, subnetID string) (VirtualNetworkRanges, error) {
	var out VirtualNetworkRanges
	subnet, err := arm.ParseResourceID(subnetID)
	if err != nil || subnet.Parent == nil || subnet.ResourceType.String() != "Microsoft.Network/virtualNetworks/subnets" {
		return out, fmt.Errorf("%s is not a subnet ID", subnetID)
	}
	vnet := subnet.Parent
	client, err := armnetwork.NewVirtualNetworksClient(vnet.SubscriptionID, c.Credential, c.ARMOptions)
	if err != nil {
		return out, err
	}
	resp, err := client.Get(ctx, vnet.ResourceGroupName, vnet.Name, nil)
	if err != nil {
		return out, err
	}
	out.ID = vnet.String()
	out.Subnets = map[string][]netip.Prefix{}
	props := resp.Properties
	if props == nil {
		return out, nil
	}
	if props.AddressSpace != nil {
		out.AddressSpace = parsePrefixes(props.AddressSpace.AddressPrefixes...)
	}
	for _, sn := range props.Subnets {
		if sn == nil || sn.Name == nil || sn.Properties == nil {
			continue
		}
		out.Subnets[*sn.Name] = parsePrefixes(append([]*string{sn.Properties.AddressPrefix}, sn.Properties.AddressPrefixes...)...)
	}
	return out, nil
}

func parsePrefixes(raw ...*string) []netip.Prefix {
	var out []netip.Prefix
	for _, r := range raw {
		if r == nil {
			continue
		}
		if p, err := netip.ParsePrefix(*r); err == nil {
			out = append(out, p.Masked())
		}
	}
	return out
}
