package vmsizes

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

// SKULister lists the virtual machine SKUs offered in one location, in the
// Resource SKUs API's shape. ComputeSKULister adapts the Azure SDK's client.
type SKULister interface {
	ListSKUs(ctx context.Context, location string) ([]skudata.SKU, error)
}

// Catalogue answers what a VM size offers. It holds the embedded facts and,
// when built with a SKULister, the sizes fetched live, cached per location for
// the life of the Catalogue. It is safe for concurrent use.
type Catalogue struct {
	lister SKULister

	embedded     map[string]Size // by lower-case name
	embeddedList []Size          // sorted by name
	embeddedErr  error

	mu         sync.Mutex
	byLocation map[string]*liveLocation
}

// liveLocation is the live answer for one location. Its mutex is held during
// the fetch, so concurrent lookups for one location cause a single fetch.
type liveLocation struct {
	mu      sync.Mutex
	fetched bool
	byName  map[string]Size
	list    []Size
	err     error
}

// New returns a catalogue of the embedded facts refreshed live through
// lister. A nil lister gives the embedded facts only.
func New(lister SKULister) *Catalogue {
	facts := loadEmbedded()
	return &Catalogue{
		lister:       lister,
		embedded:     facts.byName,
		embeddedList: facts.list,
		embeddedErr:  facts.err,
		byLocation:   map[string]*liveLocation{},
	}
}

// Embedded returns a catalogue of the embedded facts only.
func Embedded() *Catalogue { return New(nil) }

type embeddedFacts struct {
	byName map[string]Size
	list   []Size
	err    error
}

var (
	embeddedOnce sync.Once
	embeddedData embeddedFacts
)

// loadEmbedded parses internal/skudata once per process; every Catalogue
// shares the result, which is never modified.
func loadEmbedded() embeddedFacts {
	embeddedOnce.Do(func() {
		skus, err := skudata.All()
		embeddedData = embeddedFacts{byName: map[string]Size{}, err: err}
		for _, sku := range skus {
			s := fromSKU(sku, false)
			s.Source = "the provider's embedded VM size catalogue"
			if !strings.HasPrefix(sku.Source, "captured") {
				s.Source += " (from Microsoft's VM size documentation)"
			}
			embeddedData.byName[strings.ToLower(s.Name)] = s
			embeddedData.list = append(embeddedData.list, s)
		}
	})
	return embeddedData
}

// Lookup returns the named size (case-insensitive) as offered in location:
// from the live data when the catalogue has a lister and the fetch for the
// location succeeded, else from the embedded facts. ok is false when neither
// knows the size; callers then warn rather than refuse.
func (c *Catalogue) Lookup(ctx context.Context, location, name string) (Size, bool) {
	key := strings.ToLower(strings.TrimSpace(name))
	if key == "" {
		return Size{}, false
	}
	if live := c.live(ctx, location); live != nil && live.err == nil {
		if s, ok := live.byName[key]; ok {
			return s, true
		}
	}
	s, ok := c.embedded[key]
	return s, ok
}

// Sizes returns every size known for location, live sizes first replacing
// embedded ones of the same name, sorted by name. The slice is the caller's;
// the Sizes in it share their slices and maps with the catalogue: don't modify them.
func (c *Catalogue) Sizes(ctx context.Context, location string) []Size {
	out := make([]Size, 0, len(c.embeddedList))
	seen := map[string]bool{}
	if live := c.live(ctx, location); live != nil && live.err == nil {
		for _, s := range live.list {
			seen[strings.ToLower(s.Name)] = true
			out = append(out, s)
		}
	}
	for _, s := range c.embeddedList {
		if !seen[strings.ToLower(s.Name)] {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// LiveError returns why the live sizes for location could not be fetched, or
// nil when they were (or when the catalogue has no lister). A failed fetch is
// not retried: the catalogue keeps using the embedded facts for that location.
func (c *Catalogue) LiveError(ctx context.Context, location string) error {
	if c.embeddedErr != nil {
		return fmt.Errorf("the embedded VM size catalogue could not be read: %w", c.embeddedErr)
	}
	if live := c.live(ctx, location); live != nil {
		return live.err
	}
	return nil
}

// HasLister reports whether the catalogue refreshes sizes live.
func (c *Catalogue) HasLister() bool { return c != nil && c.lister != nil }

// live returns the live sizes for location, fetching them on first use. It
// returns nil when the catalogue has no lister or no location is given.
func (c *Catalogue) live(ctx context.Context, location string) *liveLocation {
	loc := skudata.NormalizeLocation(location)
	if c == nil || c.lister == nil || loc == "" {
		return nil
	}
	c.mu.Lock()
	entry := c.byLocation[loc]
	if entry == nil {
		entry = &liveLocation{}
		c.byLocation[loc] = entry
	}
	c.mu.Unlock()

	entry.mu.Lock()
	defer entry.mu.Unlock()
	if entry.fetched {
		return entry
	}
	skus, err := c.lister.ListSKUs(ctx, loc)
	if err != nil {
		if ctx.Err() != nil {
			// The caller gave up (plan cancelled or timed out); let a later caller try again.
			return &liveLocation{err: err}
		}
		// Recorded, not returned: callers keep working from the embedded facts and
		// report it (LiveError) only where it matters, e.g. for an unknown size.
		entry.fetched, entry.err = true, err
		return entry
	}
	entry.byName = map[string]Size{}
	for _, sku := range skus {
		if sku.ResourceType != "" && !strings.EqualFold(sku.ResourceType, "virtualMachines") {
			continue
		}
		s := fromSKU(sku, true)
		s.Source = "the Compute Resource SKUs API (" + loc + ")"
		key := strings.ToLower(s.Name)
		if _, dup := entry.byName[key]; dup || key == "" {
			continue
		}
		entry.byName[key] = s
		entry.list = append(entry.list, s)
	}
	entry.fetched = true
	return entry
}
