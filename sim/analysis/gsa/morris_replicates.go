package gsa

import (
	"fmt"
	"math"
)

// MorrisReplicateResult holds the elementary-effect statistics of a
// stochastic model, run R times at each point of the trajectories, and
// the part of them that replicate noise alone would give.
type MorrisReplicateResult struct {
	// MorrisResult holds μ, μ*, σ and their intervals for the replicate
	// means Ȳ(x), the average of the R runs at each point, as Morris
	// computes them.
	MorrisResult
	// R is the number of replicates at each point.
	R int
	// NoiseMuStar[i] is the noise floor of μ*_i: the μ* that input i
	// would show if the mean output did not depend on it at all, its
	// effects being replicate noise alone. Along a trajectory, the step
	// t from a to b that moves input i by Δ_t has effect
	// (Ȳ(b) − Ȳ(a))/Δ_t; with d_r = y_r(b) − y_r(a) the difference of
	// replicate r at the two points and s_t the standard deviation of the
	// R values d_r, the effect's noise has standard deviation
	// σ_t = s_t/(√R |Δ_t|). For a normal noise, E|noise| = σ√(2/π), so
	//
	//	NoiseMuStar_i = (1/r) Σ_t √(2/π) · s_t / (c4(R) √R |Δ_t|)
	//
	// over input i's r steps, where c4(R) = E[s]/σ for R normal values
	// (c4(2) = √(2/π), c4(4) ≈ 0.92) makes each s_t unbiased for σ_t.
	// Averaging the steps' noise, rather than pooling their variances,
	// keeps the few steps where a model's noise is large (a regime where
	// runs diverge) from setting the floor for all. Because the
	// differences are taken replicate by replicate, the noise the two
	// points share (common random numbers: replicate r of every point
	// uses the same stream) cancels as it does in the effects. A μ*_i
	// whose interval reaches down to NoiseMuStar_i is not told apart from
	// noise.
	NoiseMuStar []float64
	// NoiseMuStarConf are bootstrap percentile intervals of NoiseMuStar,
	// resampling whole trajectories as MuStarConf does; nil without a
	// bootstrap. A model whose noise comes in rare large jumps (runs that
	// flip between regimes) makes the floor, like μ* itself, uncertain
	// over few trajectories.
	NoiseMuStarConf []Interval
}

// MorrisReplicates computes elementary-effect statistics from
// trajectories x in unit coordinates and y, where y[p] holds the outputs
// of the R ≥ 2 replicate runs (different seeds, same inputs) of point p;
// every point has the same R, and replicate r is the same random stream
// at every point. The statistics are those of the replicate means (see
// Morris), and NoiseMuStar says how much of μ* noise alone explains.
func MorrisReplicates(x [][]float64, y [][]float64, opt *BootstrapOptions) (*MorrisReplicateResult, error) {
	const fn = "MorrisReplicates"
	if len(y) != len(x) {
		return nil, &ShapeError{Func: fn, What: "len(y)", Got: len(y), Want: "len(x)"}
	}
	if len(y) == 0 {
		return nil, &ShapeError{Func: fn, What: "len(x)", Got: 0, Want: "r(k+1), r ≥ 1"}
	}
	R := len(y[0])
	if R < 2 {
		return nil, &ShapeError{Func: fn, What: "len(y[0])", Got: R, Want: "R ≥ 2 replicates"}
	}
	means := make([]float64, len(y))
	for p, reps := range y {
		if len(reps) != R {
			return nil, &ShapeError{Func: fn, What: fmt.Sprintf("len(y[%d])", p), Got: len(reps),
				Want: fmt.Sprintf("R = %d, as y[0]", R)}
		}
		if err := checkFinite(fn, fmt.Sprintf("y[%d]", p), reps); err != nil {
			return nil, err
		}
		means[p], _ = meanVar(reps)
	}
	m, err := Morris(x, means, opt)
	if err != nil {
		if e, ok := err.(*ShapeError); ok {
			e.Func = fn
		}
		return nil, err
	}
	res := &MorrisReplicateResult{MorrisResult: *m, R: R, NoiseMuStar: make([]float64, m.K)}
	k, r := m.K, m.R
	noise := stepNoise(x, y, k, r) // noise[i][t]
	for i := range k {
		res.NoiseMuStar[i] = meanOf(noise[i], nil)
	}
	b := opt.resamples()
	if b == 0 {
		return res, nil
	}
	// A default source, made afresh, resamples the trajectories Morris
	// did: the intervals of μ* and of its floor are then paired.
	src := opt.src()
	rows := make([]int, r)
	t := make([][]float64, k)
	for i := range t {
		t[i] = make([]float64, b)
	}
	for rep := range b {
		resample(src, rows)
		for i := range k {
			t[i][rep] = meanOf(noise[i], rows)
		}
	}
	res.NoiseMuStarConf = make([]Interval, k)
	for i := range k {
		res.NoiseMuStarConf[i] = percentile(t[i], opt.level())
	}
	return res, nil
}

// stepNoise returns, for each input i and trajectory t, the expected
// absolute noise of the effect of i's step in t, √(2/π) s_t /
// (c4(R) √R |Δ_t|) (see NoiseMuStar).
func stepNoise(x [][]float64, y [][]float64, k, r int) [][]float64 {
	R := len(y[0])
	scale := math.Sqrt(2/math.Pi) / (c4(R) * math.Sqrt(float64(R)))
	noise := make([][]float64, k)
	for i := range noise {
		noise[i] = make([]float64, r)
	}
	d := make([]float64, R)
	for t := range r {
		for s := range k {
			p := t*(k+1) + s
			i := movedInput(x[p], x[p+1])
			for rep := range d {
				d[rep] = y[p+1][rep] - y[p][rep]
			}
			_, v := meanVar(d)
			noise[i][t] = scale * math.Sqrt(v) / math.Abs(x[p+1][i]-x[p][i])
		}
	}
	return noise
}

// meanOf returns the mean of v[t] over t in rows, or over all of v when
// rows is nil.
func meanOf(v []float64, rows []int) float64 {
	var s float64
	if rows == nil {
		for _, e := range v {
			s += e
		}
		return s / float64(len(v))
	}
	for _, t := range rows {
		s += v[t]
	}
	return s / float64(len(rows))
}

// c4 returns E[s]/σ for the sample standard deviation s of n ≥ 2 normal
// values, √(2/(n−1)) Γ(n/2) / Γ((n−1)/2) (e.g. Montgomery, "Introduction
// to statistical quality control", appendix VI: c4(2) = 0.7979).
func c4(n int) float64 {
	a, _ := math.Lgamma(float64(n) / 2)
	b, _ := math.Lgamma(float64(n-1) / 2)
	return math.Sqrt(2/float64(n-1)) * math.Exp(a-b)
}
