package gsa_test

import (
	"testing"

	"github.com/krysha/krysha/sim/analysis/gsa"
)

// Choose picks a box of the trajectory, as an analyst inspecting it
// would; past the trajectory's end it is an error.
func TestPrimChoose(t *testing.T) {
	t.Parallel()
	x, y := plantedBox(2000, 3, 0, 9)
	auto, err := gsa.Prim(x, y, nil)
	if err != nil {
		t.Fatal(err)
	}
	i := auto.Chosen / 2
	r, err := gsa.Prim(x, y, &gsa.PrimOptions{Choose: i, Threshold: 0.99})
	if err != nil {
		t.Fatal(err)
	}
	want := auto.Trajectory[i]
	if r.Chosen != i || r.Box.N != want.N || r.Box.Hits != want.Hits || r.ThresholdMet != (want.Density >= 0.99) {
		t.Errorf("chose box %d (%d runs, %d hits, threshold met %v), want box %d (%d runs, %d hits)",
			r.Chosen, r.Box.N, r.Box.Hits, r.ThresholdMet, i, want.N, want.Hits)
	}
	if len(r.Restrictions) != len(want.Restricted) {
		t.Errorf("%d restrictions, box %d restricts %v", len(r.Restrictions), i, want.Restricted)
	}
	n := len(auto.Trajectory)
	if _, err := gsa.Prim(x, y, &gsa.PrimOptions{Choose: n}); err == nil {
		t.Errorf("Choose = %d of %d boxes: no error", n, n)
	}
	if _, err := gsa.Prim(x, y, &gsa.PrimOptions{Choose: -1}); err == nil {
		t.Error("Choose = -1: no error")
	}
}
