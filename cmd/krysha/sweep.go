package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"time"

	"github.com/krysha/krysha/sim/experiment"
)

func init() {
	register(&command{
		name:    "sweep",
		args:    "[flags] [SCENARIO.toml]",
		summary: "run a parameter sweep: a design of points, each run for replicates",
		doc: `
Sweep runs a scenario (by default the embedded Kazakhstan scenario) at every
point of an experimental design over the parameters given with -vary, each
point for -replicates replicates, and writes to the output directory, as the
runs finish:

	runs.csv       one row a run: run, point, replicate, seed, the varied
	               parameters, the mean yearly prosecutions, convictions,
	               victims identified, drug seizures and corrupt share over
	               the -window years, and the command that reproduces the run
	yearly.csv     run, point, replicate, seed, year and every metric
	routes.csv     per run, year and segment: shipments, units, detections,
	               bribes, seizures; per stash: stock and raids
	failures.csv   runs that failed: their parameters, seed and error
	manifest.json  scenario and its SHA-256, design, seed, shard, versions, times

and then charts of each outcome: a response curve (mean and 90% band across
replicates) for one varied parameter, a heatmap for two on a grid, a panel a
parameter (points and a smoothed mean) otherwise. 'krysha plot DIR' redraws
them; docs/sweeps.md describes every file.

-vary path=lo:hi:n varies a parameter (its dotted path, as for -set) over n
evenly spaced levels, path=a,b,c over the values given; the grid design (the
default) runs every combination. -design lhs or sobol with -samples N draws N
points of a Latin hypercube or a scrambled Sobol sequence over ranges
path=lo:hi. Integer parameters take whole values, switches 0 and 1. The same
can be written in the scenario's [sweep] table; flags win over it. Flags may
come before or after the scenario file.

Replicate r of every point uses the random stream (seed, r), so points are
compared on common random numbers and any run is reproduced alone by the
command in its row. Results do not depend on -workers or on the shards.

-shard I/N runs every N-th run from run I, into DIR/shard-I-of-N; it defaults
from a Slurm job array (SLURM_ARRAY_TASK_ID, _MIN, _COUNT) or a Kubernetes
Indexed Job (JOB_COMPLETION_INDEX, with -shards N). 'krysha merge' joins the
shards. A sweep that is stopped, even by kill -9, goes on from where it was
with -resume. Exit status: 0 all runs done, 1 some runs failed (see
failures.csv) or the files could not be written, 2 bad input, 130/143
interrupted (resume it with -resume).`,
		example: `krysha sweep -vary enforcement.budget_scale=0.5:3:6 -vary bribe.same_clan=0:2:5 -replicates 10 -out out/budget-clan
krysha sweep -design lhs -samples 200 -vary enforcement.budget_scale=0.5:3 -vary patronage.rotation_months=6:48 -dry-run`,
		setup: setupSweep,
	})
}

type sweepFlags struct {
	studyFlags
	vary       stringList
	design     string
	samples    int
	replicates int
	window     string
	routes     bool
}

func setupSweep(fs *flag.FlagSet) func(context.Context, *env, []string) error {
	f := new(sweepFlags)
	fs.Var(&f.vary, "vary", "vary a parameter: `path=lo:hi:n` (n levels), path=lo:hi (a range, for lhs and sobol) or path=a,b,c (repeatable)")
	fs.StringVar(&f.design, "design", "grid", "the design: `grid` (every combination of levels), lhs (Latin hypercube) or sobol")
	fs.IntVar(&f.samples, "samples", 0, "draw `N` points (lhs and sobol)")
	fs.IntVar(&f.replicates, "replicates", 0, "run each point `N` times (default the [sweep] table's, or the scenario's replicates)")
	fs.Uint64Var(&f.seed, "seed", 0, "base the random streams, and the lhs and sobol points, on seed `S` (default the scenario's seed)")
	fs.StringVar(&f.window, "window", "", "average the outcomes of runs.csv over the years `FIRST:LAST` (default the scenario's last 7 years)")
	fs.Var(&f.sets, "set", "override the scenario at every point: `path=value` (repeatable)")
	fs.IntVar(&f.workers, "workers", 0, "run `N` runs at a time (default one per CPU); the results do not depend on it")
	fs.StringVar(&f.out, "out", "", "write the results to `DIR` (default out/NAME-sweep; a shard writes to DIR/shard-I-of-N)")
	fs.StringVar(&f.shard, "shard", "", "run only shard `I/N`: the runs whose index modulo N is I")
	fs.IntVar(&f.shards, "shards", 0, "with JOB_COMPLETION_INDEX (a Kubernetes Indexed Job), split the sweep into `N` shards")
	fs.BoolVar(&f.routes, "routes", true, "write routes.csv (the largest file: -routes=false for sweeps of many runs that do not need it)")
	fs.BoolVar(&f.resume, "resume", false, "go on with the sweep in DIR: skip the runs it holds, run the rest (starts it if DIR holds none)")
	fs.BoolVar(&f.dryRun, "dry-run", false, "print the number of runs, an estimate of the CPU time and where the output goes; run nothing")
	fs.BoolVar(&f.quiet, "quiet", false, "print no progress on stderr")
	return withGiven(fs, func(ctx context.Context, e *env, given map[string]bool, args []string) error {
		return runSweep(ctx, e, f, given, args)
	})
}

