package calib

import (
	"errors"
	"math"
	"testing"
)

func TestSpread(t *testing.T) {
	t.Parallel()
	// Three replicates of x over 2010–2012; the 2012 values are 10, 20
	// and 40, so the central 50% interval (quantiles 0.25 and 0.75 of
	// definition 7: h = 0.5 and 1.5) is [15, 30].
	reps := []Yearly{table(10, 20, 10), table(30, 20, 20), table(20, 20, 40)}
	tg := &Targets{
		Counts:     []CountTarget{{Metric: "x", Year: 2012, Observed: 1, Scale: 2, Weight: 1}},
		Directions: []DirectionTarget{{Metric: "x", From: 2011, To: 2012, Direction: Down, Weight: 1}},
		Offset:     0.5,
	}
	s, err := tg.Spread(reps, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	if s.CountLo[0] != 30 || s.CountHi[0] != 60 {
		t.Errorf("count interval [%v, %v], want twice [15, 30]", s.CountLo[0], s.CountHi[0])
	}
	// Δ_r = ln((x_r(2012) + 0.5) / 20.5): the same quantiles of 10, 20, 40.
	d := func(v float64) float64 { return math.Log((v + 0.5) / 20.5) }
	lo, hi := d(10)+0.5*(d(20)-d(10)), d(20)+0.5*(d(40)-d(20))
	if math.Abs(s.DirLo[0]-lo) > tol || math.Abs(s.DirHi[0]-hi) > tol {
		t.Errorf("direction interval [%v, %v], want [%v, %v]", s.DirLo[0], s.DirHi[0], lo, hi)
	}
	// A replicate without the year names itself.
	short := []Yearly{table(1, 2, 3), &Table{FirstYear: 2010, Columns: map[string][]float64{"x": {1}}}}
	var oe *OutputError
	if _, err := tg.Spread(short, 0.9); !errors.As(err, &oe) || oe.Replicate != 1 {
		t.Errorf("error %v, want an *OutputError of replicate 1", err)
	}
	if _, err := tg.Spread(reps, 1); err == nil {
		t.Error("level 1 accepted")
	}
}
