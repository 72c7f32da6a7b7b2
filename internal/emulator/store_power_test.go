package emulator

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func powerRecord(code armcontainerservice.Code, count int32, autoscale bool) *poolRecord {
	p := &armcontainerservice.ManagedClusterAgentPoolProfileProperties{
		Count: to.Ptr(count), EnableAutoScaling: to.Ptr(autoscale),
		PowerState: &armcontainerservice.PowerState{Code: to.Ptr(code)},
	}
	if autoscale {
		p.MinCount, p.MaxCount = to.Ptr[int32](1), to.Ptr[int32](9)
	}
	return &poolRecord{Pool: &armcontainerservice.AgentPool{Properties: p}}
}

func TestApplyPowerState(t *testing.T) {
	running := powerRecord(armcontainerservice.CodeRunning, 4, true)

	// stop: the stopped view, and what to start again with
	stop := powerRecord(armcontainerservice.CodeStopped, 4, true)
	applyPowerState(stop, running)
	p := stop.Pool.Properties
	if deref(p.Count) != 0 || deref(p.EnableAutoScaling) || p.MinCount != nil || p.MaxCount != nil {
		t.Errorf("stopped view: count %d autoscaling %v min %v max %v", deref(p.Count), deref(p.EnableAutoScaling), p.MinCount, p.MaxCount)
	}
	if r := stop.Resume; r == nil || deref(r.Count) != 4 || !deref(r.EnableAutoScaling) || deref(r.MaxCount) != 9 {
		t.Fatalf("resume %+v", stop.Resume)
	}

	// a PUT of the stopped view keeps what the start restores
	again := powerRecord(armcontainerservice.CodeStopped, 0, false)
	applyPowerState(again, stop)
	if deref(again.Resume.Count) != 4 {
		t.Errorf("resume after a round trip: %+v", again.Resume)
	}

	// a PUT that sets a count while stopped changes it (unverified AKS behaviour)
	scaled := powerRecord(armcontainerservice.CodeStopped, 2, false)
	applyPowerState(scaled, again)
	if deref(scaled.Pool.Properties.Count) != 0 || deref(scaled.Resume.Count) != 2 || deref(scaled.Resume.EnableAutoScaling) {
		t.Errorf("scaled while stopped: count %d resume %+v", deref(scaled.Pool.Properties.Count), scaled.Resume)
	}

	// start: the stopped view sent back runs again as it was
	start := powerRecord(armcontainerservice.CodeRunning, 0, false)
	applyPowerState(start, again)
	p = start.Pool.Properties
	if deref(p.Count) != 4 || !deref(p.EnableAutoScaling) || deref(p.MinCount) != 1 || deref(p.MaxCount) != 9 || start.Resume != nil {
		t.Errorf("started: count %d autoscaling %v min %v max %v resume %+v", deref(p.Count), deref(p.EnableAutoScaling), p.MinCount, p.MaxCount, start.Resume)
	}

	check := func(old, p *poolRecord, want string) {
		t.Helper()
		if got := powerAction(old.Pool.Properties, p.Pool.Properties); got != want {
			t.Errorf("powerAction = %q, want %q", got, want)
		}
	}
	check(running, stop, "Stopping")
	check(stop, start, "Starting")
	check(stop, again, "")
	check(running, running, "")
}
