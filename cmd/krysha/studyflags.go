package main

import (
	"flag"
	"os"
	"path/filepath"
	"runtime"

	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/experiment/design"
	"github.com/krysha/krysha/sim/scenario"
)

// studyFlags are the flags every study command shares: sweep, compare,
// sensitivity, calibrate and explain. Each command registers them with
// define or with help texts of its own.
type studyFlags struct {
	seed    uint64
	sets    stringList
	workers int
	out     string
	shard   string
	shards  int
	resume  bool
	dryRun  bool
	quiet   bool
}

// define adds the shared flags to fs; what names the command's study in
// the help texts ("calibration", "explanation").
func (f *studyFlags) define(fs *flag.FlagSet, what, defaultOut string) {
	fs.Uint64Var(&f.seed, "seed", 0, "base the random streams (and the design) on seed `S` (default the scenario's seed)")
	fs.Var(&f.sets, "set", "override the scenario in every run: `path=value` (repeatable)")
	fs.IntVar(&f.workers, "workers", 0, "run `N` runs at a time (default one per CPU); the results do not depend on it")
	fs.StringVar(&f.out, "out", "", "write the results to `DIR` (default "+defaultOut+"; a shard writes to DIR/shard-I-of-N)")
	fs.StringVar(&f.shard, "shard", "", "run only shard `I/N` of the runs (index modulo N is I); merge the shards, then -resume to analyse")
	fs.IntVar(&f.shards, "shards", 0, "with JOB_COMPLETION_INDEX (a Kubernetes Indexed Job), split the runs into `N` shards")
	fs.BoolVar(&f.resume, "resume", false, "go on with the "+what+" in DIR: skip the runs it holds, run the rest, then analyse")
	fs.BoolVar(&f.dryRun, "dry-run", false, "print the number of runs, an estimate of the time and where the output goes; run nothing")
	fs.BoolVar(&f.quiet, "quiet", false, "print no progress on stderr")
}

// check reports the shared flags' usage errors.
func (f *studyFlags) check(e *env, given map[string]bool) error {
	if given["workers"] && f.workers < 1 {
		return e.usagef("-workers must be at least 1, is %d", f.workers)
	}
	return nil
}

// shardOf returns the shard to run: -shard, or what a batch system
// says (see experiment.ShardFromEnv).
func (f *studyFlags) shardOf(e *env, given map[string]bool) (experiment.Shard, error) {
	if given["shard"] {
		if given["shards"] {
			return experiment.Shard{}, e.usagef("-shard I/N and -shards N: give one")
		}
		sh, err := experiment.ParseShard(f.shard)
		if err != nil {
			return experiment.Shard{}, e.usagef("-shard: %v", err)
		}
		return sh, nil
	}
	if given["shards"] && f.shards < 1 {
		return experiment.Shard{}, e.usagef("-shards must be at least 1, is %d", f.shards)
	}
	sh, from, err := experiment.ShardFromEnv(os.Getenv, f.shards)
	if err != nil {
		if from != "" {
			return experiment.Shard{}, e.usagef("the shard from %s: %v", from, err)
		}
		return experiment.Shard{}, e.usagef("%v", err)
	}
	return sh, nil
}

// workerCount is -workers, or one per CPU.
func (f *studyFlags) workerCount(given map[string]bool) int {
	if given["workers"] {
		return f.workers
	}
	return runtime.NumCPU()
}

// seedOr is -seed if given, else the scenario's seed.
func (f *studyFlags) seedOr(scenarioSeed uint64, given map[string]bool) uint64 {
	if given["seed"] {
		return f.seed
	}
	return scenarioSeed
}

// place returns the shard to run and the directory it writes to: -out,
// or defaultDir, and within it the shard's own directory when the study
// is sharded.
func (f *studyFlags) place(e *env, given map[string]bool, defaultDir string) (experiment.Shard, string, error) {
	sh, err := f.shardOf(e, given)
	if err != nil {
		return experiment.Shard{}, "", err
	}
	dir := f.out
	if dir == "" {
		dir = defaultDir
	}
	if !sh.Whole() {
		dir = filepath.Join(dir, sh.Dir())
	}
	return sh, dir, nil
}

// clippedWindow reads a window FIRST:LAST and checks it against the
// scenario's years.
func clippedWindow(sc *scenario.Scenario, text string) (experiment.Window, error) {
	w, err := experiment.ParseWindow(text)
	if err != nil {
		return w, err
	}
	return w.Clip(sc.Start, sc.End)
}

// checkRuns refuses a study of more than design.MaxRuns runs.
func checkRuns(e *env, points, replicates int) error {
	if float64(points)*float64(replicates) > design.MaxRuns {
		return e.usagef("%d points × %d replicates is more than %d runs", points, replicates, int64(design.MaxRuns))
	}
	return nil
}
