package emulator

import (
	"encoding/json"
	"net/http"
	"sort"
	"time"
)

// The control API under /_emulator/, for tests, benchmarks and module
// authors: journal, faults, mutations, state, reset, latency. It needs no
// authentication and is never journaled.

func controlError(q *request, status int, message string) {
	writeJSON(q, status, map[string]string{"error": message})
}

func (s *Server) handleJournalGet(q *request) { writeJSON(q, http.StatusOK, s.Journal()) }

func (s *Server) handleJournalDelete(q *request) {
	s.ResetJournal()
	q.w.WriteHeader(http.StatusNoContent)
}

func (s *Server) handleFaultsGet(q *request) { writeJSON(q, http.StatusOK, s.Faults()) }

// handleFaultsPost installs one fault (a JSON object) or several (an array).
func (s *Server) handleFaultsPost(q *request) {
	var many []Fault
	if err := json.Unmarshal(q.body, &many); err != nil {
		var one Fault
		if err := json.Unmarshal(q.body, &one); err != nil {
			controlError(q, http.StatusBadRequest, "a fault must be a JSON object or array: "+err.Error())
			return
		}
		many = []Fault{one}
	}
	var ids []string
	for _, f := range many {
		if _, err := compileFault(f); err != nil {
			controlError(q, http.StatusBadRequest, err.Error())
			return
		}
	}
	for _, f := range many {
		ids = append(ids, s.AddFault(f))
	}
	writeJSON(q, http.StatusCreated, map[string][]string{"ids": ids})
}

func (s *Server) handleFaultsDelete(q *request) {
	s.ClearFaults()
	q.w.WriteHeader(http.StatusNoContent)
}

func (s *Server) handleFaultDelete(q *request) {
	if !s.RemoveFault(q.param("id")) {
		controlError(q, http.StatusNotFound, "no fault "+q.param("id"))
		return
	}
	q.w.WriteHeader(http.StatusNoContent)
}

// handleMutate applies one mutation (a JSON object) or several in order (an array).
func (s *Server) handleMutate(q *request) {
	var many []Mutation
	if err := json.Unmarshal(q.body, &many); err != nil {
		var one Mutation
		if err := json.Unmarshal(q.body, &one); err != nil {
			controlError(q, http.StatusBadRequest, "a mutation must be a JSON object or array: "+err.Error())
			return
		}
		many = []Mutation{one}
	}
	for _, m := range many {
		if err := s.Mutate(m); err != nil {
			controlError(q, http.StatusBadRequest, err.Error())
			return
		}
	}
	q.w.WriteHeader(http.StatusNoContent)
}

// handleStateGet answers every resource the emulator holds, in its state-file shape.
func (s *Server) handleStateGet(q *request) {
	raw, err := s.db.snapshot()
	if err != nil {
		controlError(q, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(q, http.StatusOK, json.RawMessage(raw))
}

func (s *Server) handleReset(q *request) {
	if err := s.Reset(); err != nil {
		controlError(q, http.StatusInternalServerError, err.Error())
		return
	}
	q.w.WriteHeader(http.StatusNoContent)
}

// latencyKinds are the kinds SetLatency knows.
var latencyKinds = []string{LatencyCreate, LatencyUpdate, LatencyDelete, LatencyNodeImage, LatencyAbort, LatencyNetwork, LatencyRead, LatencyWrite}

func (s *Server) handleLatencyGet(q *request) {
	s.db.mu.Lock()
	out := map[string]Duration{}
	for _, k := range latencyKinds {
		out[k] = Duration(s.db.latencyOf(k))
	}
	s.db.mu.Unlock()
	writeJSON(q, http.StatusOK, out)
}

// handleLatencyPost sets latencies from {"create":"50ms","delete":"1s",...}.
func (s *Server) handleLatencyPost(q *request) {
	var in map[string]Duration
	if err := json.Unmarshal(q.body, &in); err != nil {
		controlError(q, http.StatusBadRequest, `latencies must be a JSON object such as {"create":"50ms"}: `+err.Error())
		return
	}
	known := map[string]bool{}
	for _, k := range latencyKinds {
		known[k] = true
	}
	var names []string
	for k := range in {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if !known[k] {
			controlError(q, http.StatusBadRequest, "unknown latency kind "+k)
			return
		}
	}
	for k, d := range in {
		s.SetLatency(k, time.Duration(d))
	}
	s.handleLatencyGet(q)
}

func (s *Server) handleEnvGet(q *request) { writeJSON(q, http.StatusOK, s.Env()) }
