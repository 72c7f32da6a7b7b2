package emulator

import (
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/compute/armcompute/v7"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
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

// A subnet an agent pool uses can't be deleted, as in Azure.
func TestSubnetInUseCannotBeDeleted(t *testing.T) {
	s := startServer(t)
	f := aksClients(t, s, nil)
	ctx := ctxT(t)
	subnetID := vnetID(DefaultSubscriptionID, "rg-aks-demo", "vnet-aks-demo") + "/subnets/snet-system"
	mc := minimalCluster()
	mc.Properties.AgentPoolProfiles[0].VnetSubnetID = to.Ptr(subnetID)
	mc.Properties.NetworkProfile = &armcontainerservice.NetworkProfile{NetworkPlugin: to.Ptr(armcontainerservice.NetworkPluginAzure)}
	createCluster(t, f, "demo", mc)
	subnets, err := armnetwork.NewSubnetsClient(DefaultSubscriptionID, secretCredential(t, s), armOptions(s))
	if err != nil {
		t.Fatal(err)
	}
	_, err = subnets.BeginDelete(ctx, "rg-aks-demo", "vnet-aks-demo", "snet-system", nil)
	re := wantErrResp(t, err, 400, "InUseSubnetCannotBeDeleted")
	if !strings.Contains(re.Error(), "/agentPools/system") {
		t.Errorf("message doesn't name the pool: %v", err)
	}
}

func TestResourceSKUs(t *testing.T) {
	s := startServer(t)
	client, err := armcompute.NewResourceSKUsClient(DefaultSubscriptionID, secretCredential(t, s), armOptions(s))
	if err != nil {
		t.Fatal(err)
	}
	ctx := ctxT(t)
	found := map[string]*armcompute.ResourceSKU{}
	for pager := client.NewListPager(&armcompute.ResourceSKUsClientListOptions{Filter: to.Ptr("location eq 'westeurope'")}); pager.More(); {
		page, err := pager.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, sku := range page.Value {
			found[deref(sku.Name)] = sku
		}
	}
	ds2 := found["Standard_DS2_v2"]
	if ds2 == nil || len(found) < 60 {
		t.Fatalf("%d SKUs, Standard_DS2_v2 %v", len(found), ds2)
	}
	if len(ds2.Locations) != 1 || deref(ds2.Locations[0]) != "westeurope" {
		t.Errorf("locations %v", ds2.Locations)
	}
	caps := map[string]string{}
	for _, c := range ds2.Capabilities {
		caps[deref(c.Name)] = deref(c.Value)
	}
	if caps["CachedDiskBytes"] != "92341796864" || caps["vCPUs"] != "2" {
		t.Errorf("Standard_DS2_v2 capabilities %v", caps)
	}
	if arm := found["Standard_D2pds_v5"]; arm == nil {
		t.Error("no Arm64 size Standard_D2pds_v5")
	}
}
