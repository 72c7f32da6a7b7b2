package skudata

import "testing"

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
