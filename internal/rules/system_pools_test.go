package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckSystemPool(t *testing.T) {
	system := with(userPool(), func(p *Pool) { p.Mode = str("System") })
	tests := []struct {
		name  string
		pool  Pool
		wants []want
	}{
		{"linux system pool", system, nil},
		{"user pool may be windows, empty and spot", with(userPool(), func(p *Pool) {
			p.OSType, p.NodeCount, p.Priority = str("Windows"), num(0), str("Spot")
		}), nil},
		{"windows system pool", with(system, func(p *Pool) { p.OSType = str("Windows") }),
			[]want{errAt("os_type", "System node pools must run Linux", `os_type = "Windows"`, `mode = "User"`)}},
		{"no nodes", with(system, func(p *Pool) { p.NodeCount = num(0) }),
			[]want{errAt("node_count", "System node pools need at least one node", "node_count = 0", "1 or more")}},
		{"autoscaler minimum 0", with(system, func(p *Pool) { p.MinCount = num(0) }),
			[]want{errAt("min_count", "System node pools need at least one node", "min_count = 0")}},
		{"spot", with(system, func(p *Pool) { p.Priority = str("Spot") }),
			[]want{errAt("priority", "System node pools can't use Spot VMs", `priority = "Spot"`)}},
		{"unknown mode", with(system, func(p *Pool) { p.Mode, p.OSType = types.StringUnknown(), str("Windows") }), nil},
		{"unknown os and priority", with(system, func(p *Pool) { p.OSType, p.Priority = types.StringUnknown(), types.StringUnknown() }), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expectDiags(t, checkSystemPool(path.Empty(), tt.pool), tt.wants...) })
	}
}

func TestCheckDemoteLastSystemPool(t *testing.T) {
	c := demoCluster()
	current := c.Pools[0]
	demote := Pool{Name: str("nodepool1"), Mode: str("User")}
	expectDiags(t, checkInCluster(demote, &current, c),
		errAt("mode", "Can't demote the last System node pool", `"nodepool1" is the cluster's only System node pool`, `set mode = "System" on another Linux pool`))
	// Mode unset means User: still a demotion.
	expectDiags(t, checkInCluster(Pool{Name: str("nodepool1")}, &current, c), errAt("mode", "Can't demote the last System node pool"))
	expectDiags(t, checkInCluster(Pool{Name: str("nodepool1"), Mode: types.StringUnknown()}, &current, c))
	expectDiags(t, checkInCluster(Pool{Name: str("nodepool1"), Mode: str("System")}, &current, c))
	c.Pools = append(c.Pools, ExistingPool{Name: "system2", Mode: "System", OSType: "Linux", VMSetType: VMSetTypeScaleSets})
	expectDiags(t, checkInCluster(demote, &current, c))
}

func TestCheckPoolDelete(t *testing.T) {
	c := demoCluster()
	c.Pools = append(c.Pools, ExistingPool{Name: "userpool", Mode: "User"})
	d := CheckPoolDelete("NodePool1", c)
	expectDiags(t, d, errAt("", "Can't delete the last System node pool", `"nodepool1" is the cluster's only System node pool`, "another System pool takes its place", "delete the whole cluster"))
	expectDiags(t, CheckPoolDelete("userpool", c))
	expectDiags(t, CheckPoolDelete("gone", c))
	c.Pools = append(c.Pools, ExistingPool{Name: "system2", Mode: "System"})
	expectDiags(t, CheckPoolDelete("nodepool1", c))
}

func TestCheckSystemPoolPods(t *testing.T) {
	system := func(change func(*Pool)) Pool {
		return with(userPool(), func(p *Pool) { p.Mode = str(ModeSystem); change(p) })
	}
	expectDiags(t, checkSystemPoolPods(path.Root("default_node_pool"), system(func(p *Pool) { p.MaxPods, p.NodeCount = num(10), num(2) })),
		errAt("default_node_pool.max_pods", "System node pool with room for too few pods", "room for 20 pods", "to 15 or more"))
	expectDiags(t, checkSystemPoolPods(path.Empty(), system(func(p *Pool) {
		p.MaxPods, p.NodeCount, p.AutoScalingEnabled, p.MinCount = num(10), num(5), flag(true), num(1)
	})), errAt("max_pods", "System node pool with room for too few pods", "min_count = 1"))
	expectDiags(t, checkSystemPoolPods(path.Empty(), system(func(p *Pool) { p.MaxPods, p.NodeCount = num(10), num(3) })))
	expectDiags(t, checkSystemPoolPods(path.Empty(), with(userPool(), func(p *Pool) { p.MaxPods, p.NodeCount = num(10), num(1) })))
}
