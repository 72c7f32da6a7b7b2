package emulator

import (
	"fmt"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/network/armnetwork/v7"
	"github.com/google/uuid"
)

// Microsoft.Network virtual networks, stored as armnetwork models. Subnets
// live inside their virtual network, as Azure returns them (subnets.go).

const (
	vnetType   = "Microsoft.Network/virtualNetworks"
	subnetType = "Microsoft.Network/virtualNetworks/subnets"
)

func networkETag() *string { return to.Ptr(`W/"` + uuid.NewString() + `"`) }

func (s *Server) vnetNotFound(q *request) {
	writeError(q, http.StatusNotFound, "ResourceNotFound",
		fmt.Sprintf("The Resource 'Microsoft.Network/virtualNetworks/%s' under resource group '%s' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix",
			q.param("virtualNetworkName"), q.param("resourceGroupName")), "")
}

// requireVNet returns the virtual network of the path, or answers 404. The caller holds db.mu.
func (s *Server) requireVNet(q *request) *armnetwork.VirtualNetwork {
	vn := s.db.vnet(vnetID(q.param("subscriptionId"), q.param("resourceGroupName"), q.param("virtualNetworkName")))
	if vn == nil {
		if s.requireResourceGroup(q) == nil {
			return nil
		}
		s.vnetNotFound(q)
	}
	return vn
}

func (s *Server) handleVNetListAll(q *request) {
	s.listVNets(q, "/subscriptions/"+q.param("subscriptionId"))
}

func (s *Server) handleVNetList(q *request) {
	s.db.mu.Lock()
	if s.requireResourceGroup(q) == nil {
		s.db.mu.Unlock()
		return
	}
	s.db.mu.Unlock()
	s.listVNets(q, rgID(q.param("subscriptionId"), q.param("resourceGroupName")))
}

func (s *Server) listVNets(q *request, under string) {
	s.db.mu.Lock()
	out := cloneAll(s.db.vnetsUnder(under))
	s.db.mu.Unlock()
	writePage(q, out, s.opts.PageSize)
}

func (s *Server) handleVNetGet(q *request) {
	s.db.mu.Lock()
	s.db.settle(time.Now())
	out := clone(s.requireVNet(q))
	s.db.mu.Unlock()
	writeFound(q, out)
}

func (s *Server) handleVNetPut(q *request) {
	var body armnetwork.VirtualNetwork
	if !decodeBody(q, &body) || !s.checkRegistered(q, "Microsoft.Network") {
		return
	}
	if body.Location == nil || *body.Location == "" {
		writeError(q, http.StatusBadRequest, "LocationRequired", "The location property is required for this definition.", "")
		return
	}
	if body.Properties == nil || body.Properties.AddressSpace == nil || len(body.Properties.AddressSpace.AddressPrefixes) == 0 {
		writeError(q, http.StatusBadRequest, "InvalidAddressSpace", "The virtual network must have at least one address prefix in its address space.", "")
		return
	}
	end := s.db.beginWrite()
	defer end()
	if rg := s.requireResourceGroup(q); rg == nil || beingDeleted(q, rg) {
		return
	}
	id := vnetID(q.param("subscriptionId"), q.param("resourceGroupName"), q.param("virtualNetworkName"))
	old := s.db.vnet(id)
	if s.networkBusy(q, id) {
		return
	}
	for _, prefix := range body.Properties.AddressSpace.AddressPrefixes {
		if _, err := netip.ParsePrefix(deref(prefix)); err != nil {
			writeError(q, http.StatusBadRequest, "InvalidAddressPrefixFormat", fmt.Sprintf("Address prefix %s of resource %s is not formatted correctly.", deref(prefix), id), "")
			return
		}
	}
	vn := &body
	vn.ID, vn.Name, vn.Type, vn.Etag = to.Ptr(id), to.Ptr(q.param("virtualNetworkName")), to.Ptr(vnetType), networkETag()
	vn.Location = to.Ptr(normLocation(*vn.Location))
	if old != nil && old.Properties != nil {
		vn.Properties.ResourceGUID = old.Properties.ResourceGUID
	} else {
		vn.Properties.ResourceGUID = to.Ptr(uuid.NewString())
	}
	if s.removesUsedSubnet(q, old, vn) {
		return
	}
	for _, sn := range vn.Properties.Subnets {
		if sn == nil || sn.Name == nil {
			writeError(q, http.StatusBadRequest, "InvalidRequestFormat", "Every subnet needs a name.", "")
			return
		}
		readySubnet(sn, id+"/subnets/"+*sn.Name)
	}
	if e := checkSubnetRanges(vn); e != nil {
		writeError(q, http.StatusBadRequest, e.Code, e.Message, "")
		return
	}
	status := http.StatusOK
	if old == nil {
		status = http.StatusCreated
	}
	s.db.putVNet(vn)
	op := s.startNetworkOperation(q, id, targetVNet, "Updating", *vn.Location)
	s.setPollingHeaders(q, op, true, false)
	writeJSON(q, status, clone(vn))
}

