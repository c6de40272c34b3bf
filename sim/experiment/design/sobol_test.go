package design

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// unitFactors returns k range factors on [0, 1], so that points in
// factor units are the unit points.
func unitFactors(k int) []Factor {
	fs := make([]Factor, k)
	for j := range fs {
		fs[j] = Factor{Path: fmt.Sprintf("x%d", j+1), Lo: 0, Hi: 1}
	}
	return fs
}

func TestSobolFirstPointsArePublished(t *testing.T) {
	t.Parallel()
	// The first ten points of the first three dimensions, as Joe and
	// Kuo's sobol.cc prints them from new-joe-kuo-6.21201
	// (web.maths.unsw.edu.au/~fkuo/sobol/) and as SciPy 1.10.1
	// qmc.Sobol(3, scramble=False).random(10) gives them. All are
	// dyadic, so they must match exactly.
	want := [][]float64{
		{0, 0, 0},
		{0.5, 0.5, 0.5},
		{0.75, 0.25, 0.25},
		{0.25, 0.75, 0.75},
		{0.375, 0.375, 0.625},
		{0.875, 0.875, 0.125},
		{0.625, 0.125, 0.875},
		{0.125, 0.625, 0.375},
		{0.1875, 0.3125, 0.9375},
		{0.6875, 0.8125, 0.4375},
	}
	s, err := NewSobol(unitFactors(3), len(want), 0, &SobolOptions{Scramble: ScrambleNone})
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range want {
		if got := s.Point(i); !slices.Equal(got, w) {
			t.Errorf("point %d = %v, want %v", i, got, w)
		}
	}
}

func TestSobolDirectionsMatchReference(t *testing.T) {
	t.Parallel()
	// testdata/sobol_directions.txt holds SciPy's direction numbers (an
	// independent implementation reading the same Joe–Kuo file): those
	// of dimensions 1..40 in full, and a SHA-256 of all 1024 dimensions.
	f, err := os.Open("testdata/sobol_directions.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v := directions()
	sc := bufio.NewScanner(f)
	rows := 0
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) == 0 || fields[0] == "#":
		case fields[0] == "sha256":
			h := sha256.New()
			for d := range MaxSobolDim {
				for b := range sobolBits {
					h.Write(binary.BigEndian.AppendUint32(nil, v[d][b]))
				}
			}
			if got := hex.EncodeToString(h.Sum(nil)); got != fields[1] {
				t.Errorf("sha256 of the direction numbers = %s, want %s", got, fields[1])
			}
		default:
			d, _ := strconv.Atoi(fields[0])
			for b, s := range fields[1:] {
				want, _ := strconv.ParseUint(s, 16, 32)
				if uint64(v[d-1][b]) != want {
					t.Errorf("dimension %d: v_%d = %08x, want %s", d, b, v[d-1][b], s)
				}
			}
			rows++
		}
	}
	if rows != 40 {
		t.Errorf("read %d dimensions from the reference, want 40", rows)
	}
}

// TestSobolNets checks the stratification that makes the sequence worth
// using, with and without scrambling: among the first 2^m points, each
// coordinate has exactly one point in each interval [c/2^m, (c+1)/2^m)
// (every one-dimensional projection of a Sobol sequence is a (0,1)-
// sequence), and the first two dimensions form a (0,m,2)-net: every
// elementary box of area 2^−m, [c/2^a, (c+1)/2^a) × [e/2^(m−a), …),
// holds exactly one point (Sobol', 1967; the first two dimensions are a
// (0,2)-sequence).
func TestSobolNets(t *testing.T) {
	t.Parallel()
	const m = 10
	dims := []int{0, 1, 2, 9, 19, 39, 100, 511, 1023}
	fs := unitFactors(MaxSobolDim)
	for _, scr := range []Scramble{ScrambleNone, ScrambleShift, ScrambleOwen} {
		s, err := NewSobol(fs, 1<<m, 42, &SobolOptions{Scramble: scr})
		if err != nil {
			t.Fatal(err)
		}
		pts := make([][]float64, s.Len())
		for i := range pts {
			pts[i] = s.Unit(i)
		}
		for mm := 1; mm <= m; mm++ {
			n := 1 << mm
			for _, d := range dims {
				seen := make([]bool, n)
				for _, p := range pts[:n] {
					if p[d] < 0 || p[d] >= 1 {
						t.Fatalf("%s: coordinate %d = %g outside [0, 1)", scr, d, p[d])
					}
					c := int(p[d] * float64(n))
					if seen[c] {
						t.Fatalf("%s: first %d points: dimension %d has two points in [%d/%d, %d/%d)", scr, n, d, c, n, c+1, n)
					}
					seen[c] = true
				}
			}
			for a := 0; a <= mm; a++ {
				seen := make(map[[2]int]bool)
				for _, p := range pts[:n] {
					c := [2]int{int(p[0] * float64(int(1)<<a)), int(p[1] * float64(int(1)<<(mm-a)))}
					if seen[c] {
						t.Fatalf("%s: first %d points: two in the elementary box %v of shape 2^-%d x 2^-%d", scr, n, c, a, mm-a)
					}
					seen[c] = true
				}
			}
		}
	}
}

