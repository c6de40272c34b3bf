package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/scenario"
)

// defaultCompareReplicates is -replicates' default: enough for the t
// interval to be close to the normal one (t(0.975, 29) = 2.05 against
// 1.96) and for the default comparison to take seconds.
const defaultCompareReplicates = 30

// compareKind is the kind of a comparison's design in its manifest.
const compareKind = "policies"

// A compareDesign is the design of a comparison, written as the
// manifest's design: the arms, baseline first, with what the analysis
// needs to redraw the table and charts from the directory alone.
type compareDesign struct {
	Kind string       `json:"kind"`
	Arms []compareArm `json:"arms"`
	// OfficialWeights are the officials of each role of the scenario
	// (experiment.OfficialWeights), the weights of the corrupt share
	// computed from yearly.csv.
	OfficialWeights []float64 `json:"official_weights"`
	// Rank is the outcome the policies were ranked by. It is not part
	// of what makes two directories the same comparison.
	Rank string `json:"rank"`
}

// A compareArm is the baseline or a policy, or policies run together.
type compareArm struct {
	// Name is "baseline", a policy's name, or names joined by "+".
	Name     string   `json:"name"`
	Policies []string `json:"policies"`
	// Description is the policies' descriptions, joined by " + ".
	Description string `json:"description"`
	// CostUSD is the stated yearly cost, summed over the policies.
	CostUSD float64 `json:"cost_usd"`
	// Start is the month of the arm's first event, "" for the baseline.
	Start string `json:"start"`
}

// A comparePlan is a comparison ready to run.
type comparePlan struct {
	st     *study
	sf     *scenarioFile
	plan   *experiment.Plan
	design compareDesign
	rank   int // into compareOutcomes
	shard  experiment.Shard
	dir    string
}

// planCompare turns the flags into a comparison, checking everything a
// user can get wrong before anything runs. Every error is a usage or
// input error.
func planCompare(e *env, f *compareFlags, given map[string]bool, file string) (*comparePlan, error) {
	rank, ok := compareOutcomeByName(f.rank)
	if !ok {
		return nil, e.usagef("-rank %q: want one of %s", f.rank, strings.Join(compareOutcomeNames(), ", "))
	}
	if f.replicates < 2 || f.replicates > scenario.MaxReplicates {
		return nil, e.usagef("-replicates must be in 2..%d (an interval needs two pairs), is %d", scenario.MaxReplicates, f.replicates)
	}
	sf, st, err := openAndLoad(file, f.sets)
	if err != nil {
		return nil, err
	}
	sc := st.src.Scenario
	arms, err := parsePolicies(sc, f.policy)
	if err != nil {
		return nil, e.usagef("-policy: %v", err)
	}
	win, err := compareWindow(sc, arms, f.window, given["window"])
	if err != nil {
		return nil, e.usagef("-window: %v", err)
	}
	seed := f.seedOr(sc.Seed, given)
	list := &experiment.ArmList{Names: []string{"policy"}}
	d := compareDesign{Kind: compareKind, OfficialWeights: experiment.OfficialWeights(sc), Rank: f.rank}
	for _, a := range arms {
		arm := experiment.Arm{Cells: []string{a.Name}, Args: []string{}, Events: a.events}
		if len(a.policies) > 0 {
			arm.Args = []string{"-policy", a.Name}
		}
		list.List = append(list.List, arm)
		d.Arms = append(d.Arms, a.compareArm)
	}
	plan := &experiment.Plan{Source: st.src, ScenarioArg: file, Arms: list, Replicates: f.replicates, Seed: seed, Window: win}
	// The policies were validated with the scenario, each alone; policies
	// run together may not be valid together (two scales past a bound).
	for i, a := range arms {
		if len(a.policies) > 1 {
			if _, err := plan.Scenario(i); err != nil {
				return nil, &inputError{fmt.Errorf("-policy %s: the policies together do not make a valid scenario:\n%v", a.Name, err)}
			}
		}
	}
	sh, dir, err := f.place(e, given, filepath.Join("out", sc.Name+"-compare"))
	if err != nil {
		return nil, err
	}
	return &comparePlan{st: st, sf: sf, plan: plan, design: d, rank: rank, shard: sh, dir: dir}, nil
}

// A plannedArm is an arm with the events that make it.
type plannedArm struct {
	compareArm
	policies []*scenario.Policy
	events   []scenario.Event
}

