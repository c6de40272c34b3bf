package shapley

import (
	"math"
	"slices"
)

// Attribution is the split of a change among mechanisms, over replicates.
// Slices indexed by mechanism follow the plan's order.
type Attribution struct {
	// All and None are the replicate means of v(all), the change in the
	// full model, and v(none), the change with every mechanism off.
	All, None float64
	// Phi[i] is the Shapley value of mechanism i in the replicate-mean
	// game; Σ Phi = All − None to rounding.
	Phi []float64
	// SE[i] is the standard error of Phi[i] due to sampling orderings,
	// zero for an exact plan.
	SE []float64
	// RepSE[i] is the standard error of Phi[i] over replicates: the
	// standard deviation of the per-replicate values over √R, NaN for a
	// single replicate.
	RepSE []float64
	// Lo[i] and Hi[i] bound the central Level interval of the
	// per-replicate values (Hyndman and Fan definition 7, as
	// sim/experiment): the spread of the attribution across realisations.
	Lo, Hi []float64
	Level  float64
	// Share[i] = Phi[i] / All, the fraction of the full model's change
	// due to mechanism i, and BaselineShare = None / All; together they
	// sum to 1. NaN when All is 0.
	Share         []float64
	BaselineShare float64
	// Replicates[r][i] is mechanism i's value in replicate r.
	Replicates [][]float64
}

// Attribute computes the attribution from values[r][j], the value of
// Arms()[j] in replicate r (see Table). level is the coverage of the
// interval across replicates, in (0, 1), usually 0.9.
func (p *Plan) Attribute(values [][]float64, level float64) (*Attribution, error) {
	if !(level > 0 && level < 1) {
		return nil, &SettingError{Field: "level", Value: level, Msg: "must be in (0, 1)"}
	}
	if len(values) == 0 {
		return nil, &ValuesError{Replicate: -1, N: p.n, Msg: "no replicates"}
	}
	R := len(values)
	mean := make([]float64, len(p.arms))
	a := &Attribution{Level: level, Replicates: make([][]float64, R)}
	for r, v := range values {
		if err := p.check(r, v); err != nil {
			return nil, err
		}
		a.Replicates[r], _, _ = p.Shapley(v)
		for j, x := range v {
			mean[j] += x / float64(R)
		}
	}
	a.Phi, a.SE, _ = p.Shapley(mean)
	a.None, a.All = mean[0], mean[len(mean)-1]

	a.RepSE = make([]float64, p.n)
	a.Lo, a.Hi = make([]float64, p.n), make([]float64, p.n)
	a.Share = make([]float64, p.n)
	col := make([]float64, R)
	for i := range p.n {
		var ss float64
		for r := range R {
			col[r] = a.Replicates[r][i]
			d := col[r] - a.Phi[i]
			ss += d * d
		}
		a.RepSE[i] = math.NaN()
		if R > 1 {
			a.RepSE[i] = math.Sqrt(ss / float64(R-1) / float64(R))
		}
		slices.Sort(col)
		a.Lo[i], a.Hi[i] = quantile((1-level)/2, col), quantile((1+level)/2, col)
		a.Share[i] = share(a.Phi[i], a.All)
	}
	a.BaselineShare = share(a.None, a.All)
	return a, nil
}

// share is x / all, NaN when all is 0 (a change of nothing has no
// parts), and +0 for x = 0, so that an idle mechanism does not print as
// "−0%" beside a fall.
func share(x, all float64) float64 {
	switch {
	case all == 0:
		return math.NaN()
	case x == 0:
		return 0
	}
	return x / all
}

// quantile is the p-quantile of the sorted sample x, definition 7 of
// Hyndman and Fan (1996): with h = (n−1)p,
// Q(p) = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
func quantile(p float64, x []float64) float64 {
	h := float64(len(x)-1) * p
	j := int(math.Floor(h))
	if j >= len(x)-1 {
		return x[len(x)-1]
	}
	return x[j] + (h-float64(j))*(x[j+1]-x[j])
}
