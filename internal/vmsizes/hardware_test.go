package vmsizes

import (
	"slices"
	"testing"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

// The embedded catalogue answers the hardware questions of issue 9's rules
// both ways for the sizes of Microsoft's agentPools examples and common GPU sizes.
func TestEmbeddedHardwareFacts(t *testing.T) {
	tests := []struct {
		size                      string
		gpus                      Quantity
		gpu, mig, nested, kata    Tristate
		trustedLaunch, gen2, crg  Tristate
		ultraRegional, ultraZone1 Tristate
	}{
		// The GPUMIG example's size: 8 A100s, MIG, no nested virtualisation.
		{"Standard_ND96asr_v4", Quantity{8, true}, Yes, Yes, No, No, Unknown, Yes, Unknown, Unknown, Unknown},
		{"Standard_ND96amsr_A100_v4", Quantity{8, true}, Yes, Yes, No, No, Unknown, Yes, Unknown, Unknown, Unknown},
		{"Standard_NC24ads_A100_v4", Quantity{1, true}, Yes, Yes, No, No, Yes, Yes, No, Yes, Unknown},
		{"Standard_ND96isr_H100_v5", Quantity{8, true}, Yes, Yes, No, No, Unknown, Yes, Unknown, Unknown, Unknown},
		// GPU sizes without MIG (V100, T4, A10).
		{"Standard_NC6s_v3", Quantity{1, true}, Yes, No, No, No, Yes, Yes, No, Yes, Unknown},
		{"Standard_NC4as_T4_v3", Quantity{1, true}, Yes, No, No, No, Unknown, Yes, Unknown, Unknown, Unknown},
		{"Standard_NC16as_T4_v3", Quantity{1, true}, Yes, No, No, No, Yes, Yes, No, Yes, Unknown},
		{"Standard_NV36ads_A10_v5", Quantity{1, true}, Yes, No, No, No, Unknown, Yes, Unknown, Unknown, Unknown},
		// The Kata example's size: Gen2 and nested virtualisation.
		{"Standard_D4s_v3", Quantity{0, true}, No, No, Yes, Yes, Yes, Yes, No, Yes, Unknown},
		// The VirtualMachines example's sizes: Gen1 only, so neither Kata nor Trusted Launch.
		{"Standard_D2_v2", Quantity{0, true}, No, No, No, No, No, No, No, Unknown, Unknown},
		{"Standard_D2_v3", Quantity{0, true}, No, No, Yes, No, No, No, No, Unknown, Unknown},
		// Most examples' size: Trusted Launch yes, nested virtualisation no.
		{"Standard_DS2_v2", Quantity{0, true}, No, No, No, No, Yes, Yes, No, Unknown, Unknown},
		{"Standard_DS1_v2", Quantity{0, true}, No, No, No, No, Unknown, Yes, Unknown, Unknown, Unknown},
		// Ultra SSD recorded per zone in eastus, not regionally.
		{"Standard_D8s_v3", Quantity{0, true}, No, No, Yes, Yes, Unknown, Yes, Unknown, No, Yes},
		// TrustedLaunchDisabled=True in the capture.
		{"Standard_M8-2ms", Quantity{0, true}, No, No, Unknown, Unknown, No, Yes, No, Yes, Unknown},
		{"Standard_D16plds_v5", Quantity{0, true}, No, No, Unknown, Unknown, No, Yes, No, Yes, Unknown},
		// UltraSSDAvailable=False in the capture.
		{"Standard_D128ds_v6", Quantity{0, true}, No, No, Unknown, Unknown, Yes, Yes, No, No, Unknown},
	}
	for _, tt := range tests {
		t.Run(tt.size, func(t *testing.T) {
			s := mustLookup(t, tt.size)
			got := []any{s.GPUs, s.IsGPU(), s.MIG, s.NestedVirtualization, s.KataVMIsolation(),
				s.TrustedLaunch, s.SupportsGen2(), s.CapacityReservation, s.UltraSSD("eastus", ""), s.UltraSSD("East US", "1")}
			want := []any{tt.gpus, tt.gpu, tt.mig, tt.nested, tt.kata, tt.trustedLaunch, tt.gen2, tt.crg, tt.ultraRegional, tt.ultraZone1}
			names := []string{"GPUs", "IsGPU", "MIG", "NestedVirtualization", "KataVMIsolation",
				"TrustedLaunch", "SupportsGen2", "CapacityReservation", "UltraSSD(eastus, \"\")", "UltraSSD(eastus, 1)"}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("%s = %v, want %v", names[i], got[i], want[i])
				}
			}
		})
	}
}

