package design

import "fmt"

// SobolOptions are the options of Sobol and Saltelli designs. Nil means
// defaults.
type SobolOptions struct {
	// Scramble is the randomisation; "" means ScrambleOwen.
	Scramble Scramble
}

// A Sobol design holds the first n points of the Sobol sequence (Sobol',
// 1967) with Joe and Kuo's (2008) direction numbers, one dimension per
// factor, scrambled as its options say and mapped to the factors' units
// by Factor.At. Unscrambled, point i is the i-th point in Gray-code order
// as Joe and Kuo's generator gives it; in two dimensions
//
//	(0, 0), (½, ½), (¾, ¼), (¼, ¾), (⅜, ⅜), (⅞, ⅞), (⅝, ⅛), (⅛, ⅝), …
//
// Take n a power of two: the first 2^m points form a (t, m, k)-net, whose
// balance is what makes the sequence better than random points, and a
// sample cut elsewhere loses it (Owen, 2020, "On dropping the first Sobol'
// point"). Point 0 is kept: scrambled, it is as random as any other.
type Sobol struct {
	factors []Factor
	n       int
	seed    uint64
	scr     scrambler
}

// NewSobol returns the first n points of the Sobol sequence over fs, with
// at most MaxSobolDim factors and 1 ≤ n ≤ 2^32. seed fixes the scrambling
// and is unused when it is ScrambleNone.
func NewSobol(fs []Factor, n int, seed uint64, opt *SobolOptions) (*Sobol, error) {
	fs, err := checkFactors(KindSobol, fs)
	if err != nil {
		return nil, err
	}
	if opt == nil {
		opt = &SobolOptions{}
	}
	if err := checkSobol(KindSobol, len(fs), n, opt.Scramble); err != nil {
		return nil, err
	}
	if err := checkN(KindSobol, "n", n, 1); err != nil {
		return nil, err
	}
	return &Sobol{factors: fs, n: n, seed: seed, scr: newScrambler(opt.Scramble, seed, len(fs))}, nil
}

// checkSobol checks a Sobol base of dims dimensions and n points.
func checkSobol(k Kind, dims, n int, s Scramble) error {
	if !s.valid() {
		return &DesignError{Kind: k, Reason: fmt.Sprintf("unknown scrambling %q; want owen, shift or none", s)}
	}
	if dims > MaxSobolDim {
		return &DesignError{Kind: k, Reason: fmt.Sprintf("needs %d Sobol dimensions, this package has %d", dims, MaxSobolDim)}
	}
	if n > 1<<sobolBits {
		return &DesignError{Kind: k, Reason: fmt.Sprintf("n = %d, the Sobol sequence has 2^%d points", n, sobolBits)}
	}
	return nil
}

// Len returns n.
func (s *Sobol) Len() int { return s.n }

// Point returns run i in the factors' units.
func (s *Sobol) Point(i int) []float64 { return toUnits(s.factors, s.Unit(i)) }

// Unit returns point i of the (scrambled) sequence, each coordinate in
// [0, 1).
func (s *Sobol) Unit(i int) []float64 {
	checkIndex(KindSobol, i, s.n)
	u := make([]float64, len(s.factors))
	for d := range u {
		u[d] = s.scr.coord(sobolDigits(uint32(i), d), d)
	}
	return u
}

// Spec records the design.
func (s *Sobol) Spec() Spec {
	return Spec{Kind: KindSobol, Factors: copyFactors(s.factors), N: s.n, Seed: s.seed,
		Scramble: s.scr.kind, Runs: s.n}
}
