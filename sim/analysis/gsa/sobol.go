package gsa

import "fmt"

// SobolResult holds the Sobol indices of k inputs estimated from N base
// rows of a Saltelli sample.
type SobolResult struct {
	// K is the number of inputs and N the number of base rows.
	K, N int
	// Mean and Variance are the mean and variance of the output over the
	// 2N runs of A and B, whose inputs are independent draws: the V(Y)
	// that divides every index.
	Mean, Variance float64
	// S[i] is the first-order index of input i: the share of V(Y) that
	// input i explains alone, V(E[Y|X_i])/V(Y).
	S []float64
	// ST[i] is the total index of input i: the share of V(Y) left
	// unexplained if every input but i were known, E[V(Y|X_~i)]/V(Y). It
	// counts input i's interactions; ST[i] − S[i] is their part. An input
	// with ST[i] ≈ 0 can be fixed anywhere in its range without changing
	// the output.
	ST []float64
	// SConf and STConf are the bootstrap percentile intervals of S and ST
	// at the options' level (95% by default), nil without a bootstrap.
	SConf, STConf []Interval
	// Resamples is the number of bootstrap resamples.
	Resamples int
}

// Sobol estimates first-order and total Sobol indices from the outputs y
// of a Saltelli sample of N base rows and k inputs, in the run order of
// design.Saltelli: for each base row j, the outputs of row j of A, of
// AB_1 … AB_k (A with column i taken from B) and of B,
//
//	y[(k+2)j], y[(k+2)j+1] … y[(k+2)j+k], y[(k+2)j+k+1],
//
// so len(y) = N(k+2), N ≥ 2. With f_A, f_B and f_ABi the outputs of row
// j and V the variance of the 2N outputs of A and B (see SobolResult),
//
//	S_i  = (1/N) Σ_j f_B (f_ABi − f_A) / V   Saltelli et al. (2010), Table 2 (b)
//	ST_i = (1/2N) Σ_j (f_A − f_ABi)² / V      Jansen (1999); Saltelli et al. (2010), Table 2 (f)
//
// The outputs are centred on their mean first, which leaves the first
// estimator's expectation unchanged (E[f_ABi − f_A] = 0) and lowers its
// variance when the mean is large beside the spread. Both estimates carry
// sampling error: a small negative S_i, or S_i slightly above ST_i, is
// noise around zero or around equality.
//
// The intervals resample the N base rows with replacement (each row keeps
// its k+2 runs together) and recompute the indices, opt.Resamples times.
// With a scrambled Sobol base they are conservative: the bootstrap treats
// the rows as independent, and quasi-random rows are better spread than
// that.
func Sobol(y []float64, k int, opt *BootstrapOptions) (*SobolResult, error) {
	const fn = "Sobol"
	if k < 1 {
		return nil, &ShapeError{Func: fn, What: "k", Got: k, Want: "at least 1"}
	}
	if len(y)%(k+2) != 0 || len(y) < 2*(k+2) {
		return nil, &ShapeError{Func: fn, What: "len(y)", Got: len(y),
			Want: fmt.Sprintf("N(k+2) = %d·N with N ≥ 2", k+2)}
	}
	if err := checkFinite(fn, "y", y); err != nil {
		return nil, err
	}
	if err := opt.check(fn); err != nil {
		return nil, err
	}
	n := len(y) / (k + 2)
	r := &SobolResult{K: k, N: n, S: make([]float64, k), ST: make([]float64, k)}
	rows := make([]int, n)
	for j := range rows {
		rows[j] = j
	}
	r.Mean, r.Variance = sobolEstimate(y, k, rows, r.S, r.ST)

	b := opt.resamples()
	if b == 0 {
		return r, nil
	}
	r.Resamples = b
	src := opt.src()
	ts, tst := make([][]float64, k), make([][]float64, k)
	for i := range k {
		ts[i], tst[i] = make([]float64, b), make([]float64, b)
	}
	s, st := make([]float64, k), make([]float64, k)
	for rep := range b {
		resample(src, rows)
		sobolEstimate(y, k, rows, s, st)
		for i := range k {
			ts[i][rep], tst[i][rep] = s[i], st[i]
		}
	}
	r.SConf, r.STConf = make([]Interval, k), make([]Interval, k)
	for i := range k {
		r.SConf[i] = percentile(ts[i], opt.level())
		r.STConf[i] = percentile(tst[i], opt.level())
	}
	return r, nil
}

// sobolEstimate computes S and ST over the base rows listed in rows (with
// repeats, for a bootstrap resample) and returns the mean and variance of
// the A and B outputs. A constant output gives NaN indices.
func sobolEstimate(y []float64, k int, rows []int, s, st []float64) (mean, variance float64) {
	w := k + 2
	n := float64(len(rows))
	for _, j := range rows {
		mean += y[j*w] + y[j*w+k+1]
	}
	mean /= 2 * n
	var ss float64
	for _, j := range rows {
		a, b := y[j*w]-mean, y[j*w+k+1]-mean
		ss += a*a + b*b
	}
	variance = ss / (2*n - 1)
	for i := range k {
		var vi, vti float64
		for _, j := range rows {
			fa, fb, fab := y[j*w]-mean, y[j*w+k+1]-mean, y[j*w+1+i]-mean
			vi += fb * (fab - fa)
			vti += (fa - fab) * (fa - fab)
		}
		s[i] = vi / n / variance
		st[i] = vti / (2 * n) / variance
	}
	return mean, variance
}
