package calib

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// synth is a small stochastic model with known parameters, standing in
// for krysha in the tests. With θ = (A, g, p, d):
//
//	cases_opened(t) ~ Poisson(A e^(g (t − 2005)))
//	convictions(t)  ~ Binomial(cases_opened(t), p)
//	prosecutions(t) ~ Binomial(cases_opened(t), (1 + p)/2)
//
// for t = 2003, …, 2012; d enters nothing, so no target can identify it.
type synth struct {
	seed uint64 // base seed: replicate r draws from PCG(seed, r)
}

const synthFirst, synthYears = 2003, 10

// synthBox is the prior of the synthetic model.
var synthBox = []Param{
	{Name: "A", Min: 20, Max: 2000, Log: true},
	{Name: "g", Min: -0.3, Max: 0.3},
	{Name: "p", Min: 0.05, Max: 0.8},
	{Name: "d", Min: 0, Max: 1},
}

// synthTruth is the parameter vector the recovery test must find.
var synthTruth = []float64{200, -0.15, 0.3, 0.5}

// run simulates replicate rep.
func (s synth) run(theta []float64, rep uint64) *Table {
	src := rand.NewPCG(s.seed, rep)
	cases := make([]float64, synthYears)
	conv := make([]float64, synthYears)
	pros := make([]float64, synthYears)
	for i := range cases {
		lambda := theta[0] * math.Exp(theta[1]*float64(synthFirst+i-2005))
		cases[i] = distuv.Poisson{Lambda: lambda, Src: src}.Rand()
		if cases[i] > 0 {
			conv[i] = distuv.Binomial{N: cases[i], P: theta[2], Src: src}.Rand()
			pros[i] = distuv.Binomial{N: cases[i], P: (1 + theta[2]) / 2, Src: src}.Rand()
		}
	}
	return &Table{FirstYear: synthFirst, Columns: map[string][]float64{
		"cases_opened": cases, "convictions": conv, "prosecutions": pros,
	}}
}

// sim is the Simulator of the model: replicates 0, …, n−1.
func (s synth) sim(theta []float64, n int) ([]Yearly, error) {
	out := make([]Yearly, n)
	for r := range out {
		out[r] = s.run(theta, uint64(r))
	}
	return out, nil
}

// observe returns the mean over n replicates at theta, from replicate
// 1000 on, so that the "observed" figures share no random numbers with
// the replicates the calibration runs.
func (s synth) observe(theta []float64, metric string, year, n int) float64 {
	var sum float64
	for r := range n {
		v, _ := s.run(theta, uint64(1000+r)).Value(metric, year)
		sum += v
	}
	return sum / float64(n)
}

// latinHypercube returns n points in box: each parameter's unit range is
// cut into n strata, each stratum is hit once, at a uniform place in it,
// and the strata are paired across parameters by random permutations.
// (The real designs live with the runner; this one only feeds tests.)
func latinHypercube(box []Param, n int, src rand.Source) [][]float64 {
	rng := rand.New(src)
	pts := make([][]float64, n)
	for i := range pts {
		pts[i] = make([]float64, len(box))
	}
	for j, p := range box {
		for i, stratum := range rng.Perm(n) {
			pts[i][j] = p.fromUnit((float64(stratum) + rng.Float64()) / float64(n))
		}
	}
	return pts
}
