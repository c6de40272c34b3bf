package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/krysha/krysha/internal/fsx"
	"github.com/krysha/krysha/internal/version"
	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/scenario"
)

func init() {
	register(&command{
		name:    "run",
		args:    "[flags] [SCENARIO.toml]",
		summary: "run a scenario's replicates; write CSV files, a manifest and a chart",
		doc: `
Run runs the replicates of a scenario (by default the embedded Kazakhstan
scenario, 1995-2015), prints per year the mean and the 90% interval across
replicates of investigations, prosecutions, convictions and identified
victims, and writes to the output directory:

	yearly.csv        replicate,seed,year and every metric, one row a replicate-year
	monthly.csv       replicate,seed,year,month and every metric
	routes.csv        per replicate, year and segment: shipments, units,
	                  detections, bribes and seizures of each product; per
	                  stash: stock, raids and the kg they seized
	manifest.json     scenario, its SHA-256, overrides, seed, versions, timing
	prosecutions.png  investigations, prosecutions and convictions per year:
	                  mean and 90% band, with the observed convictions
	routes.png        the network on its map, drugs and people side by side:
	                  each segment as wide as its mean yearly flow over the
	                  -map-window years and coloured by the share seized

The map window defaults to the four years ending with the last year of the
scenario's observed data (2009:2012 for the default scenario), or to the
scenario's last four years. 'krysha plot DIR -map 2005,2012' draws the map of
other years from the files. docs/outputs.md describes every file.

Replicate r of seed S is the same run whatever the number of workers and
whatever else is run with it: 'krysha run -seed S -first r -replicates 1'
reproduces it alone. Nothing is
written unless the scenario, the overrides and the observed data are valid.`,
		example: "krysha run -replicates 50 -set enforcement.budget_scale=2 -out out/budget2",
		setup:   setupRun,
	})
}

type runFlags struct {
	out        string
	replicates int
	first      int
	seed       uint64
	workers    int
	sets       stringList
	policy     string
	mapWindow  string
	quiet      bool
}

func setupRun(fs *flag.FlagSet) func(context.Context, *env, []string) error {
	f := new(runFlags)
	fs.StringVar(&f.out, "out", "", "write the results to `DIR` (default out/NAME, NAME the scenario's name)")
	fs.IntVar(&f.replicates, "replicates", 0, "run `N` replicates (default the scenario's replicates)")
	fs.IntVar(&f.first, "first", 0, "number the replicates from `R`: replicate R of a sweep is reproduced alone by -first R -replicates 1")
	fs.Uint64Var(&f.seed, "seed", 0, "base the random streams on seed `S` (default the scenario's seed)")
	fs.IntVar(&f.workers, "workers", 0, "run `N` replicates at a time (default one per CPU); the results do not depend on it")
	fs.Var(&f.sets, "set", "override the scenario: `path=value`, a dotted key and a TOML value (repeatable), e.g. -set bribe.same_clan=0")
	fs.StringVar(&f.policy, "policy", "", "run with the events of the scenario's policy `NAME` added (a+b for two together), as compare does")
	fs.StringVar(&f.mapWindow, "map-window", "", "draw routes.png from the mean flows over the years `FIRST:LAST` (default the 4 years to the last observed year)")
	fs.BoolVar(&f.quiet, "quiet", false, "print no progress on stderr")
	return func(ctx context.Context, e *env, args []string) error {
		return runRun(ctx, e, f, givenFlags(fs), args)
	}
}

