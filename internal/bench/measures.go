package bench

import (
	"context"
	"fmt"
)

// The scenarios, each adding its section to the report. See doc.go for
// what each figure means.

// applyRatioGoal is the bound on wall(apply 10 pools) / wall(apply 1 pool).
const applyRatioGoal = 1.3

// startup: terraform validate and plan of 1 cluster + 1 pool, beside the
// same commands with the minimal provider.
func (h *harness) startup(ctx context.Context, ws *workspaces, rep *report) error {
	h.logf("measuring validate and plan, 1 cluster + 1 pool, against the minimal provider")
	s, err := h.measure(ctx, h.opts.Runs,
		command{ws.small, validateArgs}, command{ws.minimal, validateArgs},
		command{ws.small, planArgs}, command{ws.minimal, planArgs})
	if err != nil {
		return err
	}
	sec := rep.section("terraform validate and plan (no changes), 1 cluster + 1 pool")
	for i, name := range []string{"validate", "plan"} {
		ours, minimal := s[2*i], s[2*i+1]
		scenario := name + ", 1 cluster + 1 pool"
		sec.wall(scenario, ours, "minimal provider", minimal)
		sec.add(scenario, "provider peak RSS", mib(ours.PeakRSS()), "minimal provider "+mib(minimal.PeakRSS()),
			ratio(float64(ours.PeakRSS()), float64(minimal.PeakRSS())))
		sec.add(scenario, "provider CPU", seconds(ours.CPU()), "minimal provider "+seconds(minimal.CPU()),
			ratio(float64(ours.CPU()), float64(minimal.CPU())))
	}
	sec.reads("plan, 1 cluster + 1 pool", s[2], 1)
	return nil
}

// refresh: terraform plan -refresh-only of one cluster of N pools.
func (h *harness) refresh(ctx context.Context, ws *workspaces, rep *report) error {
	h.logf("measuring refresh of %v pools of one cluster", refreshSizes)
	var cmds []command
	for _, n := range refreshSizes {
		cmds = append(cmds, command{ws.refresh[n], refreshArgs})
	}
	s, err := h.measure(ctx, h.opts.Runs, cmds...)
	if err != nil {
		return err
	}
	sec := rep.section("Refresh (plan -refresh-only) of N pools of one cluster")
	for i, n := range refreshSizes {
		scenario := fmt.Sprintf("refresh, %s of 1 cluster", count(n, "pool"))
		sec.reads(scenario, s[i], 1)
		sec.wall(scenario, s[i], "refresh of 1 pool", s[0])
		rep.readGoal(scenario, s[i], 1)
	}
	return nil
}

// writes: apply of 1 and of 10 new pools on one cluster, then their
// destroy, with 2 s operations.
func (h *harness) writes(ctx context.Context, ws *workspaces, rep *report) error {
	ops := fmt.Sprintf("%g s", writeOperations.Seconds())
	h.logf("measuring apply and destroy of 1 and of 10 pools (%s operations)", ops)
	s, err := h.measure(ctx, h.opts.WriteRuns,
		command{ws.apply1, applyArgs}, command{ws.apply1, destroyArgs},
		command{ws.apply10, applyArgs}, command{ws.apply10, destroyArgs})
	if err != nil {
		return err
	}
	apply1, destroy1, apply10, destroy10 := s[0], s[1], s[2], s[3]
	sec := rep.section("Apply and destroy of new pools on one cluster, " + ops + " operations")
	sec.add("apply, 1 new pool", "wall", seconds(apply1.Wall()), "–", "–")
	sec.wall("apply, 10 new pools", apply10, "apply of 1 pool", apply1)
	sec.add("apply, 1 new pool", "failed calls", fmt.Sprint(apply1.Failed()), "–", "–")
	sec.add("apply, 10 new pools", "failed calls", fmt.Sprint(apply10.Failed()), "–", "–")
	sec.add("destroy, 1 pool", "wall", seconds(destroy1.Wall()), "–", "–")
	sec.wall("destroy, 10 pools", destroy10, "destroy of 1 pool", destroy1)
	r := float64(apply10.Wall()) / float64(apply1.Wall())
	rep.goals = append(rep.goals, goal{
		target:   fmt.Sprintf("apply wall(10) / wall(1) ≤ %.1f", applyRatioGoal),
		measured: ratio(float64(apply10.Wall()), float64(apply1.Wall())),
		met:      r <= applyRatioGoal,
	})
	return nil
}

// multi: terraform plan of 100 pools across 10 clusters.
func (h *harness) multi(ctx context.Context, ws *workspaces, rep *report) error {
	h.logf("measuring plan of %d pools across %d clusters", multiClusters*multiPoolsEach, multiClusters)
	s, err := h.measure(ctx, h.opts.Runs, command{ws.multi, planArgs}, command{ws.small, planArgs})
	if err != nil {
		return err
	}
	scenario := fmt.Sprintf("plan, %d pools across %d clusters", multiClusters*multiPoolsEach, multiClusters)
	sec := rep.section("Plan (no changes) of pools across clusters")
	sec.reads(scenario, s[0], multiClusters)
	sec.wall(scenario, s[0], "plan of 1 cluster + 1 pool", s[1])
	rep.readGoal(scenario, s[0], multiClusters)
	return nil
}

// readGoal records whether a refresh kept to 2 + clusters reads.
func (r *report) readGoal(scenario string, s Samples, clusters int) {
	r.goals = append(r.goals, goal{
		target:   fmt.Sprintf("%s: ARM reads ≤ 2 + %d", scenario, clusters),
		measured: fmt.Sprint(s.Reads()),
		met:      s.Reads() <= readBudget(clusters),
	})
}
