package aksapi

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// runAll runs each func in its own goroutine and fails the test with every error.
func runAll(t *testing.T, fns ...func() error) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, len(fns))
	for _, fn := range fns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := fn(); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func expectNoConflicts(t *testing.T, env *testEnv) {
	t.Helper()
	for _, j := range env.srv.Journal() {
		if j.Status >= http.StatusBadRequest {
			t.Errorf("the emulator refused %s %s: %d %s", j.Method, j.Path, j.Status, j.ErrorCode)
		}
	}
}

func tagPool(key string) func(*armcontainerservice.AgentPool) error {
	return func(p *armcontainerservice.AgentPool) error {
		if p.Properties.Tags == nil {
			p.Properties.Tags = map[string]*string{}
		}
		p.Properties.Tags[key] = to.Ptr("yes")
		return nil
	}
}

func TestWritesToDifferentPoolsRunAtOnce(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	env.srv.SetLatency(emulator.LatencyCreate, 300*time.Millisecond)
	var creates []func() error
	for i := range 5 {
		creates = append(creates, func() error {
			_, err := env.coord.CreateOrUpdatePool(ctx, env.cluster.Pool(fmt.Sprintf("pool%d", i)), userPool(1), CreateOnly)
			return err
		})
	}
	runAll(t, creates...)
	expectNoConflicts(t, env)

	var ops []operation
	for _, op := range env.operations(t) {
		if op.Target == "agentPool" && op.Action == "Creating" {
			ops = append(ops, op)
		}
	}
	if len(ops) != 5 {
		t.Fatalf("pool creations = %d, want 5: %+v", len(ops), ops)
	}
	for i := range ops {
		for j := i + 1; j < len(ops); j++ {
			if !overlap(ops[i], ops[j]) {
				t.Errorf("the creations of %s and %s did not run at once: %s-%s and %s-%s", ops[i].ResourceID, ops[j].ResourceID,
					ops[i].Start, ops[i].End, ops[j].Start, ops[j].End)
			}
		}
	}
}

// A cluster write and writes to pools, all at once: the cluster write never overlaps a pool
// operation, two writes to one pool never overlap, and AKS never has to refuse one.
func TestClusterWritesAndSamePoolWritesNeverOverlap(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	for _, name := range []string{"one", "two"} {
		if _, err := env.coord.CreateOrUpdatePool(ctx, env.cluster.Pool(name), userPool(1), CreateOnly); err != nil {
			t.Fatal(err)
		}
	}
	env.srv.SetLatency(emulator.LatencyUpdate, 150*time.Millisecond)
	env.srv.ResetJournal()
	started := time.Now()

	runAll(t,
		func() error { _, err := env.coord.UpdatePool(ctx, env.cluster.Pool("one"), tagPool("a")); return err },
		func() error { _, err := env.coord.UpdatePool(ctx, env.cluster.Pool("one"), tagPool("b")); return err },
		func() error { _, err := env.coord.UpdatePool(ctx, env.cluster.Pool("two"), tagPool("c")); return err },
		func() error { _, err := env.coord.UpgradePoolNodeImage(ctx, env.cluster.Pool("nodepool1")); return err },
		func() error {
			_, err := env.coord.UpdateClusterTags(ctx, env.cluster, map[string]*string{"team": to.Ptr("platform")})
			return err
		},
	)
	expectNoConflicts(t, env)

	var cluster, pools []operation
	for _, op := range env.operations(t) {
		switch {
		case op.Start.Before(started):
		case op.Target == "managedCluster":
			cluster = append(cluster, op)
		case op.Target == "agentPool":
			pools = append(pools, op)
		}
	}
	if len(cluster) != 1 || len(pools) != 4 {
		t.Fatalf("operations: %d of the cluster, %d of pools; want 1 and 4", len(cluster), len(pools))
	}
	for _, p := range pools {
		if overlap(cluster[0], p) {
			t.Errorf("the cluster's %s overlapped %s of %s", cluster[0].Action, p.Action, p.ResourceID)
		}
		for _, q := range pools {
			if p != q && strings.EqualFold(p.ResourceID, q.ResourceID) && overlap(p, q) {
				t.Errorf("two operations on %s overlapped", p.ResourceID)
			}
		}
	}
	pool, err := env.coord.GetPool(ctx, env.cluster.Pool("one"))
	if err != nil {
		t.Fatal(err)
	}
	if pool.Properties.Tags["a"] == nil || pool.Properties.Tags["b"] == nil {
		t.Errorf("tags of pool one = %v, want both writers' tags", pool.Properties.Tags)
	}
}

