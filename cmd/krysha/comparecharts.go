package main

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"

	"gonum.org/v1/plot/vg"

	"github.com/krysha/krysha/plots"
	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/scenario"
)

// The charts of a comparison.
const (
	compareChart = "compare.png"
	effectsChart = "effects.png"
)

// maxCompareBands is the most policies compare.png draws on one chart
// beside the baseline; with more, overlapping bands would hide each
// other, and it draws a panel a policy instead, each against the
// baseline.
const maxCompareBands = 3

// yearsBeforePolicies is how many years compare.png shows before the
// first policy starts, so that the curves are seen together first.
const yearsBeforePolicies = 5

// writeCompare analyses the comparison in dir and writes compare.csv,
// compare.png and effects.png there. It returns the comparison and the
// files written.
func writeCompare(dir string, man *experiment.StudyManifest) (*comparison, []string, error) {
	c, err := analyzeCompare(dir, man)
	if err != nil {
		return nil, nil, err
	}
	if c.runsOf(0) == 0 {
		return nil, nil, fmt.Errorf("%s: no run of the baseline is done: nothing to compare with", dir)
	}
	var files []string
	if err := writeCompareCSV(filepath.Join(dir, compareCSV), c); err != nil {
		return nil, files, err
	}
	files = append(files, compareCSV)
	if err := saveCompareChart(filepath.Join(dir, compareChart), c); err != nil {
		return nil, files, err
	}
	files = append(files, compareChart)
	if len(c.policies) > 0 {
		if err := saveEffectsChart(filepath.Join(dir, effectsChart), c); err != nil {
			return nil, files, err
		}
		files = append(files, effectsChart)
	}
	return c, files, nil
}

// drawCompare redraws the table and charts of the comparison in dir from
// its files, for 'krysha plot' and 'krysha merge' (see studyCharts).
func drawCompare(dir string, man *experiment.StudyManifest) ([]string, error) {
	_, files, err := writeCompare(dir, man)
	return files, err
}

// saveCompareChart draws the ranked outcome per year, each arm's mean
// and 90% band across replicates, from a few years before the policies
// start, with their start marked: the baseline and the policies on one
// chart, or, for more than maxCompareBands policies, a panel a policy
// (in the order of the ranking) with the baseline in each.
func saveCompareChart(path string, c *comparison) error {
	o := &compareOutcomes[c.rank]
	var shown []int // policies with runs, in the order of the ranking
	for _, i := range c.order {
		if c.runsOf(c.policies[i].arm) > 0 {
			shown = append(shown, i)
		}
	}
	var starts []scenario.Month
	for _, i := range shown {
		if m, ok := c.policies[i].startMonth(); ok {
			starts = append(starts, m)
		}
	}
	slices.Sort(starts)
	starts = slices.Compact(starts)
	from := math.Inf(-1)
	if len(starts) > 0 {
		from = float64(starts[0].Year() - yearsBeforePolicies)
	}
	band := func(a int, label string) plots.Band {
		x, mean, lo, hi := c.series(a, c.rank)
		k := 0
		for k < len(x)-1 && x[k] < from {
			k++
		}
		return plots.Band{Label: label, X: x[k:], Mean: mean[k:], Lo: lo[k:], Hi: hi[k:]}
	}
	const interval = "90% of replicates"
	if len(shown) > maxCompareBands {
		bp := &plots.BandPanels{
			Title:     fmt.Sprintf("%s: %s, each policy against the baseline (dashed: the policy starts)", c.scenario, o.doc),
			XLabel:    "year",
			YLabel:    o.doc,
			Reference: band(0, "baseline"),
			Label:     "policy",
			Interval:  interval,
			YFromZero: true,
			IntegerX:  true,
		}
		for _, i := range shown {
			p := &c.policies[i]
			pn := plots.BandPanel{Title: p.Name, Band: band(p.arm, p.Name)}
			if m, ok := p.startMonth(); ok {
				pn.Markers = []plots.Marker{{X: markerX(m)}}
			}
			bp.Panels = append(bp.Panels, pn)
		}
		fig, err := bp.Figure()
		if err != nil {
			return fmt.Errorf("drawing %s: %w", path, err)
		}
		const width = 28 * vg.Centimeter // four panels a row
		return plots.SaveFigure(fig, path, width, plots.BandPanelsHeight(len(bp.Panels), 0))
	}
	ch := &plots.BandChart{Title: fmt.Sprintf("%s: %s, baseline and policies", c.scenario, o.doc), XLabel: "year", YLabel: o.doc,
		Interval: interval, YFromZero: true, IntegerX: true}
	ch.Bands = append(ch.Bands, band(0, "baseline"))
	for _, i := range shown {
		ch.Bands = append(ch.Bands, band(c.policies[i].arm, c.policies[i].Name))
	}
	for _, m := range starts {
		label := "policies start " + m.String()
		if len(starts) > 1 || len(shown) == 1 {
			var names []string
			for _, i := range shown {
				if c.policies[i].Start == m.String() {
					names = append(names, c.policies[i].Name)
				}
			}
			label = strings.Join(names, ", ") + " from " + m.String()
		}
		ch.Markers = append(ch.Markers, plots.Marker{X: markerX(m), Label: label})
	}
	p, err := ch.Plot()
	if err != nil {
		return fmt.Errorf("drawing %s: %w", path, err)
	}
	return plots.Save(p, path, plots.DefaultWidth, plots.DefaultHeight)
}

// markerX is where a policy starting in month m is marked on a chart of
// years: a year's point is its total, so a policy from January sits
// between the last year before it and the first year of it.
func markerX(m scenario.Month) float64 {
	return float64(m.Year()) + float64(m.Num()-1)/12 - 0.5
}

// startMonth is the month of the arm's first event.
func (a *compareArm) startMonth() (scenario.Month, bool) {
	var m scenario.Month
	err := m.UnmarshalText([]byte(a.Start))
	return m, err == nil
}

// saveEffectsChart draws every effect with its 95% interval: a forest
// plot with a row per policy, in the order of the ranking, and a panel
// per outcome.
func saveEffectsChart(path string, c *comparison) error {
	f := &plots.Forest{
		Title: fmt.Sprintf("%s: effects of the policies against the baseline, means of %d–%d", c.scenario, c.window.First, c.window.Last),
		Note: fmt.Sprintf("mean of %d paired differences (policy − baseline) with its 95%% interval; hollow grey: the interval holds 0; ranked by %s",
			c.reps, compareOutcomes[c.rank].name),
		Columns: 4,
	}
	for _, i := range c.order {
		f.Rows = append(f.Rows, c.policies[i].Name)
	}
	for o := range compareOutcomes {
		pn := plots.ForestPanel{Title: strings.ReplaceAll(compareOutcomes[o].name, "_", " "), XLabel: compareOutcomes[o].doc}
		for _, i := range c.order {
			e := c.policies[i].effects[o]
			pn.Est, pn.Lo, pn.Hi = append(pn.Est, e.Mean), append(pn.Lo, e.Lo), append(pn.Hi, e.Hi)
		}
		f.Panels = append(f.Panels, pn)
	}
	fig, err := f.Figure()
	if err != nil {
		return fmt.Errorf("drawing %s: %w", path, err)
	}
	const width = 28 * vg.Centimeter // four panels and the policies' names
	return plots.SaveFigure(fig, path, width, plots.ForestHeight(len(f.Rows), len(f.Panels), f.Columns))
}
