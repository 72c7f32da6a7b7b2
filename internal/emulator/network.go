package emulator

import (
	"fmt"
	"net/http"
	"net/netip"
	"sort"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/network/armnetwork/v7"
	"github.com/google/uuid"
)

// Microsoft.Network virtual networks and subnets, stored as armnetwork
// models. Subnets live inside their virtual network, as Azure returns them.

const (
	vnetType   = "Microsoft.Network/virtualNetworks"
	subnetType = "Microsoft.Network/virtualNetworks/subnets"
)

func vnetID(sub, rg, name string) string {
	return fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Network/virtualNetworks/%s", sub, rg, name)
}

func networkETag() *string { return to.Ptr(`W/"` + uuid.NewString() + `"`) }

func (s *Server) vnetNotFound(q *request) {
	writeError(q, http.StatusNotFound, "ResourceNotFound",
		fmt.Sprintf("The Resource 'Microsoft.Network/virtualNetworks/%s' under resource group '%s' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix",
			q.param("virtualNetworkName"), q.param("resourceGroupName")), "")
}

// requireVNet returns the virtual network of the path, or answers 404. The caller holds s.mu.
func (s *Server) requireVNet(q *request) *armnetwork.VirtualNetwork {
	vn := s.st.VNets[key(vnetID(q.param("subscriptionId"), q.param("resourceGroupName"), q.param("virtualNetworkName")))]
	if vn == nil {
		if s.requireResourceGroup(q) == nil {
			return nil
		}
		s.vnetNotFound(q)
	}
	return vn
}

func (s *Server) handleVNetListAll(q *request) {
	s.listVNets(q, key("/subscriptions/"+q.param("subscriptionId"))+"/")
}

func (s *Server) handleVNetList(q *request) {
	s.mu.Lock()
	if s.requireResourceGroup(q) == nil {
		s.mu.Unlock()
		return
	}
	s.mu.Unlock()
	s.listVNets(q, key(rgID(q.param("subscriptionId"), q.param("resourceGroupName")))+"/")
}

func (s *Server) listVNets(q *request, prefix string) {
	s.mu.Lock()
	var out []any
	for _, vn := range underPrefix(s.st.VNets, prefix) {
		out = append(out, clone(vn))
	}
	s.mu.Unlock()
	writePage(q, out, s.opts.PageSize)
}

