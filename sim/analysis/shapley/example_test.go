package shapley_test

import (
	"fmt"

	"github.com/krysha/krysha/sim/analysis/shapley"
)

// A toy explain question: why did prosecutions fall from 2011 to 2012?
// Three mechanisms are switched off from January 2011 in every
// combination; each arm's value is prosecutions(2012) − prosecutions(2011)
// in that arm, for two replicates with common random numbers. Here case
// expiry drops 6 cases a year, protection 4, and the two together 2 more
// (a protected case waits until it expires); audits do nothing to
// prosecutions; the backlog at 2011 accounts for a fall of 1 regardless.
func Example() {
	mechs := []string{"audits", "case_expiry", "protection"}
	plan, err := shapley.NewPlan(len(mechs), nil) // 3 ≤ MaxExact: all 8 arms
	if err != nil {
		fmt.Println(err)
		return
	}
	results := map[shapley.Mask][]float64{}
	for _, m := range plan.Arms() {
		v := -1.0
		if m.Has(1) {
			v -= 6
		}
		if m.Has(2) {
			v -= 4
		}
		if m.Has(1) && m.Has(2) {
			v -= 2
		}
		results[m] = []float64{v - 0.5, v + 0.5} // two replicates
	}
	table, err := plan.Table(results)
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := plan.Attribute(table, 0.9)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("change %+.0f, of which %+.0f with every mechanism off (%.0f%%)\n", a.All, a.None, 100*a.BaselineShare)
	for i, name := range mechs {
		fmt.Printf("%-12s %+5.1f  %3.0f%%\n", name, a.Phi[i], 100*a.Share[i])
	}
	// Output:
	// change -13, of which -1 with every mechanism off (8%)
	// audits        +0.0    0%
	// case_expiry   -7.0   54%
	// protection    -5.0   38%
}
