package sim

import (
	"math"
	"testing"

	"github.com/krysha/krysha/sim/scenario"
)

// Tolerances are z = 4 standard errors of the sampling distribution:
// a correct mechanism fails such a check about once in 16,000 runs.
const z = 4

// With bribery off and one path of one segment, a shipment is seized with
// exactly the detection probability p = 1 - exp(-detect × hide).
func TestSeizureFractionIsDetectionProbability(t *testing.T) {
	t.Parallel()
	for _, h := range []float64{0.05, 0.3, 1.2} {
		sc := bare(road("o", "m", 200, h))
		m := mustModel(t, sc)
		sum := totals(m, 7, 4)
		n := sum[ShipmentsDrugs]
		p := 1 - math.Exp(-h)
		within(t, "seized share", sum[DrugCasesOpened]/n, p, math.Sqrt(p*(1-p)/n), z)
	}
}

// Two paths of equal expected profit share traffic equally; for unequal
// ones the shares follow the multinomial logit
// P(r) = exp(u_r/τ) / (1 + Σ exp(u/τ)), the 1 being staying home.
func TestRouteSharesFollowLogit(t *testing.T) {
	t.Parallel()
	for _, extraKm := range []float64{0, 400, 1500} {
		sc := bare(road("o", "x", 300, 0), road("x", "m", 300, 0),
			road("o", "y", 300+extraKm, 0), road("y", "m", 300, 0))
		sc.Routes.Tau = 0.002
		sc.Transport.CostKm = 5
		m := mustModel(t, sc)
		w := m.NewWorld()
		w.Reset(3, 0)
		w.updateEnforcement()
		w.updateLoads()
		w.updatePriors()
		w.evaluateAlts(0, drugs)
		var via [2]float64 // expected weight via x, via y
		var total float64
		for _, a := range w.alts {
			weight := math.Exp(a.u / sc.Routes.Tau)
			total += weight
			if m.net.edges[m.net.all[a.route].edges[0]].to == 1 {
				via[0] += weight
			} else {
				via[1] += weight
			}
		}
		want := via[0] / total // share of the x path among shipments

		var n, nx float64
		for i := 0; i < m.Months(); i++ {
			w.Step()
			nx += w.Segments(0, drugs).Shipments
			n += w.Segments(0, drugs).Shipments + w.Segments(2, drugs).Shipments
		}
		if extraKm == 0 && math.Abs(want-0.5) > 1e-12 {
			t.Fatalf("equal paths have logit share %v, want 0.5", want)
		}
		within(t, "share via x", nx/n, want, math.Sqrt(want*(1-want)/n), z)
	}
}

// Acceptance rises with the bribe, a shared clan and the patron's deal,
// and falls with audits and integrity; and the draws follow the logistic.
func TestBribeAcceptance(t *testing.T) {
	t.Parallel()
	sc := small()
	m := mustModel(t, sc)
	w := m.NewWorld()
	w.Reset(1, 0)
	w.updateEnforcement()
	id := int32(0)
	o := &w.officials[id]
	o.patron = 0
	o.integrity = 0.5
	g := int32(0)
	org := &w.orgs[g]
	org.clan = (o.clan + 1) % int32(len(sc.Clans))
	org.roof = -1
	base := w.acceptLogit(id, g, 1000)

	changes := []struct {
		name string
		do   func()
		undo func()
		up   bool
	}{
		{"larger bribe", func() {}, func() {}, true},
		{"same clan", func() { org.clan = o.clan }, func() { org.clan = (o.clan + 1) % 2 }, true},
		{"patron's deal", func() { org.roof = 0 }, func() { org.roof = -1 }, true},
		{"audits", func() { w.audit = 0.2 }, func() { w.updateEnforcement() }, false},
		{"integrity", func() { o.integrity = 0.9 }, func() { o.integrity = 0.5 }, false},
	}
	for _, c := range changes {
		c.do()
		b := 1000.0
		if c.name == "larger bribe" {
			b = 5000
		}
		x := w.acceptLogit(id, g, b)
		c.undo()
		if c.up && !(x > base) || !c.up && !(x < base) {
			t.Errorf("%s: logit %v -> %v, want it to %s", c.name, base, x, map[bool]string{true: "rise", false: "fall"}[c.up])
		}
	}

	// The draws follow P = 1 / (1 + exp(-x)).
	p := 1 / (1 + math.Exp(-base))
	const n = 40000
	k := 0
	for i := 0; i < n; i++ {
		if w.accepts(id, g, 1000) {
			k++
		}
	}
	within(t, "acceptance frequency", float64(k)/n, p, math.Sqrt(p*(1-p)/n), z)
}

