package sim

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/krysha/krysha/sim/scenario"
)

// Products. A vehicle carries one or the other.
const (
	drugs  = 0
	people = 1
)

var productNames = [2]string{scenario.Drugs, scenario.People}

// Belief channels: what an organization has learned about a segment for
// drugs, for undocumented people and for documented people.
const (
	chDrugs  = 0
	chPeople = 1
	chPapers = 2
	nChan    = 3
)

// edge is a compiled segment.
type edge struct {
	from, to int32
	km       float64
	days     float64 // travel time at the mode's speed and the traffic's slowdown
	traffic  float64 // detection multiplier of the segment's traffic level
	cross    bool
	fuel     bool
	foreign  bool  // outside the country: policed by foreign forces
	post     int32 // the post that mans (checkpoint) or patrols it, -1 if foreign
	carries  [2]bool
}

// trie holds the candidate routes from one origin as a tree of shared
// prefixes, so that the risk of a prefix is computed once for all routes
// that start with it. Node i extends node parent[i] (-1: the origin) by
// segment edge[i]; parents come before their children.
type trie struct {
	parent []int32
	edge   []int32
	edges  []int32 // the distinct segments, ascending
}

// add inserts the segment sequence es and returns the node where it ends.
func (t *trie) add(es []int32) int32 {
	node := int32(-1)
	for _, e := range es {
		next := int32(-1)
		for i := range t.parent {
			if t.parent[i] == node && t.edge[i] == e {
				next = int32(i)
				break
			}
		}
		if next < 0 {
			t.parent = append(t.parent, node)
			t.edge = append(t.edge, e)
			next = int32(len(t.parent) - 1)
		}
		node = next
		if i, ok := slices.BinarySearch(t.edges, e); !ok {
			t.edges = slices.Insert(t.edges, i, e)
		}
	}
	return node
}

// route is a candidate path from an origin to a market.
type route struct {
	node    int32   // where the route ends in its origin's trie
	edges   []int32 // segments in order
	start   []float64
	market  int32
	product int8
	// originPrice is what a unit costs at the route's origin.
	originPrice float64
	km          float64
	days        float64
	fuel        bool // uses a fuel-smuggling corridor: larger cargo
}

// network is the compiled graph and its candidate paths, built once per
// scenario and shared read-only by every World.
type network struct {
	edges []edge
	// routes[p][n] index the candidate routes (in all) of product p from
	// origin node n to every market of p (nil when n is no origin of p),
	// and tries[p][n] are their prefix trees.
	all    []route
	routes [2][][]int32
	tries  [2][]trie
	// maxTrie is the largest trie, for scratch space.
	maxTrie int
	// origins[p] lists the origin nodes of product p; originSupply[p] their
	// supply a month.
	origins      [2][]int32
	originSupply [2][]float64
	// nearest[p][n] is the origin of p nearest to node n.
	nearest [2][]int32
	stash   int32 // the stash node, -1 if none
}

// buildNetwork compiles the scenario's graph and enumerates candidate
// routes with Yen's k shortest paths on travel time.
func buildNetwork(sc *scenario.Scenario, postOf func(e int) int32) *network {
	nw := &network{stash: -1}
	index := make(map[string]int32, len(sc.Nodes))
	for i, n := range sc.Nodes {
		index[n.ID] = int32(i)
		if n.Kind == scenario.KindStash && nw.stash < 0 {
			nw.stash = int32(i)
		}
	}
	t := &sc.Transport
	nw.edges = make([]edge, len(sc.Edges))
	byEnds := make(map[[2]int32]int32, len(sc.Edges))
	for i := range sc.Edges {
		e := &sc.Edges[i]
		speed := map[string]float64{
			scenario.ModeRoad: t.SpeedRoad, scenario.ModeRail: t.SpeedRail,
			scenario.ModeAir: t.SpeedAir, scenario.ModeTrack: t.SpeedTrack,
		}[e.Mode]
		traffic := 1.0
		switch e.Traffic {
		case scenario.TrafficLow:
			speed *= t.TrafficLowSpeed
			traffic = t.TrafficLowDetect
		case scenario.TrafficHigh:
			traffic = t.TrafficHighDetect
		}
		ce := edge{
			from: index[e.From], to: index[e.To], km: e.Km, days: e.Km / speed,
			traffic: traffic, cross: e.CrossBorder, fuel: e.FuelCorridor, post: postOf(i), foreign: postOf(i) < 0,
			carries: [2]bool{e.Carries(scenario.Drugs), e.Carries(scenario.People)},
		}
		nw.edges[i] = ce
		byEnds[[2]int32{ce.from, ce.to}] = int32(i)
	}
	for p := 0; p < 2; p++ {
		nw.routes[p] = make([][]int32, len(sc.Nodes))
		nw.tries[p] = make([]trie, len(sc.Nodes))
		g := simple.NewWeightedDirectedGraph(0, math.Inf(1))
		for i := range sc.Nodes {
			g.AddNode(simple.Node(i))
		}
		for i, e := range nw.edges {
			if e.carries[p] {
				g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(e.from), simple.Node(e.to), e.days+tieBreak(i)))
			}
		}
		product := productNames[p]
		for i := range sc.Nodes {
			n := &sc.Nodes[i]
			if !n.IsOrigin(product) {
				continue
			}
			nw.origins[p] = append(nw.origins[p], int32(i))
			nw.originSupply[p] = append(nw.originSupply[p], supplyOf(n, p))
			for j := range sc.Nodes {
				if !sc.Nodes[j].IsMarket(product) {
					continue
				}
				paths := path.YenKShortestPaths(g, sc.Routes.Paths, math.Inf(1), simple.Node(i), simple.Node(j))
				added := 0
				for _, ns := range paths {
					if len(ns)-1 > sc.Routes.MaxHops {
						continue
					}
					es := make([]int32, 0, len(ns)-1)
					for k := 1; k < len(ns); k++ {
						es = append(es, byEnds[[2]int32{int32(ns[k-1].ID()), int32(ns[k].ID())}])
					}
					nw.addRoute(p, int32(i), int32(j), es, priceOf(n, p))
					added++
				}
				if added == 0 {
					// The fastest paths all have too many segments; take
					// the path with the fewest, which validation found
					// within routes.max_hops.
					if es := nw.fewestHops(p, int32(i), int32(j), len(sc.Nodes)); es != nil && len(es) <= sc.Routes.MaxHops {
						nw.addRoute(p, int32(i), int32(j), es, priceOf(n, p))
					}
				}
			}
		}
		nw.nearest[p] = make([]int32, len(sc.Nodes))
		for i := range sc.Nodes {
			best, bestD := int32(-1), math.Inf(1)
			for _, o := range nw.origins[p] {
				d := distanceKm(&sc.Nodes[i], &sc.Nodes[o])
				if d < bestD {
					best, bestD = o, d
				}
			}
			nw.nearest[p][i] = best
		}
	}
	return nw
}

