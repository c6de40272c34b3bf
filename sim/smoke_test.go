package sim

import (
	"testing"

	"github.com/krysha/krysha/sim/scenario"
)

// small returns a small valid world: drugs and people from an origin over
// two roads (one with a checkpoint) to a market, a stash, two clans and an
// elite.
func small() *scenario.Scenario {
	sc := scenario.Default()
	sc.Name = "small"
	sc.Start = scenario.MonthOf(2000, 1)
	sc.End = scenario.MonthOf(2004, 12)
	sc.Clans = []scenario.Clan{{Name: "a", Zhuz: "senior", Weight: 1}, {Name: "b", Zhuz: "middle", Weight: 1}}
	sc.Elites = []scenario.Elite{{Name: "ea", Clan: "a", Rents: 1e5}, {Name: "eb", Clan: "b", Rents: 1e5}}
	sc.Nodes = []scenario.Node{
		{ID: "o", Kind: "origin", SupplyDrugs: 500, PriceDrugs: 1000, SupplyPeople: 100, PricePeople: 200, Lon: 70, Lat: 38},
		{ID: "b1", Kind: "border", Lon: 72, Lat: 41, Zhuz: "senior"},
		{ID: "b2", Kind: "border", Lon: 74, Lat: 42, Zhuz: "senior"},
		{ID: "m", Kind: "market", PriceDrugs: 20000, PricePeople: 3000, Lon: 76, Lat: 45},
		{ID: "s", Kind: "stash", PriceDrugs: 15000, Lon: 71, Lat: 51},
	}
	sc.Edges = []scenario.Edge{
		{From: "o", To: "b1", Km: 300, Mode: "road", Traffic: "medium", Detect: 0.05},
		{From: "o", To: "b2", Km: 500, Mode: "track", Traffic: "low", Detect: 0.02},
		{From: "b1", To: "m", Km: 600, Mode: "road", Traffic: "high", Detect: 0.3, Checkpoint: true, Guards: 50, CrossBorder: true},
		{From: "b2", To: "m", Km: 700, Mode: "road", Traffic: "low", Detect: 0.1, CrossBorder: true},
		{From: "m", To: "s", Km: 1000, Mode: "road", Traffic: "medium", Detect: 0.05, Checkpoint: true, Guards: 20, Post: "police"},
	}
	sc.Orgs = []scenario.Organization{
		{Name: "g1", Clan: "a", Origin: "o", Products: []string{"drugs"}, Capital: 1e6, Vehicles: 5, Members: 20},
		{Name: "g2", Clan: "b", Origin: "o", Products: []string{"drugs", "people"}, Capital: 5e5, Vehicles: 4, Members: 15},
		{Name: "g3", Clan: "b", Origin: "o", Products: []string{"people"}, Capital: 2e5, Vehicles: 3, Members: 10},
	}
	return sc
}

func TestSmallRuns(t *testing.T) {
	m, err := NewModel(small())
	if err != nil {
		t.Fatal(err)
	}
	w := m.NewWorld()
	out := make([]Record, m.Months())
	w.Run(1, 0, out)
	ys := Yearly(out, 2000, 1)
	for y, r := range ys {
		t.Logf("%d ship=%v/%v det=%v acc=%v seiz=%v int=%v cases=%v/%v inv=%v pros=%v conv=%v orgs=%v ppl=%v cap=%.0f corrupt=%.2f roof=%v",
			2000+y, r[ShipmentsDrugs], r[ShipmentsPeople], r[Detections], r[BribesAccepted], r[DrugSeizuresKg], r[PeopleIntercepted],
			r[CasesOpened], r[DrugCasesOpened], r[Investigations], r[Prosecutions], r[Convictions], r[Organizations], r[OrganizationsInPeople], r[CapitalUSD], r[CorruptShareBorderGuard], r[ProtectionDeals])
	}
}
