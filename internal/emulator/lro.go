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

// Long-running operations, as azcore's pollers expect them (see
// shared/reference/aks-api.md §1.4): the first answer carries absolute
// Azure-AsyncOperation and/or Location URLs with Retry-After; the
// Azure-AsyncOperation URL answers a status document
// {"id","name","status","startTime","endTime","error"}; the Location URL
// answers 202 while running and the operation's result when done. Operations
// complete on a timer after their kind's configured duration, and are also
// settled on read once their deadline has passed, so a client that polls at
// the deadline never sees a stale state.

// Operation statuses (ARM's OperationStatusResult.status).
const (
	statusInProgress = "InProgress"
	statusSucceeded  = "Succeeded"
	statusFailed     = "Failed"
	statusCanceled   = "Canceled"
)

// Operation targets.
const (
	targetCluster       = "managedCluster"
	targetPool          = "agentPool"
	targetVNet          = "virtualNetwork"
	targetSubnet        = "subnet"
	targetResourceGroup = "resourceGroup"
)

// operation is one long-running operation. It is persisted with the state,
// so a restart resumes it.
type operation struct {
	ID           string     `json:"id"`
	Namespace    string     `json:"namespace"` // provider namespace of the polling URLs ("" = Microsoft.Resources)
	Subscription string     `json:"subscription"`
	Location     string     `json:"location"`
	APIVersion   string     `json:"apiVersion"`
	Kind         string     `json:"kind"`   // latency kind
	Action       string     `json:"action"` // the provisioning state the resource shows meanwhile
	Target       string     `json:"target"`
	ResourceID   string     `json:"resourceId"`
	Children     []string   `json:"children,omitempty"`   // pools a cluster operation provisions too
	ResultBody   bool       `json:"resultBody,omitempty"` // Location answers the resource (200) when done, else 204
	Status       string     `json:"status"`
	Start        time.Time  `json:"startTime"`
	Deadline     time.Time  `json:"deadline"`
	End          *time.Time `json:"endTime,omitempty"`
	Error        *armError  `json:"error,omitempty"`
	FailWith     *armError  `json:"failWith,omitempty"`  // injected by a failOperation fault
	AbortOf      string     `json:"abortOf,omitempty"`   // this operation aborts that one
	AbortedBy    string     `json:"abortedBy,omitempty"` // that operation is aborting this one
	// Targets holds, by resource key, the read-only values the resource
	// reaches when the operation succeeds (the version it upgrades to, the
	// node image it is re-imaged with); until then it shows the old ones.
	Targets map[string]versionTarget `json:"targets,omitempty"`
}

// versionTarget is what a cluster or pool runs once its operation succeeds.
type versionTarget struct {
	Current   string `json:"current,omitempty"`   // currentKubernetesVersion / currentOrchestratorVersion
	NodeImage string `json:"nodeImage,omitempty"` // nodeImageVersion
}

func (op *operation) running() bool { return op.Status == statusInProgress }

// touches reports whether the operation works on the resource with key k.
func (op *operation) touches(k string) bool {
	if key(op.ResourceID) == k {
		return true
	}
	for _, c := range op.Children {
		if key(c) == k {
			return true
		}
	}
	return false
}

// startOperation registers op and schedules its completion. The caller holds
// s.mu and fills Target, ResourceID, Kind, Action, Namespace, Location.
func (s *Server) startOperation(q *request, op *operation) *operation {
	now := time.Now()
	op.ID = uuid.NewString()
	op.Subscription = q.param("subscriptionId")
	op.APIVersion = q.apiVersion
	op.Status = statusInProgress
	op.Start = now
	op.Deadline = now.Add(s.latencyOf(op.Kind))
	var f *Fault
	if op.AbortOf == "" { // aborting always succeeds; a failOperation fault waits for a real operation
		f = s.takeFault(q, true)
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
	s.pruneOperations(now)
	s.st.Operations[op.ID] = op
	s.schedule(op)
	return op
}

// schedule arms op's completion timer. The caller holds s.mu.
func (s *Server) schedule(op *operation) {
	if t := s.timers[op.ID]; t != nil {
		t.Stop()
	}
	id := op.ID
	s.timers[id] = time.AfterFunc(time.Until(op.Deadline), func() {
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			return
		}
		delete(s.timers, id)
		done := false
		if op := s.st.Operations[id]; op != nil && op.running() && op.AbortedBy == "" {
			s.completeOperation(op, time.Now())
			done = true
		}
		s.mu.Unlock()
		if done {
			_ = s.save()
		}
	})
}

// settle completes every operation whose deadline has passed (timers may lag
// by a little). It reports whether anything changed. The caller holds s.mu.
func (s *Server) settle(now time.Time) bool {
	changed := false
	for id, t := range s.timers {
		op := s.st.Operations[id]
		if op == nil || !op.running() || op.AbortedBy != "" || now.Before(op.Deadline) {
			continue
		}
		t.Stop()
		delete(s.timers, id)
		s.completeOperation(op, now)
		changed = true
	}
	return changed
}

// resumeOperations re-arms the operations of a loaded state. The caller holds s.mu.
func (s *Server) resumeOperations() {
	now := time.Now()
	for _, op := range s.st.Operations {
		if !op.running() || op.AbortedBy != "" {
			continue
		}
		if !now.Before(op.Deadline) {
			s.completeOperation(op, now)
			continue
		}
		s.schedule(op)
	}
}

