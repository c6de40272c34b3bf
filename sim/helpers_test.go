package sim

import (
	"math"
	"testing"

	"github.com/krysha/krysha/sim/scenario"
)

// bare returns a one-organization world with every mechanism switched off:
// drugs from origin "o" to market "m" over the given segments, with no
// costs that would end the organization. Tests switch on what they study.
func bare(edges ...scenario.Edge) *scenario.Scenario {
	sc := scenario.Default()
	sc.Name = "bare"
	sc.Start = scenario.MonthOf(2000, 1)
	sc.End = scenario.MonthOf(2009, 12)
	sc.Mechanisms = scenario.Mechanisms{}
	sc.Clans = []scenario.Clan{{Name: "a", Zhuz: "senior", Weight: 1}}
	sc.Nodes = []scenario.Node{
		{ID: "o", Kind: "origin", SupplyDrugs: 1e6, PriceDrugs: 100, Lon: 70, Lat: 40},
		{ID: "x", Kind: "transit", Lon: 71, Lat: 41},
		{ID: "y", Kind: "transit", Lon: 71, Lat: 39},
		{ID: "m", Kind: "market", PriceDrugs: 10000, Lon: 72, Lat: 40},
	}
	sc.Edges = edges
	sc.Orgs = []scenario.Organization{{Name: "g", Clan: "a", Origin: "o", Products: []string{"drugs"},
		Capital: 1e12, Vehicles: 30, Members: 1_000_000}}
	sc.Organizations.MaxVehicles = 30
	sc.Organizations.Wage = 0
	sc.Organizations.Payout = 0
	sc.Detection.HideDrugs = 1
	return sc
}

func road(from, to string, km, detect float64) scenario.Edge {
	return scenario.Edge{From: from, To: to, Km: km, Mode: "road", Traffic: "medium", Detect: detect}
}

func mustModel(t testing.TB, sc *scenario.Scenario) *Model {
	t.Helper()
	m, err := NewModel(sc)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// totals runs replicates 0..reps-1 of seed and sums every metric's flows
// (stocks are summed too; tests use flows).
func totals(m *Model, seed uint64, reps int) Record {
	var sum Record
	out := make([]Record, m.Months())
	w := m.NewWorld()
	for r := 0; r < reps; r++ {
		w.Run(seed, r, out)
		for i := range out {
			for k := range out[i] {
				sum[k] += out[i][k]
			}
		}
	}
	return sum
}

// within checks |got - want| <= z standard errors se, reporting both.
func within(t *testing.T, what string, got, want, se, z float64) {
	t.Helper()
	if math.Abs(got-want) > z*se {
		t.Errorf("%s = %.4f, want %.4f ± %.4f (%.0f standard errors)", what, got, want, z*se, z)
	}
}
