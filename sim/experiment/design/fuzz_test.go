package design

import (
	"errors"
	"testing"
)

// FuzzParseFactor checks that ParseFactor never panics, that its errors
// are *FactorError, and that what it accepts is valid and prints back to
// text that parses to the same factor. The seed corpus is in
// testdata/fuzz/FuzzParseFactor; run with go test -fuzz=FuzzParseFactor.
func FuzzParseFactor(f *testing.F) {
	for _, s := range []string{"a.b=0:1:5", "a=1,2,3", "a=-1:1", "a=3:1:5", "=1:2", "a=1:2:3:4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		fac, err := ParseFactor("-vary", text)
		if err != nil {
			var fe *FactorError
			if !errors.As(err, &fe) {
				t.Fatalf("ParseFactor(%q) error %v is a %T, want *FactorError", text, err, err)
			}
			return
		}
		if err := fac.Validate(); err != nil {
			t.Fatalf("ParseFactor(%q) accepted an invalid factor: %v", text, err)
		}
		again, err := ParseFactor("-vary", fac.String())
		if err != nil || !sameFactor(again, fac) {
			t.Fatalf("ParseFactor(%q).String() = %q parses to %+v, %v; want %+v", text, fac.String(), again, err, fac)
		}
		if u := fac.At(0.5); !finite(u) || u < fac.Lo || u > fac.Hi {
			t.Fatalf("%q: At(0.5) = %g outside [%g, %g]", text, u, fac.Lo, fac.Hi)
		}
	})
}
