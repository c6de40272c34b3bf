package plots_test

import (
	"errors"
	"math"
	"testing"

	"github.com/krysha/krysha/plots"
)

// sobolBars is a synthetic Sobol analysis of two outcomes over four
// parameters, shaped like krysha's: ST above S, an interaction on the
// budget, one parameter inert (its S a little negative, as estimates of
// zero are), one outcome ranking the parameters differently.
func sobolBars() *plots.IndexBars {
	params := []string{"enforcement.budget_scale", "bribe.same_clan", "routes.tau", "people.scope_discount"}
	b := &plots.IndexBars{
		Title:    "Sobol indices, 2009–2015 mean, 512 base rows × 4 replicates",
		XLabel:   "Sobol index",
		Indices:  []string{"ST (total)", "S (first order)"},
		Interval: "95% bootstrap interval",
	}
	for _, o := range []struct {
		name  string
		st, s []float64
	}{
		{"prosecutions", []float64{0.62, 0.31, 0.08, 0.01}, []float64{0.48, 0.22, 0.05, -0.01}},
		{"corrupt_share", []float64{0.12, 0.71, 0.04, 0.0}, []float64{0.09, 0.66, 0.02, -0.004}},
	} {
		pn := plots.IndexPanel{Title: o.name, Params: params, Value: [][]float64{o.st, o.s}}
		for _, v := range [][]float64{o.st, o.s} {
			lo, hi := make([]float64, len(v)), make([]float64, len(v))
			for i, x := range v {
				lo[i], hi[i] = x-0.04-0.1*math.Abs(x), x+0.04+0.1*math.Abs(x)
			}
			pn.Lo, pn.Hi = append(pn.Lo, lo), append(pn.Hi, hi)
		}
		b.Panels = append(b.Panels, pn)
	}
	return b
}

// yearLines is a synthetic yearly Sobol analysis: the budget matters
// more as it grows, clan loyalty less; the first years have no
// variance (no cases yet), and noise falls as counts grow.
func yearLines() *plots.IndexLines {
	l := &plots.IndexLines{
		Title:    "Total Sobol index by year",
		YLabel:   "ST",
		Params:   []string{"enforcement.budget_scale", "bribe.same_clan", "routes.tau"},
		RefLabel: "replicate noise (share of a run's variance)",
	}
	var years []float64
	for y := 1995; y <= 2015; y++ {
		years = append(years, float64(y))
	}
	pn := plots.IndexLinesPanel{Title: "prosecutions", Years: years, Value: make([][]float64, 3)}
	for i, y := range years {
		t := (y - 1995) / 20
		for p, v := range []float64{0.2 + 0.5*t, 0.6 - 0.4*t, 0.1} {
			if i < 2 {
				v = math.NaN()
			}
			pn.Value[p] = append(pn.Value[p], v)
		}
		noise := 0.5 * math.Exp(-3*t)
		if i < 2 {
			noise = math.NaN()
		}
		pn.Ref = append(pn.Ref, noise)
	}
	l.Panels = []plots.IndexLinesPanel{pn}
	return l
}

// primChart is a synthetic discovery: peeling raises density from 0.2
// to 0.95 as coverage falls, restricting up to two parameters.
func primChart() *plots.PrimChart {
	p := &plots.PrimChart{Title: "Where prosecutions stay below 40 a year (PRIM)", Chosen: 6}
	for i := range 10 {
		t := float64(i) / 9
		p.Coverage = append(p.Coverage, 1-0.45*t*t)
		p.Density = append(p.Density, 0.2+0.75*math.Sqrt(t))
		p.Restricted = append(p.Restricted, min(2, (i+2)/3))
	}
	p.Box = plots.PrimBox{Coverage: p.Coverage[6], Density: p.Density[6], Limits: []plots.PrimLimit{
		{Param: "enforcement.budget_scale", Lo: 0.5, Hi: 1.1, Min: 0.5, Max: 2, QP: 1e-9},
		{Param: "bribe.same_clan", Lo: 0.9, Hi: 2.4, Min: 0, Max: 2.4, QP: 0.003},
	}}
	return p
}

