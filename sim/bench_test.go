package sim

import (
	"fmt"
	"testing"

	"github.com/krysha/krysha/scenarios"
	"github.com/krysha/krysha/sim/scenario"
)

func defaultScenario(tb testing.TB) *scenario.Scenario {
	tb.Helper()
	text, err := scenarios.FS.ReadFile(scenarios.Default)
	if err != nil {
		tb.Fatal(err)
	}
	src, err := scenario.Parse(scenarios.Default, text, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return src.Scenario
}

// scaled multiplies the officials (and the guards at every checkpoint),
// the organizations and the supply they share by k.
func scaled(sc *scenario.Scenario, k int) *scenario.Scenario {
	c := *sc
	for _, r := range c.Officials.Roles() {
		r.Count *= k
	}
	c.Edges = append([]scenario.Edge(nil), sc.Edges...)
	for i := range c.Edges {
		c.Edges[i].Guards *= k
	}
	c.Nodes = append([]scenario.Node(nil), sc.Nodes...)
	for i := range c.Nodes {
		c.Nodes[i].SupplyDrugs *= float64(k)
		c.Nodes[i].SupplyPeople *= float64(k)
	}
	c.Orgs = nil
	for j := 0; j < k; j++ {
		for _, o := range sc.Orgs {
			o.Name = fmt.Sprintf("%s-%d", o.Name, j)
			c.Orgs = append(c.Orgs, o)
		}
	}
	c.Organizations.Max *= k
	c.Organizations.EntryRate *= float64(k)
	return &c
}

func officials(sc *scenario.Scenario) int {
	n := 0
	for _, r := range sc.Officials.Roles() {
		n += r.Count
	}
	return n
}

// BenchmarkReplicate runs one replicate of the default scenario on one
// core: 252 months. Target: under 25 ms.
func BenchmarkReplicate(b *testing.B) {
	sc := defaultScenario(b)
	m := mustModel(b, sc)
	w := m.NewWorld()
	out := make([]Record, m.Months())
	w.Run(1, 0, out) // warm the World's buffers
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w.Run(1, i, out)
	}
	perOp := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(officials(sc)*m.Months())/perOp, "official-months/s")
	b.ReportMetric(perOp*1e3, "ms/replicate")
}

// BenchmarkStep measures one month at 1, 4 and 16 times the default
// officials and organizations, after a warm-up: the cost should grow
// linearly with the agents and the step should not allocate.
func BenchmarkStep(b *testing.B) {
	base := defaultScenario(b)
	for _, k := range []int{1, 4, 16} {
		b.Run(fmt.Sprintf("agents=%dx", k), func(b *testing.B) {
			sc := scaled(base, k)
			m := mustModel(b, sc)
			w := m.NewWorld()
			const warm = 24
			restart := func(rep int) {
				w.Reset(1, rep)
				for j := 0; j < warm; j++ {
					w.Step()
				}
			}
			restart(0)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if w.T() == m.Months() {
					b.StopTimer()
					restart(i)
					b.StartTimer()
				}
				w.Step()
			}
			perOp := b.Elapsed().Seconds() / float64(b.N)
			b.ReportMetric(perOp*1e9/float64(officials(sc)), "ns/official-month")
		})
	}
}

// BenchmarkRouteChoice values and weighs every route of every
// organization, as launch does each month, on the default scenario's world
// at month 150: the beliefs, the walk of the prefix tree, the values of 19
// to 51 routes and their logit weights. Route choice is most of a replicate's cost, and this isolates it
// from the random path a whole replicate takes.
func BenchmarkRouteChoice(b *testing.B) {
	m := mustModel(b, defaultScenario(b))
	w := m.NewWorld()
	w.Reset(1, 0)
	for range 150 {
		w.Step()
	}
	evals, routes := 0, 0
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for g := range w.orgs {
			o := &w.orgs[g]
			for p := 0; p < 2; p++ {
				if o.alive && o.has(p) && w.evaluateAlts(int32(g), p) {
					w.weighAlts()
					evals++
					routes += len(w.alts)
				}
			}
		}
	}
	if evals == 0 {
		b.Fatal("no organization had a route to value")
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(evals), "ns/evaluation")
	b.ReportMetric(float64(routes)/float64(evals), "routes/evaluation")
}
