package skudata

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestAllMergesBothSourcesAndCaptureWins(t *testing.T) {
	all, err := All()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 60 {
		t.Fatalf("expected the captured and documented sizes merged (>= 60), got %d", len(all))
	}
	ds2, ok := Lookup("standard_ds2_v2")
	if !ok {
		t.Fatal("Standard_DS2_v2 missing")
	}
	if v, _ := ds2.Capability("CachedDiskBytes"); v != "92341796864" {
		t.Errorf("Standard_DS2_v2 CachedDiskBytes = %q, want the captured 92341796864", v)
	}
	if ds2.Source == "" || ds2.Family == "" {
		t.Errorf("captured size should keep family and source: %+v", ds2)
	}
	ds3, ok := Lookup("Standard_DS3_v2")
	if !ok {
		t.Fatal("Standard_DS3_v2 missing")
	}
	if v, _ := ds3.Capability("CachedDiskBytes"); v != "184683593728" {
		t.Errorf("Standard_DS3_v2 CachedDiskBytes = %q", v)
	}
	arm, ok := Lookup("Standard_D2pds_v5")
	if !ok {
		t.Fatal("Standard_D2pds_v5 missing")
	}
	if v, _ := arm.Capability("CpuArchitectureType"); v != "Arm64" {
		t.Errorf("Standard_D2pds_v5 arch = %q", v)
	}
}

func TestForLocationOffersEverySizeInTheLocation(t *testing.T) {
	skus, err := ForLocation("East US")
	if err != nil {
		t.Fatal(err)
	}
	all, _ := All()
	if len(skus) != len(all) {
		t.Fatalf("got %d sizes, want %d", len(skus), len(all))
	}
	for _, s := range skus {
		if len(s.Locations) != 1 || s.Locations[0] != "eastus" || s.LocationInfo[0].Location != "eastus" {
			t.Fatalf("%s not rewritten to eastus: %+v", s.Name, s.LocationInfo)
		}
		if s.Name == "Standard_A0" && len(s.Restrictions) != 0 {
			t.Errorf("westcentralus restriction leaked into eastus")
		}
	}
	wc, _ := ForLocation("westcentralus")
	for _, s := range wc {
		if s.Name == "Standard_A0" && len(s.Restrictions) != 1 {
			t.Errorf("Standard_A0 should keep its westcentralus restriction, got %+v", s.Restrictions)
		}
	}
}

func TestCapturedSizesMarkWhatTheCaptureLacks(t *testing.T) {
	d4, _ := Lookup("Standard_D4s_v3")
	if !d4.IsUnknown(UnknownZoneDetails) {
		t.Errorf("the capture records no zoneDetails: want %q unknown, got %v", UnknownZoneDetails, d4.Unknown)
	}
	if d4.IsUnknown("UltraSSDAvailable") {
		t.Errorf("Standard_D4s_v3 was captured with UltraSSDAvailable: must not be unknown")
	}
	ds2, _ := Lookup("Standard_DS2_v2")
	if !ds2.IsUnknown("UltraSSDAvailable") {
		t.Errorf("Standard_DS2_v2 lacks UltraSSDAvailable in the capture: want it unknown, got %v", ds2.Unknown)
	}
}

func TestDocumentedFeatures(t *testing.T) {
	nd, ok := Lookup("Standard_ND96asr_v4")
	if !ok || nd.Features == nil {
		t.Fatalf("Standard_ND96asr_v4 missing or without features: %+v", nd)
	}
	if v, _ := nd.Capability("GPUs"); v != "8" {
		t.Errorf("Standard_ND96asr_v4 GPUs = %q", v)
	}
	if nd.Features.NestedVirtualization == nil || *nd.Features.NestedVirtualization || len(nd.Features.GPUInstanceProfiles) != 5 {
		t.Errorf("Standard_ND96asr_v4 features %+v", nd.Features)
	}
	nc, _ := Lookup("Standard_NC6s_v3")
	if nc.Features == nil || nc.Features.GPUInstanceProfiles == nil || len(nc.Features.GPUInstanceProfiles) != 0 {
		t.Errorf("Standard_NC6s_v3: documented as no MIG (empty, not nil), got %+v", nc.Features)
	}
	if f, ok := FeaturesFor(" standard_d4s_v3 "); !ok || f.NestedVirtualization == nil || !*f.NestedVirtualization {
		t.Errorf("FeaturesFor(Standard_D4s_v3) = %+v, %v", f, ok)
	}
	if _, ok := FeaturesFor("Standard_Nope"); ok {
		t.Error("no features for an unknown size")
	}
	// Every entry names a size of the catalogue, cites a source and uses AKS's profile names.
	valid := map[string]bool{"MIG1g": true, "MIG2g": true, "MIG3g": true, "MIG4g": true, "MIG7g": true}
	features, err := loadFeatures()
	if err != nil {
		t.Fatal(err)
	}
	for name, f := range features {
		if _, ok := Lookup(name); !ok {
			t.Errorf("documented-features.json names %s, which the catalogue lacks", name)
		}
		if f.Source == "" {
			t.Errorf("%s: no x-source", name)
		}
		for _, p := range f.GPUInstanceProfiles {
			if !valid[p] {
				t.Errorf("%s: profile %q is not an AKS gpuInstanceProfile", name, p)
			}
		}
	}
}

func TestForLocationCarriesZoneDetailsAndHidesNonAPIFields(t *testing.T) {
	skus, err := ForLocation("westus2")
	if err != nil {
		t.Fatal(err)
	}
	var d8 *SKU
	for i := range skus {
		if skus[i].Name == "Standard_D8s_v3" {
			d8 = &skus[i]
		}
	}
	if d8 == nil {
		t.Fatal("Standard_D8s_v3 missing")
	}
	li := d8.LocationInfo[0]
	if li.Location != "westus2" || len(li.ZoneDetails) != 1 || len(li.ZoneDetails[0].Name) != 3 {
		t.Fatalf("zone details not carried: %+v", li)
	}
	li.ZoneDetails[0].Name[0] = "9" // the answer is the caller's: the catalogue must not change
	again, _ := ForLocation("westus2")
	for _, s := range again {
		if s.Name == "Standard_D8s_v3" && s.LocationInfo[0].ZoneDetails[0].Name[0] == "9" {
			t.Error("ForLocation shares zone details with the catalogue")
		}
	}
	raw, err := json.Marshal(d8)
	if err != nil {
		t.Fatal(err)
	}
	body := string(raw)
	if !strings.Contains(body, `"zoneDetails":[{"name":["`) || !strings.Contains(body, `"UltraSSDAvailable"`) {
		t.Errorf("served shape lacks zoneDetails: %s", body)
	}
	for _, leak := range []string{"x-source", "Features", "nestedVirtualization", "Unknown"} {
		if strings.Contains(body, leak) {
			t.Errorf("served SKU leaks %q: %s", leak, body)
		}
	}
	ds2, _ := Lookup("Standard_DS2_v2")
	if raw, _ := json.Marshal(ds2); strings.Contains(string(raw), "zoneDetails") {
		t.Errorf("a SKU without zone details must omit the field: %s", raw)
	}
}
