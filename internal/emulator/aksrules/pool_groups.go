package aksrules

import (
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// The rules of the newer agent pool settings (custom node configuration, GPU and runtime,
// placement, node networking, power state, snapshots, ...): each rule lives in a file named for
// its subject and is called from these lists, one line each, after the core pool rules.

// newPoolGroupRules check a new pool, whether created through the agentPools API or inline in
// a cluster create (w.Cluster is then the cluster being created).
var newPoolGroupRules = []func(w World, name string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error{
	checkNodePublicIPPrefix,
	checkAllowedHostPorts,
	checkWindowsOutboundNAT,
	checkLocalDNS,
	checkNewPoolHardware,
	checkPoolReferences,
	checkSnapshotFit,
	checkStopNewPool,
	checkNewVirtualMachinesPool,
	checkNewPoolOSSKUVersion,
	checkUbuntu2404FIPS,
	checkNewGatewayPool,
	checkKubeletConfig,
	checkLinuxOSConfig,
	checkProximityPlacementZones,
	checkMessageOfTheDay,
	checkScaleDownMode,
	checkPodIPAllocation,
}

// updatePoolGroupRules check a PUT over the stored pool old; p has been through the defaults,
// so unset properties hold the stored values.
var updatePoolGroupRules = []func(w World, name string, old, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error{
	checkAllowedHostPortsUpdate,
	checkLocalDNSUpdate,
	checkUpdatedPoolHardware,
	checkChangedPoolReferences,
	checkStopPool,
	checkUpdatedVirtualMachinesPool,
	checkUpdatedPoolOSSKUVersion,
	checkUpdatedGatewayPool,
	checkNodeConfigUnchanged,
	checkMessageOfTheDayChange,
	checkScaleDownModeUpdate,
}

func checkNewPoolGroups(w World, name string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	for _, rule := range newPoolGroupRules {
		if err := rule(w, name, p); err != nil {
			return err
		}
	}
	return nil
}

func checkUpdatePoolGroups(w World, name string, old, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	for _, rule := range updatePoolGroupRules {
		if err := rule(w, name, old, p); err != nil {
			return err
		}
	}
	return nil
}
