package rules

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

func TestCheckKubeletDiskType(t *testing.T) {
	ctx := context.Background()
	temp := func(size string) Pool {
		return Pool{Name: str("p"), VMSize: str(size), KubeletDiskType: str("Temporary")}
	}
	tests := []struct {
		name  string
		pool  Pool
		wants []want
	}{
		{"temp disk", temp("Standard_D4ds_v5"), nil},
		{"cache and temp", temp("Standard_DS2_v2"), nil},
		{"nvme only", temp("Standard_D2pds_v6"), nil},
		{"no local disk", temp("Standard_D2s_v5"),
			[]want{errAt("kubelet_disk_type", "VM size has no temporary disk", "Standard_D2s_v5 has no temporary (resource) or NVMe disk",
				`use kubelet_disk_type = "OS"`, "Standard_D2ads_v5 (75 GiB temporary disk)")}},
		{"os", with(temp("Standard_D2s_v5"), func(p *Pool) { p.KubeletDiskType = str("OS") }), nil},
		{"unknown", with(temp("Standard_D2s_v5"), func(p *Pool) { p.KubeletDiskType = types.StringUnknown() }), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			size := embeddedSize(t, tt.pool.VMSize.ValueString())
			expectDiags(t, checkKubeletDiskType(ctx, path.Empty(), tt.pool, size, vmsizes.Embedded(), "eastus"), tt.wants...)
		})
	}
	unknownTemp := vmsizes.Size{Name: "Standard_X", TempDiskBytes: vmsizes.Quantity{}, NVMeBytes: vmsizes.Quantity{Known: true}}
	expectDiags(t, checkKubeletDiskType(ctx, path.Empty(), temp("Standard_X"), unknownTemp, vmsizes.Embedded(), "eastus"))
}
