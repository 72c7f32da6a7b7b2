package emulator

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/compute/armcompute/v7"
)

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
