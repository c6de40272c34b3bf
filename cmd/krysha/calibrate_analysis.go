package main

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"time"

	"github.com/krysha/krysha/sim/analysis/calib"
	"github.com/krysha/krysha/sim/experiment"
)

// calibLevel is the coverage of every interval a calibration reports.
const calibLevel = 0.9

// A calibResult is what the analysis of a calibration found.
type calibResult struct {
	losses     []float64 // of every design point; +Inf for one with a failed run or infeasible
	failed     int       // design points with a failed run
	infeasible int       // design points that do not meet a required direction
	post       *calib.Posterior
	// sel are the kept points run again to choose the start (none with
	// -select 0); start is the best of them by calib.Loss.Better, or the
	// best design point.
	sel   []calibSelected
	start []float64
	ref   *calib.Refined // nil without refinement
	trace []refineEval
	// theta is the point written to calibrated.toml: the refined point
	// (or, without refinement, the start), rounded.
	theta []float64
	// fit is the loss at theta over the refinement's replicates, fitTabs
	// those replicates and fitSpread their spread.
	fit       *calib.Loss
	fitSpread *calib.Spread
	fitTabs   []*calib.Table
	// pred is the loss of the posterior predictive sample: the runs of
	// every kept point, pooled; predTabs those runs.
	pred       *calib.Loss
	predSpread *calib.Spread
	predTabs   []*calib.Table
	// checks compare points on the replicates the refinement used and
	// on as many fresh ones.
	checks []calibCheck
	date   time.Time
}

// A calibCheck is the loss of a point on the refinement's replicates
// 0..R−1 and on fresh replicates R..2R−1, which no choice was made on:
// how much of a fit is a fit to the noise of the first; and whether it
// meets the required directions on each.
type calibCheck struct {
	name                 string
	theta                []float64
	fitted, held         float64
	fittedMeets, heldMet bool
}

// A calibSelected is a kept design point run again over the
// refinement's replicates, to choose where the refinement starts.
type calibSelected struct {
	point  int     // in the design; −1 for the scenario's own values
	design float64 // the point's loss in the design (NaN for the scenario's)
	theta  []float64
	loss   *calib.Loss
}

// A refineEval is one point the refinement evaluated.
type refineEval struct {
	theta []float64
	loss  float64
}

// analyse reads the design's runs back, keeps the ABC posterior, refines
// its best point, evaluates the fit and writes every file.
func (c *calibration) analyse(ctx context.Context, e *env, f *calibrateFlags, workers int, out *studyOutcome) error {
	res, err := c.compute(ctx, e, f.quiet, workers)
	if err != nil {
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		return err
	}
	files, err := c.writeFiles(res)
	if err != nil {
		return err
	}
	if err := c.addFiles(out.man, files...); err != nil {
		return err
	}
	report := c.report(res)
	if _, err := fmt.Fprint(e.stdout, report); err != nil {
		return err
	}
	if res.failed > 0 {
		return fmt.Errorf("%d design points had failed runs and were scored +Inf; their errors are in %s",
			res.failed, filepath.Join(c.dir, experiment.FailuresFile))
	}
	return nil
}

// compute does the analysis without writing anything.
func (c *calibration) compute(ctx context.Context, e *env, quiet bool, workers int) (*calibResult, error) {
	metrics := targetMetrics(c.targets)
	tabs, err := readStudyYearly(filepath.Join(c.dir, experiment.YearlyFile), c.plan.Runs(), metrics)
	if err != nil {
		return nil, err
	}
	res := &calibResult{date: c.now()}
	n, R := c.sample.Len(), c.plan.Replicates
	points := make([][]float64, n)
	res.losses = make([]float64, n)
	for p := range n {
		points[p] = c.sample.Point(p)
		reps := tabs[p*R : (p+1)*R]
		if slices.Contains(reps, nil) {
			res.losses[p] = math.Inf(1)
			res.failed++
			continue
		}
		l, err := c.targets.Loss(calibYearlies(reps))
		if err != nil {
			return nil, fmt.Errorf("design point %d: %w", p, err)
		}
		res.losses[p] = l.Total
		if !l.Feasible {
			res.losses[p] = math.Inf(1)
			res.infeasible++
		}
	}
	res.post, err = calib.Reject(c.box, points, res.losses, &calib.ABCSettings{Fraction: c.cfg.keep})
	if err != nil {
		return nil, err
	}
	res.start = res.post.Points[0]
	if err := c.selectStart(ctx, e, quiet, workers, res); err != nil {
		return nil, err
	}
	res.theta = c.rounded(res.start)
	if c.cfg.refine > 0 {
		prog := newStudyProgress(e.stderr, "refine", quiet, c.cfg.refine, 0)
		prog.unit = "evaluations"
		sim := c.simulator(ctx, workers, prog.step)
		// Every point is run as calibrated.toml will hold it, rounded:
		// the model responds chaotically to its parameters, so that the
		// loss, or whether a required direction is met, at a point's
		// fifth digit says nothing of its fourth.
		traced := func(theta []float64, n int) ([]calib.Yearly, error) {
			theta = c.rounded(theta)
			reps, err := sim(theta, n)
			if err != nil {
				return nil, err
			}
			l, err := c.targets.Loss(reps)
			if err != nil {
				return nil, err
			}
			res.trace = append(res.trace, refineEval{theta: slices.Clone(theta), loss: l.Total})
			return reps, nil
		}
		res.ref, err = calib.Refine(traced, c.targets, c.box, res.start,
			&calib.RefineSettings{Replicates: c.cfg.refineReps, MaxEvaluations: c.cfg.refine})
		prog.clear()
		if err != nil {
			return nil, err
		}
		res.theta = c.rounded(res.ref.Theta)
	}
	if res.fitTabs, err = c.simulate(ctx, workers, res.theta, 0, c.cfg.refineReps); err != nil {
		return nil, err
	}
	if res.fit, err = c.targets.Loss(calibYearlies(res.fitTabs)); err != nil {
		return nil, err
	}
	if res.fitSpread, err = c.targets.Spread(calibYearlies(res.fitTabs), calibLevel); err != nil {
		return nil, err
	}
	for _, p := range res.post.Keep {
		for _, t := range tabs[p*R : (p+1)*R] {
			if t != nil {
				res.predTabs = append(res.predTabs, t)
			}
		}
	}
	if len(res.predTabs) == 0 {
		return nil, fmt.Errorf("every kept design point failed; see %s", filepath.Join(c.dir, experiment.FailuresFile))
	}
	if res.pred, err = c.targets.Loss(calibYearlies(res.predTabs)); err != nil {
		return nil, err
	}
	if res.predSpread, err = c.targets.Spread(calibYearlies(res.predTabs), calibLevel); err != nil {
		return nil, err
	}
	if res.checks, err = c.check(ctx, workers, res); err != nil {
		return nil, err
	}
	return res, nil
}

