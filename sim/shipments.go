package sim

import "math"

// launch loads each organization's free vehicles. An organization's share
// of an origin's monthly supply is its share of the vehicles sourcing
// there; each vehicle takes a route (or stays home) by the logit of
// evaluateAlts and weighAlts, drugs first, then people with the vehicles left.
func (w *World) launch() {
	for p := 0; p < 2; p++ {
		clear(w.vehicles[p])
	}
	for i := range w.orgs {
		o := &w.orgs[i]
		if !o.alive {
			continue
		}
		for p := 0; p < 2; p++ {
			if o.has(p) && o.origin[p] >= 0 {
				w.vehicles[p][o.origin[p]] += float64(o.vehicles)
			}
		}
	}
	sc := w.m.sc
	for i := range w.orgs {
		o := &w.orgs[i]
		if !o.alive {
			continue
		}
		g := int32(i)
		avail := o.vehicles - o.busy
		for p := 0; p < 2 && avail > 0; p++ {
			if !o.has(p) || o.origin[p] < 0 {
				continue
			}
			node := &sc.Nodes[o.origin[p]]
			allot := supplyOf(node, p) * float64(o.vehicles) / w.vehicles[p][o.origin[p]]
			if allot < 1 {
				continue
			}
			if !w.evaluateAlts(g, p) {
				continue
			}
			w.weighAlts()
			price := priceOf(node, p)
			for avail > 0 && allot >= 1 {
				k := w.pickAlt()
				if k < 0 {
					break
				}
				a := &w.alts[k]
				q := math.Min(a.f*w.loads[a.route].q, allot)
				if price > 0 && q*price > o.cash {
					q = o.cash / price
				}
				if p == people {
					q = math.Floor(q)
				}
				if q < 1 {
					break
				}
				w.ship(g, p, a, q, price)
				w.expose(k)
				avail--
				allot -= q
			}
		}
		o.idleLast = avail
	}
}

func (o *org) has(p int) bool {
	if p == drugs {
		return o.drugs
	}
	return o.people
}

// ship puts a vehicle of org g on the road with q units of product p,
// buying travel documents first if the alternative says so.
func (w *World) ship(g int32, p int, a *alt, q, price float64) {
	o := &w.orgs[g]
	ch := int8(chDrugs)
	if p == people {
		ch = chPeople
		if a.papers {
			w.rec[BribesOffered]++
			id := w.pick(w.m.pool[roleImmigration])
			b := math.Min(w.p.People.PapersCost*q, w.p.Bribe.MaxCashShare*o.cash)
			if w.accepts(id, g, b) {
				w.pay(id, g, b)
				w.rec[PapersBought]++
				ch = chPapers
				if w.p.Mechanisms.Learning {
					o.immA++
				}
			} else if w.p.Mechanisms.Learning {
				o.immB++
			}
		}
	}
	cost := q * price
	t := &w.p.Transport
	r := &w.m.net.all[a.route]
	transport := t.CostKm*r.km + t.CostDay*r.days
	o.cash -= cost + transport
	o.spent += cost + transport
	w.ledger.Out += cost + transport
	o.busy++
	w.routed[a.route]++
	if p == drugs {
		w.rec[ShipmentsDrugs]++
		w.rec[DrugsShippedKg] += q
	} else {
		w.rec[ShipmentsPeople]++
		w.rec[VictimsTrafficked] += q
	}
	w.ships = append(w.ships, shipment{
		org: g, gen: o.gen, product: int8(p), channel: ch, route: a.route,
		qty: q, value: w.loads[a.route].value * q / w.loads[a.route].q, cost: cost,
	})
}

// owner returns the organization of a shipment or case if it still
// exists, or nil.
func (w *World) owner(g int32, gen uint32) *org {
	o := &w.orgs[g]
	if o.alive && o.gen == gen {
		return o
	}
	return nil
}