// With bribery off, a larger enforcement budget buys more investigators,
// so more cases are investigated:
// compared replicate by replicate (same seeds), the mean difference is
// positive by more than z standard errors.
func TestBudgetRaisesInvestigations(t *testing.T) {
	t.Parallel()
	run := func(scale float64) []float64 {
		// Interceptions cost vehicles, so the steady inflow is about one
		// case a month; this budget investigates 0.4 drug cases a month at
		// scale 1 and 1.2 at scale 3.
		sc := bare(road("o", "m", 200, 0.1))
		sc.Enforcement.Budget = 2e5
		sc.Enforcement.BudgetScale = scale
		sc.Trial.LeaderShare = 0 // convictions must not end the only organization
		m := mustModel(t, sc)
		var per []float64
		for r := 0; r < 12; r++ {
			s := totals1(m, 11, r)
			per = append(per, s[Investigations]+s[DrugInvestigations])
		}
		return per
	}
	lo, hi := run(1), run(3)
	mean, se := pairedDiff(hi, lo)
	if mean <= z*se {
		t.Errorf("investigations rose by %.1f ± %.1f (paired, 12 replicates) when the budget tripled; want a clear rise", mean, se)
	}
}

func totals1(m *Model, seed uint64, rep int) Record {
	var sum Record
	out := make([]Record, m.Months())
	m.NewWorld().Run(seed, rep, out)
	for i := range out {
		for k := range out[i] {
			sum[k] += out[i][k]
		}
	}
	return sum
}

// pairedDiff returns the mean of a[i]-b[i] and its standard error.
func pairedDiff(a, b []float64) (mean, se float64) {
	n := float64(len(a))
	for i := range a {
		mean += (a[i] - b[i]) / n
	}
	var ss float64
	for i := range a {
		d := a[i] - b[i] - mean
		ss += d * d
	}
	return mean, math.Sqrt(ss / (n - 1) / n)
}

// People travelling on bought papers are detected with hide_papers instead
// of hide_people: the interceptions match Σ over shipments of each one's
// detection probability, and papers lower the interception rate.
func TestPapersLowerDetection(t *testing.T) {
	t.Parallel()
	const h = 0.4
	build := func(papers bool) *Model {
		sc := bare(road("o", "m", 200, h))
		sc.Nodes[0].SupplyPeople = 1e6
		sc.Nodes[0].PricePeople = 100
		sc.Nodes[3].PricePeople = 5000
		sc.Orgs[0].Products = []string{"people"}
		sc.Mechanisms.Papers = papers
		sc.Detection.HidePeople = 1
		sc.Detection.HidePapers = 0.2
		sc.People.PapersCost = 10
		sc.Officials.Immigration.Integrity = scenario.BetaDist{Alpha: 0.01, Beta: 100}
		sc.Bribe.Intercept = 3
		return mustModel(t, sc)
	}
	pUndoc := 1 - math.Exp(-h)
	pDoc := 1 - math.Exp(-h*0.2)

	off := totals(build(false), 5, 3)
	on := totals(build(true), 5, 3)
	if on[PapersBought] == 0 {
		t.Fatal("no shipment bought papers")
	}
	nDoc := on[PapersBought]
	nUndoc := on[ShipmentsPeople] - nDoc
	want := nDoc*pDoc + nUndoc*pUndoc
	se := math.Sqrt(nDoc*pDoc*(1-pDoc) + nUndoc*pUndoc*(1-pUndoc))
	within(t, "interceptions with papers", on[CasesOpened], want, se, z)

	rateOff := off[CasesOpened] / off[ShipmentsPeople]
	rateOn := on[CasesOpened] / on[ShipmentsPeople]
	within(t, "interception rate without papers", rateOff, pUndoc, math.Sqrt(pUndoc*(1-pUndoc)/off[ShipmentsPeople]), z)
	if !(rateOn < rateOff) {
		t.Errorf("interception rate %.3f with papers, %.3f without; want lower with papers", rateOn, rateOff)
	}
}

