package design

import "math/bits"

// LHSOptions are the options of a Latin hypercube. Nil means defaults.
type LHSOptions struct {
	// Centered puts each point at the centre of its stratum,
	// (π_j(i) + ½)/n, instead of at a uniform place within it.
	Centered bool
}

// A LatinHypercube is a Latin hypercube sample (McKay, Beckman and
// Conover, 1979) of n points: in every dimension j the n strata
// [s/n, (s+1)/n), s = 0..n−1, hold exactly one point each. Run i is, in
// unit coordinates,
//
//	u_ij = (π_j(i) + U_ij) / n
//
// where π_j is a random permutation of 0..n−1, independent across
// dimensions, and U_ij is uniform on [0, 1) (½ when centred); u is then
// mapped to each factor's units by Factor.At.
//
// π_j is a keyed pseudo-random permutation (a Feistel network on the
// smallest even power of two ≥ n, walked until it lands in [0, n)) and
// U_ij a hash of (seed, i, j), so a point costs O(k) to make, whatever n,
// and needs no table: run i can be made alone.
type LatinHypercube struct {
	factors  []Factor
	n        int
	seed     uint64
	centered bool
}

// NewLatinHypercube returns an n-point Latin hypercube over fs, fixed by
// seed.
func NewLatinHypercube(fs []Factor, n int, seed uint64, opt *LHSOptions) (*LatinHypercube, error) {
	fs, err := checkFactors(KindLHS, fs)
	if err != nil {
		return nil, err
	}
	if err := checkN(KindLHS, "n", n, 1); err != nil {
		return nil, err
	}
	if opt == nil {
		opt = &LHSOptions{}
	}
	return &LatinHypercube{factors: fs, n: n, seed: seed, centered: opt.Centered}, nil
}

// Len returns n.
func (l *LatinHypercube) Len() int { return l.n }

// Point returns run i in the factors' units.
func (l *LatinHypercube) Point(i int) []float64 { return toUnits(l.factors, l.Unit(i)) }

// Unit returns run i in unit coordinates, each in [0, 1).
func (l *LatinHypercube) Unit(i int) []float64 {
	checkIndex(KindLHS, i, l.n)
	u := make([]float64, len(l.factors))
	for j := range u {
		s := permute(uint64(i), uint64(l.n), hash(l.seed, tagLHSPerm, uint64(j), 0))
		jitter := 0.5
		if !l.centered {
			jitter = l.jitter(i, j)
		}
		u[j] = (float64(s) + jitter) / float64(l.n)
	}
	return u
}

// jitter returns U_ij with 50−⌈log2 n⌉ random bits, so that s+U is exact
// and (s+U)/n stays a few ulps below (s+1)/n: rounding never moves a point
// out of its stratum.
func (l *LatinHypercube) jitter(i, j int) float64 {
	b := 50 - bits.Len64(uint64(l.n))
	return float64(hash(l.seed, tagLHSJitter, uint64(i), uint64(j))>>(64-b)) / float64(uint64(1)<<b)
}

// Stratum returns the stratum π_j(i) of run i in dimension j.
func (l *LatinHypercube) Stratum(i, j int) int {
	checkIndex(KindLHS, i, l.n)
	return int(permute(uint64(i), uint64(l.n), hash(l.seed, tagLHSPerm, uint64(j), 0)))
}

// Spec records the design.
func (l *LatinHypercube) Spec() Spec {
	return Spec{Kind: KindLHS, Factors: copyFactors(l.factors), N: l.n, Seed: l.seed,
		Centered: l.centered, Runs: l.n}
}

// feistelRounds is the number of rounds of the permutation's Feistel
// network; four with a pseudo-random round function already give a
// pseudo-random permutation (Luby and Rackoff, 1988), six leave a margin
// for the tiny domains of small designs.
const feistelRounds = 6

// permute returns the image of i under a bijection of [0, n) chosen by
// key. A balanced Feistel network permutes [0, 2^w) for the smallest even
// w with 2^w ≥ n; applying it again until the value falls below n ("cycle
// walking", Black and Rogaway, 2002) restricts it to a bijection of
// [0, n). Since 2^w < 4n, that takes fewer than four rounds on average.
func permute(i, n, key uint64) uint64 {
	w := bits.Len64(n - 1)
	w += w & 1
	if w < 2 {
		w = 2
	}
	half := uint(w / 2)
	mask := uint64(1)<<half - 1
	x := i
	for {
		l, r := x>>half, x&mask
		for round := uint64(0); round < feistelRounds; round++ {
			l, r = r, l^(mix(key^(round+1)*golden^mix(r))&mask)
		}
		x = l<<half | r
		if x < n {
			return x
		}
	}
}
