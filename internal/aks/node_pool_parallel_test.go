package aks_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// AKS runs operations on different pools of a cluster at once (Microsoft's "Manage node pools"
// limitations: one operation at a time per pool, and no cluster operation while a pool operation
// runs). These tests read when the emulator's operations ran (acctest.Expect*Operations), never
// the wall clock. Terraform's default -parallelism is 10, which is what they run with
// (terraform-plugin-testing has no way to pass it, and strips TF_CLI_ARGS).

// parallelLRO is long enough that operations started by one apply are seen running together.
const parallelLRO = 2 * time.Second

// poolsConfig is count aks_node_pool "p" in the cluster, named pool0, pool1, ..., with extra HCL.
func poolsConfig(cluster string, count int, extra string) string {
	return fmt.Sprintf(`
resource "aks_node_pool" "p" {
  count      = %[2]d
  cluster_id = %[1]q
  name       = "pool${count.index}"
%[3]s
}
`, cluster, count, extra)
}

// Ten pools created with -parallelism=10 run their creations at once, and are deleted at once,
// without one refused call.
func TestAccNodePool_parallelCreateAndDestroy(t *testing.T) {
	srv := acctest.NewAccEmulator(t, acctest.WithLRODuration(parallelLRO))
	cluster := createCluster(t, srv, testCluster{})
	pools := acctest.PoolOperation("", `/agentPools/pool\d$`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: resource.ComposeTestCheckFunc(
			acctest.ExpectConcurrentOperations(srv, acctest.PoolOperation("Deleting", `/agentPools/pool\d$`), 10).TestCheck,
			acctest.ExpectNoOverlap(srv, pools, acctest.ClusterOperation("")).TestCheck,
			acctest.ExpectNoFailedWrites(srv).TestCheck,
			acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodDelete, `/agentPools/pool\d$`), 10).TestCheck,
		),
		Steps: []resource.TestStep{{
			PreConfig: srv.ResetJournal,
			Config:    poolsConfig(cluster, 10, "  node_count = 1"),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectConcurrentOperations(srv, acctest.PoolOperation("Creating", `/agentPools/pool\d$`), 10),
				acctest.ExpectNoFailedWrites(srv),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPut, `/agentPools/pool\d$`), 10),
			},
		}},
	})
}

// A change of the cluster (its tags, its default pool) planned together with changes of pools
// that do not depend on it in Terraform's graph: the cluster's operations never overlap a pool
// operation, and no two operations on one pool overlap.
func TestAccNodePool_clusterChangeNeverOverlapsPoolChanges(t *testing.T) {
	srv := acctest.NewAccEmulator(t, acctest.WithLRODuration(parallelLRO))
	// The pools name the cluster by its ID, not by reference, so Terraform runs them alongside it.
	cluster := func(tags string, defaultCount int) string {
		return clusterHCL("aks-demo", guideVersion+"\n"+guideNetwork+"\n  tags = { "+tags+" }",
			fmt.Sprintf("    node_count = %d\n    vm_size    = \"Standard_DS2_v2\"", defaultCount))
	}
	pools := func(count int) string {
		return poolsConfig(clusterID("aks-demo"), 3, fmt.Sprintf("  node_count = %d", count))
	}
	anyPool := acctest.PoolOperation("", "")
	acctest.Test(t, []resource.TestStep{
		{Config: cluster(`env = "dev"`, 2)},
		{Config: cluster(`env = "dev"`, 2) + pools(1)},
		{
			PreConfig: srv.ResetJournal,
			Config:    cluster(`env = "prod"`, 3) + pools(2),
			ConfigStateChecks: []statecheck.StateCheck{
				// The tags PATCH, and the default pool's scale (a step of the cluster's update)
				// against the other pools' scales.
				acctest.ExpectConcurrentOperations(srv, acctest.ClusterOperation(""), 1),
				acctest.ExpectConcurrentOperations(srv, acctest.PoolOperation("", `/agentPools/nodepool1$`), 1),
				acctest.ExpectConcurrentOperations(srv, acctest.PoolOperation("", `/agentPools/pool\d$`), 1),
				acctest.ExpectNoOverlap(srv, acctest.ClusterOperation(""), anyPool),
				acctest.ExpectNoOverlap(srv, acctest.PoolOperation("", `/agentPools/nodepool1$`), acctest.PoolOperation("", `/agentPools/pool\d$`)),
				acctest.ExpectNoFailedWrites(srv),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPut, `/agentPools/pool\d$`), 3),
			},
		},
	})
}

