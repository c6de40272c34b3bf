package effects

import (
	"cmp"
	"math"
	"slices"
)

// A Direction says which way an outcome improves: more convictions, but
// fewer victims trafficked. It orders a ranking and decides whether a
// cost per unit of effect means anything; the estimates do not use it.
type Direction int

const (
	// MoreIsBetter: an increase is an improvement.
	MoreIsBetter Direction = iota
	// LessIsBetter: a decrease is an improvement.
	LessIsBetter
)

// Gain returns x signed so that a positive value is an improvement.
func (d Direction) Gain(x float64) float64 {
	if d == LessIsBetter {
		return -x
	}
	return x
}

func (d Direction) String() string {
	if d == LessIsBetter {
		return "lower"
	}
	return "higher"
}

// Improves reports whether e's interval lies wholly on the better side
// of zero.
func (d Direction) Improves(e Effect) bool {
	if d == LessIsBetter {
		return e.Hi < 0
	}
	return e.Lo > 0
}

// Rank returns the indices of es from the greatest improvement to the
// least (the most harmful last) by their mean effects in direction d.
// Effects whose mean is NaN come last; ties keep the order of es.
func Rank(es []Effect, d Direction) []int {
	idx := make([]int, len(es))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int {
		a, b := d.Gain(es[i].Mean), d.Gain(es[j].Mean)
		switch an, bn := math.IsNaN(a), math.IsNaN(b); {
		case an && bn:
			return 0
		case an:
			return 1
		case bn:
			return -1
		}
		return cmp.Compare(b, a)
	})
	return idx
}

// CostPerUnit returns what one unit of improvement costs, cost / |Mean|
// (for a yearly cost and an effect a year: currency per unit), when
// cost > 0 and the interval lies wholly on the better side of zero
// (Improves); otherwise NaN, since a cost per unit of an effect that may
// be nil or harmful means nothing.
func CostPerUnit(cost float64, e Effect, d Direction) float64 {
	if !(cost > 0) || !d.Improves(e) {
		return math.NaN()
	}
	return cost / math.Abs(e.Mean)
}
