package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"

	"github.com/krysha/krysha/sim"
	"github.com/krysha/krysha/sim/analysis/shapley"
	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/scenario"
)

func init() {
	register(&command{
		name:    "explain",
		args:    "[flags] [SCENARIO.toml]",
		summary: "attribute a change between two years to the mechanisms (Shapley values)",
		doc: `
Explain attributes the change of a metric between two years (by default the
fall in trafficking prosecutions from 2011 to 2012 in the embedded Kazakhstan
scenario) to the model's mechanisms. The counterfactual of a mechanism is the
scenario with its switch (mechanisms.X) turned off from -since on; an arm is
a coalition of mechanisms left on, every other player off from -since. The
value of an arm is the change of the metric from -from to -to in it, and a
mechanism's contribution is its Shapley value: its marginal effect averaged
over the orders in which the mechanisms could be switched on, so that
interactions are shared fairly and the contributions and the change left
with every player off (the baseline) add up to the full model's change.

With at most 10 players every subset is run (2^n arms, 1,024 for 10); with
more, -permutations orderings (with their reverses) are sampled. Players are
the mechanisms on in the scenario, or those of -mechanisms; -group name=a,b,c
makes mechanisms one player. Every arm runs -replicates replicates with
common random numbers on the sweep's runner: progress, -workers, -shard,
-resume and -dry-run work as for sweep, and runs.csv, yearly.csv,
failures.csv and manifest.json are written as it goes. Then it prints a
table (contribution, 90% interval of the per-replicate contributions, share
of the change) and writes:

	explain.csv   one row a player, then the baseline and the total
	explain.png   a waterfall from the -from value to the -to value of the
	              full model through the baseline and each contribution
	report.txt    the table printed on stdout

The runs do not depend on -metric, -from and -to: -resume on a finished
directory explains another change of the same arms without running them.
docs/explain.md describes the method. Exit status as for sweep.`,
		example: `krysha explain -metric prosecutions -from 2011 -to 2012 -since 2008-01 -replicates 30 -out out/explain
krysha explain -mechanisms bribery,patronage,protection,others -group others=learning,entry -dry-run`,
		setup: setupExplain,
	})
}

type explainFlags struct {
	studyFlags
	metric       string
	from, to     int
	since        string
	replicates   int
	mechanisms   string
	groups       stringList
	permutations int
}

func setupExplain(fs *flag.FlagSet) func(context.Context, *env, []string) error {
	f := new(explainFlags)
	fs.StringVar(&f.metric, "metric", "prosecutions", "explain the change of `METRIC` (a column of yearly.csv)")
	fs.IntVar(&f.from, "from", 2011, "from the value in `YEAR`")
	fs.IntVar(&f.to, "to", 2012, "to the value in `YEAR`")
	fs.StringVar(&f.since, "since", "2008-01", "switch mechanisms off from `YYYY-MM` in the counterfactual arms")
	fs.IntVar(&f.replicates, "replicates", 30, "run each arm `N` times")
	fs.StringVar(&f.mechanisms, "mechanisms", "", "the players: `a,b,c`, mechanisms or -group names (default every mechanism on in the scenario)")
	fs.Var(&f.groups, "group", "make mechanisms one player: `name=a,b,c` (repeatable)")
	fs.IntVar(&f.permutations, "permutations", shapley.DefaultPermutations, "with more than 10 players, sample `K` orderings (half of them the reverses of the others)")
	f.define(fs, "explanation", "out/NAME-explain")
	return withGiven(fs, func(ctx context.Context, e *env, given map[string]bool, args []string) error {
		return runExplain(ctx, e, f, given, args)
	})
}

// An explanation is checked and planned: its players, the Shapley plan
// of their coalitions and the study that runs them as arms.
type explanation struct {
	studyRun
	metric   string
	from, to int
	since    scenario.Month
	players  []explainPlayer
	excluded []string // mechanisms off in the scenario
	splan    *shapley.Plan
	arms     *explainArms
}

// explainDesign is the manifest's description of the arms: what the
// runs depend on, not the metric and years explained.
type explainDesign struct {
	Method       string          `json:"method"` // "exact" or "sampled"
	Since        string          `json:"since"`
	Players      []explainPlayer `json:"players"`
	Permutations int             `json:"permutations,omitempty"`
	Antithetic   bool            `json:"antithetic,omitempty"`
	Arms         int             `json:"arms"`
}

func runExplain(ctx context.Context, e *env, f *explainFlags, given map[string]bool, args []string) error {
	file, err := scenarioArg(e, args)
	if err != nil {
		return err
	}
	if err := f.check(e, given); err != nil {
		return err
	}
	x, err := planExplanation(e, f, given, file)
	if err != nil {
		return err
	}
	workers := f.workerCount(given)
	if f.dryRun {
		return x.dryRun(ctx, e, workers)
	}
	out, err := x.execute(ctx, e, &f.studyFlags, workers)
	if err != nil {
		return err
	}
	if out.failed > 0 {
		return x.failedError(out.failed)
	}
	if !out.whole {
		x.shardDone(e, f.quiet)
		return nil
	}
	return x.analyse(e, out)
}

