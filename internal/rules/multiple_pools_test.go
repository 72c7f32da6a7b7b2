package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckMultiplePools(t *testing.T) {
	basic := demoCluster()
	basic.LoadBalancerSKU = "Basic"
	expectDiags(t, checkInCluster(userPool(), nil, basic),
		errAt("cluster_id", "Multiple node pools need the Standard load balancer", "Basic load balancer", "already has 1 node pool(s)"))
	avset := demoCluster()
	avset.Pools[0].VMSetType = "AvailabilitySet"
	expectDiags(t, checkInCluster(userPool(), nil, avset),
		errAt("cluster_id", "Multiple node pools need Virtual Machine Scale Sets", `"nodepool1"`, "AvailabilitySet"))
	// The first pool, and updates, are not "adding a pool".
	expectDiags(t, checkMultiplePools(path.Empty(), nil, basic))
	current := avset.Pools[0]
	expectDiags(t, checkInCluster(Pool{Name: str("nodepool1"), Mode: str("System")}, &current, avset))
	// Unknown load balancer: not judged.
	unknownLB := demoCluster()
	unknownLB.LoadBalancerSKU = ""
	expectDiags(t, checkInCluster(userPool(), nil, unknownLB))
}

func TestCheckBasicLoadBalancer(t *testing.T) {
	testClusterConfig(t, []clusterCase{
		{"basic load balancer", func(c *ClusterConfig) { c.LoadBalancerSKU = types.StringValue(LoadBalancerSKUBasic) },
			[]want{warnAt("network_profile.load_balancer_sku", "A Basic load balancer rules out additional node pools", "aks_node_pool")}},
	})
}
