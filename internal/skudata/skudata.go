// Package skudata holds the VM size facts shared by the provider's embedded
// catalogue and the local Azure emulator: Resource SKUs in the exact shape the
// Compute Resource SKUs API returns them.
//
// It is data, not rules. The provider and the emulator each decide on their own
// what the capabilities mean (ephemeral OS placement, architecture, ...), so
// that the emulator stays an independent referee of the provider's validators.
//
// Two sources are merged (see data/SOURCES.md):
//   - data/resource-skus.json: SKUs captured from the live API;
//   - data/documented-sizes.json: sizes the capture lacks, built from
//     Microsoft's VM size documentation.
//
// The capture wins where a size is in both. A third file,
// data/documented-features.json, adds per size what the Resource SKUs API
// does not report at all (nested virtualisation, MIG profiles); see Features.
package skudata

import (
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
)

//go:embed data/resource-skus.json data/documented-sizes.json data/documented-features.json
var files embed.FS

// Capability is one name/value pair of a SKU; every value is a string, as the API sends it.
type Capability struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// LocationInfo lists the zones a SKU is offered in, for one location.
type LocationInfo struct {
	Location string   `json:"location"`
	Zones    []string `json:"zones"`
	// ZoneDetails lists capabilities that hold only in some zones (the API
	// reports UltraSSDAvailable this way); omitted when there are none.
	ZoneDetails []ZoneDetails `json:"zoneDetails,omitempty"`
}

// ZoneDetails is one entry of locationInfo[].zoneDetails: the zones named
// share the capabilities listed (REST spec: ResourceSkuZoneDetails).
type ZoneDetails struct {
	Name         []string     `json:"name"`
	Capabilities []Capability `json:"capabilities"`
}

// RestrictionInfo names the locations and zones a restriction applies to.
type RestrictionInfo struct {
	Locations []string `json:"locations,omitempty"`
	Zones     []string `json:"zones,omitempty"`
}

// Restriction is a reason a SKU can't be used somewhere.
type Restriction struct {
	Type            string           `json:"type"`
	Values          []string         `json:"values"`
	RestrictionInfo *RestrictionInfo `json:"restrictionInfo,omitempty"`
	ReasonCode      string           `json:"reasonCode,omitempty"`
}

// SKU is one entry of the Resource SKUs API's `value` array.
type SKU struct {
	ResourceType string         `json:"resourceType"`
	Name         string         `json:"name"`
	Tier         string         `json:"tier,omitempty"`
	Size         string         `json:"size,omitempty"`
	Family       string         `json:"family,omitempty"`
	Locations    []string       `json:"locations"`
	LocationInfo []LocationInfo `json:"locationInfo"`
	Capabilities []Capability   `json:"capabilities"`
	Restrictions []Restriction  `json:"restrictions"`

	// Source says where the figures come from ("captured" or the documentation page).
	// Not part of the API answer.
	Source string `json:"-"`
	// Unknown lists capabilities the source does not settle; treat them as
	// unknown, not absent. The pseudo-name "zoneDetails" (UnknownZoneDetails)
	// means the source did not record locationInfo[].zoneDetails.
	Unknown []string `json:"-"`
	// Features holds documented facts the API does not report; nil when
	// data/documented-features.json has no entry for the size. Not part of the API answer.
	Features *Features `json:"-"`
}

// UnknownZoneDetails is the entry of SKU.Unknown saying that the source did
// not record locationInfo[].zoneDetails (so per-zone capabilities such as
// UltraSSDAvailable are unknown, not absent).
const UnknownZoneDetails = "zoneDetails"

// capUltraSSD is the capability name of Ultra SSD support, regional (top
// level) or per zone (zoneDetails).
const capUltraSSD = "UltraSSDAvailable"

// Features are facts about a size that Microsoft documents but the Resource
// SKUs API does not report, from data/documented-features.json.
type Features struct {
	// NestedVirtualization is the VM size page's "Nested Virtualization:
	// Supported / Not Supported"; nil when not recorded.
	NestedVirtualization *bool `json:"nestedVirtualization,omitempty"`
	// GPUModel names the size's GPU as the documentation does ("" when not recorded).
	GPUModel string `json:"gpuModel,omitempty"`
	// GPUInstanceProfiles lists the AKS gpuInstanceProfile values (MIG1g ...)
	// the size supports: nil when not recorded, empty when documented as none.
	GPUInstanceProfiles []string `json:"gpuInstanceProfiles"`
	// Source cites the documentation.
	Source string `json:"x-source"`
}

// IsUnknown reports whether the source marked the named capability (or
// UnknownZoneDetails) as not settled.
func (s SKU) IsUnknown(name string) bool {
	for _, u := range s.Unknown {
		if strings.EqualFold(u, name) {
			return true
		}
	}
	return false
}

// Capability returns the value of the named capability and whether it is present.
func (s SKU) Capability(name string) (string, bool) {
	for _, c := range s.Capabilities {
		if strings.EqualFold(c.Name, name) {
			return c.Value, true
		}
	}
	return "", false
}

// DefaultZones are the zones given to sizes whose source records no zones for a location.
var DefaultZones = []string{"1", "2", "3"}

type fileSKU struct {
	SKU
	XSource  string   `json:"x-source"`
	XUnknown []string `json:"x-unknown"`
}

type fileShape struct {
	Value []fileSKU `json:"value"`
}

var (
	loadOnce sync.Once
	loaded   []SKU
	loadErr  error
)

