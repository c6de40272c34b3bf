package main

import (
	"fmt"
	"slices"

	"github.com/krysha/krysha/sim"
	"github.com/krysha/krysha/sim/analysis/calib"
	"github.com/krysha/krysha/sim/observed"
	"github.com/krysha/krysha/sim/scenario"
)

// calibMapping is the mapping of observed series to metrics: the
// [calibrate] table's series first, then calib's for the shipped data,
// then every metric of yearly.csv for the series of its own name, so
// that an observed file written in the model's terms (a test's, or a
// country's figures already converted) needs no mapping at all.
func calibMapping(c *calibConfig) *calib.Mapping {
	m := &calib.Mapping{Quality: c.quality}
	if m.Quality == nil {
		m.Quality = calib.DefaultQualityWeights()
	}
	m.Series = append(slices.Clone(c.series), calib.DefaultSeriesMaps()...)
	for k := range sim.NumMetrics {
		name := k.Info().Name
		m.Series = append(m.Series, calib.SeriesMap{Series: name, Metric: name, Scale: 1,
			Reason: "the series has the name of the model's metric"})
	}
	return m
}

// calibTargets builds the targets from the observed rows and the
// configured directions. Rows of years the scenario does not simulate
// are set aside with that reason; default directions outside them are
// dropped and listed in notes; a direction given outside them is an
// error.
func calibTargets(c *calibConfig, rows []observed.Row, sc *scenario.Scenario) (*calib.Targets, []calib.Unmatched, []string, error) {
	first, last := sc.Start.Year(), sc.End.Year()
	in := func(y int) bool { return y >= first && y <= last }
	var within, outside []observed.Row
	for _, r := range rows {
		if in(r.Year) {
			within = append(within, r)
		} else {
			outside = append(outside, r)
		}
	}
	m := calibMapping(c)
	counts, left, err := m.Targets(within)
	if err != nil {
		return nil, nil, nil, err
	}
	// Rows of other years are mapped too, so that an unknown series is
	// an error whatever its year.
	_, outLeft, err := m.Targets(outside)
	if err != nil {
		return nil, nil, nil, err
	}
	for _, r := range outside {
		if !slices.ContainsFunc(outLeft, func(u calib.Unmatched) bool { return u.Row.Line == r.Line }) {
			left = append(left, calib.Unmatched{Row: r, Reason: fmt.Sprintf("the year is outside the simulated years %d-%d", first, last)})
		}
	}
	left = append(left, outLeft...)
	slices.SortStableFunc(left, func(a, b calib.Unmatched) int { return a.Row.Line - b.Row.Line })
	t := &calib.Targets{Counts: counts, Offset: calib.DefaultOffset, Margin: calib.DefaultMargin}
	var notes []string
	if c.dirsGiven {
		for _, d := range c.directions {
			if !in(d.From) || !in(d.To) {
				return nil, nil, nil, fmt.Errorf("direction %s: the years must be within the simulated years %d-%d", d.Name(), first, last)
			}
			t.Directions = append(t.Directions, d)
		}
	} else {
		for _, d := range calib.DefaultDirections() {
			if in(d.From) && in(d.To) {
				t.Directions = append(t.Directions, d)
			} else {
				notes = append(notes, fmt.Sprintf("default direction %s left out: outside the simulated years %d-%d", d.Name(), first, last))
			}
		}
	}
	if len(t.Counts)+len(t.Directions) == 0 {
		return nil, nil, nil, fmt.Errorf("nothing to calibrate against: no observed figure within the simulated years %d-%d and no direction (give -observed FILE or -direction metric:from:to:down)", first, last)
	}
	if err := t.Validate(); err != nil {
		return nil, nil, nil, err
	}
	return t, left, notes, nil
}

// targetMetrics are the metrics the targets read, in order of first use.
func targetMetrics(t *calib.Targets) []string {
	var out []string
	add := func(m string) {
		if !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	for _, c := range t.Counts {
		add(c.Metric)
	}
	for _, d := range t.Directions {
		add(d.Metric)
	}
	return out
}
