package effects

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// DefaultLevel is the confidence level of the intervals: 95%.
const DefaultLevel = 0.95

// An Effect is the estimated effect of an arm against the baseline on
// one outcome, from N paired replicates (see the package doc for the
// formulas).
type Effect struct {
	// N is the number of pairs.
	N int
	// Baseline and Arm are the two arms' mean outcomes.
	Baseline, Arm float64
	// Mean is d̄, the mean of the paired differences arm − baseline
	// (equal to Arm − Baseline up to rounding), SD their standard
	// deviation s_d and SE = s_d / √N the standard error of Mean.
	Mean, SD, SE float64
	// Level is the confidence level, and [Lo, Hi] the interval
	// Mean ± t(1 − (1 − Level)/2, N − 1) · SE.
	Level  float64
	Lo, Hi float64
	// Relative is the relative change Mean / Baseline; NaN when the
	// baseline's mean is 0, where no relative change is defined.
	Relative float64
	// UnpairedSE is √((s_a² + s_b²) / N), the standard error the
	// difference of means would have had from independent runs.
	UnpairedSE float64
	// VarianceReduction is UnpairedSE² / SE², what pairing gained: +Inf
	// when every pair differs by the same amount (SE = 0) while the
	// arms vary, NaN when neither varies.
	VarianceReduction float64
}

// Paired estimates the effect of an arm against the baseline from their
// outcomes in the same replicates: arm[r] and base[r] are replicate r
// of each. level is the confidence level of the interval, in (0, 1);
// use DefaultLevel. An error is a *LengthError (fewer than two pairs,
// or lengths that differ) or a *ValueError (a non-finite outcome, or a
// level out of range).
func Paired(arm, base []float64, level float64) (Effect, error) {
	n := len(arm)
	if n != len(base) || n < 2 {
		return Effect{}, &LengthError{Arm: len(arm), Baseline: len(base)}
	}
	if !(level > 0 && level < 1) {
		return Effect{}, &ValueError{What: "level", Value: level}
	}
	for r := range n {
		if math.IsNaN(arm[r]) || math.IsInf(arm[r], 0) {
			return Effect{}, &ValueError{What: fmt.Sprintf("arm[%d]", r), Value: arm[r]}
		}
		if math.IsNaN(base[r]) || math.IsInf(base[r], 0) {
			return Effect{}, &ValueError{What: fmt.Sprintf("baseline[%d]", r), Value: base[r]}
		}
	}
	d := make([]float64, n)
	for r := range n {
		d[r] = arm[r] - base[r]
	}
	e := Effect{N: n, Level: level}
	var vd, va, vb float64
	e.Mean, vd = meanVar(d)
	e.Arm, va = meanVar(arm)
	e.Baseline, vb = meanVar(base)
	rn := float64(n)
	e.SD = math.Sqrt(vd)
	e.SE = math.Sqrt(vd / rn)
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: rn - 1}.Quantile(1 - (1-level)/2)
	e.Lo, e.Hi = e.Mean-t*e.SE, e.Mean+t*e.SE
	e.Relative = math.NaN()
	if e.Baseline != 0 {
		e.Relative = e.Mean / e.Baseline
	}
	e.UnpairedSE = math.Sqrt((va + vb) / rn)
	switch {
	case vd > 0:
		e.VarianceReduction = (va + vb) / vd
	case va+vb > 0:
		e.VarianceReduction = math.Inf(1)
	default:
		e.VarianceReduction = math.NaN()
	}
	return e, nil
}

// meanVar returns the mean and the unbiased sample variance of x (n−1 in
// the denominator), by two passes, which keep the variance of values far
// from zero accurate; len(x) ≥ 2.
func meanVar(x []float64) (mean, variance float64) {
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	var ss, s float64
	for _, v := range x {
		ss += (v - mean) * (v - mean)
		s += v - mean
	}
	// The compensation term corrects the rounding of mean (Björck's
	// corrected two-pass algorithm, as in gonum's stat.MeanVariance).
	return mean, (ss - s*s/float64(len(x))) / float64(len(x)-1)
}

// ExcludesZero reports whether the interval lies wholly on one side of
// zero: whether the data, at the interval's level, tell the effect's
// sign.
func (e Effect) ExcludesZero() bool { return e.Lo > 0 || e.Hi < 0 }
