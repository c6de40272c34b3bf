package experiment

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/krysha/krysha/sim/scenario"
)

// A Plan is what a study runs: every arm of a base scenario, each
// Replicates times. Run i is replicate i mod Replicates of arm
// i / Replicates (arm-major), and replicate r of every arm uses the
// random stream (Seed, r): arms are compared on common random numbers,
// and a run is reproduced alone by `krysha run -seed Seed -first r
// -replicates 1` with the arm's overrides (see Command).
type Plan struct {
	// Source is the base scenario: its text and the -set overrides of
	// the whole study. Every arm is parsed from the text with the base
	// overrides and then its own.
	Source *scenario.Source
	// ScenarioArg is the scenario as given on the command line, written
	// into the commands that reproduce runs; "" for the embedded default.
	ScenarioArg string
	// Arms are the variants of the base the study compares.
	Arms Arms
	// Replicates is R ≥ 1, the runs of each arm.
	Replicates int
	// Seed is the base of every random stream.
	Seed uint64
	// Window is the span of years the summary outcomes of runs.csv
	// average over.
	Window Window
}

// Runs is the number of runs of the plan: arms × replicates.
func (p *Plan) Runs() int { return p.Arms.Len() * p.Replicates }

// Locate returns the arm and the replicate of run i.
func (p *Plan) Locate(run int) (arm, rep int) { return run / p.Replicates, run % p.Replicates }

// Index returns the run of replicate rep of arm.
func (p *Plan) Index(arm, rep int) int { return arm*p.Replicates + rep }

// check reports a plan that cannot run; a programmer's error.
func (p *Plan) check() error {
	switch {
	case p.Source == nil || p.Source.Scenario == nil:
		return fmt.Errorf("experiment: plan without a scenario")
	case p.Arms == nil || p.Arms.Len() < 1:
		return fmt.Errorf("experiment: plan without arms")
	case p.Replicates < 1:
		return fmt.Errorf("experiment: plan with %d replicates", p.Replicates)
	}
	return nil
}

// Command returns the command line that reproduces run i alone:
//
//	krysha run -seed S -first r -replicates 1 [-set base...] [arm args...] [SCENARIO]
//
// (the scenario last: flags end at the first argument). Its yearly.csv
// holds the same numbers as the run's rows in the study's yearly.csv.
// Words that the shell would split or expand are quoted.
func (p *Plan) Command(run int) string {
	a, rep := p.Locate(run)
	w := []string{"krysha", "run", "-seed", strconv.FormatUint(p.Seed, 10), "-first", strconv.Itoa(rep), "-replicates", "1"}
	for _, s := range p.Source.Sets {
		w = append(w, "-set", s)
	}
	arm := p.Arms.Arm(a)
	w = append(w, arm.RunArgs()...)
	if p.ScenarioArg != "" {
		w = append(w, p.ScenarioArg)
	}
	for i := range w {
		w[i] = shellQuote(w[i])
	}
	return strings.Join(w, " ")
}

// shellQuote quotes s for a POSIX shell when it holds anything but
// letters, digits and the harmless punctuation of paths and numbers.
func shellQuote(s string) string {
	safe := s != ""
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_.,:=/+@%", r)) {
			safe = false
			break
		}
	}
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// Scenario builds arm a's scenario: the base text parsed with the base
// overrides and the arm's, then the arm's events added and the whole
// validated. An error names the arm's problems, each "KEY: message".
func (p *Plan) Scenario(a int) (*scenario.Scenario, error) {
	arm := p.Arms.Arm(a)
	src := p.Source
	sets := append(append([]string(nil), src.Sets...), arm.Sets...)
	s, err := scenario.Parse(src.Name, src.Text, sets)
	if err != nil {
		return nil, err
	}
	sc := s.Scenario
	if len(arm.Events) > 0 {
		sc.Events = append(sc.Events, arm.Events...)
		if probs := sc.Validate(); len(probs) > 0 {
			var b strings.Builder
			for i, pr := range probs {
				if i > 0 {
					b.WriteByte('\n')
				}
				fmt.Fprintf(&b, "%s: %s", pr.Key, pr.Msg)
			}
			return nil, fmt.Errorf("%s", b.String())
		}
	}
	return sc, nil
}

// Arms is the table of a study's arms: Len rows, each with a value in
// every one of Columns.
type Arms interface {
	// Len is the number of arms, at least one.
	Len() int
	// Columns name what tells the arms apart, e.g. the varied
	// parameters' paths; they head columns of runs.csv and failures.csv.
	Columns() []string
	// Arm returns arm i, 0 ≤ i < Len(). It is a pure function of i.
	Arm(i int) Arm
}

// An Arm is one variant of the base scenario.
type Arm struct {
	// Cells are the arm's values in the Columns of its Arms, as written
	// in the CSV files.
	Cells []string
	// Sets are overrides, "dotted.path=value" as after -set, applied
	// after the base's.
	Sets []string
	// Events are added to the scenario's own, e.g. a policy's, or a
	// mechanism switched off from a month on (set mechanisms.X = false).
	// Set values are float64 or bool, as in a decoded scenario.
	Events []scenario.Event
	// Args are the arguments of `krysha run` that build the arm, for
	// Plan.Command; nil means "-set S" for each of Sets. An arm with
	// Events should give them (e.g. "-policy NAME"), or its command
	// will not reproduce it.
	Args []string
}

// RunArgs returns Args, or the -set arguments of Sets if Args is nil.
func (a *Arm) RunArgs() []string {
	if a.Args != nil {
		return a.Args
	}
	out := make([]string, 0, 2*len(a.Sets))
	for _, s := range a.Sets {
		out = append(out, "-set", s)
	}
	return out
}

// ArmList is Arms held in a slice, for studies of a few named arms
// (policies, mechanism switches).
type ArmList struct {
	Names []string // the columns
	List  []Arm
}

// Len returns len(List).
func (l *ArmList) Len() int { return len(l.List) }

// Columns returns Names.
func (l *ArmList) Columns() []string { return l.Names }

// Arm returns List[i].
func (l *ArmList) Arm(i int) Arm { return l.List[i] }

// ReplicatesPlan is the plan of `krysha run`: the base scenario alone,
// replicates 0..reps-1 of seed, run i being replicate i. Run a Runner
// over the replicates wanted (e.g. first..first+n-1).
func ReplicatesPlan(src *scenario.Source, seed uint64, reps int) *Plan {
	sc := src.Scenario
	return &Plan{Source: src, Arms: &ArmList{List: []Arm{{}}}, Replicates: reps, Seed: seed,
		Window: DefaultWindow(sc.Start, sc.End)}
}
