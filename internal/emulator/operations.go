package emulator

import (
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// The HTTP side of long-running operations, as azcore's pollers expect them
// (see shared/reference/aks-api.md §1.4): the first answer carries absolute
// Azure-AsyncOperation and/or Location URLs with Retry-After; the
// Azure-AsyncOperation URL answers a status document
// {"id","name","status","startTime","endTime","error"}; the Location URL
// answers 202 while running and the operation's result when done. The
// operations themselves live in the store (store_operations.go).

// startOperation registers op and schedules its completion. The caller holds
// db.mu and fills Target, ResourceID, Kind, Action, Namespace, Location.
func (s *Server) startOperation(q *request, op *operation) *operation {
	now := time.Now()
	op.ID = uuid.NewString()
	op.Subscription = q.param("subscriptionId")
	op.APIVersion = q.apiVersion
	op.Status = statusInProgress
	op.Start = now
	op.Deadline = now.Add(s.db.latencyOf(op.Kind))
	var f *Fault
	if op.AbortOf == "" { // aborting always succeeds; a failOperation fault waits for a real operation
		f = s.faults.take(q, true)
	}
	if f != nil {
		code, msg := f.Code, f.Message
		if code == "" {
			code = "InternalOperationError"
		}
		if msg == "" {
			msg = "The operation failed (injected by an emulator fault)."
		}
		op.FailWith = &armError{Code: code, Message: msg}
	}
	s.db.addOperation(op)
	return op
}

// operationURLs returns the absolute status (Azure-AsyncOperation) and result (Location) URLs of op.
func (s *Server) operationURLs(base string, op *operation) (status, result string) {
	v := url.Values{"api-version": {op.APIVersion}}.Encode()
	if op.Namespace == "" {
		r := fmt.Sprintf("%s/subscriptions/%s/operationresults/%s?%s", base, op.Subscription, op.ID, v)
		return "", r
	}
	prefix := fmt.Sprintf("%s/subscriptions/%s/providers/%s/locations/%s", base, op.Subscription, op.Namespace, op.Location)
	return fmt.Sprintf("%s/operations/%s?%s", prefix, op.ID, v), fmt.Sprintf("%s/operationresults/%s?%s", prefix, op.ID, v)
}

// setPollingHeaders adds the polling URLs and the retry hints to an answer.
func (s *Server) setPollingHeaders(q *request, op *operation, asyncOp, location bool) {
	status, result := s.operationURLs(q.baseURL(), op)
	h := q.w.Header()
	if asyncOp && status != "" {
		h.Set("Azure-AsyncOperation", status)
	}
	if location {
		h.Set("Location", result)
	}
	if op.running() { // an operation already finished (network ones, by default) needs no wait
		setRetryAfter(q, op, time.Now())
	}
}

// setRetryAfter tells the client when to poll next: when the operation is
// due. azcore reads Retry-After-Ms first, so its pollers poll exactly at the
// deadline; other clients get whole seconds.
func setRetryAfter(q *request, op *operation, now time.Time) {
	remaining := op.Deadline.Sub(now)
	if op.AbortedBy != "" || remaining < time.Millisecond {
		remaining = time.Millisecond
	}
	h := q.w.Header()
	h.Set("Retry-After", strconv.Itoa(max(1, int(math.Ceil(remaining.Seconds())))))
	h.Set("Retry-After-Ms", strconv.FormatInt(max(1, int64(math.Ceil(float64(remaining)/float64(time.Millisecond)))), 10))
}

// operationStatus is ARM's status document.
type operationStatus struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Status    string    `json:"status"`
	StartTime string    `json:"startTime"`
	EndTime   string    `json:"endTime,omitempty"`
	Error     *armError `json:"error,omitempty"`
	// ResourceID names the resource the operation works on.
	ResourceID string `json:"resourceId,omitempty"`
}

// readOperation locks the store (see store.beginRead) and returns the
// operation of the path, or answers 404 and returns nil (the store unlocked).
func (s *Server) readOperation(q *request) (*operation, func()) {
	end := s.db.beginRead()
	op := s.db.operation(q.param("operationId"))
	if op == nil || !strings.EqualFold(op.Subscription, q.param("subscriptionId")) {
		end()
		writeError(q, http.StatusNotFound, "NotFound", fmt.Sprintf("Operation '%s' was not found.", q.param("operationId")), "")
		return nil, nil
	}
	return op, end
}

// handleOperationStatus answers an Azure-AsyncOperation URL.
func (s *Server) handleOperationStatus(q *request) {
	op, end := s.readOperation(q)
	if op == nil {
		return
	}
	doc := operationStatus{
		ID:         strings.SplitN(q.r.URL.RequestURI(), "?", 2)[0],
		Name:       op.ID,
		Status:     op.Status,
		StartTime:  op.Start.UTC().Format(time.RFC3339Nano),
		Error:      op.Error,
		ResourceID: op.ResourceID,
	}
	if op.End != nil {
		doc.EndTime = op.End.UTC().Format(time.RFC3339Nano)
	}
	if op.running() {
		setRetryAfter(q, op, time.Now())
	}
	end()
	writeJSON(q, http.StatusOK, doc)
}

// handleOperationResult answers a Location URL: 202 while running, then the
// result: the resource (200) for operations that return one, 204 (AKS) or 200
// (resource groups) otherwise, or the operation's error.
func (s *Server) handleOperationResult(q *request) {
	op, end := s.readOperation(q)
	if op == nil {
		return
	}
	if op.running() {
		s.setPollingHeaders(q, op, false, true)
		end()
		q.w.WriteHeader(http.StatusAccepted)
		return
	}
	var body any
	if op.Status == statusSucceeded && op.ResultBody && op.Target == targetPool {
		if p := s.db.pool(op.ResourceID); p != nil {
			body = poolJSON(p)
		}
	}
	opErr := op.Error
	status := op.Status
	namespace := op.Namespace
	end()
	switch {
	case status != statusSucceeded:
		e := opErr
		if e == nil {
			e = &armError{Code: "OperationCanceled", Message: "The operation was canceled."}
		}
		q.w.errorCode = e.Code
		writeJSON(q, http.StatusBadRequest, map[string]*armError{"error": e})
	case body != nil:
		writeJSON(q, http.StatusOK, body)
	case namespace == "":
		q.w.WriteHeader(http.StatusOK)
	default:
		q.w.WriteHeader(http.StatusNoContent)
	}
}

// abort starts an operation that cancels target. The caller holds db.mu.
func (s *Server) abort(q *request, target *operation, location string, name *string) {
	if target == nil {
		writeError(q, http.StatusConflict, "OperationNotAllowed",
			fmt.Sprintf("There is no operation in progress on '%s' to abort: it completed before it could be canceled.", deref(name)), "")
		return
	}
	if target.AbortedBy != "" {
		if running := s.db.operation(target.AbortedBy); running != nil && running.running() {
			s.setPollingHeaders(q, running, true, true)
			q.w.WriteHeader(http.StatusAccepted)
			return
		}
	}
	s.db.stopTimer(target.ID)
	op := s.startOperation(q, &operation{
		Namespace: aksNS, Location: location, Kind: LatencyAbort, Action: "Canceling",
		Target: target.Target, ResourceID: target.ResourceID, Children: target.Children, AbortOf: target.ID,
	})
	target.AbortedBy = op.ID
	s.db.setResourceState(target, "Canceling")
	s.setPollingHeaders(q, op, true, true)
	q.w.WriteHeader(http.StatusAccepted)
}
