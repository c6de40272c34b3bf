package calib

import (
	"math"

	"gonum.org/v1/gonum/stat"
)

// A Pair is two parameters and the Pearson correlation R of their kept
// values on the prior's scale. I < J index the box; I = J = −1 when no
// two parameters both vary in the sample (fewer than two parameters, or
// constant columns), and R is then NaN.
type Pair struct {
	I, J int
	R    float64
}

// mostCorrelated returns the pair of columns with the largest |R|; ties
// go to the first pair in (I, J) order, so the answer is deterministic.
func mostCorrelated(cols [][]float64) Pair {
	best := Pair{I: -1, J: -1, R: math.NaN()}
	for i := range cols {
		for j := i + 1; j < len(cols); j++ {
			r := stat.Correlation(cols[i], cols[j], nil)
			if math.IsNaN(r) || math.IsInf(r, 0) {
				continue // a constant column has no correlation
			}
			if best.I < 0 || math.Abs(r) > math.Abs(best.R) {
				best = Pair{I: i, J: j, R: r}
			}
		}
	}
	return best
}

// Correlations returns the Pearson correlation matrix of the kept
// values on the prior's scale, NaN where a column is constant: the table
// behind Pair, for a report that shows every trade-off.
func (p *Posterior) Correlations() [][]float64 {
	u := unitColumns(p.box, p.Points)
	r := make([][]float64, len(u))
	for i := range u {
		r[i] = make([]float64, len(u))
		for j := range u {
			r[i][j] = stat.Correlation(u[i], u[j], nil)
		}
	}
	return r
}
