package calib

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

// ridgeDesign is a 2,000-point design on a box of four parameters: the
// loss pins a, holds b + c on a ridge (each alone free, the pair tied)
// and ignores d.
func ridgeDesign(seed uint64) ([]Param, [][]float64, []float64) {
	box := []Param{{Name: "a", Min: 1, Max: 100, Log: true}, {Name: "b", Min: 0, Max: 1}, {Name: "c", Min: -1, Max: 1}, {Name: "d", Min: 0, Max: 1}}
	design := latinHypercube(box, 2000, rand.NewPCG(seed, 0))
	losses := make([]float64, len(design))
	for i, x := range design {
		ua, ub, uc := box[0].unit(x[0]), box[1].unit(x[1]), box[2].unit(x[2])
		losses[i] = 4*math.Abs(ua-0.5) + 4*math.Abs(ub+uc-1)
	}
	return box, design, losses
}

func TestRejectMarginals(t *testing.T) {
	t.Parallel()
	box, design, losses := ridgeDesign(1)
	p, err := Reject(box, design, losses, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Keep) != 100 || len(p.Points) != 100 || p.Epsilon != p.Losses[99] {
		t.Fatalf("kept %d, epsilon %v", len(p.Keep), p.Epsilon)
	}
	for i := 1; i < len(p.Losses); i++ {
		if p.Losses[i] < p.Losses[i-1] {
			t.Fatalf("losses not increasing at %d", i)
		}
	}
	// The best 5% of the cube have |u_a − 1/2| + |u_b + u_c − 1| ≤ ε/4,
	// a region of volume 2(ε/4)² = 0.05, so ε ≈ 0.63 and u_a stays within
	// ±0.16 of 1/2 (θ = 10 on a's log scale): a share near 0.25. Its median
	// is within ±0.04 in u (about 4 standard errors of the median of 100
	// points spread ±0.16), a factor 100^0.04 = 1.2 in θ.
	a := p.Marginal[0]
	if math.Abs(math.Log(a.Median/10)) > math.Log(1.2) || !a.Identified || a.Share > 0.4 {
		t.Errorf("a: %+v", a)
	}
	// b and c each roam most of the ridge; whether a share crosses 0.8
	// depends on the sample (0.76 to 0.91 over seeds 1 to 30), since the
	// ridge is shorter near the corners of the box. d is free.
	for _, m := range p.Marginal[1:3] {
		if m.Share < 0.7 {
			t.Errorf("%s on the ridge has share %.2f", m.Name, m.Share)
		}
	}
	if d := p.Marginal[3]; d.Identified {
		t.Errorf("d enters no loss but %+v", d)
	}
	// Along the ridge u_c = 1 − u_b ± 0.16: a correlation near −0.9.
	if p.Pair.I != 1 || p.Pair.J != 2 || p.Pair.R > -0.7 {
		t.Errorf("pair %+v; want b and c, correlated below −0.7", p.Pair)
	}
	if r := p.Correlations(); r[1][2] != p.Pair.R || r[2][1] != p.Pair.R || math.Abs(r[3][3]-1) > tol {
		t.Errorf("correlations %v", r)
	}
}

func TestRejectKeep(t *testing.T) {
	t.Parallel()
	box := []Param{{Name: "x", Min: 0, Max: 1}}
	design := func(n int) [][]float64 {
		d := make([][]float64, n)
		for i := range d {
			d[i] = []float64{float64(i) / float64(n)}
		}
		return d
	}
	tests := []struct {
		n, keep int
		set     *ABCSettings
		warn    bool
	}{
		{10, 10, nil, true},   // fewer than MinKeep: all
		{100, 20, nil, true},  // MinKeep beats 5%
		{1000, 50, nil, true}, // 5%
		{3000, 150, nil, false},
		{1000, 100, &ABCSettings{Fraction: 0.1}, false},
		{1000, 3, &ABCSettings{Fraction: 0.001, MinKeep: 3}, true},
	}
	for _, tt := range tests {
		losses := make([]float64, tt.n)
		for i := range losses {
			losses[i] = float64(tt.n - i) // the last points are best
		}
		p, err := Reject(box, design(tt.n), losses, tt.set)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Keep) != tt.keep || p.Keep[0] != tt.n-1 || (len(p.Warnings) > 0) != tt.warn {
			t.Errorf("n = %d: kept %d from %d, warnings %q; want %d", tt.n, len(p.Keep), p.Keep[0], p.Warnings, tt.keep)
		}
	}
}

