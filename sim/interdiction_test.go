package sim

import (
	"math"
	"testing"
)

// spreadAndSeizure runs replicate rep of sc and returns, over the months
// from `from` on, the entropy of the domestic segments' shares of the
// drugs that crossed them (how widely traffic is spread over the network)
// and the kilograms per road seizure (what a seizure is worth).
func spreadAndSeizure(m *Model, w *World, rep, from int) (entropy, kgPerSeizure float64) {
	w.Reset(1, rep)
	seg := make([]float64, w.NumSegments())
	var kg, seizures float64
	for i := 0; i < m.Months(); i++ {
		w.Step()
		if i < from {
			continue
		}
		for e := range seg {
			if !m.net.edges[e].foreign {
				seg[e] += w.Segments(e, drugs).Units
			}
		}
		r := w.Month()
		kg += r[DrugSeizuresKg] - r[StashSeizedKg]
		seizures += r[DrugCasesOpened] - r[Raids]
	}
	total := 0.0
	for _, x := range seg {
		total += x
	}
	for _, x := range seg {
		if x > 0 {
			entropy -= x / total * math.Log(x/total)
		}
	}
	return entropy, kg / seizures
}

// The interdiction response of NarcoLogic (Magliocca et al., PNAS 2019):
// more interdiction that follows the traffic spreads the traffic over more
// of the network, and each seizure is worth less, as organizations send
// smaller loads on riskier routes. Replicate r of both arms uses the same
// random stream, so the comparison is paired.
func TestInterdictionSpreadsTrafficAndShrinksSeizures(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 16 replicates of the default scenario")
	}
	t.Parallel()
	base := defaultScenario(t)
	arm := func(targeting float64) (spread, value []float64) {
		sc := *base
		sc.Detection.Targeting = targeting
		m := mustModel(t, &sc)
		w := m.NewWorld()
		from := 12 * (2009 - sc.Start.Year()) // 2009-2015
		for rep := 0; rep < 8; rep++ {
			h, v := spreadAndSeizure(m, w, rep, from)
			spread = append(spread, h)
			value = append(value, v)
		}
		return spread, value
	}
	lowH, lowV := arm(base.Detection.Targeting)
	highH, highV := arm(base.Detection.Targeting * 8)
	t.Logf("entropy %.4f -> %.4f, kg per seizure %.1f -> %.1f", mean(lowH), mean(highH), mean(lowV), mean(highV))
	if d, se := pairedDiff(highH, lowH); !(d > z*se) {
		t.Errorf("spread (entropy of segment shares) rose by %.4f ± %.4f with more interdiction; want a clear rise", d, se)
	}
	if d, se := pairedDiff(highV, lowV); !(d < -z*se) {
		t.Errorf("kg per seizure changed by %.2f ± %.2f with more interdiction; want a clear fall", d, se)
	}
}

func mean(x []float64) float64 {
	s := 0.0
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}
