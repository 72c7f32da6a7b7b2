// Package aksrules holds the emulator's server-side AKS business rules and
// server defaults: an independent re-implementation of what the AKS resource
// provider accepts, refuses (with AKS's HTTP status, code and message) and
// fills in. The emulator core calls it for every managedClusters and
// agentPools write.
//
// It must not import the provider's own validators (internal/rules,
// internal/vmsizes, internal/provider, internal/aks): the emulator is the
// referee the provider is tested against.
//
// How the core calls it for a PUT: strip the read-only fields from the body;
// set the resource's identity from the URL (cluster: ID, Name, Location;
// pool: Name, ID), because the defaults derive names from it (node resource
// group, FQDN, effective outbound IPs, kubelet identity); then Default*,
// then Check*; write only after a nil check. On an update the defaults merge
// the stored resource into the request: a property the request leaves unset
// keeps its stored value (nil minCount/maxCount are cleared when the request
// turns autoscaling off), and "" for orchestratorVersion/kubernetesVersion
// means "keep" (on create: "default").
package aksrules

import (
	"fmt"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

// Error is an ARM error the emulator answers with: HTTP status, AKS code,
// message, optional target.
type Error struct {
	Status  int
	Code    string
	Message string
	Target  string
}

// Error formats the error as "status code: message".
func (e *Error) Error() string {
	return fmt.Sprintf("%d %s: %s", e.Status, e.Code, e.Message)
}

// World is the read-only view of everything a rule may consult for one request.
type World struct {
	Location           string                                   // the cluster's location (normalised, e.g. "eastus")
	Cluster            *armcontainerservice.ManagedCluster      // the stored cluster (nil while the cluster itself is being created)
	Pools              []*armcontainerservice.AgentPool         // the cluster's current pools (not including the one being created)
	SKU                func(name string) (skudata.SKU, bool)    // VM size lookup for Location (case-insensitive)
	KubernetesVersions []KubernetesVersion                      // versions offered in Location
	Subnet             func(id string) (vnetID string, ok bool) // resolves a subnet ARM ID (case-insensitive) to its VNet ARM ID
	SubnetPrefixes     func(vnetID string) []string             // the address prefixes of every subnet of a VNet (nil when unknown)
	LatestNodeImage    func(osType, osSKU string) string        // latest node image version for that OS SKU
	// Resource resolves a stored ARM ID (case-insensitive) to the type of what
	// it names, e.g. "Microsoft.Compute/hostGroups" (nil: nothing is resolved).
	Resource func(id string) (armType string, ok bool)
	// Snapshot returns the stored node pool snapshot with that ID.
	Snapshot func(id string) (*armcontainerservice.Snapshot, bool)
}

// KubernetesVersion is one patch version offered in a location, e.g. "1.33.3".
type KubernetesVersion struct {
	Version   string
	IsPreview bool
	IsDefault bool
}

// DefaultManagedCluster fills server-side defaults as AKS does (in place),
// before validation. old is nil on create.
func DefaultManagedCluster(w World, old, mc *armcontainerservice.ManagedCluster) {
	defaultManagedCluster(w, old, mc)
}

// DefaultAgentPool fills server-side defaults as AKS does (in place), before
// validation. old is nil on create.
func DefaultAgentPool(w World, old, ap *armcontainerservice.AgentPool) {
	defaultAgentPool(w, old, ap)
}

// CheckManagedClusterCreate returns nil when AKS would accept creating mc,
// including every inline agentPoolProfile.
func CheckManagedClusterCreate(w World, mc *armcontainerservice.ManagedCluster) *Error {
	return checkManagedClusterCreate(w, mc)
}

// CheckManagedClusterUpdate returns nil when AKS would accept a PUT of mc over
// the stored cluster old.
func CheckManagedClusterUpdate(w World, old, mc *armcontainerservice.ManagedCluster) *Error {
	return checkManagedClusterUpdate(w, old, mc)
}

// CheckAgentPoolCreate returns nil when AKS would accept creating ap in w.Cluster.
func CheckAgentPoolCreate(w World, ap *armcontainerservice.AgentPool) *Error {
	return checkAgentPoolCreate(w, ap)
}

// CheckAgentPoolUpdate returns nil when AKS would accept a PUT of ap over the
// stored pool old.
func CheckAgentPoolUpdate(w World, old, ap *armcontainerservice.AgentPool) *Error {
	return checkAgentPoolUpdate(w, old, ap)
}

// CheckAgentPoolDelete returns nil when AKS would accept deleting ap.
func CheckAgentPoolDelete(w World, ap *armcontainerservice.AgentPool) *Error {
	return checkAgentPoolDelete(w, ap)
}

// ProfileToAgentPool converts one of a cluster's inline agentPoolProfiles into
// the agentPools resource it stands for, under the cluster clusterID.
func ProfileToAgentPool(clusterID string, p *armcontainerservice.ManagedClusterAgentPoolProfile) *armcontainerservice.AgentPool {
	return profileToAgentPool(clusterID, p)
}

// AgentPoolToProfile converts a stored agentPools resource into the inline
// profile a cluster GET shows.
func AgentPoolToProfile(ap *armcontainerservice.AgentPool) *armcontainerservice.ManagedClusterAgentPoolProfile {
	return agentPoolToProfile(ap)
}
