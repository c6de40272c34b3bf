package main

import (
	"fmt"

	"github.com/krysha/krysha/plots"
	"github.com/krysha/krysha/sim"
	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/observed"
)

// chartFile is the headline chart of a run directory.
const chartFile = "prosecutions.png"

// chartMetrics are the bands of the chart: the human-trafficking case
// pipeline, as the US Trafficking in Persons reports count it.
var chartMetrics = []sim.Metric{sim.Investigations, sim.Prosecutions, sim.Convictions}

// chartObserved are the observed series drawn on the chart, each with the
// band it is compared with. The label starts with the band's label so
// that the markers take its colour. Only series that count the same thing
// as a band belong here: the other observed series (victims identified,
// crimes registered, seizures) measure quantities not on this chart.
var chartObserved = []struct {
	series string
	band   sim.Metric
	label  string
}{
	{"trafficking_convictions", sim.Convictions, "convictions observed (US TIP report)"},
}

// prosecutionsChart returns the chart of a run: per year the mean and 90%
// interval of each of chartMetrics, and the observed figures within the
// years simulated.
func prosecutionsChart(name string, s *experiment.Summary, obs []observed.Row) *plots.BandChart {
	c := &plots.BandChart{
		Title:     fmt.Sprintf("%s: human trafficking, %d replicates", name, s.Replicates),
		XLabel:    "year",
		YLabel:    "human-trafficking cases per year",
		Interval:  "90% interval",
		YFromZero: true,
		IntegerX:  true,
	}
	for _, m := range chartMetrics {
		x, mean, lo, hi := s.Series(m)
		c.Bands = append(c.Bands, plots.Band{Label: m.Info().Name, X: x, Mean: mean, Lo: lo, Hi: hi})
	}
	last := s.FirstYear + s.Years() - 1
	for _, o := range chartObserved {
		var p plots.Points
		for _, r := range observed.Series(obs, o.series) {
			if r.Year >= s.FirstYear && r.Year <= last {
				p.X = append(p.X, float64(r.Year))
				p.Y = append(p.Y, r.Value)
			}
		}
		if len(p.X) > 0 {
			p.Label = o.label
			c.Points = append(c.Points, p)
		}
	}
	return c
}

// saveChart draws the chart of a run to path.
func saveChart(path, name string, s *experiment.Summary, obs []observed.Row) error {
	p, err := prosecutionsChart(name, s, obs).Plot()
	if err != nil {
		// The data come from a run and a validated file: a bug.
		return fmt.Errorf("drawing %s: %w", path, err)
	}
	return plots.Save(p, path, plots.DefaultWidth, plots.DefaultHeight)
}
