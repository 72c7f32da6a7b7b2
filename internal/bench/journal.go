package bench

import (
	"net/http"
	"strings"
)

// Call is what the harness reads of one entry of the emulator's journal
// (GET /_emulator/journal). The harness talks to the emulator only over its
// control API, as any client would: it shares no code with it.
type Call struct {
	Method    string `json:"method"`
	Path      string `json:"path"`
	Status    int    `json:"status"`
	ErrorCode string `json:"errorCode,omitempty"`
}

// arm reports whether c went to Azure Resource Manager: its path is under
// /subscriptions/. Entra ID token requests and cloud metadata are not ARM.
func (c Call) arm() bool { return strings.HasPrefix(strings.ToLower(c.Path), "/subscriptions/") }

// isRead reports whether c is an ARM read: a GET or HEAD under /subscriptions/
// (resources, lists, catalogues and the polling of long-running operations).
func (c Call) isRead() bool {
	return c.arm() && (c.Method == http.MethodGet || c.Method == http.MethodHead)
}

// failed reports whether ARM answered c with an error (status 400 or more),
// except a 404 to a read: a read that finds nothing is an answer, not a
// failure (a refresh of a deleted pool, a check before a create).
func (c Call) failed() bool {
	if !c.arm() || c.Status < 400 {
		return false
	}
	return c.Status != http.StatusNotFound || !c.isRead()
}

// Counts is what one terraform command cost in calls to the emulator.
type Counts struct {
	Reads  int // ARM reads (Call.isRead)
	Writes int // every other ARM request
	Failed int // ARM requests answered with an error (Call.failed)
}

// CountCalls counts the ARM reads, writes and failed calls of a journal.
func CountCalls(calls []Call) Counts {
	var n Counts
	for _, c := range calls {
		if !c.arm() {
			continue
		}
		if c.isRead() {
			n.Reads++
		} else {
			n.Writes++
		}
		if c.failed() {
			n.Failed++
		}
	}
	return n
}
