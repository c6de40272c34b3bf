package design

import (
	"math"
	"slices"
	"testing"
)

func TestLatinHypercubeStrata(t *testing.T) {
	t.Parallel()
	for _, n := range []int{1, 2, 3, 7, 64, 100, 1000} {
		for _, k := range []int{1, 2, 5, 12} {
			for _, centered := range []bool{false, true} {
				l, err := NewLatinHypercube(unitFactors(k), n, uint64(n*k), &LHSOptions{Centered: centered})
				if err != nil {
					t.Fatal(err)
				}
				seen := make([][]bool, k)
				for j := range seen {
					seen[j] = make([]bool, n)
				}
				for i := range n {
					u := l.Unit(i)
					for j, v := range u {
						if v < 0 || v >= 1 {
							t.Fatalf("n=%d k=%d: u[%d][%d] = %g outside [0, 1)", n, k, i, j, v)
						}
						s := int(math.Floor(v * float64(n)))
						if s != l.Stratum(i, j) || seen[j][s] {
							t.Fatalf("n=%d k=%d: run %d dimension %d in stratum %d, taken or not %d", n, k, i, j, s, l.Stratum(i, j))
						}
						seen[j][s] = true
						if centered && v != (float64(s)+0.5)/float64(n) {
							t.Fatalf("n=%d: centred point %g not at its stratum's centre", n, v)
						}
					}
				}
			}
		}
	}
}

func TestLatinHypercubeIsSeeded(t *testing.T) {
	t.Parallel()
	a, _ := NewLatinHypercube(unitFactors(3), 50, 7, nil)
	b, _ := NewLatinHypercube(unitFactors(3), 50, 7, nil)
	c, _ := NewLatinHypercube(unitFactors(3), 50, 8, nil)
	differ := 0
	for i := range 50 {
		if !slices.Equal(a.Point(i), b.Point(i)) {
			t.Fatalf("same seed, different run %d", i)
		}
		if !slices.Equal(a.Point(i), c.Point(i)) {
			differ++
		}
	}
	if differ < 45 {
		t.Errorf("seeds 7 and 8 differ in %d of 50 runs", differ)
	}
}

// TestLatinHypercubeColumnsUncorrelated checks that the dimensions'
// permutations are independent: over 200 designs of n = 100 points the
// Spearman correlation of two columns has mean ~0 and standard deviation
// ~1/sqrt(n−1) ≈ 0.1, as for independent random permutations.
func TestLatinHypercubeColumnsUncorrelated(t *testing.T) {
	t.Parallel()
	const n, designs = 100, 200
	var sum, sum2 float64
	for seed := range uint64(designs) {
		l, _ := NewLatinHypercube(unitFactors(2), n, seed, nil)
		var d2 float64
		for i := range n {
			d := float64(l.Stratum(i, 0) - l.Stratum(i, 1))
			d2 += d * d
		}
		rho := 1 - 6*d2/(n*(n*n-1))
		sum += rho
		sum2 += rho * rho
	}
	mean := sum / designs
	sd := math.Sqrt(sum2/designs - mean*mean)
	// The mean of 200 correlations has standard error 0.1/sqrt(200) ≈ 0.007;
	// 0.03 is four of those. The sd of 200 is within ±20% of 0.1 with
	// overwhelming probability.
	if math.Abs(mean) > 0.03 || sd < 0.08 || sd > 0.12 {
		t.Errorf("Spearman correlation of columns: mean %.4f, sd %.4f; want ~0 and ~0.1", mean, sd)
	}
}

func TestPermuteIsBijection(t *testing.T) {
	t.Parallel()
	for _, n := range []uint64{1, 2, 3, 5, 16, 17, 1000, 4097} {
		seen := make([]bool, n)
		for i := range n {
			p := permute(i, n, 12345+n)
			if p >= n || seen[p] {
				t.Fatalf("n=%d: permute(%d) = %d repeats or is out of range", n, i, p)
			}
			seen[p] = true
		}
	}
}
