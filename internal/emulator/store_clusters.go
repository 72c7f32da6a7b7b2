package emulator

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/emulator/aksrules"
	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

// Managed clusters in the store: the views answers and aksrules get, the
// operations a request would collide with, and what a cluster operation's end
// does.

// world is what aksrules may consult for a request on cluster c (nil while
// the cluster is being created), without the pool excluded (the one being
// created). The caller holds db.mu.
func (db *store) world(location string, c *clusterRecord, exclude string) aksrules.World {
	loc := normLocation(location)
	w := aksrules.World{
		Location: loc,
		SKU: func(name string) (skudata.SKU, bool) {
			sku, ok := db.skusIn(loc)[strings.ToLower(name)]
			return sku, ok
		},
		KubernetesVersions: db.rulesVersions(),
		Subnet:             db.subnetVNet,
		SubnetPrefixes:     db.vnetSubnetPrefixes,
		LatestNodeImage:    db.latestNodeImage,
		Resource:           db.resourceType,
		Snapshot:           db.snapshotOf,
	}
	if c != nil {
		w.Cluster = db.clusterView(c)
		for _, p := range db.state.poolsOf(key(deref(c.Cluster.ID))) {
			if exclude != "" && key(deref(p.Pool.ID)) == exclude {
				continue
			}
			w.Pools = append(w.Pools, clone(p.Pool))
		}
	}
	return w
}

// clusterView is a deep copy of the cluster as GET answers it: the stored
// cluster with its agentPoolProfiles built from its pools. The rules get
// copies, so that nothing they (or defaults sharing their pointers) do can
// reach the store. The caller holds db.mu.
func (db *store) clusterView(c *clusterRecord) *armcontainerservice.ManagedCluster {
	mc := clone(c.Cluster)
	if mc.Properties == nil {
		mc.Properties = &armcontainerservice.ManagedClusterProperties{}
	}
	mc.Properties.AgentPoolProfiles = nil
	for _, p := range db.state.poolsOf(key(deref(c.Cluster.ID))) {
		if prof := aksrules.AgentPoolToProfile(clone(p.Pool)); prof != nil {
			mc.Properties.AgentPoolProfiles = append(mc.Properties.AgentPoolProfiles, prof)
		}
	}
	return mc
}

// clusterJSON marshals the cluster as GET answers it, without the deep copy
// clusterView makes: the answer shares the stored values only while they are
// marshaled, under db.mu. GETs are the hot path. The caller holds db.mu.
func (db *store) clusterJSON(c *clusterRecord) json.RawMessage {
	mc := *c.Cluster
	var props armcontainerservice.ManagedClusterProperties
	if c.Cluster.Properties != nil {
		props = *c.Cluster.Properties
	}
	props.AgentPoolProfiles = nil
	for _, p := range db.state.poolsOf(key(deref(c.Cluster.ID))) {
		if prof := aksrules.AgentPoolToProfile(p.Pool); prof != nil {
			props.AgentPoolProfiles = append(props.AgentPoolProfiles, prof)
		}
	}
	withoutSecrets(&props)
	mc.Properties = &props
	return mustMarshal(&mc)
}

// conflict returns AKS's OperationNotAllowed error when an operation runs on
// the cluster (or, for a pool request, on that pool). The caller holds db.mu.
func (db *store) conflict(clusterKey, poolKey, poolName, action string) *armError {
	if poolKey != "" {
		if op := db.runningOn(poolKey); op != nil {
			if op.Action == "Deleting" {
				return deletionUnderWay(action, poolName)
			}
			return operationNotAllowed(fmt.Sprintf("Operation is not allowed: Another agentpool operation (%s - %s) is in progress, please wait for it to finish before starting a new operation. %s",
				poolName, op.Action, pendingOperationHelp))
		}
	}
	for id := range db.timers {
		op := db.state.Operations[id]
		if op == nil || !op.running() {
			continue
		}
		if op.Target == targetCluster && key(op.ResourceID) == clusterKey {
			if op.Action == "Deleting" {
				return deletionUnderWay(action, clusterNameOf(op.ResourceID))
			}
			return operationNotAllowed(fmt.Sprintf("Operation is not allowed: Another operation (%s) is in progress, please wait for it to finish before starting a new operation. %s",
				op.Action, pendingOperationHelp))
		}
		if poolKey == "" && op.Target == targetPool && strings.HasPrefix(key(op.ResourceID), clusterKey+"/agentpools/") {
			return operationNotAllowed(fmt.Sprintf("Managed Cluster operation is not allowed: Another operation (%s) is in progress on agent pool (%s), please wait for it to finish before starting a new operation. %s",
				op.Action, poolNameOf(op.ResourceID), pendingOperationHelp))
		}
	}
	// operations being aborted have no timer but still hold the resource
	for _, op := range db.state.Operations {
		if op.running() && op.AbortedBy != "" && (op.touches(clusterKey) || (poolKey != "" && op.touches(poolKey))) {
			return operationNotAllowed(fmt.Sprintf("Operation is not allowed: Another operation (Canceling) is in progress, please wait for it to finish before starting a new operation. %s", pendingOperationHelp))
		}
	}
	return nil
}

