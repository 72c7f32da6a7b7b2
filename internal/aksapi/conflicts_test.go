package aksapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

func TestWritesToOnePoolAreOrdered(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	id := env.cluster.Pool("shared")
	if _, err := env.coord.CreateOrUpdatePool(ctx, id, userPool(1), CreateOnly); err != nil {
		t.Fatal(err)
	}
	env.srv.SetLatency(emulator.LatencyUpdate, 40*time.Millisecond)
	env.srv.ResetJournal()

	// Six updates of one pool at once, each adding its own tag: AKS would refuse all but one
	// (409), and unserialised read-modify-writes would lose tags (412 or overwrites).
	var wg sync.WaitGroup
	errs := make(chan error, 6)
	for i := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := env.coord.UpdatePool(ctx, id, func(p *armcontainerservice.AgentPool) error {
				if p.Properties.Tags == nil {
					p.Properties.Tags = map[string]*string{}
				}
				p.Properties.Tags[fmt.Sprintf("writer%d", i)] = to.Ptr("yes")
				return nil
			})
			if err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent update: %v", err)
	}
	for _, j := range env.srv.Journal() {
		if j.Status == http.StatusConflict || j.Status == http.StatusPreconditionFailed {
			t.Errorf("the emulator saw colliding writes: %s %s answered %d %s", j.Method, j.Path, j.Status, j.ErrorCode)
		}
	}
	pool, err := env.coord.GetPool(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(pool.Properties.Tags) != 6 {
		t.Fatalf("tags = %d, want all 6 writers' tags: %v", len(pool.Properties.Tags), pool.Properties.Tags)
	}

	// Creates of several pools at once all succeed too.
	env.srv.SetLatency(emulator.LatencyCreate, 30*time.Millisecond)
	errs = make(chan error, 4)
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := env.coord.CreateOrUpdatePool(ctx, env.cluster.Pool(fmt.Sprintf("pool%d", i)), userPool(1), CreateOnly); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent create: %v", err)
	}
	pools, err := env.coord.CachedPools(ctx, env.cluster)
	if err != nil {
		t.Fatal(err)
	}
	if len(pools) != 6 {
		t.Fatalf("pools = %d, want 6", len(pools))
	}
}

