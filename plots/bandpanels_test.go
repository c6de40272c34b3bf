package plots_test

import (
	"errors"
	"math"
	"testing"

	"github.com/krysha/krysha/plots"
)

// fourPolicies is a synthetic comparison shaped like krysha compare's:
// a baseline rising to 2011 and falling, and four policies from 2012,
// each lifting the curve by its own amount.
func fourPolicies() *plots.BandPanels {
	years := []float64{2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015}
	curve := func(lift float64) plots.Band {
		b := plots.Band{X: years}
		for _, y := range years {
			m := 25 + 60*math.Exp(-math.Pow((y-2011)/2.5, 2))
			if y >= 2012 {
				m += lift * (y - 2011)
			}
			b.Mean, b.Lo, b.Hi = append(b.Mean, m), append(b.Lo, 0.8*m), append(b.Hi, 1.2*m)
		}
		return b
	}
	p := &plots.BandPanels{
		Title: "Convictions a year, each policy against the baseline", XLabel: "year", YLabel: "convictions a year",
		Reference: curve(0), Label: "policy", Interval: "90% of replicates", YFromZero: true, IntegerX: true,
	}
	p.Reference.Label = "baseline"
	for i, name := range []string{"victim-centred", "budget-increase", "salary-increase", "rotation-clan-blind"} {
		b := curve(float64(8 - 2*i))
		b.Label = name
		p.Panels = append(p.Panels, plots.BandPanel{Title: name, Band: b, Markers: []plots.Marker{{X: 2011.5}}})
	}
	return p
}

func TestBandPanelsGolden(t *testing.T) {
	p := fourPolicies()
	p.Columns = 2
	fig, err := p.Figure()
	if err != nil {
		t.Fatal(err)
	}
	goldenFigure(t, fig, "bandpanels_golden.png", plots.DefaultWidth, plots.BandPanelsHeight(len(p.Panels), p.Columns))
}

func TestBandPanelsValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(p *plots.BandPanels)
		kind   string
		index  int
		want   error
	}{
		{"no panels", func(p *plots.BandPanels) { p.Panels = nil }, "band", 0, plots.ErrEmpty},
		{"reference NaN", func(p *plots.BandPanels) { p.Reference.Mean[2] = math.NaN() }, "band", 0, plots.ErrNotFinite},
		{"panel 2 short", func(p *plots.BandPanels) { p.Panels[2].Band.Hi = p.Panels[2].Band.Hi[1:] }, "band", 3, plots.ErrLength},
		{"marker at infinity", func(p *plots.BandPanels) { p.Panels[1].Markers[0].X = math.Inf(1) }, "marker", 0, plots.ErrNotFinite},
	}
	for _, tt := range tests {
		p := fourPolicies()
		tt.change(p)
		_, err := p.Figure()
		var se *plots.SeriesError
		if !errors.Is(err, tt.want) || !errors.As(err, &se) || se.Kind != tt.kind || se.Index != tt.index {
			t.Errorf("%s: %v, want a %s SeriesError %d wrapping %v", tt.name, err, tt.kind, tt.index, tt.want)
		}
	}
}
