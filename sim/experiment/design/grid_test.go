package design

import (
	"slices"
	"testing"
)

func TestGridOrderFirstFactorSlowest(t *testing.T) {
	t.Parallel()
	fs, err := ParseFactors("-vary", []string{"a=1,2", "b=10:30:3", "c=0:1:2"})
	if err != nil {
		t.Fatal(err)
	}
	g, err := NewGrid(fs)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float64{
		{1, 10, 0}, {1, 10, 1}, {1, 20, 0}, {1, 20, 1}, {1, 30, 0}, {1, 30, 1},
		{2, 10, 0}, {2, 10, 1}, {2, 20, 0}, {2, 20, 1}, {2, 30, 0}, {2, 30, 1},
	}
	if g.Len() != len(want) {
		t.Fatalf("Len = %d, want %d", g.Len(), len(want))
	}
	for i, w := range want {
		if p := g.Point(i); !slices.Equal(p, w) {
			t.Errorf("run %d = %v, want %v", i, p, w)
		}
	}
	if idx := g.Index(9); !slices.Equal(idx, []int{1, 1, 1}) {
		t.Errorf("Index(9) = %v, want [1 1 1]", idx)
	}
}

func TestGridLevelsAreExactAtTheEnds(t *testing.T) {
	t.Parallel()
	// 0.1 + (0.7−0.1)·1 is 0.7000000000000001 in floating point; the last
	// level must be hi as written.
	f, _ := ParseFactor("", "a=0.1:0.7:4")
	l := f.LevelValues()
	if l[0] != 0.1 || l[3] != 0.7 || len(l) != 4 {
		t.Errorf("levels = %v, want 0.1 … 0.7", l)
	}
}

func TestGridRejectsRangeWithoutLevels(t *testing.T) {
	t.Parallel()
	fs, _ := ParseFactors("-vary", []string{"a=0:1:3", "b=0:1"})
	_, err := NewGrid(fs)
	if want := "-vary b=0:1: a grid needs levels; write lo:hi:n or a,b,c"; err == nil || err.Error() != want {
		t.Errorf("NewGrid error = %v, want %q", err, want)
	}
}
