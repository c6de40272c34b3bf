package effects_test

import (
	"fmt"

	"github.com/krysha/krysha/sim/analysis/effects"
)

// Convictions a year in five replicates of the baseline and of a policy
// run on the same random streams: the replicates differ a lot, the
// policy's gain in each little, so the paired interval is narrow: d =
// (4, 3, 5, 3, 3), SE = 0.4, t(0.975, 4) = 2.78; the arms' variances,
// 129.7 and 148.7, add up to 348 times the differences' 0.8.
func ExamplePaired() {
	base := []float64{40, 55, 31, 62, 48}
	policy := []float64{44, 58, 36, 65, 51}
	e, _ := effects.Paired(policy, base, effects.DefaultLevel)
	fmt.Printf("effect %+.1f [%+.1f, %+.1f], %+.1f%%\n", e.Mean, e.Lo, e.Hi, 100*e.Relative)
	fmt.Printf("variance reduction factor %.0f\n", e.VarianceReduction)
	// Output:
	// effect +3.6 [+2.5, +4.7], +7.6%
	// variance reduction factor 348
}
