package experiment

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/krysha/krysha/sim"
	"github.com/krysha/krysha/sim/scenario"
)

// small is a small valid world, as small() in sim/smoke_test.go: drugs
// and people from an origin over two roads to a market and a stash.
func small(t testing.TB) *sim.Model {
	sc := scenario.Default()
	sc.Name = "small"
	sc.Start = scenario.MonthOf(2000, 7) // mid-year: the first year is partial
	sc.End = scenario.MonthOf(2003, 12)
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
	m, err := sim.NewModel(sc)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// collect runs reps and returns copies of their runs, which Replicates
// may reuse.
func collectRuns(t *testing.T, m *sim.Model, seed uint64, reps []int, workers int) []Run {
	t.Helper()
	var runs []Run
	err := Replicates(context.Background(), m, seed, reps, workers, func(r Run) error {
		r.Months = slices.Clone(r.Months)
		runs = append(runs, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return runs
}

// Replicates gives, for any number of workers, exactly the runs of a
// fresh world run one by one: reused worlds and recycled buffers leak
// nothing from one run into the next.
func TestReplicatesDeterministic(t *testing.T) {
	t.Parallel()
	m := small(t)
	const seed = 3
	reps := Indices(8)
	want := make([][]sim.Record, len(reps))
	for i, rep := range reps {
		want[i] = make([]sim.Record, m.Months())
		m.NewWorld().Run(seed, rep, want[i])
	}
	for _, workers := range []int{1, 3} {
		runs := collectRuns(t, m, seed, reps, workers)
		if len(runs) != len(reps) {
			t.Fatalf("workers %d: %d runs, want %d", workers, len(runs), len(reps))
		}
		for i, r := range runs {
			if r.Rep != reps[i] || r.Seed != seed || r.Start != m.Scenario().Start {
				t.Errorf("workers %d: run %d is rep %d seed %d start %v", workers, i, r.Rep, r.Seed, r.Start)
			}
			if !slices.Equal(r.Months, want[i]) {
				t.Errorf("workers %d: replicate %d differs from a fresh world's run", workers, r.Rep)
			}
		}
	}
	// A replicate alone is the same as within a batch.
	alone := collectRuns(t, m, seed, []int{5}, 2)
	if !slices.Equal(alone[0].Months, want[5]) {
		t.Error("replicate 5 run alone differs from replicate 5 of a batch")
	}
}

func TestRunYearly(t *testing.T) {
	t.Parallel()
	m := small(t)
	r := collectRuns(t, m, 1, []int{0}, 1)[0]
	years := r.Yearly()
	// July 2000 to December 2003: 2000 (6 months), 2001, 2002, 2003.
	if len(years) != 4 {
		t.Fatalf("%d years, want 4", len(years))
	}
	sum := 0.0
	for _, mo := range r.Months[:6] {
		sum += mo[sim.CasesOpened]
	}
	if years[0][sim.CasesOpened] != sum {
		t.Errorf("cases opened in 2000: %v, want the sum of its 6 months %v", years[0][sim.CasesOpened], sum)
	}
}

func BenchmarkReplicates(b *testing.B) {
	m := small(b)
	for _, workers := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			runs := 0
			for b.Loop() {
				err := Replicates(context.Background(), m, 1, Indices(8), workers, func(Run) error { runs++; return nil })
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(runs)/b.Elapsed().Seconds(), "runs/s")
		})
	}
}