func operationNotAllowed(message string) *armError {
	return &armError{Code: "OperationNotAllowed", Message: message}
}

// deletionUnderWay is AKS's refusal of anything but deletion once a resource is being deleted.
func deletionUnderWay(action, name string) *armError {
	return operationNotAllowed(fmt.Sprintf("Unable to perform '%s' operation on '%s' since deletion was issued on '%s'. The only allowed operation is deletion once deletion has started. %s",
		action, name, name, pendingOperationHelp))
}

// createNodeResourceGroup creates the MC_ resource group AKS manages for the cluster. The caller holds db.mu.
func (db *store) createNodeResourceGroup(mc *armcontainerservice.ManagedCluster) {
	rid, err := parseID(deref(mc.ID))
	if err != nil {
		return
	}
	id := rgID(rid.SubscriptionID, deref(mc.Properties.NodeResourceGroup))
	if db.state.ResourceGroups[key(id)] != nil {
		return
	}
	rg := &resourceGroup{
		ID: id, Name: deref(mc.Properties.NodeResourceGroup), Type: "Microsoft.Resources/resourceGroups",
		Location: deref(mc.Location), ManagedBy: deref(mc.ID),
		Tags: map[string]string{"aks-managed-cluster-name": deref(mc.Name), "aks-managed-cluster-rg": rid.ResourceGroupName},
	}
	rg.Properties.ProvisioningState = "Succeeded"
	db.state.ResourceGroups[key(id)] = rg
}

// removeCluster deletes a cluster, its pools and its node resource group. The caller holds db.mu.
func (db *store) removeCluster(ck string) {
	c := db.state.Clusters[ck]
	if c == nil {
		return
	}
	for k, p := range db.state.Pools {
		if p.ClusterKey == ck {
			delete(db.state.Pools, k)
		}
	}
	for k, m := range db.state.Maintenance {
		if m.ClusterKey == ck {
			delete(db.state.Maintenance, k)
		}
	}
	if rid, err := parseID(deref(c.Cluster.ID)); err == nil && c.Cluster.Properties != nil {
		nrg := key(rgID(rid.SubscriptionID, deref(c.Cluster.Properties.NodeResourceGroup)))
		if rg := db.state.ResourceGroups[nrg]; rg != nil && key(rg.ManagedBy) == ck {
			delete(db.state.ResourceGroups, nrg)
		}
	}
	delete(db.state.Clusters, ck)
}

// finishClusterOperation applies the end of a cluster operation. The caller holds db.mu.
func (db *store) finishClusterOperation(op *operation) {
	ck := key(op.ResourceID)
	c := db.state.Clusters[ck]
	if c == nil {
		return
	}
	if op.Status == statusSucceeded && op.Action == "Deleting" {
		db.removeCluster(ck)
		return
	}
	state := op.Status // Succeeded, Failed or Canceled: the provisioning states have the same names
	c.Cluster.Properties.ProvisioningState = to.Ptr(state)
	if t, ok := op.Targets[ck]; ok && op.Status == statusSucceeded && t.Current != "" {
		c.Cluster.Properties.CurrentKubernetesVersion = to.Ptr(t.Current)
	}
	for _, child := range op.Children {
		p := db.state.Pools[key(child)]
		if p == nil {
			continue
		}
		p.Pool.Properties.ProvisioningState = to.Ptr(state)
		if op.Status == statusSucceeded {
			db.settlePool(p, op.Targets[key(child)])
		}
	}
}

// touchCluster gives a cluster and its pools new eTags. The caller holds db.mu.
func (db *store) touchCluster(c *clusterRecord) {
	c.Cluster.ETag = to.Ptr(newETag())
	for _, p := range db.state.poolsOf(key(deref(c.Cluster.ID))) {
		p.Pool.Properties.ETag = to.Ptr(newETag())
	}
}