// The control for the test above: without the Client's pool lock, concurrent writes to one pool collide.
func TestEmulatorRefusesConcurrentWritesWithoutTheLock(t *testing.T) {
	env := newTestEnv(t)
	env.srv.SetLatency(emulator.LatencyCreate, 200*time.Millisecond)
	ctx := context.Background()
	client := env.sdk.NewAgentPoolsClient()
	first, err := client.BeginCreateOrUpdate(ctx, env.cluster.ResourceGroup, env.cluster.Name, "one", userPool(1), nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = client.BeginCreateOrUpdate(ctx, env.cluster.ResourceGroup, env.cluster.Name, "one", userPool(2), nil)
	if !isOperationNotAllowed(err) {
		t.Fatalf("second concurrent PUT error = %v, want 409 OperationNotAllowed", err)
	}
	if _, err := first.PollUntilDone(ctx, &runtime.PollUntilDoneOptions{Frequency: 5 * time.Millisecond}); err != nil {
		t.Fatal(err)
	}
}

func TestConflictWithSomeoneElseIsWaitedOut(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	id := env.cluster.Pool("ours")
	if _, err := env.coord.CreateOrUpdatePool(ctx, id, userPool(1), CreateOnly); err != nil {
		t.Fatal(err)
	}

	// Someone else (the portal) scales our pool and does not wait.
	env.srv.SetLatency(emulator.LatencyUpdate, 250*time.Millisecond)
	if _, err := env.sdk.NewAgentPoolsClient().BeginCreateOrUpdate(ctx, env.cluster.ResourceGroup, env.cluster.Name, id.Name, userPool(4), nil); err != nil {
		t.Fatal(err)
	}
	env.srv.SetLatency(emulator.LatencyUpdate, testLRODuration)
	env.srv.ResetJournal()

	result, err := env.coord.UpdatePool(ctx, id, func(p *armcontainerservice.AgentPool) error {
		p.Properties.Tags = map[string]*string{"owner": to.Ptr("terraform")}
		return nil
	})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	if *result.Pool.Properties.ProvisioningState != "Succeeded" || *result.Pool.Properties.Count != 4 || result.Pool.Properties.Tags["owner"] == nil {
		t.Fatalf("pool = state %s count %d tags %v: want our tag applied on top of the other party's scale to 4",
			*result.Pool.Properties.ProvisioningState, *result.Pool.Properties.Count, result.Pool.Properties.Tags)
	}
	puts := env.calls(http.MethodPut, "/agentPools/ours")
	var statuses []int
	for _, p := range puts {
		statuses = append(statuses, p.Status)
	}
	if len(puts) < 2 || puts[0].Status != http.StatusConflict || puts[len(puts)-1].Status != http.StatusOK {
		t.Fatalf("PUT statuses = %v, want 409 first and 200 last", statuses)
	}
}

func TestCreateWaitsOutAClusterOperation(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	// Someone else updates the cluster's tags, a cluster operation that blocks pool writes.
	env.srv.SetLatency(emulator.LatencyUpdate, 250*time.Millisecond)
	if _, err := env.sdk.NewManagedClustersClient().BeginUpdateTags(ctx, env.cluster.ResourceGroup, env.cluster.Name,
		armcontainerservice.TagsObject{Tags: map[string]*string{"team": to.Ptr("platform")}}, nil); err != nil {
		t.Fatal(err)
	}
	env.srv.ResetJournal()
	result, err := env.coord.CreateOrUpdatePool(ctx, env.cluster.Pool("ours"), userPool(1), CreateOnly)
	if err != nil {
		t.Fatalf("CreateOrUpdate: %v", err)
	}
	if result.Pool == nil || *result.Pool.Properties.ProvisioningState != "Succeeded" {
		t.Fatalf("result = %+v", result)
	}
	puts := env.calls(http.MethodPut, "/agentPools/ours")
	if len(puts) < 2 || puts[0].Status != http.StatusConflict || puts[len(puts)-1].Status != http.StatusCreated {
		t.Fatalf("PUTs = %+v, want a 409 then a 201", puts)
	}
}

func TestConflictWaitEndsAtTheDeadline(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	env.srv.SetLatency(emulator.LatencyUpdate, 5*time.Second)
	if _, err := env.sdk.NewManagedClustersClient().BeginUpdateTags(ctx, env.cluster.ResourceGroup, env.cluster.Name,
		armcontainerservice.TagsObject{Tags: map[string]*string{"team": to.Ptr("platform")}}, nil); err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	result, err := env.coord.CreateOrUpdatePool(short, env.cluster.Pool("ours"), userPool(1), CreateOnly)
	if err == nil {
		t.Fatal("CreateOrUpdate succeeded while another operation ran past the deadline")
	}
	if result.Accepted {
		t.Fatal("a PUT refused with 409 must not be reported as accepted")
	}
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "another operation was still running") || !strings.Contains(err.Error(), "OperationNotAllowed") {
		t.Fatalf("error = %v, want the deadline, the reason and AKS's code", err)
	}
}

func TestIsTerminal(t *testing.T) {
	for state, want := range map[string]bool{
		"Succeeded": true, "failed": true, "Canceled": true, "Cancelled": true,
		"Creating": false, "Updating": false, "Scaling": false, "Deleting": false, "UpgradingNodeImageVersion": false, "Canceling": false,
	} {
		if got := IsTerminal(&state); got != want {
			t.Errorf("IsTerminal(%q) = %v, want %v", state, got, want)
		}
	}
	if !IsTerminal(nil) {
		t.Errorf("IsTerminal(nil) = false, want true")
	}
}
