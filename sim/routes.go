package sim

import "math"

// alt is one alternative of a shipment decision: a route, with or without
// travel documents, and its value.
type alt struct {
	route  int32 // index in network.all
	papers bool
	f      float64 // load, as a share of a full load
	risk   float64 // believed chance of losing the load on the route
	u      float64 // expected profit per unit of the cargo's market value
	w      float64 // choice weight
}

// load is what a full vehicle on a route carries and costs this month,
// the same for every organization: computed once a month. Costs are per
// unit of the load's market value V, the unit in which routes are valued.
type load struct {
	node   int32   // where the route ends in its origin's trie (set once, kept here for locality)
	q      float64 // units of a full load
	value  float64 // its market value V
	unit   float64 // purchase price over market price, p_o / p_m
	trip   float64 // transport cost of a trip, over V
	loss   float64 // lost besides the cargo if intercepted (penalty and vehicle), over V
	papers float64 // travel documents for a full load of people, over V
}

// updateLoads prices a full load on every route under this month's levers.
func (w *World) updateLoads() {
	t := &w.p.Transport
	for i := range w.m.net.all {
		r := &w.m.net.all[i]
		p := int(r.product)
		cargo, penalty := w.p.Drugs.Cargo, w.p.Drugs.Penalty
		if p == people {
			cargo, penalty = w.p.People.Cargo, w.p.People.Penalty
		}
		q := cargo
		if r.fuel {
			q *= t.FuelCapacity
		}
		price := w.marketPrice(r.market, p)
		inv := 1 / (q * price)
		l := &w.loads[i]
		l.q = q
		l.value = q * price
		l.unit = r.originPrice / price
		l.trip = (t.CostKm*r.km + t.CostDay*r.days) * inv
		l.loss = (penalty + t.VehicleCost) * inv
		l.papers = w.p.People.PapersCost * q * inv
	}
}

// decayBeliefs lets every organization forget: belief counts shrink by
// routes.memory each month, so that old outcomes weigh less than new ones.
// Counts are stored divided by the product F of the memories so far, so
// that forgetting is one multiplication of F rather than of every count;
// when F grows small the stored counts are rescaled.
func (w *World) decayBeliefs() {
	w.forget *= w.p.Routes.Memory
	if w.forget < 1e-150 {
		for i := range w.beliefs {
			w.beliefs[i] *= w.forget
		}
		for i := range w.public {
			w.public[i] *= w.forget
		}
		w.forget = 1
	}
}

// learn records an outcome at segment e in org g's beliefs and in the
// public pool; k is the index within the belief row (a or b of a channel).
func (w *World) learn(g int32, e int32, k int) {
	if !w.p.Mechanisms.Learning {
		return
	}
	i := int(e)*beliefStride + k
	x := 1 / w.forget
	w.beliefs[int(g)*len(w.m.net.edges)*beliefStride+i] += x
	w.public[i] += x
}

// loadBeliefs fills, for org g and the segments its routes for product p
// use, each segment's believed chance of passing
// (w.pass = 1 - ρ(1 - φ)) and of paying a bribe (w.paid = ρ φ) by channel,
// from the believed detection ρ and bribe acceptance φ: Beta posteriors
// whose counts are the organization's own plus share_info of everyone
// else's.
func (w *World) loadBeliefs(g int32, p int) {
	o := &w.orgs[g]
	if o.origin[p] < 0 {
		return
	}
	rt := &w.p.Routes
	s := rt.ShareInfo
	f := w.forget
	nEdge := len(w.m.net.edges)
	own := w.beliefs[int(g)*nEdge*beliefStride : (int(g)+1)*nEdge*beliefStride]
	bribery := w.p.Mechanisms.Bribery
	c0, c1 := chDrugs, chDrugs
	if p == people {
		c0, c1 = chPeople, chPapers
	}
	for _, e := range w.m.net.tries[p][o.origin[p]].edges {
		o := own[int(e)*beliefStride : (int(e)+1)*beliefStride : (int(e)+1)*beliefStride]
		pub := w.public[int(e)*beliefStride : (int(e)+1)*beliefStride : (int(e)+1)*beliefStride]
		phi := 0.0
		if bribery {
			a := rt.PriorAccept.Alpha + f*(o[accA]+s*(pub[accA]-o[accA]))
			b := rt.PriorAccept.Beta + f*(o[accB]+s*(pub[accB]-o[accB]))
			phi = a / (a + b)
		}
		for c := c0; c <= c1; c++ {
			a := w.prior[c][0] + f*(o[2*c]+s*(pub[2*c]-o[2*c]))
			b := w.prior[c][1] + f*(o[2*c+1]+s*(pub[2*c+1]-o[2*c+1]))
			rho := a / (a + b)
			w.pass[c][e] = 1 - rho*(1-phi)
			w.paid[c][e] = rho * phi
		}
	}
}

