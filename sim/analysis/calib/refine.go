package calib

import (
	"math"
)

// A Simulator runs the model at the parameter vector theta (in box
// order) for replicates 0, …, n−1 and returns their yearly outputs, one
// a replicate. Replicate r must use the same random numbers at every
// theta (its seed a function of r alone): that is what makes the mean
// loss a deterministic function of theta. It may run the replicates in
// parallel and must not keep theta.
type Simulator func(theta []float64, n int) ([]Yearly, error)

// Evaluate runs n replicates at theta and scores them.
func Evaluate(sim Simulator, t *Targets, theta []float64, n int) (*Loss, error) {
	reps, err := sim(theta, n)
	if err != nil {
		return nil, err
	}
	if len(reps) != n {
		return nil, &SettingError{Field: "replicates", Value: float64(len(reps)), Msg: "the simulator returned a different number of replicates than asked"}
	}
	return t.Loss(reps)
}

// RefineSettings tune Refine. A nil *RefineSettings, or a zero field,
// means the default.
type RefineSettings struct {
	// Replicates R of every evaluation, ≥ 1. Default 8.
	Replicates int
	// MaxEvaluations is the budget of evaluations (each R runs), ≥ 1.
	// Default 200.
	MaxEvaluations int
	// SimplexSize is the edge of the initial simplex in the free
	// coordinates z, > 0. Default 0.5: from the middle of the box, a step
	// of 12% of the range, wide enough to see past the small steps a
	// loss of counts takes.
	SimplexSize float64
	// Stall stops the search after this many iterations without a
	// decrease of the best loss by more than 1e-9, ≥ 1. Default 30.
	Stall int
}

// Defaults of RefineSettings.
const (
	DefaultReplicates     = 8
	DefaultMaxEvaluations = 200
	DefaultSimplexSize    = 0.5
	DefaultStall          = 30
)

// Refined is the result of Refine.
type Refined struct {
	Theta []float64 // the best parameter vector evaluated
	Loss  *Loss     // its loss, mean over the R replicates
	Start *Loss     // the loss at the start (moved inside the box)
	// Evaluations is the number of parameter vectors evaluated.
	Evaluations int
	// Status is why the search stopped: "Stalled" (no decrease for
	// Stall iterations) or "EvaluationLimit" (MaxEvaluations spent).
	Status string
}

// Refine minimises the mean loss over R replicates with common random
// numbers by gonum's Nelder-Mead (see neldermead.go) in the free
// coordinates of the package doc,
// from start (in box units) within box. The search follows the loss;
// the point it returns is the best by Loss.Better, so that a feasible
// start is never traded for an infeasible point of lower loss. For the same inputs and a
// deterministic Simulator the result is identical. A Simulator error
// stops the search and is returned.
func Refine(sim Simulator, t *Targets, box []Param, start []float64, s *RefineSettings) (*Refined, error) {
	set, err := s.withDefaults()
	if err != nil {
		return nil, err
	}
	if err := checkBox(box); err != nil {
		return nil, err
	}
	if err := checkPoint(box, start); err != nil {
		return nil, err
	}
	if err := t.Validate(); err != nil {
		return nil, err
	}

	res := &Refined{}
	obj := func(z []float64) (float64, error) {
		theta := fromFree(box, z)
		l, err := Evaluate(sim, t, theta, set.Replicates)
		if err != nil {
			return 0, err
		}
		res.Evaluations++
		if res.Start == nil {
			res.Start = l
		}
		if l.Better(res.Loss) {
			res.Theta, res.Loss = theta, l
		}
		return l.Total, nil
	}
	res.Status, err = nelderMead(obj, toFree(box, start), set.SimplexSize, set.MaxEvaluations, set.Stall, stallTol)
	if err != nil {
		return nil, err
	}
	return res, nil
}

// stallTol is the decrease of the best loss that counts as progress: a
// loss is a sum of squared log ratios, and 1e-9 of one is a change in the
// ninth digit of a simulated mean.
const stallTol = 1e-9

// withDefaults fills zero fields and checks the ranges.
func (s *RefineSettings) withDefaults() (RefineSettings, error) {
	var set RefineSettings
	if s != nil {
		set = *s
	}
	if set.Replicates == 0 {
		set.Replicates = DefaultReplicates
	}
	if set.MaxEvaluations == 0 {
		set.MaxEvaluations = DefaultMaxEvaluations
	}
	if set.SimplexSize == 0 {
		set.SimplexSize = DefaultSimplexSize
	}
	if set.Stall == 0 {
		set.Stall = DefaultStall
	}
	switch {
	case set.Replicates < 1:
		return set, &SettingError{Field: "Replicates", Value: float64(set.Replicates), Msg: "must be ≥ 1"}
	case set.MaxEvaluations < 1:
		return set, &SettingError{Field: "MaxEvaluations", Value: float64(set.MaxEvaluations), Msg: "must be ≥ 1"}
	case !(set.SimplexSize > 0) || math.IsInf(set.SimplexSize, 0):
		return set, &SettingError{Field: "SimplexSize", Value: set.SimplexSize, Msg: "must be finite and > 0"}
	case set.Stall < 1:
		return set, &SettingError{Field: "Stall", Value: float64(set.Stall), Msg: "must be ≥ 1"}
	}
	return set, nil
}
