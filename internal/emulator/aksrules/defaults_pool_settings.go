package aksrules

import (
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// Server defaults of the newer pool settings, filled only where AKS is seen
// or documented to fill them; everything else is echoed as sent (and absent
// when not sent):
//   - workloadRuntime "OCIContainer" and, on Linux, securityProfile
//     {enableSecureBoot: false, enableVtpm: false, sshAccess: "LocalUser"}:
//     what `az aks nodepool show` answers for a pool created without them
//     (learn.microsoft.com/azure/aks/spot-node-pool, "Verify the Spot node
//     pool" output); the spec documents false as the default of both Trusted
//     Launch flags.
//   - podIPAllocationMode "DynamicIndividual" on a pool with a podSubnetID
//     (spec: "Must be used with podSubnetId. The default is
//     'DynamicIndividual'").
//   - gpuProfile.driver "Install" when a gpuProfile is sent without one (spec:
//     "When it's not specified, default is Install").
//
// Not filled though the spec names a default: scaleDownMode (the same az
// output answers "scaleDownMode": null; "If not specified, it defaults to
// Delete" is the behaviour), upgradeSettings' drainTimeoutInMinutes,
// maxUnavailable and nodeSoakDurationInMinutes (answered null there),
// windowsProfile.disableOutboundNat, messageOfTheDay.

// defaultNewPoolSettings fills the defaults above on a new pool.
func defaultNewPoolSettings(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
	if !isSet(p.WorkloadRuntime) {
		p.WorkloadRuntime = to(armcontainerservice.WorkloadRuntimeOCIContainer)
	}
	if !isWindows(p) {
		if p.SecurityProfile == nil {
			p.SecurityProfile = &armcontainerservice.AgentPoolSecurityProfile{}
		}
		defaultSecurityProfile(p.SecurityProfile)
	}
	if isSet(p.PodSubnetID) && !isSet(p.PodIPAllocationMode) {
		p.PodIPAllocationMode = to(armcontainerservice.PodIPAllocationModeDynamicIndividual)
	}
	if p.GpuProfile != nil && !isSet(p.GpuProfile.Driver) {
		p.GpuProfile.Driver = to(armcontainerservice.GPUDriverInstall)
	}
}

func defaultSecurityProfile(sp *armcontainerservice.AgentPoolSecurityProfile) {
	if sp.EnableSecureBoot == nil {
		sp.EnableSecureBoot = to(false)
	}
	if sp.EnableVTPM == nil {
		sp.EnableVTPM = to(false)
	}
	if !isSet(sp.SSHAccess) {
		sp.SSHAccess = to(armcontainerservice.AgentPoolSSHAccessLocalUser)
	}
}

// keepUnsetPoolSettings: an update that sends part of a nested setting keeps
// the stored values of the rest, as for upgradeSettings.
func keepUnsetPoolSettings(old, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
	if p.SecurityProfile != nil && old.SecurityProfile != nil {
		keepUnset(old.SecurityProfile, p.SecurityProfile)
	}
	if p.GpuProfile != nil && old.GpuProfile != nil {
		keepUnset(old.GpuProfile, p.GpuProfile)
	}
}
