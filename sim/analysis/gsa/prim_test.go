package gsa_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/krysha/krysha/sim/analysis/gsa"
)

// plantedBox returns n points uniform on [0, 1]^d whose outcome is true
// in the box x1 ∈ [0.2, 0.5], x2 > 0.7 (mass 0.09), flipped with
// probability flip.
func plantedBox(n, d int, flip float64, seed uint64) ([][]float64, []bool) {
	r := rand.New(rand.NewPCG(seed, seed))
	x := make([][]float64, n)
	y := make([]bool, n)
	for i := range x {
		x[i] = make([]float64, d)
		for j := range x[i] {
			x[i][j] = r.Float64()
		}
		y[i] = x[i][0] >= 0.2 && x[i][0] <= 0.5 && x[i][1] > 0.7
		if r.Float64() < flip {
			y[i] = !y[i]
		}
	}
	return x, y
}

func TestPrimFindsPlantedBox(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		d    int
		flip float64
		opt  *gsa.PrimOptions
	}{
		{"knee, 3 dims", 3, 0, nil},
		{"knee, 5 dims", 5, 0, nil},
		{"threshold 0.9, 5 dims", 5, 0, &gsa.PrimOptions{Threshold: 0.9}},
		// 1% of outcomes flipped: ~30 false positives outside the box cap
		// coverage at 270/300 ≈ 0.9.
		{"knee, 4 dims, 1% flipped", 4, 0.01, nil},
		{"pasted, 5 dims", 5, 0, &gsa.PrimOptions{Paste: true}},
	} {
		x, y := plantedBox(3000, tt.d, tt.flip, uint64(tt.d)+uint64(tt.flip*100))
		r, err := gsa.Prim(x, y, tt.opt)
		if err != nil {
			t.Fatal(err)
		}
		b := r.Box
		t.Logf("%s: step %d of %d, coverage %.3f density %.3f mass %.3f, restrictions %+v",
			tt.name, r.Chosen, len(r.Trajectory), b.Coverage, b.Density, b.Mass, r.Restrictions)
		if b.Coverage < 0.8 || b.Density < 0.8 {
			t.Errorf("%s: coverage %.3f, density %.3f; want both > 0.8", tt.name, b.Coverage, b.Density)
		}
		if !slices.Equal(b.Restricted, []int{0, 1}) {
			t.Errorf("%s: restricted inputs %v, want [0 1]", tt.name, b.Restricted)
			continue
		}
		// The bounds sit within a peel's width of the planted ones: with
		// ~3000·0.3 points across x1's range in the box, α = 5% moves a
		// bound by about 0.05 of the box's side.
		want := [][2]float64{{0.2, 0.5}, {0.7, 1}}
		for _, rs := range r.Restrictions {
			w := want[rs.Dim]
			if math.Abs(rs.Lo-w[0]) > 0.05 || math.Abs(rs.Hi-w[1]) > 0.05 {
				t.Errorf("%s: x%d in [%.3f, %.3f], want ≈ [%g, %g]", tt.name, rs.Dim+1, rs.Lo, rs.Hi, w[0], w[1])
			}
			if rs.QP > 1e-6 {
				t.Errorf("%s: x%d quasi-p-value %g, want ≈ 0 for a real restriction", tt.name, rs.Dim+1, rs.QP)
			}
		}
	}
}

func TestPrimTrajectory(t *testing.T) {
	t.Parallel()
	x, y := plantedBox(1000, 3, 0, 11)
	r, err := gsa.Prim(x, y, &gsa.PrimOptions{MassMin: 0.05})
	if err != nil {
		t.Fatal(err)
	}
	tr := r.Trajectory
	if tr[0].Mass != 1 || tr[0].Coverage != 1 || len(tr[0].Restricted) != 0 {
		t.Errorf("first box = %+v, want all the data", tr[0])
	}
	for i := 1; i < len(tr); i++ {
		if tr[i].N >= tr[i-1].N || tr[i].Hits > tr[i-1].Hits {
			t.Errorf("step %d grows: %d points %d hits after %d, %d", i, tr[i].N, tr[i].Hits, tr[i-1].N, tr[i-1].Hits)
		}
		if tr[i].Mass < 0.05 {
			t.Errorf("step %d has mass %g below MassMin", i, tr[i].Mass)
		}
	}
	if r.Hits != tr[0].Hits || r.Total != 1000 {
		t.Errorf("Hits, Total = %d, %d", r.Hits, r.Total)
	}
}

// TestPrimTies: on a grid design inputs take few values; peeling must
// remove ties together and still find the box.
func TestPrimTies(t *testing.T) {
	t.Parallel()
	var x [][]float64
	var y []bool
	for a := range 10 {
		for b := range 10 {
			for c := range 10 {
				x = append(x, []float64{float64(a), float64(b), float64(c)})
				y = append(y, a >= 7 && b <= 2)
			}
		}
	}
	r, err := gsa.Prim(x, y, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Box.Density != 1 || r.Box.Coverage != 1 || !slices.Equal(r.Box.Restricted, []int{0, 1}) {
		t.Errorf("box %+v, want density 1, coverage 1 on inputs 0, 1", r.Box)
	}
}

func TestPrimRejects(t *testing.T) {
	t.Parallel()
	x := [][]float64{{0, 1}, {1, 0}}
	for _, tt := range []struct {
		x   [][]float64
		y   []bool
		opt *gsa.PrimOptions
	}{
		{x, []bool{true}, nil},
		{[][]float64{{0, 1}, {1}}, []bool{true, false}, nil},
		{[][]float64{{0, math.Inf(1)}, {1, 0}}, []bool{true, false}, nil},
		{x, []bool{true, false}, &gsa.PrimOptions{Alpha: 0.6}},
		{x, []bool{true, false}, &gsa.PrimOptions{Threshold: 2}},
		{nil, nil, nil},
	} {
		if _, err := gsa.Prim(tt.x, tt.y, tt.opt); err == nil {
			t.Errorf("Prim(%v, %v, %+v) accepted it", tt.x, tt.y, tt.opt)
		}
	}
}
