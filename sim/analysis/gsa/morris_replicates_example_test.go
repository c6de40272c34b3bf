package gsa_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/krysha/krysha/sim/analysis/gsa"
)

// Morris screening of a stochastic y = 5·x1 + x2 + ε, ε ~ N(0, 1), run 4
// times at each point: x3 does nothing, and its μ* is at its noise floor,
// while x1's and x2's stand clear of theirs (noise inflates them a
// little too: |5 + ε| averages above 5).
func ExampleMorrisReplicates() {
	x, _ := gsa.MorrisTrajectories(3, 50, 4, rand.NewPCG(1, 1))
	noise := rand.New(rand.NewPCG(2, 2))
	y := make([][]float64, len(x))
	for i, p := range x {
		y[i] = make([]float64, 4)
		for r := range y[i] {
			y[i][r] = 5*p[0] + p[1] + noise.NormFloat64()
		}
	}
	m, _ := gsa.MorrisReplicates(x, y, nil)
	for i := range m.K {
		fmt.Printf("x%d: mu* = %.1f, noise floor %.1f\n", i+1, m.MuStar[i], m.NoiseMuStar[i])
	}
	// Output:
	// x1: mu* = 5.2, noise floor 0.8
	// x2: mu* = 1.3, noise floor 0.8
	// x3: mu* = 0.8, noise floor 0.8
}
