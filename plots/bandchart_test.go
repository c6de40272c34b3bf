package plots_test

import (
	"bytes"
	"errors"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/cmpimg"

	"github.com/krysha/krysha/plots"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenDelta is the per-pixel tolerance of cmpimg.EqualApprox. One
// anti-aliasing step of 10/255 on an edge needs about 0.04; a line moved
// or missing needs far more than 0.05.
const goldenDelta = 0.05

// tipChart is a fixed synthetic dataset shaped like krysha's headline
// output: three counts per year over 1995–2015 with 90% bands, TIP-like
// observations for two of them, and a policy marker.
func tipChart() *plots.BandChart {
	var years []float64
	for y := 1995; y <= 2015; y++ {
		years = append(years, float64(y))
	}
	band := func(label string, mean func(t float64) float64, spread float64) plots.Band {
		b := plots.Band{Label: label, X: years}
		for _, t := range years {
			m := mean(t)
			w := spread * (4 + 0.2*m)
			b.Mean = append(b.Mean, m)
			b.Lo = append(b.Lo, math.Max(0, m-w))
			b.Hi = append(b.Hi, m+w)
		}
		return b
	}
	// A logistic rise in enforcement from about 2000, and a lift after
	// the 2012 plan.
	inv := func(t float64) float64 {
		m := 20 + 100/(1+math.Exp(-(t-2004)/2))
		if t >= 2012 {
			m *= 1 + 0.04*(t-2011)
		}
		return m
	}
	pros := func(t float64) float64 { return 0.55 * inv(t) }
	conv := func(t float64) float64 { return 0.6 * pros(t) }
	observed := func(label string, mean func(float64) float64, from float64) plots.Points {
		p := plots.Points{Label: label}
		for _, t := range years {
			if t >= from {
				p.X = append(p.X, t)
				p.Y = append(p.Y, math.Round(mean(t)*(1+0.18*math.Sin(1.7*t))))
			}
		}
		return p
	}
	return &plots.BandChart{
		Title:  "Human trafficking cases in Kazakhstan, 20 replicates",
		XLabel: "year",
		YLabel: "cases per year",
		Bands: []plots.Band{
			band("investigations", inv, 1),
			band("prosecutions", pros, 0.8),
			band("convictions", conv, 0.8),
		},
		Points: []plots.Points{
			observed("prosecutions observed (US TIP report)", pros, 2003),
			observed("convictions observed (US TIP report)", conv, 2003),
		},
		Markers:   []plots.Marker{{X: 2012, Label: "2012 action plan"}},
		Interval:  "90% band",
		YFromZero: true,
		IntegerX:  true,
	}
}

// render draws p as PNG at the default size.
func render(t *testing.T, p *plot.Plot, format string) []byte {
	t.Helper()
	wt, err := p.WriterTo(plots.DefaultWidth, plots.DefaultHeight, format)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := wt.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestBandChartGolden(t *testing.T) {
	p, err := tipChart().Plot()
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "band_golden.png")
	if *update {
		if err := plots.Save(p, golden, plots.DefaultWidth, plots.DefaultHeight); err != nil {
			t.Fatal(err)
		}
		return
	}
	got := render(t, p, "png")
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	ok, err := cmpimg.EqualApprox("png", got, want, goldenDelta)
	if err != nil {
		t.Fatal(err)
	}
	if !ok {
		out := filepath.Join(t.TempDir(), "band_got.png")
		if dir := os.Getenv("KRYSHA_TEST_OUT"); dir != "" {
			out = filepath.Join(dir, "band_got.png")
		}
		_ = os.WriteFile(out, got, 0o644)
		t.Errorf("band chart differs from %s; got %s (set KRYSHA_TEST_OUT to keep it); if the change is intended, run go test -update", golden, out)
	}
}

func TestBandChartValidation(t *testing.T) {
	t.Parallel()
	valid := func() plots.Band {
		return plots.Band{
			Label: "prosecutions",
			X:     []float64{2000, 2001, 2002},
			Mean:  []float64{5, 6, 7},
			Lo:    []float64{4, 5, 6},
			Hi:    []float64{6, 7, 8},
		}
	}
	tests := []struct {
		name   string
		chart  func(c *plots.BandChart)
		want   error
		naming string // how the error names the series
	}{
		{"mismatched lengths", func(c *plots.BandChart) { c.Bands[1].Hi = c.Bands[1].Hi[:2] }, plots.ErrLength, `band 1 "convictions"`},
		{"no data", func(c *plots.BandChart) {
			b := &c.Bands[1]
			b.X, b.Mean, b.Lo, b.Hi = nil, nil, nil, nil
		}, plots.ErrEmpty, `band 1 "convictions"`},
		{"NaN mean", func(c *plots.BandChart) { c.Bands[1].Mean[2] = math.NaN() }, plots.ErrNotFinite, `band 1 "convictions"`},
		{"infinite x", func(c *plots.BandChart) { c.Bands[0].X[2] = math.Inf(1) }, plots.ErrNotFinite, `band 0 "prosecutions"`},
		{"too large", func(c *plots.BandChart) { c.Bands[0].Hi[2] = 1e301 }, plots.ErrNotFinite, `band 0 "prosecutions"`},
		{"Lo above Hi", func(c *plots.BandChart) { c.Bands[1].Lo[0] = 9 }, plots.ErrInverted, `band 1 "convictions"`},
		{"x not increasing", func(c *plots.BandChart) { c.Bands[0].X[2] = 2001 }, plots.ErrXOrder, `band 0 "prosecutions"`},
		{"empty label", func(c *plots.BandChart) { c.Bands[1].Label = "" }, plots.ErrNoLabel, `band 1 ""`},
		{"duplicate label", func(c *plots.BandChart) { c.Bands[1].Label = "prosecutions" }, plots.ErrDuplicate, `band 1 "prosecutions"`},
		{"points lengths", func(c *plots.BandChart) {
			c.Points = []plots.Points{{Label: "observed", X: []float64{2000, 2001}, Y: []float64{3}}}
		}, plots.ErrLength, `points 0 "observed"`},
		{"points NaN", func(c *plots.BandChart) {
			c.Points = []plots.Points{{Label: "observed", X: []float64{2000}, Y: []float64{math.NaN()}}}
		}, plots.ErrNotFinite, `points 0 "observed"`},
		{"points empty label", func(c *plots.BandChart) {
			c.Points = []plots.Points{{X: []float64{2000}, Y: []float64{3}}}
		}, plots.ErrNoLabel, `points 0 ""`},
		{"marker NaN", func(c *plots.BandChart) {
			c.Markers = []plots.Marker{{X: math.NaN(), Label: "plan"}}
		}, plots.ErrNotFinite, `marker 0 "plan"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			conv := valid()
			conv.Label = "convictions"
			c := &plots.BandChart{Bands: []plots.Band{valid(), conv}}
			tt.chart(c)
			p, err := c.Plot()
			if p != nil || !errors.Is(err, tt.want) {
				t.Fatalf("Plot() = %v, %v; want nil, %v", p, err, tt.want)
			}
			var se *plots.SeriesError
			if !errors.As(err, &se) {
				t.Fatalf("error %v is a %T, not a *SeriesError", err, err)
			}
			if !strings.Contains(err.Error(), tt.naming) {
				t.Errorf("error %q does not name %s", err, tt.naming)
			}
		})
	}
}

// TestBandChartDegenerate draws charts that are odd but meaningful: they
// must give a plot, and drawing it must not panic.
func TestBandChartDegenerate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		chart plots.BandChart
	}{
		{"nothing", plots.BandChart{Title: "empty"}},
		{"nothing counted", plots.BandChart{YFromZero: true, IntegerX: true}},
		{"one year", plots.BandChart{IntegerX: true, YFromZero: true, Bands: []plots.Band{{
			Label: "a", X: []float64{2005}, Mean: []float64{3}, Lo: []float64{1}, Hi: []float64{4},
		}}}},
		{"all zeros", plots.BandChart{IntegerX: true, YFromZero: true, Bands: []plots.Band{{
			Label: "a", X: []float64{2000, 2001, 2002}, Mean: make([]float64, 3), Lo: make([]float64, 3), Hi: make([]float64, 3),
		}}}},
		{"constant, not from zero", plots.BandChart{Bands: []plots.Band{{
			Label: "a", X: []float64{0, 1}, Mean: []float64{-7, -7}, Lo: []float64{-7, -7}, Hi: []float64{-7, -7},
		}}}},
		{"points only", plots.BandChart{Points: []plots.Points{{Label: "seen", X: []float64{3, 1}, Y: []float64{2, 2}}}}},
		{"marker only", plots.BandChart{Markers: []plots.Marker{{X: 2012}}, IntegerX: true}},
		{"two centuries, millions", plots.BandChart{IntegerX: true, Bands: []plots.Band{{
			Label: "a", X: []float64{1815, 2015}, Mean: []float64{1e6, 3e6}, Lo: []float64{-1e6, 2e6}, Hi: []float64{2e6, 4e6},
		}}}},
		{"tiny fractions", plots.BandChart{Bands: []plots.Band{{
			Label: "rate", X: []float64{0.001, 0.002}, Mean: []float64{1e-4, 2e-4}, Lo: []float64{0, 1e-4}, Hi: []float64{2e-4, 3e-4},
		}}}},
		{"denormal", plots.BandChart{Bands: []plots.Band{{
			Label: "a", X: []float64{0, 1}, Mean: []float64{0, 5e-324}, Lo: []float64{0, 0}, Hi: []float64{0, 5e-324},
		}}}},
		{"near the limit", plots.BandChart{IntegerX: true, Bands: []plots.Band{{
			Label: "a", X: []float64{-1e300, 1e300}, Mean: []float64{-1e300, 1e300}, Lo: []float64{-1e300, 1e300}, Hi: []float64{-1e300, 1e300},
		}}}},
		{"mean outside band", plots.BandChart{Bands: []plots.Band{{
			Label: "a", X: []float64{1, 2}, Mean: []float64{10, -10}, Lo: []float64{0, 0}, Hi: []float64{1, 1},
		}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := tt.chart.Plot()
			if err != nil {
				t.Fatal(err)
			}
			render(t, p, "png")
			render(t, p, "svg")
		})
	}
}

// TestBandChartCopiesInput checks that changing the caller's slices
// after Plot does not change the picture.
func TestBandChartCopiesInput(t *testing.T) {
	t.Parallel()
	c := tipChart()
	p, err := c.Plot()
	if err != nil {
		t.Fatal(err)
	}
	want := render(t, p, "svg")
	for i := range c.Bands {
		for j := range c.Bands[i].Mean {
			c.Bands[i].X[j] *= 2
			c.Bands[i].Mean[j], c.Bands[i].Lo[j], c.Bands[i].Hi[j] = -1, -2, -3
		}
	}
	for i := range c.Points {
		for j := range c.Points[i].Y {
			c.Points[i].Y[j] = -1
		}
	}
	c.Bands[0].Label = "changed"
	if got := render(t, p, "svg"); !bytes.Equal(got, want) {
		t.Error("the plot changed with its input")
	}
}

func TestBandChartEveryColour(t *testing.T) {
	t.Parallel()
	// More bands than palette colours cycle through it rather than fail.
	var c plots.BandChart
	for i := range 10 {
		c.Bands = append(c.Bands, plots.Band{
			Label: string(rune('a' + i)),
			X:     []float64{0, 1},
			Mean:  []float64{float64(i), float64(i + 1)},
			Lo:    []float64{float64(i) - 0.5, float64(i)},
			Hi:    []float64{float64(i) + 0.5, float64(i + 2)},
		})
	}
	p, err := c.Plot()
	if err != nil {
		t.Fatal(err)
	}
	render(t, p, "png")
}