func (s *Server) handleVNetGet(q *request) {
	s.mu.Lock()
	s.settle(time.Now())
	vn := s.requireVNet(q)
	if vn == nil {
		s.mu.Unlock()
		return
	}
	out := clone(vn)
	s.mu.Unlock()
	writeJSON(q, http.StatusOK, out)
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
	s.mu.Lock()
	defer func() { _ = s.save() }()
	defer s.mu.Unlock()
	s.settle(time.Now())
	if rg := s.requireResourceGroup(q); rg == nil || beingDeleted(q, rg) {
		return
	}
	id := vnetID(q.param("subscriptionId"), q.param("resourceGroupName"), q.param("virtualNetworkName"))
	old := s.st.VNets[key(id)]
	if op := s.runningOn(key(id)); op != nil {
		writeError(q, http.StatusConflict, "AnotherOperationInProgress",
			fmt.Sprintf("Another operation on this or dependent resource is in progress. To retrieve status of the operation use uri: %s", s.statusURL(q, op)), "")
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
	// The body's subnets replace the stored ones, as in Azure: a subnet left
	// out is deleted, which fails while something uses it.
	keep := map[string]bool{}
	for _, sn := range vn.Properties.Subnets {
		if sn != nil && sn.Name != nil {
			keep[strings.ToLower(*sn.Name)] = true
		}
	}
	if old != nil && old.Properties != nil {
		for _, sn := range old.Properties.Subnets {
			if !keep[strings.ToLower(deref(sn.Name))] {
				if user := s.subnetUser(deref(sn.ID)); user != "" {
					subnetInUse(q, deref(sn.Name), user)
					return
				}
			}
		}
	}
	for _, sn := range vn.Properties.Subnets {
		if sn == nil || sn.Name == nil {
			writeError(q, http.StatusBadRequest, "InvalidRequestFormat", "Every subnet needs a name.", "")
			return
		}
		sn.ID, sn.Type, sn.Etag = to.Ptr(id+"/subnets/"+*sn.Name), to.Ptr(subnetType), networkETag()
		if sn.Properties == nil {
			sn.Properties = &armnetwork.SubnetPropertiesFormat{}
		}
		stripSubnetReadOnly(sn.Properties)
		sn.Properties.ProvisioningState = to.Ptr(armnetwork.ProvisioningStateSucceeded)
	}
	if e := checkSubnetRanges(vn); e != nil {
		writeError(q, http.StatusBadRequest, e.Code, e.Message, "")
		return
	}
	status := http.StatusOK
	if old == nil {
		status = http.StatusCreated
	}
	s.st.VNets[key(id)] = vn
	op := s.startNetworkOperation(q, id, targetVNet, "Updating", *vn.Location)
	s.setPollingHeaders(q, op, true, false)
	writeJSON(q, status, clone(vn))
}

// startNetworkOperation starts a network operation; one that takes no time
// (the default) is finished before the answer is written.
func (s *Server) startNetworkOperation(q *request, id, target, action, location string) *operation {
	op := s.startOperation(q, &operation{
		Namespace: "Microsoft.Network", Location: location, Kind: LatencyNetwork, Action: action, Target: target, ResourceID: id,
	})
	if !time.Now().Before(op.Deadline) || s.latencyOf(LatencyNetwork) == 0 {
		s.completeOperation(op, time.Now())
	} else {
		s.setNetworkState(op, armnetwork.ProvisioningState(action))
	}
	return op
}

func (s *Server) statusURL(q *request, op *operation) string {
	u, _ := s.operationURLs(q.baseURL(), op)
	return u
}

func stripSubnetReadOnly(p *armnetwork.SubnetPropertiesFormat) {
	p.ProvisioningState = nil
	p.IPConfigurations = nil
	p.IPConfigurationProfiles = nil
	p.PrivateEndpoints = nil
	p.Purpose = nil
	p.ResourceNavigationLinks = nil
	p.ServiceAssociationLinks = nil
}

// checkSubnetRanges checks every subnet's prefix lies in the address space and no two overlap.
func checkSubnetRanges(vn *armnetwork.VirtualNetwork) *armError {
	var space []netip.Prefix
	for _, p := range vn.Properties.AddressSpace.AddressPrefixes {
		pp, err := netip.ParsePrefix(deref(p))
		if err == nil {
			space = append(space, pp.Masked())
		}
	}
	type named struct {
		name   string
		prefix netip.Prefix
	}
	var seen []named
	for _, sn := range vn.Properties.Subnets {
		prefixes := subnetPrefixes(sn)
		if len(prefixes) == 0 {
			return &armError{Code: "InvalidRequestFormat", Message: fmt.Sprintf("Subnet %s has no address prefix.", deref(sn.Name))}
		}
		for _, raw := range prefixes {
			p, err := netip.ParsePrefix(raw)
			if err != nil {
				return &armError{Code: "InvalidAddressPrefixFormat", Message: fmt.Sprintf("Address prefix %s of resource %s is not formatted correctly.", raw, deref(sn.ID))}
			}
			p = p.Masked()
			inside := false
			for _, sp := range space {
				if sp.Bits() <= p.Bits() && sp.Contains(p.Addr()) {
					inside = true
				}
			}
			if !inside {
				return &armError{Code: "NetcfgSubnetRangeOutsideVnet",
					Message: fmt.Sprintf("Subnet '%s' is not valid because its IP address range is outside the IP address range of virtual network '%s'.", deref(sn.Name), deref(vn.Name))}
			}
			for _, o := range seen {
				if o.prefix.Overlaps(p) {
					return &armError{Code: "NetcfgSubnetRangesOverlap",
						Message: fmt.Sprintf("Subnet '%s' is not valid because its IP address range overlaps with that of an existing subnet '%s' in virtual network '%s'.", deref(sn.Name), o.name, deref(vn.Name))}
				}
			}
			seen = append(seen, named{deref(sn.Name), p})
		}
	}
	return nil
}

func subnetPrefixes(sn *armnetwork.Subnet) []string {
	if sn.Properties == nil {
		return nil
	}
	var out []string
	if sn.Properties.AddressPrefix != nil {
		out = append(out, *sn.Properties.AddressPrefix)
	}
	for _, p := range sn.Properties.AddressPrefixes {
		if p != nil {
			out = append(out, *p)
		}
	}
	return out
}

// subnetUser returns the ID of an agent pool using the subnet (as node or pod subnet), or "".
// The caller holds s.mu.
func (s *Server) subnetUser(subnetID string) string {
	k := key(subnetID)
	var users []string
	for _, p := range s.st.Pools {
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

func subnetInUse(q *request, name, user string) {
	writeError(q, http.StatusBadRequest, "InUseSubnetCannotBeDeleted",
		fmt.Sprintf("Subnet %s is in use by %s and cannot be deleted. In order to delete the subnet, delete all the resources within the subnet. See aka.ms/deletesubnet.", name, user), "")
}

func (s *Server) handleVNetDelete(q *request) {
	s.mu.Lock()
	defer func() { _ = s.save() }()
	defer s.mu.Unlock()
	s.settle(time.Now())
	id := vnetID(q.param("subscriptionId"), q.param("resourceGroupName"), q.param("virtualNetworkName"))
	vn := s.st.VNets[key(id)]
	if vn == nil {
		q.w.WriteHeader(http.StatusNoContent)
		return
	}
	if vn.Properties != nil {
		for _, sn := range vn.Properties.Subnets {
			if user := s.subnetUser(deref(sn.ID)); user != "" {
				subnetInUse(q, deref(sn.Name), user)
				return
			}
		}
	}
	op := s.startNetworkOperation(q, id, targetVNet, "Deleting", deref(vn.Location))
	s.setPollingHeaders(q, op, true, true)
	q.w.WriteHeader(http.StatusAccepted)
}

// ---- subnets ----

func findSubnet(vn *armnetwork.VirtualNetwork, name string) (int, *armnetwork.Subnet) {
	if vn.Properties == nil {
		return -1, nil
	}
	for i, sn := range vn.Properties.Subnets {
		if strings.EqualFold(deref(sn.Name), name) {
			return i, sn
		}
	}
	return -1, nil
}

func (s *Server) handleSubnetList(q *request) {
	s.mu.Lock()
	vn := s.requireVNet(q)
	if vn == nil {
		s.mu.Unlock()
		return
	}
	var out []any
	if vn.Properties != nil {
		for _, sn := range vn.Properties.Subnets {
			out = append(out, clone(sn))
		}
	}
	s.mu.Unlock()
	writePage(q, out, s.opts.PageSize)
}

func (s *Server) handleSubnetGet(q *request) {
	s.mu.Lock()
	s.settle(time.Now())
	vn := s.requireVNet(q)
	if vn == nil {
		s.mu.Unlock()
		return
	}
	_, sn := findSubnet(vn, q.param("subnetName"))
	if sn == nil {
		s.mu.Unlock()
		writeError(q, http.StatusNotFound, "NotFound", fmt.Sprintf("Resource %s/subnets/%s not found.", deref(vn.ID), q.param("subnetName")), "")
		return
	}
	out := clone(sn)
	s.mu.Unlock()
	writeJSON(q, http.StatusOK, out)
}

func (s *Server) handleSubnetPut(q *request) {
	var body armnetwork.Subnet
	if !decodeBody(q, &body) || !s.checkRegistered(q, "Microsoft.Network") {
		return
	}
	s.mu.Lock()
	defer func() { _ = s.save() }()
	defer s.mu.Unlock()
	s.settle(time.Now())
	vn := s.requireVNet(q)
	if vn == nil {
		return
	}
	name := q.param("subnetName")
	if op := s.runningOn(key(deref(vn.ID))); op != nil {
		writeError(q, http.StatusConflict, "AnotherOperationInProgress",
			fmt.Sprintf("Another operation on this or dependent resource is in progress. To retrieve status of the operation use uri: %s", s.statusURL(q, op)), "")
		return
	}
	sn := &body
	if sn.Properties == nil {
		sn.Properties = &armnetwork.SubnetPropertiesFormat{}
	}
	stripSubnetReadOnly(sn.Properties)
	id := deref(vn.ID) + "/subnets/" + name
	sn.ID, sn.Name, sn.Type, sn.Etag = to.Ptr(id), to.Ptr(name), to.Ptr(subnetType), networkETag()
	sn.Properties.ProvisioningState = to.Ptr(armnetwork.ProvisioningStateSucceeded)

	// validate against a copy, so a refused subnet leaves the network as it was
	trial := clone(vn)
	i, _ := findSubnet(trial, name)
	status := http.StatusOK
	if i < 0 {
		trial.Properties.Subnets = append(trial.Properties.Subnets, sn)
		status = http.StatusCreated
	} else {
		trial.Properties.Subnets[i] = sn
	}
	if e := checkSubnetRanges(trial); e != nil {
		writeError(q, http.StatusBadRequest, e.Code, e.Message, "")
		return
	}
	s.st.VNets[key(deref(vn.ID))] = trial
	op := s.startNetworkOperation(q, id, targetSubnet, "Updating", deref(vn.Location))
	s.setPollingHeaders(q, op, true, false)
	_, stored := findSubnet(trial, name)
	writeJSON(q, status, clone(stored))
}

func (s *Server) handleSubnetDelete(q *request) {
	s.mu.Lock()
	defer func() { _ = s.save() }()
	defer s.mu.Unlock()
	s.settle(time.Now())
	vn := s.requireVNet(q)
	if vn == nil {
		return
	}
	_, sn := findSubnet(vn, q.param("subnetName"))
	if sn == nil {
		q.w.WriteHeader(http.StatusNoContent)
		return
	}
	if user := s.subnetUser(deref(sn.ID)); user != "" {
		subnetInUse(q, deref(sn.Name), user)
		return
	}
	op := s.startNetworkOperation(q, deref(sn.ID), targetSubnet, "Deleting", deref(vn.Location))
	s.setPollingHeaders(q, op, true, true)
	q.w.WriteHeader(http.StatusAccepted)
}

// setNetworkState sets the provisioning state of the network or subnet of an operation.
func (s *Server) setNetworkState(op *operation, state armnetwork.ProvisioningState) {
	vn, sn := s.networkOf(op.ResourceID)
	switch {
	case op.Target == targetSubnet && sn != nil:
		sn.Properties.ProvisioningState = to.Ptr(state)
	case op.Target == targetVNet && vn != nil && vn.Properties != nil:
		vn.Properties.ProvisioningState = to.Ptr(state)
	}
}

// networkOf finds the stored network (and subnet) an ID names.
func (s *Server) networkOf(id string) (*armnetwork.VirtualNetwork, *armnetwork.Subnet) {
	k := key(id)
	if i := strings.Index(k, "/subnets/"); i > 0 {
		vn := s.st.VNets[k[:i]]
		if vn == nil {
			return nil, nil
		}
		_, sn := findSubnet(vn, k[i+len("/subnets/"):])
		return vn, sn
	}
	return s.st.VNets[k], nil
}

// finishNetworkOperation applies a network operation's end. The caller holds s.mu.
func (s *Server) finishNetworkOperation(op *operation) {
	vn, sn := s.networkOf(op.ResourceID)
	if op.Status != statusSucceeded {
		s.setNetworkState(op, armnetwork.ProvisioningStateFailed)
		return
	}
	if op.Action != "Deleting" {
		s.setNetworkState(op, armnetwork.ProvisioningStateSucceeded)
		return
	}
	switch {
	case op.Target == targetSubnet && vn != nil && sn != nil:
		i, _ := findSubnet(vn, deref(sn.Name))
		vn.Properties.Subnets = append(vn.Properties.Subnets[:i], vn.Properties.Subnets[i+1:]...)
	case op.Target == targetVNet:
		delete(s.st.VNets, key(op.ResourceID))
	}
}

// subnetVNet resolves a subnet ID to its network's ID (aksrules.World.Subnet). The caller holds s.mu.
func (s *Server) subnetVNet(id string) (string, bool) {
	vn, sn := s.networkOf(id)
	if vn == nil || sn == nil {
		return "", false
	}
	return deref(vn.ID), true
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