// parsePolicies reads -policy: names separated by commas, "all" for
// every policy of the scenario, and "a+b" for policies run together. The
// baseline comes first.
func parsePolicies(sc *scenario.Scenario, spec string) ([]plannedArm, error) {
	byName := map[string]*scenario.Policy{}
	var names []string
	for i := range sc.Policies {
		p := &sc.Policies[i]
		byName[p.Name] = p
		names = append(names, p.Name)
	}
	known := "the scenario has no [[policy]] tables"
	if len(names) > 0 {
		known = "the scenario's policies are " + strings.Join(names, ", ")
	}
	var items []string
	for _, it := range strings.Split(spec, ",") {
		it = strings.TrimSpace(it)
		switch it {
		case "":
			return nil, fmt.Errorf("%q: an empty name; give policies separated by commas", spec)
		case "all":
			if len(names) == 0 {
				return nil, fmt.Errorf("all: %s; add some, or name the policies", known)
			}
			items = append(items, names...)
		default:
			items = append(items, it)
		}
	}
	arms := []plannedArm{{compareArm: compareArm{Name: "baseline", Policies: []string{}}}}
	seen := map[string]bool{}
	for _, it := range items {
		var a plannedArm
		var parts []string
		for _, n := range strings.Split(it, "+") {
			n = strings.TrimSpace(n)
			switch {
			case n == "baseline":
				return nil, fmt.Errorf("%s: the baseline is always run; name the policies to compare with it", it)
			case byName[n] == nil:
				return nil, fmt.Errorf("%s: unknown policy %q; %s", it, n, known)
			case slices.Contains(parts, n):
				return nil, fmt.Errorf("%s: %s is named twice", it, n)
			}
			parts = append(parts, n)
			a.policies = append(a.policies, byName[n])
		}
		a.Name = strings.Join(parts, "+")
		if seen[a.Name] {
			return nil, fmt.Errorf("%s is given twice", a.Name)
		}
		seen[a.Name] = true
		var descs []string
		start := scenario.Month(-1)
		for _, p := range a.policies {
			a.Policies = append(a.Policies, p.Name)
			a.CostUSD += p.Cost
			if p.Description != "" {
				descs = append(descs, p.Description)
			}
			for _, ev := range p.Events {
				if start < 0 || ev.At < start {
					start = ev.At
				}
			}
			a.events = append(a.events, p.Events...)
		}
		a.Description = strings.Join(descs, " + ")
		a.Start = start.String()
		arms = append(arms, a)
	}
	return arms, nil
}

// compareWindow returns -window clipped to the scenario's years, or by
// default the years from the earliest event of the arms to the end.
func compareWindow(sc *scenario.Scenario, arms []plannedArm, flag string, given bool) (experiment.Window, error) {
	if given {
		return clippedWindow(sc, flag)
	}
	first := sc.End.Year()
	for _, a := range arms {
		for _, ev := range a.events {
			first = min(first, ev.At.Year())
		}
	}
	return experiment.Window{First: max(first, sc.Start.Year()), Last: sc.End.Year()}, nil
}

// manifest returns the comparison's manifest, before it runs.
func (c *comparePlan) manifest(workers int, routes bool) *experiment.StudyManifest {
	d, err := json.Marshal(c.design)
	if err != nil {
		panic("krysha: a comparison's design cannot be written as JSON: " + err.Error())
	}
	return newStudyManifest("compare", c.st, c.sf, c.plan, c.shard, d, workers, routes)
}

// readCompareDesign reads the design of a comparison's manifest.
func readCompareDesign(man *experiment.StudyManifest) (*compareDesign, error) {
	d := new(compareDesign)
	if err := json.Unmarshal(man.Design, d); err != nil || d.Kind != compareKind {
		return nil, fmt.Errorf("the manifest's design is not a comparison of policies")
	}
	if len(d.Arms) != man.Arms || len(d.Arms) < 1 {
		return nil, fmt.Errorf("the manifest's design has %d arms, the manifest %d", len(d.Arms), man.Arms)
	}
	return d, nil
}

// sameComparison is SameStudy, but for the outcome the policies are
// ranked by, which a comparison may change when it is resumed or
// redrawn.
func sameComparison(old, man *experiment.StudyManifest) error {
	o := *old
	if d, err := readCompareDesign(old); err == nil {
		if nd, err := readCompareDesign(man); err == nil {
			d.Rank = nd.Rank
			o.Design, _ = json.Marshal(d)
		}
	}
	return o.SameStudy(man)
}
