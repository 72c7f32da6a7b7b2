package rules

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// checkKubeletDiskType: kubelet_disk_type = "Temporary" puts kubelet's data
// on the temporary disk, so the size must have local temporary storage (a
// temporary or NVMe disk). Only refused when the catalogue knows the size has neither.
func checkKubeletDiskType(ctx context.Context, base path.Path, p Pool, size vmsizes.Size, sizes *vmsizes.Catalogue, location string) diag.Diagnostics {
	if anyUnknown(p.KubeletDiskType) || stringOr(p.KubeletDiskType, "") != KubeletDiskTypeTemporary {
		return nil
	}
	if !size.TempDiskBytes.Known || !size.NVMeBytes.Known || size.TempDiskBytes.Value > 0 || size.NVMeBytes.Value > 0 {
		return nil
	}
	at := base.AtName("kubelet_disk_type")
	fix := fmt.Sprintf(`use %s = "OS"`, shown(at))
	if others := sizesWithTempDisk(ctx, sizes, location, size); others != "" {
		fix += ", or pick a size with a temporary disk, such as " + others
	}
	return diag.Diagnostics{ruleError(at, "VM size has no temporary disk",
		explain(fmt.Sprintf(`%s = "Temporary", but %s has no temporary (resource) or NVMe disk.`, shown(at), size.Name),
			`kubelet_disk_type = "Temporary" places emptyDir volumes, the container runtime's data and kubelet's ephemeral storage on the VM's temporary disk, which the size must have`,
			sourceKubeletDisk,
			fix+"."))}
}
