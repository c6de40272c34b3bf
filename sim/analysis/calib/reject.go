package calib

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// ABCSettings tune Reject. A nil *ABCSettings, or a zero field, means
// the default.
type ABCSettings struct {
	// Fraction of the design kept, in (0, 1]. Default 0.05.
	Fraction float64
	// MinKeep is the fewest points kept (all of them if the design is
	// smaller). Default 20.
	MinKeep int
	// Level of the central posterior interval, in (0, 1). Default 0.9.
	Level float64
	// Coverage: a parameter whose interval covers more than this share of
	// its prior range is not identified, in (0, 1]. Default 0.8.
	Coverage float64
}

// Defaults of ABCSettings.
const (
	DefaultFraction = 0.05
	DefaultMinKeep  = 20
	DefaultLevel    = 0.9
	DefaultCoverage = 0.8
	// MinReliableKeep is the fewest kept points for which the
	// identifiability rule is reliable (see the package doc).
	MinReliableKeep = 100
)

// A Marginal summarises the kept values of one parameter.
type Marginal struct {
	Name           string
	Median, Lo, Hi float64 // median and central Level interval, in θ units
	// Share is the interval's width over the prior range, on the prior's
	// scale (logarithmic if Log).
	Share float64
	// Identified is Share ≤ Coverage. A parameter that is not is "not
	// identified by these targets".
	Identified bool
}

// Posterior is the rejection-ABC sample.
type Posterior struct {
	// Keep holds the indices of the kept design points by increasing
	// loss (ties by index); Points and Losses are their copies.
	Keep   []int
	Points [][]float64
	Losses []float64
	// Epsilon is the largest kept loss, the ABC tolerance.
	Epsilon  float64
	Level    float64
	Marginal []Marginal // one a parameter, in box order
	// Pair is the most correlated pair of parameters in the kept sample.
	Pair Pair
	// Warnings say what makes the summary less than it seems.
	Warnings []string

	box []Param
}

// Reject keeps the design points of lowest loss and summarises them.
// design[i] is the i-th parameter vector (inside box) and losses[i] its
// Loss.Total; a loss of +Inf marks a failed run or an infeasible point
// (a required direction not met): such points are never kept unless the
// design has fewer than MinKeep others, and the share kept is of the
// design, at most all its finite points. A NaN loss or a point outside the box is a
// *DesignError.
func Reject(box []Param, design [][]float64, losses []float64, s *ABCSettings) (*Posterior, error) {
	set, err := s.withDefaults()
	if err != nil {
		return nil, err
	}
	if err := checkBox(box); err != nil {
		return nil, err
	}
	if len(design) != len(losses) {
		return nil, &DesignError{Point: -1, Msg: fmt.Sprintf("%d points but %d losses", len(design), len(losses))}
	}
	if len(design) < 2 {
		return nil, &DesignError{Point: len(design), Msg: "a design needs at least 2 points"}
	}
	for i, x := range design {
		if err := checkPoint(box, x); err != nil {
			return nil, &DesignError{Point: i, Msg: err.Error()}
		}
		if math.IsNaN(losses[i]) || math.IsInf(losses[i], -1) || losses[i] < 0 {
			return nil, &DesignError{Point: i, Msg: fmt.Sprintf("loss %v is not a loss (≥ 0 or +Inf)", losses[i])}
		}
	}

	order := make([]int, len(design))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(losses[a], losses[b]) })
	k := min(len(design), max(set.MinKeep, int(math.Ceil(set.Fraction*float64(len(design))))))
	// Points of infinite loss (failed runs, or a required direction not
	// met) are kept only to reach MinKeep.
	finite := 0
	for _, l := range losses {
		if !math.IsInf(l, 1) {
			finite++
		}
	}
	k = min(k, max(set.MinKeep, finite))

	p := &Posterior{Keep: order[:k:k], Level: set.Level, box: slices.Clone(box)}
	for _, i := range p.Keep {
		p.Points = append(p.Points, slices.Clone(design[i]))
		p.Losses = append(p.Losses, losses[i])
	}
	p.Epsilon = p.Losses[k-1]

	u := unitColumns(box, p.Points)
	lo, hi := (1-set.Level)/2, (1+set.Level)/2
	for j, par := range box {
		col := slices.Clone(u[j])
		slices.Sort(col)
		m := Marginal{
			Name:   par.Name,
			Median: par.fromUnit(quantile(0.5, col)),
			Lo:     par.fromUnit(quantile(lo, col)),
			Hi:     par.fromUnit(quantile(hi, col)),
			Share:  quantile(hi, col) - quantile(lo, col),
		}
		m.Identified = m.Share <= set.Coverage
		p.Marginal = append(p.Marginal, m)
	}
	p.Pair = mostCorrelated(u)

	if k < MinReliableKeep {
		p.Warnings = append(p.Warnings, fmt.Sprintf("only %d points kept: below %d, a parameter the targets do not constrain can pass as identified (39%% of the time at 20, 9%% at 50); run a larger design", k, MinReliableKeep))
	}
	if math.IsInf(p.Epsilon, 1) {
		p.Warnings = append(p.Warnings, "points of infinite loss (failed runs, or required directions not met) were kept for want of others")
	}
	return p, nil
}

// withDefaults fills zero fields and checks the ranges.
func (s *ABCSettings) withDefaults() (ABCSettings, error) {
	var set ABCSettings
	if s != nil {
		set = *s
	}
	if set.Fraction == 0 {
		set.Fraction = DefaultFraction
	}
	if set.MinKeep == 0 {
		set.MinKeep = DefaultMinKeep
	}
	if set.Level == 0 {
		set.Level = DefaultLevel
	}
	if set.Coverage == 0 {
		set.Coverage = DefaultCoverage
	}
	switch {
	case !(set.Fraction > 0 && set.Fraction <= 1):
		return set, &SettingError{Field: "Fraction", Value: set.Fraction, Msg: "must be in (0, 1]"}
	case set.MinKeep < 2:
		return set, &SettingError{Field: "MinKeep", Value: float64(set.MinKeep), Msg: "must be ≥ 2"}
	case !(set.Level > 0 && set.Level < 1):
		return set, &SettingError{Field: "Level", Value: set.Level, Msg: "must be in (0, 1)"}
	case !(set.Coverage > 0 && set.Coverage <= 1):
		return set, &SettingError{Field: "Coverage", Value: set.Coverage, Msg: "must be in (0, 1]"}
	}
	return set, nil
}

// unitColumns returns the points on the prior's unit scale, one column a
// parameter.
func unitColumns(box []Param, points [][]float64) [][]float64 {
	u := make([][]float64, len(box))
	for j, par := range box {
		u[j] = make([]float64, len(points))
		for i, x := range points {
			u[j][i] = math.Min(1, math.Max(0, par.unit(x[j])))
		}
	}
	return u
}

// quantile is the p-quantile of the sorted sample x, definition 7 of
// Hyndman and Fan (1996), as experiment.Quantile: with h = (n−1)p,
// Q(p) = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
func quantile(p float64, x []float64) float64 {
	h := float64(len(x)-1) * p
	j := int(math.Floor(h))
	if j >= len(x)-1 {
		return x[len(x)-1]
	}
	return x[j] + (h-float64(j))*(x[j+1]-x[j])
}
