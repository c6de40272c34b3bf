package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/krysha/krysha/sim"
	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/observed"
)

func TestProsecutionsChart(t *testing.T) {
	t.Parallel()
	s := &experiment.Summary{FirstYear: 2004, Replicates: 5, Mean: make([]sim.Record, 3), Lo: make([]sim.Record, 3), Hi: make([]sim.Record, 3)}
	s.Mean[1][sim.Convictions], s.Lo[1][sim.Convictions], s.Hi[1][sim.Convictions] = 7, 4, 11
	obs := []observed.Row{
		{Series: "trafficking_convictions", Year: 2003, Value: 9}, // before the run: left out
		{Series: "trafficking_convictions", Year: 2005, Value: 13},
		{Series: "victims_identified", Year: 2005, Value: 50}, // not on this chart
		{Series: "trafficking_convictions", Year: 2006, Value: 1},
	}
	c := prosecutionsChart("kazakhstan", s, obs)
	var labels []string
	for _, b := range c.Bands {
		labels = append(labels, b.Label)
	}
	if strings.Join(labels, ",") != "investigations,prosecutions,convictions" {
		t.Errorf("bands %v", labels)
	}
	if b := c.Bands[2]; !slices.Equal(b.X, []float64{2004, 2005, 2006}) || b.Mean[1] != 7 || b.Lo[1] != 4 || b.Hi[1] != 11 {
		t.Errorf("convictions band %+v", b)
	}
	if len(c.Points) != 1 {
		t.Fatalf("%d point series, want 1", len(c.Points))
	}
	p := c.Points[0]
	if !slices.Equal(p.X, []float64{2005, 2006}) || !slices.Equal(p.Y, []float64{13, 1}) ||
		!strings.HasPrefix(p.Label, "convictions") || !strings.Contains(p.Label, "US TIP report") {
		t.Errorf("observed points %+v", p)
	}
	if !strings.Contains(c.Title, "kazakhstan") || c.XLabel != "year" || c.YLabel != "human-trafficking cases per year" {
		t.Errorf("title %q, axes %q, %q", c.Title, c.XLabel, c.YLabel)
	}
	if _, err := c.Plot(); err != nil {
		t.Error(err)
	}
	// Without observed data in range, no points at all (an empty series
	// is not drawable).
	if c := prosecutionsChart("x", s, obs[:1]); len(c.Points) != 0 {
		t.Errorf("points %+v", c.Points)
	}
}
