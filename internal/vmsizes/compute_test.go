package vmsizes

import (
	"context"
	"net/http"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	azfake "github.com/Azure/azure-sdk-for-go/sdk/azcore/fake"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/compute/armcompute/v7"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/compute/armcompute/v7/fake"
)

// newFakeSKUsClient returns a real SDK client whose transport is the SDK's
// own fake server, so the adapter's paging and conversion run for real.
func newFakeSKUsClient(t *testing.T, srv *fake.ResourceSKUsServer) *armcompute.ResourceSKUsClient {
	t.Helper()
	client, err := armcompute.NewResourceSKUsClient("00000000-0000-4000-8000-000000000002", &azfake.TokenCredential{}, &arm.ClientOptions{
		ClientOptions: azcore.ClientOptions{Transport: fake.NewResourceSKUsServerTransport(srv)},
	})
	if err != nil {
		t.Fatal(err)
	}
	return client
}

func TestComputeSKUListerPagesFiltersAndConverts(t *testing.T) {
	var gotFilter string
	srv := &fake.ResourceSKUsServer{
		NewListPager: func(options *armcompute.ResourceSKUsClientListOptions) (resp azfake.PagerResponder[armcompute.ResourceSKUsClientListResponse]) {
			if options != nil && options.Filter != nil {
				gotFilter = *options.Filter
			}
			resp.AddPage(http.StatusOK, armcompute.ResourceSKUsClientListResponse{ResourceSKUsResult: armcompute.ResourceSKUsResult{Value: []*armcompute.ResourceSKU{
				{
					ResourceType: to.Ptr("virtualMachines"),
					Name:         to.Ptr("Standard_DS2_v2"),
					Family:       to.Ptr("standardDSv2Family"),
					Locations:    []*string{to.Ptr("eastus")},
					LocationInfo: []*armcompute.ResourceSKULocationInfo{{
						Location: to.Ptr("eastus"),
						Zones:    []*string{to.Ptr("1"), to.Ptr("2")},
						ZoneDetails: []*armcompute.ResourceSKUZoneDetails{{
							Name:         []*string{to.Ptr("2")},
							Capabilities: []*armcompute.ResourceSKUCapabilities{{Name: to.Ptr("UltraSSDAvailable"), Value: to.Ptr("True")}},
						}},
					}},
					Capabilities: []*armcompute.ResourceSKUCapabilities{
						{Name: to.Ptr("vCPUs"), Value: to.Ptr("2")},
						{Name: to.Ptr("CachedDiskBytes"), Value: to.Ptr("92341796864")},
						{Name: to.Ptr("EphemeralOSDiskSupported"), Value: to.Ptr("True")},
						{Name: to.Ptr("MaxResourceVolumeMB"), Value: to.Ptr("14336")},
					},
				},
				{ResourceType: to.Ptr("disks"), Name: to.Ptr("Premium_LRS")},
			}}}, nil)
			resp.AddPage(http.StatusOK, armcompute.ResourceSKUsClientListResponse{ResourceSKUsResult: armcompute.ResourceSKUsResult{Value: []*armcompute.ResourceSKU{
				{
					ResourceType: to.Ptr("virtualMachines"),
					Name:         to.Ptr("Standard_A0"),
					Restrictions: []*armcompute.ResourceSKURestrictions{{
						Type:            to.Ptr(armcompute.ResourceSKURestrictionsTypeLocation),
						Values:          []*string{to.Ptr("eastus")},
						ReasonCode:      to.Ptr(armcompute.ResourceSKURestrictionsReasonCodeNotAvailableForSubscription),
						RestrictionInfo: &armcompute.ResourceSKURestrictionInfo{Locations: []*string{to.Ptr("eastus")}, Zones: []*string{to.Ptr("1")}},
					}},
				},
			}}}, nil)
			return resp
		},
	}
	lister := NewComputeSKULister(newFakeSKUsClient(t, srv))
	skus, err := lister.ListSKUs(context.Background(), "East US")
	if err != nil {
		t.Fatal(err)
	}
	if gotFilter != "location eq 'eastus'" {
		t.Errorf("filter = %q, want location eq 'eastus'", gotFilter)
	}
	if len(skus) != 2 || skus[0].Name != "Standard_DS2_v2" || skus[1].Name != "Standard_A0" {
		t.Fatalf("want both pages' VM sizes and no disks, got %+v", skus)
	}
	if v, _ := skus[0].Capability("CachedDiskBytes"); v != "92341796864" {
		t.Errorf("capability not carried: %q", v)
	}
	if skus[0].Family != "standardDSv2Family" || len(skus[0].LocationInfo) != 1 || len(skus[0].LocationInfo[0].Zones) != 2 {
		t.Errorf("family/zones not carried: %+v", skus[0])
	}
	r := skus[1].Restrictions
	if len(r) != 1 || r[0].Type != "Location" || r[0].ReasonCode != "NotAvailableForSubscription" || r[0].RestrictionInfo == nil || r[0].RestrictionInfo.Zones[0] != "1" {
		t.Errorf("restriction not carried: %+v", r)
	}

	// Through the catalogue: one fetch, live facts.
	c := New(lister)
	s, ok := c.Lookup(context.Background(), "eastus", "standard_ds2_v2")
	if !ok || !s.Live || s.CacheBytes.Value != 92341796864 {
		t.Errorf("catalogue over the SDK lister: ok=%v %+v", ok, s)
	}
	if s.UltraSSD("eastus", "2") != Yes || s.UltraSSD("eastus", "1") != No || s.UltraSSD("eastus", "") != No {
		t.Errorf("live zone details not read: zone 2 %v, zone 1 %v, regional %v", s.UltraSSD("eastus", "2"), s.UltraSSD("eastus", "1"), s.UltraSSD("eastus", ""))
	}
	if a0, _ := c.Lookup(context.Background(), "eastus", "Standard_A0"); a0.RestrictionIn("eastus") != "NotAvailableForSubscription" {
		t.Errorf("live restriction lost: %+v", a0.Restrictions)
	}
}

func TestComputeSKUListerReportsErrors(t *testing.T) {
	srv := &fake.ResourceSKUsServer{
		NewListPager: func(*armcompute.ResourceSKUsClientListOptions) (resp azfake.PagerResponder[armcompute.ResourceSKUsClientListResponse]) {
			resp.AddResponseError(http.StatusForbidden, "AuthorizationFailed")
			return resp
		},
	}
	lister := NewComputeSKULister(newFakeSKUsClient(t, srv))
	if _, err := lister.ListSKUs(context.Background(), "eastus"); err == nil {
		t.Fatal("want the API's error")
	}
	c := New(lister)
	if s, ok := c.Lookup(context.Background(), "eastus", "Standard_DS2_v2"); !ok || s.Live {
		t.Errorf("a failed live fetch must fall back to embedded facts: ok=%v live=%v", ok, s.Live)
	}
	if c.LiveError(context.Background(), "eastus") == nil {
		t.Error("the failure must be recorded")
	}
}