// pruneOperations forgets finished operations an hour after they ended, so a
// long benchmark doesn't grow the state without end. The caller holds s.mu.
func (s *Server) pruneOperations(now time.Time) {
	if len(s.st.Operations) < 1000 {
		return
	}
	for id, op := range s.st.Operations {
		if !op.running() && op.End != nil && now.Sub(*op.End) > time.Hour {
			delete(s.st.Operations, id)
		}
	}
}

// completeOperation ends op now: Failed when a fault said so, else Succeeded,
// and applies its effect to the resource. The caller holds s.mu.
func (s *Server) completeOperation(op *operation, now time.Time) {
	if !op.running() {
		return
	}
	if op.AbortOf != "" {
		if target := s.st.Operations[op.AbortOf]; target != nil && target.running() {
			target.AbortedBy = ""
			target.Error = &armError{Code: "OperationCanceled", Message: "The operation was canceled by an abort request."}
			s.endOperation(target, statusCanceled, now)
		}
		s.endOperation(op, statusSucceeded, now)
		return
	}
	if op.FailWith != nil {
		op.Error = op.FailWith
		s.endOperation(op, statusFailed, now)
		return
	}
	s.endOperation(op, statusSucceeded, now)
}

// endOperation records the outcome and lets the resource's owner apply it.
func (s *Server) endOperation(op *operation, status string, now time.Time) {
	op.Status = status
	end := now
	op.End = &end
	if t := s.timers[op.ID]; t != nil {
		t.Stop()
		delete(s.timers, op.ID)
	}
	if op.AbortOf != "" {
		return // the aborted operation's own ending set the resource's state
	}
	switch op.Target {
	case targetCluster:
		s.finishClusterOperation(op)
	case targetPool:
		s.finishPoolOperation(op)
	case targetVNet, targetSubnet:
		s.finishNetworkOperation(op)
	case targetResourceGroup:
		s.finishResourceGroupOperation(op)
	}
}

// setResourceState sets the provisioning state of the resource (and children) an operation works on.
func (s *Server) setResourceState(op *operation, state string) {
	switch op.Target {
	case targetCluster:
		if c := s.st.Clusters[key(op.ResourceID)]; c != nil && c.Cluster.Properties != nil {
			c.Cluster.Properties.ProvisioningState = &state
		}
		for _, child := range op.Children {
			if p := s.st.Pools[key(child)]; p != nil && p.Pool.Properties != nil {
				p.Pool.Properties.ProvisioningState = &state
			}
		}
	case targetPool:
		if p := s.st.Pools[key(op.ResourceID)]; p != nil && p.Pool.Properties != nil {
			p.Pool.Properties.ProvisioningState = &state
		}
	}
}

// runningOn returns a running operation working on the resource with key k.
// The caller holds s.mu.
func (s *Server) runningOn(k string) *operation {
	for id := range s.timers {
		if op := s.st.Operations[id]; op != nil && op.running() && op.touches(k) {
			return op
		}
	}
	for _, op := range s.st.Operations { // aborted operations have no timer of their own
		if op.running() && op.AbortedBy != "" && op.touches(k) {
			return op
		}
	}
	return nil
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

func (s *Server) findOperation(q *request) *operation {
	op := s.st.Operations[q.param("operationId")]
	if op == nil || !strings.EqualFold(op.Subscription, q.param("subscriptionId")) {
		return nil
	}
	return op
}

// handleOperationStatus answers an Azure-AsyncOperation URL.
func (s *Server) handleOperationStatus(q *request) {
	s.mu.Lock()
	changed := s.settle(time.Now())
	op := s.findOperation(q)
	if op == nil {
		s.mu.Unlock()
		s.saveIf(changed)
		writeError(q, http.StatusNotFound, "NotFound", fmt.Sprintf("Operation '%s' was not found.", q.param("operationId")), "")
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
	s.mu.Unlock()
	s.saveIf(changed)
	writeJSON(q, http.StatusOK, doc)
}

// handleOperationResult answers a Location URL: 202 while running, then the
// result: the resource (200) for operations that return one, 204 (AKS) or 200
// (resource groups) otherwise, or the operation's error.
func (s *Server) handleOperationResult(q *request) {
	s.mu.Lock()
	changed := s.settle(time.Now())
	op := s.findOperation(q)
	if op == nil {
		s.mu.Unlock()
		s.saveIf(changed)
		writeError(q, http.StatusNotFound, "NotFound", fmt.Sprintf("Operation '%s' was not found.", q.param("operationId")), "")
		return
	}
	if op.running() {
		s.setPollingHeaders(q, op, false, true)
		s.mu.Unlock()
		s.saveIf(changed)
		q.w.WriteHeader(http.StatusAccepted)
		return
	}
	var body any
	if op.Status == statusSucceeded && op.ResultBody && op.Target == targetPool {
		if p := s.st.Pools[key(op.ResourceID)]; p != nil {
			body = poolJSON(p)
		}
	}
	opErr := op.Error
	status := op.Status
	namespace := op.Namespace
	s.mu.Unlock()
	s.saveIf(changed)
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

// saveIf persists the state when something changed.
func (s *Server) saveIf(changed bool) {
	if changed {
		_ = s.save()
	}
}
