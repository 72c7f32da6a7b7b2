package emulator

import (
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// listMachines lists the machines of pool of rg-aks-demo/demo with the SDK's pager.
func listMachines(t *testing.T, f *armcontainerservice.ClientFactory, pool string) []*armcontainerservice.Machine {
	t.Helper()
	var out []*armcontainerservice.Machine
	for pager := f.NewMachinesClient().NewListPager("rg-aks-demo", "demo", pool, nil); pager.More(); {
		page, err := pager.NextPage(ctxT(t))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, page.Value...)
	}
	return out
}

func machineNames(ms []*armcontainerservice.Machine) []string {
	var names []string
	for _, m := range ms {
		names = append(names, deref(m.Name))
	}
	return names
}

func deleteMachines(t *testing.T, f *armcontainerservice.ClientFactory, pool string, names ...string) error {
	t.Helper()
	p, err := f.NewAgentPoolsClient().BeginDeleteMachines(ctxT(t), "rg-aks-demo", "demo", pool,
		armcontainerservice.AgentPoolDeleteMachinesParameter{MachineNames: to.SliceOfPtrs(names...)}, nil)
	if err != nil {
		return err
	}
	_, err = p.PollUntilDone(ctxT(t), poll)
	return err
}

func TestMachinesFollowTheCount(t *testing.T) {
	s, f := startWithCluster(t)
	createPool(t, f, "user1", userPool("Standard_D4s_v3", 3))

	ms := listMachines(t, f, "user1")
	names := machineNames(ms)
	shape := regexp.MustCompile(`^aks-user1-\d{8}-vmss00000[0-2]$`)
	if len(names) != 3 {
		t.Fatalf("a 3-node pool lists machines %v", names)
	}
	for _, n := range names {
		if !shape.MatchString(n) {
			t.Errorf("machine name %q is not AKS's aks-{pool}-{8 digits}-vmss{6 base-36 digits}", n)
		}
	}
	m := ms[0]
	if deref(m.Type) != machineType || !strings.HasSuffix(deref(m.ID), "/agentPools/user1/machines/"+names[0]) ||
		!strings.Contains(deref(m.Properties.ResourceID), "/providers/Microsoft.Compute/virtualMachineScaleSets/") ||
		len(m.Properties.Network.IPAddresses) != 1 {
		t.Errorf("machine shape: %+v", m)
	}

	got, err := f.NewMachinesClient().Get(ctxT(t), "rg-aks-demo", "demo", "user1", strings.ToUpper(names[1]), nil)
	if err != nil || deref(got.Name) != names[1] {
		t.Fatalf("GET machine %s: %v, %v", names[1], deref(got.Name), err)
	}
	_, err = f.NewMachinesClient().Get(ctxT(t), "rg-aks-demo", "demo", "user1", "aks-user1-00000000-vmss00000z", nil)
	wantErr(t, err, http.StatusNotFound, "NotFound")

	// deleting the middle machine: count 3 → 2, the other two keep their names
	if err := deleteMachines(t, f, "user1", names[1]); err != nil {
		t.Fatal(err)
	}
	pool, err := f.NewAgentPoolsClient().Get(ctxT(t), "rg-aks-demo", "demo", "user1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if deref(pool.Properties.Count) != 2 || deref(pool.Properties.ProvisioningState) != "Succeeded" {
		t.Errorf("after deleting one machine: count %d, state %s", deref(pool.Properties.Count), deref(pool.Properties.ProvisioningState))
	}
	after := machineNames(listMachines(t, f, "user1"))
	if !slices.Equal(after, []string{names[0], names[2]}) {
		t.Errorf("after deleting %s the pool lists %v, want %v", names[1], after, []string{names[0], names[2]})
	}

	// scaling out gives a new instance ID, never the deleted one again
	pool.Properties.Count = to.Ptr[int32](3)
	p, err := f.NewAgentPoolsClient().BeginCreateOrUpdate(ctxT(t), "rg-aks-demo", "demo", "user1", pool.AgentPool, nil)
	if err == nil {
		_, err = p.PollUntilDone(ctxT(t), poll)
	}
	if err != nil {
		t.Fatal(err)
	}
	scaled := machineNames(listMachines(t, f, "user1"))
	if len(scaled) != 3 || slices.Contains(scaled, names[1]) || !strings.HasSuffix(scaled[2], "vmss000003") {
		t.Errorf("after scaling back to 3 the pool lists %v: want %s and %s kept and a new vmss000003", scaled, names[0], names[2])
	}
	if st := s.poolState(t, "user1"); st != "Succeeded" {
		t.Errorf("pool state %q after the operations", st)
	}
}

func TestDeleteMachinesRefusals(t *testing.T) {
	s, f := startWithCluster(t)
	createPool(t, f, "user1", userPool("Standard_D4s_v3", 2))
	names := machineNames(listMachines(t, f, "user1"))

	err := deleteMachines(t, f, "user1", names[0], "aks-user1-12345678-vmss00000q")
	e := wantErrResp(t, err, http.StatusBadRequest, "InvalidParameter")
	if !strings.Contains(e.Error(), "The machine 'aks-user1-12345678-vmss00000q' was not found in agent pool 'user1'") {
		t.Errorf("unknown machine: %v", e)
	}
	if got := machineNames(listMachines(t, f, "user1")); len(got) != 2 {
		t.Errorf("a refused request deleted machines: %v", got)
	}

	err = deleteMachines(t, f, "user1")
	wantErr(t, err, http.StatusBadRequest, "InvalidParameter")

	// the last machine of the only System pool may not go: AKS's rule for the System pool's count
	system := machineNames(listMachines(t, f, "system"))
	err = deleteMachines(t, f, "system", system...)
	if respErr(t, err).StatusCode != http.StatusBadRequest {
		t.Errorf("deleting every machine of the System pool: %v", err)
	}

	// a pool busy with another operation answers 409 OperationNotAllowed
	s.SetLatency(LatencyNodeImage, time.Minute)
	if _, err := f.NewAgentPoolsClient().BeginUpgradeNodeImageVersion(ctxT(t), "rg-aks-demo", "demo", "user1", nil); err != nil {
		t.Fatal(err)
	}
	err = deleteMachines(t, f, "user1", names[0])
	wantErr(t, err, http.StatusConflict, "OperationNotAllowed")

	_, err = f.NewMachinesClient().Get(ctxT(t), "rg-aks-demo", "demo", "nopool", names[0], nil)
	wantErr(t, err, http.StatusNotFound, "NotFound")
}
