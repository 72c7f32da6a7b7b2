package emulator

import "strings"

// Resource groups in the store: what a deletion's end removes.

// finishResourceGroupOperation removes the group and its resources. The caller holds db.mu.
func (db *store) finishResourceGroupOperation(op *operation) {
	rgKey := key(op.ResourceID)
	rg := db.state.ResourceGroups[rgKey]
	if rg == nil {
		return
	}
	if op.Status != statusSucceeded {
		rg.Properties.ProvisioningState = "Succeeded" // a failed deletion leaves the group as it was
		return
	}
	db.deleteResourceGroupContents(rgKey)
	delete(db.state.ResourceGroups, rgKey)
}

// deleteResourceGroupContents removes every resource under a group, and the
// node resource groups of the clusters in it. The caller holds db.mu.
func (db *store) deleteResourceGroupContents(rgKey string) {
	prefix := rgKey + "/"
	for k := range db.state.Clusters {
		if strings.HasPrefix(k, prefix) {
			db.removeCluster(k)
		}
	}
	for k := range db.state.VNets {
		if strings.HasPrefix(k, prefix) {
			delete(db.state.VNets, k)
		}
	}
	for k := range db.state.Resources {
		if strings.HasPrefix(k, prefix) {
			delete(db.state.Resources, k)
		}
	}
}
