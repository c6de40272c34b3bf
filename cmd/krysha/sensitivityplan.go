package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"

	"github.com/krysha/krysha/sim/analysis/gsa"
	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/experiment/design"
	"github.com/krysha/krysha/sim/scenario"
)

// The methods of krysha sensitivity.
const (
	methodMorris = "morris"
	methodSobol  = "sobol"
)

// Defaults when neither a flag nor the [sensitivity] table gives a size.
const (
	defaultTrajectories = 20  // Campolongo et al. (2007) find 10-20 enough to rank
	defaultSamples      = 512 // base rows; a power of two
	defaultSensReps     = 2   // the fewest replicates that measure noise
)

// A sensitivity is a sensitivity analysis ready to run: its plan, its
// design (Saltelli or Morris) and where its files go.
type sensitivity struct {
	studyRun
	method    string
	sample    design.Design // the Morris or Saltelli design
	factors   []design.Factor
	byYear    bool
	resamples int
}

// planSensitivity turns the flags and the scenario's [sensitivity] table
// into an analysis, checking everything a user can get wrong before
// anything runs. Every error is a usage or input error.
func planSensitivity(e *env, f *sensitivityFlags, given map[string]bool, file string) (*sensitivity, error) {
	sf, st, err := openAndLoad(file, f.sets)
	if err != nil {
		return nil, err
	}
	sc := st.src.Scenario
	c, err := readSensitivityTable(sf, sc.Sensitivity)
	if err != nil {
		return nil, err
	}
	// Flags win over the table; the table over the defaults.
	pick := func(flag string, fv, tv, def int) int {
		switch {
		case given[flag]:
			return fv
		case tv > 0:
			return tv
		}
		return def
	}
	if given["method"] || c.method == "" {
		c.method = f.method
	}
	c.trajectories = pick("trajectories", f.trajectories, c.trajectories, defaultTrajectories)
	c.levels = pick("levels", f.levels, c.levels, gsa.DefaultMorrisLevels)
	c.samples = pick("samples", f.samples, c.samples, defaultSamples)
	c.replicates = pick("replicates", f.replicates, c.replicates, defaultSensReps)
	if given["by-year"] {
		c.byYear = f.byYear
	}
	windowFrom := fmt.Sprintf("%s:%d: sensitivity.window", sf.name, sf.line("sensitivity.window"))
	if given["window"] {
		c.window, windowFrom = f.window, "-window"
	}
	if len(f.vary) > 0 {
		c.vary, c.varySource = f.vary, "-vary"
	}
	if c.method != methodMorris && c.method != methodSobol {
		return nil, e.usagef("-method %q: want morris or sobol", c.method)
	}
	if given["trajectories"] && c.method != methodMorris || given["levels"] && c.method != methodMorris {
		return nil, e.usagef("-trajectories and -levels are for -method morris; Sobol's size is -samples")
	}
	if given["samples"] && c.method != methodSobol {
		return nil, e.usagef("-samples is for -method sobol; Morris's size is -trajectories")
	}
	if c.method == methodSobol && c.samples < 2 {
		return nil, e.usagef("-samples must be at least 2 for Sobol indices, is %d", c.samples)
	}
	if len(c.vary) == 0 {
		return nil, e.usagef("nothing to vary: give -vary path=lo:hi (repeatable), or a vary list in the scenario's [sensitivity] table")
	}
	fs, err := design.ParseFactors(c.varySource, c.vary)
	if err != nil {
		return nil, &inputError{err}
	}
	bools, err := typeFactors(sc, fs)
	if err != nil {
		return nil, &inputError{err}
	}
	seed := f.seedOr(sc.Seed, given)
	var d design.Design
	if c.method == methodMorris {
		d, err = design.NewMorris(fs, c.trajectories, seed, &design.MorrisOptions{Levels: c.levels})
	} else {
		d, err = design.NewSaltelli(fs, c.samples, seed, nil)
	}
	if err != nil {
		return nil, &inputError{err}
	}
	reps := c.replicates
	if reps > scenario.MaxReplicates {
		return nil, e.usagef("-replicates must be in 1..%d, is %d", scenario.MaxReplicates, reps)
	}
	if err := checkRuns(e, d.Len(), reps); err != nil {
		return nil, err
	}
	win := experiment.DefaultWindow(sc.Start, sc.End)
	if c.window != "" {
		if win, err = clippedWindow(sc, c.window); err != nil {
			return nil, e.usagef("%s: %v", windowFrom, err)
		}
	}
	arms := experiment.NewDesignArms(d, bools)
	plan := &experiment.Plan{Source: st.src, ScenarioArg: file, Arms: arms, Replicates: reps, Seed: seed, Window: win}
	if err := checkExtremes(plan, arms, c.varySource); err != nil {
		return nil, err
	}
	sh, dir, err := f.place(e, given, filepath.Join("out", sc.Name+"-"+c.method))
	if err != nil {
		return nil, err
	}
	return &sensitivity{
		studyRun: studyRun{command: "sensitivity", st: st, sf: sf, plan: plan, design: designJSON(d), shard: sh, dir: dir},
		method:   c.method, sample: d, factors: d.Spec().Factors, byYear: c.byYear, resamples: f.resamples,
	}, nil
}

// designJSON is the manifest's design of an analysis: the design.Spec,
// whose kind (saltelli or morris) names the method, without the factors'
// Source: where a range was written (-vary, or the table at some line)
// does not change the study, and must not keep the same study from being
// resumed or merged.
func designJSON(d design.Design) json.RawMessage {
	ds := d.Spec()
	for i := range ds.Factors {
		ds.Factors[i].Source = ""
	}
	spec, err := json.Marshal(ds)
	if err != nil {
		panic("krysha: a design spec cannot be written as JSON: " + err.Error())
	}
	return spec
}