func TestRejectTiesAndFailures(t *testing.T) {
	t.Parallel()
	box := []Param{{Name: "x", Min: 0, Max: 1}}
	design := [][]float64{{0.1}, {0.2}, {0.3}, {0.4}}
	inf := math.Inf(1)
	p, err := Reject(box, design, []float64{inf, 1, 1, inf}, &ABCSettings{MinKeep: 3})
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{1, 2, 0}; p.Keep[0] != want[0] || p.Keep[1] != want[1] || p.Keep[2] != want[2] {
		t.Errorf("kept %v, want %v (ties by index, failures last)", p.Keep, want)
	}
	if len(p.Warnings) != 2 {
		t.Errorf("warnings %q; want the small sample and the failed run", p.Warnings)
	}
}

func TestRejectErrors(t *testing.T) {
	t.Parallel()
	box := []Param{{Name: "x", Min: 0, Max: 1}}
	two := [][]float64{{0.1}, {0.2}}
	tests := []struct {
		name   string
		box    []Param
		design [][]float64
		losses []float64
		set    *ABCSettings
		target any
	}{
		{"NaN loss", box, two, []float64{1, math.NaN()}, nil, new(*DesignError)},
		{"negative loss", box, two, []float64{1, -1}, nil, new(*DesignError)},
		{"outside the box", box, [][]float64{{0.1}, {1.5}}, []float64{1, 2}, nil, new(*DesignError)},
		{"wrong length", box, [][]float64{{0.1}, {0.2, 0.3}}, []float64{1, 2}, nil, new(*DesignError)},
		{"losses short", box, two, []float64{1}, nil, new(*DesignError)},
		{"one point", box, two[:1], []float64{1}, nil, new(*DesignError)},
		{"empty range", []Param{{Name: "x", Min: 1, Max: 1}}, two, []float64{1, 2}, nil, new(*ParamError)},
		{"log of zero", []Param{{Name: "x", Min: 0, Max: 1, Log: true}}, two, []float64{1, 2}, nil, new(*ParamError)},
		{"fraction", box, two, []float64{1, 2}, &ABCSettings{Fraction: 2}, new(*SettingError)},
		{"level", box, two, []float64{1, 2}, &ABCSettings{Level: 1}, new(*SettingError)},
		{"min keep", box, two, []float64{1, 2}, &ABCSettings{MinKeep: 1}, new(*SettingError)},
	}
	for _, tt := range tests {
		_, err := Reject(tt.box, tt.design, tt.losses, tt.set)
		if err == nil || !errors.As(err, tt.target) {
			t.Errorf("%s: error %v, want %T", tt.name, err, tt.target)
		}
	}
}

func TestParamTransforms(t *testing.T) {
	t.Parallel()
	box := []Param{{Min: -3, Max: 5}, {Min: 0.01, Max: 100, Log: true}}
	for _, theta := range [][]float64{{1, 1}, {-2.9, 0.02}, {4.5, 90}} {
		back := fromFree(box, toFree(box, theta))
		for i := range theta {
			if math.Abs(back[i]-theta[i]) > 1e-12*math.Abs(theta[i])+1e-12 {
				t.Errorf("θ = %v comes back as %v", theta, back)
			}
		}
	}
	// A start on a bound moves 1% of the range inside; so does a start
	// 0.5% inside, which the transform treats alike.
	got := fromFree(box, toFree(box, []float64{-3, 100}))
	if math.Abs(got[0]-(-3+0.08)) > 1e-12 || math.Abs(math.Log(got[1]/(100*math.Pow(1e4, -0.01)))) > 1e-12 {
		t.Errorf("bounds start at %v", got)
	}
	// Every free point maps inside the box.
	for _, z := range []float64{-1e3, -40, 0, 40, 1e3} {
		for i, v := range fromFree(box, []float64{z, z}) {
			if v < box[i].Min || v > box[i].Max {
				t.Errorf("z = %v maps to %v outside [%v, %v]", z, v, box[i].Min, box[i].Max)
			}
		}
	}
}

func TestRejectLeavesInfiniteLosses(t *testing.T) {
	t.Parallel()
	// 100 points, 5% kept = 5, MinKeep 3: with only 4 finite losses,
	// the 4 are kept and no infinite one; with 2, one infinite one is
	// added to reach MinKeep.
	box := []Param{{Name: "x", Min: 0, Max: 1}}
	design := make([][]float64, 100)
	for i := range design {
		design[i] = []float64{float64(i) / 100}
	}
	for _, tt := range []struct{ finite, keep int }{{4, 4}, {2, 3}, {50, 5}} {
		losses := make([]float64, len(design))
		for i := range losses {
			losses[i] = math.Inf(1)
			if i%(100/tt.finite) == 0 {
				losses[i] = float64(i)
			}
		}
		p, err := Reject(box, design, losses, &ABCSettings{Fraction: 0.05, MinKeep: 3})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Keep) != tt.keep {
			t.Errorf("%d finite losses: kept %d points, want %d", tt.finite, len(p.Keep), tt.keep)
		}
	}
}
