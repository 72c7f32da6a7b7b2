package vmsizes

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

// fakeLister answers from a fixed list and counts calls per location.
type fakeLister struct {
	mu    sync.Mutex
	calls map[string]int
	skus  []skudata.SKU
	err   error
	// block, when set, holds every call until closed (to make callers overlap).
	block chan struct{}
}

func (f *fakeLister) ListSKUs(ctx context.Context, location string) ([]skudata.SKU, error) {
	if f.block != nil {
		<-f.block
	}
	f.mu.Lock()
	if f.calls == nil {
		f.calls = map[string]int{}
	}
	f.calls[location]++
	f.mu.Unlock()
	if f.err != nil {
		return nil, f.err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return f.skus, nil
}

func (f *fakeLister) callsFor(location string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[location]
}

func vmSKU(name string, caps map[string]string) skudata.SKU {
	s := skudata.SKU{ResourceType: "virtualMachines", Name: name, LocationInfo: []skudata.LocationInfo{{Location: "eastus", Zones: []string{"2"}}}}
	for k, v := range caps {
		s.Capabilities = append(s.Capabilities, skudata.Capability{Name: k, Value: v})
	}
	return s
}

func liveSKUs() []skudata.SKU {
	return []skudata.SKU{
		// A size newer than the embedded data.
		vmSKU("Standard_D4pds_v9", map[string]string{"vCPUs": "4", "CpuArchitectureType": "Arm64", "EphemeralOSDiskSupported": "True",
			"SupportedEphemeralOSDiskPlacements": "NvmeDisk", "NvmeDiskSizeInMiB": "225280", "MaxResourceVolumeMB": "0"}),
		// A size the embedded data knows, with different (live) figures.
		vmSKU("Standard_DS2_v2", map[string]string{"vCPUs": "2", "CpuArchitectureType": "x64", "EphemeralOSDiskSupported": "True",
			"CachedDiskBytes": "1073741824", "MaxResourceVolumeMB": "14336"}),
		// Not a VM size: dropped.
		{ResourceType: "disks", Name: "Premium_LRS"},
	}
}

func TestLiveSizesWinAndNewSizesWork(t *testing.T) {
	ctx := context.Background()
	lister := &fakeLister{skus: liveSKUs()}
	c := New(lister)

	s, ok := c.Lookup(ctx, "East US", "standard_d4pds_v9")
	if !ok || !s.Live || !s.IsArm64() || s.NVMeBytes.Value != 220*GiB {
		t.Fatalf("new live size: ok=%v %+v", ok, s)
	}
	if b, p, _ := s.MaxEphemeralOSDisk(); b != 220*GiB || p != PlacementNvmeDisk {
		t.Errorf("new live size ephemeral = %d %s", b, p)
	}
	if z, _ := s.ZonesIn("eastus"); len(z) != 1 || z[0] != "2" {
		t.Errorf("live zones = %v", z)
	}

	ds2, _ := c.Lookup(ctx, "eastus", "Standard_DS2_v2")
	if ds2.CacheBytes.Value != GiB || !ds2.Live {
		t.Errorf("live data must win over embedded: %+v", ds2.CacheBytes)
	}
	// Sizes only the embedded data knows are still found.
	ds3, ok := c.Lookup(ctx, "eastus", "Standard_DS3_v2")
	if !ok || ds3.Live {
		t.Errorf("embedded fallback: ok=%v live=%v", ok, ds3.Live)
	}
	if _, ok := c.Lookup(ctx, "eastus", "Premium_LRS"); ok {
		t.Error("a non-VM SKU must not become a size")
	}
	if n := lister.callsFor("eastus"); n != 1 {
		t.Errorf("lister called %d times for eastus, want 1 (normalised location, cached)", n)
	}
	if err := c.LiveError(ctx, "eastus"); err != nil {
		t.Errorf("LiveError = %v", err)
	}

	all := c.Sizes(ctx, "eastus")
	var names []string
	seen := map[string]int{}
	for _, s := range all {
		names = append(names, s.Name)
		seen[s.Name]++
	}
	if seen["Standard_DS2_v2"] != 1 || seen["Standard_D4pds_v9"] != 1 || seen["Standard_DS3_v2"] != 1 {
		t.Errorf("Sizes must merge live and embedded without duplicates: %v", seen)
	}
	for i := 1; i < len(names); i++ {
		if names[i-1] > names[i] {
			t.Fatalf("Sizes not sorted: %q before %q", names[i-1], names[i])
		}
	}
	for _, s := range all {
		if s.Name == "Standard_DS2_v2" && !s.Live {
			t.Error("Sizes must carry the live Standard_DS2_v2")
		}
	}

	// Another location is another fetch.
	c.Lookup(ctx, "westeurope", "Standard_DS2_v2")
	if n := lister.callsFor("westeurope"); n != 1 {
		t.Errorf("westeurope fetched %d times, want 1", n)
	}
	// No location: embedded only, no fetch.
	if s, ok := c.Lookup(ctx, "", "Standard_DS2_v2"); !ok || s.Live {
		t.Errorf("lookup without location must use embedded facts: ok=%v live=%v", ok, s.Live)
	}
	if !c.HasLister() || Embedded().HasLister() {
		t.Error("HasLister")
	}
}

func TestConcurrentLookupsFetchOncePerLocation(t *testing.T) {
	lister := &fakeLister{skus: liveSKUs(), block: make(chan struct{})}
	c := New(lister)
	var wg sync.WaitGroup
	var found atomic.Int64
	for i := 0; i < 32; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, ok := c.Lookup(context.Background(), "eastus", "Standard_D4pds_v9"); ok {
				found.Add(1)
			}
		}()
	}
	close(lister.block)
	wg.Wait()
	if n := lister.callsFor("eastus"); n != 1 {
		t.Errorf("lister called %d times, want 1", n)
	}
	if found.Load() != 32 {
		t.Errorf("%d of 32 lookups found the live size", found.Load())
	}
}

