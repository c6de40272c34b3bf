package calib

import (
	"math"

	"gonum.org/v1/gonum/optimize"
)

// The Nelder-Mead simplex search of Refine is gonum's
// (gonum.org/v1/gonum/optimize.NelderMead), the algorithm of Lagarias,
// Reeds, Wright and Wright, "Convergence properties of the Nelder-Mead
// simplex method in low dimensions", SIAM J. Optim. 9 (1998), with the
// dimension-dependent coefficients of Gao and Han, "Implementing the
// Nelder-Mead simplex algorithm with adaptive parameters", Comput. Optim.
// Appl. 51 (2012), which keep the search from stalling in more than a few
// dimensions and which gonum uses by default:
//
//	reflection α = 1, expansion β = 1 + 2/n,
//	contraction γ = 3/4 − 1/(2n), shrink δ = 1 − 1/n
//
// (the classical 1, 2, 1/2, 1/2 at n = 1). The initial simplex is x0 and
// x0 + size·eᵢ. This file only adapts gonum's driver to Refine: an
// objective that can fail, a budget of evaluations and a stall rule.
//
// The search is deterministic: gonum evaluates one point at a time when
// Settings.Concurrent is 0, and breaks ties between vertices by order.

// Why a Nelder-Mead search stopped.
const (
	statusStalled = "Stalled"         // no decrease for Stall iterations
	statusBudget  = "EvaluationLimit" // MaxEvaluations spent
)

// nelderMead minimises f from x0 with an initial simplex of edge size,
// within maxEval evaluations, stopping after stall iterations (accepted
// simplex moves, gonum's major iterations) without a decrease of the best
// value by more than tol. f's error stops the search and is returned. It
// returns why the search stopped: statusStalled, statusBudget, or the
// name of another gonum status.
func nelderMead(f func([]float64) (float64, error), x0 []float64, size float64, maxEval, stall int, tol float64) (string, error) {
	var ferr error
	p := optimize.Problem{
		Func: func(x []float64) float64 {
			if ferr != nil {
				return math.Inf(1) // never reached: Status stops the search first
			}
			v, err := f(x)
			if err != nil {
				ferr = err
				return math.Inf(1)
			}
			return v
		},
		// Status is asked after every evaluation; an error ends the
		// search before the method sees the failed value.
		Status: func() (optimize.Status, error) {
			if ferr != nil {
				return optimize.Failure, ferr
			}
			return optimize.NotTerminated, nil
		},
	}
	settings := &optimize.Settings{
		FuncEvaluations: maxEval,
		Converger:       &optimize.FunctionConverge{Absolute: tol, Iterations: stall},
	}
	res, err := optimize.Minimize(p, append([]float64(nil), x0...), settings, &optimize.NelderMead{SimplexSize: size})
	if ferr != nil {
		return "", ferr
	}
	if err != nil {
		return "", err
	}
	switch res.Status {
	case optimize.FunctionConvergence:
		return statusStalled, nil
	case optimize.FunctionEvaluationLimit:
		return statusBudget, nil
	}
	return res.Status.String(), nil
}