// planExplanation checks the flags against the scenario and makes the
// plan. Every error is a usage or input error.
func planExplanation(e *env, f *explainFlags, given map[string]bool, file string) (*explanation, error) {
	if f.replicates < 1 || f.replicates > scenario.MaxReplicates {
		return nil, e.usagef("-replicates must be in 1..%d, is %d", scenario.MaxReplicates, f.replicates)
	}
	if f.from == f.to {
		return nil, e.usagef("-from and -to are the same year, %d: there is no change to explain", f.from)
	}
	if _, ok := sim.MetricByName(f.metric); !ok {
		return nil, e.usagef("-metric: %v", calibUnknownMetric(f.metric))
	}
	var since scenario.Month
	if err := since.UnmarshalText([]byte(f.since)); err != nil {
		return nil, e.usagef("-since %q: want a month YYYY-MM, e.g. 2008-01", f.since)
	}
	sf, st, err := openAndLoad(file, f.sets)
	if err != nil {
		return nil, err
	}
	sc := st.src.Scenario
	first, last := sc.Start.Year(), sc.End.Year()
	for _, y := range []struct {
		name string
		year int
	}{{"-from", f.from}, {"-to", f.to}} {
		if y.year < first || y.year > last {
			return nil, e.usagef("%s %d is outside the scenario's years %d-%d", y.name, y.year, first, last)
		}
	}
	if since < sc.Start || since > sc.End {
		return nil, e.usagef("-since %s is outside the scenario's months %s to %s", since, sc.Start, sc.End)
	}
	players, off, err := explainPlayers(sc, f.groups, f.mechanisms)
	if err != nil {
		return nil, e.usagef("%v", err)
	}
	seed := f.seedOr(sc.Seed, given)
	d := explainDesign{Since: since.String(), Players: players}
	var sp *shapley.Plan
	if len(players) <= shapley.MaxExact {
		d.Method = "exact"
		sp, err = shapley.NewExactPlan(len(players))
	} else {
		if f.permutations < 4 {
			return nil, e.usagef("-permutations must be at least 4 (two orderings and their reverses), is %d", f.permutations)
		}
		d.Method, d.Permutations, d.Antithetic = "sampled", f.permutations, true
		// The orderings come from their own stream of the seed, so that
		// a resume or a shard draws the same ones.
		sp, err = shapley.NewSamplePlan(len(players), &shapley.SampleSettings{
			Permutations: f.permutations, Antithetic: true, Src: rand.NewPCG(seed, explainStream)})
	}
	if err != nil {
		return nil, e.usagef("%v", err)
	}
	arms := &explainArms{players: players, masks: sp.Arms(), since: since, base: sc.Events}
	d.Arms = arms.Len()
	plan := &experiment.Plan{Source: st.src, ScenarioArg: file, Arms: arms, Replicates: f.replicates, Seed: seed,
		Window: experiment.DefaultWindow(sc.Start, sc.End)}
	sh, dir, err := f.place(e, given, filepath.Join("out", sc.Name+"-explain"))
	if err != nil {
		return nil, err
	}
	spec, err := json.Marshal(d)
	if err != nil {
		panic("krysha: an explanation's design cannot be written as JSON: " + err.Error())
	}
	timing := *plan
	timing.Arms = &experiment.ArmList{Names: arms.Columns(), List: []experiment.Arm{arms.Arm(arms.Len() - 1)}}
	return &explanation{
		studyRun: studyRun{command: "explain", st: st, sf: sf, plan: plan, design: spec, shard: sh, dir: dir, timing: &timing},
		metric:   f.metric, from: f.from, to: f.to, since: since,
		players: players, excluded: off, splan: sp, arms: arms,
	}, nil
}

// explainStream is the stream of the seed the sampled orderings are
// drawn from: replicates use streams 0, 1, ..., far below it.
const explainStream = 0x5348_4150 // "SHAP"

// dryRun prints what the explanation would do and how long it would
// take, and runs nothing but the one timed run.
func (x *explanation) dryRun(ctx context.Context, e *env, workers int) error {
	w := e.stdout
	p := x.plan
	fmt.Fprintf(w, "explanation of the change in %s from %d to %d in %s (%s), mechanisms off from %s, seed %d\n",
		x.metric, x.from, x.to, p.Source.Scenario.Name, x.sf.name, x.since, p.Seed)
	for _, pl := range x.players {
		if len(pl.Mechanisms) == 1 && pl.Mechanisms[0] == pl.Name {
			fmt.Fprintf(w, "\t%s\n", pl.Name)
		} else {
			fmt.Fprintf(w, "\t%s = %s\n", pl.Name, strings.Join(pl.Mechanisms, ", "))
		}
	}
	if len(x.excluded) > 0 {
		fmt.Fprintf(w, "off in the scenario, not players: %s\n", strings.Join(x.excluded, ", "))
	}
	method := fmt.Sprintf("exact Shapley values over %d players: every subset", len(x.players))
	if !x.splan.Exact() {
		method = fmt.Sprintf("sampled Shapley values over %d players: %d orderings (half reversed)", len(x.players), len(x.splan.Permutations()))
	}
	fmt.Fprintf(w, "%s, %d arms × %d replicates = %d runs", method, p.Arms.Len(), p.Replicates, p.Runs())
	if !x.shard.Whole() {
		fmt.Fprintf(w, "; shard %s has %d", x.shard, len(x.shard.Runs(p.Runs())))
	}
	fmt.Fprintln(w)
	return x.dryRunTiming(ctx, w, workers, 0)
}
