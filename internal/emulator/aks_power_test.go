package emulator

import (
	"net/http"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// putUser1 sends a PUT of the pool user1 and returns how it reads while the
// operation runs and once it ended.
func putUser1(t *testing.T, f *armcontainerservice.ClientFactory, ap armcontainerservice.AgentPool) (during, final armcontainerservice.AgentPool) {
	t.Helper()
	const name = "user1"
	ctx := ctxT(t)
	p, err := f.NewAgentPoolsClient().BeginCreateOrUpdate(ctx, "rg-aks-demo", "demo", name, ap, nil)
	if err != nil {
		t.Fatalf("PUT %s: %v", name, err)
	}
	got, err := f.NewAgentPoolsClient().Get(ctx, "rg-aks-demo", "demo", name, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.PollUntilDone(ctx, poll)
	if err != nil {
		t.Fatalf("PUT %s: poll: %v", name, err)
	}
	return got.AgentPool, res.AgentPool
}

func withPower(ap armcontainerservice.AgentPool, code armcontainerservice.Code) armcontainerservice.AgentPool {
	ap.Properties.PowerState = &armcontainerservice.PowerState{Code: to.Ptr(code)}
	return ap
}

func TestPoolStopAndStartThroughPowerState(t *testing.T) {
	s, f := startWithCluster(t)
	s.SetLatency(LatencyUpdate, 25*testLRO) // long enough to read each operation while it runs
	pool := userPool("Standard_D4s_v3", 2)
	pool.Properties.EnableAutoScaling, pool.Properties.MinCount, pool.Properties.MaxCount = to.Ptr(true), to.Ptr[int32](1), to.Ptr[int32](5)
	created := createPool(t, f, "user1", pool)

	// az aks nodepool stop: the pool as GET shows it, with powerState Stopped
	during, stoppedPool := putUser1(t, f, withPower(created, armcontainerservice.CodeStopped))
	if deref(during.Properties.ProvisioningState) != "Stopping" || deref(during.Properties.Count) != 0 || deref(during.Properties.EnableAutoScaling) {
		t.Errorf("while stopping: %s count %d autoscaling %v", deref(during.Properties.ProvisioningState), deref(during.Properties.Count), deref(during.Properties.EnableAutoScaling))
	}
	p := stoppedPool.Properties
	if deref(p.PowerState.Code) != armcontainerservice.CodeStopped || deref(p.ProvisioningState) != "Succeeded" ||
		deref(p.Count) != 0 || deref(p.EnableAutoScaling) || p.MinCount != nil || p.MaxCount != nil {
		t.Errorf("stopped: %s %s count %d autoscaling %v min %v max %v", deref(p.PowerState.Code), deref(p.ProvisioningState),
			deref(p.Count), deref(p.EnableAutoScaling), p.MinCount, p.MaxCount)
	}
	machines := 0
	for pager := f.NewMachinesClient().NewListPager("rg-aks-demo", "demo", "user1", nil); pager.More(); {
		page, err := pager.NextPage(ctxT(t))
		if err != nil {
			t.Fatal(err)
		}
		machines += len(page.Value)
	}
	if machines != 0 {
		t.Errorf("a stopped pool has %d machines", machines)
	}

	// az aks nodepool start: the stopped pool's GET body with powerState Running
	during, started := putUser1(t, f, withPower(stoppedPool, armcontainerservice.CodeRunning))
	if deref(during.Properties.ProvisioningState) != "Starting" {
		t.Errorf("while starting: %s", deref(during.Properties.ProvisioningState))
	}
	p = started.Properties
	if deref(p.PowerState.Code) != armcontainerservice.CodeRunning || deref(p.Count) != 2 || !deref(p.EnableAutoScaling) ||
		deref(p.MinCount) != 1 || deref(p.MaxCount) != 5 {
		t.Errorf("started: %s count %d autoscaling %v min %d max %d", deref(p.PowerState.Code), deref(p.Count), deref(p.EnableAutoScaling), deref(p.MinCount), deref(p.MaxCount))
	}

	// a start that sets its own scale uses it
	_, stoppedPool = putUser1(t, f, withPower(started, armcontainerservice.CodeStopped))
	restart := withPower(stoppedPool, armcontainerservice.CodeRunning)
	restart.Properties.Count = to.Ptr[int32](3)
	_, started = putUser1(t, f, restart)
	if deref(started.Properties.Count) != 3 || deref(started.Properties.EnableAutoScaling) {
		t.Errorf("started with count 3: count %d autoscaling %v", deref(started.Properties.Count), deref(started.Properties.EnableAutoScaling))
	}
}

func TestStoppingIsRefusedWhereAKSRefusesIt(t *testing.T) {
	_, f := startWithCluster(t)
	ctx := ctxT(t)
	pools := f.NewAgentPoolsClient()
	system, err := pools.Get(ctx, "rg-aks-demo", "demo", "system", nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = pools.BeginCreateOrUpdate(ctx, "rg-aks-demo", "demo", "system", withPower(system.AgentPool, armcontainerservice.CodeStopped), nil)
	wantErr(t, err, http.StatusBadRequest, "OperationNotAllowed")
	_, err = pools.BeginCreateOrUpdate(ctx, "rg-aks-demo", "demo", "new1", withPower(userPool("Standard_D4s_v3", 1), armcontainerservice.CodeStopped), nil)
	e := wantErrResp(t, err, http.StatusBadRequest, "OperationNotAllowed")
	if e == nil {
		t.Fatal("no error")
	}
	if _, err := pools.Get(ctx, "rg-aks-demo", "demo", "new1", nil); err == nil {
		t.Error("a refused create left a pool")
	}
}
