package rules

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// placementNames turn the API's placement names into words for messages.
var placementNames = map[string]string{
	vmsizes.PlacementCacheDisk:    "cache disk",
	vmsizes.PlacementResourceDisk: "temporary disk",
	vmsizes.PlacementNvmeDisk:     "NVMe disk",
}

// checkEphemeralOSDisk: with os_disk_type = "Ephemeral", the VM size must
// support ephemeral OS disks and the OS disk (os_disk_size_gb, or AKS's
// 128 GB default) must fit where AKS places it (NVMe, else cache, else
// temporary disk), compared in bytes as AKS does (GB × 2^30).
func checkEphemeralOSDisk(ctx context.Context, base path.Path, p Pool, size vmsizes.Size, sizes *vmsizes.Catalogue, location string) diag.Diagnostics {
	if anyUnknown(p.OSDiskType, p.OSDiskSizeGB) || stringOr(p.OSDiskType, "") != OSDiskTypeEphemeral {
		return nil
	}
	typeAt, sizeAt := base.AtName("os_disk_type"), base.AtName("os_disk_size_gb")
	requestedGB, sizeSet := vmsizes.DefaultOSDiskSizeGB, isSet(p.OSDiskSizeGB)
	if sizeSet {
		requestedGB = p.OSDiskSizeGB.ValueInt64()
		if requestedGB < MinOSDiskSizeGB || requestedGB > MaxOSDiskSizeGB {
			return nil // checkOSDiskSizeRange reports it
		}
	}
	need := requestedGB * vmsizes.GiB
	requested := fmt.Sprintf("%s = %d (%d bytes)", shown(sizeAt), requestedGB, need)
	if !sizeSet {
		requested = fmt.Sprintf("the default OS disk of %d GB (%d bytes) that AKS uses when %s is unset", requestedGB, need, shown(sizeAt))
	}

	capacity, placement, known := size.MaxEphemeralOSDisk()
	if !known {
		return diag.Diagnostics{ruleWarning(typeAt, "Ephemeral OS disk support not confirmed",
			explain(fmt.Sprintf(`%s = "Ephemeral", but %s does not settle whether %s supports ephemeral OS disks or how large its local disks are, so the provider could not check that %s fits.`, shown(typeAt), size.Source, size.Name, requested),
				"an ephemeral OS disk must fit the VM size's cache, temporary or NVMe disk",
				sourceStorage,
				"nothing, if you know the size supports it; AKS checks it at apply. Otherwise use os_disk_type = \"Managed\"."))}
	}

	if size.EphemeralOSDisk == vmsizes.No {
		fix := fmt.Sprintf(`use %s = "Managed"`, shown(typeAt))
		if others := sizesThatFit(ctx, sizes, location, size, need); len(others) > 0 {
			fix += ", or pick a size that supports ephemeral OS disks and holds " + fmt.Sprintf("%d GB", requestedGB) + ", such as " + others
		}
		return diag.Diagnostics{ruleError(typeAt, "VM size does not support ephemeral OS disks",
			explain(fmt.Sprintf(`%s = "Ephemeral", but %s does not support ephemeral OS disks, according to %s.`, shown(typeAt), size.Name, size.Source),
				"ephemeral OS disks live on the VM's local cache, temporary or NVMe disk, so the VM size must support them",
				sourceStorage,
				fix+"."))}
	}

	if requestedGB > vmsizes.MaxEphemeralOSDiskGB {
		return diag.Diagnostics{ruleError(sizeAt, "Ephemeral OS disk larger than the platform allows",
			explain(fmt.Sprintf("%s is more than the %d GiB the Compute platform allows for an ephemeral OS disk.", requested, vmsizes.MaxEphemeralOSDiskGB),
				"an ephemeral OS disk can be as large as the local disk it lives on, up to 2,040 GiB",
				sourceStorage,
				fmt.Sprintf("set %s to %d or less, or use os_disk_type = \"Managed\".", shown(sizeAt), vmsizes.MaxEphemeralOSDiskGB)))}
	}

	if need <= capacity {
		return nil
	}
	where := placementNames[placement]
	var fixes []string
	if fitGB := capacity / vmsizes.GiB; fitGB >= MinOSDiskSizeGB {
		fixes = append(fixes, fmt.Sprintf("set %s to %d or less", shown(sizeAt), fitGB))
	}
	fixes = append(fixes, `use os_disk_type = "Managed"`)
	if others := sizesThatFit(ctx, sizes, location, size, need); others != "" {
		fixes = append(fixes, fmt.Sprintf("pick a size whose ephemeral OS disk placement holds %d GB, such as %s", requestedGB, others))
	}
	at := sizeAt
	if !sizeSet {
		at = typeAt // the size the user didn't write can't carry the error
	}
	return diag.Diagnostics{ruleError(at, "Ephemeral OS disk does not fit the VM size",
		explain(fmt.Sprintf("%s does not fit the %s (%d bytes) %s of %s, where AKS places ephemeral OS disks for this size.",
			requested, gib(capacity), capacity, where, size.Name),
			"with ephemeral OS, the OS disk must fit the VM's local storage: the NVMe disk where the size offers that placement, else the cache disk, else the temporary disk; AKS compares bytes (GB × 2^30)",
			sourceGuideEphemeral+"; "+sourceStorage,
			joinFixes(fixes)+"."))}
}
