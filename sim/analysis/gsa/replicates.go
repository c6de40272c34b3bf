package gsa

import "fmt"

// ReplicateResult holds the Sobol indices of a stochastic model, run R
// times at each point of a Saltelli sample, and how much of its output is
// noise.
type ReplicateResult struct {
	// SobolResult holds the indices of the replicate means Ȳ(x), the
	// average of the R runs at each point, estimated as Sobol does.
	SobolResult
	// R is the number of replicates at each point.
	R int
	// NoiseShare is the share of the variance of a single run's output
	// that is replicate noise: E[V(Y|x)] / V(Y), where V(Y|x) is the
	// variance between runs at the same inputs x (from the random seed
	// alone) and V(Y) the variance of all runs. 0 is a deterministic
	// model; near 1, the inputs hardly matter beside chance.
	NoiseShare float64
	// NoiseShareConf is its bootstrap interval, resampling base rows.
	NoiseShareConf Interval
	// MeanNoiseShare is the share of the variance of the replicate means
	// that is still noise, (E[V(Y|x)]/R) / V(Ȳ): the part of the V that
	// divides the indices that no input explains. It lowers every S_i and
	// raises every ST_i by about that much (noise acts as one more input
	// that interacts with nothing); when it is large, add replicates
	// before reading small indices.
	MeanNoiseShare float64
}

// SobolReplicates estimates Sobol indices and the noise share of a
// stochastic model from y, where y[p] holds the outputs of the R ≥ 2
// replicate runs (different seeds, same inputs) of Saltelli point p, in
// the run order Sobol reads; every point has the same R.
//
// The method: the indices are those of the replicate means Ȳ(x) (Sobol,
// on the N(k+2) means). The noise share compares the pooled
// within-point variance
//
//	W = (1/P) Σ_p s_p²,  s_p² = (1/(R−1)) Σ_r (y_pr − ȳ_p)²,  P = N(k+2),
//
// an unbiased estimate of E[V(Y|x)], with the variance of all P·R single
// outputs, an estimate of V(Y) = V(E[Y|x]) + E[V(Y|x)] since every point
// of A, B and AB_i is a draw from the inputs' distribution. Its interval
// resamples base rows as the indices' do. V(Y|x) may differ from point to
// point: W averages it over the input space.
func SobolReplicates(y [][]float64, k int, opt *BootstrapOptions) (*ReplicateResult, error) {
	const fn = "SobolReplicates"
	if k < 1 {
		return nil, &ShapeError{Func: fn, What: "k", Got: k, Want: "at least 1"}
	}
	if len(y) == 0 {
		return nil, &ShapeError{Func: fn, What: "len(y)", Got: 0, Want: "N(k+2) points"}
	}
	R := len(y[0])
	if R < 2 {
		return nil, &ShapeError{Func: fn, What: "len(y[0])", Got: R, Want: "R ≥ 2 replicates"}
	}
	means, within := make([]float64, len(y)), make([]float64, len(y))
	for p, reps := range y {
		if len(reps) != R {
			return nil, &ShapeError{Func: fn, What: fmt.Sprintf("len(y[%d])", p), Got: len(reps),
				Want: fmt.Sprintf("R = %d, as y[0]", R)}
		}
		if err := checkFinite(fn, fmt.Sprintf("y[%d]", p), reps); err != nil {
			return nil, err
		}
		means[p], within[p] = meanVar(reps)
	}
	s, err := Sobol(means, k, opt)
	if err != nil {
		if e, ok := err.(*ShapeError); ok {
			e.Func, e.What = fn, "len(y)"
		}
		return nil, err
	}
	r := &ReplicateResult{SobolResult: *s, R: R}
	n := s.N
	rows := make([]int, n)
	for j := range rows {
		rows[j] = j
	}
	r.NoiseShare = noiseShare(y, means, within, k, rows)
	_, vm := meanVar(means)
	var w float64
	for _, v := range within {
		w += v
	}
	r.MeanNoiseShare = w / float64(len(within)) / float64(R) / vm

	if b := opt.resamples(); b > 0 {
		src := opt.src() // Sobol drew from it first
		t := make([]float64, b)
		for rep := range t {
			resample(src, rows)
			t[rep] = noiseShare(y, means, within, k, rows)
		}
		r.NoiseShareConf = percentile(t, opt.level())
	}
	return r, nil
}

// noiseShare returns W over the variance of all single outputs, over the
// points of the base rows listed in rows.
func noiseShare(y [][]float64, means, within []float64, k int, rows []int) float64 {
	w := k + 2
	var grand, sw float64
	var count int
	for _, j := range rows {
		for p := j * w; p < (j+1)*w; p++ {
			grand += means[p] * float64(len(y[p]))
			sw += within[p]
			count += len(y[p])
		}
	}
	grand /= float64(count)
	var ss float64
	for _, j := range rows {
		for p := j * w; p < (j+1)*w; p++ {
			for _, v := range y[p] {
				ss += (v - grand) * (v - grand)
			}
		}
	}
	return sw / float64(len(rows)*w) / (ss / float64(count-1))
}

// meanVar returns the mean and the unbiased variance of x (0 for one
// value).
func meanVar(x []float64) (mean, variance float64) {
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	if len(x) < 2 {
		return mean, 0
	}
	for _, v := range x {
		variance += (v - mean) * (v - mean)
	}
	return mean, variance / float64(len(x)-1)
}
