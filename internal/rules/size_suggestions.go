package rules

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// How many other VM sizes a fix suggests.
const suggestedSizes = 3

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
