package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// checkMultiplePools: a cluster with more than one pool needs the Standard
// load balancer and no Availability Set pool (Virtual Machine Scale Sets, or
// Virtual Machines pools, which also take several pools). Runs when a pool is added.
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
		if strings.EqualFold(e.VMSetType, VMSetTypeAvailabilitySet) {
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

// checkBasicLoadBalancer warns of load_balancer_sku = "basic": the cluster can then never take
// a second node pool (checkMultiplePools refuses it), and Azure retired the Basic load balancer.
func checkBasicLoadBalancer(c ClusterConfig) diag.Diagnostics {
	if !isSet(c.LoadBalancerSKU) || !strings.EqualFold(c.LoadBalancerSKU.ValueString(), LoadBalancerSKUBasic) {
		return nil
	}
	at := path.Root("network_profile").AtName("load_balancer_sku")
	return diag.Diagnostics{ruleWarning(at, "A Basic load balancer rules out additional node pools",
		explain(fmt.Sprintf(`%s = %q.`, shown(at), LoadBalancerSKUBasic),
			"an AKS cluster must use the Standard SKU load balancer to use multiple node pools; with Basic the cluster keeps only its default node pool (aks_node_pool refuses to add one), and Azure retired the Basic load balancer",
			sourceGuide+"; "+sourceBasicLB,
			fmt.Sprintf(`use %s = %q unless this cluster will never need a second node pool.`, shown(at), LoadBalancerSKUStandard)))}
}
