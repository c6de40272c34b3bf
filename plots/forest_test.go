package plots_test

import (
	"errors"
	"math"
	"testing"

	"github.com/krysha/krysha/plots"
)

// policyEffects is a synthetic comparison shaped like krysha compare's:
// five policies, three outcomes; some intervals exclude zero, some hold
// it, one policy has no estimate of one outcome.
func policyEffects() *plots.Forest {
	nan := math.NaN()
	return &plots.Forest{
		Title: "Effects against the baseline, 2012–2015 mean",
		Note:  "mean of 30 paired differences, 95% interval; hollow: the interval holds 0",
		Rows:  []string{"victim-centred", "budget-increase", "salary-increase", "anti-corruption-audits", "green-border-fortification"},
		Panels: []plots.ForestPanel{
			{Title: "convictions", XLabel: "a year",
				Est: []float64{6.1, 3.2, 0.4, -0.3, 1.1}, Lo: []float64{4.8, 1.9, -0.9, -1.4, 0.2}, Hi: []float64{7.4, 4.5, 1.7, 0.8, 2.0}},
			{Title: "victims trafficked", XLabel: "persons a year",
				Est: []float64{-40, -12, 3, nan, -95}, Lo: []float64{-61, -30, -15, nan, -130}, Hi: []float64{-19, 6, 21, nan, -60}},
			{Title: "corrupt share", XLabel: "share of officials",
				Est: []float64{0, 0.001, -0.012, -0.021, 0.002}, Lo: []float64{0, -0.002, -0.016, -0.026, -0.001}, Hi: []float64{0, 0.004, -0.008, -0.016, 0.005}},
		},
		Columns: 3,
	}
}

func TestForestGolden(t *testing.T) {
	f := policyEffects()
	fig, err := f.Figure()
	if err != nil {
		t.Fatal(err)
	}
	goldenFigure(t, fig, "forest_golden.png", plots.DefaultWidth, plots.ForestHeight(len(f.Rows), len(f.Panels), f.Columns))
}

func TestForestValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(f *plots.Forest)
		want   error
	}{
		{"no rows", func(f *plots.Forest) { f.Rows = nil }, plots.ErrEmpty},
		{"no panels", func(f *plots.Forest) { f.Panels = nil }, plots.ErrEmpty},
		{"short Hi", func(f *plots.Forest) { f.Panels[1].Hi = f.Panels[1].Hi[1:] }, plots.ErrLength},
		{"half missing", func(f *plots.Forest) { f.Panels[0].Lo[2] = math.NaN() }, plots.ErrNotFinite},
		{"infinite", func(f *plots.Forest) { f.Panels[2].Est[0] = math.Inf(1) }, plots.ErrNotFinite},
		{"upside down", func(f *plots.Forest) { f.Panels[0].Lo[0], f.Panels[0].Hi[0] = 9, 1 }, plots.ErrInverted},
	}
	for _, tt := range tests {
		f := policyEffects()
		tt.change(f)
		_, err := f.Figure()
		var se *plots.SeriesError
		if !errors.Is(err, tt.want) || !errors.As(err, &se) {
			t.Errorf("%s: %v, want a SeriesError wrapping %v", tt.name, err, tt.want)
		}
	}
	// Changing the input after Figure does not change the picture.
	f := policyEffects()
	fig, err := f.Figure()
	if err != nil || fig == nil {
		t.Fatal(err)
	}
	f.Panels[0].Est[0] = math.NaN()
}

func TestForestHeight(t *testing.T) {
	t.Parallel()
	// 1.6 cm of title, and a row of panels of 2.4 cm plus 0.55 cm a row.
	if got, want := plots.ForestHeight(8, 7, 4), plots.ForestHeight(8, 3, 3); got <= want {
		t.Errorf("two rows of panels (%v) should be taller than one (%v)", got, want)
	}
	if got := float64(plots.ForestHeight(2, 1, 0)) / float64(plots.DefaultHeight) * 12; math.Abs(got-(1.6+2.4+1.1)) > 1e-9 {
		t.Errorf("ForestHeight(2, 1, 0) = %v cm, want 5.1", got)
	}
}