// A rotation of the default pool (a cluster write of several pool steps) planned together with
// changes of other pools: none of the rotation's operations overlaps another pool's.
func TestAccNodePool_defaultPoolRotationNeverOverlapsPoolChanges(t *testing.T) {
	srv := acctest.NewAccEmulator(t, acctest.WithLRODuration(time.Second))
	base := guideVersion + "\n" + guideNetwork
	bigger := strings.Replace(guidePool, "Standard_DS2_v2", "Standard_DS3_v2", 1)
	pools := func(count int) string {
		return poolsConfig(clusterID("aks-demo"), 3, fmt.Sprintf("  node_count = %d", count))
	}
	rotation := acctest.PoolOperation("", `/agentPools/nodepool1(tmp)?$`)
	acctest.Test(t, []resource.TestStep{
		{Config: clusterHCL("aks-demo", base, guidePool)},
		{Config: clusterHCL("aks-demo", base, guidePool) + pools(1)},
		{
			PreConfig: srv.ResetJournal,
			Config:    clusterHCL("aks-demo", base, bigger) + pools(2),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodDelete, `/agentPools/nodepool1$`), 1),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodDelete, `/agentPools/nodepool1tmp$`), 1),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPut, `/agentPools/nodepool1tmp$`), 1),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPut, `/agentPools/pool\d$`), 3),
				acctest.ExpectNoOverlap(srv, rotation, acctest.PoolOperation("", `/agentPools/pool\d$`)),
				acctest.ExpectNoFailedWrites(srv),
			},
		},
	})
}

// max_concurrent_pool_operations_per_cluster caps the pool operations run at once.
func TestAccNodePool_capOfConcurrentPoolOperations(t *testing.T) {
	srv := acctest.NewAccEmulator(t, acctest.WithLRODuration(parallelLRO))
	cluster := createCluster(t, srv, testCluster{})
	creates := acctest.PoolOperation("Creating", `/agentPools/pool\d$`)
	acctest.Test(t, []resource.TestStep{{
		PreConfig: srv.ResetJournal,
		Config: `
provider "aks" {
  max_concurrent_pool_operations_per_cluster = 2
}
` + poolsConfig(cluster, 4, "  node_count = 1"),
		ConfigStateChecks: []statecheck.StateCheck{
			acctest.ExpectConcurrentOperations(srv, creates, 2),
			acctest.ExpectAtMostConcurrentOperations(srv, creates, 2),
			acctest.ExpectNoFailedWrites(srv),
		},
	}})
}

// someoneElseUpdatesTheCluster starts a tags update of the cluster that lasts d, as the portal
// would, without waiting for it.
func someoneElseUpdatesTheCluster(t *testing.T, srv *emulator.Server, d time.Duration) {
	t.Helper()
	srv.SetLatency(emulator.LatencyUpdate, d)
	clusters, err := armcontainerservice.NewManagedClustersClient(emulator.DefaultSubscriptionID, acctest.SDKCredential(t, srv), acctest.SDKOptions(srv))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := clusters.BeginUpdateTags(context.Background(), testResourceGroup, "aks-demo",
		armcontainerservice.TagsObject{Tags: map[string]*string{"changed-by": to.Ptr("portal")}}, nil); err != nil {
		t.Fatal(err)
	}
	srv.SetLatency(emulator.LatencyUpdate, parallelLRO) // what the provider's own updates take
}

// expectRetryAfter checks that the pool's PUTs were a 409 and, at least wait later by the
// journal's timestamps, a success.
func expectRetryAfter(srv *emulator.Server, pool string, wait time.Duration) resource.TestCheckFunc {
	return func(*terraform.State) error {
		puts := acctest.ARMCall(http.MethodPut, `/agentPools/`+pool+`$`).In(srv)
		if len(puts) < 2 || puts[0].Status != http.StatusConflict || puts[0].ErrorCode != "OperationNotAllowed" || puts[len(puts)-1].Status >= 300 {
			return fmt.Errorf("want a 409 OperationNotAllowed, then a success:\n%s", acctest.FormatJournal(puts))
		}
		if gap := puts[1].Time.Sub(puts[0].Time); gap < wait {
			return fmt.Errorf("the PUT was sent again %s after the 409, want at least %s:\n%s", gap, wait, acctest.FormatJournal(puts))
		}
		return nil
	}
}

