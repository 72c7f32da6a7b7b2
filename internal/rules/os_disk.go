package rules

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// OS disk size limits in GB: "the minimum size for AKS images is 30 GB" (the
// guide), and the API's maximum for osDiskSizeGB.
const (
	MinOSDiskSizeGB = 30
	MaxOSDiskSizeGB = 2048
)

// checkOSDiskSizeRange: os_disk_size_gb between 30 (the smallest AKS image) and 2048 (the API's maximum).
func checkOSDiskSizeRange(base path.Path, p Pool) diag.Diagnostics {
	if !isSet(p.OSDiskSizeGB) {
		return nil
	}
	gb := p.OSDiskSizeGB.ValueInt64()
	at := base.AtName("os_disk_size_gb")
	switch {
	case gb < MinOSDiskSizeGB:
		return diag.Diagnostics{ruleError(at, "OS disk smaller than the AKS image",
			explain(fmt.Sprintf("%s = %d.", shown(at), gb),
				"the minimum size for AKS images is 30 GB, for managed and ephemeral OS disks alike",
				sourceGuideEphemeral,
				fmt.Sprintf("set %s to 30 or more, or remove it to use AKS's default.", shown(at))))}
	case gb > MaxOSDiskSizeGB:
		return diag.Diagnostics{ruleError(at, "OS disk larger than AKS allows",
			explain(fmt.Sprintf("%s = %d.", shown(at), gb),
				"osDiskSizeGB is at most 2048",
				sourceAPI+", osDiskSizeGB",
				fmt.Sprintf("set %s to 2048 or less.", shown(at))))}
	}
	return nil
}
