package shapley

import (
	"math"
	"math/rand/v2"
	"testing"
)

// tol is for values of order one computed in different orders: sums of
// at most 2¹⁰ terms, each exact to about 1e-16.
const tol = 1e-12

// randomGame returns a game with independent uniform values in [−1, 1)
// on every coalition of n, the hardest case for rounding and sampling.
func randomGame(n int, seed uint64) Game {
	rng := rand.New(rand.NewPCG(seed, 1))
	v := make([]float64, 1<<n)
	for i := range v {
		v[i] = 2*rng.Float64() - 1
	}
	return func(m Mask) float64 { return v[m] }
}

func TestExactClosedForms(t *testing.T) {
	t.Parallel()
	pair := func(m Mask, i, j int) bool { return m.Has(i) && m.Has(j) }
	tests := []struct {
		name string
		n    int
		g    Game
		want []float64
	}{
		// One left glove (0) and two right (1, 2): a pair is worth 1. The
		// scarce left glove gets 2/3, each right glove 1/6.
		{"gloves", 3, func(m Mask) float64 {
			l, r := 0, 0
			if m.Has(0) {
				l = 1
			}
			if m.Has(1) {
				r++
			}
			if m.Has(2) {
				r++
			}
			return float64(min(l, r))
		}, []float64{2.0 / 3, 1.0 / 6, 1.0 / 6}},
		// Additive weights plus an interaction of 0 and 1 worth c = −6,
		// split equally: w₀ + c/2, w₁ + c/2, w₂, w₃.
		{"weights and an interaction", 4, func(m Mask) float64 {
			w := []float64{1, 2, -4, 0.5}
			var s float64
			for i, x := range w {
				if m.Has(i) {
					s += x
				}
			}
			if pair(m, 0, 1) {
				s -= 6
			}
			return s + 10 // v(none) = 10 is not split
		}, []float64{1 - 3, 2 - 3, -4, 0.5}},
		// Unanimity on {1, 3}: worth 1 only when both are on.
		{"unanimity", 4, func(m Mask) float64 {
			if pair(m, 1, 3) {
				return 1
			}
			return 0
		}, []float64{0, 0.5, 0, 0.5}},
		// Majority of three.
		{"majority", 3, func(m Mask) float64 {
			if m.Size() >= 2 {
				return 1
			}
			return 0
		}, []float64{1.0 / 3, 1.0 / 3, 1.0 / 3}},
		{"one mechanism", 1, func(m Mask) float64 { return 3 + 4*float64(m) }, []float64{4}},
	}
	for _, tt := range tests {
		got, err := Exact(tt.n, tt.g)
		if err != nil {
			t.Fatal(err)
		}
		for i := range got {
			if math.Abs(got[i]-tt.want[i]) > tol {
				t.Errorf("%s: φ = %v, want %v", tt.name, got, tt.want)
				break
			}
		}
	}
}

// bruteForce averages marginal contributions over all n! orderings
// (Heap's algorithm), the definition itself.
func bruteForce(n int, g Game) []float64 {
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	phi := make([]float64, n)
	count := 0
	visit := func() {
		var m Mask
		for _, i := range perm {
			phi[i] += g(m.With(i)) - g(m)
			m = m.With(i)
		}
		count++
	}
	var heap func(k int)
	heap = func(k int) {
		if k == 1 {
			visit()
			return
		}
		heap(k - 1)
		for i := 0; i < k-1; i++ {
			if k%2 == 0 {
				perm[i], perm[k-1] = perm[k-1], perm[i]
			} else {
				perm[0], perm[k-1] = perm[k-1], perm[0]
			}
			heap(k - 1)
		}
	}
	heap(n)
	for i := range phi {
		phi[i] /= float64(count)
	}
	return phi
}

func TestExactMatchesDefinition(t *testing.T) {
	t.Parallel()
	for n := 1; n <= 7; n++ {
		g := randomGame(n, uint64(n))
		got, err := Exact(n, g)
		if err != nil {
			t.Fatal(err)
		}
		want := bruteForce(n, g)
		for i := range got {
			if math.Abs(got[i]-want[i]) > tol {
				t.Errorf("n = %d: φ = %v, by all orderings %v", n, got, want)
				break
			}
		}
	}
}

func TestExactAxioms(t *testing.T) {
	t.Parallel()
	for n := 2; n <= MaxExact; n++ {
		base := randomGame(n, 100+uint64(n))
		// Efficiency on the random game itself.
		phi, err := Exact(n, base)
		if err != nil {
			t.Fatal(err)
		}
		var sum float64
		for _, x := range phi {
			sum += x
		}
		if want := base(Full(n)) - base(0); math.Abs(sum-want) > tol {
			t.Errorf("n = %d: Σφ = %v, v(all) − v(none) = %v", n, sum, want)
		}
		// Mechanism n−1 a dummy: the game ignores its bit.
		dummy := func(m Mask) float64 { return base(m &^ (1 << (n - 1))) }
		if phi, _ := Exact(n, dummy); phi[n-1] != 0 {
			t.Errorf("n = %d: dummy gets %v, want exactly 0", n, phi[n-1])
		}
		// Mechanisms 0 and 1 symmetric: the game sees them sorted.
		sym := func(m Mask) float64 {
			if m.Has(1) && !m.Has(0) {
				m = m&^2 | 1
			}
			return base(m)
		}
		if phi, _ := Exact(n, sym); math.Abs(phi[0]-phi[1]) > tol {
			t.Errorf("n = %d: symmetric mechanisms get %v and %v", n, phi[0], phi[1])
		}
	}
}

func TestExactPlanErrors(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, -1, MaxExact + 1} {
		if _, err := NewExactPlan(n); err == nil {
			t.Errorf("NewExactPlan(%d) succeeded", n)
		}
	}
}
