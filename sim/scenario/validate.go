package scenario

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// A Problem is one thing wrong with a scenario: the dotted path of the
// offending key and what is wrong with it.
type Problem struct {
	Key string
	Msg string
}

type checker struct {
	probs []Problem
	// more counts the problems past maxProblems, which are not kept: a
	// file of garbage must not produce a million lines. skipped is set
	// when checks were left out once the list was full, so that more is
	// a lower bound.
	more    int
	skipped bool
}

// full reports whether no further problem would be shown; a check that is
// costly to make for its message alone (a lever's "did you mean") is then
// skipped.
func (c *checker) full() bool {
	if len(c.probs) >= maxProblems {
		c.skipped = true
		return true
	}
	return false
}

func (c *checker) addf(key, format string, args ...any) {
	if len(c.probs) >= maxProblems {
		c.more++
		return
	}
	c.probs = append(c.probs, Problem{key, fmt.Sprintf(format, args...)})
}

func (c *checker) finite(key string, x float64) bool {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		c.addf(key, "must be a finite number, is %v", x)
		return false
	}
	return true
}

// in checks lo <= x <= hi.
func (c *checker) in(key string, x, lo, hi float64) {
	if c.finite(key, x) && (x < lo || x > hi) {
		c.addf(key, "must be in [%g, %g], is %g", lo, hi, x)
	}
}

func (c *checker) prob(key string, x float64) { c.in(key, x, 0, 1) }

func (c *checker) positive(key string, x float64) {
	if c.finite(key, x) && x <= 0 {
		c.addf(key, "must be positive, is %g", x)
	}
}

func (c *checker) nonneg(key string, x float64) {
	if c.finite(key, x) && x < 0 {
		c.addf(key, "must not be negative, is %g", x)
	}
}

func (c *checker) intIn(key string, x, lo, hi int) {
	if x < lo || x > hi {
		c.addf(key, "must be in [%d, %d], is %d", lo, hi, x)
	}
}

func (c *checker) beta(key string, b BetaDist) {
	c.positive(key+".alpha", b.Alpha)
	c.positive(key+".beta", b.Beta)
}

func (c *checker) oneOf(key, x string, allowed ...string) {
	if !slices.Contains(allowed, x) {
		c.addf(key, "must be one of %s, is %q", strings.Join(quoteAll(allowed), ", "), x)
	}
}

var nameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// Validate checks s and returns every problem found, in a stable order.
// A scenario without problems can be built into a world.
func (s *Scenario) Validate() []Problem {
	c := &checker{}
	if !nameRE.MatchString(s.Name) {
		c.addf("name", "must be letters, digits, '.', '_' or '-' (it names the output folder), is %q", s.Name)
	}
	if s.End < s.Start {
		c.addf("end", "must not be before start (%s), is %s", s.Start, s.End)
	} else if s.Months() > MaxMonths {
		c.addf("end", "the period is %d months; the limit is %d (a century of monthly steps)", s.Months(), MaxMonths)
	}
	c.intIn("replicates", s.Replicates, 1, MaxReplicates)
	s.validateClans(c)
	s.validateNetwork(c)
	s.validateOrgs(c)
	validateParams(c, "", &s.Params)
	s.validateStaffing(c)
	if len(c.probs) == 0 {
		// Reachability needs a sound network; checked only then so that one
		// typo does not cascade into a page of path errors.
		s.validatePaths(c)
	}
	s.validateEvents(c)
	switch {
	case c.skipped:
		c.probs = append(c.probs, Problem{"", fmt.Sprintf("more problems not shown, and not all looked for (at most %d are shown)", maxProblems)})
	case c.more > 0:
		c.probs = append(c.probs, Problem{"", fmt.Sprintf("%d more problems not shown (at most %d are)", c.more, maxProblems)})
	}
	return c.probs
}

