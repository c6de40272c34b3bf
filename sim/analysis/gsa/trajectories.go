package gsa

import (
	"fmt"
	"math/rand/v2"
)

// DefaultMorrisLevels is the Morris grid's level count p when none is
// given: four levels, Δ = 2/3, the choice of Morris (1991) and of
// Campolongo et al. (2007) in their examples.
const DefaultMorrisLevels = 4

// MorrisDelta returns the Morris step Δ = p / (2(p−1)) on a grid of p
// levels: half the levels apart, so that each level is a start or an end
// of a step equally often (Morris, 1991).
func MorrisDelta(p int) float64 { return float64(p) / float64(2*(p-1)) }

// MorrisTrajectories returns r random one-at-a-time trajectories through
// the unit cube [0, 1]^k on the grid of p levels {0, 1/(p−1), …, 1}, as
// Morris (1991) constructs them: r(k+1) points, trajectory t being rows
// t(k+1) … t(k+1)+k. Each trajectory starts at a random grid point and
// moves each input once, in a random order, by ±Δ (Δ = MorrisDelta(p)),
// the sign random too: this is Morris's B* = (J x* + (Δ/2)((2B − J)D* +
// J))P* with x*, D* and P* drawn uniformly. So each step changes exactly
// one input, which is what Morris needs to read an elementary effect.
//
// p must be even and at least 2 (p = 0 means DefaultMorrisLevels), so that
// Δ is a whole number of grid steps; r ≥ 1; src nil means a fixed source.
// Map the points to the inputs' units with their quantile functions
// (design.Morris does) and keep the unit points for Morris.
//
// Not here: Campolongo et al.'s (2007) selection of the r most spread
// trajectories out of many, which improves the coverage of small r.
func MorrisTrajectories(k, r, p int, src rand.Source) ([][]float64, error) {
	const fn = "MorrisTrajectories"
	if p == 0 {
		p = DefaultMorrisLevels
	}
	switch {
	case k < 1:
		return nil, &ShapeError{Func: fn, What: "k", Got: k, Want: "at least 1"}
	case r < 1:
		return nil, &ShapeError{Func: fn, What: "r", Got: r, Want: "at least 1"}
	case p < 2 || p%2 != 0:
		return nil, &ShapeError{Func: fn, What: "p", Got: p, Want: "an even number ≥ 2"}
	}
	if src == nil {
		src = defaultSource()
	}
	half := p / 2 // Δ in grid steps
	step := 1 / float64(p-1)
	x := make([][]float64, 0, r*(k+1))
	lev := make([]int, k)
	up := make([]bool, k)
	order := make([]int, k)
	for range r {
		for i := range k {
			lev[i] = intn(src, half) // x*: a level from which +Δ stays on the grid
			up[i] = intn(src, 2) == 1
			if !up[i] {
				lev[i] += half
			}
			order[i] = i
		}
		shuffle(src, order)
		pt := make([]float64, k)
		for i := range k {
			pt[i] = float64(lev[i]) * step
		}
		x = append(x, pt)
		for _, i := range order {
			if up[i] {
				lev[i] += half
			} else {
				lev[i] -= half
			}
			pt = append([]float64(nil), pt...)
			pt[i] = float64(lev[i]) * step
			x = append(x, pt)
		}
	}
	return x, nil
}

// shuffle permutes a uniformly (Fisher–Yates).
func shuffle(src rand.Source, a []int) {
	for i := len(a) - 1; i > 0; i-- {
		j := intn(src, i+1)
		a[i], a[j] = a[j], a[i]
	}
}

// checkTrajectories checks that x is made of whole trajectories of k+1
// points in which each step moves exactly one input and each input moves
// once, and returns the number of trajectories.
func checkTrajectories(fn string, x [][]float64, k int) (int, error) {
	if k < 1 {
		return 0, &ShapeError{Func: fn, What: "len(x[0])", Got: k, Want: "at least 1 input"}
	}
	if len(x) == 0 || len(x)%(k+1) != 0 {
		return 0, &ShapeError{Func: fn, What: "len(x)", Got: len(x), Want: fmt.Sprintf("r(k+1) = %d·r, r ≥ 1", k+1)}
	}
	r := len(x) / (k + 1)
	moved := make([]bool, k)
	for t := range r {
		clear(moved)
		for s := range k {
			a, b := x[t*(k+1)+s], x[t*(k+1)+s+1]
			if len(a) != k || len(b) != k {
				return 0, &ShapeError{Func: fn, What: fmt.Sprintf("len(x[%d])", t*(k+1)+s+1), Got: len(b), Want: fmt.Sprint(k)}
			}
			i := movedInput(a, b)
			if i < 0 || moved[i] {
				return 0, &ShapeError{Func: fn, What: "step at row", Got: t*(k+1) + s + 1,
					Want: "a change in exactly one input not yet moved in its trajectory"}
			}
			moved[i] = true
		}
	}
	return r, nil
}

// movedInput returns the one input in which a and b differ, or −1.
func movedInput(a, b []float64) int {
	i := -1
	for j := range a {
		if a[j] != b[j] {
			if i >= 0 {
				return -1
			}
			i = j
		}
	}
	return i
}
