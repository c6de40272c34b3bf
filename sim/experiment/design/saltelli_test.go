package design

import (
	"slices"
	"testing"
)

// TestSaltelliLayout checks the matrices against the Sobol points they
// are cut from: A is dimensions 1..k of base point j, B dimensions
// k+1..2k, and AB_i is A with column i from B.
func TestSaltelliLayout(t *testing.T) {
	t.Parallel()
	const k, n = 3, 16
	for _, scr := range []Scramble{ScrambleNone, ScrambleOwen} {
		s, err := NewSaltelli(unitFactors(k), n, 9, &SobolOptions{Scramble: scr})
		if err != nil {
			t.Fatal(err)
		}
		base, _ := NewSobol(unitFactors(2*k), n, 9, &SobolOptions{Scramble: scr})
		if s.Len() != n*(k+2) || s.N() != n {
			t.Fatalf("Len = %d, N = %d; want %d, %d", s.Len(), s.N(), n*(k+2), n)
		}
		for j := range n {
			p := base.Unit(j)
			a, b := p[:k], p[k:]
			if got := s.Unit(j * (k + 2)); !slices.Equal(got, a) {
				t.Errorf("%s: A row %d = %v, want %v", scr, j, got, a)
			}
			if got := s.Unit(j*(k+2) + k + 1); !slices.Equal(got, b) {
				t.Errorf("%s: B row %d = %v, want %v", scr, j, got, b)
			}
			for i := range k {
				want := slices.Clone(a)
				want[i] = b[i]
				if got := s.Unit(j*(k+2) + 1 + i); !slices.Equal(got, want) {
					t.Errorf("%s: AB_%d row %d = %v, want %v", scr, i+1, j, got, want)
				}
				if jj, m := s.Block(j*(k+2) + 1 + i); jj != j || m != i+1 {
					t.Errorf("Block = %d, %d; want %d, %d", jj, m, j, i+1)
				}
			}
		}
	}
}

// TestSaltelliPrefixIsADesign checks that the first M base rows of a
// design are the design with M base rows, so a study may stop early.
func TestSaltelliPrefixIsADesign(t *testing.T) {
	t.Parallel()
	big, _ := NewSaltelli(unitFactors(4), 64, 3, nil)
	small, _ := NewSaltelli(unitFactors(4), 16, 3, nil)
	for i := range small.Len() {
		if !slices.Equal(big.Point(i), small.Point(i)) {
			t.Fatalf("run %d differs", i)
		}
	}
}
