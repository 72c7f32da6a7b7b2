package emulator

import (
	"encoding/json"
	"fmt"
	"net/netip"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/network/armnetwork/v7"
	"github.com/google/uuid"
)

// Microsoft.Network public IP prefixes and application security groups: what
// agent pools name in nodePublicIPPrefixID and
// networkProfile.applicationSecurityGroups. They are seeded and answer GET
// and list (no writes), in the shapes of the Network REST spec
// (specification/network/resource-manager/Microsoft.Network/stable/
// 2024-05-01/publicIpPrefix.json, applicationSecurityGroup.json) as the
// armnetwork models hold them.

const (
	ipPrefixType = "Microsoft.Network/publicIPPrefixes"
	asgType      = "Microsoft.Network/applicationSecurityGroups"
)

var (
	publicIPPrefixes          = &resourceKind{armType: ipPrefixType, param: "publicIpPrefixName"}
	applicationSecurityGroups = &resourceKind{armType: asgType, param: "applicationSecurityGroupName"}
)

// defaultPrefixLength is a seeded prefix's length when the seed names none:
// /28, 16 addresses (the portal's default).
const defaultPrefixLength = 28

// seedPublicIPPrefix builds a seeded prefix's answer: a Standard regional
// IPv4 prefix; n numbers it so each seeded prefix gets its own range.
func seedPublicIPPrefix(r SeedResource, n int) json.RawMessage {
	id := rgID(r.SubscriptionID, r.ResourceGroup) + "/providers/" + ipPrefixType + "/" + r.Name
	length := r.PrefixLength
	if length == 0 {
		length = defaultPrefixLength
	}
	// Documentation ranges would be refused by Azure; 20.x is Azure public space,
	// fine for a prefix no packet ever uses.
	prefix := netip.PrefixFrom(netip.AddrFrom4([4]byte{20, 42, byte(n), 0}), int(length)).Masked()
	p := armnetwork.PublicIPPrefix{
		ID: &id, Name: &r.Name, Type: to.Ptr(ipPrefixType), Location: to.Ptr(normLocation(r.Location)),
		Tags: ptrMap(r.Tags), Zones: to.SliceOfPtrs(r.Zones...), Etag: networkETag(),
		SKU: &armnetwork.PublicIPPrefixSKU{Name: to.Ptr(armnetwork.PublicIPPrefixSKUNameStandard), Tier: to.Ptr(armnetwork.PublicIPPrefixSKUTierRegional)},
		Properties: &armnetwork.PublicIPPrefixPropertiesFormat{
			PrefixLength:           to.Ptr(length),
			PublicIPAddressVersion: to.Ptr(armnetwork.IPVersionIPv4),
			IPPrefix:               to.Ptr(prefix.String()),
			IPTags:                 []*armnetwork.IPTag{},
			ProvisioningState:      to.Ptr(armnetwork.ProvisioningStateSucceeded),
			ResourceGUID:           to.Ptr(uuid.NewString()),
		},
	}
	raw, _ := json.Marshal(&p)
	return raw
}

// seedApplicationSecurityGroup builds a seeded application security group's answer.
func seedApplicationSecurityGroup(r SeedResource) json.RawMessage {
	id := rgID(r.SubscriptionID, r.ResourceGroup) + "/providers/" + asgType + "/" + r.Name
	g := armnetwork.ApplicationSecurityGroup{
		ID: &id, Name: &r.Name, Type: to.Ptr(asgType), Location: to.Ptr(normLocation(r.Location)), Tags: ptrMap(r.Tags), Etag: networkETag(),
		Properties: &armnetwork.ApplicationSecurityGroupPropertiesFormat{
			ProvisioningState: to.Ptr(armnetwork.ProvisioningStateSucceeded),
			ResourceGUID:      to.Ptr(uuid.NewString()),
		},
	}
	raw, _ := json.Marshal(&g)
	return raw
}

// seedResourceID is a seeded resource's ARM ID.
func seedResourceID(armType string, r SeedResource) string {
	return fmt.Sprintf("%s/providers/%s/%s", rgID(r.SubscriptionID, r.ResourceGroup), armType, r.Name)
}
