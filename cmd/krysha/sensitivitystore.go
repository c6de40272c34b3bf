package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/krysha/krysha/sim/experiment"
)

// dryRun prints what the analysis would do and how long it would take,
// timing one run, and runs nothing else.
func (s *sensitivity) dryRun(ctx context.Context, e *env, workers int) error {
	p := s.plan
	mine := len(s.shard.Runs(p.Runs()))
	w := e.stdout
	spec := s.sample.Spec()
	size := fmt.Sprintf("%d trajectories of %d points on a grid of %d levels", spec.N, len(s.factors)+1, spec.Levels)
	if s.method == methodSobol {
		size = fmt.Sprintf("%d base rows of %d points (Saltelli)", spec.N, len(s.factors)+2)
	}
	fmt.Fprintf(w, "%s sensitivity of %s (%s) over %d parameter%s, seed %d: %s\n",
		s.method, p.Source.Scenario.Name, s.sf.name, len(s.factors), plural(len(s.factors)), p.Seed, size)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, fc := range s.factors {
		kind := fc.Kind()
		if fc.Int {
			kind = "integer " + kind
		}
		_, r, _ := strings.Cut(fc.String(), "=")
		fmt.Fprintf(tw, "\t%s\t%s\t%s\n", fc.Path, r, kind)
	}
	tw.Flush()
	fmt.Fprintf(w, "%d points × %d replicates = %d runs", p.Arms.Len(), p.Replicates, p.Runs())
	if !s.shard.Whole() {
		fmt.Fprintf(w, "; shard %s has %d", s.shard, mine)
	}
	fmt.Fprintf(w, "; outcomes averaged over %s", p.Window)
	if s.byYear {
		fmt.Fprint(w, " and analysed by year")
	}
	fmt.Fprintln(w)
	build, run, timed, err := timeOneRun(ctx, p)
	if err != nil {
		return err
	}
	points := min(p.Arms.Len(), mine)
	cpu := time.Duration(mine)*run + time.Duration(points*min(workers, p.Replicates))*build
	workers = max(1, min(workers, mine))
	fmt.Fprintf(w, "a run took %v (the mean of replicate 0 of %d point%s spread over the design) and building a point's model %v:\n",
		shortDuration(run), timed, plural(timed), shortDuration(build))
	fmt.Fprintf(w, "about %v of CPU time, %v on %d worker%s\n", roundDuration(cpu), roundDuration(cpu/time.Duration(workers)), workers, plural(workers))
	fmt.Fprintf(w, "output: %s (%s, %s, %s, %s", s.dir, experiment.ManifestFile, experiment.RunsFile, experiment.YearlyFile, experiment.FailuresFile)
	if s.shard.Whole() {
		fmt.Fprintf(w, ", %s, %s", sensitivityCSV, sensitivityPNG)
		if s.byYear {
			fmt.Fprintf(w, ", %s", sensitivityYearsPNG)
		}
	}
	fmt.Fprintln(w, ")")
	if old, err := experiment.ReadStudyManifest(s.dir); err == nil {
		man := s.manifest(workers)
		if err := old.SameStudy(man); err != nil || old.Shard != man.Shard {
			fmt.Fprintf(w, "%s holds another study: choose another -out\n", s.dir)
		} else {
			fmt.Fprintf(w, "%s holds this analysis (%s, %d of %d runs done): -resume goes on with it\n",
				s.dir, old.Status, old.Done, old.ShardRuns)
		}
	}
	return nil
}