// Someone else's operation holds the cluster: the provider waits it out, then its write
// succeeds. Without Retry-After it backs off (5s first); with one it waits as long as AKS asks.
func TestAccNodePool_waitsOutSomeoneElsesOperation(t *testing.T) {
	srv := acctest.NewAccEmulator(t, acctest.WithLRODuration(parallelLRO))
	cluster := createCluster(t, srv, testCluster{})
	config := func(count int, extra string) string {
		return poolConfig(cluster, "mine", fmt.Sprintf("  node_count = %d\n%s", count, extra))
	}
	const retryAfter = 7 // seconds, more than the first backoff, so only honouring it passes
	acctest.Test(t, []resource.TestStep{
		{Config: config(1, "")},
		{
			PreConfig: func() { someoneElseUpdatesTheCluster(t, srv, 3*time.Second); srv.ResetJournal() },
			Config:    config(2, ""),
			Check:     expectRetryAfter(srv, "mine", 5*time.Second),
		},
		{
			PreConfig: func() {
				srv.ResetJournal()
				srv.AddFault(emulator.Fault{Method: http.MethodPut, Path: `/agentPools/mine$`, Count: 1, Status: http.StatusConflict, RetryAfter: retryAfter,
					Code:    "OperationNotAllowed",
					Message: "Operation is not allowed: Another agentpool operation (mine - Scaling) is in progress, please wait for it to finish before starting a new operation. See https://aka.ms/aks-pending-operation for more details"})
			},
			Config: config(3, ""),
			Check:  expectRetryAfter(srv, "mine", retryAfter*time.Second),
		},
		// When the timeout ends first, the error says what was busy and how long it waited.
		{
			PreConfig: func() { someoneElseUpdatesTheCluster(t, srv, 14*time.Second) },
			Config:    config(4, "  timeouts {\n    update = \"8s\"\n  }"),
			ExpectError: regexp.MustCompile(`(?s)writing\s+agent\s+pool\s+mine\s+of\s+cluster\s+aks-demo:\s+another\s+operation\s+was\s+still\s+running\s+after\s+waiting\s+\S+\s+\(2\s+tries.*` +
				`409\s+OperationNotAllowed.*Another\s+operation\s+\(Updating\).*update\s+timeout\s+\(8s\)\s+ran\s+out`),
		},
	})
}

// Two System pools destroyed at once, when no other System pool remains: the check "another
// System pool remains" and the delete it allows run alone, so one pool is deleted and the other
// refused as the cluster's last System pool, never both deleted.
func TestAccNodePool_parallelDestroyKeepsTheLastSystemPool(t *testing.T) {
	srv := acctest.NewAccEmulator(t, acctest.WithLRODuration(parallelLRO))
	cluster := createCluster(t, srv, testCluster{})
	config := poolsConfig(cluster, 2, "  mode = \"System\"\n  node_count = 1")
	setMode := func(mode string) {
		if err := srv.Mutate(emulator.Mutation{Kind: emulator.MutateSetField, ID: poolID("nodepool1"), Path: "properties.mode", Value: []byte(`"` + mode + `"`)}); err != nil {
			t.Fatal(err)
		}
	}
	acctest.Test(t, []resource.TestStep{
		{Config: config},
		{
			// Someone makes nodepool1 a User pool: pool0 and pool1 are the cluster's System pools.
			PreConfig:   func() { setMode("User"); srv.ResetJournal() },
			Config:      config,
			Destroy:     true,
			ExpectError: regexp.MustCompile(`Can't delete the last System node pool`),
		},
		{
			PreConfig: func() {
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodDelete, `/agentPools/pool\d$`), 1).Require(t)
				acctest.ExpectNoFailedWrites(srv).Require(t)
				setMode("System")
			},
			Config: config, // recreates the deleted pool; the test's destroy then deletes both
		},
	})
}
