package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/experiment/design"
	"github.com/krysha/krysha/sim/scenario"
)

// A sweep is a sweep ready to run: its plan, its design and where its
// files go.
type sweep struct {
	st      *study
	sf      *scenarioFile
	plan    *experiment.Plan
	design  design.Design
	factors []design.Factor
	shard   experiment.Shard
	dir     string
}

// planSweep turns the flags and the scenario's [sweep] table into a
// sweep, checking everything a user can get wrong before anything runs.
// Every error is a usage or input error.
func planSweep(e *env, f *sweepFlags, given map[string]bool, file string) (*sweep, error) {
	sf, st, err := openAndLoad(file, f.sets)
	if err != nil {
		return nil, err
	}
	sc := st.src.Scenario
	c, err := readSweepTable(sf, sc.Sweep)
	if err != nil {
		return nil, err
	}
	// Flags win over the table.
	if given["design"] || c.design == "" {
		c.design = f.design
	}
	if given["samples"] {
		c.samples = f.samples
	}
	if given["replicates"] {
		c.replicates = f.replicates
	}
	windowFrom := fmt.Sprintf("%s:%d: sweep.window", sf.name, sf.line("sweep.window"))
	if given["window"] {
		c.window, windowFrom = f.window, "-window"
	}
	if len(f.vary) > 0 {
		c.vary, c.varySource = f.vary, "-vary"
	}
	if len(c.vary) == 0 {
		return nil, e.usagef("nothing to vary: give -vary path=lo:hi:n (repeatable), or a vary list in the scenario's [sweep] table")
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
	d, err := newDesign(e, c, fs, seed, given["samples"])
	if err != nil {
		return nil, err
	}
	reps := sc.Replicates
	if c.replicates > 0 {
		reps = c.replicates
	}
	if reps < 1 || reps > scenario.MaxReplicates {
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
	sh, dir, err := f.place(e, given, filepath.Join("out", sc.Name+"-sweep"))
	if err != nil {
		return nil, err
	}
	return &sweep{st: st, sf: sf, plan: plan, design: d, factors: d.Spec().Factors, shard: sh, dir: dir}, nil
}

// newDesign makes the design c asks for over fs.
func newDesign(e *env, c *sweepConfig, fs []design.Factor, seed uint64, samplesFlag bool) (design.Design, error) {
	var d design.Design
	var err error
	switch design.Kind(c.design) {
	case design.KindGrid:
		if samplesFlag {
			return nil, e.usagef("-samples is for -design lhs or sobol; a grid has a point for every combination of levels")
		}
		d, err = design.NewGrid(fs)
	case design.KindLHS, design.KindSobol:
		if c.samples < 1 {
			return nil, e.usagef("-design %s needs -samples N, the number of points (or samples in the [sweep] table)", c.design)
		}
		if design.Kind(c.design) == design.KindLHS {
			d, err = design.NewLatinHypercube(fs, c.samples, seed, nil)
		} else {
			d, err = design.NewSobol(fs, c.samples, seed, nil)
		}
	default:
		return nil, e.usagef("-design %q: want grid, lhs or sobol", c.design)
	}
	if err != nil {
		return nil, &inputError{err}
	}
	return d, nil
}

// checkExtremes builds the scenario at the corners of the factors'
// ranges, so that a range outside a parameter's valid values is a usage
// error now rather than a failure of every run later.
func checkExtremes(p *experiment.Plan, arms *experiment.DesignArms, source string) error {
	ext := arms.Extremes()
	q := *p
	q.Arms = ext
	for i := range ext.Len() {
		if _, err := q.Scenario(i); err != nil {
			return &inputError{fmt.Errorf("%s: the point %s is not a valid scenario:\n%v",
				source, strings.Join(ext.List[i].Sets, " "), err)}
		}
	}
	return nil
}

// manifest returns the sweep's manifest, before it runs.
func (s *sweep) manifest(workers int, routes bool) *experiment.StudyManifest {
	spec, err := json.Marshal(s.design.Spec())
	if err != nil {
		panic("krysha: a design spec cannot be written as JSON: " + err.Error())
	}
	return newStudyManifest("sweep", s.st, s.sf, s.plan, s.shard, spec, workers, routes)
}
