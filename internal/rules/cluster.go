package rules

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// VM set types and load balancer SKUs as AKS spells them.
const (
	VMSetTypeScaleSets      = "VirtualMachineScaleSets"
	LoadBalancerSKUStandard = "standard"
	NetworkPluginKubenet    = "kubenet"
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
	// Pools are the cluster's agent pools as they are now.
	Pools []ExistingPool
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
	return diags
}

// CheckPoolDelete refuses to delete the cluster's last System pool: "You can
// delete system node pools if you have another system node pool to take its
// place". It reports no attribute path: on destroy the pool's configuration
// may be gone.
//
// Call it from ModifyPlan when the plan is a destroy (req.Plan.Raw.IsNull()):
// the framework runs ModifyPlan on destroy plans (it announces PlanDestroy to
// Terraform ≥ 1.3), and an error there fails "terraform plan/apply/destroy"
// before any call. Call it again in Delete to cover a pool demoted or a
// System pool deleted out of band between plan and apply.
func CheckPoolDelete(name string, c Cluster) diag.Diagnostics {
	var target *ExistingPool
	systemPools := 0
	for i := range c.Pools {
		if strings.EqualFold(c.Pools[i].Mode, ModeSystem) {
			systemPools++
		}
		if strings.EqualFold(c.Pools[i].Name, name) {
			target = &c.Pools[i]
		}
	}
	if target == nil || !strings.EqualFold(target.Mode, ModeSystem) || systemPools > 1 {
		return nil
	}
	return diag.Diagnostics{diag.NewErrorDiagnostic("Can't delete the last System node pool",
		explain(fmt.Sprintf("Node pool %q is the cluster's only System node pool.", target.Name),
			"a cluster must always have at least one System node pool; you can delete a System pool only when another System pool takes its place",
			sourceGuide+"; "+sourceSystemPools,
			`first add another pool with mode = "System" (or set mode = "System" on an existing Linux pool), apply, then delete this one; or delete the whole cluster.`))}
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

func lookupSize(ctx context.Context, p Pool, sizes *vmsizes.Catalogue, location string) (vmsizes.Size, bool) {
	if !isSet(p.VMSize) {
		return vmsizes.Size{}, false
	}
	return sizes.Lookup(ctx, location, p.VMSize.ValueString())
}

// checkSubnetsOneVNet: the pool's subnets are in the virtual network the
// cluster's other pools use.
func checkSubnetsOneVNet(base path.Path, p Pool, others []ExistingPool) diag.Diagnostics {
	var refPool, refSubnet, refVNet string
	for _, e := range others {
		for _, id := range []string{e.VnetSubnetID, e.PodSubnetID} {
			if vnet, ok := VirtualNetworkOf(id); ok && refVNet == "" {
				refPool, refSubnet, refVNet = e.Name, id, vnet
			}
		}
	}
	if refVNet == "" {
		return nil
	}
	var diags diag.Diagnostics
	for _, field := range []struct {
		name  string
		value string
		set   bool
	}{
		{"vnet_subnet_id", p.VnetSubnetID.ValueString(), isSet(p.VnetSubnetID)},
		{"pod_subnet_id", p.PodSubnetID.ValueString(), isSet(p.PodSubnetID)},
	} {
		if !field.set {
			continue
		}
		vnet, ok := VirtualNetworkOf(field.value)
		if !ok || vnet == refVNet {
			continue
		}
		at := base.AtName(field.name)
		diags.Append(ruleError(at, "Subnet in another virtual network than the cluster's pools",
			explain(fmt.Sprintf("%s is in virtual network %s, but node pool %q uses %s.", shown(at), vnetName(field.value), refPool, vnetName(refSubnet)),
				"all node pools must reside in the same virtual network; all subnets assigned to node pools must belong to it",
				sourceGuide+"; "+sourceGuideSubnets,
				fmt.Sprintf("choose a subnet of %s for %s.", vnetName(refSubnet), shown(at)))))
	}
	return diags
}

// checkSubnetMixing: a pool with a custom subnet can't join pools in the
// managed virtual network, and a pool without one can't join pools in a custom one.
func checkSubnetMixing(base path.Path, p Pool, others []ExistingPool) diag.Diagnostics {
	if anyUnknown(p.VnetSubnetID) || len(others) == 0 {
		return nil
	}
	at := base.AtName("vnet_subnet_id")
	custom := isSet(p.VnetSubnetID)
	for _, e := range others {
		switch {
		case custom && e.VnetSubnetID == "":
			return diag.Diagnostics{ruleError(at, "Custom subnet in a cluster that uses the managed virtual network",
				explain(fmt.Sprintf("%s is set, but node pool %q uses the virtual network AKS manages.", shown(at), e.Name),
					"all node pools must reside in the same virtual network, so a pool on a custom subnet can't join pools in the managed one (AKS: \"Cannot use a custom subnet because agent pool is using a managed subnet\")",
					sourceGuide,
					fmt.Sprintf("remove %s so the pool joins the managed virtual network.", shown(at))))}
		case !custom && e.VnetSubnetID != "":
			return diag.Diagnostics{ruleError(at, "Managed virtual network in a cluster that uses custom subnets",
				explain(fmt.Sprintf("%s is not set, so AKS would put the pool in the virtual network it manages, but node pool %q uses the subnet %s.", shown(at), e.Name, e.VnetSubnetID),
					"all node pools must reside in the same virtual network",
					sourceGuide,
					fmt.Sprintf("set %s to a subnet of %s.", shown(at), vnetName(e.VnetSubnetID))))}
		}
	}
	return nil
}

// checkWindowsCluster: Windows pools need a cluster created with a Windows
// profile, and Azure CNI (kubenet doesn't support Windows nodes).
func checkWindowsCluster(base path.Path, p Pool, c Cluster) diag.Diagnostics {
	if anyUnknown(p.OSType) || osType(p) != OSTypeWindows {
		return nil
	}
	at := base.AtName("os_type")
	var diags diag.Diagnostics
	if !c.HasWindowsProfile {
		diags.Append(ruleError(at, "Cluster has no Windows profile",
			explain(fmt.Sprintf(`%s = "Windows", but the cluster was created without a Windows profile.`, shown(at)),
				"Windows node pools need a cluster created with a Windows profile (admin user name and password); Windows support can't be enabled on a cluster created without it",
				sourceWindowsFAQ,
				"create the cluster with a windows_profile, or run this workload on a Linux pool.")))
	}
	if strings.EqualFold(c.NetworkPlugin, NetworkPluginKubenet) {
		diags.Append(ruleError(at, "Windows node pools need Azure CNI",
			explain(fmt.Sprintf(`%s = "Windows", but the cluster uses the kubenet network plugin.`, shown(at)),
				"clusters with Windows node pools must use Azure CNI; kubenet doesn't support Windows nodes",
				sourceCNI,
				"use a cluster with network_plugin = \"azure\", or run this workload on a Linux pool.")))
	}
	return diags
}

// checkPodSubnetNetworkPlugin: pod subnets are an Azure CNI feature; kubenet has none.
func checkPodSubnetNetworkPlugin(base path.Path, p Pool, c Cluster) diag.Diagnostics {
	if !isSet(p.PodSubnetID) || !strings.EqualFold(c.NetworkPlugin, NetworkPluginKubenet) {
		return nil
	}
	at := base.AtName("pod_subnet_id")
	return diag.Diagnostics{ruleError(at, "Pod subnets need Azure CNI",
		explain(fmt.Sprintf("%s is set, but the cluster uses the kubenet network plugin.", shown(at)),
			"a pod subnet gives pods addresses from a dedicated subnet with Azure CNI; kubenet gives pods addresses from the pod CIDR instead",
			sourceCNI,
			fmt.Sprintf("remove %s, or use a cluster with network_plugin = \"azure\".", shown(at))))}
}

// defender29 is the first Kubernetes version on which ARM64 pools work on Defender-enabled clusters.
var defender29 = MustParseVersion("1.29.0")

// checkArm64Defender: ARM64 node pools aren't supported on Defender-enabled
// clusters with Kubernetes below 1.29.0.
func checkArm64Defender(base path.Path, size vmsizes.Size, c Cluster) diag.Diagnostics {
	if !c.DefenderEnabled || !size.IsArm64() || c.KubernetesVersion == "" {
		return nil
	}
	v, err := ParseVersion(c.KubernetesVersion)
	if err != nil || !v.Less(defender29) {
		return nil
	}
	at := base.AtName("vm_size")
	return diag.Diagnostics{ruleError(at, "ARM64 pools need Kubernetes 1.29.0 or later on Defender-enabled clusters",
		explain(fmt.Sprintf("%s = %q is an Arm64 size; the cluster has Microsoft Defender enabled and runs Kubernetes %s.", shown(at), size.Name, c.KubernetesVersion),
			"ARM64 node pools aren't supported on Defender-enabled clusters with Kubernetes version less than 1.29.0",
			sourceGuideArm64,
			"upgrade the cluster to Kubernetes 1.29 or later first, or pick an x64 VM size."))}
}

// checkOrchestratorVersion: the pool's version is not above the control
// plane, at most three minor versions behind it (Kubernetes 1.28+ skew), and
// not lower than the pool's current version.
func checkOrchestratorVersion(base path.Path, p Pool, current *ExistingPool, c Cluster) diag.Diagnostics {
	v, ok := configuredVersion(p)
	if !ok {
		return nil
	}
	at := base.AtName("orchestrator_version")
	var diags diag.Diagnostics
	if current != nil && current.OrchestratorVersion != "" {
		if now, err := ParseVersion(current.OrchestratorVersion); err == nil && v.Less(now) {
			diags.Append(ruleError(at, "Node pool downgrade",
				explain(fmt.Sprintf("%s = %q is lower than the version the pool runs, %s.", shown(at), v, now),
					"node pools can be upgraded but never downgraded",
					sourceUpgradePools,
					fmt.Sprintf("set %s to %s or later; to run an older version, create a new pool.", shown(at), now))))
		}
	}
	if c.KubernetesVersion == "" {
		return diags
	}
	cp, err := ParseVersion(c.KubernetesVersion)
	if err != nil {
		return diags
	}
	behind, sameMajor := v.MinorsBehind(cp)
	switch {
	case !sameMajor:
		diags.Append(ruleError(at, "Node pool and control plane majors differ",
			explain(fmt.Sprintf("%s = %q, but the control plane runs %s.", shown(at), v, cp),
				"a node pool must run the same major version as the control plane",
				sourceVersionSkew,
				fmt.Sprintf("set %s to a %d.x version.", shown(at), cp.Major))))
	case v.Compare(cp) > 0:
		diags.Append(ruleError(at, "Node pool version above the control plane",
			explain(fmt.Sprintf("%s = %q is newer than the control plane's %s.", shown(at), v, cp),
				"a node pool's version can't be greater than the control plane's",
				sourceVersionSkew+"; "+sourceUpgradePools,
				fmt.Sprintf("upgrade the cluster's control plane first, or set %s to %s or lower.", shown(at), cp))))
	case behind > 3:
		oldest := Version{Major: cp.Major, Minor: cp.Minor - 3}
		diags.Append(ruleError(at, "Node pool version too far behind the control plane",
			explain(fmt.Sprintf("%s = %q is %d minor versions behind the control plane's %s.", shown(at), v, behind, cp),
				"a node pool may be at most three minor versions behind the control plane (Kubernetes 1.28 and later)",
				sourceVersionSkew,
				fmt.Sprintf("set %s to %s or later.", shown(at), oldest))))
	}
	return diags
}

// checkMultiplePools: a cluster with more than one pool needs the Standard
// load balancer and Virtual Machine Scale Sets. Runs when a pool is added.
func checkMultiplePools(base path.Path, others []ExistingPool, c Cluster) diag.Diagnostics {
	if len(others) == 0 {
		return nil
	}
	at := base.AtName("cluster_id")
	var diags diag.Diagnostics
	if c.LoadBalancerSKU != "" && !strings.EqualFold(c.LoadBalancerSKU, LoadBalancerSKUStandard) {
		diags.Append(ruleError(at, "Multiple node pools need the Standard load balancer",
			explain(fmt.Sprintf("The cluster uses the %s load balancer and already has %d node pool(s); this pool would be another.", c.LoadBalancerSKU, len(others)),
				"the AKS cluster must use the Standard SKU load balancer to use multiple node pools; Basic isn't supported",
				sourceGuide,
				"use a cluster created with load_balancer_sku = \"standard\".")))
	}
	for _, e := range others {
		if e.VMSetType != "" && !strings.EqualFold(e.VMSetType, VMSetTypeScaleSets) {
			diags.Append(ruleError(at, "Multiple node pools need Virtual Machine Scale Sets",
				explain(fmt.Sprintf("Node pool %q of the cluster uses %s.", e.Name, e.VMSetType),
					"the AKS cluster must use Virtual Machine Scale Sets for the nodes to use multiple node pools",
					sourceGuide,
					"use a cluster whose pools use Virtual Machine Scale Sets.")))
			break
		}
	}
	return diags
}

// checkDemoteLastSystemPool: the cluster's only System pool can't become a User pool.
func checkDemoteLastSystemPool(base path.Path, p Pool, current *ExistingPool, others []ExistingPool) diag.Diagnostics {
	if current == nil || !strings.EqualFold(current.Mode, ModeSystem) || anyUnknown(p.Mode) || mode(p) != ModeUser {
		return nil
	}
	for _, e := range others {
		if strings.EqualFold(e.Mode, ModeSystem) {
			return nil
		}
	}
	at := base.AtName("mode")
	return diag.Diagnostics{ruleError(at, "Can't demote the last System node pool",
		explain(fmt.Sprintf(`%s = "User", but %q is the cluster's only System node pool.`, shown(at), current.Name),
			"a cluster must always have at least one System node pool; a System pool can become a User pool only when another System pool remains",
			sourceSystemPools,
			`first set mode = "System" on another Linux pool (or add one) and apply, then change this pool.`))}
}
