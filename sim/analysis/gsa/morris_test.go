package gsa_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/krysha/krysha/sim/analysis/gsa"
)

// TestMorrisLinear: for y = 5 x1 + 2 x2 + 0.5 x3 + 0 x4 every elementary
// effect of x_i is its coefficient, so μ = μ* = (5, 2, 0.5, 0) and σ = 0
// up to rounding (a few ulps of 5/Δ).
func TestMorrisLinear(t *testing.T) {
	t.Parallel()
	coef := []float64{5, 2, 0.5, 0}
	x, err := gsa.MorrisTrajectories(len(coef), 20, 4, rand.NewPCG(1, 1))
	if err != nil {
		t.Fatal(err)
	}
	y := make([]float64, len(x))
	for i, p := range x {
		for j, c := range coef {
			y[i] += c * p[j]
		}
	}
	m, err := gsa.Morris(x, y, &gsa.BootstrapOptions{Src: rand.NewPCG(2, 2)})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range coef {
		if math.Abs(m.MuStar[i]-c) > 1e-12 || math.Abs(m.Mu[i]-c) > 1e-12 || m.Sigma[i] > 1e-12 {
			t.Errorf("x%d: μ = %g, μ* = %g, σ = %g; want %g, %g, 0", i+1, m.Mu[i], m.MuStar[i], m.Sigma[i], c, c)
		}
		if m.MuStarConf[i].Lo > c+1e-12 || m.MuStarConf[i].Hi < c-1e-12 {
			t.Errorf("x%d: μ* interval %v misses %g", i+1, m.MuStarConf[i], c)
		}
	}
	if m.MuStar[3] != 0 {
		t.Errorf("μ* of x4 = %g, want exactly 0", m.MuStar[3])
	}
	if r := m.Ranking(); !slices.Equal(r, []int{0, 1, 2, 3}) {
		t.Errorf("ranking = %v, want [0 1 2 3]", r)
	}
}

// TestMorrisNonlinear: for y = x1·x2 + x3² the effects of x1 and x2 vary
// with the other input (σ > 0) and x3's with its own level; x4 is inert.
func TestMorrisNonlinear(t *testing.T) {
	t.Parallel()
	x, _ := gsa.MorrisTrajectories(4, 30, 6, rand.NewPCG(3, 3))
	y := make([]float64, len(x))
	for i, p := range x {
		y[i] = p[0]*p[1] + p[2]*p[2]
	}
	m, err := gsa.Morris(x, y, &gsa.BootstrapOptions{Resamples: -1})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if m.Sigma[i] <= 0 || m.MuStar[i] <= 0 {
			t.Errorf("x%d: μ* = %g, σ = %g, want both > 0", i+1, m.MuStar[i], m.Sigma[i])
		}
	}
	if m.MuStar[3] != 0 || m.Sigma[3] != 0 || m.MuStarConf != nil {
		t.Errorf("x4: μ* = %g, σ = %g, want 0; intervals %v, want none", m.MuStar[3], m.Sigma[3], m.MuStarConf)
	}
}

// TestMorrisTrajectories checks the construction: points on the p-level
// grid, each step one input by ±Δ, each input once per trajectory, and
// starts spread over the grid.
func TestMorrisTrajectories(t *testing.T) {
	t.Parallel()
	const k, r, p = 5, 200, 4
	x, err := gsa.MorrisTrajectories(k, r, p, rand.NewPCG(9, 9))
	if err != nil {
		t.Fatal(err)
	}
	if len(x) != r*(k+1) {
		t.Fatalf("len = %d, want %d", len(x), r*(k+1))
	}
	delta := gsa.MorrisDelta(p) // 2/3
	counts := make([]int, p)
	for tr := range r {
		moved := make([]bool, k)
		for s := range k {
			a, b := x[tr*(k+1)+s], x[tr*(k+1)+s+1]
			n := 0
			for j := range a {
				if a[j] != b[j] {
					n++
					if math.Abs(math.Abs(b[j]-a[j])-delta) > 1e-12 || moved[j] {
						t.Fatalf("trajectory %d step %d: input %d moves %g (again: %v)", tr, s, j, b[j]-a[j], moved[j])
					}
					moved[j] = true
				}
			}
			if n != 1 {
				t.Fatalf("trajectory %d step %d moves %d inputs", tr, s, n)
			}
		}
		for _, v := range x[tr*(k+1)] {
			counts[int(math.Round(v*(p-1)))]++
		}
	}
	// Each input starts at level 0 or 1 going up, 2 or 3 going down, each
	// with probability 1/4: 1000 starts give 250 ± 14 (sd) per level.
	for l, c := range counts {
		if c < 180 || c > 320 {
			t.Errorf("level %d holds %d of %d starts, want ~250", l, c, r*k)
		}
	}
	if _, err := gsa.MorrisTrajectories(3, 2, 5, nil); err == nil {
		t.Error("accepted odd p")
	}
}

func TestMorrisRejectsBrokenTrajectories(t *testing.T) {
	t.Parallel()
	x := [][]float64{{0, 0}, {1, 1}, {1, 0}} // first step moves both inputs
	if _, err := gsa.Morris(x, []float64{0, 1, 2}, nil); err == nil {
		t.Error("accepted a step that moves two inputs")
	}
	x = [][]float64{{0, 0}, {1, 0}, {0, 0}} // moves input 1 twice
	if _, err := gsa.Morris(x, []float64{0, 1, 2}, nil); err == nil {
		t.Error("accepted an input moved twice")
	}
	if _, err := gsa.Morris(x[:2], []float64{0, 1}, nil); err == nil {
		t.Error("accepted 2 rows for k = 2")
	}
}