// check scores the scenario's own values, the best design point and the
// fitted point on the refinement's replicates and on fresh ones.
func (c *calibration) check(ctx context.Context, workers int, res *calibResult) ([]calibCheck, error) {
	own, _ := c.scenarioPoint()
	checks := []calibCheck{
		{name: "the scenario's values", theta: own},
		{name: "the best design point", theta: res.post.Points[0]},
	}
	if len(res.sel) > 0 && !slices.Equal(res.start, c.rounded(res.post.Points[0])) && !slices.Equal(res.start, c.rounded(own)) {
		checks = append(checks, calibCheck{name: "the selected point", theta: res.start})
	}
	checks = append(checks, calibCheck{name: "the fitted point", theta: res.theta})
	R := c.cfg.refineReps
	for i := range checks {
		for k, first := range []int{0, R} {
			tabs, err := c.simulate(ctx, workers, checks[i].theta, first, R)
			if err != nil {
				return nil, err
			}
			l, err := c.targets.Loss(calibYearlies(tabs))
			if err != nil {
				return nil, err
			}
			*[]*float64{&checks[i].fitted, &checks[i].held}[k] = l.Total
			*[]*bool{&checks[i].fittedMeets, &checks[i].heldMet}[k] = l.Feasible
		}
	}
	return checks, nil
}

// selectStart runs the best -select kept points again over the
// refinement's replicates 0..R−1, with the scenario's own values if they
// lie in the box, and sets res.start to the best of them
// (calib.Loss.Better: feasible first, then the lowest loss). The design
// ranked its points on its own few replicates, so that the best of
// thousands is partly the luckiest; a second look over more replicates
// is a fairer choice of where to refine, and the one that decides
// whether a required direction holds beyond the noise. The scenario's
// values compete because they may be the only feasible point known
// (a hand-tuned scenario made to show the change a required direction
// asks for). Each point is run rounded, as calibrated.toml would hold it
// (see rounded).
func (c *calibration) selectStart(ctx context.Context, e *env, quiet bool, workers int, res *calibResult) error {
	k := min(c.cfg.selectN, len(res.post.Keep))
	if k == 0 {
		return nil
	}
	var cands []calibSelected
	for i, p := range res.post.Keep[:k] {
		if math.IsInf(res.post.Losses[i], 1) {
			break // kept for want of others
		}
		cands = append(cands, calibSelected{point: p, design: res.post.Losses[i], theta: c.rounded(res.post.Points[i])})
	}
	if own, ok := c.scenarioPoint(); ok {
		cands = append(cands, calibSelected{point: -1, design: math.NaN(), theta: c.rounded(own)})
	}
	prog := newStudyProgress(e.stderr, "select", quiet, len(cands), 0)
	prog.unit = "points"
	defer prog.clear()
	var best *calib.Loss
	for i := range cands {
		reps, err := c.simulate(ctx, workers, cands[i].theta, 0, c.cfg.refineReps)
		if err != nil {
			return err
		}
		if cands[i].loss, err = c.targets.Loss(calibYearlies(reps)); err != nil {
			if cands[i].point < 0 {
				return fmt.Errorf("the scenario's values: %w", err)
			}
			return fmt.Errorf("design point %d: %w", cands[i].point, err)
		}
		if cands[i].loss.Better(best) {
			best, res.start = cands[i].loss, cands[i].theta
		}
		prog.step()
	}
	res.sel = cands
	return nil
}

// scenarioPoint returns the scenario's own values of the fitted
// parameters, and whether they all lie in the prior box.
func (c *calibration) scenarioPoint() ([]float64, bool) {
	own := make([]float64, len(c.box))
	in := true
	for j, p := range c.box {
		v, ok := calibParamValue(c.st.src.Scenario, p.Name)
		own[j] = v
		in = in && ok && v >= p.Min && v <= p.Max
	}
	return own, in
}
