package emulator

import (
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/network/armnetwork/v7"
)

func TestVirtualNetworksAndSubnets(t *testing.T) {
	s := startServer(t)
	ctx := ctxT(t)
	cred := secretCredential(t, s)
	vnets, err := armnetwork.NewVirtualNetworksClient(DefaultSubscriptionID, cred, armOptions(s))
	if err != nil {
		t.Fatal(err)
	}
	subnets, err := armnetwork.NewSubnetsClient(DefaultSubscriptionID, cred, armOptions(s))
	if err != nil {
		t.Fatal(err)
	}

	// the seed
	seeded, err := vnets.Get(ctx, "rg-aks-demo", "vnet-aks-demo", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(seeded.Properties.Subnets) != 4 || deref(seeded.Properties.AddressSpace.AddressPrefixes[0]) != "10.10.0.0/16" {
		t.Errorf("seeded vnet %+v", seeded.Properties)
	}
	var listed []string
	for pager := vnets.NewListPager("rg-aks-demo", nil); pager.More(); {
		page, err := pager.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range page.Value {
			listed = append(listed, deref(v.Name))
		}
	}
	if strings.Join(listed, ",") != "vnet-aks-demo,vnet-other" {
		t.Errorf("listed %v", listed)
	}

	// create a network with a subnet, add one, delete one
	p, err := vnets.BeginCreateOrUpdate(ctx, "rg-aks-test", "vnet-new", armnetwork.VirtualNetwork{
		Location: to.Ptr("eastus"),
		Properties: &armnetwork.VirtualNetworkPropertiesFormat{
			AddressSpace: &armnetwork.AddressSpace{AddressPrefixes: []*string{to.Ptr("10.30.0.0/16")}},
			Subnets:      []*armnetwork.Subnet{{Name: to.Ptr("a"), Properties: &armnetwork.SubnetPropertiesFormat{AddressPrefix: to.Ptr("10.30.0.0/24")}}},
		},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	vn, err := p.PollUntilDone(ctx, poll)
	if err != nil {
		t.Fatal(err)
	}
	if deref(vn.Properties.ProvisioningState) != armnetwork.ProvisioningStateSucceeded || deref(vn.Properties.Subnets[0].ID) != deref(vn.ID)+"/subnets/a" {
		t.Errorf("created vnet %+v", vn.Properties)
	}
	sp, err := subnets.BeginCreateOrUpdate(ctx, "rg-aks-test", "vnet-new", "b", armnetwork.Subnet{Properties: &armnetwork.SubnetPropertiesFormat{AddressPrefix: to.Ptr("10.30.1.0/24")}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sp.PollUntilDone(ctx, poll); err != nil {
		t.Fatal(err)
	}
	_, err = subnets.BeginCreateOrUpdate(ctx, "rg-aks-test", "vnet-new", "c", armnetwork.Subnet{Properties: &armnetwork.SubnetPropertiesFormat{AddressPrefix: to.Ptr("10.30.1.128/25")}}, nil)
	wantErr(t, err, 400, "NetcfgSubnetRangesOverlap")
	_, err = subnets.BeginCreateOrUpdate(ctx, "rg-aks-test", "vnet-new", "c", armnetwork.Subnet{Properties: &armnetwork.SubnetPropertiesFormat{AddressPrefix: to.Ptr("10.99.0.0/24")}}, nil)
	wantErr(t, err, 400, "NetcfgSubnetRangeOutsideVnet")

	dp, err := subnets.BeginDelete(ctx, "rg-aks-test", "vnet-new", "a", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dp.PollUntilDone(ctx, poll); err != nil {
		t.Fatal(err)
	}
	var names []string
	for pager := subnets.NewListPager("rg-aks-test", "vnet-new", nil); pager.More(); {
		page, err := pager.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range page.Value {
			names = append(names, deref(v.Name))
		}
	}
	if strings.Join(names, ",") != "b" {
		t.Errorf("subnets after delete %v", names)
	}
	_, err = subnets.Get(ctx, "rg-aks-test", "vnet-new", "a", nil)
	wantErr(t, err, 404, "NotFound")

	vp, err := vnets.BeginDelete(ctx, "rg-aks-test", "vnet-new", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := vp.PollUntilDone(ctx, poll); err != nil {
		t.Fatal(err)
	}
	_, err = vnets.Get(ctx, "rg-aks-test", "vnet-new", nil)
	wantErr(t, err, 404, "ResourceNotFound")
}
