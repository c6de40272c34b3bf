package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"path/filepath"
	"time"

	"github.com/krysha/krysha/sim/analysis/calib"
	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/experiment/design"
	"github.com/krysha/krysha/sim/scenario"
)

func init() {
	register(&command{
		name:    "calibrate",
		args:    "[flags] [SCENARIO.toml]",
		summary: "fit parameters to the observed figures: ABC rejection, then Nelder-Mead",
		doc: `
Calibrate fits some of a scenario's parameters (by default the embedded
Kazakhstan scenario's) to its observed figures and to changes known only in
words. Each -fit path=lo:hi names a parameter and the range of its uniform
prior. The targets are the rows of the observed file (-observed, or the
scenario's), each compared with a model metric in its year (trafficking
convictions with convictions, registered crimes with cases_opened, ...; a
series named as a column of yearly.csv is compared with that column) and
weighted by its quality (reported 1, secondary 0.5), and the directions
(-direction prosecutions:2011:2012:down; by default those of
scenarios/data/README.md). A count scores w·ln((m + ½)/(y + ½))², m the
mean of the replicates; a direction w·max(0, 0.1 − s·Δ)², Δ the change of
ln(m + ½) and s +1 for up, −1 for down.

Calibrate runs a Latin hypercube (or Sobol) design of -samples points over
the ranges, each point for -replicates replicates with common random
numbers, on the sweep's runner: progress, -workers, -shard, -resume and
-dry-run work as for sweep, and runs.csv, yearly.csv, failures.csv and
manifest.json are written as it goes. It keeps the best -keep share of the
points as the sample of the approximate posterior (rejection ABC), refines
the best point by Nelder-Mead (gonum/optimize) over the same replicates, and
writes to the output directory:

	calibrated.toml  the scenario with the refined values, each commented
	                 with its posterior median and 90% interval
	fit.csv          each target: observed, simulated mean and 90% interval
	                 at the refined point and over the posterior, its loss
	fit.png          each metric against its targets; directions met or not
	posterior.png    a histogram a parameter; the most correlated pair
	posterior.csv    the kept points and their losses
	parameters.csv   per parameter: prior, median, 90% interval, share of
	                 the prior, identified or not, refined value
	refine.csv       every point the refinement evaluated and its loss
	report.txt       the report printed on stdout

A parameter whose 90% interval covers more than 80% of its prior range is
reported as not identified by these targets. The same calibration can be
written in the scenario's [calibrate] table (observed, fit, directions,
quality, series, design, samples, replicates, keep, refine_evaluations,
refine_replicates); flags win over it. docs/calibration.md explains the
method and the files. Exit status as for sweep.`,
		example: `krysha calibrate -fit bribe.same_clan=0:3 -fit patronage.clan_capture=0:1 -samples 400 -replicates 10 -out out/calib
krysha calibrate -dry-run          # the scenario's [calibrate] table: runs, time, output`,
		setup: setupCalibrate,
	})
}

type calibrateFlags struct {
	studyFlags
	observed   string
	fit        stringList
	direction  stringList
	design     string
	samples    int
	replicates int
	keep       float64
	selectN    int
	refine     int
	refineReps int
}

