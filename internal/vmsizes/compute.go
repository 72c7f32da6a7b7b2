package vmsizes

import (
	"context"
	"fmt"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/compute/armcompute/v7"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

// ComputeSKULister lists VM sizes through the Compute Resource SKUs API
// (GET /subscriptions/{id}/providers/Microsoft.Compute/skus?$filter=location eq '…').
type ComputeSKULister struct {
	client *armcompute.ResourceSKUsClient
}

// NewComputeSKULister returns a SKULister backed by the SDK's Resource SKUs client.
func NewComputeSKULister(client *armcompute.ResourceSKUsClient) *ComputeSKULister {
	return &ComputeSKULister{client: client}
}

// ListSKUs returns the virtual machine SKUs of one location, every page of
// them, converted to the shape of internal/skudata. Other resource types
// (disks, availability sets, ...) are dropped.
func (l *ComputeSKULister) ListSKUs(ctx context.Context, location string) ([]skudata.SKU, error) {
	// The API only supports a location filter; the value is the normalised location name.
	filter := fmt.Sprintf("location eq '%s'", skudata.NormalizeLocation(location))
	pager := l.client.NewListPager(&armcompute.ResourceSKUsClientListOptions{Filter: &filter})
	var out []skudata.SKU
	for pager.More() {
		page, err := pager.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("listing VM sizes in %s: %w", location, err)
		}
		for _, sku := range page.Value {
			if sku == nil || deref(sku.ResourceType) != "virtualMachines" {
				continue
			}
			out = append(out, skuFromAPI(sku))
		}
	}
	return out, nil
}

func skuFromAPI(sku *armcompute.ResourceSKU) skudata.SKU {
	out := skudata.SKU{
		ResourceType: deref(sku.ResourceType),
		Name:         deref(sku.Name),
		Tier:         deref(sku.Tier),
		Size:         deref(sku.Size),
		Family:       deref(sku.Family),
		Restrictions: []skudata.Restriction{},
		Source:       "Compute Resource SKUs API",
	}
	for _, l := range sku.Locations {
		out.Locations = append(out.Locations, deref(l))
	}
	for _, li := range sku.LocationInfo {
		if li == nil {
			continue
		}
		info := skudata.LocationInfo{Location: deref(li.Location), Zones: []string{}}
		for _, z := range li.Zones {
			info.Zones = append(info.Zones, deref(z))
		}
		info.ZoneDetails = zoneDetailsFromAPI(li.ZoneDetails)
		out.LocationInfo = append(out.LocationInfo, info)
	}
	for _, c := range sku.Capabilities {
		if c == nil {
			continue
		}
		out.Capabilities = append(out.Capabilities, skudata.Capability{Name: deref(c.Name), Value: deref(c.Value)})
	}
	for _, r := range sku.Restrictions {
		if r == nil {
			continue
		}
		restriction := skudata.Restriction{}
		if r.Type != nil {
			restriction.Type = string(*r.Type)
		}
		if r.ReasonCode != nil {
			restriction.ReasonCode = string(*r.ReasonCode)
		}
		for _, v := range r.Values {
			restriction.Values = append(restriction.Values, deref(v))
		}
		if r.RestrictionInfo != nil {
			info := &skudata.RestrictionInfo{}
			for _, l := range r.RestrictionInfo.Locations {
				info.Locations = append(info.Locations, deref(l))
			}
			for _, z := range r.RestrictionInfo.Zones {
				info.Zones = append(info.Zones, deref(z))
			}
			restriction.RestrictionInfo = info
		}
		out.Restrictions = append(out.Restrictions, restriction)
	}
	return out
}

// zoneDetailsFromAPI converts locationInfo[].zoneDetails (where the API
// reports per-zone capabilities such as UltraSSDAvailable).
func zoneDetailsFromAPI(details []*armcompute.ResourceSKUZoneDetails) []skudata.ZoneDetails {
	var out []skudata.ZoneDetails
	for _, d := range details {
		if d == nil {
			continue
		}
		zd := skudata.ZoneDetails{}
		for _, n := range d.Name {
			zd.Name = append(zd.Name, deref(n))
		}
		for _, c := range d.Capabilities {
			if c != nil {
				zd.Capabilities = append(zd.Capabilities, skudata.Capability{Name: deref(c.Name), Value: deref(c.Value)})
			}
		}
		out = append(out, zd)
	}
	return out
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
