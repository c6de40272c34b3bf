package sim

import "math"

// alt is one alternative of a shipment decision: a route, with or without
// travel documents, and its value.
type alt struct {
	route  int32 // index in network.all
	papers bool
	q      float64 // full load
	value  float64 // market value of a full load
	u      float64 // expected profit over the cargo's market value
	w      float64 // cumulative choice weight
}

// decayBeliefs lets every organization forget: belief counts shrink by
// routes.memory each month, so that old outcomes weigh less than new ones.
func (w *World) decayBeliefs() {
	m := w.p.Routes.Memory
	if m >= 1 {
		return
	}
	stride := len(w.m.net.edges) * beliefStride
	for g := range w.orgs {
		if !w.orgs[g].alive {
			continue
		}
		row := w.beliefs[g*stride : (g+1)*stride]
		for i := range row {
			row[i] *= m
		}
	}
	for i := range w.public {
		w.public[i] *= m
	}
}

// learn records an outcome at segment e in org g's beliefs and in the
// public pool; k is the index within the belief row (a or b of a channel).
func (w *World) learn(g int32, e int32, k int) {
	if !w.p.Mechanisms.Learning {
		return
	}
	i := int(e)*beliefStride + k
	w.beliefs[int(g)*len(w.m.net.edges)*beliefStride+i]++
	w.public[i]++
}

// loadBeliefs fills, for org g, each segment's believed chance of passing
// (w.pass = 1 - ρ(1 - φ)) and of paying a bribe (w.paid = ρ φ) by channel,
// from the believed detection ρ and bribe acceptance φ: Beta posteriors
// whose counts are the organization's own plus share_info of everyone
// else's.
func (w *World) loadBeliefs(g int32) {
	rt := &w.p.Routes
	s := rt.ShareInfo
	nEdge := len(w.m.net.edges)
	own := w.beliefs[int(g)*nEdge*beliefStride : (int(g)+1)*nEdge*beliefStride]
	bribery := w.p.Mechanisms.Bribery
	for e := 0; e < nEdge; e++ {
		o := own[e*beliefStride : (e+1)*beliefStride]
		pub := w.public[e*beliefStride : (e+1)*beliefStride]
		phi := 0.0
		if bribery {
			a := rt.PriorAccept.Alpha + o[accA] + s*(pub[accA]-o[accA])
			b := rt.PriorAccept.Beta + o[accB] + s*(pub[accB]-o[accB])
			phi = a / (a + b)
		}
		for c := 0; c < nChan; c++ {
			a := rt.PriorDetect.Alpha + o[2*c] + s*(pub[2*c]-o[2*c])
			b := rt.PriorDetect.Beta + o[2*c+1] + s*(pub[2*c+1]-o[2*c+1])
			rho := a / (a + b)
			w.pass[e][c] = 1 - rho*(1-phi)
			w.paid[e][c] = rho * phi
		}
	}
}

// walk fills w.surv and w.bribes for every node of trie t under the beliefs
// loaded for an organization, for channel c: the believed chance of
// reaching the end of the node's prefix and the expected number of bribes
// paid on the way,
//
//	surv = Π_e (1 - ρ_e (1 - φ_e)),  bribes = Σ_e S_e ρ_e φ_e,
//
// where S_e is the chance of reaching segment e.
func (w *World) walk(t *trie, c int, surv, bribes []float64) {
	for i, e := range t.edge {
		s, b := 1.0, 0.0
		if pa := t.parent[i]; pa >= 0 {
			s, b = surv[pa], bribes[pa]
		}
		bribes[i] = b + s*w.paid[e][c]
		surv[i] = s * w.pass[e][c]
	}
}

// routeValue is the expected profit U of a full load q worth value at the
// market, bought for cost, on route r:
//
//	U = S value - cost - transport - bribes × B - (1 - S)(penalty + vehicle)
//
// with S and bribes from walk and B the bribe offered at a detection.
func (w *World) routeValue(r *route, surv, bribes, value, cost, penalty float64) float64 {
	t := &w.p.Transport
	transport := t.CostKm*r.km + t.CostDay*r.days
	return surv*value - cost - transport - bribes*w.p.Bribe.OfferShare*value - (1-surv)*(penalty+t.VehicleCost)
}

// buildAlts fills w.alts with the routes open to org g for product p and
// their choice weights; it returns false if there is none. The weights are
// a multinomial logit with temperature routes.tau over u = U / (q p_m),
// against an outside option (stay home) of value 0. For people, each
// route is offered with and without travel documents: with them, the
// shipment travels on the papers channel if an immigration official takes
// the bribe (believed chance φ_imm) and undocumented otherwise.
func (w *World) buildAlts(g int32, p int) bool {
	o := &w.orgs[g]
	origin := o.origin[p]
	w.alts = w.alts[:0]
	if origin < 0 {
		return false
	}
	routes := w.m.net.routes[p][origin]
	if len(routes) == 0 {
		return false
	}
	t := &w.m.net.tries[p][origin]
	pOrigin := priceOf(&w.m.sc.Nodes[origin], p)
	cargo, penalty, ch := w.p.Drugs.Cargo, w.p.Drugs.Penalty, chDrugs
	if p == people {
		cargo, penalty, ch = w.p.People.Cargo, w.p.People.Penalty, chPeople
	}
	papers := p == people && w.p.Mechanisms.Papers && w.m.pool[roleImmigration] >= 0
	phiImm := o.immA / (o.immA + o.immB)
	w.walk(t, ch, w.surv[0], w.bribes[0])
	if papers {
		w.walk(t, chPapers, w.surv[1], w.bribes[1])
	}
	best := 0.0 // the outside option
	for _, ri := range routes {
		r := &w.m.net.all[ri]
		q := cargo
		if r.fuel {
			q *= w.p.Transport.FuelCapacity
		}
		value := q * w.marketPrice(r.market, p)
		u := w.routeValue(r, w.surv[0][r.node], w.bribes[0][r.node], value, q*pOrigin, penalty) / value
		w.alts = append(w.alts, alt{route: ri, q: q, value: value, u: u})
		best = math.Max(best, u)
		if papers {
			doc := w.routeValue(r, w.surv[1][r.node], w.bribes[1][r.node], value, q*pOrigin, penalty) - w.p.People.PapersCost*q
			ud := phiImm*doc/value + (1-phiImm)*u
			w.alts = append(w.alts, alt{route: ri, papers: true, q: q, value: value, u: ud})
			best = math.Max(best, ud)
		}
	}
	tau := w.p.Routes.Tau
	w.outside = math.Exp(-best / tau)
	cum := w.outside
	for i := range w.alts {
		// Alternatives e^36 times less likely than the best are never
		// taken in practice (one in 4e15); skipping their exponential
		// saves a third of the month.
		if d := (w.alts[i].u - best) / tau; d > -36 {
			cum += math.Exp(d)
		}
		w.alts[i].w = cum
	}
	return true
}

// pickAlt samples an alternative from w.alts by its weight; -1 is the
// outside option.
func (w *World) pickAlt() int {
	n := len(w.alts)
	x := w.r.float() * w.alts[n-1].w
	if x < w.outside {
		return -1
	}
	for i := range w.alts {
		if x < w.alts[i].w {
			return i
		}
	}
	return n - 1
}
