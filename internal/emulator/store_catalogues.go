package emulator

import (
	"sort"
	"strconv"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"

	"github.com/aksforge/terraform-provider-aks/internal/emulator/aksrules"
	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

// The read-only catalogues the store consults: the Kubernetes versions (from
// the seed), the latest node image per OS SKU and the VM sizes per location
// (from internal/skudata).

// parseVersion reads "1.33.3" (or "v1.33.3"); ok is false for anything else.
func parseVersion(v string) ([3]int, bool) {
	var out [3]int
	parts := strings.Split(strings.TrimPrefix(v, "v"), ".")
	if len(parts) != 3 {
		return out, false
	}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return out, false
		}
		out[i] = n
	}
	return out, true
}

// parseMinor reads "1.33" or "1.33.3" into major and minor.
func parseMinor(v string) (major, minor int, ok bool) {
	parts := strings.Split(strings.TrimPrefix(v, "v"), ".")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, 0, false
	}
	a, err1 := strconv.Atoi(parts[0])
	b, err2 := strconv.Atoi(parts[1])
	return a, b, err1 == nil && err2 == nil
}

func compareVersions(a, b [3]int) int {
	for i := range a {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// catalogue returns the seeded versions sorted ascending.
func (db *store) catalogue() []SeedKubernetesVersion {
	out := append([]SeedKubernetesVersion(nil), db.seed.KubernetesVersions...)
	sort.Slice(out, func(i, j int) bool {
		a, _ := parseVersion(out[i].Version)
		b, _ := parseVersion(out[j].Version)
		return compareVersions(a, b) < 0
	})
	return out
}

// rulesVersions is the catalogue as aksrules.World wants it.
func (db *store) rulesVersions() []aksrules.KubernetesVersion {
	var out []aksrules.KubernetesVersion
	for _, v := range db.catalogue() {
		out = append(out, aksrules.KubernetesVersion{Version: v.Version, IsPreview: v.IsPreview, IsDefault: v.IsDefault})
	}
	return out
}

// resolveVersion turns a "1.33" alias into the newest GA patch of that minor
// (or the newest preview one when the minor has no GA patch); a full version
// is returned as it is.
func (db *store) resolveVersion(v string) string {
	if _, ok := parseVersion(v); ok || v == "" {
		return v
	}
	major, minor, ok := parseMinor(v)
	if !ok {
		return v
	}
	best, bestPreview := "", ""
	for _, kv := range db.catalogue() {
		p, _ := parseVersion(kv.Version)
		if p[0] == major && p[1] == minor {
			if kv.IsPreview {
				bestPreview = kv.Version
			} else {
				best = kv.Version
			}
		}
	}
	if best != "" {
		return best
	}
	if bestPreview != "" {
		return bestPreview
	}
	return v
}

// upgradesFrom lists the catalogue versions a control plane at v may move to:
// newer patches of its minor and the patches of the next minor (minors can't be skipped).
func (db *store) upgradesFrom(v string) []SeedKubernetesVersion {
	cur, ok := parseVersion(db.resolveVersion(v))
	if !ok {
		return nil
	}
	var out []SeedKubernetesVersion
	for _, kv := range db.catalogue() {
		p, _ := parseVersion(kv.Version)
		if compareVersions(p, cur) > 0 && p[0] == cur[0] && p[1] <= cur[1]+1 {
			out = append(out, kv)
		}
	}
	return out
}

// latestNodeImage returns the newest node image of an OS SKU (aksrules.World.LatestNodeImage).
// The caller holds db.mu.
func (db *store) latestNodeImage(osType, osSKU string) string {
	sku := strings.ToLower(osSKU)
	if sku == "" {
		sku = "ubuntu"
		if strings.EqualFold(osType, "Windows") {
			sku = "windows2022"
		}
	}
	if v, ok := db.state.NodeImages[sku]; ok {
		return v
	}
	if strings.EqualFold(osType, "Windows") || strings.HasPrefix(sku, "windows") {
		return db.state.NodeImages["windows2022"]
	}
	return db.state.NodeImages["ubuntu"]
}

func (db *store) resolveVersionPtr(v *string) *string {
	if v == nil {
		return nil
	}
	return to.Ptr(db.resolveVersion(*v))
}

// poolUpgrades lists the versions a pool at v may move to: newer, and not past the control plane.
func (db *store) poolUpgrades(v string, controlPlane [3]int) []SeedKubernetesVersion {
	cur, ok := parseVersion(v)
	if !ok {
		return nil
	}
	var out []SeedKubernetesVersion
	for _, kv := range db.catalogue() {
		p, _ := parseVersion(kv.Version)
		if compareVersions(p, cur) > 0 && compareVersions(p, controlPlane) <= 0 {
			out = append(out, kv)
		}
	}
	return out
}

func (db *store) offered(v string) bool {
	for _, kv := range db.seed.KubernetesVersions {
		if kv.Version == v {
			return true
		}
	}
	return false
}

// skusIn returns the VM sizes of a location by lower-cased name. The caller holds db.mu.
func (db *store) skusIn(location string) map[string]skudata.SKU {
	loc := skudata.NormalizeLocation(location)
	if m, ok := db.skuCache[loc]; ok {
		return m
	}
	m := map[string]skudata.SKU{}
	skus, err := skudata.ForLocation(loc)
	if err == nil {
		for _, sku := range skus {
			if strings.EqualFold(sku.ResourceType, "virtualMachines") {
				m[strings.ToLower(sku.Name)] = sku
			}
		}
	}
	db.skuCache[loc] = m
	return m
}
