package emulator

import (
	"fmt"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/network/armnetwork/v7"
)

// Microsoft.Network subnets, and the address-range checks a virtual network
// and its subnets must pass.

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
	s.db.mu.Lock()
	vn := s.requireVNet(q)
	if vn == nil {
		s.db.mu.Unlock()
		return
	}
	var out []any
	if vn.Properties != nil {
		out = cloneAll(vn.Properties.Subnets)
	}
	s.db.mu.Unlock()
	writePage(q, out, s.opts.PageSize)
}

func (s *Server) handleSubnetGet(q *request) {
	s.db.mu.Lock()
	s.db.settle(time.Now())
	var out *armnetwork.Subnet
	if vn := s.requireVNet(q); vn != nil {
		out = clone(requireSubnet(q, vn))
	}
	s.db.mu.Unlock()
	writeFound(q, out)
}

// requireSubnet returns the path's subnet of vn, or answers 404. The caller holds db.mu.
func requireSubnet(q *request, vn *armnetwork.VirtualNetwork) *armnetwork.Subnet {
	_, sn := findSubnet(vn, q.param("subnetName"))
	if sn == nil {
		writeError(q, http.StatusNotFound, "NotFound", fmt.Sprintf("Resource %s/subnets/%s not found.", deref(vn.ID), q.param("subnetName")), "")
	}
	return sn
}

func (s *Server) handleSubnetPut(q *request) {
	var body armnetwork.Subnet
	if !decodeBody(q, &body) || !s.checkRegistered(q, "Microsoft.Network") {
		return
	}
	end := s.db.beginWrite()
	defer end()
	vn := s.requireVNet(q)
	if vn == nil {
		return
	}
	name := q.param("subnetName")
	if s.networkBusy(q, deref(vn.ID)) {
		return
	}
	sn := &body
	id := deref(vn.ID) + "/subnets/" + name
	sn.Name = to.Ptr(name)
	readySubnet(sn, id)

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
	s.db.putVNet(trial)
	op := s.startNetworkOperation(q, id, targetSubnet, "Updating", deref(vn.Location))
	s.setPollingHeaders(q, op, true, false)
	_, stored := findSubnet(trial, name)
	writeJSON(q, status, clone(stored))
}

func (s *Server) handleSubnetDelete(q *request) {
	end := s.db.beginWrite()
	defer end()
	vn := s.requireVNet(q)
	if vn == nil {
		return
	}
	_, sn := findSubnet(vn, q.param("subnetName"))
	if sn == nil {
		q.w.WriteHeader(http.StatusNoContent)
		return
	}
	if user := s.db.subnetUser(deref(sn.ID)); user != "" {
		subnetInUse(q, deref(sn.Name), user)
		return
	}
	op := s.startNetworkOperation(q, deref(sn.ID), targetSubnet, "Deleting", deref(vn.Location))
	s.setPollingHeaders(q, op, true, true)
	q.w.WriteHeader(http.StatusAccepted)
}

// readySubnet gives a subnet of a request its ID, type and a new eTag, and
// drops what a client may not set; a subnet is ready at once.
func readySubnet(sn *armnetwork.Subnet, id string) {
	sn.ID, sn.Type, sn.Etag = to.Ptr(id), to.Ptr(subnetType), networkETag()
	if sn.Properties == nil {
		sn.Properties = &armnetwork.SubnetPropertiesFormat{}
	}
	stripSubnetReadOnly(sn.Properties)
	sn.Properties.ProvisioningState = to.Ptr(armnetwork.ProvisioningStateSucceeded)
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
