package aksapi

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// agentPoolResourceType is the type ARM answers for an agent pool (the SDK's AgentPool.Type).
const agentPoolResourceType = "Microsoft.ContainerService/managedClusters/agentPools"

// PoolsOf returns the pools of the cluster mc as the agentPools API answers them, built from the
// cluster's own GET: properties.agentPoolProfiles holds every pool of the cluster, in the order
// the agentPools list answers them. The 2025-10-01 REST spec
// (specification/containerservice/resource-manager/Microsoft.ContainerService/aks/stable/2025-10-01/managedClusters.json)
// defines both answers from one schema: ManagedClusterAgentPoolProfile is
// ManagedClusterAgentPoolProfileProperties plus the pool's name, and AgentPool is id, name and type
// around properties of ManagedClusterAgentPoolProfileProperties, eTag, provisioningState,
// powerState, currentOrchestratorVersion and nodeImageVersion included (Microsoft's examples
// ManagedClustersGet.json and AgentPoolsGet.json show the same fields). The emulator's conformance
// test TestClusterProfilesAreThePoolResources compares the two answers field by field.
//
// The ID is the cluster's, as AKS answered it, plus /agentPools/{name}: the form of the ID AKS
// answers for the pool. cluster names the cluster when mc carries no ID. The pools share nothing
// with mc. Profiles without a name (AKS requires one) are left out.
func PoolsOf(cluster ClusterID, mc *armcontainerservice.ManagedCluster) ([]*armcontainerservice.AgentPool, error) {
	if mc == nil || mc.Properties == nil {
		return nil, nil
	}
	clusterID := cluster.String()
	if mc.ID != nil && *mc.ID != "" {
		clusterID = strings.TrimSuffix(*mc.ID, "/")
	}
	pools := make([]*armcontainerservice.AgentPool, 0, len(mc.Properties.AgentPoolProfiles))
	for _, profile := range mc.Properties.AgentPoolProfiles {
		if profile == nil || profile.Name == nil || *profile.Name == "" {
			continue
		}
		props, err := profileProperties(profile)
		if err != nil {
			return nil, fmt.Errorf("reading agent pool %s of cluster %s from the cluster: %w", *profile.Name, cluster.Name, err)
		}
		pools = append(pools, &armcontainerservice.AgentPool{
			ID:         to.Ptr(clusterID + "/agentPools/" + *profile.Name),
			Name:       to.Ptr(*profile.Name),
			Type:       to.Ptr(agentPoolResourceType),
			Properties: props,
		})
	}
	return pools, nil
}

// profileProperties converts a profile to the properties of its agentPools resource through their
// JSON, which the spec makes the same object (name aside). The SDK generates both types and their
// JSON from that one schema, so the round trip carries every field, read-only ones included (the
// SDK's MarshalJSON writes them), and a field a newer SDK adds to the schema is carried without a
// change here, where a copy of the ~55 fields one by one would silently drop it. The "name" key is
// not a property: the properties' UnmarshalJSON skips it. The round trip also gives a deep copy.
// It costs one marshal per pool per cluster read, not per pool read.
func profileProperties(profile *armcontainerservice.ManagedClusterAgentPoolProfile) (*armcontainerservice.ManagedClusterAgentPoolProfileProperties, error) {
	raw, err := json.Marshal(profile)
	if err != nil {
		return nil, err
	}
	var props armcontainerservice.ManagedClusterAgentPoolProfileProperties
	if err := json.Unmarshal(raw, &props); err != nil {
		return nil, err
	}
	return &props, nil
}
