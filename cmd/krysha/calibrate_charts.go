package main

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/plot/vg"

	"github.com/krysha/krysha/plots"
	"github.com/krysha/krysha/sim/analysis/calib"
	"github.com/krysha/krysha/sim/experiment"
)

// calibYearBand is the band of metric over tabs: per year, the mean and the
// 5th and 95th percentiles across the tables (runs).
func calibYearBand(label string, tabs []*calib.Table, metric string) plots.Band {
	first := tabs[0].FirstYear
	years := len(tabs[0].Columns[metric])
	b := plots.Band{Label: label}
	col := make([]float64, len(tabs))
	for y := range years {
		var sum float64
		for i, t := range tabs {
			col[i] = t.Columns[metric][y]
			sum += col[i]
		}
		slices.Sort(col)
		b.X = append(b.X, float64(first+y))
		b.Mean = append(b.Mean, sum/float64(len(tabs)))
		b.Lo = append(b.Lo, experiment.Quantile(experiment.LoP, col))
		b.Hi = append(b.Hi, experiment.Quantile(experiment.HiP, col))
	}
	return b
}

// fitChart is fit.png's chart: a panel a target metric, with the
// posterior sample's band, the fitted point's, the observed figures (in
// the model's units) and the directions.
func (c *calibration) fitChart(res *calibResult) *plots.FitChart {
	sc := c.st.src.Scenario
	ch := &plots.FitChart{
		Title:    fmt.Sprintf("%s: calibration targets, posterior sample (%d runs) and fitted point (%d replicates)", sc.Name, len(res.predTabs), len(res.fitTabs)),
		Interval: "90% interval",
	}
	for _, m := range targetMetrics(c.targets) {
		fitted := calibYearBand("fitted point", res.fitTabs, m)
		pn := plots.FitPanel{Title: m, YLabel: "per year",
			Bands: []plots.Band{calibYearBand("posterior sample", res.predTabs, m), fitted}}
		for _, ct := range c.targets.Counts {
			if ct.Metric == m {
				pn.Observed.X = append(pn.Observed.X, float64(ct.Year))
				pn.Observed.Y = append(pn.Observed.Y, ct.Observed/ct.Scale)
			}
		}
		if len(pn.Observed.X) > 0 {
			pn.Observed.Label = "observed"
		}
		at := func(year int) float64 { return fitted.Mean[year-int(fitted.X[0])] }
		for i, d := range c.targets.Directions {
			if d.Metric == m {
				pn.Directions = append(pn.Directions, plots.FitDirection{
					From: float64(d.From), To: float64(d.To), YFrom: at(d.From), YTo: at(d.To),
					Label: fmt.Sprintf("%s %d-%d", d.Direction, d.From, d.To),
					Met:   res.fit.Directions[i] == 0,
				})
			}
		}
		ch.Panels = append(ch.Panels, pn)
	}
	return ch
}

// saveFitChart draws fit.png.
func (c *calibration) saveFitChart(path string, res *calibResult) error {
	ch := c.fitChart(res)
	fig, err := ch.Figure()
	if err != nil {
		return fmt.Errorf("drawing %s: %w", path, err) // the data come from runs: a bug
	}
	return plots.SaveFigure(fig, path, plots.DefaultWidth+4*vg.Centimeter, plots.FitHeight(len(ch.Panels), 0))
}

// savePosteriorChart draws posterior.png.
func (c *calibration) savePosteriorChart(path string, res *calibResult) error {
	post := res.post
	ch := &plots.PosteriorChart{
		Title: fmt.Sprintf("%s: ABC posterior, the best %d of %d design points", c.st.src.Scenario.Name, len(post.Keep), c.sample.Len()),
	}
	col := func(j int) []float64 {
		out := make([]float64, len(post.Points))
		for i, x := range post.Points {
			out[i] = x[j]
		}
		return out
	}
	for j, m := range post.Marginal {
		ch.Params = append(ch.Params, plots.PosteriorParam{
			Name: m.Name, Min: c.box[j].Min, Max: c.box[j].Max, Values: col(j),
			Median: m.Median, Lo: m.Lo, Hi: m.Hi, Fitted: res.theta[j], Identified: m.Identified,
		})
	}
	if pr := post.Pair; pr.I >= 0 && !math.IsNaN(pr.R) {
		bi, bj := c.box[pr.I], c.box[pr.J]
		ch.Pair = &plots.PosteriorPair{XName: bi.Name, YName: bj.Name, X: col(pr.I), Y: col(pr.J),
			XMin: bi.Min, XMax: bi.Max, YMin: bj.Min, YMax: bj.Max, R: pr.R}
	}
	fig, err := ch.Figure()
	if err != nil {
		return fmt.Errorf("drawing %s: %w", path, err)
	}
	n := len(ch.Params)
	if ch.Pair != nil {
		n++
	}
	return plots.SaveFigure(fig, path, plots.DefaultWidth+4*vg.Centimeter, plots.PosteriorHeight(n, 0))
}
