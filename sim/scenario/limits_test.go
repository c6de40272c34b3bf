package scenario

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// network returns a scenario of n nodes in a ring, each with segments to
// the next deg nodes and the deg before (deg < n/2), whose first k nodes
// are drug origins and last k drug markets.
func network(n, deg, k int) *Scenario {
	sc := Default()
	sc.Name = "net"
	sc.Clans = []Clan{{Name: "a", Zhuz: "senior", Weight: 1}}
	for i := range n {
		nd := Node{ID: fmt.Sprint("n", i), Kind: KindCity, Lon: float64(i % 180), Lat: float64(i % 90)}
		switch {
		case i < k:
			nd.Kind, nd.SupplyDrugs, nd.PriceDrugs = KindOrigin, 100, 1000
		case i >= n-k:
			nd.Kind, nd.PriceDrugs = KindMarket, 20000
		}
		sc.Nodes = append(sc.Nodes, nd)
	}
	for i := range n {
		for j := 1; j <= deg; j++ {
			for _, to := range []int{(i + j) % n, (i - j + n) % n} {
				sc.Edges = append(sc.Edges, Edge{From: sc.Nodes[i].ID, To: sc.Nodes[to].ID,
					Km: float64(100 + (i*j)%400), Mode: ModeRoad, Traffic: TrafficMedium, Detect: 0.05})
			}
		}
	}
	sc.Organizations.Max = 10
	return sc
}

// Scenarios too large to build are refused by Validate, quickly, with a
// message that gives the limit: sim.NewModel is never reached with them.
func TestLimitsRefuse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		sc       func() *Scenario
		key, msg string
	}{
		{"dense network, 50 paths", func() *Scenario {
			sc := network(400, 10, 30)
			sc.Routes.Paths = 50
			return sc
		}, "routes.paths", "would take about"},
		{"too many candidate paths", func() *Scenario {
			sc := network(700, 14, 300)
			sc.Routes.Paths, sc.Routes.MaxHops = 50, 40
			return sc
		}, "routes.paths", "candidate paths; the limit is 100000"},
		{"too many route choices", func() *Scenario {
			sc := network(100, 2, 45)
			sc.Routes.Paths, sc.Routes.MaxHops = 50, 40
			sc.Organizations.Max, sc.Organizations.MaxVehicles, sc.Organizations.EntryVehicles = 5000, 1, 1
			sc.End = sc.Start + MaxMonths - 1
			return sc
		}, "routes.paths", "route choices a replicate"},
		{"a fleet of ten million", func() *Scenario {
			sc := network(10, 2, 1)
			sc.Organizations.Max, sc.Organizations.MaxVehicles = 10000, 1000
			return sc
		}, "organizations.max_vehicles", "the limit is 1000000"},
		{"a fleet over a century", func() *Scenario {
			sc := network(10, 2, 1)
			sc.Organizations.Max, sc.Organizations.MaxVehicles = 1000, 1000
			sc.End = sc.Start + MaxMonths - 1
			return sc
		}, "organizations.max_vehicles", "vehicle-months"},
		{"exposures", func() *Scenario {
			sc := network(10, 2, 1)
			sc.Organizations.Max = 10000
			for i := range MaxElites {
				sc.Elites = append(sc.Elites, Elite{Name: fmt.Sprint("e", i), Clan: "a"})
			}
			return sc
		}, "organizations.max", "elites of exposures"},
		{"too many elites", func() *Scenario {
			sc := network(10, 2, 1)
			for i := range MaxElites + 1 {
				sc.Elites = append(sc.Elites, Elite{Name: fmt.Sprint("e", i), Clan: "a"})
			}
			return sc
		}, "elite", "the limit is 1000"},
		{"too many policies", func() *Scenario {
			sc := network(10, 2, 1)
			for i := range MaxPolicies + 1 {
				sc.Policies = append(sc.Policies, Policy{Name: fmt.Sprint("p", i),
					Events: []Event{{At: sc.Start, Set: map[string]any{"enforcement.budget": 1.0}}}})
			}
			return sc
		}, "policy", "the limit is 100"},
		{"too many policy events", func() *Scenario {
			sc := network(10, 2, 1)
			evs := make([]Event, MaxEvents)
			for i := range evs {
				evs[i] = Event{At: sc.Start, Set: map[string]any{"enforcement.budget": 1.0}}
			}
			sc.Events = evs[:1]
			sc.Policies = []Policy{{Name: "p", Events: evs}}
			return sc
		}, "event", "the limit is 10000"},
		{"thousands of origins and markets, far apart", func() *Scenario {
			return network(MaxNodes, 2, 2000)
		}, "nodes[0].supply_drugs", "no path from origin"},
		{"an event of 100000 unknown levers", func() *Scenario {
			sc := network(10, 2, 1)
			set := map[string]any{}
			for i := range 100000 {
				set[fmt.Sprintf("lever%d.x", i)] = 1.0
			}
			sc.Events = []Event{{At: sc.Start, Set: set}}
			return sc
		}, "", "more problems not shown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sc := tt.sc()
			start := time.Now()
			probs := sc.Validate()
			// A refusal is worth nothing if it takes as long as the
			// work it refuses. Each takes under 0.5 s alone; 5 s allows
			// for the race detector or a loaded machine.
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("Validate took %v", d)
			}
			found := false
			for _, p := range probs {
				found = found || p.Key == tt.key && strings.Contains(p.Msg, tt.msg)
			}
			if !found {
				t.Errorf("no problem %s: ...%s...; got %v", tt.key, tt.msg, probs)
			}
		})
	}
}

// A network at the size limits, with thousands of events, is legal and
// validated in well under a second on this project's machine (2 cores).
var eventsN = MaxEvents - 2000

func TestValidateLargeIsFast(t *testing.T) {
	t.Parallel()
	sc := network(MaxNodes, MaxEdges/MaxNodes/2, 1)
	sc.Organizations.Max = MaxBeliefCells / MaxEdges
	for i := range eventsN {
		sc.Events = append(sc.Events, Event{At: sc.Start + Month(i%120),
			Scale: map[string]float64{"enforcement.budget": 1.0001, fmt.Sprintf("edges[%d].detect", i%MaxEdges): 1.01}})
	}
	for i := range MaxPolicies {
		sc.Policies = append(sc.Policies, Policy{Name: fmt.Sprint("p", i), Events: []Event{
			{At: sc.Start + 12, Set: map[string]any{"enforcement.budget": 2e6}},
			{At: sc.Start + 24, Scale: map[string]float64{"enforcement.budget_scale": 1.1}},
		}})
	}
	start := time.Now()
	if probs := sc.Validate(); len(probs) > 0 {
		t.Fatalf("a legal scenario at the limits is refused: %v", probs[:min(5, len(probs))])
	}
	// Measured: about 0.3 s; 10 s allows for the race detector and a
	// loaded machine while still catching a quadratic slip (minutes).
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Validate took %v on a scenario at the limits", d)
	}
	t.Logf("validated %d nodes, %d segments, %d events and %d policies in %v",
		len(sc.Nodes), len(sc.Edges), len(sc.Events), len(sc.Policies), time.Since(start))
}
