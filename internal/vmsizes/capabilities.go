package vmsizes

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

// skuCapabilities reads typed values out of a SKU's capability strings, so
// that fromSKU states only which capability fills which field and how.
type skuCapabilities struct {
	sku skudata.SKU
}

// unknown reports whether the source marked the capability as not settled.
func (c skuCapabilities) unknown(name string) bool {
	return slices.ContainsFunc(c.sku.Unknown, func(u string) bool { return strings.EqualFold(u, name) })
}

// capability returns the raw value; a capability marked unknown reads as absent.
func (c skuCapabilities) capability(name string) (string, bool) {
	if c.unknown(name) {
		return "", false
	}
	return c.sku.Capability(name)
}

// integer reads a non-negative whole number and scales it by unit (bytes per
// the capability's unit). absentIsZero makes an absent, not unknown, capability
// a known zero. A malformed or overflowing figure is unknown.
func (c skuCapabilities) integer(name string, unit int64, absentIsZero bool) Quantity {
	v, ok := c.capability(name)
	if !ok {
		return Quantity{Known: absentIsZero && !c.unknown(name)}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || n < 0 || n > math.MaxInt64/unit {
		return Quantity{}
	}
	return Quantity{Value: n * unit, Known: true}
}

// tristate reads "True"/"False" in any case; anything else is Unknown.
func (c skuCapabilities) tristate(name string) Tristate {
	v, ok := c.capability(name)
	switch {
	case !ok:
		return Unknown
	case strings.EqualFold(v, "True"):
		return Yes
	case strings.EqualFold(v, "False"):
		return No
	}
	return Unknown
}

// tristateAbsentNo is tristate for capabilities the API lists only when they
// hold: absent (and not marked unknown) is No.
func (c skuCapabilities) tristateAbsentNo(name string) Tristate {
	if _, ok := c.capability(name); !ok && !c.unknown(name) {
		return No
	}
	return c.tristate(name)
}

// list reads a comma-separated list, dropping empty items; nil when absent or empty.
func (c skuCapabilities) list(name string) []string {
	v, ok := c.capability(name)
	if !ok || strings.TrimSpace(v) == "" {
		return nil
	}
	var out []string
	for _, part := range strings.Split(v, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// memoryGB reads MemoryGB, which may be fractional; known is false when absent or malformed.
func (c skuCapabilities) memoryGB() (gb float64, known bool) {
	v, ok := c.capability(capMemoryGB)
	if !ok {
		return 0, false
	}
	if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && f >= 0 {
		return f, true
	}
	return 0, false
}

// architecture returns the CPU architecture in the catalogue's spelling, or ""
// when absent (an absent capability reads as "") or not one the rules know.
func (c skuCapabilities) architecture() string {
	v, _ := c.capability(capArchitecture)
	switch {
	case strings.EqualFold(v, ArchitectureX64):
		return ArchitectureX64
	case strings.EqualFold(v, ArchitectureArm64):
		return ArchitectureArm64
	}
	return ""
}

// zonesByLocation copies the zones of each location, keyed by normalised location.
func zonesByLocation(infos []skudata.LocationInfo) map[string][]string {
	zones := map[string][]string{}
	for _, li := range infos {
		loc := skudata.NormalizeLocation(li.Location)
		zones[loc] = append([]string(nil), li.Zones...)
	}
	return zones
}

// restrictionsByLocation maps each location closed to the subscription to the reason code.
func restrictionsByLocation(restrictions []skudata.Restriction) map[string]string {
	closed := map[string]string{}
	for _, r := range restrictions {
		// Zone restrictions only close some zones; only a Location restriction closes the size.
		if !strings.EqualFold(r.Type, "Location") {
			continue
		}
		reason := r.ReasonCode
		if reason == "" {
			reason = "restricted"
		}
		for _, v := range r.Values {
			closed[skudata.NormalizeLocation(v)] = reason
		}
	}
	return closed
}
