package shapley

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// MaxExact is the most mechanisms NewPlan computes exactly: 2¹⁰ = 1,024
// arms. Beyond it the arms double with each mechanism and orderings are
// sampled instead.
const MaxExact = 10

// DefaultPermutations is the number of orderings a sampled plan draws
// when SampleSettings.Permutations is 0: 64 antithetic pairs, which for
// 17 mechanisms is at most 2,050 arms and puts the sampling error of each
// φᵢ near a tenth of the spread of its marginal contributions.
const DefaultPermutations = 128

// SampleSettings tune a sampled plan.
type SampleSettings struct {
	// Permutations K ≥ 2 is the number of orderings, rounded up to even
	// with Antithetic (and then ≥ 4). 0 means DefaultPermutations.
	Permutations int
	// Antithetic follows each drawn ordering by its reverse.
	Antithetic bool
	// Src draws the orderings. It is required: the plan must be
	// rebuilt identically to resume a run.
	Src rand.Source
}

// A Plan is the list of arms a Shapley attribution needs, and how their
// values combine. It is immutable and safe for concurrent use.
type Plan struct {
	n     int
	exact bool
	arms  []Mask       // ascending
	index map[Mask]int // arm -> position in arms
	// Sampled plans only: the orderings, the arm index of each prefix of
	// each ordering (chains[k][j] holds the first j mechanisms of
	// perms[k]), and how many orderings form one independent unit of the
	// standard error (2 with Antithetic, else 1).
	perms  [][]int
	chains [][]int
	unit   int
}

// NewPlan computes exactly for n ≤ MaxExact mechanisms and samples with
// s otherwise.
func NewPlan(n int, s *SampleSettings) (*Plan, error) {
	if n <= MaxExact {
		return NewExactPlan(n)
	}
	return NewSamplePlan(n, s)
}

// NewExactPlan lists all 2ⁿ arms, n in 1..MaxExact. Arm k is Mask(k).
func NewExactPlan(n int) (*Plan, error) {
	if n < 1 || n > MaxExact {
		return nil, &SizeError{N: n, Max: MaxExact, Msg: fmt.Sprintf("exact attribution of %d mechanisms; want 1 to %d", n, MaxExact)}
	}
	p := &Plan{n: n, exact: true, arms: make([]Mask, 1<<n), index: make(map[Mask]int, 1<<n)}
	for k := range p.arms {
		p.arms[k] = Mask(k)
		p.index[Mask(k)] = k
	}
	return p, nil
}

// NewSamplePlan draws orderings of n mechanisms, n in 2..MaxPlayers, and
// lists the arms of their chains.
func NewSamplePlan(n int, s *SampleSettings) (*Plan, error) {
	if n < 2 || n > MaxPlayers {
		return nil, &SizeError{N: n, Max: MaxPlayers, Msg: fmt.Sprintf("sampled attribution of %d mechanisms; want 2 to %d", n, MaxPlayers)}
	}
	if s == nil || s.Src == nil {
		return nil, &SettingError{Field: "Src", Value: math.NaN(), Msg: "a sampled plan needs a random source, to be rebuilt identically"}
	}
	k, unit := s.Permutations, 1
	if k == 0 {
		k = DefaultPermutations
	}
	if s.Antithetic {
		k += k % 2
		unit = 2
	}
	if k/unit < 2 {
		return nil, &SettingError{Field: "Permutations", Value: float64(s.Permutations), Msg: "need at least 2 independent orderings (pairs with Antithetic) for a standard error"}
	}
	rng := rand.New(s.Src)
	p := &Plan{n: n, unit: unit, index: make(map[Mask]int)}
	for len(p.perms) < k {
		perm := rng.Perm(n)
		p.perms = append(p.perms, perm)
		if s.Antithetic {
			p.perms = append(p.perms, reversed(perm))
		}
	}
	// Collect every prefix, sort, then index.
	for _, perm := range p.perms {
		var m Mask
		p.index[m] = 0
		for _, i := range perm {
			m = m.With(i)
			p.index[m] = 0
		}
	}
	for m := range p.index {
		p.arms = append(p.arms, m)
	}
	slices.Sort(p.arms)
	for j, m := range p.arms {
		p.index[m] = j
	}
	p.chains = make([][]int, len(p.perms))
	for k, perm := range p.perms {
		chain := make([]int, n+1)
		var m Mask
		chain[0] = p.index[m]
		for j, i := range perm {
			m = m.With(i)
			chain[j+1] = p.index[m]
		}
		p.chains[k] = chain
	}
	return p, nil
}

func reversed(x []int) []int {
	r := slices.Clone(x)
	slices.Reverse(r)
	return r
}

// N is the number of mechanisms.
func (p *Plan) N() int { return p.n }

// Exact reports whether the plan enumerates every coalition.
func (p *Plan) Exact() bool { return p.exact }

// Arms returns the arms to run, ascending; the first is none (every
// mechanism off) and the last all.
func (p *Plan) Arms() []Mask { return slices.Clone(p.arms) }

// Index returns the position of arm m in Arms.
func (p *Plan) Index(m Mask) (int, bool) {
	j, ok := p.index[m]
	return j, ok
}

// Permutations returns the sampled orderings, nil for an exact plan.
func (p *Plan) Permutations() [][]int {
	if p.exact {
		return nil
	}
	out := make([][]int, len(p.perms))
	for k, perm := range p.perms {
		out[k] = slices.Clone(perm)
	}
	return out
}

// Table arranges the results of the arms, results[mask][r] the value of
// arm mask in replicate r, as Attribute wants them: out[r][j] is
// replicate r of Arms()[j]. Every arm must have the same number R ≥ 1 of
// replicates; arms with none are listed in a *MissingError. Results for
// masks the plan does not need are ignored.
func (p *Plan) Table(results map[Mask][]float64) ([][]float64, error) {
	var missing []Mask
	reps := -1
	for _, m := range p.arms {
		v, ok := results[m]
		if !ok || len(v) == 0 {
			missing = append(missing, m)
			continue
		}
		if reps < 0 {
			reps = len(v)
		} else if len(v) != reps {
			return nil, &ValuesError{Replicate: -1, Arm: m, N: p.n, Msg: fmt.Sprintf("arm %s has %d replicates, others %d", m.Bits(p.n), len(v), reps)}
		}
	}
	if len(missing) > 0 {
		return nil, &MissingError{N: p.n, Arms: missing}
	}
	out := make([][]float64, reps)
	for r := range out {
		out[r] = make([]float64, len(p.arms))
		for j, m := range p.arms {
			out[r][j] = results[m][r]
		}
	}
	return out, nil
}
