package rules

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// How many other VM sizes a fix suggests.
const suggestedSizes = 3

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

// sizesThatFit names up to three other sizes of the same CPU architecture,
// usable in location, whose ephemeral placement holds need bytes: the same
// series first, then the smallest.
func sizesThatFit(ctx context.Context, sizes *vmsizes.Catalogue, location string, current vmsizes.Size, need int64) string {
	return suggest(ctx, sizes, location, current, func(s vmsizes.Size) (string, bool) {
		capacity, placement, known := s.MaxEphemeralOSDisk()
		if !known || s.EphemeralOSDisk != vmsizes.Yes || capacity < need {
			return "", false
		}
		return fmt.Sprintf("%s (%s %s)", s.Name, gib(capacity), placementNames[placement]), true
	})
}

// sizesWithTempDisk names up to three other sizes of the same CPU
// architecture, usable in location, with a temporary disk.
func sizesWithTempDisk(ctx context.Context, sizes *vmsizes.Catalogue, location string, current vmsizes.Size) string {
	return suggest(ctx, sizes, location, current, func(s vmsizes.Size) (string, bool) {
		if !s.TempDiskBytes.Known || s.TempDiskBytes.Value == 0 {
			return "", false
		}
		return fmt.Sprintf("%s (%s temporary disk)", s.Name, gib(s.TempDiskBytes.Value)), true
	})
}

// suggest lists up to three sizes for which fits is true, ranked: at least
// as large as the current size (vCPUs and memory) first, so a fix is not a
// downgrade; then the same series; then the smallest.
func suggest(ctx context.Context, sizes *vmsizes.Catalogue, location string, current vmsizes.Size, fits func(vmsizes.Size) (string, bool)) string {
	type candidate struct {
		size       vmsizes.Size
		label      string
		asLarge    bool
		sameSeries bool
	}
	series := seriesOf(current.Name)
	var candidates []candidate
	for _, s := range sizes.Sizes(ctx, location) {
		if strings.EqualFold(s.Name, current.Name) || s.RestrictionIn(location) != "" {
			continue
		}
		if current.Architecture != "" && s.Architecture != current.Architecture {
			continue
		}
		label, ok := fits(s)
		if !ok {
			continue
		}
		asLarge := s.VCPUs.Value >= current.VCPUs.Value && s.MemoryGB >= current.MemoryGB
		candidates = append(candidates, candidate{s, label, asLarge, seriesOf(s.Name) == series})
	}
	sort.SliceStable(candidates, func(i, j int) bool {
		a, b := candidates[i], candidates[j]
		if a.asLarge != b.asLarge {
			return a.asLarge
		}
		if a.sameSeries != b.sameSeries {
			return a.sameSeries
		}
		if a.size.VCPUs.Value != b.size.VCPUs.Value {
			return a.size.VCPUs.Value < b.size.VCPUs.Value
		}
		if a.size.MemoryGB != b.size.MemoryGB {
			return a.size.MemoryGB < b.size.MemoryGB
		}
		return a.size.Name < b.size.Name
	})
	var labels []string
	for _, c := range candidates[:min(len(candidates), suggestedSizes)] {
		labels = append(labels, c.label)
	}
	return strings.Join(labels, ", ")
}

// seriesOf names a size's series by blanking its first number:
// Standard_DS2_v2 and Standard_DS3_v2 are both "standard_ds#_v2".
func seriesOf(name string) string {
	lower := strings.ToLower(name)
	start := strings.IndexAny(lower, "0123456789")
	if start < 0 {
		return lower
	}
	end := start
	for end < len(lower) && lower[end] >= '0' && lower[end] <= '9' {
		end++
	}
	return lower[:start] + "#" + lower[end:]
}

// joinFixes writes "a, b, or c".
func joinFixes(fixes []string) string {
	switch len(fixes) {
	case 0:
		return ""
	case 1:
		return fixes[0]
	}
	return strings.Join(fixes[:len(fixes)-1], ", ") + ", or " + fixes[len(fixes)-1]
}
