package sim

import (
	"testing"

	"github.com/krysha/krysha/sim/scenario"
)

// When every one of the k fastest paths has more segments than
// routes.max_hops, the path with the fewest segments is a candidate, so
// that an origin that validation found connected always has a route.
func TestRouteWithinMaxHopsAlwaysFound(t *testing.T) {
	t.Parallel()
	sc := bare(road("o", "x", 10, 0), road("x", "y", 10, 0), road("y", "m", 10, 0),
		scenario.Edge{From: "o", To: "m", Km: 3000, Mode: "track", Traffic: "low", Detect: 0})
	sc.Routes.Paths = 1
	sc.Routes.MaxHops = 2
	m := mustModel(t, sc)
	routes := m.net.routes[drugs][0]
	if len(routes) != 1 || len(m.net.all[routes[0]].edges) != 1 {
		t.Fatalf("origin has %d routes; want the one-segment track", len(routes))
	}
	if sum := totals1(m, 1, 0); sum[ShipmentsDrugs] == 0 {
		t.Error("nothing was shipped on it")
	}
}

// Closed cases give their slots to new ones: the case store stays near
// the cases open at once, not all the cases of the run.
func TestClosedCasesAreReused(t *testing.T) {
	t.Parallel()
	m := mustModel(t, defaultScenario(t))
	w := m.NewWorld()
	w.Reset(1, 0)
	opened, peak := 0.0, 0.0
	for i := 0; i < m.Months(); i++ {
		w.Step()
		r := w.Month()
		opened += r[CasesOpened] + r[DrugCasesOpened]
		// Open at the month's end, plus those opened and closed within it.
		peak = max(peak, r[Backlog]+r[DrugBacklog]+r[TrialsPending]+r[CasesOpened]+r[DrugCasesOpened])
	}
	if slots := float64(len(w.cases)); slots > peak || slots >= opened/2 {
		t.Errorf("%v case slots for %v cases opened, at most %v open in a month", slots, opened, peak)
	}
}
