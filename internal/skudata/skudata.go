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
// The capture wins where a size is in both.
package skudata

import (
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
)

//go:embed data/resource-skus.json data/documented-sizes.json
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
	// Unknown lists capabilities the source does not settle; treat them as unknown, not absent.
	Unknown []string `json:"-"`
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
			}
			if s.Restrictions == nil {
				s.Restrictions = []Restriction{}
			}
			byName[strings.ToLower(s.Name)] = s
		}
	}
	out := make([]SKU, 0, len(byName))
	for _, s := range byName {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
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
		zones := DefaultZones
		for _, li := range s.LocationInfo {
			if NormalizeLocation(li.Location) == loc {
				zones = li.Zones
				break
			}
			if len(li.Zones) > 0 {
				zones = li.Zones
			}
		}
		r := s
		r.Locations = []string{loc}
		r.LocationInfo = []LocationInfo{{Location: loc, Zones: append([]string{}, zones...)}}
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
