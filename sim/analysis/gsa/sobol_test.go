package gsa_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/krysha/krysha/sim/analysis/gsa"
	"github.com/krysha/krysha/sim/experiment/design"
)

// ishigami is the Ishigami–Homma (1990) function with a = 7, b = 0.1, of
// inputs uniform on [−π, π]; x[3] is a dummy input it ignores.
func ishigami(x []float64) float64 {
	const a, b = 7, 0.1
	return math.Sin(x[0]) + a*math.Sin(x[1])*math.Sin(x[1]) + b*math.Pow(x[2], 4)*math.Sin(x[0])
}

// The Ishigami function's indices, from its variance decomposition
// (Ishigami and Homma, 1990; Saltelli et al., 2008, "Global Sensitivity
// Analysis: The Primer", §4.7): with a = 7, b = 0.1,
//
//	V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V13 = b²π⁸(1/18 − 1/50),
//	V = V1 + V2 + V13,
//
// S = (V1, V2, 0)/V ≈ (0.3139, 0.4424, 0) and ST = (V1+V13, V2, V13)/V ≈
// (0.5576, 0.4424, 0.2437), the values the Primer quotes.
func ishigamiIndices() (s, st []float64) {
	const a, b = 7.0, 0.1
	pi4 := math.Pow(math.Pi, 4)
	v1 := 0.5 * (1 + b*pi4/5) * (1 + b*pi4/5)
	v2 := a * a / 8
	v13 := b * b * pi4 * pi4 * (1.0/18 - 1.0/50)
	v := v1 + v2 + v13
	return []float64{v1 / v, v2 / v, 0, 0}, []float64{(v1 + v13) / v, v2 / v, v13 / v, 0}
}

// saltelliRuns returns the points of a Saltelli design of n base rows over
// k inputs uniform on [−π, π].
func saltelliRuns(t testing.TB, k, n int, seed uint64) [][]float64 {
	fs := make([]design.Factor, k)
	for j := range fs {
		fs[j] = design.Factor{Path: string(rune('a' + j)), Lo: -math.Pi, Hi: math.Pi}
	}
	d, err := design.NewSaltelli(fs, n, seed, nil)
	if err != nil {
		t.Fatal(err)
	}
	x := make([][]float64, d.Len())
	for i := range x {
		x[i] = d.Point(i)
	}
	return x
}

func TestSobolIshigami(t *testing.T) {
	t.Parallel()
	const k, n = 4, 4096
	x := saltelliRuns(t, k, n, 2026)
	y := make([]float64, len(x))
	for i, p := range x {
		y[i] = ishigami(p)
	}
	r, err := gsa.Sobol(y, k, &gsa.BootstrapOptions{Src: rand.NewPCG(1, 2)})
	if err != nil {
		t.Fatal(err)
	}
	s, st := ishigamiIndices()
	for i := range 3 {
		t.Logf("x%d: S = %.4f [%.4f, %.4f] (exact %.4f); ST = %.4f [%.4f, %.4f] (exact %.4f)", i+1,
			r.S[i], r.SConf[i].Lo, r.SConf[i].Hi, s[i], r.ST[i], r.STConf[i].Lo, r.STConf[i].Hi, st[i])
		// The exact index must lie in the 95% interval, and the interval
		// must be narrow enough to say something at N = 4096.
		if !r.SConf[i].Contains(s[i]) || r.SConf[i].Width() > 0.15 {
			t.Errorf("x%d: S interval %v misses %.4f or is wider than 0.15", i+1, r.SConf[i], s[i])
		}
		if !r.STConf[i].Contains(st[i]) || r.STConf[i].Width() > 0.15 {
			t.Errorf("x%d: ST interval %v misses %.4f or is wider than 0.15", i+1, r.STConf[i], st[i])
		}
	}
	// The dummy input changes nothing, so f(AB_4) = f(A) row by row and
	// both estimators are exactly zero.
	if r.S[3] != 0 || r.ST[3] != 0 {
		t.Errorf("dummy input: S = %g, ST = %g, want 0", r.S[3], r.ST[3])
	}
}

func TestSobolIntervalsAreSeeded(t *testing.T) {
	t.Parallel()
	const k, n = 4, 256
	x := saltelliRuns(t, k, n, 1)
	y := make([]float64, len(x))
	for i, p := range x {
		y[i] = ishigami(p)
	}
	opt := func(seed uint64) *gsa.BootstrapOptions {
		return &gsa.BootstrapOptions{Resamples: 200, Src: rand.NewPCG(seed, 0)}
	}
	a, _ := gsa.Sobol(y, k, opt(1))
	b, _ := gsa.Sobol(y, k, opt(1))
	c, _ := gsa.Sobol(y, k, opt(2))
	if a.SConf[0] != b.SConf[0] || a.STConf[2] != b.STConf[2] {
		t.Error("same source, different intervals")
	}
	if a.SConf[0] == c.SConf[0] {
		t.Error("different sources, same interval")
	}
	if d, _ := gsa.Sobol(y, k, &gsa.BootstrapOptions{Resamples: -1}); d.SConf != nil || d.S[0] != a.S[0] {
		t.Error("Resamples < 0 should give the same indices without intervals")
	}
}

func TestSobolRejects(t *testing.T) {
	t.Parallel()
	y := make([]float64, 12)
	for _, tt := range []struct {
		y   []float64
		k   int
		opt *gsa.BootstrapOptions
		err string
	}{
		{y[:11], 4, nil, "gsa: Sobol: len(y) = 11, want N(k+2) = 6·N with N ≥ 2"},
		{y[:6], 4, nil, "gsa: Sobol: len(y) = 6, want N(k+2) = 6·N with N ≥ 2"},
		{y, 0, nil, "gsa: Sobol: k = 0, want at least 1"},
		{append([]float64{math.NaN()}, y[1:]...), 4, nil, "gsa: Sobol: y[0] = NaN, want a finite number"},
		{y, 4, &gsa.BootstrapOptions{Level: 1.5}, "gsa: Sobol: Level = 1.5, want in (0, 1)"},
	} {
		if _, err := gsa.Sobol(tt.y, tt.k, tt.opt); err == nil || err.Error() != tt.err {
			t.Errorf("Sobol error = %v, want %q", err, tt.err)
		}
	}
}

func BenchmarkSobol(b *testing.B) {
	for _, n := range []int{1024, 4096} {
		x := saltelliRuns(b, 4, n, 1)
		y := make([]float64, len(x))
		for i, p := range x {
			y[i] = ishigami(p)
		}
		b.Run(fmt.Sprintf("N=%d/B=1000", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				gsa.Sobol(y, 4, nil)
			}
		})
	}
}
