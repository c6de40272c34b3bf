package design

import (
	"fmt"
	"math/rand/v2"

	"github.com/krysha/krysha/sim/analysis/gsa"
)

// MorrisOptions are the options of a Morris design. Nil means defaults.
type MorrisOptions struct {
	// Levels is the grid's level count p, even and at least 2; zero means
	// gsa.DefaultMorrisLevels (4).
	Levels int
}

// A Morris design holds r elementary-effect trajectories of k+1 runs each
// (Morris, 1991), made by gsa.MorrisTrajectories from a source seeded by
// the design's seed: run t(k+1)+s is step s of trajectory t. Its unit
// points (Unit) and the outputs, in run order, are what gsa.Morris reads.
//
// The factors should be ranges: the Morris step Δ is a fraction of each
// range. A grid or value factor is sampled as Factor.At says, and an
// integer one rounds, so a step may then change nothing.
type Morris struct {
	factors []Factor
	r, p    int
	seed    uint64
	unit    [][]float64
}

// NewMorris returns r trajectories over fs, fixed by seed.
func NewMorris(fs []Factor, r int, seed uint64, opt *MorrisOptions) (*Morris, error) {
	fs, err := checkFactors(KindMorris, fs)
	if err != nil {
		return nil, err
	}
	if err := checkN(KindMorris, "r", r, len(fs)+1); err != nil {
		return nil, err
	}
	p := gsa.DefaultMorrisLevels
	if opt != nil && opt.Levels != 0 {
		p = opt.Levels
	}
	if p < 2 || p%2 != 0 {
		return nil, &DesignError{Kind: KindMorris, Reason: fmt.Sprintf("levels p = %d, want an even number >= 2", p)}
	}
	// The trajectories are drawn in order from one stream, so all of them
	// are made here; that is r(k+1) small points, cheap beside the runs.
	src := rand.NewPCG(hash(seed, tagMorris, 0, 0), hash(seed, tagMorris, 1, 0))
	unit, err := gsa.MorrisTrajectories(len(fs), r, p, src)
	if err != nil {
		return nil, &DesignError{Kind: KindMorris, Reason: err.Error()}
	}
	return &Morris{factors: fs, r: r, p: p, seed: seed, unit: unit}, nil
}

// Len returns r(k+1).
func (m *Morris) Len() int { return len(m.unit) }

// Point returns run i in the factors' units.
func (m *Morris) Point(i int) []float64 { return toUnits(m.factors, m.Unit(i)) }

// Unit returns run i on the unit grid {0, 1/(p−1), …, 1}^k.
func (m *Morris) Unit(i int) []float64 {
	checkIndex(KindMorris, i, len(m.unit))
	return append([]float64(nil), m.unit[i]...)
}

// Spec records the design.
func (m *Morris) Spec() Spec {
	return Spec{Kind: KindMorris, Factors: copyFactors(m.factors), N: m.r, Seed: m.seed,
		Levels: m.p, Runs: m.Len()}
}
