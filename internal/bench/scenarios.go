package bench

import (
	"context"
	"fmt"

	"golang.org/x/sync/errgroup"
)

// The arguments of each kind of measured command. Every plan is expected
// to find nothing to do (-detailed-exitcode turns changes into an error).
var (
	validateArgs = []string{"validate"}
	planArgs     = []string{"plan", "-input=false", "-detailed-exitcode"}
	refreshArgs  = []string{"plan", "-refresh-only", "-input=false"}
	applyArgs    = []string{"apply", "-input=false", "-auto-approve"}
	destroyArgs  = []string{"destroy", "-input=false", "-auto-approve"}
)

// refreshSizes are the numbers of agent pools of the refreshed cluster,
// its default pool included (AKS allows 100 pools a cluster, so 100 pools
// are the default pool and 99 aks_node_pool resources).
var refreshSizes = []int{1, 10, 20, 100}

// The plan across clusters: 10 clusters of 10 pools (default pool + 9).
const multiClusters, multiPoolsEach = 10, 10

// workspaces are the terraform folders of the scenarios.
type workspaces struct {
	small, minimal  string         // 1 cluster + 1 pool; the minimal provider's two items
	refresh         map[int]string // one cluster of N pools each
	multi           string         // multiClusters clusters of multiPoolsEach pools
	apply1, apply10 string         // 1 and 10 new pools on the cluster bench-apply
}

// setup writes every workspace and applies those the scenarios start from,
// with operations that finish at once, a few at a time. It leaves the
// emulator's operations at writeOperations.
func (h *harness) setup(ctx context.Context) (*workspaces, error) {
	applied := map[string]string{ // workspace name: configuration
		"small":         clustersHCL([]string{"bench-small"}, 1),
		"minimal":       minimalHCL,
		"multi":         clustersHCL(clusterNames("bench-m", multiClusters), multiPoolsEach-1),
		"apply-cluster": clustersHCL([]string{"bench-apply"}, 0),
	}
	ws := &workspaces{refresh: map[int]string{}}
	for _, n := range refreshSizes {
		name := fmt.Sprintf("refresh-%d", n)
		applied[name] = clustersHCL([]string{fmt.Sprintf("bench-r%d", n)}, n-1)
		ws.refresh[n] = h.path("tf", name)
	}
	ws.small, ws.minimal, ws.multi = h.path("tf", "small"), h.path("tf", "minimal"), h.path("tf", "multi")
	if err := h.emu.setOperations(0); err != nil {
		return nil, err
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(3)
	for _, name := range sortedKeys(applied) {
		dir, err := h.workspace(name, applied[name])
		if err != nil {
			return nil, err
		}
		g.Go(func() error {
			h.logf("setup: terraform apply in %s", name)
			_, err := h.tf.exec(gctx, dir, applyArgs...)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	id := clusterID(h.emu.env["ARM_SUBSCRIPTION_ID"], "bench-apply")
	var err error
	if ws.apply1, err = h.workspace("apply-1", poolsHCL(id, "a", 1)); err != nil {
		return nil, err
	}
	if ws.apply10, err = h.workspace("apply-10", poolsHCL(id, "b", 10)); err != nil {
		return nil, err
	}
	return ws, h.emu.setOperations(writeOperations)
}

// command is one measured terraform command.
type command struct {
	dir  string
	args []string
}

// measure runs the commands one after another, runs times over (so that a
// change in the machine's load touches every command alike), and returns
// each command's samples.
func (h *harness) measure(ctx context.Context, runs int, cmds ...command) ([]Samples, error) {
	out := make([]Samples, len(cmds))
	for r := range runs {
		for i, c := range cmds {
			s, err := h.tf.run(ctx, c.dir, c.args...)
			if err != nil {
				return nil, fmt.Errorf("run %d: %w", r+1, err)
			}
			out[i] = append(out[i], s)
		}
	}
	return out, nil
}

// scenarios sets up and measures every scenario, in the report's order.
func (h *harness) scenarios(ctx context.Context) (*report, error) {
	ws, err := h.setup(ctx)
	if err != nil {
		return nil, err
	}
	rep := &report{}
	steps := []func(context.Context, *workspaces, *report) error{h.startup, h.refresh, h.writes, h.multi}
	for _, step := range steps {
		if err := step(ctx, ws, rep); err != nil {
			return nil, err
		}
	}
	return rep, nil
}
