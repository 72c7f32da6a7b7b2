package emulator

import (
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/network/armnetwork/v7"
)

// The store's resources by ARM ID (any case), and lists under an ID prefix
// (a subscription or resource group), in ID order. The caller holds db.mu.

func (db *store) resourceGroup(id string) *resourceGroup { return db.state.ResourceGroups[key(id)] }

func (db *store) resourceGroupsUnder(prefix string) []*resourceGroup {
	return underPrefix(db.state.ResourceGroups, key(prefix)+"/")
}

func (db *store) putResourceGroup(rg *resourceGroup) { db.state.ResourceGroups[key(rg.ID)] = rg }

func (db *store) vnet(id string) *armnetwork.VirtualNetwork { return db.state.VNets[key(id)] }

func (db *store) vnetsUnder(prefix string) []*armnetwork.VirtualNetwork {
	return underPrefix(db.state.VNets, key(prefix)+"/")
}

func (db *store) putVNet(vn *armnetwork.VirtualNetwork) { db.state.VNets[key(deref(vn.ID))] = vn }

func (db *store) cluster(id string) *clusterRecord { return db.state.Clusters[key(id)] }

func (db *store) clustersUnder(prefix string) []*clusterRecord {
	return underPrefix(db.state.Clusters, key(prefix)+"/")
}

func (db *store) putCluster(c *clusterRecord) { db.state.Clusters[key(deref(c.Cluster.ID))] = c }

func (db *store) pool(id string) *poolRecord { return db.state.Pools[key(id)] }

// poolsOf returns the pools of a cluster in creation order.
func (db *store) poolsOf(clusterID string) []*poolRecord { return db.state.poolsOf(key(clusterID)) }

func (db *store) putPool(p *poolRecord) { db.state.Pools[key(deref(p.Pool.ID))] = p }

// nextSeq numbers a new pool: pools are listed in creation order.
func (db *store) nextSeq() int64 {
	db.state.Seq++
	return db.state.Seq
}

func (db *store) operation(id string) *operation { return db.state.Operations[id] }

// addOperation registers a started operation and arms its completion timer.
func (db *store) addOperation(op *operation) {
	db.pruneOperations(op.Start)
	db.state.Operations[op.ID] = op
	db.schedule(op)
}

// register marks a resource provider registered in a subscription.
func (db *store) register(sub, namespace string) {
	m := db.state.Registrations[strings.ToLower(sub)]
	if m == nil {
		m = map[string]string{}
		db.state.Registrations[strings.ToLower(sub)] = m
	}
	m[strings.ToLower(namespace)] = "Registered"
}

// registrationState returns a provider's state in a subscription. The caller holds db.mu.
func (db *store) registrationState(sub, namespace string) string {
	if m := db.state.Registrations[strings.ToLower(sub)]; m != nil {
		if st, ok := m[strings.ToLower(namespace)]; ok {
			return st
		}
	}
	return "Registered"
}
