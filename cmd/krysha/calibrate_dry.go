package main

import (
	"context"
	"fmt"
	"math"

	"github.com/krysha/krysha/sim/analysis/calib"
)

// dryRun prints what the calibration would do and how long it would
// take, and runs nothing but the one timed run.
func (c *calibration) dryRun(ctx context.Context, e *env, workers int) error {
	w := e.stdout
	p := c.plan
	fmt.Fprintf(w, "calibration of %s (%s): %s design of %d points over %d parameter%s, seed %d\n",
		p.Source.Scenario.Name, c.sf.name, c.cfg.design, c.sample.Len(), len(c.box), plural(len(c.box)), p.Seed)
	for j, f := range c.factors {
		cur, _ := calibParamValue(p.Source.Scenario, f.Path)
		kind := "range"
		if f.Int {
			kind = "integer range"
		}
		fmt.Fprintf(w, "\t%s\t[%s, %s]\t%s, now %s\n", f.Path, calibNum(c.box[j].Min), calibNum(c.box[j].Max), kind, calibNum(cur))
	}
	fmt.Fprintf(w, "targets: %d observed figure%s from %s, %d direction%s\n",
		len(c.targets.Counts), plural(len(c.targets.Counts)), c.obsName, len(c.targets.Directions), plural(len(c.targets.Directions)))
	for _, ct := range c.targets.Counts {
		fmt.Fprintf(w, "\t%s = %s against %s, weight %s\n", ct.Name(), calibNum(ct.Observed), ct.Metric, calibNum(ct.Weight))
	}
	for _, d := range c.targets.Directions {
		req := ""
		if d.Required {
			req = ", required"
		}
		fmt.Fprintf(w, "\t%s, weight %s%s\n", d.Name(), calibNum(d.Weight), req)
	}
	for _, u := range c.unmatched {
		fmt.Fprintf(w, "\tnot used: %s %d: %s\n", u.Row.Series, u.Row.Year, u.Reason)
	}
	for _, n := range c.notes {
		fmt.Fprintf(w, "\t%s\n", n)
	}
	keep := min(c.sample.Len(), max(calib.DefaultMinKeep, int(math.Ceil(c.cfg.keep*float64(c.sample.Len())))))
	fmt.Fprintf(w, "%d points × %d replicates = %d runs", c.sample.Len(), p.Replicates, p.Runs())
	if !c.shard.Whole() {
		fmt.Fprintf(w, "; shard %s has %d", c.shard, len(c.shard.Runs(p.Runs())))
	}
	fmt.Fprintf(w, "; the best %d points kept as the posterior sample\n", keep)
	extra := c.cfg.refineReps
	if n := min(c.cfg.selectN, keep); n > 0 {
		// The scenario's values are run with the kept points, if in the box.
		extra += (n + 1) * c.cfg.refineReps
		fmt.Fprintf(w, "then the best %d kept points and the scenario's values × %d replicates = %d runs, to choose the start\n",
			n, c.cfg.refineReps, (n+1)*c.cfg.refineReps)
	}
	if c.cfg.refine > 0 {
		extra += c.cfg.refine * c.cfg.refineReps
		fmt.Fprintf(w, "then at most %d Nelder-Mead evaluations × %d replicates = %d runs, and %d at the fitted point\n",
			c.cfg.refine, c.cfg.refineReps, c.cfg.refine*c.cfg.refineReps, c.cfg.refineReps)
	}
	return c.dryRunTiming(ctx, w, workers, extra)
}