func runRun(ctx context.Context, e *env, f *runFlags, given map[string]bool, args []string) error {
	file, err := scenarioArg(e, args)
	if err != nil {
		return err
	}
	if given["replicates"] && (f.replicates < 1 || f.replicates > scenario.MaxReplicates) {
		return e.usagef("-replicates must be in 1..%d, is %d", scenario.MaxReplicates, f.replicates)
	}
	if f.first < 0 || f.first > scenario.MaxReplicates {
		return e.usagef("-first must be in 0..%d, is %d", scenario.MaxReplicates, f.first)
	}
	if given["workers"] && f.workers < 1 {
		return e.usagef("-workers must be at least 1, is %d", f.workers)
	}
	sf, st, err := openAndLoad(file, f.sets)
	if err != nil {
		return err
	}
	sc := st.src.Scenario
	var events []scenario.Event
	if given["policy"] {
		if strings.Contains(f.policy, ",") {
			return e.usagef("-policy names one policy, or a+b for policies together; compare runs several")
		}
		arms, err := parsePolicies(sc, f.policy)
		if err != nil {
			return e.usagef("-policy %v", err)
		}
		events = arms[1].events
		plan := &experiment.Plan{Source: st.src, Arms: &experiment.ArmList{List: []experiment.Arm{{Events: events}}}, Replicates: 1}
		if _, err := plan.Scenario(0); err != nil {
			return &inputError{fmt.Errorf("-policy %s: the scenario with the policy is not valid:\n%v", f.policy, err)}
		}
	}
	seed, reps, workers := sc.Seed, sc.Replicates, runtime.NumCPU()
	if given["seed"] {
		seed = f.seed
	}
	if given["replicates"] {
		reps = f.replicates
	}
	if given["workers"] {
		workers = f.workers
	}
	workers = max(1, min(workers, reps))
	window := defaultMapWindow(sc, st.observed)
	if given["map-window"] {
		if window, err = parseMapWindow(f.mapWindow, sc); err != nil {
			return e.usagef("-map-window: %v", err)
		}
	}
	dir := f.out
	if dir == "" {
		dir = filepath.Join("out", sc.Name)
	}

	// Everything is valid: from here on, failures are the machine's.
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return fmt.Errorf("creating the output directory: %w", err)
	}
	// The manifest is written last and marks the directory complete: a
	// previous run's must not vouch for files being replaced.
	manPath := filepath.Join(dir, experiment.ManifestFile)
	if err := os.Remove(manPath); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	start := time.Now()
	prog := newProgress(e.stderr, f.quiet, reps)
	sum, err := writeRuns(ctx, dir, st, events, seed, f.first, reps, workers, prog.step)
	prog.clear()
	if err != nil {
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		return err
	}
	s := sum.Summary()
	if err := saveChart(filepath.Join(dir, chartFile), sc.Name, s, st.observed); err != nil {
		return err
	}
	if err := saveRunMap(dir, sc, window, reps); err != nil {
		return err
	}
	end := time.Now()
	man := &experiment.Manifest{
		Command:        "run",
		Scenario:       sc.Name,
		ScenarioFile:   sf.name,
		ScenarioSHA256: st.src.Hash(),
		Sets:           f.sets,
		Policy:         f.policy,
		Seed:           seed,
		First:          f.first,
		Replicates:     reps,
		Version:        version.String(),
		GoVersion:      runtime.Version(),
		Workers:        workers,
		Files:          []string{experiment.YearlyFile, experiment.MonthlyFile, experiment.RoutesFile, chartFile, mapFile},
	}
	man.SetTimes(start, end)
	if err := man.WriteFile(manPath); err != nil {
		return err
	}
	if err := printTable(e.stdout, sc.Name, seed, s); err != nil {
		return err
	}
	prog.done(end.Sub(start), workers, dir)
	return nil
}

// writeRuns runs the replicates and streams them to yearly.csv,
// monthly.csv and routes.csv in dir, returning their summary. Each file
// is written to a temporary name and renamed when complete, so an
// interrupted or failed run leaves none under its final name.
//
// The runs are those of experiment.ReplicatesPlan, run i being
// replicate i, so that they are the same runs as a sweep's and their
// route statistics are collected by the same code.
func writeRuns(ctx context.Context, dir string, st *study, events []scenario.Event, seed uint64, first, reps, workers int, step func()) (*experiment.Summarizer, error) {
	plan := experiment.ReplicatesPlan(st.src, seed, first+reps)
	if len(events) > 0 {
		plan.Arms = &experiment.ArmList{List: []experiment.Arm{{Events: events}}}
	}
	runs := experiment.Indices(reps)
	for i := range runs {
		runs[i] += first
	}
	rn := &experiment.Runner{Plan: plan, Workers: workers, Months: true, Routes: true}
	sum := new(experiment.Summarizer)
	mpath, ypath := filepath.Join(dir, experiment.MonthlyFile), filepath.Join(dir, experiment.YearlyFile)
	rpath := filepath.Join(dir, experiment.RoutesFile)
	err := fsx.WriteFile(mpath, func(mw io.Writer) error {
		return fsx.WriteFile(ypath, func(yw io.Writer) error {
			return fsx.WriteFile(rpath, func(rw io.Writer) error {
				monthly, yearly := experiment.NewMonthlyWriter(mw), experiment.NewYearlyWriter(yw)
				routes := experiment.NewRoutesWriter(rw)
				return rn.Run(ctx, runs, func(_ int, r *experiment.Result, err error) error {
					if err != nil {
						return err
					}
					sum.Add(r.Start.Year(), r.Yearly)
					step()
					if err := monthly.WriteRun(r.Replicate, r.Seed, r.Start, r.Months); err != nil {
						return fmt.Errorf("writing %s: %w", mpath, err)
					}
					if err := yearly.WriteRun(r.Replicate, r.Seed, r.Start, r.Yearly); err != nil {
						return fmt.Errorf("writing %s: %w", ypath, err)
					}
					if err := routes.WriteRun(r.Replicate, r.Replicate, r.Routes); err != nil {
						return fmt.Errorf("writing %s: %w", rpath, err)
					}
					return nil
				})
			})
		})
	})
	return sum, err
}

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string { return strings.Join(*s, " ") }

func (s *stringList) Set(v string) error {
	*s = append(*s, v)
	return nil
}
