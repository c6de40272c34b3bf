package gsa_test

import (
	"fmt"

	"github.com/krysha/krysha/sim/analysis/gsa"
	"github.com/krysha/krysha/sim/experiment/design"
)

// Sobol indices of y = x1 + 2·x2 with x1, x2 uniform on [0, 1]: the
// variances are 1/12 and 4/12, so S = ST = (0.2, 0.8), no interaction.
func ExampleSobol() {
	fs, _ := design.ParseFactors("-vary", []string{"x1=0:1", "x2=0:1"})
	d, _ := design.NewSaltelli(fs, 1024, 1, nil)
	y := make([]float64, d.Len())
	for i := range y {
		x := d.Point(i)
		y[i] = x[0] + 2*x[1]
	}
	r, _ := gsa.Sobol(y, 2, nil)
	for i := range r.K {
		fmt.Printf("x%d: S = %.2f, ST = %.2f\n", i+1, r.S[i], r.ST[i])
	}
	// Output:
	// x1: S = 0.20, ST = 0.20
	// x2: S = 0.80, ST = 0.80
}

// Morris screening of y = 5·x1 + x2·x3: x1 acts alone (σ = 0), x2 and x3
// through their product (σ > 0), x4 not at all.
func ExampleMorris() {
	x, _ := gsa.MorrisTrajectories(4, 20, 4, nil)
	y := make([]float64, len(x))
	for i, p := range x {
		y[i] = 5*p[0] + p[1]*p[2]
	}
	m, _ := gsa.Morris(x, y, nil)
	for _, i := range m.Ranking() {
		fmt.Printf("x%d: mu* = %.2f, sigma = %.2f\n", i+1, m.MuStar[i], m.Sigma[i])
	}
	// Output:
	// x1: mu* = 5.00, sigma = 0.00
	// x3: mu* = 0.67, sigma = 0.32
	// x2: mu* = 0.58, sigma = 0.40
	// x4: mu* = 0.00, sigma = 0.00
}

// PRIM on runs where the outcome is true when x1 > 0.6 and x2 < 0.3.
func ExamplePrim() {
	fs, _ := design.ParseFactors("-vary", []string{"x1=0:1", "x2=0:1", "x3=0:1"})
	d, _ := design.NewSobol(fs, 4096, 1, nil)
	x := make([][]float64, d.Len())
	y := make([]bool, d.Len())
	for i := range x {
		x[i] = d.Point(i)
		y[i] = x[i][0] > 0.6 && x[i][1] < 0.3
	}
	r, _ := gsa.Prim(x, y, nil)
	fmt.Printf("coverage %.2f, density %.2f, mass %.2f\n", r.Box.Coverage, r.Box.Density, r.Box.Mass)
	for _, rs := range r.Restrictions {
		fmt.Printf("x%d in [%.2f, %.2f]\n", rs.Dim+1, rs.Lo, rs.Hi)
	}
	// Output:
	// coverage 0.98, density 1.00, mass 0.12
	// x1 in [0.60, 1.00]
	// x2 in [0.00, 0.29]
}
