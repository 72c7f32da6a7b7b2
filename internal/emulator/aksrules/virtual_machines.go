package aksrules

import (
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// The rules of VirtualMachines agent pools (virtual-machines-node-pools.md: a new pool needs at
// least one ManualScaleProfile, one VM size per profile, at most five profiles, no cluster
// autoscaler) and of virtualMachinesProfile on other pool types. The availability of each size
// in the region is checkVirtualMachinesSizes'. AKS's codes and texts for these refusals are not
// published: the texts below are unverified.

// maxManualScaleProfiles is the most VM sizes a VirtualMachines pool takes.
const maxManualScaleProfiles = 5

func isVirtualMachines(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) bool {
	return equalFoldPtr(p.Type, armcontainerservice.AgentPoolTypeVirtualMachines)
}

func manualScaleProfiles(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) []*armcontainerservice.ManualScaleProfile {
	if p.VirtualMachinesProfile == nil || p.VirtualMachinesProfile.Scale == nil {
		return nil
	}
	return p.VirtualMachinesProfile.Scale.Manual
}

// checkNewVirtualMachinesPool checks a new pool.
func checkNewVirtualMachinesPool(_ World, name string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	return checkVirtualMachinesProfile(name, p)
}

// checkUpdatedVirtualMachinesPool checks a PUT over a stored pool (p merged with it).
func checkUpdatedVirtualMachinesPool(_ World, name string, _, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	return checkVirtualMachinesProfile(name, p)
}

func checkVirtualMachinesProfile(name string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	manual := manualScaleProfiles(p)
	if !isVirtualMachines(p) {
		if p.VirtualMachinesProfile != nil {
			return badRequest(codeInvalidParameter, "virtualMachinesProfile",
				"Agent pool '%s' sets virtualMachinesProfile, which is only allowed for agent pools of type VirtualMachines.", name)
		}
		return nil
	}
	switch {
	case len(manual) == 0:
		return badRequest(codeInvalidParameter, "virtualMachinesProfile.scale.manual",
			"Agent pool '%s' of type VirtualMachines needs at least one manual scale profile in virtualMachinesProfile.scale.manual.", name)
	case len(manual) > maxManualScaleProfiles:
		return badRequest(codeInvalidParameter, "virtualMachinesProfile.scale.manual",
			"Agent pool '%s' has %d manual scale profiles; a VirtualMachines agent pool allows at most %d VM sizes.", name, len(manual), maxManualScaleProfiles)
	}
	seen := map[string]bool{}
	for _, m := range manual {
		if m == nil || !isSet(m.Size) {
			continue
		}
		key := strings.ToLower(*m.Size)
		if seen[key] {
			return badRequest(codeInvalidParameter, "virtualMachinesProfile.scale.manual",
				"VM size '%s' appears in more than one manual scale profile of agent pool '%s'; each VM size can be listed only once.", *m.Size, name)
		}
		seen[key] = true
	}
	if p.CreationData != nil && isSet(p.CreationData.SourceResourceID) {
		return badRequest(codeInvalidParameter, "creationData.sourceResourceId",
			"Node pool snapshots are not supported for agent pool '%s' of type VirtualMachines.", name)
	}
	if p.EnableAutoScaling != nil && *p.EnableAutoScaling {
		return badRequest(codeInvalidParameter, "enableAutoScaling",
			"Cluster autoscaler is not supported for agent pool '%s' of type VirtualMachines.", name)
	}
	return nil
}
