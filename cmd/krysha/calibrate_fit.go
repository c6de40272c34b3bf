package main

import (
	"context"
	"fmt"
	"math"
	"strconv"

	"github.com/krysha/krysha/internal/tomlx"
	"github.com/krysha/krysha/sim/analysis/calib"
	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/experiment/design"
	"github.com/krysha/krysha/sim/observed"
	"github.com/krysha/krysha/sim/scenario"
)

// fitBox checks the -fit factors against the scenario and returns the
// prior box. A calibration samples a prior, so each factor must be a
// range (path=lo:hi) of a number: a switch has no range to fit, and a
// grid or a list of values is a sweep's. Integer parameters are fitted
// as numbers and rounded when run (Factor.Int).
func fitBox(sc *scenario.Scenario, fs []design.Factor) ([]calib.Param, error) {
	bools, err := typeFactors(sc, fs)
	if err != nil {
		return nil, err
	}
	box := make([]calib.Param, len(fs))
	for j, f := range fs {
		switch {
		case bools[j]:
			return nil, &design.FactorError{Source: f.Source, Text: f.String(), Reason: "a switch cannot be fitted; compare it on and off with 'krysha explain' or a sweep"}
		case f.Kind() != "range":
			return nil, &design.FactorError{Source: f.Source, Text: f.String(), Reason: "give a range path=lo:hi, the support of the parameter's uniform prior"}
		}
		box[j] = calib.Param{Name: f.Path, Min: f.Lo, Max: f.Hi}
	}
	return box, nil
}

// calibObserved reads the observed rows the configuration names: the
// -observed file (relative to the working directory), the table's
// observed (relative to the scenario) or the scenario's own.
func calibObserved(sf *scenarioFile, st *study, c *calibConfig) ([]observed.Row, string, error) {
	var text []byte
	var name string
	var err error
	switch {
	case c.observedFrom == "-observed":
		name = c.observed
		text, err = readLimited(c.observed)
		if err != nil {
			return nil, "", &inputError{fmt.Errorf("-observed %s: %v", c.observed, unwrapPath(err))}
		}
	case c.observedFrom != "":
		text, name, err = sf.readRel(c.observed)
		if err != nil {
			return nil, "", &inputError{fmt.Errorf("%s: cannot read %s: %v", c.observedFrom, name, err)}
		}
	default:
		name = st.src.Scenario.Observed
		if name == "" {
			name = "(no observed file)"
		}
		return st.observed, name, nil
	}
	rows, err := observed.Parse(name, text)
	if err != nil {
		return nil, "", &inputError{err}
	}
	return rows, name, nil
}

// value returns θ_j as the parameter takes it: rounded for an integer
// parameter.
func (c *calibration) value(j int, theta float64) float64 {
	if c.factors[j].Int {
		return math.Round(theta)
	}
	return theta
}

// sets returns the -set overrides that put the scenario at θ.
func (c *calibration) sets(theta []float64) []string {
	out := make([]string, len(theta))
	for j, v := range theta {
		out[j] = c.factors[j].Path + "=" + strconv.FormatFloat(c.value(j, v), 'g', -1, 64)
	}
	return out
}

// simulate runs replicates first..first+n−1 at θ on the runner and
// returns their tables of the target metrics. Replicate r uses the
// stream (seed, r), as replicate r of every design point: common random
// numbers.
func (c *calibration) simulate(ctx context.Context, workers int, theta []float64, first, n int) ([]*calib.Table, error) {
	arm := experiment.Arm{Sets: c.sets(theta)}
	plan := *c.plan
	plan.Arms = &experiment.ArmList{Names: c.arms.Columns(), List: []experiment.Arm{arm}}
	plan.Replicates = first + n // run i is replicate i of the one arm
	metrics := targetMetrics(c.targets)
	out := make([]*calib.Table, n)
	runs := experiment.Indices(n)
	for i := range runs {
		runs[i] += first
	}
	rn := &experiment.Runner{Plan: &plan, Workers: min(workers, n)}
	err := rn.Run(ctx, runs, func(run int, res *experiment.Result, err error) error {
		if err != nil {
			return fmt.Errorf("the scenario at %v: %w", arm.Sets, err)
		}
		out[run-first] = calibRecordsTable(res.Start.Year(), res.Yearly, metrics)
		return nil
	})
	return out, err
}

// simulator is simulate as a calib.Simulator; each evaluation calls
// step, for progress.
func (c *calibration) simulator(ctx context.Context, workers int, step func()) calib.Simulator {
	return func(theta []float64, n int) ([]calib.Yearly, error) {
		tabs, err := c.simulate(ctx, workers, theta, 0, n)
		if err != nil {
			return nil, err
		}
		step()
		return calibYearlies(tabs), nil
	}
}

// calibYearlies views tables as calib.Yearly.
func calibYearlies(tabs []*calib.Table) []calib.Yearly {
	out := make([]calib.Yearly, len(tabs))
	for i, t := range tabs {
		out[i] = t
	}
	return out
}

// rounded returns θ as it is written to calibrated.toml: each value
// rounded to 4 significant digits (integers to whole numbers) and kept
// in its box. The final fit is evaluated there, so that calibrated.toml
// reproduces fit.csv exactly.
func (c *calibration) rounded(theta []float64) []float64 {
	out := make([]float64, len(theta))
	for j, v := range theta {
		r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 4, 64), 64)
		out[j] = c.value(j, math.Min(c.box[j].Max, math.Max(c.box[j].Min, r)))
	}
	return out
}

// calibParamValue reads the value at path in sc, as a float.
func calibParamValue(sc *scenario.Scenario, path string) (float64, bool) {
	v, err := tomlx.Resolve(sc, path)
	if err != nil || !v.IsValid() {
		return 0, false
	}
	switch {
	case v.CanFloat():
		return v.Float(), true
	case v.CanInt():
		return float64(v.Int()), true
	case v.CanUint():
		return float64(v.Uint()), true
	}
	return 0, false
}
