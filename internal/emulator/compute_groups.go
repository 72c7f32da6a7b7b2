package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/compute/armcompute/v7"

	"github.com/aksforge/terraform-provider-aks/internal/emulator/aksrules"
)

// Microsoft.Compute capacity reservation groups, dedicated host groups and
// proximity placement groups: what agent pools name in
// capacityReservationGroupID, hostGroupID and proximityPlacementGroupID.
// Shapes from the Compute REST spec (Azure/azure-rest-api-specs,
// specification/compute/resource-manager/Microsoft.Compute/ComputeRP/stable/
// 2024-11-01/computeRPCommon.json and capacityReservation.json,
// dedicatedHost.json, proximityPlacementGroup.json), held as the armcompute
// models generated from it. Their PUTs answer 200/201 and their DELETEs
// 200/204 synchronously, as the spec has them. The groups hold no VMs,
// reservations or hosts here, and their answers, as the spec's create examples
// (DedicatedHostGroup_CreateOrUpdate.json ...) show a group with nothing in it,
// carry none of the read-only lists of what is in them.

const (
	crgType     = "Microsoft.Compute/capacityReservationGroups"
	hostGrpType = "Microsoft.Compute/hostGroups"
	ppgType     = "Microsoft.Compute/proximityPlacementGroups"
)

var (
	capacityReservationGroups = &resourceKind{
		armType: crgType, param: "capacityReservationGroupName", prepare: prepareCapacityReservationGroup,
		// "To delete a capacity reservation group, all VMs associated with it must be disassociated first"
		// (learn.microsoft.com/azure/virtual-machines/capacity-reservation-remove-vm).
		inUseNote: "capacity-reservation-remove-vm.md",
	}
	hostGroups               = &resourceKind{armType: hostGrpType, param: "hostGroupName", prepare: prepareHostGroup}
	proximityPlacementGroups = &resourceKind{armType: ppgType, param: "proximityPlacementGroupName", prepare: prepareProximityPlacementGroup}
	computeGroupKinds        = []*resourceKind{capacityReservationGroups, hostGroups, proximityPlacementGroups}
)

// decodeResource reads the PUT body into the SDK model v and checks its location.
func decodeResource(q *request, v any, loc **string) *aksrules.Error {
	if err := json.Unmarshal(q.body, v); err != nil {
		return &aksrules.Error{Status: http.StatusBadRequest, Code: "InvalidRequestContent",
			Message: fmt.Sprintf("The request content was invalid and could not be deserialized: '%s'.", err)}
	}
	l, e := requireLocation(*loc)
	if e != nil {
		return e
	}
	*loc = to.Ptr(l)
	return nil
}

func marshalResource(v any) (json.RawMessage, *aksrules.Error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, &aksrules.Error{Status: http.StatusInternalServerError, Code: "InternalServerError", Message: err.Error()}
	}
	return raw, nil
}

func prepareCapacityReservationGroup(_ *Server, q *request, id string, _ json.RawMessage) (json.RawMessage, *aksrules.Error) {
	var g armcompute.CapacityReservationGroup
	if e := decodeResource(q, &g, &g.Location); e != nil {
		return nil, e
	}
	g.ID, g.Name, g.Type, g.SystemData = to.Ptr(id), to.Ptr(poolNameOf(id)), to.Ptr(crgType), nil
	if g.Properties == nil {
		g.Properties = &armcompute.CapacityReservationGroupProperties{}
	}
	fillCapacityReservationGroup(g.Properties)
	return marshalResource(&g)
}

// fillCapacityReservationGroup drops the read-only fields a client may send back.
func fillCapacityReservationGroup(p *armcompute.CapacityReservationGroupProperties) {
	p.CapacityReservations, p.VirtualMachinesAssociated, p.InstanceView = nil, nil, nil
}

