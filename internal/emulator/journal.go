package emulator

import (
	"net/http"
	"strings"
	"sync"
)

// maxJournal bounds the journal: a long benchmark must not grow it without end.
const maxJournal = 100_000

type journal struct {
	mu      sync.Mutex
	entries []JournalEntry
}

func (j *journal) add(e JournalEntry) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if len(j.entries) >= maxJournal {
		// drop the oldest tenth at once rather than shifting on every request
		n := copy(j.entries, j.entries[maxJournal/10:])
		j.entries = j.entries[:n]
	}
	j.entries = append(j.entries, e)
}

func (j *journal) list() []JournalEntry {
	j.mu.Lock()
	defer j.mu.Unlock()
	return append([]JournalEntry(nil), j.entries...)
}

func (j *journal) reset() {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.entries = nil
}

// Journal returns a copy of every request recorded since the last reset
// (control API requests are not recorded).
func (s *Server) Journal() []JournalEntry { return s.journal.list() }

// ResetJournal empties the journal.
func (s *Server) ResetJournal() { s.journal.reset() }

// readLikeActions are POST actions that only read.
var readLikeActions = []string{"listclusterusercredential", "listclusteradmincredential", "listclustermonitoringusercredential"}

// IsWrite reports whether the request changed (or tried to change) ARM state:
// PUT, PATCH, DELETE, and POST except the read-like credential actions. It is
// false for Entra ID, cloud metadata and control requests.
func (e JournalEntry) IsWrite() bool {
	fam := e.family
	if fam == "" {
		fam = familyOf(e.Path)
	}
	if fam != familyARM {
		return false
	}
	switch e.Method {
	case http.MethodPut, http.MethodPatch, http.MethodDelete:
		return true
	case http.MethodPost:
		p := strings.ToLower(strings.TrimSuffix(e.Path, "/"))
		for _, a := range readLikeActions {
			if strings.HasSuffix(p, "/"+a) {
				return false
			}
		}
		return true
	}
	return false
}