// updatePriors sets each channel's prior on detection. The scenario's prior
// describes a shipment of hiding factor 1; organizations know how much each
// channel hides, so channel c starts from the mean 1 - (1 - m)^hide_c with
// the same strength.
func (w *World) updatePriors() {
	n := w.p.Routes.PriorDetect.Alpha + w.p.Routes.PriorDetect.Beta
	m := w.p.Routes.PriorDetect.Alpha / n
	hide := [nChan]float64{w.p.Detection.HideDrugs, w.p.Detection.HidePeople, w.p.Detection.HidePapers}
	for c := 0; c < nChan; c++ {
		mc := 1 - math.Pow(1-m, hide[c])
		w.prior[c] = [2]float64{n * mc, n * (1 - mc)}
	}
}

// walk fills, for every node of trie t under the beliefs loaded for an
// organization, the believed chance of reaching the end of the node's
// prefix and the expected number of bribes paid on the way, for channel c
// (into surv[0], bribes[0]) and, if both, for the papers channel too
// (surv[1], bribes[1]):
//
//	surv = Π_e (1 - ρ_e (1 - φ_e)),  bribes = Σ_e S_e ρ_e φ_e,
//
// where S_e is the chance of reaching segment e.
func (w *World) walk(t *trie, c int, both bool) {
	if both {
		walk2(t, w.pass[c], w.paid[c], w.pass[chPapers], w.paid[chPapers], w.surv[0], w.bribes[0], w.surv[1], w.bribes[1])
		return
	}
	walk1(t, w.pass[c], w.paid[c], w.surv[0], w.bribes[0])
}

// walk2 is walk1 for two channels in one pass over the trie: the same
// arithmetic, node by node, as two calls of walk1.
func walk2(t *trie, pass0, paid0, pass1, paid1, surv0, bribes0, surv1, bribes1 []float64) {
	n := len(t.edge)
	surv0, bribes0, surv1, bribes1 = surv0[:n], bribes0[:n], surv1[:n], bribes1[:n]
	for i, e := range t.edge {
		s0, b0, s1, b1 := 1.0, 0.0, 1.0, 0.0
		if pa := t.parent[i]; pa >= 0 {
			s0, b0, s1, b1 = surv0[pa], bribes0[pa], surv1[pa], bribes1[pa]
		}
		bribes0[i] = b0 + s0*paid0[e]
		surv0[i] = s0 * pass0[e]
		bribes1[i] = b1 + s1*paid1[e]
		surv1[i] = s1 * pass1[e]
	}
}

func walk1(t *trie, pass, paid, surv, bribes []float64) {
	surv = surv[:len(t.edge)]
	bribes = bribes[:len(t.edge)]
	for i, e := range t.edge {
		s, b := 1.0, 0.0
		if pa := t.parent[i]; pa >= 0 {
			s, b = surv[pa], bribes[pa]
		}
		bribes[i] = b + s*paid[e]
		surv[i] = s * pass[e]
	}
}

// valuer holds the scenario's terms of route value for one evaluation.
type valuer struct {
	theta, offer, minLoad float64
}

// value returns the load f (a share of a full load) an organization sends
// on a route and the expected profit per unit of its market value, given
// the believed chance S of arriving and the expected number n_b of bribes
// paid on the way (from walk), and extra, a cost per unit of value (papers):
//
//	u(f) = S - n_b offer_share - p_o/p_m - extra - K / (f V) - θ P² f
//
// with P = 1 - S the believed chance of losing the load, V the value of a
// full load, K = transport + P (penalty + vehicle) what a trip costs
// whatever it carries, and θ = routes.diversify the aversion to having
// much value exposed on one route: each load's expected loss f V P counts
// against the organization's exposure there (7.3 of docs/ODD.md). Small
// loads spread the exposure but pay the trip's costs more often; the best
// load is f* = sqrt(K / (θ V)) / P, between routes.min_load and 1. With θ
// = 0 the load is always full and u is the plain expected margin.
func (v valuer) value(l *load, surv, bribes, extra float64) (f, u float64) {
	risk := 1 - surv
	kv := l.trip + risk*l.loss // K / V
	pen := v.theta * risk * risk
	f = 1
	// f* < 1 exactly when K / V < θ P²; most routes are safe enough for
	// full loads, and skip the square root.
	if kv < pen {
		f = max(math.Sqrt(kv/v.theta)/risk, v.minLoad)
	}
	// at's formula, written out: calling at would make value too large
	// for the compiler to inline, and route choice 15% slower.
	return f, surv - bribes*v.offer - l.unit - extra - kv/f - pen*f
}

