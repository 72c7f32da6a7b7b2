package emulator

import (
	"sort"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/network/armnetwork/v7"
)

// Virtual networks and subnets in the store: who uses a subnet, and what a
// network operation's end does.

// subnetUser returns the ID of an agent pool using the subnet (as node or pod subnet), or "".
// The caller holds db.mu.
func (db *store) subnetUser(subnetID string) string {
	k := key(subnetID)
	var users []string
	for _, p := range db.state.Pools {
		if p.Pool.Properties == nil {
			continue
		}
		if key(deref(p.Pool.Properties.VnetSubnetID)) == k || key(deref(p.Pool.Properties.PodSubnetID)) == k {
			users = append(users, deref(p.Pool.ID))
		}
	}
	sort.Strings(users)
	if len(users) == 0 {
		return ""
	}
	return users[0]
}

// setNetworkState sets the provisioning state of the network or subnet of an operation.
func (db *store) setNetworkState(op *operation, state armnetwork.ProvisioningState) {
	vn, sn := db.networkOf(op.ResourceID)
	switch {
	case op.Target == targetSubnet && sn != nil:
		sn.Properties.ProvisioningState = to.Ptr(state)
	case op.Target == targetVNet && vn != nil && vn.Properties != nil:
		vn.Properties.ProvisioningState = to.Ptr(state)
	}
}

// networkOf finds the stored network (and subnet) an ID names.
func (db *store) networkOf(id string) (*armnetwork.VirtualNetwork, *armnetwork.Subnet) {
	k := key(id)
	if i := strings.Index(k, "/subnets/"); i > 0 {
		vn := db.state.VNets[k[:i]]
		if vn == nil {
			return nil, nil
		}
		_, sn := findSubnet(vn, k[i+len("/subnets/"):])
		return vn, sn
	}
	return db.state.VNets[k], nil
}

// finishNetworkOperation applies a network operation's end. The caller holds db.mu.
func (db *store) finishNetworkOperation(op *operation) {
	vn, sn := db.networkOf(op.ResourceID)
	if op.Status != statusSucceeded {
		db.setNetworkState(op, armnetwork.ProvisioningStateFailed)
		return
	}
	if op.Action != "Deleting" {
		db.setNetworkState(op, armnetwork.ProvisioningStateSucceeded)
		return
	}
	switch {
	case op.Target == targetSubnet && vn != nil && sn != nil:
		i, _ := findSubnet(vn, deref(sn.Name))
		vn.Properties.Subnets = append(vn.Properties.Subnets[:i], vn.Properties.Subnets[i+1:]...)
	case op.Target == targetVNet:
		delete(db.state.VNets, key(op.ResourceID))
	}
}

// subnetVNet resolves a subnet ID to its network's ID (aksrules.World.Subnet). The caller holds db.mu.
func (db *store) subnetVNet(id string) (string, bool) {
	vn, sn := db.networkOf(id)
	if vn == nil || sn == nil {
		return "", false
	}
	return deref(vn.ID), true
}

// vnetSubnetPrefixes lists the address prefixes of every subnet of the network vnetID
// (aksrules.World.SubnetPrefixes). The caller holds db.mu.
func (db *store) vnetSubnetPrefixes(vnetID string) []string {
	vn := db.state.VNets[key(vnetID)]
	if vn == nil || vn.Properties == nil {
		return nil
	}
	var out []string
	for _, sn := range vn.Properties.Subnets {
		if sn != nil {
			out = append(out, subnetPrefixes(sn)...)
		}
	}
	return out
}