func (s *Scenario) validateClans(c *checker) {
	if len(s.Clans) == 0 {
		c.addf("clan", "a scenario needs at least one [[clan]]")
	}
	if len(s.Clans) > MaxClans {
		c.addf("clan", "%d clans; the limit is %d", len(s.Clans), MaxClans)
	}
	if len(s.Elites) > MaxElites {
		c.addf("elite", "%d elites; the limit is %d (every month touches every elite)", len(s.Elites), MaxElites)
	}
	seen := map[string]bool{}
	total := 0.0
	for i, cl := range s.Clans {
		k := fmt.Sprintf("clan[%d]", i)
		if cl.Name == "" {
			c.addf(k+".name", "is missing")
		} else if seen[cl.Name] {
			c.addf(k+".name", "duplicate clan %q", cl.Name)
		}
		seen[cl.Name] = true
		c.oneOf(k+".zhuz", cl.Zhuz, "senior", "middle", "junior", "none")
		c.nonneg(k+".weight", cl.Weight)
		total += cl.Weight
	}
	if len(s.Clans) > 0 && !(total > 0) {
		c.addf("clan", "clan weights sum to %g; at least one must be positive", total)
	}
	elites := map[string]bool{}
	for i, e := range s.Elites {
		k := fmt.Sprintf("elite[%d]", i)
		if e.Name == "" {
			c.addf(k+".name", "is missing")
		} else if elites[e.Name] {
			c.addf(k+".name", "duplicate elite %q", e.Name)
		}
		elites[e.Name] = true
		if !seen[e.Clan] {
			c.addf(k+".clan", "unknown clan %q", e.Clan)
		}
		c.nonneg(k+".rents", e.Rents)
	}
}

func (s *Scenario) validateNetwork(c *checker) {
	if len(s.Nodes) < 2 {
		c.addf("nodes", "a scenario needs at least two nodes, has %d", len(s.Nodes))
	}
	if len(s.Nodes) > MaxNodes {
		c.addf("nodes", "%d nodes; the limit is %d", len(s.Nodes), MaxNodes)
	}
	if len(s.Edges) > MaxEdges {
		c.addf("edges", "%d edges; the limit is %d", len(s.Edges), MaxEdges)
	}
	ids := map[string]bool{}
	for i, n := range s.Nodes {
		k := fmt.Sprintf("nodes[%d]", i)
		if n.ID == "" {
			c.addf(k+".id", "is missing")
		} else if ids[n.ID] {
			c.addf(k+".id", "duplicate node id %q", n.ID)
		}
		ids[n.ID] = true
		c.oneOf(k+".kind", n.Kind, KindOrigin, KindBorder, KindCity, KindTransit, KindStash, KindMarket)
		c.in(k+".lon", n.Lon, -180, 180)
		c.in(k+".lat", n.Lat, -90, 90)
		if n.Zhuz != "" {
			c.oneOf(k+".zhuz", n.Zhuz, "senior", "middle", "junior", "none")
		}
		c.nonneg(k+".supply_drugs", n.SupplyDrugs)
		c.nonneg(k+".supply_people", n.SupplyPeople)
		c.nonneg(k+".price_drugs", n.PriceDrugs)
		c.nonneg(k+".price_people", n.PricePeople)
		if n.Kind == KindStash && !(n.PriceDrugs > 0) {
			c.addf(k+".price_drugs", "a stash is a drug market and needs a retail price")
		}
	}
	seen := map[[2]string]int{}
	foreign := s.ForeignFunc()
	for i, e := range s.Edges {
		k := fmt.Sprintf("edges[%d]", i)
		if !ids[e.From] {
			c.addf(k+".from", "unknown node %q", e.From)
		}
		if !ids[e.To] {
			c.addf(k+".to", "unknown node %q", e.To)
		}
		if e.From == e.To && e.From != "" {
			c.addf(k+".to", "a segment must join two different nodes")
		}
		if j, dup := seen[[2]string{e.From, e.To}]; dup {
			c.addf(k, "duplicate segment %s -> %s (also edges[%d])", e.From, e.To, j)
		}
		seen[[2]string{e.From, e.To}] = i
		if c.finite(k+".km", e.Km) && (e.Km <= 0 || e.Km > MaxKm) {
			c.addf(k+".km", "must be in (0, %d] (the equator is 40075 km), is %g", MaxKm, e.Km)
		}
		c.oneOf(k+".mode", e.Mode, ModeRoad, ModeRail, ModeAir, ModeTrack)
		c.oneOf(k+".traffic", e.Traffic, TrafficLow, TrafficMedium, TrafficHigh)
		c.in(k+".detect", e.Detect, 0, 20)
		if e.Checkpoint {
			if e.Guards < 1 {
				c.addf(k+".guards", "a checkpoint needs at least one official, has %d", e.Guards)
			} else if e.Guards > MaxOfficials {
				// Also keeps the sum over checkpoints in validateStaffing
				// from overflowing past the officials it is checked against.
				c.addf(k+".guards", "%d officials at one checkpoint; the limit is %d", e.Guards, MaxOfficials)
			}
			if e.Post != "" {
				c.oneOf(k+".post", e.Post, "border_guard", "police", "immigration")
			}
		} else {
			if e.Guards != 0 {
				c.addf(k+".guards", "only a checkpoint has guards; set checkpoint = true or remove guards")
			}
			if e.Post != "" {
				c.addf(k+".post", "only a checkpoint has a post; patrols come from the border guards (cross-border) or the police")
			}
		}
		for j, p := range e.Products {
			c.oneOf(fmt.Sprintf("%s.products[%d]", k, j), p, Drugs, People)
		}
		if s.Country != "" && e.Checkpoint && foreign(&s.Edges[i]) {
			c.addf(k+".checkpoint", "segment %s -> %s lies outside %s; only its own officials man checkpoints", e.From, e.To, s.Country)
		}
	}
	if s.Country != "" {
		for i, n := range s.Nodes {
			if n.Country == "" {
				c.addf(fmt.Sprintf("nodes[%d].country", i), "is missing (the scenario's country is %q)", s.Country)
			}
		}
	}
}

