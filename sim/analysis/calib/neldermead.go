package calib

import (
	"cmp"
	"slices"
)

// The Nelder-Mead simplex search of Refine. It is written here rather
// than taken from gonum.org/v1/gonum/optimize because that package
// imports stat/distmv, which needs golang.org/x/tools, whose checksum
// go.sum does not hold; it follows the same published algorithm:
// Lagarias, Reeds, Wright and Wright, "Convergence properties of the
// Nelder-Mead simplex method in low dimensions", SIAM J. Optim. 9 (1998),
// with the dimension-dependent coefficients of Gao and Han, "Implementing
// the Nelder-Mead simplex algorithm with adaptive parameters", Comput.
// Optim. Appl. 51 (2012), which keep the search from stalling in more
// than a few dimensions:
//
//	reflection α = 1, expansion β = 1 + 2/n,
//	contraction γ = 3/4 − 1/(2n), shrink δ = 1 − 1/n.
//
// It is deterministic: ties between vertices are broken by their order.

// Why a Nelder-Mead search stopped.
const (
	statusStalled   = "Stalled"         // no decrease for Stall iterations
	statusBudget    = "EvaluationLimit" // MaxEvaluations spent
	statusCollapsed = "SimplexCollapsed"
)

// collapse is the simplex size, in free coordinates, below which the
// search stops: 1e-8 in z moves θ by less than 1e-8 of its range.
const collapse = 1e-8

// nmVertex is a point of the simplex and its value.
type nmVertex struct {
	x []float64
	f float64
}

// nelderMead minimises f from x0 with an initial simplex of edge size,
// within maxEval evaluations, stopping after stall iterations without a
// decrease of the best value by more than tol. f's error stops the
// search. It returns why it stopped.
func nelderMead(f func([]float64) (float64, error), x0 []float64, size float64, maxEval, stall int, tol float64) (string, error) {
	n := len(x0)
	nf := float64(n)
	alpha, beta, gamma, delta := 1.0, 1+2/nf, 0.75-1/(2*nf), 1-1/nf
	if n == 1 {
		// Gao and Han's coefficients are for n ≥ 2; at n = 1 they would
		// not shrink. Fall back to the classical ones.
		beta, gamma, delta = 2, 0.5, 0.5
	}

	evals := 0
	eval := func(x []float64) (nmVertex, bool, error) {
		if evals >= maxEval {
			return nmVertex{}, false, nil
		}
		evals++
		v, err := f(x)
		return nmVertex{x: x, f: v}, true, err
	}
	// affine returns a + t (b − a).
	affine := func(a, b []float64, t float64) []float64 {
		out := make([]float64, n)
		for i := range out {
			out[i] = a[i] + t*(b[i]-a[i])
		}
		return out
	}

	simplex := make([]nmVertex, 0, n+1)
	for i := 0; i <= n; i++ {
		x := slices.Clone(x0)
		if i > 0 {
			x[i-1] += size
		}
		v, ok, err := eval(x)
		if err != nil {
			return "", err
		}
		if !ok {
			return statusBudget, nil
		}
		simplex = append(simplex, v)
	}

	best, since := simplex[0].f, 0
	for {
		slices.SortStableFunc(simplex, func(a, b nmVertex) int { return cmp.Compare(a.f, b.f) })
		if simplex[0].f < best-tol {
			best, since = simplex[0].f, 0
		} else if since++; since > stall {
			return statusStalled, nil
		}
		if diameter(simplex) < collapse {
			return statusCollapsed, nil
		}

		worst, second := simplex[n], simplex[n-1]
		c := make([]float64, n)
		for _, v := range simplex[:n] {
			for i := range c {
				c[i] += v.x[i] / nf
			}
		}

		r, ok, err := eval(affine(c, worst.x, -alpha))
		if err != nil || !ok {
			return statusBudget, err
		}
		var next nmVertex
		shrink := false
		switch {
		case r.f < simplex[0].f:
			e, ok, err := eval(affine(c, r.x, beta))
			if err != nil || !ok {
				return statusBudget, err
			}
			next = r
			if e.f < r.f {
				next = e
			}
		case r.f < second.f:
			next = r
		case r.f < worst.f:
			o, ok, err := eval(affine(c, r.x, gamma))
			if err != nil || !ok {
				return statusBudget, err
			}
			next, shrink = o, o.f > r.f
		default:
			in, ok, err := eval(affine(c, worst.x, gamma))
			if err != nil || !ok {
				return statusBudget, err
			}
			next, shrink = in, in.f >= worst.f
		}
		if !shrink {
			simplex[n] = next
			continue
		}
		for i := 1; i <= n; i++ {
			v, ok, err := eval(affine(simplex[0].x, simplex[i].x, delta))
			if err != nil || !ok {
				return statusBudget, err
			}
			simplex[i] = v
		}
	}
}

// diameter is the largest coordinate distance of a vertex from the best.
func diameter(simplex []nmVertex) float64 {
	var d float64
	for _, v := range simplex[1:] {
		for i, x := range v.x {
			d = max(d, abs(x-simplex[0].x[i]))
		}
	}
	return d
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
