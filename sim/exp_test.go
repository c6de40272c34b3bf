package sim

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestExpMatchesMath compares exp with math.Exp over its whole range, at
// the edges where the table index and the power of two change, and at
// the special values; the bound is 2 ulp.
func TestExpMatchesMath(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	xs := []float64{0, -0.0, 1, -1, math.Ln2, math.Ln2 / 64, math.Ln2 / 128, -math.Ln2 / 128,
		699.99, -699.99, 700, -700, 709, 710, -745, -746, math.Inf(1), math.Inf(-1), math.NaN()}
	for k := -64 * 8; k <= 64*8; k++ {
		x := float64(k) * math.Ln2 / 64
		xs = append(xs, x, math.Nextafter(x, 1), math.Nextafter(x, -1), x+math.Ln2/128, x-math.Ln2/128)
	}
	for range 200000 {
		xs = append(xs, (r.Float64()*2-1)*700, (r.Float64()*2-1)*10, -r.ExpFloat64())
	}
	worst := 0.0
	for _, x := range xs {
		got, want := exp(x), math.Exp(x)
		if math.IsNaN(want) || math.IsInf(want, 0) || want == 0 {
			if !(got == want || math.IsNaN(got) && math.IsNaN(want)) {
				t.Errorf("exp(%v) = %v, want %v", x, got, want)
			}
			continue
		}
		ulp := math.Nextafter(want, math.Inf(1)) - want
		if e := math.Abs(got-want) / ulp; e > worst {
			worst = e
		}
		if math.Abs(got-want) > 2*ulp {
			t.Errorf("exp(%v) = %v, want %v: off by %.1f ulp", x, got, want, math.Abs(got-want)/ulp)
		}
	}
	t.Logf("worst error %.2f ulp over %d points", worst, len(xs))
}

func BenchmarkExp(b *testing.B) {
	for _, c := range []struct {
		name string
		f    func(float64) float64
	}{{"sim", exp}, {"math", math.Exp}} {
		b.Run(c.name, func(b *testing.B) {
			s, x := 0.0, -3.0
			for range b.N {
				s += c.f(x)
				x += 1e-9
			}
			if s == 0 {
				b.Fatal("no result")
			}
		})
	}
}
