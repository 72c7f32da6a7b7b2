package aksrules

import (
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// checkAgentPoolCreate runs every rule for a pool created through the
// agentPools API.
func checkAgentPoolCreate(w World, ap *armcontainerservice.AgentPool) *Error {
	if ap == nil || ap.Properties == nil {
		return missingProperties("agent pool")
	}
	name := poolName(ap)
	return checkNewPool(w, name, ap.Properties, otherPools(w, name))
}

func missingProperties(what string) *Error {
	// Unverified text: ARM's schema validation refuses a body without properties.
	return badRequest(codeInvalidParameter, "properties", "The request body must contain the %s's properties.", what)
}

// checkNewPool runs the rules for a new pool, whether it comes through the
// agentPools API or inline in a cluster create (then w.Cluster is the
// cluster being created and others the inline pools before it). The order
// decides which error a request breaking several rules gets.
func checkNewPool(w World, name string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties, others []*armcontainerservice.AgentPool) *Error {
	mc := w.Cluster
	poolVersion := resolvedOrSelf(w, deref(p.OrchestratorVersion))
	controlPlane := controlPlaneVersion(w, mc)
	if err := firstError(
		checkOSType(p),
		checkPoolName(name, deref(p.OSType)),
		checkPoolCountLimit(mc, others),
		checkVMSizeAvailable(w, p),
		checkVirtualMachinesSizes(w, p),
		checkOSSKUMatchesOSType(p),
		checkWindowsProfile(mc, p),
		checkWindowsNetworkPlugin(mc, p),
		checkSystemPoolOS(name, p),
		checkSystemPoolNotSpot(name, p),
		checkCount(p),
		checkAutoscalerBounds(name, p, true),
		checkMaxPods(p),
		checkOSDiskSize(p),
		checkPoolVersionOffered(w, deref(p.OrchestratorVersion)),
		checkPoolVersionSkew(poolVersion, controlPlane),
		checkWindowsOSSKUVersion(p, poolVersion),
		checkPoolSubnets(w, name, p, others),
		checkPodSubnetNotNodeSubnet(p),
		checkUpgradeProgress(p),
		checkMultiplePools(mc, p, others),
		checkStoppedSystemPool(name, p),
		checkNewPoolGroups(w, name, p),
	); err != nil {
		return err
	}
	sku, known := lookupSKU(w, deref(p.VMSize))
	if !known {
		return nil
	}
	return firstError(
		checkEphemeralOSDisk(sku, p),
		checkArm64Windows(sku, p),
		checkArm64FIPS(sku, p, poolVersion),
		checkArm64Defender(sku, mc, controlPlane),
	)
}

// checkAgentPoolUpdate runs the rules for a PUT over a stored pool; ap has
// been through DefaultAgentPool, so unset properties hold the stored values.
func checkAgentPoolUpdate(w World, old, ap *armcontainerservice.AgentPool) *Error {
	if ap == nil || ap.Properties == nil {
		return missingProperties("agent pool")
	}
	if old == nil || old.Properties == nil {
		return checkAgentPoolCreate(w, ap)
	}
	name := poolName(ap)
	if name == "" {
		name = poolName(old)
	}
	o, p := old.Properties, ap.Properties
	if err := firstError(
		checkImmutablePoolProperties(o, p),
		checkOSSKUChange(o, p),
		checkFIPSChange(o, p),
		checkOSSKUMatchesOSType(p),
		checkSystemPoolOS(name, p),
		checkSystemPoolNotSpot(name, p),
		checkDemotion(w, name, o, p),
		checkStoppedSystemPool(name, p),
		checkCount(p),
		checkManualScale(name, o, p),
		checkAutoscalerBounds(name, p, false),
		checkUpgradeProgress(p),
		checkPoolVersionChange(w, o, p),
		checkUpdatePoolGroups(w, name, o, p),
	); err != nil {
		return err
	}
	sku, known := lookupSKU(w, deref(p.VMSize))
	if !known {
		return nil
	}
	return checkArm64FIPS(sku, p, resolvedOrSelf(w, deref(p.CurrentOrchestratorVersion)))
}

// checkAgentPoolDelete: the last System pool can't be deleted.
func checkAgentPoolDelete(w World, ap *armcontainerservice.AgentPool) *Error {
	if ap == nil || !isSystem(ap.Properties) {
		return nil
	}
	return checkKeepsSystemPool(w, poolName(ap), "deleted")
}

// checkDemotion: a System pool becomes a User pool only if another System
// pool remains.
func checkDemotion(w World, name string, old, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !isSystem(old) || isSystem(p) {
		return nil
	}
	return checkKeepsSystemPool(w, name, "changed to mode User")
}

// checkPoolVersionChange: a new orchestratorVersion must be offered, not be a
// downgrade, and stay within the skew allowed by the control plane. Sending
// the stored version text again is not a change.
func checkPoolVersionChange(w World, old, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !versionTextChanged(old.OrchestratorVersion, p.OrchestratorVersion) {
		return nil
	}
	requested := *p.OrchestratorVersion
	if err := checkPoolVersionOffered(w, requested); err != nil {
		return err
	}
	current := resolvedOrSelf(w, deref(old.CurrentOrchestratorVersion))
	if current.major == 0 {
		current = resolvedOrSelf(w, deref(old.OrchestratorVersion))
	}
	next := resolvedOrSelf(w, requested)
	controlPlane := controlPlaneVersion(w, w.Cluster)
	return firstError(checkPoolNoDowngrade(current, next), checkPoolVersionSkew(next, controlPlane))
}

// checkPoolCountLimit: a cluster holds at most maxAgentPools pools.
// Unverified text and code.
func checkPoolCountLimit(mc *armcontainerservice.ManagedCluster, others []*armcontainerservice.AgentPool) *Error {
	limit := int32(defaultMaxAgentPools)
	if mc != nil && mc.Properties != nil && deref(mc.Properties.MaxAgentPools) > 0 {
		limit = *mc.Properties.MaxAgentPools
	}
	if int32(len(others)) < limit {
		return nil
	}
	return badRequest(codeInvalidParameter, "agentPoolProfiles",
		"The cluster already has %d agent pools, the maximum number of agent pools per cluster.", len(others))
}

// checkVirtualMachinesSizes: every size a VirtualMachines pool scales must be
// offered in the region, as vmSize is for scale-set pools.
func checkVirtualMachinesSizes(w World, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if p.VirtualMachinesProfile == nil || p.VirtualMachinesProfile.Scale == nil {
		return nil
	}
	for _, m := range p.VirtualMachinesProfile.Scale.Manual {
		if m == nil || !isSet(m.Size) {
			continue
		}
		if err := checkVMSizeAvailable(w, &armcontainerservice.ManagedClusterAgentPoolProfileProperties{VMSize: m.Size}); err != nil {
			return err
		}
	}
	return nil
}
