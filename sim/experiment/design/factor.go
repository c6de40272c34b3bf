package design

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxLevels bounds the level count n of one grid factor. A study with more
// levels than this in one parameter is a typo, and refusing it keeps a
// mistyped count from allocating gigabytes.
const MaxLevels = 1 << 20

// A Factor is one model parameter a design varies, named by its dotted
// TOML path (e.g. "enforcement.budget_scale"). It is one of three kinds:
//
//   - a grid, lo:hi:n — Levels ≥ 2 evenly spaced values
//     Lo + (Hi-Lo)·j/(n-1), j = 0..n-1, both ends included;
//   - a range, lo:hi — Levels = 0, every value in [Lo, Hi], for designs that
//     sample (Latin hypercube, Sobol, Saltelli, Morris);
//   - explicit values, a,b,c — Values in the order given.
//
// A grid or a value list can also be sampled: a unit coordinate u picks the
// level ⌊u·L⌋ of its L levels, each with probability 1/L (see At).
type Factor struct {
	// Path is the parameter's dotted TOML path.
	Path string `json:"path"`
	// Lo and Hi bound a grid or a range: finite, Lo < Hi. For explicit
	// values they are the least and the greatest value.
	Lo float64 `json:"lo"`
	Hi float64 `json:"hi"`
	// Levels is n of a grid (2 ≤ n ≤ MaxLevels), 0 otherwise.
	Levels int `json:"levels,omitempty"`
	// Values are explicit values: at least two, finite and distinct.
	Values []float64 `json:"values,omitempty"`
	// Int marks a parameter that takes whole numbers. Grid levels are
	// rounded to the nearest integer (and must stay distinct), explicit
	// values must be integers, and a range gives each integer in
	// [⌈Lo⌉, ⌊Hi⌋] the same probability.
	Int bool `json:"int,omitempty"`
	// Source says where the factor was written ("-vary", "[sweep]"), for
	// messages; it does not change the design.
	Source string `json:"source,omitempty"`
}

// Kind names a factor's kind: "grid", "range" or "values".
func (f *Factor) Kind() string {
	switch {
	case f.Values != nil:
		return "values"
	case f.Levels > 0:
		return "grid"
	}
	return "range"
}

// Validate reports whether f is well formed, as a *FactorError.
func (f *Factor) Validate() error {
	if reason := f.problem(); reason != "" {
		return &FactorError{Source: f.Source, Text: f.String(), Reason: reason}
	}
	return nil
}

func (f *Factor) problem() string {
	if r := pathProblem(f.Path); r != "" {
		return r
	}
	if f.Values != nil {
		return f.valuesProblem()
	}
	switch {
	case !finite(f.Lo) || !finite(f.Hi):
		return "lo and hi must be finite numbers"
	case f.Lo >= f.Hi:
		return "lo must be below hi"
	case f.Levels == 1 || f.Levels < 0:
		return fmt.Sprintf("a grid needs n >= 2 levels, got %d", f.Levels)
	case f.Levels > MaxLevels:
		return fmt.Sprintf("a grid may have at most %d levels, got %d", MaxLevels, f.Levels)
	case f.Int && math.Ceil(f.Lo) >= math.Floor(f.Hi):
		return "an integer range must hold at least two integers"
	}
	if f.Int && f.Levels > 0 {
		l := f.LevelValues()
		for j := 1; j < len(l); j++ {
			if l[j] == l[j-1] {
				return fmt.Sprintf("integer levels repeat after rounding (%g twice); use fewer levels", l[j])
			}
		}
	}
	return ""
}

func (f *Factor) valuesProblem() string {
	if f.Levels != 0 {
		return "a factor has either levels or explicit values, not both"
	}
	if len(f.Values) < 2 {
		return "give at least two values (a,b), or fix the parameter with -set"
	}
	seen := make(map[float64]bool, len(f.Values))
	for _, v := range f.Values {
		switch {
		case !finite(v):
			return fmt.Sprintf("value %g is not a finite number", v)
		case f.Int && v != math.Trunc(v):
			return fmt.Sprintf("value %g is not an integer", v)
		case seen[v]:
			return fmt.Sprintf("value %g is given twice", v)
		}
		seen[v] = true
	}
	lo, hi := minMax(f.Values)
	if f.Lo != lo || f.Hi != hi {
		return "lo and hi must be the least and greatest value"
	}
	return ""
}

// pathProblem checks that p can be written back as path=spec.
func pathProblem(p string) string {
	if p == "" {
		return "empty parameter path"
	}
	for _, r := range p {
		if r <= ' ' || r == '=' || r == ':' || r == ',' || r == 0x7f || r == utf8.RuneError {
			return fmt.Sprintf("parameter path %q has a character (%q) not allowed in a path", p, r)
		}
	}
	return ""
}

// LevelValues returns the levels of a grid or the explicit values, nil for
// a range. Int grid levels are rounded to the nearest integer.
func (f *Factor) LevelValues() []float64 {
	if f.Values != nil {
		return append([]float64(nil), f.Values...)
	}
	if f.Levels == 0 {
		return nil
	}
	l := make([]float64, f.Levels)
	for j := range l {
		l[j] = f.level(j)
	}
	return l
}

// level returns level j of a grid. Both ends are exact, not Lo+(Hi-Lo).
func (f *Factor) level(j int) float64 {
	var v float64
	switch j {
	case 0:
		v = f.Lo
	case f.Levels - 1:
		v = f.Hi
	default:
		t := float64(j) / float64(f.Levels-1)
		v = f.Lo + (f.Hi-f.Lo)*t
	}
	if f.Int {
		v = math.Round(v)
	}
	return v
}

// At maps a unit coordinate u ∈ [0, 1] to the factor's units:
//
//	range:         Lo + u·(Hi−Lo)
//	integer range: ⌊⌈Lo⌉ + u·(⌊Hi⌋−⌈Lo⌉+1)⌋, at most ⌊Hi⌋
//	grid, values:  level ⌊u·L⌋ of the L levels, at most L−1
//
// so that a uniform u gives every integer, level or value equal
// probability. u outside [0, 1] is clamped.
func (f *Factor) At(u float64) float64 {
	u = math.Min(math.Max(u, 0), 1)
	if f.Values != nil || f.Levels > 0 {
		n := len(f.Values)
		if n == 0 {
			n = f.Levels
		}
		j := min(int(u*float64(n)), n-1)
		if f.Values != nil {
			return f.Values[j]
		}
		return f.level(j)
	}
	if f.Int {
		lo, hi := math.Ceil(f.Lo), math.Floor(f.Hi)
		return math.Min(math.Floor(lo+u*(hi-lo+1)), hi)
	}
	return f.Lo + u*(f.Hi-f.Lo)
}

// String writes f in the syntax ParseFactor reads, numbers in their
// shortest exact form, so that parsing it gives f back.
func (f *Factor) String() string {
	num := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	var b strings.Builder
	b.WriteString(f.Path)
	b.WriteByte('=')
	switch f.Kind() {
	case "values":
		for j, v := range f.Values {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(num(v))
		}
	case "grid":
		fmt.Fprintf(&b, "%s:%s:%d", num(f.Lo), num(f.Hi), f.Levels)
	default:
		fmt.Fprintf(&b, "%s:%s", num(f.Lo), num(f.Hi))
	}
	return b.String()
}

func finite(v float64) bool { return !math.IsInf(v, 0) && !math.IsNaN(v) }

func minMax(v []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, x := range v {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	return lo, hi
}