func TestFailedFetchFallsBackToEmbeddedAndIsRecorded(t *testing.T) {
	ctx := context.Background()
	lister := &fakeLister{err: errors.New("AuthorizationFailed: no access to Microsoft.Compute/skus")}
	c := New(lister)
	s, ok := c.Lookup(ctx, "eastus", "Standard_DS2_v2")
	if !ok || s.Live || s.CacheBytes.Value != 92341796864 {
		t.Fatalf("fallback to embedded: ok=%v %+v", ok, s)
	}
	if _, ok := c.Lookup(ctx, "eastus", "Standard_D4pds_v9"); ok {
		t.Error("a live-only size can't be found when the fetch failed")
	}
	err := c.LiveError(ctx, "eastus")
	if err == nil || err.Error() != lister.err.Error() {
		t.Errorf("LiveError = %v, want the recorded failure", err)
	}
	if n := lister.callsFor("eastus"); n != 1 {
		t.Errorf("a failed fetch must not be retried for the life of the catalogue: %d calls", n)
	}
	if got := len(c.Sizes(ctx, "eastus")); got != len(Embedded().Sizes(ctx, "eastus")) {
		t.Errorf("Sizes after a failed fetch = %d, want the embedded %d", got, len(Embedded().Sizes(ctx, "eastus")))
	}
}

func TestCancelledFetchIsNotCached(t *testing.T) {
	lister := &fakeLister{skus: liveSKUs()}
	c := New(lister)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if s, ok := c.Lookup(cancelled, "eastus", "Standard_DS2_v2"); !ok || s.Live {
		t.Fatalf("cancelled lookup should fall back to embedded: ok=%v live=%v", ok, s.Live)
	}
	if s, ok := c.Lookup(context.Background(), "eastus", "Standard_D4pds_v9"); !ok || !s.Live {
		t.Fatalf("a later lookup must fetch again: ok=%v", ok)
	}
	if n := lister.callsFor("eastus"); n != 2 {
		t.Errorf("calls = %d, want 2", n)
	}
	if err := c.LiveError(context.Background(), "eastus"); err != nil {
		t.Errorf("LiveError after the successful retry = %v", err)
	}
}

func TestEmbeddedCatalogueHasNoLiveError(t *testing.T) {
	c := Embedded()
	if err := c.LiveError(context.Background(), "eastus"); err != nil {
		t.Errorf("LiveError = %v", err)
	}
	all, _ := skudata.All()
	if got := len(c.Sizes(context.Background(), "eastus")); got != len(all) {
		t.Errorf("embedded Sizes = %d, want %d", got, len(all))
	}
}

func BenchmarkLookupLive(b *testing.B) {
	c := New(&fakeLister{skus: liveSKUs()})
	ctx := context.Background()
	for b.Loop() {
		c.Lookup(ctx, "eastus", "Standard_DS3_v2")
	}
}
