package aksrules

import (
	"fmt"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// A pool's references to other resources must name an existing resource of
// the type the property takes (spec, ManagedClusterAgentPoolProfileProperties:
// capacityReservationGroupID "AKS will associate the specified agent pool
// with the Capacity Reservation Group", hostGroupID "The fully qualified
// resource ID of the Dedicated Host Group", proximityPlacementGroupID,
// creationData.sourceResourceId "the source Snapshot ID", nodePublicIPPrefixID,
// networkProfile.applicationSecurityGroups "The IDs of the application
// security groups"). AKS resolves them when it creates the scale set, which
// fails on a missing one. The codes and texts are unverified: AKS documents
// neither; the not-found text follows the Network RP's
// InvalidResourceReference, which a scale set naming a missing resource gets.

// poolReference is one property of a pool that names another resource.
type poolReference struct {
	target  string // the property, as errors name it
	armType string // the type it must name
	ids     func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) []string
}

var poolReferences = []poolReference{
	{"properties.capacityReservationGroupID", "Microsoft.Compute/capacityReservationGroups", func(p *poolProperties) []string { return one(p.CapacityReservationGroupID) }},
	{"properties.hostGroupID", "Microsoft.Compute/hostGroups", func(p *poolProperties) []string { return one(p.HostGroupID) }},
	{"properties.proximityPlacementGroupID", "Microsoft.Compute/proximityPlacementGroups", func(p *poolProperties) []string { return one(p.ProximityPlacementGroupID) }},
	{"properties.creationData.sourceResourceId", "Microsoft.ContainerService/snapshots", func(p *poolProperties) []string {
		if p.CreationData == nil {
			return nil
		}
		return one(p.CreationData.SourceResourceID)
	}},
	{"properties.nodePublicIPPrefixID", "Microsoft.Network/publicIPPrefixes", func(p *poolProperties) []string { return one(p.NodePublicIPPrefixID) }},
	{"properties.networkProfile.applicationSecurityGroups", "Microsoft.Network/applicationSecurityGroups", func(p *poolProperties) []string {
		if p.NetworkProfile == nil {
			return nil
		}
		var out []string
		for _, id := range p.NetworkProfile.ApplicationSecurityGroups {
			out = append(out, one(id)...)
		}
		return out
	}},
}

func one(id *string) []string {
	if !isSet(id) {
		return nil
	}
	return []string{*id}
}

// checkPoolReferences checks every reference of a new pool.
func checkPoolReferences(w World, _ string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	return checkReferences(w, nil, p)
}

// checkChangedPoolReferences checks the references an update sets anew (the
// immutable ones are refused before, when they change; the application
// security groups may change).
func checkChangedPoolReferences(w World, _ string, old, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	return checkReferences(w, old, p)
}

func checkReferences(w World, old, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if w.Resource == nil || p == nil {
		return nil
	}
	for _, ref := range poolReferences {
		known := map[string]bool{}
		if old != nil {
			for _, id := range ref.ids(old) {
				known[strings.ToLower(id)] = true
			}
		}
		for _, id := range ref.ids(p) {
			if known[strings.ToLower(id)] {
				continue
			}
			if err := checkReference(w, ref, id); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkReference(w World, ref poolReference, id string) *Error {
	rid, err := arm.ParseResourceID(id)
	if err != nil || !strings.EqualFold(rid.ResourceType.String(), ref.armType) {
		return badRequest(codeInvalidParameter, ref.target,
			"The value '%s' of %s is not a valid resource ID of type %s: expected /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/%s/{name}.",
			id, ref.target, ref.armType, ref.armType)
	}
	got, ok := w.Resource(id)
	if ok && strings.EqualFold(got, ref.armType) {
		return nil
	}
	return badRequest(codeInvalidResourceReference, ref.target,
		"%s", fmt.Sprintf("Resource %s referenced by %s was not found. Please make sure that the referenced resource exists, and that both resources are in the same subscription.", id, ref.target))
}

// codeInvalidResourceReference: unverified for AKS (see the file comment).
const codeInvalidResourceReference = "InvalidResourceReference"
