package emulator

import "time"

// Long-running operations in the store. Operations complete on a timer after
// their kind's configured duration, and are also settled on read once their
// deadline has passed, so a client that polls at the deadline never sees a
// stale state.

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

// schedule arms op's completion timer. The caller holds db.mu.
func (db *store) schedule(op *operation) {
	if t := db.timers[op.ID]; t != nil {
		t.Stop()
	}
	id := op.ID
	db.timers[id] = time.AfterFunc(time.Until(op.Deadline), func() {
		db.mu.Lock()
		if db.closed {
			db.mu.Unlock()
			return
		}
		delete(db.timers, id)
		done := false
		if op := db.state.Operations[id]; op != nil && op.running() && op.AbortedBy == "" {
			db.completeOperation(op, time.Now())
			done = true
		}
		db.mu.Unlock()
		if done {
			_ = db.save()
		}
	})
}

// stopTimer stops the completion timer of operation id, if it has one. The caller holds db.mu.
func (db *store) stopTimer(id string) {
	if t := db.timers[id]; t != nil {
		t.Stop()
		delete(db.timers, id)
	}
}

// settle completes every operation whose deadline has passed (timers may lag
// by a little). It reports whether anything changed. The caller holds db.mu.
func (db *store) settle(now time.Time) bool {
	changed := false
	for id, t := range db.timers {
		op := db.state.Operations[id]
		if op == nil || !op.running() || op.AbortedBy != "" || now.Before(op.Deadline) {
			continue
		}
		t.Stop()
		delete(db.timers, id)
		db.completeOperation(op, now)
		changed = true
	}
	return changed
}

// resumeOperations re-arms the operations of a loaded state. The caller holds db.mu.
func (db *store) resumeOperations() {
	now := time.Now()
	for _, op := range db.state.Operations {
		if !op.running() || op.AbortedBy != "" {
			continue
		}
		if !now.Before(op.Deadline) {
			db.completeOperation(op, now)
			continue
		}
		db.schedule(op)
	}
}

// pruneOperations forgets finished operations an hour after they ended, so a
// long benchmark doesn't grow the state without end. The caller holds db.mu.
func (db *store) pruneOperations(now time.Time) {
	if len(db.state.Operations) < 1000 {
		return
	}
	for id, op := range db.state.Operations {
		if !op.running() && op.End != nil && now.Sub(*op.End) > time.Hour {
			delete(db.state.Operations, id)
		}
	}
}

// completeOperation ends op now: Failed when a fault said so, else Succeeded,
// and applies its effect to the resource. The caller holds db.mu.
func (db *store) completeOperation(op *operation, now time.Time) {
	if !op.running() {
		return
	}
	if op.AbortOf != "" {
		if target := db.state.Operations[op.AbortOf]; target != nil && target.running() {
			target.AbortedBy = ""
			target.Error = &armError{Code: "OperationCanceled", Message: "The operation was canceled by an abort request."}
			db.endOperation(target, statusCanceled, now)
		}
		db.endOperation(op, statusSucceeded, now)
		return
	}
	if op.FailWith != nil {
		op.Error = op.FailWith
		db.endOperation(op, statusFailed, now)
		return
	}
	db.endOperation(op, statusSucceeded, now)
}

// endOperation records the outcome and lets the resource's owner apply it.
func (db *store) endOperation(op *operation, status string, now time.Time) {
	op.Status = status
	end := now
	op.End = &end
	db.stopTimer(op.ID)
	if op.AbortOf != "" {
		return // the aborted operation's own ending set the resource's state
	}
	switch op.Target {
	case targetCluster:
		db.finishClusterOperation(op)
	case targetPool:
		db.finishPoolOperation(op)
	case targetVNet, targetSubnet:
		db.finishNetworkOperation(op)
	case targetResourceGroup:
		db.finishResourceGroupOperation(op)
	}
}

// setResourceState sets the provisioning state of the resource (and children) an operation works on.
func (db *store) setResourceState(op *operation, state string) {
	switch op.Target {
	case targetCluster:
		if c := db.state.Clusters[key(op.ResourceID)]; c != nil && c.Cluster.Properties != nil {
			c.Cluster.Properties.ProvisioningState = &state
		}
		for _, child := range op.Children {
			if p := db.state.Pools[key(child)]; p != nil && p.Pool.Properties != nil {
				p.Pool.Properties.ProvisioningState = &state
			}
		}
	case targetPool:
		if p := db.state.Pools[key(op.ResourceID)]; p != nil && p.Pool.Properties != nil {
			p.Pool.Properties.ProvisioningState = &state
		}
	}
}

// runningOn returns a running operation working on the resource with key k.
// The caller holds db.mu.
func (db *store) runningOn(k string) *operation {
	for id := range db.timers {
		if op := db.state.Operations[id]; op != nil && op.running() && op.touches(k) {
			return op
		}
	}
	for _, op := range db.state.Operations { // aborted operations have no timer of their own
		if op.running() && op.AbortedBy != "" && op.touches(k) {
			return op
		}
	}
	return nil
}

// abortable returns the operation an abort request on the resource with key k
// (of kind target) cancels: the one running on it, also when it is already
// being canceled (it then has no timer), but never a running abort itself.
// The caller holds db.mu.
func (db *store) abortable(target, k string) *operation {
	for _, op := range db.state.Operations {
		if op.running() && op.AbortOf == "" && op.Target == target && key(op.ResourceID) == k {
			return op
		}
	}
	return nil
}