func setupCalibrate(fs *flag.FlagSet) func(context.Context, *env, []string) error {
	f := new(calibrateFlags)
	fs.StringVar(&f.observed, "observed", "", "compare with the figures in `FILE` (series,year,value,unit,quality,source; default the scenario's observed)")
	fs.Var(&f.fit, "fit", "fit a parameter: `path=lo:hi`, the range of its uniform prior (repeatable)")
	fs.Var(&f.direction, "direction", "a change known in words: `metric:from:to:down` (or up), with an optional :weight, and :required to make it a constraint (repeatable; none for no direction)")
	fs.StringVar(&f.design, "design", "lhs", "the design: `lhs` (Latin hypercube) or sobol")
	fs.IntVar(&f.samples, "samples", defaultCalibSamples, "draw `N` design points")
	fs.IntVar(&f.replicates, "replicates", defaultCalibReplicates, "run each point `N` times")
	fs.Float64Var(&f.keep, "keep", calib.DefaultFraction, "keep the best `share` of the points as the posterior sample (at least 20 points)")
	fs.IntVar(&f.selectN, "select", defaultSelect, "run the best `N` kept points again over the refinement's replicates and start it from the best (0: from the best design point)")
	fs.IntVar(&f.refine, "refine", defaultRefineEvals, "refine the best point with at most `N` evaluations of Nelder-Mead (0: no refinement)")
	fs.IntVar(&f.refineReps, "refine-replicates", 0, "run `N` replicates at each point the refinement evaluates (default -replicates)")
	f.define(fs, "calibration", "out/NAME-calibrate")
	return withGiven(fs, func(ctx context.Context, e *env, given map[string]bool, args []string) error {
		return runCalibrate(ctx, e, f, given, args)
	})
}

// A calibration is checked and planned: its targets, its prior box and
// the design that samples it, and the study that runs the design.
type calibration struct {
	studyRun
	cfg       *calibConfig
	targets   *calib.Targets
	unmatched []calib.Unmatched
	notes     []string
	factors   []design.Factor
	box       []calib.Param
	sample    design.Design // the design of the prior sample
	arms      *experiment.DesignArms
	obsName   string // the observed file, in messages
	now       func() time.Time
}

// calibrateClock is the clock of the date in calibrated.toml's
// comments; tests fix it.
var calibrateClock = time.Now

func runCalibrate(ctx context.Context, e *env, f *calibrateFlags, given map[string]bool, args []string) error {
	file, err := scenarioArg(e, args)
	if err != nil {
		return err
	}
	if err := f.check(e, given); err != nil {
		return err
	}
	c, err := planCalibration(e, f, given, file)
	if err != nil {
		return err
	}
	workers := f.workerCount(given)
	if f.dryRun {
		return c.dryRun(ctx, e, workers)
	}
	out, err := c.execute(ctx, e, &f.studyFlags, workers)
	if err != nil {
		return err
	}
	if !out.whole {
		c.shardDone(e, f.quiet)
		return nil
	}
	return c.analyse(ctx, e, f, workers, out)
}

// planCalibration turns the flags and the scenario's [calibrate] table
// into a calibration, checking everything a user can get wrong before
// anything runs. Every error is a usage or input error.
func planCalibration(e *env, f *calibrateFlags, given map[string]bool, file string) (*calibration, error) {
	sf, st, err := openAndLoad(file, f.sets)
	if err != nil {
		return nil, err
	}
	sc := st.src.Scenario
	cfg, err := readCalibrateTable(sf, sc.Calibrate)
	if err != nil {
		return nil, err
	}
	if err := mergeCalibrateFlags(e, cfg, f, given); err != nil {
		return nil, err
	}
	rows, obsName, err := calibObserved(sf, st, cfg)
	if err != nil {
		return nil, err
	}
	tg, left, notes, err := calibTargets(cfg, rows, sc)
	if err != nil {
		return nil, &inputError{fmt.Errorf("%s: %w", obsName, err)}
	}
	if len(cfg.fit) == 0 {
		return nil, e.usagef("nothing to fit: give -fit path=lo:hi (repeatable), or a fit list in the scenario's [calibrate] table")
	}
	fs, err := design.ParseFactors(cfg.fitSource, cfg.fit)
	if err != nil {
		return nil, &inputError{err}
	}
	box, err := fitBox(sc, fs)
	if err != nil {
		return nil, &inputError{err}
	}
	seed := f.seedOr(sc.Seed, given)
	var d design.Design
	switch design.Kind(cfg.design) {
	case design.KindLHS:
		d, err = design.NewLatinHypercube(fs, cfg.samples, seed, nil)
	case design.KindSobol:
		d, err = design.NewSobol(fs, cfg.samples, seed, nil)
	default:
		return nil, e.usagef("-design %q: want lhs or sobol (a calibration samples its prior)", cfg.design)
	}
	if err != nil {
		return nil, &inputError{err}
	}
	if cfg.replicates > scenario.MaxReplicates || cfg.refineReps > scenario.MaxReplicates {
		return nil, e.usagef("-replicates must be in 1..%d", scenario.MaxReplicates)
	}
	if err := checkRuns(e, d.Len(), cfg.replicates); err != nil {
		return nil, err
	}
	arms := experiment.NewDesignArms(d, nil)
	plan := &experiment.Plan{Source: st.src, ScenarioArg: file, Arms: arms, Replicates: cfg.replicates, Seed: seed,
		Window: experiment.DefaultWindow(sc.Start, sc.End)}
	if err := checkExtremes(plan, arms, cfg.fitSource); err != nil {
		return nil, err
	}
	sh, dir, err := f.place(e, given, filepath.Join("out", sc.Name+"-calibrate"))
	if err != nil {
		return nil, err
	}
	spec, err := json.Marshal(d.Spec())
	if err != nil {
		panic("krysha: a design spec cannot be written as JSON: " + err.Error())
	}
	c := &calibration{
		studyRun: studyRun{command: "calibrate", st: st, sf: sf, plan: plan, design: spec, shard: sh, dir: dir},
		cfg:      cfg, targets: tg, unmatched: left, notes: notes,
		factors: d.Spec().Factors, box: box, sample: d, arms: arms, obsName: obsName, now: calibrateClock,
	}
	return c, nil
}

