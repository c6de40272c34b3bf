package shapley

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// The cost of attribution beside the runs it needs: microseconds against
// the seconds of a simulation per arm.
func BenchmarkAttribute(b *testing.B) {
	const reps = 20
	for _, n := range []int{6, 10, 17} {
		b.Run(fmt.Sprint("n=", n), func(b *testing.B) {
			p, err := NewPlan(n, &SampleSettings{Antithetic: true, Src: rand.NewPCG(1, 1)})
			if err != nil {
				b.Fatal(err)
			}
			g := mechanismGame(n, 1)
			values := make([][]float64, reps)
			for r := range values {
				values[r] = make([]float64, len(p.arms))
				for j, m := range p.arms {
					values[r][j] = g(m) + float64(r)
				}
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := p.Attribute(values, 0.9); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(p.arms)), "arms")
		})
	}
}