// advance moves every shipment on the road through the segments it
// reaches this month, and delivers those that arrive.
func (w *World) advance() {
	j := 0
	for i := range w.ships {
		if !w.move(&w.ships[i]) {
			w.ships[j] = w.ships[i]
			j++
		}
	}
	w.ships = w.ships[:j]
}

// move returns true when the shipment's journey ended this month.
func (w *World) move(s *shipment) bool {
	r := &w.m.net.all[s.route]
	horizon := float64(s.age+1) * daysPerMonth
	for int(s.seg) < len(r.edges) && r.start[s.seg] < horizon {
		if !w.cross(s, r.edges[s.seg]) {
			return true
		}
		s.seg++
	}
	if int(s.seg) == len(r.edges) && r.days < horizon {
		w.deliver(s)
		return true
	}
	s.age++
	return false
}

// cross takes shipment s over segment e: detection by the hazard of the
// segment and channel, then a bribe offer to the official who stopped it.
// It returns false if the shipment was intercepted.
func (w *World) cross(s *shipment, e int32) bool {
	o := w.owner(s.org, s.gen)
	ch := int(s.channel)
	st := &w.seg[2*int(e)+int(s.product)]
	st.Shipments++
	st.Units += s.qty
	ed := &w.m.net.edges[e]
	if !ed.foreign {
		w.intel[e] += s.value // what mobile interdiction learns of the traffic
	}
	if w.r.float() >= w.pDet[e][ch] {
		if o != nil {
			w.learn(s.org, e, 2*ch+1)
		}
		return true
	}
	st.Detections++
	if o != nil {
		w.learn(s.org, e, 2*ch)
	}
	if w.closed[e] && o != nil {
		w.learn(s.org, e, accB) // no bribe gets through a closed segment
	}
	if ed.foreign {
		if w.crossAbroad(s, e, o) {
			st.Bribes++
			return true
		}
		st.Seized += s.qty
		return false
	}
	w.rec[Detections]++
	id := w.pick(ed.post)
	if o != nil && w.p.Mechanisms.Bribery && !w.closed[e] {
		b := math.Min(w.p.Bribe.OfferShare*s.value, w.p.Bribe.MaxCashShare*o.cash)
		if b > 0 {
			w.rec[BribesOffered]++
			if w.accepts(id, s.org, b) {
				w.pay(id, s.org, b)
				w.learn(s.org, e, accA)
				st.Bribes++
				return true
			}
			w.learn(s.org, e, accB)
		}
	}
	st.Seized += s.qty
	w.intercept(s, id)
	return false
}

// crossAbroad settles a detection by foreign forces: the bribe offered is
// taken with probability foreign.accept (the money leaves the model);
// otherwise cargo and vehicle are lost abroad, with no case at home.
func (w *World) crossAbroad(s *shipment, e int32, o *org) bool {
	if o != nil && w.p.Mechanisms.Bribery && !w.closed[e] {
		b := math.Min(w.p.Bribe.OfferShare*s.value, w.p.Bribe.MaxCashShare*o.cash)
		if b > 0 && w.r.bernoulli(w.p.Foreign.Accept) {
			o.cash -= b
			o.spent += b
			w.ledger.Out += b
			w.learn(s.org, e, accA)
			return true
		}
		w.learn(s.org, e, accB)
	}
	if s.product == drugs {
		w.rec[SeizuresAbroadKg] += s.qty
	} else {
		w.rec[PeopleInterceptedAbroad] += s.qty
	}
	if o != nil {
		o.busy--
		o.vehicles--
		o.members -= min(int32(w.p.Organizations.Arrests), o.members)
	}
	return false
}

