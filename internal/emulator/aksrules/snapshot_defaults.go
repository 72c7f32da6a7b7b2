package aksrules

import (
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// defaultFromSnapshot: a new pool created from a snapshot takes what the
// request leaves unset of the snapshot's configuration: OS type and SKU,
// Kubernetes version and FIPS (node-pool-snapshot.md: "reference this
// snapshot resource and the respective values of its configuration to create
// any new node pool"). AgentPoolsCreate_Snapshot.json sends
// "orchestratorVersion": "" and answers a version, the snapshot's. Runs
// before the other defaults, which then see these values.
func defaultFromSnapshot(w World, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
	snap := poolSnapshot(w, p)
	if snap == nil {
		return
	}
	sp := snap.Properties
	if !isSet(p.OSType) {
		p.OSType = sp.OSType
	}
	if !isSet(p.OSSKU) {
		p.OSSKU = sp.OSSKU
	}
	if !isSet(p.OrchestratorVersion) {
		p.OrchestratorVersion = sp.KubernetesVersion
	}
	if p.EnableFIPS == nil {
		p.EnableFIPS = sp.EnableFIPS
	}
}

// snapshotNodeImage: a pool created from a snapshot runs the snapshot's node
// image, not the latest ("Your node pool image version is the same contained
// in the snapshot and remains the same throughout every scale operation",
// node-pool-snapshot.md).
func snapshotNodeImage(w World, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
	if snap := poolSnapshot(w, p); snap != nil && isSet(snap.Properties.NodeImageVersion) {
		p.NodeImageVersion = to(*snap.Properties.NodeImageVersion)
	}
}
