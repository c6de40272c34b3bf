package calib_test

import (
	"fmt"

	"github.com/krysha/krysha/sim/analysis/calib"
)

// Two replicates of a run are scored against the TIP figure of 13
// convictions in 2005 and the reported fall in prosecutions from 2011 to
// 2012. By hand: (ln(26.5/13.5))² = 0.455; ln(40.5/35.5) = 0.132,
// the wrong way, so (0.1 + 0.132)² = 0.054.
func ExampleTargets_Loss() {
	rep := func(conv2005, pros2011, pros2012 float64) calib.Yearly {
		return &calib.Table{FirstYear: 2005, Columns: map[string][]float64{
			"convictions":  {conv2005},
			"prosecutions": {0, 0, 0, 0, 0, 0, pros2011, pros2012},
		}}
	}
	t := &calib.Targets{
		Counts: []calib.CountTarget{{Metric: "convictions", Year: 2005, Observed: 13, Scale: 1, Weight: 1,
			Label: "trafficking_convictions 2005"}},
		Directions: []calib.DirectionTarget{{Metric: "prosecutions", From: 2011, To: 2012, Direction: calib.Down, Weight: 1}},
		Offset:     calib.DefaultOffset,
		Margin:     calib.DefaultMargin,
	}
	l, err := t.Loss([]calib.Yearly{rep(20, 40, 44), rep(32, 30, 36)})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: mean %.0f, loss %.3f\n", t.Counts[0].Name(), l.Means[0], l.Counts[0])
	fmt.Printf("%s: change %+.3f, loss %.3f\n", t.Directions[0].Name(), l.Changes[0], l.Directions[0])
	fmt.Printf("total %.3f\n", l.Total)
	// Output:
	// trafficking_convictions 2005: mean 26, loss 0.455
	// prosecutions 2011->2012 down: change +0.132, loss 0.054
	// total 0.509
}
