package main

import (
	"context"
	"fmt"

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
	printFactors(w, s.factors)
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
	fmt.Fprintf(w, "a run took %v (the mean of replicate 0 of %d point%s spread over the design) and building a point's model %v:\n",
		shortDuration(run), timed, plural(timed), shortDuration(build))
	workers = printCPU(w, p, mine, 0, workers, run, build)
	fmt.Fprintf(w, "output: %s (%s, %s, %s, %s", s.dir, experiment.ManifestFile, experiment.RunsFile, experiment.YearlyFile, experiment.FailuresFile)
	if s.shard.Whole() {
		fmt.Fprintf(w, ", %s, %s", sensitivityCSV, sensitivityPNG)
		if s.byYear {
			fmt.Fprintf(w, ", %s", sensitivityYearsPNG)
		}
	}
	fmt.Fprintln(w, ")")
	printExisting(w, s.dir, s.manifest(workers), (*experiment.StudyManifest).SameStudy, "analysis", "study")
	return nil
}
