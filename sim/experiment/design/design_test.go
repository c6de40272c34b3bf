package design

import (
	"encoding/json"
	"slices"
	"testing"
)

// TestSpecRebuildsDesign checks that every design survives a trip
// through its JSON spec, as a manifest would carry it, point for point.
func TestSpecRebuildsDesign(t *testing.T) {
	t.Parallel()
	fs, err := ParseFactors("-vary", []string{"a.b=0:10:3", "c=-1:1", "d=2,4,8"})
	if err != nil {
		t.Fatal(err)
	}
	fs[1].Int = true
	designs := []func() (Design, error){
		func() (Design, error) { return NewGrid([]Factor{fs[0], fs[2]}) },
		func() (Design, error) { return NewLatinHypercube(fs, 20, 5, &LHSOptions{Centered: true}) },
		func() (Design, error) { return NewSobol(fs, 32, 5, &SobolOptions{Scramble: ScrambleShift}) },
		func() (Design, error) { return NewSaltelli(fs, 8, 5, nil) },
		func() (Design, error) { return NewMorris(fs, 6, 5, &MorrisOptions{Levels: 6}) },
	}
	for _, mk := range designs {
		d, err := mk()
		if err != nil {
			t.Fatal(err)
		}
		js, err := json.Marshal(d.Spec())
		if err != nil {
			t.Fatal(err)
		}
		var s Spec
		if err := json.Unmarshal(js, &s); err != nil {
			t.Fatal(err)
		}
		e, err := New(s)
		if err != nil {
			t.Fatalf("New(%s): %v", js, err)
		}
		if e.Len() != d.Len() || s.Runs != d.Len() {
			t.Fatalf("%s: Len %d, rebuilt %d, spec %d", s.Kind, d.Len(), e.Len(), s.Runs)
		}
		for i := range d.Len() {
			if p, q := d.Point(i), e.Point(i); !slices.Equal(p, q) {
				t.Fatalf("%s: run %d = %v, rebuilt %v", s.Kind, i, p, q)
			}
		}
	}
}

func TestNewRejectsBadSpecs(t *testing.T) {
	t.Parallel()
	fs := unitFactors(2)
	for _, s := range []Spec{
		{Kind: "taguchi", Factors: fs},
		{Kind: KindSobol, Factors: fs, N: 8, Runs: 9},
		{Kind: KindLHS, Factors: nil, N: 8},
		{Kind: KindMorris, Factors: fs, N: 4, Levels: 3},
		{Kind: KindLHS, Factors: []Factor{{Path: "a", Lo: 0, Hi: 1}, {Path: "a", Lo: 0, Hi: 2}}, N: 4},
	} {
		if _, err := New(s); err == nil {
			t.Errorf("New(%+v) accepted it", s)
		}
	}
}

func TestPointPanicsOutOfRange(t *testing.T) {
	t.Parallel()
	g, _ := NewGrid([]Factor{{Path: "a", Lo: 0, Hi: 1, Levels: 2}})
	defer func() {
		if recover() == nil {
			t.Error("Point(2) of a 2-run grid did not panic")
		}
	}()
	g.Point(2)
}

func TestMorrisDesignSteps(t *testing.T) {
	t.Parallel()
	const k, r = 4, 5
	fs := unitFactors(k)
	fs[2] = Factor{Path: "x3", Lo: 10, Hi: 20}
	m, err := NewMorris(fs, r, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m.Len() != r*(k+1) {
		t.Fatalf("Len = %d, want %d", m.Len(), r*(k+1))
	}
	for i := range m.Len() {
		u, p := m.Unit(i), m.Point(i)
		for j := range u {
			if want := fs[j].At(u[j]); p[j] != want {
				t.Fatalf("run %d factor %d = %g, want At(%g) = %g", i, j, p[j], u[j], want)
			}
			// On p = 4 levels the unit coordinates are multiples of 1/3.
			if l := u[j] * 3; l != float64(int(l+0.5)) && abs(l-float64(int(l+0.5))) > 1e-12 {
				t.Fatalf("run %d: %g is not on the 4-level grid", i, u[j])
			}
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
