package aksapi

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

func machineNamesOf(ms []*armcontainerservice.Machine) []string {
	var names []string
	for _, m := range ms {
		names = append(names, *m.Name)
	}
	return names
}

func TestDeletePoolMachines(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	id := env.cluster.Pool("userpool")
	if _, err := env.coord.CreateOrUpdatePool(ctx, id, userPool(3), CreateOnly); err != nil {
		t.Fatal(err)
	}
	machines, err := env.coord.ListPoolMachines(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	names := machineNamesOf(machines)
	if len(names) != 3 {
		t.Fatalf("machines %v, want 3", names)
	}

	accepted := 0
	if err := env.coord.DeletePoolMachines(ctx, id, names[:1], func() { accepted++ }); err != nil {
		t.Fatal(err)
	}
	if accepted != 1 {
		t.Errorf("accepted was told %d times, want once", accepted)
	}
	posts := env.calls(http.MethodPost, "/agentPools/userpool/deleteMachines")
	if len(posts) != 1 || !strings.Contains(string(posts[0].RequestBody), `"machineNames":["`+names[0]+`"]`) {
		t.Fatalf("deleteMachines requests: %+v", posts)
	}
	pool, err := env.coord.GetPool(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if *pool.Properties.Count != 2 {
		t.Errorf("count %d after deleting one of 3 machines", *pool.Properties.Count)
	}

	err = env.coord.DeletePoolMachines(ctx, id, []string{"aks-userpool-00000000-vmss00000z"}, nil)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusBadRequest || !strings.Contains(err.Error(), "was not found in agent pool 'userpool'") {
		t.Fatalf("unknown machine: %v, want AKS's 400 naming the machine", err)
	}
}

func TestAbortPoolAndClusterOperations(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	id := env.cluster.Pool("nodepool1")

	err := env.coord.AbortPoolOperation(ctx, id, nil)
	if !IsNothingToAbort(err) || !strings.Contains(err.Error(), "aborting the operation of agent pool nodepool1") {
		t.Fatalf("abort with nothing running: %v, want AKS's 409", err)
	}

	env.srv.SetLatency(emulator.LatencyNodeImage, time.Minute)
	// The upgrade's own poller is not waited for: its first answer's Retry-After is the minute.
	if _, err := env.sdk.NewAgentPoolsClient().BeginUpgradeNodeImageVersion(ctx, env.cluster.ResourceGroup, env.cluster.Name, "nodepool1", nil); err != nil {
		t.Fatal(err)
	}
	if err := env.coord.AbortPoolOperation(ctx, id, nil); err != nil {
		t.Fatalf("abort: %v", err)
	}
	pool, err := env.coord.GetPool(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if *pool.Properties.ProvisioningState != "Canceled" {
		t.Errorf("pool state %s after the abort, want Canceled", *pool.Properties.ProvisioningState)
	}

	if err := env.coord.AbortClusterOperation(ctx, env.cluster, nil); !IsNothingToAbort(err) {
		t.Fatalf("cluster abort with nothing running: %v, want 409", err)
	}
	if got := env.calls(http.MethodPost, "/abort"); len(got) != 3 {
		t.Errorf("abort requests %d, want 3", len(got))
	}
}
