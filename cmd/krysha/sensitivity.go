package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"

	"github.com/krysha/krysha/sim/experiment"
)

func init() {
	register(&command{
		name:    "sensitivity",
		args:    "[flags] [SCENARIO.toml]",
		summary: "global sensitivity analysis: Morris screening or Sobol indices of the outcomes",
		doc: `
Sensitivity measures how much each parameter given with -vary path=lo:hi moves
the outcomes of a scenario (by default the embedded Kazakhstan scenario):
the mean yearly prosecutions, convictions, victims identified, drug seizures
and corrupt share over the -window years, and with -by-year the same in
each year.

-method morris (the default) runs -trajectories r one-at-a-time
trajectories of k+1 points (k parameters) on a grid of -levels p and gives,
per parameter and outcome, Morris's elementary-effect statistics: mu* (the
mean absolute change of the outcome when the parameter alone moves by two
thirds of its range, scaled to its whole range: its influence), sigma (the
spread of those changes: interactions or non-linearity) and mu (their mean:
the sign), mu* and sigma with 95% bootstrap intervals, and the noise floor of
mu*, what replicate noise alone would give. Cheap: r(k+1) points; use it to
screen many parameters.

-method sobol runs a Saltelli design of -samples N base rows, N(k+2) points,
and gives the first-order index S1 (the share of the outcome's variance the
parameter explains alone) and the total index ST (the share it has any part
in, interactions included), Saltelli's and Jansen's estimators, with 95%
bootstrap intervals; and, separately, the noise share: the part of a single
run's variance that is replicate noise, which no parameter explains. The
indices are those of the mean over the replicates. Take N a power of two.

Each point runs -replicates times; replicate r of every point uses the random
stream (seed, r), so the points are compared on common random numbers. The
runs are those of a sweep, written as they finish to runs.csv, yearly.csv,
failures.csv and manifest.json in the output directory (default
out/NAME-METHOD), with the same progress, workers, shards (-shard I/N,
Slurm, Kubernetes), -resume and -dry-run; results do not depend on -workers.
When every run is done the analysis is written there:

	sensitivity.csv        one row per outcome, span of years and parameter
	sensitivity.png        the indices of each outcome, ranked, with intervals
	sensitivity_years.png  with -by-year: the indices over the years

and a ranked table is printed. The parameters, ranges and sizes default to
the scenario's [sensitivity] table; flags win over it. After 'krysha merge'
of the shards, the same command with -resume analyses the merged runs (as
it does any finished directory, e.g. with another -by-year or -resamples).
docs/sensitivity.md tells how to read the outputs. Exit status: 0 done,
1 runs failed or files could not be written, 2 bad input, 130/143
interrupted (go on with -resume).`,
		example: `krysha sensitivity -method morris -trajectories 20 -replicates 2 -out out/morris
krysha sensitivity -method sobol -samples 512 -replicates 4 -by-year -vary bribe.same_clan=0.6:1.8 -vary enforcement.budget_scale=0.5:2`,
		setup: setupSensitivity,
	})
}

type sensitivityFlags struct {
	studyFlags
	method       string
	vary         stringList
	trajectories int
	levels       int
	samples      int
	replicates   int
	byYear       bool
	resamples    int
	window       string
}

func setupSensitivity(fs *flag.FlagSet) func(context.Context, *env, []string) error {
	f := new(sensitivityFlags)
	fs.StringVar(&f.method, "method", "morris", "`morris` (elementary effects, a screening) or sobol (variance-based indices)")
	fs.Var(&f.vary, "vary", "vary a parameter over a range: `path=lo:hi` (repeatable; default the [sensitivity] table's vary list)")
	fs.IntVar(&f.trajectories, "trajectories", 0, "Morris: run `r` trajectories of k+1 points (default the table's, or 20)")
	fs.IntVar(&f.levels, "levels", 0, "Morris: the grid's level count `p`, even (default the table's, or 4)")
	fs.IntVar(&f.samples, "samples", 0, "Sobol: `N` base rows of the Saltelli design, N(k+2) points; a power of two (default the table's, or 512)")
	fs.IntVar(&f.replicates, "replicates", 0, "run each point `N` times, at least 2 to measure noise (default the table's, or 2)")
	fs.BoolVar(&f.byYear, "by-year", false, "also analyse each outcome in each year, and draw sensitivity_years.png")
	fs.IntVar(&f.resamples, "resamples", 1000, "bootstrap `B` resamples for the 95% intervals")
	fs.Uint64Var(&f.seed, "seed", 0, "base the random streams and the design on seed `S` (default the scenario's seed)")
	fs.StringVar(&f.window, "window", "", "average the outcomes over the years `FIRST:LAST` (default the table's, or the scenario's last 7 years)")
	fs.Var(&f.sets, "set", "override the scenario at every point: `path=value` (repeatable)")
	fs.IntVar(&f.workers, "workers", 0, "run `N` runs at a time (default one per CPU); the results do not depend on it")
	fs.StringVar(&f.out, "out", "", "write the results to `DIR` (default out/NAME-METHOD; a shard writes to DIR/shard-I-of-N)")
	fs.StringVar(&f.shard, "shard", "", "run only shard `I/N`: the runs whose index modulo N is I (analyse after 'krysha merge')")
	fs.IntVar(&f.shards, "shards", 0, "with JOB_COMPLETION_INDEX (a Kubernetes Indexed Job), split the runs into `N` shards")
	fs.BoolVar(&f.resume, "resume", false, "go on with the analysis in DIR: run the runs it lacks, then analyse (starts it if DIR holds none)")
	fs.BoolVar(&f.dryRun, "dry-run", false, "print the design, the number of runs and an estimate of the time; run nothing")
	fs.BoolVar(&f.quiet, "quiet", false, "print no progress on stderr")
	return withGiven(fs, func(ctx context.Context, e *env, given map[string]bool, args []string) error {
		return runSensitivity(ctx, e, f, given, args)
	})
}

func runSensitivity(ctx context.Context, e *env, f *sensitivityFlags, given map[string]bool, args []string) error {
	file, err := scenarioArg(e, args)
	if err != nil {
		return err
	}
	if err := f.check(e, given); err != nil {
		return err
	}
	for _, n := range []struct {
		name string
		v    int
	}{{"trajectories", f.trajectories}, {"levels", f.levels}, {"samples", f.samples}, {"replicates", f.replicates}} {
		if given[n.name] && n.v < 1 {
			return e.usagef("-%s must be at least 1, is %d", n.name, n.v)
		}
	}
	if f.resamples < 0 {
		return e.usagef("-resamples must be at least 0, is %d", f.resamples)
	}
	s, err := planSensitivity(e, f, given, file)
	if err != nil {
		return err
	}
	workers := f.workerCount(given)
	if f.dryRun {
		return s.dryRun(ctx, e, workers)
	}
	return s.run(ctx, e, f, workers)
}

// run runs the pending runs into the directory and, when the whole
// study is there and every run succeeded, analyses them.
func (s *sensitivity) run(ctx context.Context, e *env, f *sensitivityFlags, workers int) error {
	out, err := s.execute(ctx, e, &f.studyFlags, workers)
	if err != nil {
		return err
	}
	if out.failed > 0 {
		return fmt.Errorf("%d of %d runs failed, so the indices cannot be estimated; their errors are in %s",
			out.failed, len(s.shard.Runs(s.plan.Runs())), filepath.Join(s.dir, experiment.FailuresFile))
	}
	if !out.whole {
		return nil
	}
	files, err := s.analyse(e, workers)
	if err != nil {
		return err
	}
	return s.addFiles(out.man, files...)
}