func TestSobolScramblingIsSeeded(t *testing.T) {
	t.Parallel()
	fs := unitFactors(5)
	for _, scr := range []Scramble{ScrambleShift, ScrambleOwen} {
		a, _ := NewSobol(fs, 64, 1, &SobolOptions{Scramble: scr})
		b, _ := NewSobol(fs, 64, 1, &SobolOptions{Scramble: scr})
		c, _ := NewSobol(fs, 64, 2, &SobolOptions{Scramble: scr})
		same := 0
		for i := range a.Len() {
			if !slices.Equal(a.Point(i), b.Point(i)) {
				t.Fatalf("%s: same seed, different point %d", scr, i)
			}
			for j, v := range a.Point(i) {
				if v == c.Point(i)[j] {
					same++
				}
			}
		}
		if same > 0 {
			t.Errorf("%s: seeds 1 and 2 share %d of %d coordinates", scr, same, 64*5)
		}
	}
	// Owen and a shift of the same seed are different randomisations.
	a, _ := NewSobol(fs, 4, 1, nil)
	b, _ := NewSobol(fs, 4, 1, &SobolOptions{Scramble: ScrambleShift})
	if slices.Equal(a.Point(1), b.Point(1)) {
		t.Error("Owen scrambling and digital shift gave the same point")
	}
	if a.Spec().Scramble != ScrambleOwen {
		t.Errorf("default scrambling = %q, want owen", a.Spec().Scramble)
	}
}

func TestSobolRejects(t *testing.T) {
	t.Parallel()
	if _, err := NewSobol(unitFactors(MaxSobolDim+1), 8, 0, nil); err == nil {
		t.Error("accepted more factors than Sobol dimensions")
	}
	if _, err := NewSobol(unitFactors(2), 8, 0, &SobolOptions{Scramble: "baker"}); err == nil {
		t.Error("accepted an unknown scrambling")
	}
	if _, err := NewSobol(unitFactors(2), 0, 0, nil); err == nil {
		t.Error("accepted n = 0")
	}
	if _, err := NewSaltelli(unitFactors(MaxSobolDim/2+1), 8, 0, nil); err == nil {
		t.Error("Saltelli accepted more than MaxSobolDim/2 factors")
	}
}

func BenchmarkPoint(b *testing.B) {
	for _, k := range []int{4, 32, 256} {
		fs := unitFactors(k)
		designs := map[string]Design{}
		designs["owen"], _ = NewSobol(fs, 1<<20, 1, nil)
		designs["shift"], _ = NewSobol(fs, 1<<20, 1, &SobolOptions{Scramble: ScrambleShift})
		designs["lhs"], _ = NewLatinHypercube(fs, 1<<20, 1, nil)
		for _, name := range []string{"owen", "shift", "lhs"} {
			d := designs[name]
			b.Run(fmt.Sprintf("%s/k=%d", name, k), func(b *testing.B) {
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					d.Point(i % d.Len())
					i++
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*k), "ns/coord")
			})
		}
	}
}