func TestGPUInstanceProfiles(t *testing.T) {
	nd := mustLookup(t, "Standard_ND96asr_v4")
	for _, p := range []string{GPUInstanceProfileMIG1g, GPUInstanceProfileMIG2g, GPUInstanceProfileMIG3g, GPUInstanceProfileMIG4g, "mig7g"} {
		if got := nd.SupportsGPUInstanceProfile(p); got != Yes {
			t.Errorf("Standard_ND96asr_v4 %s = %v, want yes", p, got)
		}
	}
	if got := nd.SupportsGPUInstanceProfile("MIG5g"); got != No {
		t.Errorf("Standard_ND96asr_v4 MIG5g = %v, want no", got)
	}
	if nd.GPUModel != "NVIDIA A100" {
		t.Errorf("GPU model = %q", nd.GPUModel)
	}
	if got := mustLookup(t, "Standard_NC6s_v3").SupportsGPUInstanceProfile("MIG1g"); got != No {
		t.Errorf("V100 size MIG1g = %v, want no", got)
	}
	if got := mustLookup(t, "Standard_DS2_v2").SupportsGPUInstanceProfile("MIG1g"); got != No {
		t.Errorf("a size without GPUs MIG1g = %v, want no", got)
	}
	// A GPU size the documented features don't cover: unknown, never a refusal.
	other := fromSKU(skudata.SKU{Name: "Standard_ND40rs_v2", Capabilities: []skudata.Capability{{Name: "GPUs", Value: "8"}}}, true)
	if other.MIG != Unknown || other.SupportsGPUInstanceProfile("MIG1g") != Unknown || other.IsGPU() != Yes {
		t.Errorf("undocumented GPU size: MIG %v, profile %v, GPU %v", other.MIG, other.SupportsGPUInstanceProfile("MIG1g"), other.IsGPU())
	}
	// GPUs marked unknown: GPU and MIG unknown.
	gap := fromSKU(skudata.SKU{Name: "Standard_X", Unknown: []string{"GPUs"}}, false)
	if gap.IsGPU() != Unknown || gap.MIG != Unknown {
		t.Errorf("GPUs unknown: GPU %v MIG %v", gap.IsGPU(), gap.MIG)
	}
	// Live sizes get the documented facts the API doesn't report.
	live := fromSKU(skudata.SKU{Name: "standard_nd96asr_v4", Capabilities: []skudata.Capability{{Name: "GPUs", Value: "8"}}}, true)
	if live.MIG != Yes || live.NestedVirtualization != No || !slices.Contains(live.GPUInstanceProfiles, "MIG7g") {
		t.Errorf("live Standard_ND96asr_v4: MIG %v nested %v profiles %v", live.MIG, live.NestedVirtualization, live.GPUInstanceProfiles)
	}
}

func TestTrustedLaunchReadsGenerationsAndTrustedLaunchDisabled(t *testing.T) {
	capsOf := func(kv ...string) []skudata.Capability {
		var out []skudata.Capability
		for i := 0; i < len(kv); i += 2 {
			out = append(out, skudata.Capability{Name: kv[i], Value: kv[i+1]})
		}
		return out
	}
	tests := []struct {
		name    string
		caps    []skudata.Capability
		unknown []string
		want    Tristate
	}{
		{"gen2, capability absent", capsOf("HyperVGenerations", "V1,V2"), nil, Yes},
		{"gen2, disabled False", capsOf("HyperVGenerations", "V2", "TrustedLaunchDisabled", "False"), nil, Yes},
		{"gen2, disabled True", capsOf("HyperVGenerations", "V2", "TrustedLaunchDisabled", "True"), nil, No},
		{"gen1 only", capsOf("HyperVGenerations", "V1"), nil, No},
		{"gen1 only, capability not settled", capsOf("HyperVGenerations", "V1"), []string{"TrustedLaunchDisabled"}, No},
		{"gen2, capability not settled", capsOf("HyperVGenerations", "V1,V2"), []string{"TrustedLaunchDisabled"}, Unknown},
		{"generations unknown", nil, nil, Unknown},
		{"odd value", capsOf("HyperVGenerations", "V2", "TrustedLaunchDisabled", "maybe"), nil, Unknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := fromSKU(skudata.SKU{Name: "Standard_Test", Capabilities: tt.caps, Unknown: tt.unknown}, false)
			if s.TrustedLaunch != tt.want {
				t.Errorf("TrustedLaunch = %v, want %v", s.TrustedLaunch, tt.want)
			}
		})
	}
}

