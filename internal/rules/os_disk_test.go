package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckOSDiskSizeRange(t *testing.T) {
	for _, ok := range []int64{30, 128, 2048} {
		expectDiags(t, checkOSDiskSizeRange(path.Empty(), with(userPool(), func(p *Pool) { p.OSDiskSizeGB = num(ok) })))
	}
	expectDiags(t, checkOSDiskSizeRange(path.Empty(), with(userPool(), func(p *Pool) { p.OSDiskSizeGB = num(29) })),
		errAt("os_disk_size_gb", "OS disk smaller than the AKS image", "os_disk_size_gb = 29", "30 GB", "30 or more"))
	expectDiags(t, checkOSDiskSizeRange(path.Empty(), with(userPool(), func(p *Pool) { p.OSDiskSizeGB = num(2049) })),
		errAt("os_disk_size_gb", "OS disk larger than AKS allows", "2048"))
	expectDiags(t, checkOSDiskSizeRange(path.Empty(), with(userPool(), func(p *Pool) { p.OSDiskSizeGB = types.Int64Unknown() })))
}