// ForeignFunc returns a function that reports whether a segment lies
// outside the scenario's country: neither end is in it.
func (s *Scenario) ForeignFunc() func(e *Edge) bool {
	home := make(map[string]bool, len(s.Nodes))
	for i := range s.Nodes {
		home[s.Nodes[i].ID] = s.Country == "" || s.Nodes[i].Country == s.Country
	}
	return func(e *Edge) bool { return !home[e.From] && !home[e.To] }
}

// PostRole is the role manning edge e's checkpoint, or patrolling it.
func (e *Edge) PostRole() string {
	switch {
	case e.Checkpoint && e.Post != "":
		return e.Post
	case e.CrossBorder:
		return "border_guard"
	}
	return "police"
}

// Carries reports whether product may use the segment.
func (e *Edge) Carries(product string) bool {
	return len(e.Products) == 0 || slices.Contains(e.Products, product)
}

func (s *Scenario) validateStaffing(c *checker) {
	roles := s.Officials.Roles()
	total := 0
	guards := make([]int, len(roles))
	patrolled := make([]bool, len(roles))
	foreign := s.ForeignFunc()
	for i := range s.Edges {
		e := &s.Edges[i]
		r := slices.Index(RoleNames, e.PostRole())
		if r < 0 || foreign(e) {
			continue
		}
		if e.Checkpoint {
			// Bad guard counts are reported by validateNetwork; adding
			// them would only repeat that (or overflow).
			if e.Guards >= 1 && e.Guards <= MaxOfficials {
				guards[r] += e.Guards
			}
		} else {
			patrolled[r] = true
		}
	}
	countsOK := true
	for i, r := range roles {
		k := "officials." + RoleNames[i]
		total += r.Count
		if r.Count < 0 || r.Count > MaxOfficials {
			countsOK = false // reported by validateParams
			continue
		}
		if guards[i] > r.Count {
			c.addf(k+".count", "checkpoints post %d officials of this role but there are only %d", guards[i], r.Count)
		} else if patrolled[i] && guards[i] == r.Count {
			c.addf(k+".count", "all %d officials of this role man checkpoints; none are left to patrol the segments without one", r.Count)
		}
	}
	if countsOK && total > MaxOfficials {
		c.addf("officials", "%d officials in all; the limit is %d", total, MaxOfficials)
	}
	if s.Officials.Prosecutor.Count < 1 {
		c.addf("officials.prosecutor.count", "the pipeline needs at least one prosecutor")
	}
	if s.Officials.Judge.Count < 1 {
		c.addf("officials.judge.count", "the pipeline needs at least one judge")
	}
	// The products below are of counts already bounded (or reported) by
	// validateParams and validateNetwork, so they cannot overflow.
	o := &s.Organizations
	if o.Max < 1 || o.Max > MaxOrganizations || o.MaxVehicles < 1 || o.MaxVehicles > 100_000 {
		return // reported by validateParams
	}
	if cells := o.Max * len(s.Edges); cells > MaxBeliefCells {
		c.addf("organizations.max", "%d organizations × %d segments of beliefs is %d; the limit is %d (%d MB)",
			o.Max, len(s.Edges), cells, MaxBeliefCells, MaxBeliefCells*64>>20)
	}
	if cells := o.Max * len(s.Elites); cells > MaxExposureCells {
		c.addf("organizations.max", "%d organizations × %d elites of exposures is %d; the limit is %d (%d MB)",
			o.Max, len(s.Elites), cells, MaxExposureCells, MaxExposureCells*8>>20)
	}
	if fleet := o.Max * o.MaxVehicles; fleet > MaxFleet {
		c.addf("organizations.max_vehicles", "%d organizations × %d vehicles is a fleet of %d; the limit is %d (every vehicle may be on the road at once)",
			o.Max, o.MaxVehicles, fleet, MaxFleet)
	} else if months := s.Months(); s.End >= s.Start && months <= MaxMonths && fleet*months > MaxFleetMonths {
		c.addf("organizations.max_vehicles", "a fleet of %d (%d organizations × %d vehicles) over %d months is %d vehicle-months; the limit is %d (each may open a case the run keeps)",
			fleet, o.Max, o.MaxVehicles, months, fleet*months, MaxFleetMonths)
	}
}

