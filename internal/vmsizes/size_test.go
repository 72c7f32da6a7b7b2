package vmsizes

import (
	"context"
	"slices"
	"testing"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

func mustLookup(t *testing.T, name string) Size {
	t.Helper()
	s, ok := Embedded().Lookup(context.Background(), "eastus", name)
	if !ok {
		t.Fatalf("%s not in the embedded catalogue", name)
	}
	return s
}

func TestEmbeddedSizesAreParsed(t *testing.T) {
	ds2 := mustLookup(t, "standard_ds2_v2") // case-insensitive
	if ds2.Name != "Standard_DS2_v2" || ds2.VCPUs != (Quantity{2, true}) || !ds2.MemoryKnown || ds2.MemoryGB != 7 {
		t.Errorf("Standard_DS2_v2 basics: %+v", ds2)
	}
	if ds2.Architecture != ArchitectureX64 || ds2.IsArm64() {
		t.Errorf("Standard_DS2_v2 architecture = %q", ds2.Architecture)
	}
	if ds2.CacheBytes != (Quantity{92341796864, true}) {
		t.Errorf("Standard_DS2_v2 cache = %+v, want the captured 92341796864 bytes", ds2.CacheBytes)
	}
	if ds2.TempDiskBytes != (Quantity{14336 * mib, true}) {
		t.Errorf("Standard_DS2_v2 temp = %+v, want 14336 MiB in bytes", ds2.TempDiskBytes)
	}
	if ds2.NVMeBytes != (Quantity{0, true}) {
		t.Errorf("Standard_DS2_v2 NVMe = %+v, want known zero", ds2.NVMeBytes)
	}
	if ds2.EphemeralOSDisk != Yes || ds2.EncryptionAtHost != Yes {
		t.Errorf("Standard_DS2_v2 ephemeral=%v encryptionAtHost=%v", ds2.EphemeralOSDisk, ds2.EncryptionAtHost)
	}
	if !slices.Equal(ds2.HyperVGenerations, []string{"V1", "V2"}) {
		t.Errorf("Standard_DS2_v2 generations = %v", ds2.HyperVGenerations)
	}
	if !ds2.SupportsPlacement("cachedisk") || !ds2.SupportsPlacement(PlacementResourceDisk) || ds2.SupportsPlacement(PlacementNvmeDisk) {
		t.Errorf("Standard_DS2_v2 placements = %v", ds2.EphemeralPlacements)
	}
	if z, ok := ds2.ZonesIn("South Central US"); !ok || !slices.Equal(z, []string{"1", "2", "3"}) {
		t.Errorf("Standard_DS2_v2 zones in southcentralus = %v, %v", z, ok)
	}
	if ds2.Live || ds2.Source == "" {
		t.Errorf("embedded size should say where it comes from and not be live: %+v", ds2)
	}

	arm := mustLookup(t, "Standard_D2pds_v5")
	if !arm.IsArm64() || arm.TempDiskBytes.Value != 75*GiB {
		t.Errorf("Standard_D2pds_v5: arch %q temp %d", arm.Architecture, arm.TempDiskBytes.Value)
	}
	// Documented sizes don't record encryption at host: unknown, not "no".
	if arm.EncryptionAtHost != Unknown {
		t.Errorf("Standard_D2pds_v5 encryption at host = %v, want unknown", arm.EncryptionAtHost)
	}

	a0 := mustLookup(t, "Standard_A0")
	if got := a0.RestrictionIn("westcentralus"); got != "NotAvailableForSubscription" {
		t.Errorf("Standard_A0 restriction in westcentralus = %q", got)
	}
	if got := a0.RestrictionIn("eastus"); got != "" {
		t.Errorf("Standard_A0 restriction in eastus = %q, want none", got)
	}

	if _, ok := Embedded().Lookup(context.Background(), "eastus", "Standard_Nope_v99"); ok {
		t.Error("an unknown size must not be found")
	}
	if _, ok := Embedded().Lookup(context.Background(), "eastus", "  "); ok {
		t.Error("an empty name must not be found")
	}
}

func TestMaxEphemeralOSDiskFollowsThePlacementOrder(t *testing.T) {
	tests := []struct {
		size      string
		bytes     int64
		placement string
		known     bool
	}{
		{"Standard_DS2_v2", 92341796864, PlacementCacheDisk, true},
		{"Standard_DS3_v2", 172 * GiB, PlacementCacheDisk, true},
		// No cache: the temporary disk.
		{"Standard_D2ds_v5", 75 * GiB, PlacementResourceDisk, true},
		{"Standard_E4d_v5", 150 * GiB, PlacementResourceDisk, true},
		// NVMe with the NvmeDisk placement wins.
		{"Standard_D2pds_v6", 110 * GiB, PlacementNvmeDisk, true},
		{"Standard_D128ds_v6", 7208960 * mib, PlacementNvmeDisk, true},
		// NVMe without the NvmeDisk placement: the cache is used.
		{"Standard_NC24ads_A100_v4", 274877906944, PlacementCacheDisk, true},
		// No ephemeral support at all.
		{"Standard_D2s_v5", 0, "", true},
		{"Standard_A0", 0, "", true},
		// The documentation does not settle support.
		{"Standard_E4s_v3", 0, "", false},
		{"Standard_B2s", 0, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.size, func(t *testing.T) {
			bytes, placement, known := mustLookup(t, tt.size).MaxEphemeralOSDisk()
			if bytes != tt.bytes || placement != tt.placement || known != tt.known {
				t.Errorf("MaxEphemeralOSDisk() = (%d, %q, %v), want (%d, %q, %v)", bytes, placement, known, tt.bytes, tt.placement, tt.known)
			}
		})
	}
}

func TestMaxEphemeralOSDiskWithUnknownFigures(t *testing.T) {
	base := Size{EphemeralOSDisk: Yes, NVMeBytes: Quantity{0, true}, CacheBytes: Quantity{0, true}, TempDiskBytes: Quantity{10 * GiB, true}}
	if b, p, k := base.MaxEphemeralOSDisk(); b != 10*GiB || p != PlacementResourceDisk || !k {
		t.Fatalf("baseline = %d %q %v", b, p, k)
	}
	for name, mutate := range map[string]func(*Size){
		"nvme unknown":  func(s *Size) { s.NVMeBytes = Quantity{} },
		"cache unknown": func(s *Size) { s.CacheBytes = Quantity{} },
		"temp unknown":  func(s *Size) { s.TempDiskBytes = Quantity{} },
	} {
		s := base
		mutate(&s)
		if _, _, known := s.MaxEphemeralOSDisk(); known {
			t.Errorf("%s: MaxEphemeralOSDisk must not claim to know", name)
		}
	}
}

func TestDefaultOSDisk(t *testing.T) {
	tests := []struct {
		size          string
		requestedType string
		requestedGB   int64
		wantType      string
		wantGB        int64
		wantKnown     bool
	}{
		// The guide: 128 GB does not fit DS2_v2's 86 GiB cache, so Managed (2 vCPUs → 128).
		{"Standard_DS2_v2", "", 0, OSDiskTypeManaged, 128, true},
		// ... but 60 GB does: Ephemeral.
		{"Standard_DS2_v2", "", 60, OSDiskTypeEphemeral, 60, true},
		// DS3_v2's 172 GiB cache holds 128; its temp disk (28 GiB) is under 128, so 128.
		{"Standard_DS3_v2", "", 0, OSDiskTypeEphemeral, 128, true},
		{"Standard_DS3_v2", OSDiskTypeManaged, 0, OSDiskTypeManaged, 128, true},
		// Since March 2025: temp storage of at least 128 GiB becomes the default ephemeral size.
		{"Standard_D8ds_v5", "", 0, OSDiskTypeEphemeral, 300, true},
		{"Standard_D64s_v3", "", 0, OSDiskTypeEphemeral, 512, true},
		// Capped at the platform's 2,040 GiB.
		{"Standard_D128ds_v6", "", 0, OSDiskTypeEphemeral, 2040, true},
		// 75 GiB temp can't hold 128: Managed.
		{"Standard_D2ds_v5", "", 0, OSDiskTypeManaged, 128, true},
		// Managed sizes by vCPUs.
		{"Standard_D8s_v5", "", 0, OSDiskTypeManaged, 256, true},
		{"Standard_D16s_v5", "", 0, OSDiskTypeManaged, 512, true},
		{"Standard_D4s_v5", "", 0, OSDiskTypeManaged, 128, true},
		// Unsettled ephemeral support: unknown, unless the type is given.
		{"Standard_E4s_v3", "", 0, "", 0, false},
		{"Standard_E4s_v3", OSDiskTypeEphemeral, 0, OSDiskTypeEphemeral, 0, false},
		{"Standard_E4s_v3", OSDiskTypeManaged, 0, OSDiskTypeManaged, 128, true},
		{"Standard_E4s_v3", OSDiskTypeEphemeral, 64, OSDiskTypeEphemeral, 64, true},
	}
	for _, tt := range tests {
		t.Run(tt.size+"/"+tt.requestedType, func(t *testing.T) {
			typ, gb, known := mustLookup(t, tt.size).DefaultOSDisk(tt.requestedType, tt.requestedGB)
			if typ != tt.wantType || gb != tt.wantGB || known != tt.wantKnown {
				t.Errorf("DefaultOSDisk(%q, %d) = (%q, %d, %v), want (%q, %d, %v)",
					tt.requestedType, tt.requestedGB, typ, gb, known, tt.wantType, tt.wantGB, tt.wantKnown)
			}
		})
	}
	big := Size{VCPUs: Quantity{96, true}, EphemeralOSDisk: No}
	if typ, gb, _ := big.DefaultOSDisk("", 0); typ != OSDiskTypeManaged || gb != 1024 {
		t.Errorf("96 vCPUs: got %s %d, want Managed 1024", typ, gb)
	}
	noVCPUs := Size{EphemeralOSDisk: No}
	if _, _, known := noVCPUs.DefaultOSDisk("", 0); known {
		t.Error("a managed default without vCPUs must be unknown")
	}
}

func TestFromSKUInterpretsCapabilities(t *testing.T) {
	sku := skudata.SKU{
		ResourceType: "virtualMachines",
		Name:         "Standard_Test_v1",
		LocationInfo: []skudata.LocationInfo{{Location: "East US", Zones: []string{"1", "3"}}},
		Restrictions: []skudata.Restriction{
			{Type: "Zone", Values: []string{"eastus"}, ReasonCode: "NotAvailableForSubscription"},
			{Type: "Location", Values: []string{"West Europe"}},
		},
		Capabilities: []skudata.Capability{
			{Name: "vCPUs", Value: "four"},
			{Name: "MemoryGB", Value: "0.75"},
			{Name: "CpuArchitectureType", Value: "arm64"},
			{Name: "EphemeralOSDiskSupported", Value: "maybe"},
			{Name: "CachedDiskBytes", Value: "1024"},
			{Name: "MaxResourceVolumeMB", Value: "-5"},
			{Name: "SupportedEphemeralOSDiskPlacements", Value: " ResourceDisk , ,CacheDisk"},
			{Name: "EncryptionAtHostSupported", Value: "false"},
		},
		Unknown: []string{"cacheddiskbytes"},
	}
	s := fromSKU(sku, true)
	if s.VCPUs.Known {
		t.Error("a malformed vCPUs must be unknown")
	}
	if !s.MemoryKnown || s.MemoryGB != 0.75 {
		t.Errorf("memory = %v %v", s.MemoryGB, s.MemoryKnown)
	}
	if s.Architecture != ArchitectureArm64 {
		t.Errorf("architecture = %q, want the canonical Arm64", s.Architecture)
	}
	if s.EphemeralOSDisk != Unknown {
		t.Errorf("ephemeral = %v, want unknown for an unrecognised value", s.EphemeralOSDisk)
	}
	if s.CacheBytes.Known {
		t.Error("a capability listed as unknown must be unknown even when present")
	}
	if s.TempDiskBytes.Known {
		t.Error("a negative MaxResourceVolumeMB must be unknown")
	}
	if !s.NVMeBytes.Known || s.NVMeBytes.Value != 0 {
		t.Error("an absent NvmeDiskSizeInMiB means no NVMe")
	}
	if !slices.Equal(s.EphemeralPlacements, []string{"ResourceDisk", "CacheDisk"}) {
		t.Errorf("placements = %q", s.EphemeralPlacements)
	}
	if s.EncryptionAtHost != No {
		t.Errorf("encryption at host = %v", s.EncryptionAtHost)
	}
	if z, ok := s.ZonesIn("eastus"); !ok || !slices.Equal(z, []string{"1", "3"}) {
		t.Errorf("zones = %v %v", z, ok)
	}
	if s.RestrictionIn("eastus") != "" {
		t.Error("a zone restriction must not close the whole location")
	}
	if s.RestrictionIn("westeurope") != "restricted" {
		t.Errorf("location restriction = %q", s.RestrictionIn("westeurope"))
	}
	if s.Source == "" || !s.Live {
		t.Errorf("source/live = %q %v", s.Source, s.Live)
	}
	if Unknown.String() != "unknown" || Yes.String() != "yes" || No.String() != "no" {
		t.Error("Tristate strings")
	}
}
