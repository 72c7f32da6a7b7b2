package rules

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// The rules of Gateway node pools (mode = "Gateway" with gateway_profile), the Static Egress
// Gateway's dedicated pools.
const (
	sourceGateway    = `the AKS docs "Configure Static Egress Gateway in AKS" (https://learn.microsoft.com/azure/aks/configure-static-egress-gateway)`
	sourceGatewayAPI = `the AKS REST API 2025-10-01, agentPools gatewayProfile ("This field cannot be set if agent pool mode is not Gateway"; publicIPPrefixSize 28-31, default 31)`
)

// DefaultGatewayPrefixSize is AKS's public IP prefix size of a Gateway pool.
const DefaultGatewayPrefixSize = 31

// checkGatewayPool: gateway_profile only on Gateway pools; a Gateway pool runs Linux, has no
// autoscaler and at most as many nodes as its public IP prefix has addresses.
func checkGatewayPool(_ context.Context, base path.Path, p Pool, _ *vmsizes.Size) diag.Diagnostics {
	if anyUnknown(p.Mode) {
		return nil
	}
	if mode(p) != ModeGateway {
		if !p.GatewayProfileSet {
			return nil
		}
		at := base.AtName("gateway_profile")
		return diag.Diagnostics{ruleError(at, "gateway_profile needs a Gateway pool",
			explain(fmt.Sprintf("%s is set, but mode is %q.", shown(at), mode(p)), "the gateway profile can't be set unless the agent pool's mode is Gateway", sourceGatewayAPI,
				fmt.Sprintf(`set mode = %q, or remove %s.`, ModeGateway, shown(at))))}
	}
	var diags diag.Diagnostics
	if osType(p) == OSTypeWindows {
		at := base.AtName("os_type")
		diags.Append(ruleError(at, "Gateway pools run Linux",
			explain(fmt.Sprintf(`%s = %q, but mode is %q.`, shown(at), OSTypeWindows, ModeGateway), "Windows node pools can't be used as gateway node pools", sourceGateway,
				fmt.Sprintf(`remove %s (Linux), or use mode = %q for Windows nodes.`, shown(at), ModeUser))))
	}
	if isTrue(p.AutoScalingEnabled) {
		at := base.AtName("auto_scaling_enabled")
		diags.Append(ruleError(at, "Gateway pools have no cluster autoscaler",
			explain(fmt.Sprintf("%s = true, but mode is %q.", shown(at), ModeGateway), "the gateway node pool can be resized within the limit of its prefix size, but it doesn't support autoscaling", sourceGateway,
				fmt.Sprintf("remove %s and set node_count.", shown(at)))))
	}
	size := int64(DefaultGatewayPrefixSize)
	if isSet(p.GatewayPrefixSize) {
		size = p.GatewayPrefixSize.ValueInt64()
	}
	if isSet(p.NodeCount) && size >= 28 && size <= 32 {
		if capacity := int64(1) << (32 - size); p.NodeCount.ValueInt64() > capacity {
			at := base.AtName("node_count")
			diags.Append(ruleError(at, "More Gateway nodes than the public IP prefix has addresses",
				explain(fmt.Sprintf("%s = %d, but a /%d public IP prefix has %d addresses, one per node.", shown(at), p.NodeCount.ValueInt64(), size, capacity),
					"each node of a Gateway pool takes one IP of the pool's public IP prefix, so the prefix size caps the pool's size (/31 = 2 nodes, /30 = 4, /29 = 8, /28 = 16)", sourceGatewayAPI+"; "+sourceGateway,
					fmt.Sprintf("set gateway_profile.public_ip_prefix_size to %d or less, or %s to at most %d.", prefixFor(p.NodeCount.ValueInt64()), shown(at), capacity))))
		}
	}
	return diags
}

// prefixFor is the longest prefix holding n addresses, not shorter than /28.
func prefixFor(n int64) int64 {
	for size := int64(31); size > 28; size-- {
		if int64(1)<<(32-size) >= n {
			return size
		}
	}
	return 28
}

// checkGatewayInCluster: a Gateway pool needs the cluster's Static Egress Gateway, and isn't
// supported on clusters whose pools use Azure CNI pod subnets.
func checkGatewayInCluster(_ context.Context, base path.Path, p Pool, current *ExistingPool, c Cluster, _ *vmsizes.Size) diag.Diagnostics {
	if anyUnknown(p.Mode) || mode(p) != ModeGateway || current != nil {
		return nil
	}
	at := base.AtName("mode")
	if !c.StaticEgressGatewayEnabled {
		return diag.Diagnostics{ruleError(at, "Gateway pools need the cluster's Static Egress Gateway",
			explain(fmt.Sprintf(`%s = %q, but the cluster's Static Egress Gateway is not enabled (networkProfile.staticEgressGatewayProfile.enabled).`, shown(at), ModeGateway),
				"before you can create gateway node pools, you must enable the Static Egress Gateway feature for the cluster", sourceGateway,
				"enable it on the cluster first (az aks update --enable-static-egress-gateway), then apply again."))}
	}
	podSubnet := isSet(p.PodSubnetID)
	for _, e := range c.Pools {
		podSubnet = podSubnet || strings.TrimSpace(e.PodSubnetID) != ""
	}
	if podSubnet {
		return diag.Diagnostics{ruleError(at, "Gateway pools are not supported with Azure CNI pod subnets",
			explain(fmt.Sprintf(`%s = %q, but the cluster's pools use pod subnets (Azure CNI with dynamic pod IP allocation).`, shown(at), ModeGateway),
				"Static Egress Gateway isn't supported in clusters with Azure CNI Pod Subnet", sourceGateway,
				fmt.Sprintf(`use mode = %q, or a cluster without pod subnets.`, ModeUser)))}
	}
	return nil
}
