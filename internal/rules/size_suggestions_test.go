package rules

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// restrictedLister offers Standard_DS3_v2 live, but not to this subscription.
type restrictedLister struct{}

func (restrictedLister) ListSKUs(context.Context, string) ([]skudata.SKU, error) {
	ds3, _ := skudata.Lookup("Standard_DS3_v2")
	ds3.Restrictions = []skudata.Restriction{{Type: "Location", Values: []string{"eastus"}, ReasonCode: "NotAvailableForSubscription"}}
	return []skudata.SKU{ds3}, nil
}

func TestSuggestionsSkipRestrictedSizes(t *testing.T) {
	sizes := vmsizes.New(restrictedLister{})
	d := checkEphemeralOSDisk(context.Background(), path.Empty(), ephemeralPool("Standard_DS2_v2", 0), embeddedSize(t, "Standard_DS2_v2"), sizes, "eastus")
	if len(d) != 1 {
		t.Fatalf("want one error, got %v", d)
	}
	if strings.Contains(d[0].Detail(), "Standard_DS3_v2") || !strings.Contains(d[0].Detail(), "Standard_DS4_v2") {
		t.Errorf("a size restricted in the location must not be suggested: %s", d[0].Detail())
	}
}

func TestSeriesOfAndJoinFixes(t *testing.T) {
	if seriesOf("Standard_DS2_v2") != seriesOf("Standard_DS3_v2") || seriesOf("Standard_DS2_v2") == seriesOf("Standard_D2s_v3") {
		t.Error("seriesOf must group DS2_v2 with DS3_v2 only")
	}
	if seriesOf("Basic") != "basic" {
		t.Errorf("seriesOf without digits = %q", seriesOf("Basic"))
	}
	if joinFixes(nil) != "" || joinFixes([]string{"a"}) != "a" || joinFixes([]string{"a", "b", "c"}) != "a, b, or c" {
		t.Error("joinFixes")
	}
}