func prepareHostGroup(_ *Server, q *request, id string, _ json.RawMessage) (json.RawMessage, *aksrules.Error) {
	var g armcompute.DedicatedHostGroup
	if e := decodeResource(q, &g, &g.Location); e != nil {
		return nil, e
	}
	if g.Properties == nil || g.Properties.PlatformFaultDomainCount == nil {
		// Required in the spec (DedicatedHostGroupProperties). Unverified text.
		return nil, &aksrules.Error{Status: http.StatusBadRequest, Code: "InvalidParameter", Target: "platformFaultDomainCount",
			Message: "Required parameter 'platformFaultDomainCount' is missing (null)."}
	}
	if n := *g.Properties.PlatformFaultDomainCount; n < 1 || n > 3 {
		// The spec's minimum is 1; Azure regions have at most 3 fault domains. Unverified text.
		return nil, &aksrules.Error{Status: http.StatusBadRequest, Code: "InvalidParameter", Target: "platformFaultDomainCount",
			Message: fmt.Sprintf("The value %d of parameter 'platformFaultDomainCount' is out of range: it must be between 1 and 3.", n)}
	}
	g.ID, g.Name, g.Type, g.SystemData = to.Ptr(id), to.Ptr(poolNameOf(id)), to.Ptr(hostGrpType), nil
	fillHostGroup(g.Properties)
	return marshalResource(&g)
}

// fillHostGroup: "The value is defaulted to 'false' when not provided" (spec,
// supportAutomaticPlacement); the read-only fields a client may send back are dropped.
func fillHostGroup(p *armcompute.DedicatedHostGroupProperties) {
	if p.SupportAutomaticPlacement == nil {
		p.SupportAutomaticPlacement = to.Ptr(false)
	}
	p.Hosts, p.InstanceView = nil, nil
}

func prepareProximityPlacementGroup(_ *Server, q *request, id string, _ json.RawMessage) (json.RawMessage, *aksrules.Error) {
	var g armcompute.ProximityPlacementGroup
	if e := decodeResource(q, &g, &g.Location); e != nil {
		return nil, e
	}
	g.ID, g.Name, g.Type, g.SystemData = to.Ptr(id), to.Ptr(poolNameOf(id)), to.Ptr(ppgType), nil
	if g.Properties == nil {
		g.Properties = &armcompute.ProximityPlacementGroupProperties{}
	}
	fillProximityPlacementGroup(g.Properties)
	return marshalResource(&g)
}

// fillProximityPlacementGroup drops the read-only lists a client may send back.
func fillProximityPlacementGroup(p *armcompute.ProximityPlacementGroupProperties) {
	p.VirtualMachines, p.VirtualMachineScaleSets, p.AvailabilitySets = nil, nil, nil
}

// seedComputeGroup builds a seeded group's answer.
func seedComputeGroup(armType string, r SeedResource) json.RawMessage {
	id := rgID(r.SubscriptionID, r.ResourceGroup) + "/providers/" + armType + "/" + r.Name
	loc, tags, zones := to.Ptr(normLocation(r.Location)), ptrMap(r.Tags), to.SliceOfPtrs(r.Zones...)
	var v any
	switch armType {
	case crgType:
		g := armcompute.CapacityReservationGroup{ID: &id, Name: &r.Name, Type: to.Ptr(armType), Location: loc, Tags: tags, Zones: zones,
			Properties: &armcompute.CapacityReservationGroupProperties{}}
		fillCapacityReservationGroup(g.Properties)
		v = &g
	case hostGrpType:
		count := r.PlatformFaultDomainCount
		if count == 0 {
			count = 1
		}
		g := armcompute.DedicatedHostGroup{ID: &id, Name: &r.Name, Type: to.Ptr(armType), Location: loc, Tags: tags, Zones: zones,
			Properties: &armcompute.DedicatedHostGroupProperties{PlatformFaultDomainCount: to.Ptr(count)}}
		fillHostGroup(g.Properties)
		v = &g
	default:
		g := armcompute.ProximityPlacementGroup{ID: &id, Name: &r.Name, Type: to.Ptr(armType), Location: loc, Tags: tags, Zones: zones,
			Properties: &armcompute.ProximityPlacementGroupProperties{ProximityPlacementGroupType: to.Ptr(armcompute.ProximityPlacementGroupTypeStandard)}}
		fillProximityPlacementGroup(g.Properties)
		v = &g
	}
	raw, _ := json.Marshal(v)
	return raw
}

// ptrMap is tags as the SDK models hold them; none is nil (no "tags": {}).
func ptrMap(m map[string]string) map[string]*string {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]*string, len(m))
	for k, v := range m {
		out[k] = to.Ptr(v)
	}
	return out
}