// A drug organization with idle vehicles moves into human trafficking when
// horizon × expected margin beats the entry cost less the scope discount,
// and not when the same cost is paid in full.
func TestDiversificationNeedsScopeDiscount(t *testing.T) {
	t.Parallel()
	build := func(discount float64) *Model {
		sc := bare(road("o", "m", 200, 0.01))
		sc.Nodes[0].SupplyDrugs = 2 * sc.Drugs.Cargo // two loads a month: vehicles idle
		sc.Nodes[0].SupplyPeople = 1e4
		sc.Nodes[0].PricePeople = 100
		sc.Nodes[3].PricePeople = 3000
		sc.Mechanisms.Diversification = true
		sc.People.ScopeDiscount = discount
		return sc2model(t, sc)
	}
	// Price the entry so that it never pays in full even with every
	// vehicle idle: cost = 2 × horizon × vehicles × best margin.
	probe := build(0)
	w := probe.NewWorld()
	w.Reset(1, 0)
	w.updateEnforcement()
	w.updateLoads()
	w.updatePriors()
	w.evaluateAlts(0, people)
	best := 0.0
	for _, a := range w.alts {
		best = math.Max(best, a.u*w.loads[a.route].value)
	}
	sc := probe.sc
	cost := 2 * sc.People.Horizon * float64(sc.Orgs[0].Vehicles) * best

	for _, c := range []struct {
		discount float64
		want     bool
	}{{0, false}, {0.9, true}} {
		m := build(c.discount)
		m.sc.People.EntryCost = cost
		w := m.NewWorld()
		w.Reset(1, 0)
		for i := 0; i < m.Months(); i++ {
			w.Step()
		}
		if got := w.orgs[0].people; got != c.want {
			t.Errorf("scope discount %v: in people = %v, want %v", c.discount, got, c.want)
		}
	}
}

func sc2model(t *testing.T, sc *scenario.Scenario) *Model { return mustModel(t, sc) }

// Every person put on the road is, at every month's end, delivered,
// intercepted at home or abroad, or still on the road.
func TestPeopleAreConserved(t *testing.T) {
	t.Parallel()
	m := mustModel(t, small())
	w := m.NewWorld()
	for rep := 0; rep < 3; rep++ {
		w.Reset(9, rep)
		var trafficked, accounted float64
		for i := 0; i < m.Months(); i++ {
			w.Step()
			r := w.Month()
			trafficked += r[VictimsTrafficked]
			accounted += r[PeopleMoved] + r[PeopleIntercepted] + r[PeopleInterceptedAbroad]
			if trafficked != accounted+r[PeopleInTransit] {
				t.Fatalf("replicate %d month %d: %v trafficked, %v delivered or intercepted, %v in transit",
					rep, i, trafficked, accounted, r[PeopleInTransit])
			}
		}
		if trafficked == 0 {
			t.Fatal("no one was trafficked; the test proves nothing")
		}
	}
}

// Closing a segment (an event setting edges[i].closed) stops every
// shipment on it; organizations learn within a few months and move their
// traffic to the parallel route, which keeps the total going.
func TestClosingASegmentMovesTraffic(t *testing.T) {
	t.Parallel()
	sc := bare(road("o", "x", 300, 0.02), road("x", "m", 300, 0.02),
		road("o", "y", 400, 0.02), road("y", "m", 300, 0.02))
	sc.Mechanisms.Learning = true
	sc.Mechanisms.Bribery = true
	sc.Routes.Tau = 0.05
	// Twelve loads a month for thirty vehicles: vehicles lost on the
	// closed segment do not limit the traffic.
	sc.Nodes[0].SupplyDrugs = 12 * sc.Drugs.Cargo
	sc.Events = []scenario.Event{{At: scenario.MonthOf(2002, 1), Set: map[string]any{"edges[0].closed": true}}}
	m := mustModel(t, sc)
	w := m.NewWorld()
	w.Reset(2, 0)
	var before, x, y [3]float64 // shipments on o->x: the 12 months before, months 1-3 after, 7-12 after
	for i := 0; i < 36; i++ {
		w.Step()
		sx, sy := w.Segments(0, drugs).Shipments, w.Segments(2, drugs).Shipments
		switch {
		case i >= 12 && i < 24:
			before[0] += sx
			before[1] += sy
		case i >= 24 && i < 27:
			x[0] += sx
			y[0] += sy
		case i >= 30:
			x[2] += sx
			y[2] += sy
		}
	}
	if before[0] < 0.3*(before[0]+before[1]) {
		t.Fatalf("the route to close carried %v shipments of %v before the closure: too few for the test to mean anything", before[0], before[0]+before[1])
	}
	// Six months after the closure: under 5% of the traffic still tries
	// the closed segment (one shipment in twenty), and the total is kept.
	if share := x[2] / (x[2] + y[2]); share > 0.05 {
		t.Errorf("months 7-12 after the closure: %.1f%% of shipments still take the closed segment", 100*share)
	}
	if got, want := (x[2]+y[2])/6, (before[0]+before[1])/12; got < 0.8*want {
		t.Errorf("traffic fell from %.1f to %.1f shipments a month; want it to move, not stop", want, got)
	}
}
