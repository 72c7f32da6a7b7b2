package aksapi

import (
	"fmt"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
)

var (
	managedClusterType = arm.NewResourceType("Microsoft.ContainerService", "managedClusters")
	agentPoolType      = arm.NewResourceType("Microsoft.ContainerService", "managedClusters/agentPools")

	managedClusterChain = []arm.ResourceType{arm.TenantResourceType, arm.SubscriptionResourceType, arm.ResourceGroupResourceType, managedClusterType}
	agentPoolChain      = []arm.ResourceType{arm.TenantResourceType, arm.SubscriptionResourceType, arm.ResourceGroupResourceType, managedClusterType, agentPoolType}
)

// ClusterID names a managed cluster. Names keep the spelling they were given; ARM compares them
// case-insensitively, and so does Key.
type ClusterID struct {
	SubscriptionID string
	ResourceGroup  string
	Name           string
}

// ParseClusterID parses a managed cluster ARM ID such as
// /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.ContainerService/managedClusters/{name}.
// Segment names and the resource type are matched case-insensitively, as ARM does.
func ParseClusterID(id string) (ClusterID, error) {
	parsed, err := arm.ParseResourceID(id)
	if err != nil {
		return ClusterID{}, fmt.Errorf("%q is not an ARM resource ID: %w", id, err)
	}
	if err := parsed.ValidateResourceTypeChain(managedClusterChain); err != nil {
		return ClusterID{}, fmt.Errorf("%q is not a managed cluster ID (expected /subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.ContainerService/managedClusters/{name}, got resource type %s)", id, parsed.ResourceType)
	}
	return ClusterID{SubscriptionID: parsed.SubscriptionID, ResourceGroup: parsed.ResourceGroupName, Name: parsed.Name}, nil
}

// String is the canonical ARM ID of the cluster.
func (c ClusterID) String() string {
	return fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.ContainerService/managedClusters/%s", c.SubscriptionID, c.ResourceGroup, c.Name)
}

// Key identifies the cluster regardless of letter case: the key of the per-cluster lock and caches.
func (c ClusterID) Key() string { return strings.ToLower(c.String()) }

// Pool returns the ID of the cluster's pool name.
func (c ClusterID) Pool(name string) PoolID { return PoolID{Cluster: c, Name: name} }

// PoolID names an agent pool of a managed cluster.
type PoolID struct {
	Cluster ClusterID
	Name    string
}

// ParsePoolID parses an agent pool ARM ID such as
// /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.ContainerService/managedClusters/{cluster}/agentPools/{name},
// matching segment names and types case-insensitively.
func ParsePoolID(id string) (PoolID, error) {
	parsed, err := arm.ParseResourceID(id)
	if err != nil {
		return PoolID{}, fmt.Errorf("%q is not an ARM resource ID: %w", id, err)
	}
	if err := parsed.ValidateResourceTypeChain(agentPoolChain); err != nil {
		return PoolID{}, fmt.Errorf("%q is not an agent pool ID (expected /subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.ContainerService/managedClusters/{cluster}/agentPools/{name}, got resource type %s)", id, parsed.ResourceType)
	}
	return PoolID{
		Cluster: ClusterID{SubscriptionID: parsed.SubscriptionID, ResourceGroup: parsed.ResourceGroupName, Name: parsed.Parent.Name},
		Name:    parsed.Name,
	}, nil
}

// String is the canonical ARM ID of the pool, in the spelling AKS itself uses in its answers.
func (p PoolID) String() string {
	return p.Cluster.String() + "/agentPools/" + p.Name
}
