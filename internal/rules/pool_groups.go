package rules

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// The rules of the pool attribute groups (custom node configuration, hardware, placement, node
// networking, lifecycle, ...): each subject keeps its settings in a Pool<Subject> struct embedded
// in Pool and its rules in files named for it, and is called from these lists, one line each.

// poolRuleGroups check a pool's configuration without the live cluster. size is the pool's VM
// size, nil when vm_size is unset, unknown or not in the catalogue (rules needing it don't run).
var poolRuleGroups = []func(ctx context.Context, base path.Path, p Pool, size *vmsizes.Size) diag.Diagnostics{
	checkPoolNetwork,
	checkPoolHardware,
	checkPowerStateConfig,
	checkVirtualMachinesPool,
	checkOSSKUConfigVersion,
	checkUbuntu2404FIPS,
	checkGatewayPool,
	checkNodeConfig,
	checkPlacement,
}

// poolInClusterRuleGroups check a pool against the live cluster, for a pool being created
// (current nil) or updated; size as for poolRuleGroups.
var poolInClusterRuleGroups = []func(ctx context.Context, base path.Path, p Pool, current *ExistingPool, c Cluster, size *vmsizes.Size) diag.Diagnostics{
	checkPoolNetworkInCluster,
	checkPoolHardwareInCluster,
	checkPowerStateInCluster,
	checkOSSKURunningVersion,
	checkGatewayInCluster,
	checkPlacementInCluster,
}

func checkPoolGroups(ctx context.Context, base path.Path, p Pool, size *vmsizes.Size) diag.Diagnostics {
	var diags diag.Diagnostics
	for _, group := range poolRuleGroups {
		diags.Append(group(ctx, base, p, size)...)
	}
	return diags
}

func checkPoolInClusterGroups(ctx context.Context, base path.Path, p Pool, current *ExistingPool, c Cluster, size *vmsizes.Size) diag.Diagnostics {
	var diags diag.Diagnostics
	for _, group := range poolInClusterRuleGroups {
		diags.Append(group(ctx, base, p, current, c, size)...)
	}
	return diags
}

// foundSize is size when found, else nil.
func foundSize(size vmsizes.Size, found bool) *vmsizes.Size {
	if !found {
		return nil
	}
	return &size
}