// mergeCalibrateFlags lets the flags given win over the table, and fills
// the defaults.
func mergeCalibrateFlags(e *env, c *calibConfig, f *calibrateFlags, given map[string]bool) error {
	if given["observed"] {
		c.observed, c.observedFrom = f.observed, "-observed"
	}
	if len(f.fit) > 0 {
		c.fit, c.fitSource = f.fit, "-fit"
	}
	if c.fitSource == "" {
		c.fitSource = "-fit"
	}
	if len(f.direction) > 0 {
		c.directions, c.dirsGiven = nil, true
		for _, s := range f.direction {
			if s == "none" {
				continue
			}
			d, err := parseDirectionFlag(s)
			if err != nil {
				return e.usagef("%v", err)
			}
			c.directions = append(c.directions, d)
		}
	}
	pick := func(flagName string, table *int, value, def int) {
		switch {
		case given[flagName]:
			*table = value
		case *table == 0:
			*table = def
		}
	}
	if given["design"] || c.design == "" {
		c.design = f.design
	}
	pick("samples", &c.samples, f.samples, defaultCalibSamples)
	pick("replicates", &c.replicates, f.replicates, defaultCalibReplicates)
	if given["refine"] {
		c.refine = f.refine
	} else if !c.refineSet {
		c.refine = defaultRefineEvals
	}
	pick("refine-replicates", &c.refineReps, f.refineReps, c.replicates)
	if given["select"] {
		c.selectN = f.selectN
	} else if !c.selectSet {
		c.selectN = defaultSelect
	}
	if given["keep"] || c.keep == 0 {
		c.keep = f.keep
	}
	switch {
	case c.samples < 2:
		return e.usagef("-samples must be at least 2, is %d", c.samples)
	case c.replicates < 1:
		return e.usagef("-replicates must be at least 1, is %d", c.replicates)
	case c.refineReps < 1:
		return e.usagef("-refine-replicates must be at least 1, is %d", c.refineReps)
	case c.selectN < 0:
		return e.usagef("-select must be at least 0, is %d", c.selectN)
	case c.refine < 0:
		return e.usagef("-refine must be at least 0, is %d", c.refine)
	case !(c.keep > 0 && c.keep <= 1):
		return e.usagef("-keep must be in (0, 1], is %v", c.keep)
	}
	return nil
}
