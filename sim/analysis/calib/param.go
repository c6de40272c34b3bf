package calib

import (
	"math"
)

// A Param is one calibrated parameter and its prior range, the box
// Min ≤ θ ≤ Max from which the design was drawn.
type Param struct {
	Name     string // e.g. the scenario lever "bribe.base"
	Min, Max float64
	// Log says the prior is uniform in ln θ, for a parameter whose
	// plausible values span orders of magnitude; Min must then be > 0.
	// Intervals, shares and correlations are then on the log scale.
	Log bool
}

// checkBox reports the first parameter with an unusable range.
func checkBox(box []Param) error {
	if len(box) == 0 {
		return &ParamError{Index: -1, Value: math.NaN(), Msg: "no parameters"}
	}
	for i, p := range box {
		switch {
		case math.IsNaN(p.Min) || math.IsInf(p.Min, 0):
			return &ParamError{Index: i, Name: p.Name, Value: p.Min, Msg: "Min must be finite"}
		case math.IsNaN(p.Max) || math.IsInf(p.Max, 0):
			return &ParamError{Index: i, Name: p.Name, Value: p.Max, Msg: "Max must be finite"}
		case !(p.Min < p.Max):
			return &ParamError{Index: i, Name: p.Name, Value: p.Max, Msg: "Max must exceed Min; leave a fixed parameter out of the box"}
		case p.Log && !(p.Min > 0):
			return &ParamError{Index: i, Name: p.Name, Value: p.Min, Msg: "Min must be > 0 on a log scale"}
		}
	}
	return nil
}

// checkPoint reports the first coordinate of theta outside the box.
// slack allows for rounding in a design written to text and read back.
func checkPoint(box []Param, theta []float64) error {
	if len(theta) != len(box) {
		return &ParamError{Index: len(theta), Value: float64(len(theta)), Msg: "the vector's length is not the number of parameters"}
	}
	for i, p := range box {
		slack := 1e-9 * (p.Max - p.Min)
		if v := theta[i]; !(v >= p.Min-slack && v <= p.Max+slack) {
			return &ParamError{Index: i, Name: p.Name, Value: v, Msg: "outside [Min, Max]"}
		}
	}
	return nil
}

// unit maps θ in [Min, Max] to u in [0, 1]:
//
//	u = (θ − Min)/(Max − Min), or ln(θ/Min)/ln(Max/Min) if Log.
func (p Param) unit(theta float64) float64 {
	if p.Log {
		return math.Log(theta/p.Min) / math.Log(p.Max/p.Min)
	}
	return (theta - p.Min) / (p.Max - p.Min)
}

// fromUnit is the inverse of unit, clamped to the box against rounding.
func (p Param) fromUnit(u float64) float64 {
	var v float64
	if p.Log {
		v = p.Min * math.Exp(u*math.Log(p.Max/p.Min))
	} else {
		v = p.Min + u*(p.Max-p.Min)
	}
	return math.Min(p.Max, math.Max(p.Min, v))
}

// startInset is how far inside the box, as a share of the range, a start
// on a bound is moved before the logit transform, which sends the
// bounds to ±∞.
const startInset = 0.01

// toFree maps θ in the box to z = logit(u) ∈ ℝ.
func toFree(box []Param, theta []float64) []float64 {
	z := make([]float64, len(box))
	for i, p := range box {
		u := math.Min(1-startInset, math.Max(startInset, p.unit(theta[i])))
		z[i] = math.Log(u / (1 - u))
	}
	return z
}

// fromFree maps z ∈ ℝⁿ back into the box by u = 1/(1 + e^(−z)).
func fromFree(box []Param, z []float64) []float64 {
	theta := make([]float64, len(box))
	for i, p := range box {
		theta[i] = p.fromUnit(1 / (1 + math.Exp(-z[i])))
	}
	return theta
}