// intercept seizes the cargo, arrests members and opens a case; people
// are screened and some identified as victims, who may testify.
func (w *World) intercept(s *shipment, id int32) {
	testimony := false
	if s.product == drugs {
		w.rec[DrugSeizuresKg] += s.qty
	} else {
		w.rec[PeopleIntercepted] += s.qty
		found := w.r.binomial(int(s.qty), w.identify)
		testify := w.r.binomial(found, w.testify)
		w.rec[VictimsIdentified] += float64(found)
		w.rec[VictimsTestifying] += float64(testify)
		testimony = testify > 0
	}
	if o := w.owner(s.org, s.gen); o != nil {
		o.busy--
		o.vehicles--
		penalty := w.p.Drugs.Penalty
		if s.product == people {
			penalty = w.p.People.Penalty
		}
		o.cash -= penalty
		o.spent += penalty
		w.ledger.Out += penalty
		if p := w.officials[id].patron; p >= 0 {
			w.exposure[int(s.org)*len(w.elites)+int(p)] += s.cost + penalty + w.p.Transport.VehicleCost
		}
		w.arrest(o)
	}
	// The law decides whether people found on the road are a trafficking
	// case or a migration offence: registered with probability
	// min(1, enforcement.legislation).
	if s.product == people && !w.r.bernoulli(w.p.Enforcement.Legislation) {
		w.rec[MigrationOffences]++
		return
	}
	w.openCase(s.org, s.gen, int(s.product), testimony)
}

func (w *World) arrest(o *org) {
	a := min(int32(w.p.Organizations.Arrests), o.members)
	o.members -= a
	w.rec[Arrests] += float64(a)
}

// deliver ends a journey at its market: drugs for the domestic market go
// into the stash, the rest is sold.
func (w *World) deliver(s *shipment) {
	o := w.owner(s.org, s.gen)
	if o != nil {
		o.busy--
	}
	market := w.m.net.all[s.route].market
	if s.product == drugs {
		w.rec[DrugsMovedKg] += s.qty
		if w.p.Mechanisms.Stash && market == w.m.net.stash {
			w.rec[StashInKg] += s.qty
			if o != nil {
				o.stash += s.qty
			} else {
				w.rec[StashLostKg] += s.qty
			}
			return
		}
	} else {
		w.rec[PeopleMoved] += s.qty
	}
	if o != nil {
		w.earn(o, s.value)
	}
}

// earn books revenue, less the criminal racket's share.
func (w *World) earn(o *org, revenue float64) {
	racket := 0.0
	if w.p.Mechanisms.Extortion {
		racket = w.p.Extortion.Criminal * revenue
	}
	o.cash += revenue - racket
	w.ledger.In += revenue
	w.ledger.Out += racket
	o.spent += racket
}

// sellStash sells a share of each stockpile and lets the police raid the
// visible ones (mechanism 5): a raid comes with probability
// 1 - exp(-raid (stock / stock_ref)^eta × training).
func (w *World) sellStash() {
	n := w.m.net.stash
	if n < 0 {
		return
	}
	st := &w.p.Stash
	price := w.marketPrice(n, drugs)
	police := w.m.pool[rolePolice]
	for i := range w.orgs {
		o := &w.orgs[i]
		if !o.alive || o.stash <= 0 {
			continue
		}
		sold := o.stash
		if w.p.Mechanisms.Stash {
			sold *= st.BreakdownRate
		}
		o.stash -= sold
		w.rec[StashSoldKg] += sold
		w.earn(o, sold*price)
		if o.stash <= 0 || police < 0 {
			continue
		}
		pr := 1 - math.Exp(-st.Raid*math.Pow(o.stash/st.StockRef, st.Eta)*w.training)
		if w.r.float() >= pr {
			continue
		}
		w.rec[Raids]++
		g := int32(i)
		id := w.pick(police)
		if w.p.Mechanisms.Bribery {
			b := math.Min(w.p.Bribe.OfferShare*o.stash*price, w.p.Bribe.MaxCashShare*o.cash)
			if b > 0 {
				w.rec[BribesOffered]++
				if w.accepts(id, g, b) {
					w.pay(id, g, b)
					continue
				}
			}
		}
		w.rec[DrugSeizuresKg] += o.stash
		w.rec[StashSeizedKg] += o.stash
		o.stash = 0
		w.arrest(o)
		w.openCase(g, o.gen, drugs, false)
	}
}
