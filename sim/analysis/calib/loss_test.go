package calib

import (
	"errors"
	"math"
	"slices"
	"testing"
)

// tol is for closed forms computed in a different order: a few ulps of
// numbers of order one.
const tol = 1e-12

func TestHinge(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		delta  float64
		dir    Direction
		margin float64
		weight float64
		want   float64
	}{
		{"down, fell by more than the margin", -0.3, Down, 0.1, 1, 0},
		{"down, fell by exactly the margin", -0.1, Down, 0.1, 1, 0},
		{"down, fell too little", -0.05, Down, 0.1, 1, 0.05 * 0.05},
		{"down, rose", 0.2, Down, 0.1, 2, 2 * 0.3 * 0.3},
		{"up, rose", 0.5, Up, 0.1, 1, 0},
		{"up, fell", -0.1, Up, 0.1, 1, 0.2 * 0.2},
		{"no margin, flat", 0, Down, 0, 1, 0},
		{"no margin, wrong way", 0.1, Down, 0, 1, 0.01},
		{"zero weight", 1, Down, 0.1, 0, 0},
	}
	for _, tt := range tests {
		if got := Hinge(tt.delta, tt.dir, tt.margin, tt.weight); math.Abs(got-tt.want) > tol {
			t.Errorf("%s: Hinge(%v, %v, %v, %v) = %v, want %v", tt.name, tt.delta, tt.dir, tt.margin, tt.weight, got, tt.want)
		}
	}
}

// table returns one replicate holding metric x over 2010–2012.
func table(x ...float64) Yearly {
	return &Table{FirstYear: 2010, Columns: map[string][]float64{"x": x}}
}

func TestLoss(t *testing.T) {
	t.Parallel()
	reps := []Yearly{table(10, 20, 5), table(30, 20, 15)} // means 20, 20, 10
	sq := func(v float64) float64 { return v * v }
	tests := []struct {
		name string
		tg   Targets
		want []float64 // per count target, then per direction target
	}{
		{"exact", Targets{Counts: []CountTarget{{Metric: "x", Year: 2010, Observed: 20, Scale: 1, Weight: 1}}, Offset: 0.5},
			[]float64{0}},
		{"factor two, weighted", Targets{Counts: []CountTarget{{Metric: "x", Year: 2012, Observed: 20, Scale: 1, Weight: 0.5}}, Offset: 0.5},
			[]float64{0.5 * sq(math.Log(10.5/20.5))}},
		{"scale to tonnes", Targets{Counts: []CountTarget{{Metric: "x", Year: 2011, Observed: 0.02, Scale: 1e-3, Weight: 1}}, Offset: 0.5},
			[]float64{0}},
		{"zero observed", Targets{Counts: []CountTarget{{Metric: "x", Year: 2011, Observed: 0, Scale: 1, Weight: 1}}, Offset: 0.5},
			[]float64{sq(math.Log(20.5 / 0.5))}},
		{"fell as asked", Targets{Directions: []DirectionTarget{{Metric: "x", From: 2011, To: 2012, Direction: Down, Weight: 1}}, Offset: 0.5, Margin: 0.1},
			[]float64{0}},
		{"flat but asked up", Targets{Directions: []DirectionTarget{{Metric: "x", From: 2010, To: 2011, Direction: Up, Weight: 1}}, Offset: 0.5, Margin: 0.1},
			[]float64{0.01}},
		{"fell but asked up", Targets{Directions: []DirectionTarget{{Metric: "x", From: 2011, To: 2012, Direction: Up, Weight: 1}}, Offset: 0.5, Margin: 0.1},
			[]float64{sq(0.1 - math.Log(10.5/20.5))}},
	}
	for _, tt := range tests {
		l, err := tt.tg.Loss(reps)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		got := append(append([]float64(nil), l.Counts...), l.Directions...)
		var sum float64
		for i := range got {
			sum += got[i]
			if math.Abs(got[i]-tt.want[i]) > tol {
				t.Errorf("%s: term %d = %v, want %v", tt.name, i, got[i], tt.want[i])
			}
		}
		if l.Total != sum {
			t.Errorf("%s: total %v is not the sum of the terms %v", tt.name, l.Total, sum)
		}
	}
}

