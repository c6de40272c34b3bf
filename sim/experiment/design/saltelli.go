package design

// A Saltelli design is the sample from which package gsa estimates Sobol
// indices (Saltelli et al., 2010, "Variance based sensitivity analysis of
// model output", Comput. Phys. Commun. 181, 259–270). From the first N
// points of a 2k-dimensional Sobol sequence it takes two N×k matrices,
// A (dimensions 1..k) and B (dimensions k+1..2k), and for each factor i
// the matrix AB_i: A with column i taken from B. That is N(k+2) runs,
// ordered by base row and then by matrix:
//
//	run (k+2)·j + 0      row j of A
//	run (k+2)·j + i      row j of AB_i, i = 1..k
//	run (k+2)·j + k + 1  row j of B
//
// so the outputs y of the runs in run order are what gsa.Sobol reads, and
// the first (k+2)·M runs are themselves a Saltelli design of M base rows:
// a study can be stopped early, or extended, and analysed all the same.
// (This is SALib's order without second-order indices.)
//
// Take N a power of two, for the reasons given at Sobol.
type Saltelli struct {
	factors []Factor
	n       int
	seed    uint64
	scr     scrambler
}

// NewSaltelli returns the Saltelli design with n base rows over fs, with
// at most MaxSobolDim/2 factors.
func NewSaltelli(fs []Factor, n int, seed uint64, opt *SobolOptions) (*Saltelli, error) {
	fs, err := checkFactors(KindSaltelli, fs)
	if err != nil {
		return nil, err
	}
	if opt == nil {
		opt = &SobolOptions{}
	}
	k := len(fs)
	if err := checkSobol(KindSaltelli, 2*k, n, opt.Scramble); err != nil {
		return nil, err
	}
	if err := checkN(KindSaltelli, "n", n, k+2); err != nil {
		return nil, err
	}
	return &Saltelli{factors: fs, n: n, seed: seed, scr: newScrambler(opt.Scramble, seed, 2*k)}, nil
}

// Len returns N(k+2).
func (s *Saltelli) Len() int { return s.n * (len(s.factors) + 2) }

// N returns the number of base rows.
func (s *Saltelli) N() int { return s.n }

// Block returns the base row j and the matrix m of run i: m = 0 for A,
// 1..k for AB_m, k+1 for B.
func (s *Saltelli) Block(i int) (j, m int) {
	checkIndex(KindSaltelli, i, s.Len())
	return i / (len(s.factors) + 2), i % (len(s.factors) + 2)
}

// Point returns run i in the factors' units.
func (s *Saltelli) Point(i int) []float64 { return toUnits(s.factors, s.Unit(i)) }

// Unit returns run i in unit coordinates, each in [0, 1).
func (s *Saltelli) Unit(i int) []float64 {
	j, m := s.Block(i)
	k := len(s.factors)
	u := make([]float64, k)
	for c := range u {
		d := c // from A
		if m == k+1 || m == c+1 {
			d = k + c // from B
		}
		u[c] = s.scr.coord(sobolDigits(uint32(j), d), d)
	}
	return u
}

// Spec records the design.
func (s *Saltelli) Spec() Spec {
	return Spec{Kind: KindSaltelli, Factors: copyFactors(s.factors), N: s.n, Seed: s.seed,
		Scramble: s.scr.kind, Runs: s.Len()}
}