func TestIndexBarsGolden(t *testing.T) {
	b := sobolBars()
	fig, err := b.Figure()
	if err != nil {
		t.Fatal(err)
	}
	goldenFigure(t, fig, "indexbars_golden.png", plots.DefaultWidth, b.Height())
}

func TestIndexLinesGolden(t *testing.T) {
	l := yearLines()
	fig, err := l.Figure()
	if err != nil {
		t.Fatal(err)
	}
	goldenFigure(t, fig, "indexlines_golden.png", plots.DefaultWidth, l.Height())
}

func TestPrimChartGolden(t *testing.T) {
	p := primChart()
	fig, err := p.Figure()
	if err != nil {
		t.Fatal(err)
	}
	goldenFigure(t, fig, "primchart_golden.png", plots.DefaultWidth, p.Height())
}

func TestSensitivityChartsValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		chart interface {
			Figure() (plots.Figure, error)
		}
		want error
	}{
		{"bars without indices", func() *plots.IndexBars { b := sobolBars(); b.Indices = nil; return b }(), plots.ErrLength},
		{"bars ragged", func() *plots.IndexBars { b := sobolBars(); b.Panels[1].Value[1] = b.Panels[1].Value[1][:2]; return b }(), plots.ErrLength},
		{"bars inverted", func() *plots.IndexBars { b := sobolBars(); b.Panels[0].Lo[0][2] = 9; return b }(), plots.ErrInverted},
		{"bars infinite", func() *plots.IndexBars { b := sobolBars(); b.Panels[0].Value[0][0] = math.Inf(1); return b }(), plots.ErrNotFinite},
		{"bars duplicate", func() *plots.IndexBars { b := sobolBars(); b.Panels[0].Params[1] = b.Panels[0].Params[0]; return b }(), plots.ErrDuplicate},
		{"bars only Lo", func() *plots.IndexBars { b := sobolBars(); b.Panels[0].Hi = nil; return b }(), plots.ErrLength},
		{"lines years", func() *plots.IndexLines { l := yearLines(); l.Panels[0].Years[3] = 1990; return l }(), plots.ErrXOrder},
		{"lines rows", func() *plots.IndexLines { l := yearLines(); l.Params = l.Params[:2]; return l }(), plots.ErrLength},
		{"prim chosen", func() *plots.PrimChart { p := primChart(); p.Chosen = 10; return p }(), plots.ErrLength},
		{"prim box", func() *plots.PrimChart { p := primChart(); p.Box.Limits[0].Hi = 3; return p }(), plots.ErrInverted},
		{"prim density", func() *plots.PrimChart { p := primChart(); p.Density[2] = math.NaN(); return p }(), plots.ErrNotFinite},
	}
	for _, tt := range tests {
		_, err := tt.chart.Figure()
		var se *plots.SeriesError
		if !errors.Is(err, tt.want) || !errors.As(err, &se) {
			t.Errorf("%s: error %v, want a *SeriesError wrapping %v", tt.name, err, tt.want)
		}
	}
}

// Undefined indices (an outcome without variance) draw nothing and rank
// last, rather than failing the chart.
func TestIndexBarsNaN(t *testing.T) {
	t.Parallel()
	b := sobolBars()
	for j := range b.Panels[1].Value {
		for i := range b.Panels[1].Value[j] {
			b.Panels[1].Value[j][i] = math.NaN()
			b.Panels[1].Lo[j][i], b.Panels[1].Hi[j][i] = math.NaN(), math.NaN()
		}
	}
	fig, err := b.Figure()
	if err != nil {
		t.Fatal(err)
	}
	if err := plots.SaveFigure(fig, t.TempDir()+"/nan.png", plots.DefaultWidth, b.Height()); err != nil {
		t.Fatal(err)
	}
}
