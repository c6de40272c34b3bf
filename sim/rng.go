package sim

import (
	"math"
	"math/bits"
	"math/rand/v2"
)

// rng is a run's only source of randomness: a PCG stream seeded from
// (seed, replicate). Methods are on the concrete type so that the hot loop
// makes no interface calls.
type rng struct {
	pcg rand.PCG
}

// seedStream derives the two PCG words of replicate rep of seed with
// SplitMix64, so that nearby seeds and replicates give unrelated streams.
func seedStream(seed uint64, rep int) (uint64, uint64) {
	x := seed ^ 0x6b72797368610000 // "krysha"
	a := splitmix(&x)
	x ^= uint64(rep) * 0x9e3779b97f4a7c15
	b := splitmix(&x)
	return a ^ splitmix(&x), b
}

func splitmix(x *uint64) uint64 {
	*x += 0x9e3779b97f4a7c15
	z := *x
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func (r *rng) seed(seed uint64, rep int) {
	a, b := seedStream(seed, rep)
	r.pcg.Seed(a, b)
}

// Uint64 makes rng a math/rand/v2 Source.
func (r *rng) Uint64() uint64 { return r.pcg.Uint64() }

// float returns a uniform number in [0, 1).
func (r *rng) float() float64 { return float64(r.pcg.Uint64()>>11) * (1.0 / (1 << 53)) }

// bernoulli returns true with probability p.
func (r *rng) bernoulli(p float64) bool { return r.float() < p }

// intn returns a uniform integer in [0, n), n > 0, by Lemire's method.
func (r *rng) intn(n int) int {
	hi, lo := bits.Mul64(r.pcg.Uint64(), uint64(n))
	if lo < uint64(n) {
		thresh := -uint64(n) % uint64(n)
		for lo < thresh {
			hi, lo = bits.Mul64(r.pcg.Uint64(), uint64(n))
		}
	}
	return int(hi)
}

// binomial draws Binomial(n, p) by summing Bernoulli trials; n is small
// in this model (persons in one vehicle, facilitators of one organization).
func (r *rng) binomial(n int, p float64) int {
	k := 0
	for i := 0; i < n; i++ {
		if r.float() < p {
			k++
		}
	}
	return k
}

// poisson draws Poisson(lambda) by Knuth's multiplication method for small
// lambda and a normal approximation above 30, where entry rates never go.
func (r *rng) poisson(lambda float64) int {
	if lambda <= 0 {
		return 0
	}
	if lambda > 30 {
		x := lambda + math.Sqrt(lambda)*r.normal()
		if x < 0 {
			return 0
		}
		return int(x + 0.5)
	}
	l := math.Exp(-lambda)
	k := 0
	p := r.float()
	for p > l {
		k++
		p *= r.float()
	}
	return k
}

// normal draws a standard normal by the polar Box-Muller method.
func (r *rng) normal() float64 {
	for {
		u := 2*r.float() - 1
		v := 2*r.float() - 1
		s := u*u + v*v
		if s > 0 && s < 1 {
			return u * math.Sqrt(-2*math.Log(s)/s)
		}
	}
}

// gamma draws Gamma(shape, 1) by Marsaglia and Tsang's method (2000).
func (r *rng) gamma(shape float64) float64 {
	if shape < 1 {
		// Boost: Gamma(a) = Gamma(a+1) U^(1/a).
		return r.gamma(shape+1) * math.Pow(r.float(), 1/shape)
	}
	d := shape - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := r.normal()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := r.float()
		if u < 1-0.0331*x*x*x*x || math.Log(u) < 0.5*x*x+d*(1-v+math.Log(v)) {
			return d * v
		}
	}
}

// beta draws Beta(a, b) as a ratio of gammas.
func (r *rng) beta(a, b float64) float64 {
	x := r.gamma(a)
	y := r.gamma(b)
	if x+y == 0 {
		return a / (a + b)
	}
	return x / (x + y)
}