// networkBusy answers 409 AnotherOperationInProgress, and returns true, while
// an operation runs on the network with ID id. The caller holds db.mu.
func (s *Server) networkBusy(q *request, id string) bool {
	op := s.db.runningOn(key(id))
	if op != nil {
		writeError(q, http.StatusConflict, "AnotherOperationInProgress",
			fmt.Sprintf("Another operation on this or dependent resource is in progress. To retrieve status of the operation use uri: %s", s.statusURL(q, op)), "")
	}
	return op != nil
}

// removesUsedSubnet answers, and returns true, when vn would replace old
// without a subnet something uses. The body's subnets replace the stored
// ones, as in Azure: a subnet left out is deleted, which fails while
// something uses it. The caller holds db.mu.
func (s *Server) removesUsedSubnet(q *request, old, vn *armnetwork.VirtualNetwork) bool {
	if old == nil || old.Properties == nil {
		return false
	}
	keep := map[string]bool{}
	for _, sn := range vn.Properties.Subnets {
		if sn != nil && sn.Name != nil {
			keep[strings.ToLower(*sn.Name)] = true
		}
	}
	for _, sn := range old.Properties.Subnets {
		if !keep[strings.ToLower(deref(sn.Name))] {
			if user := s.db.subnetUser(deref(sn.ID)); user != "" {
				subnetInUse(q, deref(sn.Name), user)
				return true
			}
		}
	}
	return false
}

// startNetworkOperation starts a network operation; one that takes no time
// (the default) is finished before the answer is written.
func (s *Server) startNetworkOperation(q *request, id, target, action, location string) *operation {
	op := s.startOperation(q, &operation{
		Namespace: "Microsoft.Network", Location: location, Kind: LatencyNetwork, Action: action, Target: target, ResourceID: id,
	})
	if !time.Now().Before(op.Deadline) || s.db.latencyOf(LatencyNetwork) == 0 {
		s.db.completeOperation(op, time.Now())
	} else {
		s.db.setNetworkState(op, armnetwork.ProvisioningState(action))
	}
	return op
}

func (s *Server) statusURL(q *request, op *operation) string {
	u, _ := s.operationURLs(q.baseURL(), op)
	return u
}

func subnetInUse(q *request, name, user string) {
	writeError(q, http.StatusBadRequest, "InUseSubnetCannotBeDeleted",
		fmt.Sprintf("Subnet %s is in use by %s and cannot be deleted. In order to delete the subnet, delete all the resources within the subnet. See aka.ms/deletesubnet.", name, user), "")
}

func (s *Server) handleVNetDelete(q *request) {
	end := s.db.beginWrite()
	defer end()
	id := vnetID(q.param("subscriptionId"), q.param("resourceGroupName"), q.param("virtualNetworkName"))
	vn := s.db.vnet(id)
	if vn == nil {
		q.w.WriteHeader(http.StatusNoContent)
		return
	}
	if vn.Properties != nil {
		for _, sn := range vn.Properties.Subnets {
			if user := s.db.subnetUser(deref(sn.ID)); user != "" {
				subnetInUse(q, deref(sn.Name), user)
				return
			}
		}
	}
	op := s.startNetworkOperation(q, id, targetVNet, "Deleting", deref(vn.Location))
	s.setPollingHeaders(q, op, true, true)
	q.w.WriteHeader(http.StatusAccepted)
}