func (s *Scenario) validateOrgs(c *checker) {
	nodes := map[string]bool{}
	for _, n := range s.Nodes {
		nodes[n.ID] = true
	}
	clans := map[string]bool{}
	for _, cl := range s.Clans {
		clans[cl.Name] = true
	}
	elites := map[string]bool{}
	for _, e := range s.Elites {
		elites[e.Name] = true
	}
	has := map[string]bool{}
	for _, n := range s.Nodes {
		has[Drugs] = has[Drugs] || n.SupplyDrugs > 0
		has[People] = has[People] || n.SupplyPeople > 0
	}
	names := map[string]bool{}
	if len(s.Orgs) > s.Organizations.Max {
		c.addf("organization", "%d organizations but organizations.max is %d", len(s.Orgs), s.Organizations.Max)
	}
	for i, o := range s.Orgs {
		k := fmt.Sprintf("organization[%d]", i)
		if o.Name == "" {
			c.addf(k+".name", "is missing")
		} else if names[o.Name] {
			c.addf(k+".name", "duplicate organization %q", o.Name)
		}
		names[o.Name] = true
		if !clans[o.Clan] {
			c.addf(k+".clan", "unknown clan %q", o.Clan)
		}
		if !nodes[o.Origin] {
			c.addf(k+".origin", "unknown node %q", o.Origin)
		}
		if len(o.Products) == 0 {
			c.addf(k+".products", "needs at least one of \"drugs\", \"people\"")
		}
		for j, p := range o.Products {
			kk := fmt.Sprintf("%s.products[%d]", k, j)
			c.oneOf(kk, p, Drugs, People)
			if (p == Drugs || p == People) && !has[p] {
				c.addf(kk, "no node supplies %s (supply_%s)", p, p)
			}
		}
		c.nonneg(k+".capital", o.Capital)
		c.intIn(k+".vehicles", o.Vehicles, 1, max(1, s.Organizations.MaxVehicles))
		c.intIn(k+".members", o.Members, 1, 1_000_000)
		c.intIn(k+".facilitators", o.Facilitators, 0, max(0, s.Facilitators.Max))
		if o.Roof != "" && !elites[o.Roof] {
			c.addf(k+".roof", "unknown elite %q", o.Roof)
		}
	}
}

// validatePaths checks that every origin reaches every market of its
// product within routes.max_hops segments, and then that enumerating the
// candidate routes is of a bounded size (see checkRouteSearch).
func (s *Scenario) validatePaths(c *checker) {
	index := map[string]int{}
	for i, n := range s.Nodes {
		index[n.ID] = i
	}
	var search routeSearch
	for p, product := range []string{Drugs, People} {
		adj := make([][]int, len(s.Nodes))
		for _, e := range s.Edges {
			if e.Carries(product) {
				adj[index[e.From]] = append(adj[index[e.From]], index[e.To])
			}
		}
		var markets []int
		depth := make([]int, len(s.Nodes)) // reused: there may be thousands of origins
		for i, n := range s.Nodes {
			if n.IsMarket(product) {
				markets = append(markets, i)
			}
		}
		for i, n := range s.Nodes {
			if !n.IsOrigin(product) {
				continue
			}
			k := fmt.Sprintf("nodes[%d].supply_%s", i, product)
			if len(markets) == 0 {
				c.addf(k, "origin %q supplies %s but no node is a market for it (price_%s with no supply)", n.ID, product, product)
				continue
			}
			depth, nodes, edges := reach(adj, i, depth)
			for _, m := range markets {
				if c.full() {
					break // thousands of origins × markets: stop at the limit
				}
				if depth[m] < 0 || depth[m] > s.Routes.MaxHops {
					c.addf(k, "no path from origin %q to market %q for %s within %d segments", n.ID, s.Nodes[m].ID, product, s.Routes.MaxHops)
				}
			}
			search.addOrigin(p, len(markets), s.Routes.Paths, min(nodes-1, s.Routes.MaxHops), nodes, edges)
		}
	}
	if len(c.probs) == 0 {
		s.checkRouteSearch(c, &search)
	}
}

