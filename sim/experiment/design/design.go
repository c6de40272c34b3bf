package design

import "fmt"

// A Design is a numbered list of runs, each a point in the factors' units.
type Design interface {
	// Len is the number of runs.
	Len() int
	// Point returns the factor values of run i, 0 ≤ i < Len(), in the
	// order of the factors. It is a pure function of the spec and i, and
	// panics if i is out of range.
	Point(i int) []float64
	// Spec records the design; New(Spec()) builds the same design.
	Spec() Spec
}

// Kind names a design.
type Kind string

// The designs of this package.
const (
	KindGrid     Kind = "grid"     // full factorial, see NewGrid
	KindLHS      Kind = "lhs"      // Latin hypercube, see NewLatinHypercube
	KindSobol    Kind = "sobol"    // Sobol sequence, see NewSobol
	KindSaltelli Kind = "saltelli" // Sobol-index sample, see NewSaltelli
	KindMorris   Kind = "morris"   // elementary-effect trajectories, see NewMorris
)

// A Spec is everything that fixes a design, ready to be written to a
// run directory's manifest as JSON. Fields a kind does not use are zero.
type Spec struct {
	Kind    Kind     `json:"kind"`
	Factors []Factor `json:"factors"`
	// N is the number of points (lhs, sobol), of base rows (saltelli) or
	// of trajectories (morris); 0 for a grid.
	N int `json:"n,omitempty"`
	// Seed fixes every random choice of the design.
	Seed uint64 `json:"seed"`
	// Scramble is the Sobol scrambling (sobol, saltelli).
	Scramble Scramble `json:"scramble,omitempty"`
	// Centered puts Latin hypercube points at the centres of their strata.
	Centered bool `json:"centered,omitempty"`
	// Levels is the Morris grid's level count p.
	Levels int `json:"levels,omitempty"`
	// Runs is the design's Len, recorded for the reader; New checks it
	// when it is not zero.
	Runs int `json:"runs"`
}

// New builds the design s describes.
func New(s Spec) (Design, error) {
	var d Design
	var err error
	switch s.Kind {
	case KindGrid:
		d, err = NewGrid(s.Factors)
	case KindLHS:
		d, err = NewLatinHypercube(s.Factors, s.N, s.Seed, &LHSOptions{Centered: s.Centered})
	case KindSobol:
		d, err = NewSobol(s.Factors, s.N, s.Seed, &SobolOptions{Scramble: s.Scramble})
	case KindSaltelli:
		d, err = NewSaltelli(s.Factors, s.N, s.Seed, &SobolOptions{Scramble: s.Scramble})
	case KindMorris:
		d, err = NewMorris(s.Factors, s.N, s.Seed, &MorrisOptions{Levels: s.Levels})
	default:
		return nil, &DesignError{Kind: s.Kind, Reason: "unknown kind of design; want grid, lhs, sobol, saltelli or morris"}
	}
	if err != nil {
		return nil, err
	}
	if s.Runs != 0 && s.Runs != d.Len() {
		return nil, &DesignError{Kind: s.Kind, Reason: fmt.Sprintf("spec says %d runs, the design has %d", s.Runs, d.Len())}
	}
	return d, nil
}

// A DesignError reports a design that cannot be built.
type DesignError struct {
	Kind   Kind
	Reason string
}

func (e *DesignError) Error() string { return fmt.Sprintf("%s design: %s", e.Kind, e.Reason) }

// MaxRuns bounds the runs of one design, so that run indices fit an int
// and a mistyped count fails at once rather than after a week.
const MaxRuns = 1 << 40

// checkFactors validates fs for a design of kind k and returns a copy.
func checkFactors(k Kind, fs []Factor) ([]Factor, error) {
	if len(fs) == 0 {
		return nil, &DesignError{Kind: k, Reason: "no factors to vary"}
	}
	for i := range fs {
		if err := fs[i].Validate(); err != nil {
			return nil, err
		}
	}
	return Merge(fs)
}

// checkN checks a count n ≥ 1 whose design has n·per runs.
func checkN(k Kind, what string, n, per int) error {
	if n < 1 {
		return &DesignError{Kind: k, Reason: fmt.Sprintf("%s = %d, want at least 1", what, n)}
	}
	if float64(n)*float64(per) > MaxRuns {
		return &DesignError{Kind: k, Reason: fmt.Sprintf("%s = %d gives more than %d runs", what, n, MaxRuns)}
	}
	return nil
}

// toUnits maps unit coordinates u to the factors' units, in place.
func toUnits(fs []Factor, u []float64) []float64 {
	for j := range u {
		u[j] = fs[j].At(u[j])
	}
	return u
}

// checkIndex panics on a run index outside [0, n): asking for a run the
// design does not have is a programmer error.
func checkIndex(k Kind, i, n int) {
	if i < 0 || i >= n {
		panic(fmt.Sprintf("design: %s: Point(%d) out of range [0, %d)", k, i, n))
	}
}
