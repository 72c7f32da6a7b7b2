package rules

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// Pool is the configuration of one node pool as the rules read it: the
// resource converts its model (aks_node_pool, or aks_cluster's
// default_node_pool) into it. Null means unset (AKS's default applies);
// unknown means known only at apply, and rules that need it don't run.
type Pool struct {
	Name                  types.String
	Mode                  types.String // null: User
	OSType                types.String // null: Linux
	OSSKU                 types.String // null: AKS's default for the OS (Ubuntu for Linux)
	VMSize                types.String // null: AKS picks a size
	NodeCount             types.Int64
	AutoScalingEnabled    types.Bool // null: false
	MinCount              types.Int64
	MaxCount              types.Int64
	OrchestratorVersion   types.String // null: the control plane's version
	VnetSubnetID          types.String // null: the managed virtual network
	PodSubnetID           types.String
	FIPSEnabled           types.Bool // null: false
	OSDiskType            types.String
	OSDiskSizeGB          types.Int64 // null: AKS's default for the VM size
	KubeletDiskType       types.String
	Priority              types.String // null: Regular
	EvictionPolicy        types.String
	SpotMaxPrice          types.Float64
	HostEncryptionEnabled types.Bool
	MaxPods               types.Int64 // null: AKS's default for the network plugin
	PoolNetwork
	PoolHardware
	PoolLifecycle
	PoolNodeConfig
	PoolPlacement
}

// CheckPool runs every configuration rule of a node pool that needs no live
// cluster: name length by OS, OS SKU vs OS type, System pool rules, autoscaler
// counts, Spot-only arguments, ARM64 limits, OS disk and ephemeral OS fit,
// kubelet disk, host encryption, and pod subnet placement. base is the path
// of the pool's attributes (path.Empty() for aks_node_pool,
// path.Root("default_node_pool") for aks_cluster). sizes may be nil (embedded
// facts only); location is the cluster's, for live VM sizes.
func CheckPool(ctx context.Context, base path.Path, p Pool, sizes *vmsizes.Catalogue, location string) diag.Diagnostics {
	if sizes == nil {
		sizes = vmsizes.Embedded()
	}
	var diags diag.Diagnostics
	diags.Append(checkNameLength(base, p)...)
	diags.Append(checkOSSKUMatchesOSType(base, p)...)
	diags.Append(checkSystemPool(base, p)...)
	diags.Append(checkAutoscaler(base, p)...)
	diags.Append(checkSpotOnlyArguments(base, p)...)
	diags.Append(checkPodSubnetVNet(base, p)...)
	diags.Append(checkPodSubnetDistinct(base, p)...)
	diags.Append(checkSystemPoolPods(base, p)...)
	diags.Append(checkOSDiskSizeRange(base, p)...)
	if v, ok := configuredVersion(p); ok {
		diags.Append(checkWindowsOSSKUVersion(base, p, v, "orchestrator_version")...)
	}

	size, found, d := lookupVMSize(ctx, base, p, sizes, location)
	diags.Append(d...)
	diags.Append(checkPoolGroups(ctx, base, p, foundSize(size, found))...)
	if !found {
		return diags
	}
	diags.Append(checkArm64(base, p, size)...)
	diags.Append(checkArm64FIPS(base, p, size, nil, "")...)
	diags.Append(checkEphemeralOSDisk(ctx, base, p, size, sizes, location)...)
	diags.Append(checkKubeletDiskType(ctx, base, p, size, sizes, location)...)
	diags.Append(checkHostEncryption(base, p, size)...)
	return diags
}

func mode(p Pool) string { return stringOr(p.Mode, ModeUser) }

func osType(p Pool) string { return stringOr(p.OSType, OSTypeLinux) }

func priority(p Pool) string { return stringOr(p.Priority, PriorityRegular) }

// configuredVersion returns orchestrator_version when it is set and valid.
func configuredVersion(p Pool) (Version, bool) {
	if !isSet(p.OrchestratorVersion) {
		return Version{}, false
	}
	v, err := ParseVersion(p.OrchestratorVersion.ValueString())
	return v, err == nil
}
