package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/krysha/krysha/sim/experiment"
)

// dryRun prints what the comparison would do and how long it would
// take, timing one run of the baseline, and runs nothing else.
func (c *comparePlan) dryRun(ctx context.Context, e *env, f *compareFlags, workers int) error {
	p := c.plan
	mine := len(c.shard.Runs(p.Runs()))
	w := e.stdout
	fmt.Fprintf(w, "compare of %s (%s): the baseline and %d polic%s, seed %d\n",
		p.Source.Scenario.Name, c.sf.name, len(c.design.Arms)-1, pluralForm(len(c.design.Arms)-1, "y", "ies"), p.Seed)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, a := range c.design.Arms[1:] {
		fmt.Fprintf(tw, "\t%s\tfrom %s\t%s USD a year\t%s\n", a.Name, a.Start, fmtUSD(a.CostUSD), a.Description)
	}
	tw.Flush()
	fmt.Fprintf(w, "%d arms × %d replicates = %d runs", p.Arms.Len(), p.Replicates, p.Runs())
	if !c.shard.Whole() {
		fmt.Fprintf(w, "; shard %s has %d", c.shard, mine)
	}
	fmt.Fprintf(w, "; outcomes averaged over %s; ranked by %s\n", p.Window, compareOutcomes[c.rank].name)
	build, run, timed, err := timeOneRun(ctx, p)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "a run took %v (the mean of replicate 0 of %d arm%s, the baseline first) and building an arm's model %v:\n",
		shortDuration(run), timed, plural(timed), shortDuration(build))
	workers = printCPU(w, p, mine, 0, workers, run, build)
	files := []string{experiment.RunsFile, experiment.YearlyFile}
	if f.routes {
		files = append(files, experiment.RoutesFile)
	}
	files = append(files, experiment.FailuresFile)
	if c.shard.Whole() {
		files = append(files, compareCSV, compareChart, effectsChart)
	}
	fmt.Fprintf(w, "output: %s (%s, %s)\n", c.dir, experiment.ManifestFile, strings.Join(files, ", "))
	printExisting(w, c.dir, c.manifest(workers, f.routes), sameComparison, "comparison", "study")
	return nil
}
