package aksrules

import (
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// checkSnapshotFit: a pool created from a node pool snapshot
// (creationData.sourceResourceId) takes the snapshot's configuration — "the
// node image version, kubernetes version, OS type, and OS SKU" — and "must
// use a VM from the same virtual machine family as the snapshot, for
// example, you can't create a new N-Series node pool based of a snapshot
// captured from a D-Series node pool"
// (learn.microsoft.com/azure/aks/node-pool-snapshot#limitations). What the
// request leaves unset comes from the snapshot (snapshot_defaults.go); a
// value it sets must match. The family is compared as the series letter of
// the size name (D, E, N, ...), the doc's example and the least strict
// reading. Code and texts unverified.
func checkSnapshotFit(w World, _ string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	snap := poolSnapshot(w, p)
	if snap == nil {
		return nil
	}
	sp := snap.Properties
	const target = "properties.creationData.sourceResourceId"
	switch {
	case isSet(p.OSType) && isSet(sp.OSType) && !strings.EqualFold(string(*p.OSType), string(*sp.OSType)):
		return badRequest(codeInvalidParameter, "properties.osType",
			"The agent pool's osType '%s' does not match the osType '%s' of the snapshot %s it is created from.", *p.OSType, *sp.OSType, deref(snap.ID))
	case isSet(p.OSSKU) && isSet(sp.OSSKU) && !strings.EqualFold(string(*p.OSSKU), string(*sp.OSSKU)):
		return badRequest(codeInvalidParameter, "properties.osSKU",
			"The agent pool's osSKU '%s' does not match the osSKU '%s' of the snapshot %s it is created from.", *p.OSSKU, *sp.OSSKU, deref(snap.ID))
	case isSet(p.OrchestratorVersion) && isSet(sp.KubernetesVersion) && !versionFits(*p.OrchestratorVersion, *sp.KubernetesVersion):
		return badRequest(codeInvalidParameter, "properties.orchestratorVersion",
			"The agent pool's orchestratorVersion '%s' does not match the Kubernetes version '%s' of the snapshot %s it is created from.",
			*p.OrchestratorVersion, *sp.KubernetesVersion, deref(snap.ID))
	}
	size := poolSizeForDefaults(p)
	if size != "" && isSet(sp.VMSize) && sizeSeries(size) != sizeSeries(*sp.VMSize) {
		return badRequest(codeInvalidParameter, target,
			"The VM size '%s' is not in the virtual machine family of the snapshot's VM size '%s': a node pool created from a snapshot must use a VM from the same family.",
			size, *sp.VMSize)
	}
	return nil
}

// poolSnapshot is the snapshot a pool is created from, or nil.
func poolSnapshot(w World, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *armcontainerservice.Snapshot {
	if w.Snapshot == nil || p == nil || p.CreationData == nil || !isSet(p.CreationData.SourceResourceID) {
		return nil
	}
	snap, ok := w.Snapshot(*p.CreationData.SourceResourceID)
	if !ok || snap == nil || snap.Properties == nil {
		return nil
	}
	return snap
}

// versionFits: the pool's version text names the snapshot's version: the
// same patch, or its MAJOR.MINOR alias.
func versionFits(requested, snapshot string) bool {
	return strings.EqualFold(requested, snapshot) || strings.HasPrefix(snapshot, requested+".")
}

// sizeSeries is the series letter of a VM size name: "Standard_DS2_v2" → "D",
// "Standard_NC6s_v3" → "N".
func sizeSeries(size string) string {
	name := size
	if i := strings.Index(name, "_"); i >= 0 {
		name = name[i+1:]
	}
	if name == "" {
		return ""
	}
	return strings.ToUpper(name[:1])
}
