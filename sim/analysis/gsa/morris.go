package gsa

import (
	"math"
	"slices"
)

// MorrisResult holds the elementary-effect statistics of k inputs from r
// trajectories. Read μ* first: it ranks the inputs by overall influence
// and is a good proxy of the total Sobol index (Campolongo et al., 2007).
// Then σ: an input with σ large beside μ* acts through interactions or
// non-linearly. μ far below μ* means effects of both signs.
type MorrisResult struct {
	// K is the number of inputs and R the number of trajectories.
	K, R int
	// Mu[i] is the mean of input i's elementary effects, μ_i (Morris,
	// 1991); effects of opposite signs cancel in it.
	Mu []float64
	// MuStar[i] is the mean of their absolute values, μ*_i (Campolongo,
	// Cariboni and Saltelli, 2007, "An effective screening design for
	// sensitivity analysis of large models", Environ. Model. Softw. 22,
	// 1509–1518). μ*_i = 0 means the output never moved with input i.
	MuStar []float64
	// Sigma[i] is the standard deviation of the elementary effects, σ_i,
	// with r−1 in the denominator (0 when r = 1).
	Sigma []float64
	// MuStarConf and SigmaConf are bootstrap percentile intervals of μ*
	// and σ, resampling whole trajectories; nil without a bootstrap.
	MuStarConf, SigmaConf []Interval
	// Resamples is the number of bootstrap resamples.
	Resamples int
}

// Ranking returns the inputs by decreasing μ*, ties by index.
func (m *MorrisResult) Ranking() []int {
	idx := make([]int, m.K)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case m.MuStar[a] > m.MuStar[b]:
			return -1
		case m.MuStar[a] < m.MuStar[b]:
			return 1
		}
		return 0
	})
	return idx
}

// Morris computes elementary-effect statistics from trajectories x in
// unit coordinates (as MorrisTrajectories gives, k = len(x[0])) and their
// outputs y. Along a trajectory, a step from point a to point b that
// changes only input i gives the elementary effect
//
//	EE_i = (y(b) − y(a)) / (b_i − a_i)
//
// the output's change per unit of the input's range (Morris, 1991). With
// the r effects of each input, μ, μ* and σ are as MorrisResult says.
// Trajectories of other origin are accepted as long as every step changes
// exactly one input and each trajectory changes every input once.
func Morris(x [][]float64, y []float64, opt *BootstrapOptions) (*MorrisResult, error) {
	const fn = "Morris"
	if len(x) == 0 {
		return nil, &ShapeError{Func: fn, What: "len(x)", Got: 0, Want: "r(k+1), r ≥ 1"}
	}
	k := len(x[0])
	r, err := checkTrajectories(fn, x, k)
	if err != nil {
		return nil, err
	}
	if len(y) != len(x) {
		return nil, &ShapeError{Func: fn, What: "len(y)", Got: len(y), Want: "len(x)"}
	}
	if err := checkFinite(fn, "y", y); err != nil {
		return nil, err
	}
	if err := opt.check(fn); err != nil {
		return nil, err
	}
	ee := effects(x, y, k, r) // ee[i][t]
	m := &MorrisResult{K: k, R: r, Mu: make([]float64, k), MuStar: make([]float64, k), Sigma: make([]float64, k)}
	for i := range k {
		m.Mu[i], m.Sigma[i] = meanVar(ee[i])
		m.Sigma[i] = math.Sqrt(m.Sigma[i])
		m.MuStar[i] = meanAbs(ee[i], nil)
	}
	b := opt.resamples()
	if b == 0 {
		return m, nil
	}
	m.Resamples = b
	src := opt.src()
	rows := make([]int, r)
	t, ts := make([][]float64, k), make([][]float64, k)
	for i := range t {
		t[i], ts[i] = make([]float64, b), make([]float64, b)
	}
	for rep := range b {
		resample(src, rows)
		for i := range k {
			t[i][rep] = meanAbs(ee[i], rows)
			ts[i][rep] = sdOf(ee[i], rows)
		}
	}
	m.MuStarConf, m.SigmaConf = make([]Interval, k), make([]Interval, k)
	for i := range k {
		m.MuStarConf[i] = percentile(t[i], opt.level())
		m.SigmaConf[i] = percentile(ts[i], opt.level())
	}
	return m, nil
}

// sdOf returns the standard deviation, r−1 in the denominator, of v[t]
// over t in rows (0 for one row).
func sdOf(v []float64, rows []int) float64 {
	if len(rows) < 2 {
		return 0
	}
	var mean float64
	for _, t := range rows {
		mean += v[t]
	}
	mean /= float64(len(rows))
	var ss float64
	for _, t := range rows {
		ss += (v[t] - mean) * (v[t] - mean)
	}
	return math.Sqrt(ss / float64(len(rows)-1))
}

// effects returns the elementary effects, ee[i][t] that of input i in
// trajectory t.
func effects(x [][]float64, y []float64, k, r int) [][]float64 {
	ee := make([][]float64, k)
	for i := range ee {
		ee[i] = make([]float64, r)
	}
	for t := range r {
		for s := range k {
			p := t*(k+1) + s
			i := movedInput(x[p], x[p+1])
			ee[i][t] = (y[p+1] - y[p]) / (x[p+1][i] - x[p][i])
		}
	}
	return ee
}

// meanAbs returns the mean of |v[t]| over t in rows, or over all of v
// when rows is nil.
func meanAbs(v []float64, rows []int) float64 {
	var s float64
	if rows == nil {
		for _, e := range v {
			s += math.Abs(e)
		}
		return s / float64(len(v))
	}
	for _, t := range rows {
		s += math.Abs(v[t])
	}
	return s / float64(len(rows))
}
