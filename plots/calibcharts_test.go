package plots_test

import (
	"errors"
	"math"
	"testing"

	"github.com/krysha/krysha/plots"
)

// band returns a synthetic yearly band 2003–2012: a rise to a peak in
// 2011 and a fall, with an interval of ±spread.
func band(label string, scale, spread float64) plots.Band {
	b := plots.Band{Label: label}
	for y := 2003; y <= 2012; y++ {
		m := scale * (1 + 0.3*float64(y-2003))
		if y == 2012 {
			m *= 0.8
		}
		b.X = append(b.X, float64(y))
		b.Mean = append(b.Mean, m)
		b.Lo = append(b.Lo, m*(1-spread))
		b.Hi = append(b.Hi, m*(1+spread))
	}
	return b
}

// calibrationFit is a synthetic fit chart: convictions with two observed
// figures and a direction met, prosecutions with a direction missed.
func calibrationFit() *plots.FitChart {
	conv := band("fitted point", 10, 0.3)
	return &plots.FitChart{
		Title:    "Calibration targets",
		Interval: "90% interval",
		Panels: []plots.FitPanel{
			{Title: "convictions", YLabel: "per year",
				Bands:    []plots.Band{band("posterior sample", 11, 0.6), conv},
				Observed: plots.Points{Label: "observed", X: []float64{2005, 2006}, Y: []float64{13, 1}},
				Directions: []plots.FitDirection{{From: 2005, To: 2006, YFrom: conv.Mean[2], YTo: conv.Mean[3],
					Label: "down 2005-2006", Met: false}}},
			{Title: "prosecutions", YLabel: "per year",
				Bands: []plots.Band{band("posterior sample", 40, 0.5), band("fitted point", 38, 0.25)},
				Directions: []plots.FitDirection{{From: 2011, To: 2012, YFrom: 38 * 3.4, YTo: 38 * 3.7 * 0.8,
					Label: "down 2011-2012", Met: true}}},
		},
	}
}

func TestFitChartGolden(t *testing.T) {
	fig, err := calibrationFit().Figure()
	if err != nil {
		t.Fatal(err)
	}
	goldenFigure(t, fig, "fit_golden.png", plots.DefaultWidth, plots.FitHeight(2, 0))
}

// calibrationPosterior is a synthetic posterior of three parameters:
// one narrow, one on a ridge with the first, one as wide as its prior.
func calibrationPosterior() *plots.PosteriorChart {
	var a, b, c []float64
	for i := range 100 {
		u := math.Mod(float64(i)*0.618034, 1)
		v := math.Mod(float64(i)*0.754878, 1)
		a = append(a, 0.4+0.2*u)
		b = append(b, 2-2*(0.4+0.2*u)+0.3*(v-0.5))
		c = append(c, math.Mod(float64(i)*0.569840, 1))
	}
	return &plots.PosteriorChart{
		Title: "ABC posterior, the best 100 of 2000 design points",
		Params: []plots.PosteriorParam{
			{Name: "patronage.clan_capture", Min: 0, Max: 1, Values: a, Median: 0.5, Lo: 0.41, Hi: 0.59, Fitted: 0.52, Identified: true},
			{Name: "bribe.same_clan", Min: 0, Max: 3, Values: b, Median: 1, Lo: 0.7, Hi: 1.3, Fitted: 0.9, Identified: true},
			{Name: "trial.c0", Min: 0, Max: 1, Values: c, Median: 0.5, Lo: 0.05, Hi: 0.95, Fitted: math.NaN()},
		},
		Pair: &plots.PosteriorPair{XName: "patronage.clan_capture", YName: "bribe.same_clan", X: a, Y: b,
			XMin: 0, XMax: 1, YMin: 0, YMax: 3, R: -0.91},
	}
}

func TestPosteriorChartGolden(t *testing.T) {
	fig, err := calibrationPosterior().Figure()
	if err != nil {
		t.Fatal(err)
	}
	goldenFigure(t, fig, "posterior_golden.png", plots.DefaultWidth, plots.PosteriorHeight(4, 0))
}

// prosecutionsWaterfall is a synthetic attribution of a fall from 180
// to 158: a baseline and four mechanisms, one of them holding the
// count up.
func prosecutionsWaterfall() *plots.Waterfall {
	return &plots.Waterfall{
		Title:      "Prosecutions 2011 to 2012, by mechanism",
		XLabel:     "prosecutions per year",
		StartLabel: "2011", Start: 180,
		Steps: []plots.WaterfallStep{
			{Label: "baseline: all off", Delta: -4, Lo: -20, Hi: 10},
			{Label: "case_expiry", Delta: -12, Lo: -30, Hi: 2},
			{Label: "bribery", Delta: -9, Lo: -25, Hi: 6},
			{Label: "training", Delta: 5, Lo: -3, Hi: 14},
			{Label: "stash", Delta: 0, Lo: 0, Hi: 0},
			{Label: "without interval", Delta: -2, Lo: math.NaN(), Hi: math.NaN()},
		},
		EndLabel: "2012", End: 158,
	}
}

func TestWaterfallGolden(t *testing.T) {
	fig, err := prosecutionsWaterfall().Figure()
	if err != nil {
		t.Fatal(err)
	}
	goldenFigure(t, fig, "waterfall_golden.png", plots.DefaultWidth, plots.WaterfallHeight(6))
}

func TestCalibChartsValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		fig  func() (plots.Figure, error)
		want error
	}{
		{"no panels", (&plots.FitChart{}).Figure, plots.ErrEmpty},
		{"fit direction not finite", func() (plots.Figure, error) {
			f := calibrationFit()
			f.Panels[1].Directions[0].YTo = math.Inf(1)
			return f.Figure()
		}, plots.ErrNotFinite},
		{"fit band inverted", func() (plots.Figure, error) {
			f := calibrationFit()
			f.Panels[0].Bands[1].Lo[0] = 1e6
			return f.Figure()
		}, plots.ErrInverted},
		{"no parameters", (&plots.PosteriorChart{}).Figure, plots.ErrEmpty},
		{"empty prior range", func() (plots.Figure, error) {
			p := calibrationPosterior()
			p.Params[0].Max = p.Params[0].Min
			return p.Figure()
		}, plots.ErrInverted},
		{"pair lengths", func() (plots.Figure, error) {
			p := calibrationPosterior()
			p.Pair.Y = p.Pair.Y[1:]
			return p.Figure()
		}, plots.ErrLength},
		{"waterfall does not add up", func() (plots.Figure, error) {
			w := prosecutionsWaterfall()
			w.End = 150
			return w.Figure()
		}, nil},
		{"step without a label", func() (plots.Figure, error) {
			w := prosecutionsWaterfall()
			w.Steps[2].Label = ""
			return w.Figure()
		}, plots.ErrNoLabel},
		{"step interval upside down", func() (plots.Figure, error) {
			w := prosecutionsWaterfall()
			w.Steps[1].Lo, w.Steps[1].Hi = 5, -5
			return w.Figure()
		}, plots.ErrInverted},
	}
	for _, tt := range tests {
		_, err := tt.fig()
		var se *plots.SeriesError
		if !errors.As(err, &se) || (tt.want != nil && !errors.Is(err, tt.want)) {
			t.Errorf("%s: %v, want a SeriesError wrapping %v", tt.name, err, tt.want)
		}
	}
}
