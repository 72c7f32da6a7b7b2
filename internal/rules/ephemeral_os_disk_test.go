package rules

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

func ephemeralPool(size string, gb int64) Pool {
	p := Pool{Name: str("ephpool"), VMSize: str(size), OSDiskType: str("Ephemeral")}
	if gb > 0 {
		p.OSDiskSizeGB = num(gb)
	}
	return p
}

func TestCheckEphemeralOSDisk(t *testing.T) {
	ctx := context.Background()
	sizes := vmsizes.Embedded()
	tests := []struct {
		name  string
		pool  Pool
		wants []want
	}{
		// The guide's scenarios.
		{"DS3_v2 with the default 128 GB", ephemeralPool("Standard_DS3_v2", 0), nil},
		{"DS2_v2 with the default 128 GB", ephemeralPool("Standard_DS2_v2", 0),
			[]want{errAt("os_disk_type", "Ephemeral OS disk does not fit the VM size",
				"the default OS disk of 128 GB (137438953472 bytes) that AKS uses when os_disk_size_gb is unset",
				"86 GiB (92341796864 bytes) cache disk of Standard_DS2_v2",
				"set os_disk_size_gb to 86 or less", `use os_disk_type = "Managed"`, "Standard_DS3_v2 (172 GiB cache disk)")}},
		{"DS2_v2 with 128 written out", ephemeralPool("Standard_DS2_v2", 128),
			[]want{errAt("os_disk_size_gb", "Ephemeral OS disk does not fit the VM size",
				"os_disk_size_gb = 128 (137438953472 bytes) does not fit the 86 GiB (92341796864 bytes) cache disk of Standard_DS2_v2")}},
		{"DS2_v2 with 60 GB", ephemeralPool("Standard_DS2_v2", 60), nil},
		{"DS2_v2 with 86 GB, the byte-exact edge", ephemeralPool("Standard_DS2_v2", 86), nil},
		{"DS2_v2 with 87 GB", ephemeralPool("Standard_DS2_v2", 87),
			[]want{errAt("os_disk_size_gb", "Ephemeral OS disk does not fit the VM size", "os_disk_size_gb = 87 (93415538688 bytes)")}},
		// Temporary disk placement, and suggestions that keep the architecture.
		{"D2pds_v5 (Arm64, 75 GiB temp)", ephemeralPool("Standard_D2pds_v5", 0),
			[]want{errAt("os_disk_type", "Ephemeral OS disk does not fit the VM size", "75 GiB (80530636800 bytes) temporary disk of Standard_D2pds_v5", "Standard_D4pds_v5 (150 GiB temporary disk)")}},
		{"D8ds_v5 (300 GiB temp)", ephemeralPool("Standard_D8ds_v5", 256), nil},
		// NVMe placement.
		{"D2pds_v6 (110 GiB NVMe)", ephemeralPool("Standard_D2pds_v6", 111),
			[]want{errAt("os_disk_size_gb", "Ephemeral OS disk does not fit the VM size", "110 GiB (118111600640 bytes) NVMe disk of Standard_D2pds_v6")}},
		{"D2pds_v6 with 100 GB", ephemeralPool("Standard_D2pds_v6", 100), nil},
		// The platform's cap.
		{"D128ds_v6 above 2040 GiB", ephemeralPool("Standard_D128ds_v6", 2048),
			[]want{errAt("os_disk_size_gb", "Ephemeral OS disk larger than the platform allows", "2040 GiB")}},
		// No support, unknown support.
		{"D2s_v5 has no ephemeral support", ephemeralPool("Standard_D2s_v5", 0),
			[]want{errAt("os_disk_type", "VM size does not support ephemeral OS disks", "Standard_D2s_v5 does not support ephemeral OS disks",
				"from Microsoft's VM size documentation", `use os_disk_type = "Managed"`, "Standard_DS3_v2 (172 GiB cache disk)")}},
		{"E4s_v3 support unknown", ephemeralPool("Standard_E4s_v3", 0),
			[]want{warnAt("os_disk_type", "Ephemeral OS disk support not confirmed", "does not settle whether Standard_E4s_v3 supports ephemeral OS disks")}},
		// Not ephemeral, or not yet known.
		{"managed", with(ephemeralPool("Standard_DS2_v2", 0), func(p *Pool) { p.OSDiskType = str("Managed") }), nil},
		{"unset type", with(ephemeralPool("Standard_D2s_v5", 0), func(p *Pool) { p.OSDiskType = types.StringNull() }), nil},
		{"unknown type", with(ephemeralPool("Standard_DS2_v2", 0), func(p *Pool) { p.OSDiskType = types.StringUnknown() }), nil},
		{"unknown size", with(ephemeralPool("Standard_DS2_v2", 0), func(p *Pool) { p.OSDiskSizeGB = types.Int64Unknown() }), nil},
		{"out of range is the range rule's", ephemeralPool("Standard_DS2_v2", 20), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			size := embeddedSize(t, tt.pool.VMSize.ValueString())
			expectDiags(t, checkEphemeralOSDisk(ctx, path.Empty(), tt.pool, size, sizes, "eastus"), tt.wants...)
		})
	}
}

func TestEphemeralSuggestionsKeepTheArchitecture(t *testing.T) {
	ctx := context.Background()
	d := checkEphemeralOSDisk(ctx, path.Empty(), ephemeralPool("Standard_D2pds_v5", 200), embeddedSize(t, "Standard_D2pds_v5"), vmsizes.Embedded(), "eastus")
	if len(d) != 1 {
		t.Fatalf("want one error, got %v", d)
	}
	fix := d[0].Detail()[strings.Index(d[0].Detail(), "Fix: "):]
	for _, name := range []string{"Standard_D8pds_v5", "Standard_D4pds_v6"} {
		if !strings.Contains(fix, name) {
			t.Errorf("fix should name the Arm64 size %s: %s", name, fix)
		}
	}
	for _, s := range vmsizes.Embedded().Sizes(ctx, "eastus") {
		if !s.IsArm64() && strings.Contains(fix, s.Name+" ") {
			t.Errorf("fix names the x64 size %s for an Arm64 pool: %s", s.Name, fix)
		}
	}
}

func TestEphemeralWithoutRoomToShrink(t *testing.T) {
	// A size whose placement is under 30 GB can't be fixed by a smaller disk.
	tiny := vmsizes.Size{Name: "Standard_Tiny", Architecture: "x64", EphemeralOSDisk: vmsizes.Yes,
		CacheBytes: vmsizes.Quantity{Value: 20 * vmsizes.GiB, Known: true}, NVMeBytes: vmsizes.Quantity{Known: true}, TempDiskBytes: vmsizes.Quantity{Known: true}}
	d := checkEphemeralOSDisk(context.Background(), path.Empty(), ephemeralPool("Standard_Tiny", 30), tiny, vmsizes.Embedded(), "eastus")
	expectDiags(t, d, errAt("os_disk_size_gb", "Ephemeral OS disk does not fit the VM size", "20 GiB", `use os_disk_type = "Managed"`))
	if strings.Contains(d[0].Detail(), "or less") {
		t.Errorf("must not suggest a disk under 30 GB: %s", d[0].Detail())
	}
}
