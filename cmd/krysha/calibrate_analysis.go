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
	losses []float64 // of every design point; +Inf for one with a failed run
	failed int       // design points with a failed run
	post   *calib.Posterior
	start  []float64      // the best design point
	ref    *calib.Refined // nil without refinement
	trace  []refineEval
	// theta is the point written to calibrated.toml: the refined point
	// (or, without refinement, the best design point), rounded.
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
// how much of a fit is a fit to the noise of the first.
type calibCheck struct {
	name         string
	theta        []float64
	fitted, held float64
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
	}
	res.post, err = calib.Reject(c.box, points, res.losses, &calib.ABCSettings{Fraction: c.cfg.keep})
	if err != nil {
		return nil, err
	}
	res.start = res.post.Points[0]
	res.theta = c.rounded(res.start)
	if c.cfg.refine > 0 {
		prog := newStudyProgress(e.stderr, "refine", quiet, c.cfg.refine, 0)
		prog.unit = "evaluations"
		sim := c.simulator(ctx, workers, prog.step)
		traced := func(theta []float64, n int) ([]calib.Yearly, error) {
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
	own := make([]float64, len(c.box))
	for j, p := range c.box {
		own[j], _ = calibParamValue(c.st.src.Scenario, p.Name)
	}
	checks := []calibCheck{
		{name: "the scenario's values", theta: own},
		{name: "the best design point", theta: res.start},
		{name: "the fitted point", theta: res.theta},
	}
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
		}
	}
	return checks, nil
}
