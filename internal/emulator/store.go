package emulator

import (
	"encoding/json"
	"strings"
	"sync"
	"time"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

// store holds the ARM resources the emulator serves (resource groups,
// virtual networks, managed clusters, agent pools, provider registrations,
// node images) and the long-running operations that change them, with the
// timers that end those operations and the configured latencies. One mutex
// guards it all; every method whose doc says "the caller holds db.mu" expects
// it held. A handler holds db.mu across its reads and writes, so that a
// request sees and leaves a consistent state; it finds and stores resources
// through the store's methods (store_resources.go). The store knows nothing
// of HTTP.
type store struct {
	mu          sync.Mutex
	state       *state
	timers      map[string]*time.Timer // running operation ID → its completion timer
	latency     map[string]time.Duration
	lroDuration time.Duration // the default latency of long-running operations
	closed      bool
	skuCache    map[string]map[string]skudata.SKU

	seed    *Seed
	persist *persister // nil: memory only
	seq     int64      // snapshot sequence for persistence
	logf    func(format string, args ...any)
}

// openStore loads stateFile ("" = memory only) or, when there is none yet,
// builds the seed's resources.
func openStore(seed *Seed, stateFile string, lroDuration time.Duration, logf func(string, ...any)) (*store, error) {
	db := &store{
		timers:      map[string]*time.Timer{},
		latency:     map[string]time.Duration{},
		lroDuration: lroDuration,
		skuCache:    map[string]map[string]skudata.SKU{},
		seed:        seed,
		logf:        logf,
	}
	if stateFile != "" {
		db.persist = &persister{path: stateFile}
		st, found, err := loadState(stateFile)
		if err != nil {
			return nil, err
		}
		if found {
			db.state = st
		}
	}
	if db.state == nil {
		db.state = db.seedState()
	}
	return db, nil
}

// stopTimers stops every running operation's timer. The caller holds db.mu.
func (db *store) stopTimers() {
	for id, t := range db.timers {
		t.Stop()
		delete(db.timers, id)
	}
}

// stop stops the operations' timers for good: a timer that fires anyway does nothing.
func (db *store) stop() {
	db.mu.Lock()
	defer db.mu.Unlock()
	db.closed = true
	db.stopTimers()
}

// reset puts every resource back to the seed and cancels running operations.
func (db *store) reset() error {
	db.mu.Lock()
	db.stopTimers()
	db.state = db.seedState()
	db.mu.Unlock()
	return db.save()
}

// setLatency sets the duration of one kind of operation; a negative duration restores the default.
func (db *store) setLatency(kind string, d time.Duration) {
	db.mu.Lock()
	defer db.mu.Unlock()
	if d < 0 {
		delete(db.latency, strings.ToLower(kind))
		return
	}
	db.latency[strings.ToLower(kind)] = d
}

// latencyOf returns the configured duration of an operation kind. The caller holds db.mu.
func (db *store) latencyOf(kind string) time.Duration {
	if d, ok := db.latency[kind]; ok {
		return d
	}
	switch kind {
	case LatencyCreate, LatencyUpdate, LatencyDelete, LatencyNodeImage, LatencyAbort:
		return db.lroDuration
	}
	return 0 // network operations, reads and synchronous writes answer at once by default
}

// save persists the state when a state file is configured.
func (db *store) save() error {
	if db.persist == nil {
		return nil
	}
	db.mu.Lock()
	db.seq++
	seq := db.seq
	snapshot, err := json.MarshalIndent(db.state, "", " ")
	db.mu.Unlock()
	if err != nil {
		return err
	}
	if err := db.persist.save(seq, snapshot); err != nil {
		db.logf("emulator: saving state: %v", err)
		return err
	}
	return nil
}

// beginWrite locks the store for a request that may write, after settling
// the operations that are due. The func it returns unlocks the store and then
// saves it; a handler defers it.
func (db *store) beginWrite() (end func()) {
	db.mu.Lock()
	db.settle(time.Now())
	return func() {
		db.mu.Unlock()
		_ = db.save()
	}
}

// beginRead locks the store for a request that reads, after settling the
// operations that are due. The func it returns unlocks the store and saves
// it when settling changed something; a handler calls it before answering.
func (db *store) beginRead() (end func()) {
	db.mu.Lock()
	changed := db.settle(time.Now())
	return func() {
		db.mu.Unlock()
		db.saveIf(changed)
	}
}

// snapshot settles due operations and marshals every resource in the state-file shape.
func (db *store) snapshot() ([]byte, error) {
	db.mu.Lock()
	defer db.mu.Unlock()
	db.settle(time.Now())
	return json.Marshal(db.state)
}

// saveIf persists the state when something changed.
func (db *store) saveIf(changed bool) {
	if changed {
		_ = db.save()
	}
}
