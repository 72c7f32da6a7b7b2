package rules

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckPowerStateConfig(t *testing.T) {
	tests := []struct {
		name  string
		pool  Pool
		wants []want
	}{
		{"user pool stopped", with(userPool(), func(p *Pool) { p.PowerState = str(PowerStateStopped) }), nil},
		{"system pool running", with(userPool(), func(p *Pool) { p.Mode, p.PowerState = str(ModeSystem), str(PowerStateRunning) }), nil},
		{"system pool stopped", with(userPool(), func(p *Pool) { p.Mode, p.PowerState = str(ModeSystem), str(PowerStateStopped) }),
			[]want{errAt("power_state", "System node pools can't be stopped", `mode is "System"`, `set mode = "User"`)}},
		{"spot pool stopped", with(userPool(), func(p *Pool) { p.Priority, p.PowerState = str(PrioritySpot), str(PowerStateStopped) }), nil},
		{"autoscaler pool stopped (AKS pauses the autoscaler)", with(userPool(), func(p *Pool) {
			p.AutoScalingEnabled, p.MinCount, p.MaxCount, p.PowerState = flag(true), num(1), num(3), str(PowerStateStopped)
		}), nil},
		{"unknown mode", with(userPool(), func(p *Pool) { p.Mode, p.PowerState = types.StringUnknown(), str(PowerStateStopped) }), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectDiags(t, checkPowerStateConfig(context.Background(), path.Empty(), tt.pool, nil), tt.wants...)
		})
	}
}

func TestCheckPowerStateInCluster(t *testing.T) {
	stop := with(userPool(), func(p *Pool) { p.PowerState = str(PowerStateStopped) })
	start := with(userPool(), func(p *Pool) { p.PowerState = str(PowerStateRunning) })
	running := &ExistingPool{Name: "userpool", Mode: ModeUser, PowerState: PowerStateRunning, ProvisioningState: "Succeeded"}
	stoppedPool := &ExistingPool{Name: "userpool", Mode: ModeUser, PowerState: PowerStateStopped, ProvisioningState: "Succeeded"}
	stoppedCluster := demoCluster()
	stoppedCluster.PowerState = PowerStateStopped
	nap := demoCluster()
	nap.NodeProvisioningMode = NodeProvisioningModeAuto
	failed := *running
	failed.ProvisioningState = "Failed"
	tests := []struct {
		name    string
		pool    Pool
		current *ExistingPool
		c       Cluster
		wants   []want
	}{
		{"stop a running pool", stop, running, demoCluster(), nil},
		{"start a stopped pool", start, stoppedPool, demoCluster(), nil},
		{"stays stopped on a stopped cluster", stop, stoppedPool, stoppedCluster, nil},
		{"stop on a stopped cluster", stop, running, stoppedCluster,
			[]want{errAt("power_state", "The cluster is stopped", "only while the cluster is running", "start the cluster first")}},
		{"start on a stopped cluster: left to AKS, as the emulator", start, stoppedPool, stoppedCluster, nil},
		{"stop with node autoprovisioning", stop, running, nap,
			[]want{errAt("power_state", "Node pools of a Node Autoprovisioning cluster can't be stopped", "Node Autoprovisioning")}},
		{"start with node autoprovisioning", start, stoppedPool, nap, nil},
		{"stop a failed pool", stop, &failed, demoCluster(),
			[]want{errAt("power_state", "The node pool can't be stopped while it is not in a Succeeded state", `"Failed"`)}},
		{"new pool created stopped", stop, nil, demoCluster(), nil},
		{"unset", userPool(), running, stoppedCluster, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectDiags(t, checkPowerStateInCluster(context.Background(), path.Empty(), tt.pool, tt.current, tt.c, nil), tt.wants...)
		})
	}
}
