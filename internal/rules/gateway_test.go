package rules

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
)

func gatewayPool(nodes int64) Pool {
	return Pool{Name: str("egress"), Mode: str(ModeGateway), NodeCount: num(nodes)}
}

func TestCheckGatewayPool(t *testing.T) {
	tests := []struct {
		name  string
		pool  Pool
		wants []want
	}{
		{"two nodes on the default /31", gatewayPool(2), nil},
		{"three nodes on the default /31", gatewayPool(3),
			[]want{errAt("node_count", "More Gateway nodes than the public IP prefix has addresses", "/31 public IP prefix has 2 addresses", "public_ip_prefix_size to 30")}},
		{"16 nodes on /28", with(gatewayPool(16), func(p *Pool) { p.GatewayProfileSet, p.GatewayPrefixSize = true, num(28) }), nil},
		{"five nodes on /30", with(gatewayPool(5), func(p *Pool) { p.GatewayProfileSet, p.GatewayPrefixSize = true, num(30) }),
			[]want{errAt("node_count", "More Gateway nodes than the public IP prefix has addresses", "public_ip_prefix_size to 29")}},
		{"Windows", with(gatewayPool(2), func(p *Pool) { p.OSType = str(OSTypeWindows) }), []want{errAt("os_type", "Gateway pools run Linux")}},
		{"autoscaler", with(gatewayPool(2), func(p *Pool) { p.AutoScalingEnabled = flag(true) }), []want{errAt("auto_scaling_enabled", "Gateway pools have no cluster autoscaler")}},
		{"profile on a User pool", with(userPool(), func(p *Pool) { p.GatewayProfileSet = true }),
			[]want{errAt("gateway_profile", "gateway_profile needs a Gateway pool", `set mode = "Gateway"`)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectDiags(t, checkGatewayPool(context.Background(), path.Empty(), tt.pool, nil), tt.wants...)
		})
	}
}

func TestCheckGatewayInCluster(t *testing.T) {
	c := demoCluster()
	expectDiags(t, checkGatewayInCluster(context.Background(), path.Empty(), gatewayPool(2), nil, c, nil),
		errAt("mode", "Gateway pools need the cluster's Static Egress Gateway", "--enable-static-egress-gateway"))
	c.StaticEgressGatewayEnabled = true
	expectDiags(t, checkGatewayInCluster(context.Background(), path.Empty(), gatewayPool(2), nil, c, nil))
	c.Pools[0].PodSubnetID = subnetPods
	expectDiags(t, checkGatewayInCluster(context.Background(), path.Empty(), gatewayPool(2), nil, c, nil),
		errAt("mode", "Gateway pools are not supported with Azure CNI pod subnets"))
	expectDiags(t, checkGatewayInCluster(context.Background(), path.Empty(), userPool(), nil, demoCluster(), nil))
}

func TestDemoteLastSystemPoolToGateway(t *testing.T) {
	c := demoCluster()
	current := c.Pools[0]
	p := Pool{Name: str("nodepool1"), Mode: str(ModeGateway)}
	expectDiags(t, checkDemoteLastSystemPool(path.Empty(), p, &current, otherPools(p, &current, c)),
		errAt("mode", "Can't demote the last System node pool", `mode = "Gateway"`))
}