// reach fills depth with the breadth-first depth of each node from src
// (-1 if unreachable), and returns it with the number of nodes reachable
// from src (src included) and of the segments leaving them.
func reach(adj [][]int, src int, depth []int) (_ []int, nodes, edges int) {
	for i := range depth {
		depth[i] = -1
	}
	depth[src] = 0
	queue := []int{src}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		nodes++
		edges += len(adj[u])
		for _, v := range adj[u] {
			if depth[v] < 0 {
				depth[v] = depth[u] + 1
				queue = append(queue, v)
			}
		}
	}
	return depth, nodes, edges
}

// IsOrigin reports whether the node supplies product.
func (n *Node) IsOrigin(product string) bool {
	if product == Drugs {
		return n.SupplyDrugs > 0
	}
	return n.SupplyPeople > 0
}

// IsMarket reports whether the node buys product: a price and no supply.
func (n *Node) IsMarket(product string) bool {
	if product == Drugs {
		return n.PriceDrugs > 0 && n.SupplyDrugs == 0
	}
	return n.PricePeople > 0 && n.SupplyPeople == 0
}

// validateEvents checks each event's month and levers, and that the
// parameters stay valid after every event, applied in time order.
func (s *Scenario) validateEvents(c *checker) {
	// Policy events count too: each policy's list is validated with the
	// scenario's own events replayed under it.
	n := len(s.Events)
	for _, p := range s.Policies {
		n += len(p.Events)
	}
	if n > MaxEvents {
		c.addf("event", "%d events (with those of the policies); the limit is %d", n, MaxEvents)
		return
	}
	if len(s.Policies) > MaxPolicies {
		c.addf("policy", "%d policies; the limit is %d (each replays every event to validate)", len(s.Policies), MaxPolicies)
		return
	}
	edgeLevers := map[*Event][]edgeChange{}
	s.checkEventList(c, "event", s.Events, nil, edgeLevers)
	names := map[string]bool{}
	for i, p := range s.Policies {
		k := fmt.Sprintf("policy[%d]", i)
		if !nameRE.MatchString(p.Name) {
			c.addf(k+".name", "must be letters, digits, '.', '_' or '-', is %q", p.Name)
		} else if names[p.Name] || p.Name == "baseline" {
			c.addf(k+".name", "duplicate policy %q", p.Name)
		}
		names[p.Name] = true
		c.nonneg(k+".cost", p.Cost)
		if len(p.Events) == 0 {
			c.addf(k+".events", "a policy needs at least one event")
		}
		s.checkEventList(c, k+".events", p.Events, s.Events, edgeLevers)
	}
}

type keyedEvent struct {
	key string
	ev  *Event
}

