package scenario

import "fmt"

// The engine (sim.NewModel) enumerates the candidate routes of every
// origin-market pair with Yen's k shortest paths, k = routes.paths, and
// every organization weighs its origin's routes every month. Neither cost
// shows in any single count of a scenario: a few hundred nodes with many
// origins and markets and paths = 50 would keep NewModel busy for hours.
// checkRouteSearch estimates both before anything is built.

// routeSearch accumulates the estimated cost of the route enumeration.
type routeSearch struct {
	pairs int     // origin-market pairs, both products
	paths int     // candidate paths at most: pairs × routes.paths
	work  float64 // estimated units of work, see addOrigin
	// perOrigin[p] is the most candidate paths of one origin of product p.
	perOrigin [2]int
}

// addOrigin adds one origin of product p with the given markets, k paths
// per pair, about hops segments a path, and nodes and edges reachable
// from it.
//
// Yen's algorithm finds k paths per pair; finding the i-th runs a
// Dijkstra search from every node of the (i-1)-th, and each search
// visits at most the reachable nodes and edges. So a pair costs about
// k × hops × (nodes + edges). The engine then files each origin's R =
// markets × k paths into a prefix tree by a linear search of the tree,
// which costs about (R × hops)² / 2. hops is routes.max_hops (paths
// longer than that are dropped), or fewer when fewer nodes are reachable.
// It is an estimate, not a bound: a network whose fastest paths are much
// longer than max_hops costs more.
func (r *routeSearch) addOrigin(p, markets, k, hops, nodes, edges int) {
	hops = max(hops, 1)
	paths := markets * k
	r.pairs += markets
	r.paths += paths
	r.perOrigin[p] = max(r.perOrigin[p], paths)
	tree := float64(paths) * float64(hops)
	r.work += float64(paths)*float64(hops)*float64(nodes+edges) + tree*tree/2
}

// checkRouteSearch refuses a scenario whose routes would be too many to
// enumerate, or to weigh every month, in reasonable time.
func (s *Scenario) checkRouteSearch(c *checker, r *routeSearch) {
	k := s.Routes.Paths
	switch {
	case r.paths > MaxPathTotal:
		c.addf("routes.paths", "%d origin-market pairs × %d paths is %d candidate paths; the limit is %d (lower routes.paths or the number of origins and markets)",
			r.pairs, k, r.paths, MaxPathTotal)
	case r.work > MaxRouteSearch:
		// 50 ns a unit: the middle of what was measured (limits.go).
		c.addf("routes.paths", "finding %d paths for each of %d origin-market pairs on %d nodes and %d segments would take about %s (%.2g units of work; the limit is %.0e, about a minute): lower routes.paths, routes.max_hops or the number of origins and markets",
			k, r.pairs, len(s.Nodes), len(s.Edges), duration(r.work*50e-9), r.work, float64(MaxRouteSearch))
	}
	if months := s.Months(); months > 0 {
		choices := float64(s.Organizations.Max) * float64(r.perOrigin[0]+r.perOrigin[1]) * float64(months)
		if choices > MaxRouteChoices {
			c.addf("routes.paths", "%d organizations weighing up to %d routes each for %d months is %.2g route choices a replicate; the limit is %.0e (about a minute): lower routes.paths, organizations.max or the number of markets",
				s.Organizations.Max, r.perOrigin[0]+r.perOrigin[1], months, choices, float64(MaxRouteChoices))
		}
	}
}

// duration writes seconds for a person: "40 seconds", "3 hours".
func duration(sec float64) string {
	switch {
	case sec < 120:
		return fmt.Sprintf("%.0f seconds", sec)
	case sec < 2*3600:
		return fmt.Sprintf("%.0f minutes", sec/60)
	case sec < 2*86400:
		return fmt.Sprintf("%.0f hours", sec/3600)
	}
	return fmt.Sprintf("%.0f days", sec/86400)
}
