package plots

import (
	"errors"
	"fmt"
	"math"
)

// Kinds of invalid input, wrapped in a SeriesError with the offending
// values; test for them with errors.Is.
var (
	ErrNoLabel   = errors.New("empty label")
	ErrDuplicate = errors.New("duplicate label")
	ErrEmpty     = errors.New("no data")
	ErrLength    = errors.New("lengths differ")
	ErrNotFinite = errors.New("not a finite number within ±1e300")
	ErrXOrder    = errors.New("X not strictly increasing")
	ErrInverted  = errors.New("interval upside down")
)

// SeriesError reports invalid input in one series of a chart, naming the
// series so that it can be found among many.
type SeriesError struct {
	Kind  string // "band", "points" or "marker"
	Index int    // position in the chart's slice of that kind
	Label string
	Err   error // wraps one of the Err variables above
}

func (e *SeriesError) Error() string {
	return fmt.Sprintf("plots: %s %d %q: %v", e.Kind, e.Index, e.Label, e.Err)
}

func (e *SeriesError) Unwrap() error { return e.Err }

// checkLengths returns an ErrEmpty or ErrLength error unless all columns
// have the length of the first, which is not zero.
func checkLengths(names []string, cols ...[]float64) error {
	if len(cols[0]) == 0 {
		return fmt.Errorf("%w: len(%s)=0", ErrEmpty, names[0])
	}
	for i, c := range cols[1:] {
		if len(c) != len(cols[0]) {
			return fmt.Errorf("%w: len(%s)=%d, len(%s)=%d",
				ErrLength, names[0], len(cols[0]), names[i+1], len(c))
		}
	}
	return nil
}

// maxMagnitude bounds the data so that the span of an axis, and a round
// step a little larger, cannot overflow to infinity.
const maxMagnitude = 1e300

// checkFinite returns an ErrNotFinite error naming the first NaN,
// infinity or number beyond ±maxMagnitude in cols.
func checkFinite(names []string, cols ...[]float64) error {
	for i, c := range cols {
		for j, v := range c {
			if !(math.Abs(v) <= maxMagnitude) {
				return fmt.Errorf("%w: %s[%d]=%v", ErrNotFinite, names[i], j, v)
			}
		}
	}
	return nil
}

// checkIncreasing returns an ErrXOrder error unless x is strictly
// increasing, as a band's outline needs.
func checkIncreasing(x []float64) error {
	for i := 1; i < len(x); i++ {
		if !(x[i] > x[i-1]) {
			return fmt.Errorf("%w: X[%d]=%v after X[%d]=%v", ErrXOrder, i, x[i], i-1, x[i-1])
		}
	}
	return nil
}
