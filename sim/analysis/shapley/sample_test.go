package shapley

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// mechanismGame is shaped like an explain question: each mechanism adds
// its weight, 0 and 1 interact, 2 works only with 3 (a unanimity term),
// mechanism n−1 does nothing, and a small random part stands for what
// no structure captures.
func mechanismGame(n int, seed uint64) Game {
	noise := randomGame(n, seed)
	return func(m Mask) float64 {
		var s float64
		for i := range n - 1 {
			if m.Has(i) {
				s += float64(i%5) - 2
			}
		}
		if m.Has(0) && m.Has(1) {
			s -= 3
		}
		if m.Has(2) && m.Has(3) {
			s += 4
		}
		return s + 0.5*noise(m&^(1<<(n-1)))
	}
}

func TestSampleWithinErrorOfExact(t *testing.T) {
	t.Parallel()
	const n = 8
	g := mechanismGame(n, 3)
	exact, err := Exact(n, g)
	if err != nil {
		t.Fatal(err)
	}
	for _, anti := range []bool{false, true} {
		phi, se, err := Sample(n, g, &SampleSettings{Permutations: 400, Antithetic: anti, Src: rand.NewPCG(8, 0)})
		if err != nil {
			t.Fatal(err)
		}
		for i := range phi {
			// Four standard errors: with eight mechanisms a miss would
			// happen with probability about 8 × 6e-5 under normality.
			// The dummy has no error at all.
			if d := math.Abs(phi[i] - exact[i]); d > 4*se[i]+tol {
				t.Errorf("antithetic %v, mechanism %d: sampled %.4f ± %.4f, exact %.4f", anti, i, phi[i], se[i], exact[i])
			}
		}
		if phi[n-1] != 0 || se[n-1] != 0 {
			t.Errorf("antithetic %v: dummy gets %v ± %v, want exactly 0", anti, phi[n-1], se[n-1])
		}
	}
}

func TestSampleEfficiencyTwelve(t *testing.T) {
	t.Parallel()
	const n = 12
	g := mechanismGame(n, 12)
	plan, err := NewPlan(n, &SampleSettings{Antithetic: true, Src: rand.NewPCG(12, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Exact() {
		t.Fatal("12 mechanisms planned exactly")
	}
	arms := plan.Arms()
	if max := DefaultPermutations*(n-1) + 2; len(arms) > max || arms[0] != 0 || arms[len(arms)-1] != Full(n) {
		t.Errorf("%d arms from %v to %v; want at most %d, from none to all", len(arms), arms[0], arms[len(arms)-1], max)
	}
	t.Logf("%d arms for %d orderings of %d mechanisms, against %d for all coalitions", len(arms), DefaultPermutations, n, 1<<n)
	v := make([]float64, len(arms))
	for j, m := range arms {
		v[j] = g(m)
	}
	phi, se, err := plan.Shapley(v)
	if err != nil {
		t.Fatal(err)
	}
	var sum float64
	for _, x := range phi {
		sum += x
	}
	if want := g(Full(n)) - g(0); math.Abs(sum-want) > tol {
		t.Errorf("Σφ = %v, v(all) − v(none) = %v", sum, want)
	}
	if phi[n-1] != 0 {
		t.Errorf("dummy gets %v", phi[n-1])
	}
	for i := range se {
		if i < n-1 && !(se[i] > 0) {
			t.Errorf("mechanism %d: standard error %v", i, se[i])
		}
	}
}

func TestSamplePlan(t *testing.T) {
	t.Parallel()
	s := func(seed uint64) *SampleSettings {
		return &SampleSettings{Permutations: 9, Antithetic: true, Src: rand.NewPCG(seed, 0)}
	}
	a, err := NewSamplePlan(6, s(1))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := NewSamplePlan(6, s(1))
	c, _ := NewSamplePlan(6, s(2))
	if !reflect.DeepEqual(a.Arms(), b.Arms()) || !reflect.DeepEqual(a.Permutations(), b.Permutations()) {
		t.Error("two plans from the same seed differ")
	}
	if reflect.DeepEqual(a.Permutations(), c.Permutations()) {
		t.Error("plans from seeds 1 and 2 are the same")
	}
	perms := a.Permutations()
	if len(perms) != 10 {
		t.Errorf("%d orderings; 9 rounds up to 10 with antithetic", len(perms))
	}
	for k := 0; k < len(perms); k += 2 {
		r := slices.Clone(perms[k+1])
		slices.Reverse(r)
		if !slices.Equal(perms[k], r) {
			t.Errorf("ordering %d is %v, not the reverse of %v", k+1, perms[k+1], perms[k])
		}
	}
	for j, m := range a.Arms() {
		if k, ok := a.Index(m); !ok || k != j {
			t.Errorf("Index(%v) = %d, %v; want %d", m, k, ok, j)
		}
	}
}

func TestSamplePlanErrors(t *testing.T) {
	t.Parallel()
	src := rand.NewPCG(1, 1)
	tests := []struct {
		name string
		n    int
		s    *SampleSettings
	}{
		{"no settings", 12, nil},
		{"no source", 12, &SampleSettings{Permutations: 10}},
		{"one ordering", 12, &SampleSettings{Permutations: 1, Src: src}},
		{"one pair", 12, &SampleSettings{Permutations: 2, Antithetic: true, Src: src}},
		{"one mechanism", 1, &SampleSettings{Src: src}},
		{"too many", MaxPlayers + 1, &SampleSettings{Src: src}},
	}
	for _, tt := range tests {
		if _, err := NewSamplePlan(tt.n, tt.s); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}
