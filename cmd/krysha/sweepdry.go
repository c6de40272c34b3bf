package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/krysha/krysha/sim"
	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/experiment/design"
)

// dryRun prints what the sweep would do and how long it would take,
// timing one run (point 0, replicate 0) and the building of one point's
// model, and runs nothing else.
func (s *sweep) dryRun(ctx context.Context, e *env, f *sweepFlags, workers int) error {
	p := s.plan
	mine := len(s.shard.Runs(p.Runs()))
	w := e.stdout
	fmt.Fprintf(w, "sweep of %s (%s): %s design over %d parameter%s, seed %d\n",
		p.Source.Scenario.Name, s.sf.name, s.design.Spec().Kind, len(s.factors), plural(len(s.factors)), p.Seed)
	printFactors(w, s.factors)
	fmt.Fprintf(w, "%d points × %d replicates = %d runs", p.Arms.Len(), p.Replicates, p.Runs())
	if !s.shard.Whole() {
		fmt.Fprintf(w, "; shard %s has %d", s.shard, mine)
	}
	fmt.Fprintf(w, "; outcomes averaged over %s\n", p.Window)

	build, run, timed, err := timeOneRun(ctx, p)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "a run took %v (the mean of replicate 0 of %d point%s spread over the design) and building a point's model %v:\n",
		shortDuration(run), timed, plural(timed), shortDuration(build))
	workers = printCPU(w, p, mine, 0, workers, run, build)
	files := strings.Join(studyFiles(f.routes), ", ")
	if s.shard.Whole() {
		files += ", charts"
	}
	fmt.Fprintf(w, "output: %s (%s, %s)\n", s.dir, experiment.ManifestFile, files)
	printExisting(w, s.dir, s.manifest(workers, f.routes), (*experiment.StudyManifest).SameStudy, "sweep", "sweep")
	return nil
}

// printFactors prints the factors of a design, a line each: path,
// range or levels, and kind.
func printFactors(w io.Writer, factors []design.Factor) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, fc := range factors {
		kind := fc.Kind()
		if fc.Int {
			kind = "integer " + kind
		}
		_, spec, _ := strings.Cut(fc.String(), "=")
		fmt.Fprintf(tw, "\t%s\t%s\t%s\n", fc.Path, spec, kind)
	}
	tw.Flush()
}

// printCPU prints the CPU time that mine runs of p and extra more would
// take at run a run, each arm's model (built in build) being built about
// once per worker that meets it, and the wall time on the workers that
// have runs to do; it returns their count.
func printCPU(w io.Writer, p *experiment.Plan, mine, extra, workers int, run, build time.Duration) int {
	arms := min(p.Arms.Len(), mine)
	cpu := time.Duration(mine+extra)*run + time.Duration(arms*min(workers, p.Replicates))*build
	workers = max(1, min(workers, mine))
	fmt.Fprintf(w, "about %v of CPU time, %v on %d worker%s\n", roundDuration(cpu), roundDuration(cpu/time.Duration(workers)), workers, plural(workers))
	return workers
}

// printExisting says, when dir already holds a study, whether it is this
// one (man, by same), which -resume goes on with, or another: this names
// the study ("this sweep"), other what else it may hold ("another study").
func printExisting(w io.Writer, dir string, man *experiment.StudyManifest, same func(old, man *experiment.StudyManifest) error, this, other string) {
	old, err := experiment.ReadStudyManifest(dir)
	if err != nil {
		return
	}
	if err := same(old, man); err != nil || old.Shard != man.Shard {
		fmt.Fprintf(w, "%s holds another %s: choose another -out\n", dir, other)
		return
	}
	fmt.Fprintf(w, "%s holds this %s (%s, %d of %d runs done): -resume goes on with it\n",
		dir, this, old.Status, old.Done, old.ShardRuns)
}

// timingArms is how many arms timeOneRun samples: a run's cost varies
// with its parameters (a point where bribery is rare ends trafficking
// early and runs in half the time), so one point is a poor estimate.
const timingArms = 5

// timeOneRun times a run and the building of an arm's model. A run is
// replicate 0 of up to timingArms arms spread evenly over the plan,
// after one warm-up run on the same worker; run is their mean. The model
// built is arm 0's.
func timeOneRun(ctx context.Context, p *experiment.Plan) (build, run time.Duration, n int, err error) {
	n = min(timingArms, p.Arms.Len())
	runs := []int{0} // the warm-up
	for k := range n {
		runs = append(runs, p.Index(k*p.Arms.Len()/n, 0))
	}
	var times []time.Time
	rn := &experiment.Runner{Plan: p, Workers: 1, Routes: true, Rows: true}
	err = rn.Run(ctx, runs, func(i int, _ *experiment.Result, err error) error {
		times = append(times, time.Now())
		if err != nil {
			arm, rep := p.Locate(i)
			return fmt.Errorf("point %d, replicate %d: %w", arm, rep, err)
		}
		return nil
	})
	if err != nil {
		return 0, 0, 0, err
	}
	t0 := time.Now()
	sc, err := p.Scenario(0)
	if err == nil {
		_, err = sim.NewModel(sc)
	}
	if err != nil {
		return 0, 0, 0, fmt.Errorf("point 0: %w", err)
	}
	return time.Since(t0), times[n].Sub(times[0]) / time.Duration(n), n, nil
}

// shortDuration is roundDuration, with microseconds below a millisecond.
func shortDuration(d time.Duration) time.Duration {
	if d < time.Millisecond {
		return d.Round(time.Microsecond)
	}
	return roundDuration(d)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
