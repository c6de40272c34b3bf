package sim

import "math"

// alt is one alternative of a shipment decision: a route, with or without
// travel documents, and its value.
type alt struct {
	route  *route
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

// loadBeliefs fills w.rho (believed detection per segment and channel) and
// w.phi (believed bribe acceptance) for org g: a Beta posterior whose counts
// are the organization's own plus share_info of everyone else's.
func (w *World) loadBeliefs(g int32) {
	rt := &w.p.Routes
	s := rt.ShareInfo
	nEdge := len(w.m.net.edges)
	own := w.beliefs[int(g)*nEdge*beliefStride : (int(g)+1)*nEdge*beliefStride]
	bribery := w.p.Mechanisms.Bribery
	for e := 0; e < nEdge; e++ {
		o := own[e*beliefStride : (e+1)*beliefStride]
		pub := w.public[e*beliefStride : (e+1)*beliefStride]
		for c := 0; c < nChan; c++ {
			a := rt.PriorDetect.Alpha + o[2*c] + s*(pub[2*c]-o[2*c])
			b := rt.PriorDetect.Beta + o[2*c+1] + s*(pub[2*c+1]-o[2*c+1])
			w.rho[e][c] = a / (a + b)
		}
		if bribery {
			a := rt.PriorAccept.Alpha + o[accA] + s*(pub[accA]-o[accA])
			b := rt.PriorAccept.Beta + o[accB] + s*(pub[accB]-o[accB])
			w.phi[e] = a / (a + b)
		} else {
			w.phi[e] = 0
		}
	}
}

// routeValue is the expected profit U of a full load q on route r through
// channel c, under the beliefs in w.rho and w.phi:
//
//	U = S q p_m - q p_o - transport - Σ_e S_e ρ_e φ_e B - (1 - S)(penalty + vehicle)
//
// where S_e is the believed chance of reaching segment e, S of arriving,
// and B the bribe offered at a detection.
func (w *World) routeValue(r *route, c int, q, pOrigin, pMarket, penalty float64) float64 {
	value := q * pMarket
	bribe := w.p.Bribe.OfferShare * value
	surv, bribes := 1.0, 0.0
	for _, e := range r.edges {
		rho, phi := w.rho[e][c], w.phi[e]
		bribes += surv * rho * phi * bribe
		surv *= 1 - rho*(1-phi)
	}
	t := &w.p.Transport
	transport := t.CostKm*r.km + t.CostDay*r.days
	return surv*value - q*pOrigin - transport - bribes - (1-surv)*(penalty+t.VehicleCost)
}

// buildAlts fills w.alts with the routes open to org g for product p and
// their choice weights; it returns false if there is none. The weights are
// a multinomial logit with temperature routes.tau over u = U / (q p_m),
// against an outside option (stay home) of value 0.
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
	sc := w.m.sc
	pOrigin := priceOf(&sc.Nodes[origin], p)
	cargo, penalty := w.p.Drugs.Cargo, w.p.Drugs.Penalty
	if p == people {
		cargo, penalty = w.p.People.Cargo, w.p.People.Penalty
	}
	papers := p == people && w.p.Mechanisms.Papers && w.m.pool[roleImmigration] >= 0
	phiImm := o.immA / (o.immA + o.immB)
	best := 0.0 // the outside option
	for i := range routes {
		r := &routes[i]
		q := cargo
		if r.fuel {
			q *= w.p.Transport.FuelCapacity
		}
		pMarket := w.marketPrice(r.market, p)
		ch := chDrugs
		if p == people {
			ch = chPeople
		}
		u := w.routeValue(r, ch, q, pOrigin, pMarket, penalty) / (q * pMarket)
		w.alts = append(w.alts, alt{route: r, q: q, value: q * pMarket, u: u})
		best = math.Max(best, u)
		if papers {
			doc := w.routeValue(r, chPapers, q, pOrigin, pMarket, penalty) - w.p.People.PapersCost*q
			ud := (phiImm*doc)/(q*pMarket) + (1-phiImm)*u
			w.alts = append(w.alts, alt{route: r, papers: true, q: q, value: q * pMarket, u: ud})
			best = math.Max(best, ud)
		}
	}
	tau := w.p.Routes.Tau
	w.outside = math.Exp(-best / tau)
	cum := w.outside
	for i := range w.alts {
		cum += math.Exp((w.alts[i].u - best) / tau)
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