// readGate holds back the answer to the first GET of a path ending in suffix after arming, once
// the emulator has answered it: a read fetched before a write and delivered after it.
type readGate struct {
	next   policy.Transporter
	suffix string // lower case

	mu      sync.Mutex
	armed   bool
	fetched chan struct{}
	release chan struct{}
}

func (g *readGate) Do(req *http.Request) (*http.Response, error) {
	resp, err := g.next.Do(req)
	g.mu.Lock()
	hold := g.armed && req.Method == http.MethodGet && strings.HasSuffix(strings.ToLower(req.URL.Path), g.suffix)
	if hold {
		g.armed = false
	}
	g.mu.Unlock()
	if hold {
		close(g.fetched)
		<-g.release
	}
	return resp, err
}

func TestCacheNeverServesAReadFetchedBeforeAWrite(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	gate := &readGate{next: env.options.Transport, suffix: strings.ToLower("/managedClusters/" + env.cluster.Name),
		armed: true, fetched: make(chan struct{}), release: make(chan struct{})}
	options := *env.options
	options.Transport = gate
	coord := New(env.cred, &options, Options{PollFrequency: 5 * time.Millisecond, ConflictRetryDelay: 10 * time.Millisecond})

	// A refresh of another pool reads the cluster (its pools); the answer is held back.
	early := make(chan []*armcontainerservice.AgentPool, 1)
	go func() {
		pools, err := coord.CachedPools(ctx, env.cluster)
		if err != nil {
			t.Error(err)
		}
		early <- pools
	}()
	<-gate.fetched

	// Meanwhile a pool is created. A read after the write must see it: neither join the read
	// still in flight nor, later, reuse its answer.
	if _, err := coord.CreateOrUpdatePool(ctx, env.cluster.Pool("fresh"), userPool(1), CreateOnly); err != nil {
		t.Fatal(err)
	}
	read := make(chan error, 1)
	go func() { _, err := coord.CachedPool(ctx, env.cluster.Pool("fresh")); read <- err }()
	select {
	case err := <-read:
		if err != nil {
			t.Fatalf("a read after the write: %v", err)
		}
	case <-time.After(10 * time.Second):
		close(gate.release)
		t.Fatal("a read after the write waited for the read fetched before it")
	}
	close(gate.release)
	if pools := <-early; len(pools) != 1 {
		t.Fatalf("the held-back read has %d pools, want the 1 from before the write", len(pools))
	}
	if _, err := coord.CachedPool(ctx, env.cluster.Pool("fresh")); err != nil {
		t.Fatalf("the read fetched before the write was cached: %v", err)
	}
	if n := env.clusterGETs(); n != 2 {
		t.Fatalf("cluster GETs = %d, want 2: the early one and one after the write, then the cache", n)
	}
}

// Pool writes and reads of other pools of the cluster, all at once (run with -race): every read
// a writer makes after its write sees that write.
func TestReadsDuringWritesToOtherPoolsStayFresh(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	var setup []func() error
	for i := range 4 {
		setup = append(setup, func() error {
			_, err := env.coord.CreateOrUpdatePool(ctx, env.cluster.Pool(fmt.Sprintf("pool%d", i)), userPool(1), CreateOnly)
			return err
		})
	}
	runAll(t, setup...)

	stop := make(chan struct{})
	var readers sync.WaitGroup
	for range 8 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if _, err := env.coord.CachedPool(ctx, env.cluster.Pool("nodepool1")); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	var writers []func() error
	for i := range 4 {
		writers = append(writers, func() error {
			id := env.cluster.Pool(fmt.Sprintf("pool%d", i))
			for round := range 3 {
				key := fmt.Sprintf("round%d", round)
				if _, err := env.coord.UpdatePool(ctx, id, tagPool(key)); err != nil {
					return err
				}
				p, err := env.coord.CachedPool(ctx, id)
				if err != nil {
					return err
				}
				if p.Properties.Tags[key] == nil {
					return fmt.Errorf("a read of %s after its write did not see the write (tags %v)", id.Name, p.Properties.Tags)
				}
			}
			return nil
		})
	}
	runAll(t, writers...)
	close(stop)
	readers.Wait()
}