// addRoute files the route over segments es from origin to market.
func (nw *network) addRoute(p int, origin, market int32, es []int32, originPrice float64) {
	r := route{market: market, product: int8(p), originPrice: originPrice, edges: es}
	for _, ei := range es {
		e := &nw.edges[ei]
		r.start = append(r.start, r.days)
		r.km += e.km
		r.days += e.days
		r.fuel = r.fuel || e.fuel
	}
	r.node = nw.tries[p][origin].add(r.edges)
	nw.maxTrie = max(nw.maxTrie, len(nw.tries[p][origin].parent))
	nw.routes[p][origin] = append(nw.routes[p][origin], int32(len(nw.all)))
	nw.all = append(nw.all, r)
}

// fewestHops returns the segments of a path from src to dst for product p
// with the fewest segments (breadth first, segments in index order), or
// nil.
func (nw *network) fewestHops(p int, src, dst int32, nNodes int) []int32 {
	via := make([]int32, nNodes) // segment that first reached each node
	for i := range via {
		via[i] = -1
	}
	seen := make([]bool, nNodes)
	seen[src] = true
	queue := []int32{src}
	for len(queue) > 0 && !seen[dst] {
		u := queue[0]
		queue = queue[1:]
		for ei := range nw.edges {
			e := &nw.edges[ei]
			if e.from == u && e.carries[p] && !seen[e.to] {
				seen[e.to] = true
				via[e.to] = int32(ei)
				queue = append(queue, e.to)
			}
		}
	}
	if !seen[dst] {
		return nil
	}
	var es []int32
	for n := dst; n != src; n = nw.edges[via[n]].from {
		es = append([]int32{via[n]}, es...)
	}
	return es
}

// tieBreak is a tiny weight, distinct for every segment, added to travel
// times for path enumeration only. It makes every path's length unique, so
// that Yen's algorithm cannot break ties by the iteration order of the
// graph's maps and the candidate paths are the same in every process.
func tieBreak(i int) float64 {
	x := float64(i+1) * 0.6180339887498949
	return 1e-7 * (x - math.Floor(x))
}

func supplyOf(n *scenario.Node, p int) float64 {
	if p == drugs {
		return n.SupplyDrugs
	}
	return n.SupplyPeople
}

// marketPrice is what a market pays for product p under this month's
// price scale.
func (w *World) marketPrice(n int32, p int) float64 {
	if p == drugs {
		return w.m.sc.Nodes[n].PriceDrugs * w.p.Drugs.PriceScale
	}
	return w.m.sc.Nodes[n].PricePeople * w.p.People.PriceScale
}

func priceOf(n *scenario.Node, p int) float64 {
	if p == drugs {
		return n.PriceDrugs
	}
	return n.PricePeople
}

// distanceKm is the great-circle distance between two nodes.
func distanceKm(a, b *scenario.Node) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	la1, la2 := a.Lat*rad, b.Lat*rad
	dla := la2 - la1
	dlo := (b.Lon - a.Lon) * rad
	h := math.Sin(dla/2)*math.Sin(dla/2) + math.Cos(la1)*math.Cos(la2)*math.Sin(dlo/2)*math.Sin(dlo/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}
