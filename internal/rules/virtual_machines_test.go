package rules

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// vmPool is the official TypeVirtualMachines example's pool.
func vmPool(sizes ...string) Pool {
	p := Pool{Name: str("agentpool1")}
	p.Type, p.ManualScaleSet = str(PoolTypeVirtualMachines), true
	for _, s := range sizes {
		p.ManualScale = append(p.ManualScale, ManualScale{VMSize: str(s), NodeCount: num(2)})
	}
	return p
}

func TestCheckVirtualMachinesPool(t *testing.T) {
	tests := []struct {
		name  string
		pool  Pool
		wants []want
	}{
		{"official example", vmPool("Standard_D2_v2", "Standard_D2_v3"), nil},
		{"scale set pool", userPool(), nil},
		{"profile on a scale set pool", with(userPool(), func(p *Pool) { p.ManualScaleSet = true }),
			[]want{errAt("virtual_machines_profile", "virtual_machines_profile needs a VirtualMachines pool", `set type = "VirtualMachines"`)}},
		{"no profile", with(vmPool(), func(p *Pool) { p.ManualScaleSet = false }),
			[]want{errAt("virtual_machines_profile.manual_scale", "A VirtualMachines pool needs a manual scale profile")}},
		{"six sizes", vmPool("Standard_D2s_v3", "Standard_D4s_v3", "Standard_D8s_v3", "Standard_D16s_v3", "Standard_D32s_v3", "Standard_D48s_v3"),
			[]want{errAt("virtual_machines_profile.manual_scale", "Too many VM sizes in a VirtualMachines pool", "up to 5")}},
		{"five sizes", vmPool("Standard_D2s_v3", "Standard_D4s_v3", "Standard_D8s_v3", "Standard_D16s_v3", "Standard_D32s_v3"), nil},
		{"size twice, other case", vmPool("Standard_D2s_v3", "standard_d2s_v3"),
			[]want{errAt("virtual_machines_profile.manual_scale[1].vm_size", "VM size listed twice in a VirtualMachines pool", "manual_scale[0]", "merge the two entries")}},
		{"autoscaler", with(vmPool("Standard_D2s_v3"), func(p *Pool) { p.AutoScalingEnabled = flag(true) }),
			[]want{errAt("auto_scaling_enabled", "VirtualMachines pools have no cluster autoscaler")}},
		{"vm_size and node_count", with(vmPool("Standard_D2s_v3"), func(p *Pool) { p.VMSize, p.NodeCount = str("Standard_D2s_v3"), num(3) }),
			[]want{errAt("vm_size", "vm_size is not used by VirtualMachines pools", "virtual_machines_profile.manual_scale"),
				errAt("node_count", "node_count is not used by VirtualMachines pools")}},
		{"from a snapshot", with(vmPool("Standard_D2s_v3"), func(p *Pool) {
			p.SnapshotID = str("/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/snapshots/snapshot1")
		}),
			[]want{errAt("snapshot_id", "VirtualMachines pools can't be created from a snapshot")}},
		{"unknown profile", with(vmPool(), func(p *Pool) { p.ManualScaleUnknown = true }), nil},
		{"unknown type", with(userPool(), func(p *Pool) { p.Type, p.ManualScaleSet = types.StringUnknown(), true }), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectDiags(t, checkVirtualMachinesPool(context.Background(), path.Empty(), tt.pool, nil), tt.wants...)
		})
	}
}

func TestInheritedSubnet(t *testing.T) {
	if got := InheritedSubnet(demoCluster().Pools); got != "" {
		t.Errorf("managed VNet cluster: %q, want none", got)
	}
	c := customVNetCluster()
	c.Pools = append([]ExistingPool{{Name: "user1", Mode: ModeUser, VnetSubnetID: subnetPods}}, c.Pools...)
	if got := InheritedSubnet(c.Pools); got != subnetUser {
		t.Errorf("got %q, want the System pool's subnet %q", got, subnetUser)
	}
	if got := InheritedSubnet(c.Pools[:1]); got != subnetPods {
		t.Errorf("without a System pool on a subnet: %q, want the first pool's %q", got, subnetPods)
	}
}