// A live answer always carries zone details, so zones it doesn't list don't offer Ultra SSD.
func TestUltraSSDFromLiveZoneDetails(t *testing.T) {
	ultra := []skudata.Capability{{Name: "UltraSSDAvailable", Value: "True"}}
	sku := skudata.SKU{
		Name: "Standard_E4s_v5",
		LocationInfo: []skudata.LocationInfo{{
			Location: "eastus2",
			Zones:    []string{"1", "2", "3"},
			ZoneDetails: []skudata.ZoneDetails{
				{Name: []string{"2", "1"}, Capabilities: ultra},
				{Name: []string{"3"}, Capabilities: []skudata.Capability{{Name: "UltraSSDAvailable", Value: "False"}}},
			},
		}},
	}
	s := fromSKU(sku, true)
	checks := []struct {
		what      string
		got, want Tristate
	}{
		{"zone 1", s.UltraSSD("East US 2", "1"), Yes},
		{"zone 2", s.UltraSSD("eastus2", "2"), Yes},
		{"zone 3 (False)", s.UltraSSD("eastus2", "3"), No},
		{"regional (capability absent)", s.UltraSSD("eastus2", ""), No},
		{"zones 1,2", s.UltraSSDInZones("eastus2", []string{"1", "2"}), Yes},
		{"zones 1,3", s.UltraSSDInZones("eastus2", []string{"1", "3"}), No},
		{"no zones = regional", s.UltraSSDInZones("eastus2", nil), No},
		{"any zone", s.UltraSSDAnyZone("eastus2"), Yes},
		{"another location", s.UltraSSD("westus", "1"), Unknown},
		{"another location, any zone", s.UltraSSDAnyZone("westus"), Unknown},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.what, c.got, c.want)
		}
	}
	if got := s.UltraSSDZones["eastus2"]; !slices.Equal(got, []string{"1", "2"}) {
		t.Errorf("UltraSSDZones = %v", got)
	}

	regional := fromSKU(skudata.SKU{
		Name:         "Standard_E4s_v5",
		LocationInfo: []skudata.LocationInfo{{Location: "westus", Zones: []string{}}},
		Capabilities: ultra,
	}, true)
	if regional.UltraSSD("westus", "") != Yes || regional.UltraSSDAnyZone("westus") != No || regional.UltraSSD("westus", "1") != No {
		t.Errorf("regional-only size: regional %v, any zone %v, zone 1 %v",
			regional.UltraSSD("westus", ""), regional.UltraSSDAnyZone("westus"), regional.UltraSSD("westus", "1"))
	}
}

// A source that didn't record zone details or the regional capability leaves them unknown.
func TestUltraSSDUnknownWhereTheSourceIsSilent(t *testing.T) {
	s := fromSKU(skudata.SKU{
		Name:         "Standard_D4s_v3",
		LocationInfo: []skudata.LocationInfo{{Location: "southcentralus", Zones: []string{"1", "2", "3"}}},
		Unknown:      []string{skudata.UnknownZoneDetails, "UltraSSDAvailable"},
	}, false)
	if s.UltraSSD("southcentralus", "1") != Unknown || s.UltraSSD("southcentralus", "") != Unknown ||
		s.UltraSSDInZones("southcentralus", []string{"1", "2"}) != Unknown || s.UltraSSDAnyZone("southcentralus") != Unknown {
		t.Errorf("expected unknown everywhere: %+v", s.Hardware)
	}
	// Where zone details were recorded, a zone they don't list doesn't offer it.
	mixed := Size{Hardware: Hardware{UltraSSDZones: map[string][]string{"eastus": {"1"}}}}
	if got := mixed.UltraSSDInZones("eastus", []string{"1", "2"}); got != No {
		t.Errorf("zones 1,2 with only 1 offering = %v, want no", got)
	}
}

func TestTristateAnd(t *testing.T) {
	tests := []struct{ a, b, want Tristate }{
		{Yes, Yes, Yes}, {Yes, No, No}, {No, Unknown, No}, {Unknown, No, No},
		{Yes, Unknown, Unknown}, {Unknown, Unknown, Unknown}, {No, No, No},
	}
	for _, tt := range tests {
		if got := tt.a.And(tt.b); got != tt.want {
			t.Errorf("%v.And(%v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
