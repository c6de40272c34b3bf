package main

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"

	"github.com/krysha/krysha/sim/analysis/effects"
	"github.com/krysha/krysha/sim/experiment"
)

// numCompareOutcomes is the number of a comparison's outcomes.
const numCompareOutcomes = len(compareOutcomes)

// A comparison is a comparison analysed: every run's outcomes and each
// policy's effects. It is made from the directory's manifest and
// yearly.csv alone, so that it can be redrawn without the scenario.
type comparison struct {
	scenario string
	seed     uint64
	reps     int
	window   experiment.Window
	rank     int // into compareOutcomes
	design   *compareDesign
	// runs[a][r] is replicate r of arm a (arm 0 the baseline), nil if
	// it is not in yearly.csv (it failed).
	runs      [][]*compareRun
	firstYear int
	// policies are arms 1.. in arm order; order ranks them, the
	// greatest improvement of the ranked outcome first.
	policies []policyResult
	order    []int
}

// A compareRun is one run's outcomes: per year from firstYear, and
// their means over the window.
type compareRun struct {
	yearly []compareValues
	window compareValues
}

type compareValues [numCompareOutcomes]float64

// A policyResult is one arm's effects against the baseline.
type policyResult struct {
	arm int
	compareArm
	// pairs counts the replicates of both this arm and the baseline.
	pairs   int
	effects [numCompareOutcomes]effects.Effect
}

// noEffect stands for an effect that cannot be estimated (fewer than
// two pairs): every number NaN.
func noEffect(pairs int) effects.Effect {
	nan := math.NaN()
	return effects.Effect{N: pairs, Baseline: nan, Arm: nan, Mean: nan, SD: nan, SE: nan, Level: effects.DefaultLevel,
		Lo: nan, Hi: nan, Relative: nan, UnpairedSE: nan, VarianceReduction: nan}
}

// analyzeCompare reads the comparison in dir, whose manifest is man,
// and estimates the effects.
func analyzeCompare(dir string, man *experiment.StudyManifest) (*comparison, error) {
	d, err := readCompareDesign(man)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	rank, ok := compareOutcomeByName(d.Rank)
	if !ok {
		rank, _ = compareOutcomeByName("convictions")
	}
	c := &comparison{scenario: man.Scenario, seed: man.Seed, reps: man.Replicates, window: man.Window, rank: rank, design: d}
	if err := c.read(filepath.Join(dir, experiment.YearlyFile)); err != nil {
		return nil, err
	}
	for a := 1; a < len(d.Arms); a++ {
		c.policies = append(c.policies, c.effectsOf(a))
	}
	ranked := make([]effects.Effect, len(c.policies))
	for i, p := range c.policies {
		ranked[i] = p.effects[rank]
	}
	c.order = effects.Rank(ranked, compareOutcomes[rank].better)
	return c, nil
}

// read reads yearly.csv into c.runs, computing each run's outcomes.
func (c *comparison) read(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	c.runs = make([][]*compareRun, len(c.design.Arms))
	for a := range c.runs {
		c.runs[a] = make([]*compareRun, c.reps)
	}
	first := true
	err = experiment.ReadYearly(f, func(row *experiment.YearlyRow) error {
		if row.Point < 0 || row.Point >= len(c.runs) || row.Replicate < 0 || row.Replicate >= c.reps {
			return fmt.Errorf("%s: run %d (arm %d, replicate %d) is not of this comparison of %d arms × %d replicates",
				path, row.Run, row.Point, row.Replicate, len(c.runs), c.reps)
		}
		if first {
			c.firstYear, first = row.Year, false
		}
		y := row.Year - c.firstYear
		if y < 0 {
			return fmt.Errorf("%s: run %d has year %d, before the first year %d", path, row.Run, row.Year, c.firstYear)
		}
		run := c.runs[row.Point][row.Replicate]
		if run == nil {
			run = new(compareRun)
			c.runs[row.Point][row.Replicate] = run
		}
		for len(run.yearly) <= y {
			run.yearly = append(run.yearly, compareValues{})
		}
		for o := range compareOutcomes {
			run.yearly[y][o] = compareOutcomes[o].value(&row.Record, c.design.OfficialWeights)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, arm := range c.runs {
		for _, run := range arm {
			if run != nil {
				run.window = c.windowMeans(run.yearly)
			}
		}
	}
	return nil
}

// windowMeans averages the years of the window, as experiment.Summarize
// does for runs.csv: in year order, over the years the run has.
func (c *comparison) windowMeans(yearly []compareValues) compareValues {
	var sum compareValues
	n := 0
	for y := max(c.window.First, c.firstYear); y <= c.window.Last && y-c.firstYear < len(yearly); y++ {
		n++
		for o := range sum {
			sum[o] += yearly[y-c.firstYear][o]
		}
	}
	if n > 0 {
		for o := range sum {
			sum[o] /= float64(n)
		}
	}
	return sum
}

// effectsOf estimates the effects of arm a from the replicates that
// both it and the baseline have.
func (c *comparison) effectsOf(a int) policyResult {
	p := policyResult{arm: a, compareArm: c.design.Arms[a]}
	var reps []int
	for r := range c.reps {
		if c.runs[0][r] != nil && c.runs[a][r] != nil {
			reps = append(reps, r)
		}
	}
	p.pairs = len(reps)
	arm, base := make([]float64, len(reps)), make([]float64, len(reps))
	for o := range compareOutcomes {
		for i, r := range reps {
			arm[i], base[i] = c.runs[a][r].window[o], c.runs[0][r].window[o]
		}
		e, err := effects.Paired(arm, base, effects.DefaultLevel)
		if err != nil {
			e = noEffect(len(reps))
		}
		p.effects[o] = e
	}
	return p
}

// costPerUnit is the policy's yearly cost per unit of its effect on
// outcome o, NaN where that means nothing (see effects.CostPerUnit).
func (p *policyResult) costPerUnit(o int) float64 {
	return effects.CostPerUnit(p.CostUSD, p.effects[o], compareOutcomes[o].better)
}

// vrfSummary returns, for outcome o, the median, least and greatest
// variance reduction factor over the policies whose factor is defined.
func (c *comparison) vrfSummary(o int) (median, lo, hi float64, n int) {
	var v []float64
	for _, p := range c.policies {
		if f := p.effects[o].VarianceReduction; !math.IsNaN(f) {
			v = append(v, f)
		}
	}
	if len(v) == 0 {
		return math.NaN(), math.NaN(), math.NaN(), 0
	}
	slices.Sort(v)
	return experiment.Quantile(0.5, v), v[0], v[len(v)-1], len(v)
}

// series returns, per year, the mean and the 90% interval (see
// experiment.Quantile) of outcome o across the runs of arm a.
func (c *comparison) series(a, o int) (years, mean, lo, hi []float64) {
	var col []float64
	for y := 0; ; y++ {
		col = col[:0]
		sum := 0.0
		for _, run := range c.runs[a] {
			if run != nil && y < len(run.yearly) {
				col = append(col, run.yearly[y][o])
				sum += run.yearly[y][o]
			}
		}
		if len(col) == 0 {
			return years, mean, lo, hi
		}
		slices.Sort(col)
		years = append(years, float64(c.firstYear+y))
		mean = append(mean, sum/float64(len(col)))
		lo = append(lo, experiment.Quantile(experiment.LoP, col))
		hi = append(hi, experiment.Quantile(experiment.HiP, col))
	}
}

// runsOf counts the runs of arm a in the data.
func (c *comparison) runsOf(a int) int {
	n := 0
	for _, run := range c.runs[a] {
		if run != nil {
			n++
		}
	}
	return n
}
