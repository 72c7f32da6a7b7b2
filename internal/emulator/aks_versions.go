package emulator

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/emulator/aksrules"
)

// The Kubernetes versions catalogue (from the seed) and node images.

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
func (s *Server) catalogue() []SeedKubernetesVersion {
	out := append([]SeedKubernetesVersion(nil), s.seed.KubernetesVersions...)
	sort.Slice(out, func(i, j int) bool {
		a, _ := parseVersion(out[i].Version)
		b, _ := parseVersion(out[j].Version)
		return compareVersions(a, b) < 0
	})
	return out
}

// rulesVersions is the catalogue as aksrules.World wants it.
func (s *Server) rulesVersions() []aksrules.KubernetesVersion {
	var out []aksrules.KubernetesVersion
	for _, v := range s.catalogue() {
		out = append(out, aksrules.KubernetesVersion{Version: v.Version, IsPreview: v.IsPreview, IsDefault: v.IsDefault})
	}
	return out
}

// resolveVersion turns a "1.33" alias into the newest GA patch of that minor
// (or the newest preview one when the minor has no GA patch); a full version
// is returned as it is.
func (s *Server) resolveVersion(v string) string {
	if _, ok := parseVersion(v); ok || v == "" {
		return v
	}
	major, minor, ok := parseMinor(v)
	if !ok {
		return v
	}
	best, bestPreview := "", ""
	for _, kv := range s.catalogue() {
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
func (s *Server) upgradesFrom(v string) []SeedKubernetesVersion {
	cur, ok := parseVersion(s.resolveVersion(v))
	if !ok {
		return nil
	}
	var out []SeedKubernetesVersion
	for _, kv := range s.catalogue() {
		p, _ := parseVersion(kv.Version)
		if compareVersions(p, cur) > 0 && p[0] == cur[0] && p[1] <= cur[1]+1 {
			out = append(out, kv)
		}
	}
	return out
}

// handleKubernetesVersions answers GET .../locations/{location}/kubernetesVersions.
func (s *Server) handleKubernetesVersions(q *request) {
	type minorGroup struct {
		minor   string
		patches []SeedKubernetesVersion
	}
	var groups []*minorGroup
	for _, kv := range s.catalogue() {
		p, _ := parseVersion(kv.Version)
		m := fmt.Sprintf("%d.%d", p[0], p[1])
		if len(groups) == 0 || groups[len(groups)-1].minor != m {
			groups = append(groups, &minorGroup{minor: m})
		}
		g := groups[len(groups)-1]
		g.patches = append(g.patches, kv)
	}
	result := armcontainerservice.KubernetesVersionListResult{Values: []*armcontainerservice.KubernetesVersion{}}
	for _, g := range groups {
		kv := &armcontainerservice.KubernetesVersion{
			Version:       to.Ptr(g.minor),
			PatchVersions: map[string]*armcontainerservice.KubernetesPatchVersion{},
			Capabilities: &armcontainerservice.KubernetesVersionCapabilities{
				SupportPlan: []*armcontainerservice.KubernetesSupportPlan{to.Ptr(armcontainerservice.KubernetesSupportPlanKubernetesOfficial)},
			},
		}
		allPreview, lts := true, false
		for _, p := range g.patches {
			if p.IsDefault {
				kv.IsDefault = to.Ptr(true)
			}
			allPreview = allPreview && p.IsPreview
			lts = lts || p.LTS
			upgrades := []*string{}
			for _, u := range s.upgradesFrom(p.Version) {
				upgrades = append(upgrades, to.Ptr(u.Version))
			}
			kv.PatchVersions[p.Version] = &armcontainerservice.KubernetesPatchVersion{Upgrades: upgrades}
		}
		if allPreview {
			kv.IsPreview = to.Ptr(true)
		}
		if lts {
			kv.Capabilities.SupportPlan = append(kv.Capabilities.SupportPlan, to.Ptr(armcontainerservice.KubernetesSupportPlanAKSLongTermSupport))
		}
		result.Values = append(result.Values, kv)
	}
	writeJSON(q, http.StatusOK, result)
}

// latestNodeImage returns the newest node image of an OS SKU (aksrules.World.LatestNodeImage).
// The caller holds s.mu.
func (s *Server) latestNodeImage(osType, osSKU string) string {
	sku := strings.ToLower(osSKU)
	if sku == "" {
		sku = "ubuntu"
		if strings.EqualFold(osType, "Windows") {
			sku = "windows2022"
		}
	}
	if v, ok := s.st.NodeImages[sku]; ok {
		return v
	}
	if strings.EqualFold(osType, "Windows") || strings.HasPrefix(sku, "windows") {
		return s.st.NodeImages["windows2022"]
	}
	return s.st.NodeImages["ubuntu"]
}
