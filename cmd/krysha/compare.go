package main

import (
	"context"
	"flag"
	"strings"
)

func init() {
	register(&command{
		name:    "compare",
		args:    "[flags] [SCENARIO.toml]",
		summary: "compare policies with the baseline on common random numbers: effects with 95% intervals",
		doc: `
Compare runs a scenario (by default the embedded Kazakhstan scenario) as it
is, the baseline, and with each policy of its [[policy]] tables, each for
-replicates replicates, and estimates each policy's effect on prosecutions,
convictions, victims identified, victims trafficked, drug seizures, the
corrupt share of officials and the organizations alive: the mean over the
-window years, policy minus baseline.

Replicate r of every arm uses the random stream (seed, r): the arms are run
on common random numbers, so that replicate r of a policy differs from
replicate r of the baseline by the policy and what it sets off, not by luck.
The effect is the mean of these paired differences, and its 95% confidence
interval is Student's t interval of the mean of the differences. The
variance reduction factor (the variance the difference of means would have
from independent runs, over its variance from the pairs) says how many
times fewer replicates the pairing needed for the same interval.

-policy a,b names the policies (default all); a+b runs policies together,
with the events of both, so that their interaction shows against a and b
alone: -policy a,b,a+b. The window defaults to the years from the first
policy event to the end. Compare prints a table of the effects, policies
ranked by the -rank outcome (the greatest improvement first; fewer victims
trafficked, a lower corrupt share and fewer organizations count as
improvements), with each policy's stated yearly cost and, for the ranked
outcome, the cost per unit of effect where the interval shows an
improvement. It writes to the output directory the files of 'krysha sweep'
(runs.csv, yearly.csv, routes.csv, failures.csv, manifest.json; the arm
column is "policy") and:

	compare.csv   one row per policy and outcome: the means, the effect, its
	              standard error and 95% interval, the relative change, the
	              unpaired standard error, the variance reduction factor,
	              the cost and the cost per unit of effect
	compare.png   the ranked outcome per year, mean and 90% band, of the
	              baseline and each policy (a panel a policy when there are
	              more than three), the policies' start marked
	effects.png   every effect with its 95% interval: one row a policy, one
	              panel an outcome

docs/compare.md explains how to read them. Progress, -workers, -shard,
-resume and the exit status are those of 'krysha sweep'. The shards of a
comparison are joined by 'krysha merge DIR'; then the same compare command
with -resume -out DIR finds every run done and writes the table and charts.`,
		example: `krysha compare -replicates 30
krysha compare -policy victim-centred,budget-increase,victim-centred+budget-increase -rank convictions -window 2012:2015
krysha compare scenario.toml -policy all -shard 0/4 -out out/cmp   # then: krysha merge out/cmp; krysha compare scenario.toml -resume -out out/cmp`,
		setup: setupCompare,
	})
}

type compareFlags struct {
	studyFlags
	policy     string
	rank       string
	replicates int
	window     string
	routes     bool
}

func setupCompare(fs *flag.FlagSet) func(context.Context, *env, []string) error {
	f := new(compareFlags)
	fs.StringVar(&f.policy, "policy", "all", "compare the policies `a,b,...` with the baseline: names of [[policy]] tables, all for every one, a+b for policies run together")
	fs.StringVar(&f.rank, "rank", "convictions", "rank the policies by the effect on `OUTCOME`: "+strings.Join(compareOutcomeNames(), ", "))
	fs.IntVar(&f.replicates, "replicates", defaultCompareReplicates, "run each arm `N` times (at least 2); replicate r of every arm uses the stream (seed, r)")
	fs.Uint64Var(&f.seed, "seed", 0, "base the random streams on seed `S` (default the scenario's seed)")
	fs.StringVar(&f.window, "window", "", "average the outcomes over the years `FIRST:LAST` (default from the policies' first event to the end)")
	fs.Var(&f.sets, "set", "override the scenario in every arm: `path=value` (repeatable)")
	fs.IntVar(&f.workers, "workers", 0, "run `N` runs at a time (default one per CPU); the results do not depend on it")
	fs.StringVar(&f.out, "out", "", "write the results to `DIR` (default out/NAME-compare; a shard writes to DIR/shard-I-of-N)")
	fs.StringVar(&f.shard, "shard", "", "run only shard `I/N`: the runs whose index modulo N is I")
	fs.IntVar(&f.shards, "shards", 0, "with JOB_COMPLETION_INDEX (a Kubernetes Indexed Job), split the comparison into `N` shards")
	fs.BoolVar(&f.routes, "routes", true, "write routes.csv (-routes=false leaves out the largest file)")
	fs.BoolVar(&f.resume, "resume", false, "go on with the comparison in DIR: skip the runs it holds, run the rest, then write the table and charts")
	fs.BoolVar(&f.dryRun, "dry-run", false, "print the arms, the number of runs, an estimate of the CPU time and where the output goes; run nothing")
	fs.BoolVar(&f.quiet, "quiet", false, "print no progress on stderr")
	return withGiven(fs, func(ctx context.Context, e *env, given map[string]bool, args []string) error {
		return runCompare(ctx, e, f, given, args)
	})
}

func runCompare(ctx context.Context, e *env, f *compareFlags, given map[string]bool, args []string) error {
	file, err := scenarioArg(e, args)
	if err != nil {
		return err
	}
	if err := f.check(e, given); err != nil {
		return err
	}
	c, err := planCompare(e, f, given, file)
	if err != nil {
		return err
	}
	workers := f.workerCount(given)
	if f.dryRun {
		return c.dryRun(ctx, e, f, workers)
	}
	return c.run(ctx, e, f, workers)
}