// All returns every SKU of the catalogue, sorted by name. The slice is shared: don't modify it.
func All() ([]SKU, error) {
	loadOnce.Do(func() { loaded, loadErr = load() })
	return loaded, loadErr
}

func load() ([]SKU, error) {
	byName := map[string]SKU{}
	for _, f := range []struct {
		path     string
		captured bool
	}{
		{"data/documented-sizes.json", false},
		{"data/resource-skus.json", true}, // read last: the capture wins
	} {
		raw, err := files.ReadFile(f.path)
		if err != nil {
			return nil, err
		}
		var shape fileShape
		if err := json.Unmarshal(raw, &shape); err != nil {
			return nil, fmt.Errorf("skudata: %s: %w", f.path, err)
		}
		for _, fs := range shape.Value {
			s := fs.SKU
			s.Unknown = fs.XUnknown
			s.Source = fs.XSource
			if f.captured {
				s.Source = "captured from the Resource SKUs API (see data/SOURCES.md)"
				s.Unknown = append(s.Unknown, capturedGaps(s)...)
			}
			if s.Restrictions == nil {
				s.Restrictions = []Restriction{}
			}
			byName[strings.ToLower(s.Name)] = s
		}
	}
	features, err := loadFeatures()
	if err != nil {
		return nil, err
	}
	out := make([]SKU, 0, len(byName))
	for key, s := range byName {
		if f, ok := features[key]; ok {
			s.Features = &f
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// capturedGaps lists what the capture does not settle for a SKU (see
// data/SOURCES.md): its generator drops locationInfo[].zoneDetails, and where
// a SKU has no top-level UltraSSDAvailable the capture can't tell "not in this
// region" from "not reported" (the westcentralus capture has it for no SKU,
// and regional Ultra SSD availability differs by region anyway).
func capturedGaps(s SKU) []string {
	gaps := []string{UnknownZoneDetails}
	if _, ok := s.Capability(capUltraSSD); !ok {
		gaps = append(gaps, capUltraSSD)
	}
	return gaps
}

type featuresFile struct {
	Value []struct {
		Name string `json:"name"`
		Features
	} `json:"value"`
}

// loadFeatures reads data/documented-features.json, keyed by lower-case size name.
func loadFeatures() (map[string]Features, error) {
	raw, err := files.ReadFile("data/documented-features.json")
	if err != nil {
		return nil, err
	}
	var f featuresFile
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil, fmt.Errorf("skudata: data/documented-features.json: %w", err)
	}
	out := map[string]Features{}
	for _, v := range f.Value {
		out[strings.ToLower(v.Name)] = v.Features
	}
	return out, nil
}

// ForLocation returns the catalogue as the Resource SKUs API answers for one
// location. The facts are region-independent (a size has the same disks
// everywhere), so every size is offered in every location: where the source
// recorded zones for some location, those zones are used, otherwise
// DefaultZones. Restrictions recorded for another location are dropped.
func ForLocation(location string) ([]SKU, error) {
	all, err := All()
	if err != nil {
		return nil, err
	}
	loc := NormalizeLocation(location)
	out := make([]SKU, 0, len(all))
	for _, s := range all {
		info := LocationInfo{Zones: DefaultZones}
		for _, li := range s.LocationInfo {
			if NormalizeLocation(li.Location) == loc {
				info = li
				break
			}
			if len(li.Zones) > 0 {
				info = li
			}
		}
		r := s
		r.Locations = []string{loc}
		r.LocationInfo = []LocationInfo{{
			Location:    loc,
			Zones:       append([]string{}, info.Zones...),
			ZoneDetails: copyZoneDetails(info.ZoneDetails),
		}}
		r.Restrictions = []Restriction{}
		for _, rs := range s.Restrictions {
			for _, v := range rs.Values {
				if NormalizeLocation(v) == loc {
					r.Restrictions = append(r.Restrictions, rs)
					break
				}
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// FeaturesFor returns the documented features of the named size
// (case-insensitive), for sizes known to the catalogue or not (live sizes
// carry no Features of their own: the API doesn't report them).
func FeaturesFor(name string) (Features, bool) {
	featuresOnce.Do(func() { featuresByName, featuresErr = loadFeatures() })
	if featuresErr != nil {
		return Features{}, false
	}
	f, ok := featuresByName[strings.ToLower(strings.TrimSpace(name))]
	return f, ok
}

var (
	featuresOnce   sync.Once
	featuresByName map[string]Features
	featuresErr    error
)

// copyZoneDetails deep-copies zone details so that callers can't change the shared catalogue.
func copyZoneDetails(details []ZoneDetails) []ZoneDetails {
	if len(details) == 0 {
		return nil
	}
	out := make([]ZoneDetails, len(details))
	for i, d := range details {
		out[i] = ZoneDetails{
			Name:         append([]string{}, d.Name...),
			Capabilities: append([]Capability{}, d.Capabilities...),
		}
	}
	return out
}

// Lookup returns the SKU with the given name (case-insensitive) from the catalogue.
func Lookup(name string) (SKU, bool) {
	all, err := All()
	if err != nil {
		return SKU{}, false
	}
	for _, s := range all {
		if strings.EqualFold(s.Name, name) {
			return s, true
		}
	}
	return SKU{}, false
}

// NormalizeLocation turns "East US" or "EastUS" into "eastus", as ARM does.
func NormalizeLocation(location string) string {
	return strings.ToLower(strings.ReplaceAll(location, " ", ""))
}