func runSweep(ctx context.Context, e *env, f *sweepFlags, given map[string]bool, args []string) error {
	file, err := scenarioArg(e, args)
	if err != nil {
		return err
	}
	if err := f.check(e, given); err != nil {
		return err
	}
	if given["samples"] && f.samples < 1 {
		return e.usagef("-samples must be at least 1, is %d", f.samples)
	}
	if given["replicates"] && f.replicates < 1 {
		return e.usagef("-replicates must be at least 1, is %d", f.replicates)
	}
	s, err := planSweep(e, f, given, file)
	if err != nil {
		return err
	}
	workers := f.workerCount(given)
	if f.dryRun {
		return s.dryRun(ctx, e, f, workers)
	}
	return s.run(ctx, e, f, workers)
}

// run runs the sweep's pending runs into its directory.
func (s *sweep) run(ctx context.Context, e *env, f *sweepFlags, workers int) error {
	start := time.Now()
	store, man, err := s.open(e, f, workers, start)
	if err != nil {
		return err
	}
	mine := s.shard.Runs(s.plan.Runs())
	pending := store.Pending(mine)
	done0, _ := store.Counts()
	prog := newSweepProgress(e.stderr, f.quiet, len(mine), done0)
	runErr := runPending(ctx, s.plan, workers, f.routes, store, pending, prog)
	err = s.finish(store, man, runErr, start)
	if err := endOfRuns(ctx, e, f.quiet, runErr, err, store, len(mine)); err != nil {
		return err
	}
	_, failed := store.Counts()
	prog.finish(time.Since(start), min(workers, max(1, len(pending))), s.dir)
	if failed > 0 {
		return fmt.Errorf("%d of %d runs failed; their errors are in %s", failed, len(mine), filepath.Join(s.dir, experiment.FailuresFile))
	}
	return nil
}

// open makes the sweep's directory, or opens it to resume, and writes
// its manifest with status running.
func (s *sweep) open(e *env, f *sweepFlags, workers int, start time.Time) (*experiment.Store, *experiment.StudyManifest, error) {
	man := s.manifest(workers, f.routes)
	old, err := checkExisting(e, s.dir, f.resume, man, (*experiment.StudyManifest).SameStudy, sweepWords)
	if err != nil {
		return nil, nil, err
	}
	store, err := openStudyDir(s.dir, s.plan, f.routes, man, old, start)
	return store, man, err
}

// finish closes the store (putting its rows in order if the sweep is
// done), draws the charts of a whole sweep that is done, and writes the
// manifest with the sweep's status.
func (s *sweep) finish(store *experiment.Store, man *experiment.StudyManifest, runErr error, start time.Time) error {
	err := closeStudyDir(store, man, runErr, start)
	if runErr == nil && err == nil && s.shard.Whole() {
		var charts []string
		charts, err = drawSweep(s.dir, man)
		man.Files = append(man.Files, charts...)
	}
	return errors.Join(err, man.WriteFile(filepath.Join(s.dir, experiment.ManifestFile)))
}

// sweepWords name a sweep in checkExisting's messages.
var sweepWords = studyDirWords{kind: "sweep", another: "sweep", resume: "go on with it with -resume, or choose another -out",
	files: []string{experiment.RunsFile, experiment.YearlyFile, experiment.RoutesFile, experiment.FailuresFile}}