func (s *Scenario) checkEventList(c *checker, prefix string, evs, base []Event, edgeLevers map[*Event][]edgeChange) {
	var all []keyedEvent
	for i := range base {
		all = append(all, keyedEvent{"", &base[i]})
	}
	for i := range evs {
		k := fmt.Sprintf("%s[%d]", prefix, i)
		ev := &evs[i]
		all = append(all, keyedEvent{k, ev})
		if ev.At < s.Start {
			c.addf(k+".at", "%s is before the start of the scenario (%s)", ev.At, s.Start)
		} else if ev.At > s.End {
			c.addf(k+".at", "%s is after the end of the scenario (%s)", ev.At, s.End)
		}
		if len(ev.Set) == 0 && len(ev.Scale) == 0 {
			c.addf(k, "an event needs set or scale")
		}
		for _, name := range sortedKeys(ev.Set) {
			if c.full() {
				break // each key costs a search of the lever names
			}
			kk := k + ".set." + quoteKey(name)
			l, err := s.Lever(name)
			if err != nil {
				c.addf(kk, "%v", err)
				continue
			}
			switch v := ev.Set[name].(type) {
			case bool:
				if l.Kind != reflectBool {
					c.addf(kk, "expected a number, found %v", v)
				}
			case float64:
				if l.Kind == reflectBool {
					c.addf(kk, "expected true or false, found %v", v)
				} else if c.finite(kk, v) && l.Kind == reflectInt && v != math.Trunc(v) {
					c.addf(kk, "expected an integer, found %v", v)
				}
			case string:
				c.addf(kk, "expected a number or a boolean, found string %q", v)
			default:
				c.addf(kk, "expected a number or a boolean, found %v", v)
			}
		}
		for _, name := range sortedKeys(ev.Scale) {
			if c.full() {
				break
			}
			kk := k + ".scale." + quoteKey(name)
			l, err := s.Lever(name)
			if err != nil {
				c.addf(kk, "%v", err)
				continue
			}
			if l.Kind == reflectBool {
				c.addf(kk, "a switch cannot be scaled; use set")
			}
			c.nonneg(kk, ev.Scale[name])
		}
	}
	if len(c.probs) > 0 {
		return // applying broken events would only repeat what was said
	}
	// Apply in time order (file order within a month) and check the
	// parameters after each event that the list owns.
	sort.SliceStable(all, func(i, j int) bool { return all[i].ev.At < all[j].ev.At })
	p := s.Params
	detect := make([]float64, len(s.Edges))
	for i := range s.Edges {
		detect[i] = s.Edges[i].Detect
	}
	for _, ke := range all {
		ke.ev.Apply(&p)
		s.applyToEdges(ke.ev, detect, edgeLevers)
		if ke.key == "" {
			continue
		}
		sub := &checker{}
		validateParams(sub, "", &p)
		for i, d := range detect {
			// The key is formatted only for a bad value: thousands of
			// events × thousands of segments must stay fast.
			if !(d >= 0 && d <= 20) {
				sub.in(fmt.Sprintf("edges[%d].detect", i), d, 0, 20)
			}
		}
		for _, pr := range sub.probs {
			c.addf(ke.key, "leaves %s invalid: %s", pr.Key, pr.Msg)
		}
		if len(sub.probs) > 0 {
			return
		}
	}
}

// An edgeChange is an event's change to one segment's detection.
type edgeChange struct {
	edge  int
	scale bool
	v     float64
}

// applyToEdges applies the event's segment detection levers to detect.
// The levers of each event are resolved once and kept in cache: every
// policy replays the scenario's events, and a segment named FROM>TO is
// found by a search of the segments.
func (s *Scenario) applyToEdges(ev *Event, detect []float64, cache map[*Event][]edgeChange) {
	changes, ok := cache[ev]
	if !ok {
		for _, name := range sortedKeys(ev.Set) {
			if l, err := s.Lever(name); err == nil && l.Edge >= 0 && l.Kind != reflectBool {
				if v, ok := ev.Set[name].(float64); ok {
					changes = append(changes, edgeChange{l.Edge, false, v})
				}
			}
		}
		for _, name := range sortedKeys(ev.Scale) {
			if l, err := s.Lever(name); err == nil && l.Edge >= 0 {
				changes = append(changes, edgeChange{l.Edge, true, ev.Scale[name]})
			}
		}
		cache[ev] = changes
	}
	for _, ch := range changes {
		if ch.scale {
			detect[ch.edge] *= ch.v
		} else {
			detect[ch.edge] = ch.v
		}
	}
}

// Apply changes p as the event says: first every set, then every scale,
// each in sorted key order so that the result does not depend on map order.
// Segment levers are not in Params and are left alone.
func (ev *Event) Apply(p *Params) {
	// levers, not LookupLever: the error of LookupLever, with its
	// suggestions, costs a search of every lever name, and validation
	// applies every event once per policy.
	for _, name := range sortedKeys(ev.Set) {
		l, ok := levers[name]
		if !ok {
			continue
		}
		switch v := ev.Set[name].(type) {
		case bool:
			if v {
				l.Set(p, 1)
			} else {
				l.Set(p, 0)
			}
		case float64:
			l.Set(p, v)
		}
	}
	for _, name := range sortedKeys(ev.Scale) {
		if l, ok := levers[name]; ok {
			l.Set(p, l.Get(p)*ev.Scale[name])
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// quoteKey writes a map key as a path segment, quoted when it holds a dot.
func quoteKey(k string) string {
	if strings.ContainsAny(k, ". \"") || k == "" {
		return fmt.Sprintf("%q", k)
	}
	return k
}
