package shapley

import (
	"fmt"
	"math"
)

// Shapley returns the Shapley value of every mechanism of one game, with
// v[j] the value of Arms()[j], and for a sampled plan its standard error
// (zero for an exact plan).
func (p *Plan) Shapley(v []float64) (phi, se []float64, err error) {
	if err := p.check(0, v); err != nil {
		return nil, nil, err
	}
	if p.exact {
		return exactValues(p.n, v), make([]float64, p.n), nil
	}
	phi, se = p.sampledValues(v)
	return phi, se, nil
}

// check reports a game of the wrong length or with a value not finite.
func (p *Plan) check(r int, v []float64) error {
	if len(v) != len(p.arms) {
		return &ValuesError{Replicate: r, N: p.n, Msg: fmt.Sprintf("%d values for %d arms", len(v), len(p.arms))}
	}
	for j, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return &ValuesError{Replicate: r, Arm: p.arms[j], N: p.n, Msg: fmt.Sprintf("value %v is not finite", x)}
		}
	}
	return nil
}

// exactWeights returns w[k] = k! (n − k − 1)! / n!, the weight of the
// marginal contribution to a coalition of k others, for k = 0, …, n−1.
// It is 1 / (n C(n−1, k)), built by the ratio w[k+1]/w[k] = (k+1)/(n−k−1)
// so that no factorial overflows and each weight is good to a few ulps.
func exactWeights(n int) []float64 {
	w := make([]float64, n)
	w[0] = 1 / float64(n)
	for k := 0; k+1 < n; k++ {
		w[k+1] = w[k] * float64(k+1) / float64(n-k-1)
	}
	return w
}

// exactValues is the Shapley value of every mechanism of the game v, where
// v[S] is the value of coalition S for every S < 2ⁿ:
//
//	φᵢ = Σ_{S ∌ i} w[|S|] (v[S ∪ {i}] − v[S]).
//
// A mechanism whose every contribution is exactly 0 gets exactly 0.
func exactValues(n int, v []float64) []float64 {
	w := exactWeights(n)
	phi := make([]float64, n)
	for s := range v {
		m := Mask(s)
		k := m.Size()
		for i := range n {
			if !m.Has(i) {
				phi[i] += w[k] * (v[m.With(i)] - v[m])
			}
		}
	}
	return phi
}

// sampledValues estimates the Shapley value of every mechanism from the
// chains of the plan's orderings, with v[j] the value of Arms()[j]. The
// contribution of mechanism π_j in ordering π is v(π₁…π_j) −
// v(π₁…π_{j−1}); φᵢ is its mean over orderings and se[i] the standard
// deviation of the per-unit means (a unit is an ordering, or an
// ordering and its reverse) over the square root of the number of units.
func (p *Plan) sampledValues(v []float64) (phi, se []float64) {
	n, units := p.n, len(p.perms)/p.unit
	means := make([][]float64, units) // means[u][i]: unit u's contribution of i
	phi = make([]float64, n)
	for u := range means {
		means[u] = make([]float64, n)
		for k := u * p.unit; k < (u+1)*p.unit; k++ {
			chain := p.chains[k]
			for j, i := range p.perms[k] {
				means[u][i] += (v[chain[j+1]] - v[chain[j]]) / float64(p.unit)
			}
		}
		for i, c := range means[u] {
			phi[i] += c
		}
	}
	uf := float64(units)
	se = make([]float64, n)
	for i := range n {
		phi[i] /= uf
		var ss float64
		for u := range means {
			d := means[u][i] - phi[i]
			ss += d * d
		}
		se[i] = math.Sqrt(ss / (uf - 1) / uf)
	}
	return phi, se
}

// A Game gives the value of each coalition: v(S) for the mask S.
type Game func(Mask) float64

// values evaluates g on every arm of p.
func (p *Plan) values(g Game) []float64 {
	v := make([]float64, len(p.arms))
	for j, m := range p.arms {
		v[j] = g(m)
	}
	return v
}

// Exact returns the Shapley values of the n-mechanism game g, n in
// 1..MaxExact, evaluating g on all 2ⁿ coalitions.
func Exact(n int, g Game) ([]float64, error) {
	p, err := NewExactPlan(n)
	if err != nil {
		return nil, err
	}
	phi, _, err := p.Shapley(p.values(g))
	return phi, err
}

// Sample estimates the Shapley values of the n-mechanism game g by
// sampled orderings, with their standard errors. The values sum to
// g(all) − g(none) to rounding whatever the sample.
func Sample(n int, g Game, s *SampleSettings) (phi, se []float64, err error) {
	p, err := NewSamplePlan(n, s)
	if err != nil {
		return nil, nil, err
	}
	return p.Shapley(p.values(g))
}