// at returns the value of a load f on a route, as value does for its best
// load.
func (v valuer) at(l *load, surv, bribes, extra, f float64) float64 {
	risk := 1 - surv
	return surv - bribes*v.offer - l.unit - extra - (l.trip+risk*l.loss)/f - v.theta*risk*risk*f
}

// evaluateAlts fills w.alts with the routes open to org g for product p and
// their values u = U / value, and w.best with the largest (at least 0, the
// outside option of staying home); it returns false if there is no route.
// weighAlts then turns them into the weights of a multinomial logit with
// temperature routes.tau. For people, a route
// travels with papers when that is worth more: the shipment goes on the
// papers channel if an immigration official sells them (believed chance
// φ_imm, for people.papers_cost a person) and undocumented otherwise.
func (w *World) evaluateAlts(g int32, p int) bool {
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
	ch := chDrugs
	if p == people {
		ch = chPeople
	}
	papers := p == people && w.p.Mechanisms.Papers && w.m.pool[roleImmigration] >= 0
	phiImm := o.immA / (o.immA + o.immB)
	w.loadBeliefs(g, p)
	w.walk(&w.m.net.tries[p][origin], ch, papers)
	best := 0.0 // the outside option
	if cap(w.alts) < len(routes) {
		w.alts = make([]alt, 0, len(routes))
	}
	alts := w.alts[:len(routes)]
	v := valuer{theta: w.p.Routes.Diversify, offer: w.p.Bribe.OfferShare, minLoad: w.p.Routes.MinLoad}
	surv0, bribes0, surv1, bribes1 := w.surv[0], w.bribes[0], w.surv[1], w.bribes[1]
	for k, ri := range routes {
		l := &w.loads[ri]
		s0, b0 := surv0[l.node], bribes0[l.node]
		f, u := v.value(l, s0, b0, 0)
		// Field by field: a composite literal here is built on the stack
		// and copied, a stall that took a fifth of route choice's time.
		a := &alts[k]
		a.route, a.papers, a.f, a.risk, a.u, a.w = ri, false, f, 1-s0, u, 0
		if papers {
			// With papers bought (chance φ_imm) the load travels on the
			// papers channel; otherwise undocumented, with the same load.
			s1, b1 := surv1[l.node], bribes1[l.node]
			fd, ud := v.value(l, s1, b1, l.papers)
			uu := u
			if fd != f {
				uu = v.at(l, s0, b0, 0, fd)
			}
			if mix := phiImm*ud + (1-phiImm)*uu; mix > u {
				a.papers, a.f, a.risk, a.u = true, fd, phiImm*(1-s1)+(1-phiImm)*(1-s0), mix
			}
		}
		if a.u > best {
			best = a.u
		}
	}
	w.alts = alts
	w.best = best
	return true
}

// expose charges alternative k for a load just sent on it: the route's
// exposure grows by the load's expected loss f V P, and the next load
// there costs 2 θ P² f more per unit of value (the derivative of θ E² / V
// at the new exposure); its weight shrinks by exp(-2 θ P² f / τ).
func (w *World) expose(k int) {
	if th := w.p.Routes.Diversify; th > 0 {
		a := &w.alts[k]
		d := 2 * th * a.risk * a.risk * a.f
		a.u -= d
		old := a.w
		a.w *= exp(-d / w.p.Routes.Tau)
		w.total += a.w - old
	}
}

// weighAlts sets the logit weights of the alternatives that evaluateAlts
// left in w.alts, relative to the best, and their total with the outside
// option's.
func (w *World) weighAlts() {
	best := w.best
	tau := w.p.Routes.Tau
	w.outside = exp(-best / tau)
	w.total = w.outside
	for i := range w.alts {
		// Alternatives e^36 times less likely than the best are never
		// taken in practice (one in 4e15); skipping their exponential
		// saves time.
		w.alts[i].w = 0
		if d := (w.alts[i].u - best) / tau; d > -36 {
			w.alts[i].w = exp(d)
		}
		w.total += w.alts[i].w
	}
}

// pickAlt samples an alternative from w.alts by its weight; -1 is the
// outside option. It inverts the cumulative weights with one number from
// the run's stream, whatever the weights: the arms of krysha compare and
// krysha explain share their streams (common random numbers), and a draw
// that took more numbers when weights were small (rejection sampling,
// which was tried) sends every later draw of the run onto other numbers
// than the baseline's. That halved the variance reduction of the default
// comparison (docs/ODD.md 7.3); TestPickAltTakesOneNumber guards it.
func (w *World) pickAlt() int {
	x := w.r.float() * w.total
	if x < w.outside {
		return -1
	}
	x -= w.outside
	for i := range w.alts {
		if x < w.alts[i].w {
			return i
		}
		x -= w.alts[i].w
	}
	return len(w.alts) - 1
}
