package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func stop(p *poolProperties) {
	p.PowerState = &armcontainerservice.PowerState{Code: to(armcontainerservice.CodeStopped)}
}

func TestCheckStopNewPool(t *testing.T) {
	wantError(t, checkStopNewPool(testWorld(), "user", props(nil)), "", "")
	wantError(t, checkStopNewPool(testWorld(), "user", props(stop)), codeOperationNotAllowed, "can't be created stopped")
	// through the agentPools create, after the defaults
	w := worldWith(newCluster(t, nil))
	ap := newPool("user", stop)
	DefaultAgentPool(w, nil, ap)
	wantError(t, CheckAgentPoolCreate(w, ap), codeOperationNotAllowed, "Agent pool 'user' can't be created stopped")
}

func TestCheckStopPool(t *testing.T) {
	running := props(func(p *poolProperties) { p.ProvisioningState = to("Succeeded") })
	stoppedPool := props(func(p *poolProperties) { stop(p); p.ProvisioningState = to("Succeeded") })
	failed := props(func(p *poolProperties) { p.ProvisioningState = to("Failed") })
	clusterStopped := newCluster(t, nil)
	clusterStopped.Properties.PowerState = &armcontainerservice.PowerState{Code: to(armcontainerservice.CodeStopped)}
	nap := newCluster(t, func(mc *armcontainerservice.ManagedCluster) {
		mc.Properties.NodeProvisioningProfile = &armcontainerservice.ManagedClusterNodeProvisioningProfile{Mode: to(armcontainerservice.NodeProvisioningModeAuto)}
	})
	plain := newCluster(t, nil)
	tests := []struct {
		name          string
		mc            *armcontainerservice.ManagedCluster
		old, p        *poolProperties
		code, message string
	}{
		{"stop a running pool", plain, running, props(stop), "", ""},
		{"stop a spot pool with the autoscaler on", plain, running, props(func(p *poolProperties) {
			stop(p)
			p.ScaleSetPriority = to(armcontainerservice.ScaleSetPrioritySpot)
			p.EnableAutoScaling, p.MinCount, p.MaxCount = to(true), to[int32](1), to[int32](3)
		}), "", ""},
		{"keep a pool stopped", clusterStopped, stoppedPool, props(stop), "", ""},
		{"start a pool", clusterStopped, stoppedPool, props(nil), "", ""},
		{"stop in a stopped cluster", clusterStopped, running, props(stop), codeOperationNotAllowed, "the cluster is stopped"},
		{"stop with node autoprovisioning", nap, running, props(stop), codeOperationNotAllowed, "uses node autoprovisioning"},
		{"stop a failed pool", plain, failed, props(stop), codeOperationNotAllowed, "its provisioning state is Failed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkStopPool(worldWith(tt.mc), "user", tt.old, tt.p), tt.code, tt.message)
		})
	}
}
