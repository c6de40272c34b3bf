package gsa

import (
	"math"
	"testing"
)

// TestPaste starts from a box too far right: on a 20×20 grid where y is
// true for x1 ≤ 9, the box x1 ∈ [8, 12] has density 0.4, and every column
// to its left is all true. Pasting takes them in one by one (ties go
// together) while density rises, up to x1 ∈ [0, 12]; the high side and x2
// offer nothing denser.
func TestPaste(t *testing.T) {
	t.Parallel()
	var x [][]float64
	var y []bool
	for a := range 20 {
		for b := range 20 {
			x = append(x, []float64{float64(a), float64(b)})
			y = append(y, a <= 9)
		}
	}
	p := newPrimData(x, y)
	b := p.paste(Box{Lo: []float64{8, 0}, Hi: []float64{12, 19}}, 0.05)
	if b.Lo[0] != 0 || b.Hi[0] != 12 || b.Lo[1] != 0 || b.Hi[1] != 19 {
		t.Errorf("pasted box %v, want x1 ∈ [0, 12], x2 ∈ [0, 19]", b)
	}
}

// TestBinomialTail checks P(X ≥ h) against sums of the binomial
// probabilities, and in the far tail where 1 − CDF underflows.
func TestBinomialTail(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		n, h int
		q    float64
		want float64
	}{
		{10, 0, 0.3, 1},
		{10, 11, 0.3, 0},
		{1, 1, 0.25, 0.25},
		{2, 1, 0.5, 0.75},
		{3, 2, 0.5, 0.5},
		{4, 4, 0.5, 1.0 / 16},
		{100, 100, 0.5, math.Pow(0.5, 100)}, // 7.9e-31: 1 − CDF would give 0
	} {
		got := binomialTail(tt.n, tt.h, tt.q)
		// RegIncBeta is accurate to a few ulps relative (gonum's tests use
		// 1e-14 relative).
		if math.Abs(got-tt.want) > 1e-13*tt.want+1e-300 {
			t.Errorf("binomialTail(%d, %d, %g) = %g, want %g", tt.n, tt.h, tt.q, got, tt.want)
		}
	}
}
