package emulator

import (
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// Agent pools in the store: what a pool runs once its operation ends.

// finishPoolOperation applies the end of a pool operation. The caller holds db.mu.
func (db *store) finishPoolOperation(op *operation) {
	pk := key(op.ResourceID)
	p := db.state.Pools[pk]
	if p == nil {
		return
	}
	if op.Status == statusSucceeded && op.Action == "Deleting" {
		delete(db.state.Pools, pk)
		return
	}
	p.Pool.Properties.ProvisioningState = to.Ptr(op.Status)
	if op.Status != statusSucceeded {
		return
	}
	if op.Action == "UpgradingNodeImageVersion" {
		props := p.Pool.Properties
		props.NodeImageVersion = to.Ptr(db.latestNodeImage(string(deref(props.OSType)), string(deref(props.OSSKU))))
	}
	db.settlePool(p, op.Targets[pk])
}

// poolTarget is what a pool runs once its operation succeeds: the version and
// node image aksrules' defaults computed for it. The caller holds db.mu.
func (db *store) poolTarget(ap *armcontainerservice.AgentPool) versionTarget {
	props := ap.Properties
	t := versionTarget{Current: deref(props.CurrentOrchestratorVersion), NodeImage: deref(props.NodeImageVersion)}
	if t.Current == "" {
		t.Current = db.resolveVersion(deref(props.OrchestratorVersion))
	}
	if t.NodeImage == "" {
		t.NodeImage = db.latestNodeImage(string(deref(props.OSType)), string(deref(props.OSSKU)))
	}
	return t
}

// settlePool applies the end of a successful operation to a pool. The caller holds db.mu.
func (db *store) settlePool(p *poolRecord, t versionTarget) {
	props := p.Pool.Properties
	if t.Current != "" {
		props.CurrentOrchestratorVersion = to.Ptr(t.Current)
	}
	if t.NodeImage != "" {
		props.NodeImageVersion = to.Ptr(t.NodeImage)
	}
	if props.PowerState == nil {
		props.PowerState = &armcontainerservice.PowerState{Code: to.Ptr(armcontainerservice.CodeRunning)}
	}
}

// stagePool sets what pool rec shows while its operation (action) runs: a
// pool that exists (prev) keeps its place and runs what it ran until the
// operation succeeds; a new one is numbered after the others and shows its
// target t at once. The caller holds db.mu.
func (db *store) stagePool(rec, prev *poolRecord, t versionTarget, action string) {
	props := rec.Pool.Properties
	if prev != nil {
		rec.Seq = prev.Seq
		props.CurrentOrchestratorVersion = prev.Pool.Properties.CurrentOrchestratorVersion
		props.NodeImageVersion = prev.Pool.Properties.NodeImageVersion
	} else {
		rec.Seq = db.nextSeq()
		props.CurrentOrchestratorVersion = to.Ptr(t.Current)
		props.NodeImageVersion = to.Ptr(t.NodeImage)
	}
	props.ProvisioningState = to.Ptr(action)
}
