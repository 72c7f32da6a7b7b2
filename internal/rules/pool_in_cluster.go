package rules

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// Cluster is what the live-cluster rules need to know of the managed cluster
// a pool belongs to (read with a GET before the plan, or taken from the
// cluster's planned configuration when it is created in the same apply).
// Empty strings mean "not known": the rules that need them don't run.
type Cluster struct {
	// KubernetesVersion is the control plane's version ("1.33.3", or "1.33").
	KubernetesVersion string
	// DefenderEnabled is true when Microsoft Defender for Containers is on
	// (securityProfile.defender.securityMonitoring.enabled).
	DefenderEnabled bool
	// LoadBalancerSKU is networkProfile.loadBalancerSku ("standard" or "basic").
	LoadBalancerSKU string
	// HasWindowsProfile is true when the cluster was created with a windowsProfile.
	HasWindowsProfile bool
	// NetworkPlugin is networkProfile.networkPlugin ("azure", "kubenet", "none").
	NetworkPlugin string
	// OutboundType is networkProfile.outboundType ("" when AKS reports none: loadBalancer).
	OutboundType string
	// Pools are the cluster's agent pools as they are now.
	Pools []ExistingPool
	// Location is the cluster's Azure region ("eastus"), for facts of VM sizes that differ by zone.
	Location string
	// PowerState is the cluster's powerState.code ("Running", "Stopped").
	PowerState string
	// NodeProvisioningMode is nodeProvisioningProfile.mode ("Manual", "Auto").
	NodeProvisioningMode string
	// StaticEgressGatewayEnabled is networkProfile.staticEgressGatewayProfile.enabled.
	StaticEgressGatewayEnabled bool
}

// ExistingPool is an agent pool of the cluster as AKS reports it.
type ExistingPool struct {
	Name         string
	Mode         string
	OSType       string
	VMSetType    string // type: VirtualMachineScaleSets, AvailabilitySet, ...
	VnetSubnetID string // "" for a pool in the managed virtual network
	PodSubnetID  string
	// OrchestratorVersion is the pool's current version (currentOrchestratorVersion).
	OrchestratorVersion string
	PowerState          string // powerState.code: Running, Stopped ("" when not reported)
	ProvisioningState   string
	PodIPAllocationMode string // podIPAllocationMode; "" when AKS reports none
}

// CheckPoolInCluster runs the rules that need the live cluster, for a pool
// being created (current nil) or updated (current is the pool as AKS has it):
//   - all node and pod subnets of the cluster's pools in one virtual network,
//     and no mixing of custom subnets with managed-VNet pools;
//   - Windows pools need a cluster with a Windows profile and Azure CNI;
//   - pod subnets need Azure CNI;
//   - ARM64 sizes refused on Defender-enabled clusters below Kubernetes 1.29.0;
//   - orchestrator_version not above the control plane, at most three minors
//     behind it, and no downgrade;
//   - adding a pool needs a Standard load balancer and scale-set pools;
//   - the last System pool can't become a User pool;
//   - the version-dependent pool rules (ARM64 with FIPS, Windows Server 2019)
//     when orchestrator_version is unset and the pool runs the cluster's or its current version.
func CheckPoolInCluster(ctx context.Context, base path.Path, p Pool, current *ExistingPool, c Cluster, sizes *vmsizes.Catalogue, location string) diag.Diagnostics {
	if sizes == nil {
		sizes = vmsizes.Embedded()
	}
	others := otherPools(p, current, c)
	var diags diag.Diagnostics
	diags.Append(checkSubnetsOneVNet(base, p, others)...)
	diags.Append(checkSubnetMixing(base, p, others)...)
	diags.Append(checkWindowsCluster(base, p, c)...)
	diags.Append(checkPodSubnetNetworkPlugin(base, p, c)...)
	diags.Append(checkOrchestratorVersion(base, p, current, c)...)
	if current == nil {
		diags.Append(checkMultiplePools(base, others, c)...)
	}
	diags.Append(checkDemoteLastSystemPool(base, p, current, others)...)

	size, sizeFound := lookupSize(ctx, p, sizes, location)
	if sizeFound {
		diags.Append(checkArm64Defender(base, size, c)...)
	}
	if p.OrchestratorVersion.IsNull() {
		if v, from, ok := runningVersion(current, c); ok {
			diags.Append(checkWindowsOSSKUVersion(base, p, v, from)...)
			if sizeFound {
				diags.Append(checkArm64FIPS(base, p, size, &v, from)...)
			}
		}
	}
	diags.Append(checkPoolInClusterGroups(ctx, base, p, current, c, foundSize(size, sizeFound))...)
	return diags
}

// otherPools are the cluster's pools other than the one being planned.
func otherPools(p Pool, current *ExistingPool, c Cluster) []ExistingPool {
	self := ""
	switch {
	case current != nil:
		self = current.Name
	case isSet(p.Name):
		self = p.Name.ValueString()
	}
	var out []ExistingPool
	for _, e := range c.Pools {
		if self == "" || !strings.EqualFold(e.Name, self) {
			out = append(out, e)
		}
	}
	return out
}

// runningVersion is the version the pool runs when orchestrator_version is
// unset: its current version on update, the control plane's on create.
func runningVersion(current *ExistingPool, c Cluster) (Version, string, bool) {
	if current != nil && current.OrchestratorVersion != "" {
		v, err := ParseVersion(current.OrchestratorVersion)
		return v, "the pool's current version, as orchestrator_version is unset", err == nil
	}
	if c.KubernetesVersion == "" {
		return Version{}, "", false
	}
	v, err := ParseVersion(c.KubernetesVersion)
	return v, "the control plane's version, as orchestrator_version is unset", err == nil
}
