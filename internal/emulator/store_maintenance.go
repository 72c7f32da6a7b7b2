package emulator

import (
	"sort"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// maintenanceRecord is one maintenance configuration of a cluster, kept as
// the SDK's model so that it answers in the SDK's (and the spec's) shape.
type maintenanceRecord struct {
	Config     *armcontainerservice.MaintenanceConfiguration `json:"config"`
	ClusterKey string                                        `json:"clusterKey"`
}

// maintenance returns the maintenance configuration with this ID, or nil. The caller holds db.mu.
func (db *store) maintenance(id string) *maintenanceRecord { return db.state.Maintenance[key(id)] }

// putMaintenance stores a maintenance configuration. The caller holds db.mu.
func (db *store) putMaintenance(m *maintenanceRecord) {
	db.state.Maintenance[key(deref(m.Config.ID))] = m
}

// deleteMaintenance removes a maintenance configuration. The caller holds db.mu.
func (db *store) deleteMaintenance(id string) { delete(db.state.Maintenance, key(id)) }

// maintenanceOf returns a cluster's maintenance configurations by name. The caller holds db.mu.
func (db *store) maintenanceOf(clusterID string) []*maintenanceRecord {
	ck := key(clusterID)
	var out []*maintenanceRecord
	for _, m := range db.state.Maintenance {
		if m.ClusterKey == ck {
			out = append(out, m)
		}
	}
	sort.Slice(out, func(i, j int) bool { return deref(out[i].Config.Name) < deref(out[j].Config.Name) })
	return out
}