func TestLossErrors(t *testing.T) {
	t.Parallel()
	ok := CountTarget{Metric: "x", Year: 2010, Observed: 1, Scale: 1, Weight: 1}
	tests := []struct {
		name string
		tg   Targets
		reps []Yearly
		out  bool // an *OutputError rather than a *TargetError or *SettingError
	}{
		{"missing year", Targets{Counts: []CountTarget{{Metric: "x", Year: 2020, Observed: 1, Scale: 1, Weight: 1}}, Offset: 0.5}, []Yearly{table(1, 2, 3)}, true},
		{"missing metric", Targets{Counts: []CountTarget{{Metric: "y", Year: 2010, Observed: 1, Scale: 1, Weight: 1}}, Offset: 0.5}, []Yearly{table(1, 2, 3)}, true},
		{"negative", Targets{Counts: []CountTarget{ok}, Offset: 0.5}, []Yearly{table(1, 2, 3), table(-1, 2, 3)}, true},
		{"NaN", Targets{Counts: []CountTarget{ok}, Offset: 0.5}, []Yearly{table(math.NaN(), 2, 3)}, true},
		{"no offset", Targets{Counts: []CountTarget{ok}}, []Yearly{table(1, 2, 3)}, false},
		{"no targets", Targets{Offset: 0.5}, []Yearly{table(1, 2, 3)}, false},
		{"no replicates", Targets{Counts: []CountTarget{ok}, Offset: 0.5}, nil, false},
		{"zero scale", Targets{Counts: []CountTarget{{Metric: "x", Year: 2010, Observed: 1, Weight: 1}}, Offset: 0.5}, []Yearly{table(1, 2, 3)}, false},
		{"same years", Targets{Directions: []DirectionTarget{{Metric: "x", From: 2010, To: 2010, Direction: Up, Weight: 1}}, Offset: 0.5}, []Yearly{table(1, 2, 3)}, false},
		{"no direction", Targets{Directions: []DirectionTarget{{Metric: "x", From: 2010, To: 2011, Weight: 1}}, Offset: 0.5}, []Yearly{table(1, 2, 3)}, false},
	}
	for _, tt := range tests {
		_, err := tt.tg.Loss(tt.reps)
		var oe *OutputError
		if err == nil || errors.As(err, &oe) != tt.out {
			t.Errorf("%s: error %v; want an output error: %v", tt.name, err, tt.out)
		}
	}
}

func TestParseDirection(t *testing.T) {
	t.Parallel()
	for _, d := range []Direction{Down, Up} {
		if got, err := ParseDirection(d.String()); err != nil || got != d {
			t.Errorf("ParseDirection(%q) = %v, %v", d.String(), got, err)
		}
	}
	if _, err := ParseDirection("fell"); err == nil {
		t.Error(`ParseDirection("fell") succeeded`)
	}
}

func TestRequiredDirection(t *testing.T) {
	t.Parallel()
	reps := []Yearly{table(10, 20, 5), table(30, 20, 15)} // means 20, 20, 10
	dir := func(from, to int, d Direction, required bool) DirectionTarget {
		return DirectionTarget{Metric: "x", From: from, To: to, Direction: d, Weight: 1, Required: required}
	}
	tests := []struct {
		name     string
		dirs     []DirectionTarget
		feasible bool
	}{
		{"no required direction, none met", []DirectionTarget{dir(2011, 2012, Up, false)}, true},
		{"required and met", []DirectionTarget{dir(2011, 2012, Down, true)}, true},
		{"required, flat: short of the margin", []DirectionTarget{dir(2010, 2011, Down, true)}, false},
		{"required and wrong way", []DirectionTarget{dir(2011, 2012, Up, true)}, false},
		{"one of two required unmet", []DirectionTarget{dir(2011, 2012, Down, true), dir(2010, 2012, Up, true)}, false},
	}
	for _, tt := range tests {
		tg := Targets{Directions: tt.dirs, Offset: DefaultOffset, Margin: DefaultMargin}
		l, err := tg.Loss(reps)
		if err != nil {
			t.Fatal(err)
		}
		if l.Feasible != tt.feasible {
			t.Errorf("%s: Feasible = %v, want %v (changes %v)", tt.name, l.Feasible, tt.feasible, l.Changes)
		}
		// A required direction scores as a weighted one: the constraint
		// adds feasibility, not loss.
		free := Targets{Directions: slices.Clone(tt.dirs), Offset: DefaultOffset, Margin: DefaultMargin}
		for i := range free.Directions {
			free.Directions[i].Required = false
		}
		l2, err := free.Loss(reps)
		if err != nil {
			t.Fatal(err)
		}
		if l2.Total != l.Total || !l2.Feasible {
			t.Errorf("%s: loss %v (feasible %v) without the constraint, %v with it; want the same loss, feasible", tt.name, l2.Total, l2.Feasible, l.Total)
		}
	}
}

func TestLossBetter(t *testing.T) {
	t.Parallel()
	feasible := &Loss{Total: 5, Feasible: true}
	lower := &Loss{Total: 1, Feasible: false}
	if !feasible.Better(lower) || lower.Better(feasible) {
		t.Error("an infeasible point of lower loss ranks before a feasible one")
	}
	if !lower.Better(nil) {
		t.Error("a loss is not better than none")
	}
	if !(&Loss{Total: 4, Feasible: true}).Better(feasible) || feasible.Better(feasible) {
		t.Error("among feasible points the lower loss is not the better, or a point is better than itself")
	}
}
