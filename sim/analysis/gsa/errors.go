package gsa

import "fmt"

// A ShapeError reports inputs whose sizes do not fit the analysis.
type ShapeError struct {
	// Func is the analysis, e.g. "Sobol".
	Func string
	// What names the input and Got is its size; Want says what it should
	// be.
	What string
	Got  int
	Want string
}

func (e *ShapeError) Error() string {
	return fmt.Sprintf("gsa: %s: %s = %d, want %s", e.Func, e.What, e.Got, e.Want)
}

// A ValueError reports an input or option with a value the analysis
// cannot use: a non-finite output, a level out of range.
type ValueError struct {
	Func  string
	What  string
	Value float64
	Want  string
}

func (e *ValueError) Error() string {
	return fmt.Sprintf("gsa: %s: %s = %g, want %s", e.Func, e.What, e.Value, e.Want)
}

// checkFinite returns a *ValueError for the first non-finite y[i].
func checkFinite(fn, name string, y []float64) error {
	for i, v := range y {
		if v-v != 0 { // NaN or ±Inf
			return &ValueError{Func: fn, What: fmt.Sprintf("%s[%d]", name, i), Value: v, Want: "a finite number"}
		}
	}
	return nil
}
