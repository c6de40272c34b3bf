package sim

import "math"

// found starts organization oi in slot g.
func (w *World) found(g int32, oi orgInit) {
	o := &w.orgs[g]
	*o = org{
		alive: true, gen: o.gen + 1, clan: oi.clan, base: oi.base,
		drugs: oi.drugs, people: oi.people, cash: oi.capital,
		vehicles: oi.vehicles, members: oi.members, founding: oi.members,
		facilitators: oi.facilitators, roof: oi.roof,
		immA: w.p.Routes.PriorAccept.Alpha, immB: w.p.Routes.PriorAccept.Beta,
	}
	if !w.p.Mechanisms.Facilitators {
		o.facilitators = 0
	}
	for p := 0; p < 2; p++ {
		o.origin[p] = w.m.net.nearest[p][oi.base]
	}
	stride := len(w.m.net.edges) * beliefStride
	clear(w.beliefs[int(g)*stride : (int(g)+1)*stride])
	ne := len(w.elites)
	clear(w.exposure[int(g)*ne : (int(g)+1)*ne])
}

// enter founds new organizations, Poisson(entry_rate) a month, in free
// slots. A newcomer is in human trafficking with probability entry_people
// and otherwise in drugs; it starts at an origin of its product drawn by
// supply and with a clan drawn by weight.
func (w *World) enter() {
	if !w.p.Mechanisms.Entry {
		return
	}
	op := &w.p.Organizations
	n := w.r.poisson(op.EntryRate)
	for k := 0; k < n; k++ {
		g := int32(-1)
		for i := range w.orgs {
			if !w.orgs[i].alive {
				g = int32(i)
				break
			}
		}
		if g < 0 {
			return
		}
		p := drugs
		if w.r.bernoulli(op.EntryPeople) {
			p = people
		}
		if len(w.m.net.origins[p]) == 0 {
			p = 1 - p
		}
		base := w.drawOrigin(p)
		w.found(g, orgInit{
			clan: w.drawClan(0), base: base, drugs: p == drugs, people: p == people,
			capital: op.EntryCapital, vehicles: int32(op.EntryVehicles),
			members: int32(op.EntryMembers), roof: -1,
		})
		w.ledger.In += op.EntryCapital
		w.rec[OrganizationsEntered]++
	}
}

func (w *World) drawOrigin(p int) int32 {
	sup := w.m.net.originSupply[p]
	total := 0.0
	for _, s := range sup {
		total += s
	}
	x := w.r.float() * total
	for i, s := range sup {
		if x < s {
			return w.m.net.origins[p][i]
		}
		x -= s
	}
	return w.m.net.origins[p][len(sup)-1]
}

// decide makes each organization's monthly business decisions: protection
// (yearly, on its anniversary), moving into human trafficking, facilitators
// and vehicles.
func (w *World) decide() {
	mech := &w.p.Mechanisms
	for i := range w.orgs {
		o := &w.orgs[i]
		if !o.alive {
			continue
		}
		g := int32(i)
		if mech.Protection && len(w.elites) > 0 && o.age%12 == 11 {
			w.chooseRoof(g)
		}
		if mech.Diversification && o.drugs && !o.people && o.origin[people] >= 0 && o.idle >= 1 {
			w.considerPeople(g)
		}
		if mech.Facilitators {
			target := int32(math.Max(0, math.Min(float64(w.p.Facilitators.Max), math.Floor(o.cash/w.p.Facilitators.CashPer))))
			if o.facilitators < target {
				o.facilitators++
			} else if o.facilitators > target {
				o.facilitators--
			}
		}
		op := &w.p.Organizations
		cost := w.p.Transport.VehicleCost
		if o.idleLast == 0 && int(o.vehicles) < op.MaxVehicles && o.cash > cost+op.ReserveMonths*o.costs {
			o.cash -= cost
			w.ledger.Out += cost
			o.vehicles++
		}
	}
}

// chooseRoof buys protection from the elite whose clients cost the
// organization most, if the expected saving exceeds the fee, and drops it
// otherwise. Exposure is a smoothed sum, so (1 - rent_memory) × exposure is
// a monthly mean.
func (w *World) chooseRoof(g int32) {
	pa := &w.p.Patronage
	ne := len(w.elites)
	row := w.exposure[int(g)*ne : (int(g)+1)*ne]
	best, bestSaving := int32(-1), 0.0
	for e, x := range row {
		if s := pa.RoofSaving * x * (1 - pa.RentMemory); s > bestSaving {
			best, bestSaving = int32(e), s
		}
	}
	if bestSaving > pa.RoofFee {
		w.orgs[g].roof = best
	} else {
		w.orgs[g].roof = -1
	}
}

// considerPeople moves a drug organization with idle vehicles into human
// trafficking when horizon × expected monthly margin of its idle vehicles
// exceeds the entry cost less the scope discount for owned logistics.
func (w *World) considerPeople(g int32) {
	o := &w.orgs[g]
	pp := &w.p.People
	cost := pp.EntryCost * (1 - pp.ScopeDiscount)
	if o.cash < cost {
		return
	}
	if !w.evaluateAlts(g, people) {
		return
	}
	best := 0.0
	for i := range w.alts {
		a := &w.alts[i]
		best = math.Max(best, a.u*a.f*w.loads[a.route].value)
	}
	if pp.Horizon*o.idle*best > cost {
		o.people = true
		o.cash -= cost
		w.ledger.Out += cost
	}
}

// orgsMonth charges fees, smooths the organizations' memories, recruits
// members and ends the organizations that failed.
func (w *World) orgsMonth() {
	mech := &w.p.Mechanisms
	op := &w.p.Organizations
	ne := len(w.elites)
	for i := range w.orgs {
		o := &w.orgs[i]
		if !o.alive {
			continue
		}
		if wages := float64(o.members) * op.Wage; wages > 0 {
			o.cash -= wages
			o.spent += wages
			w.ledger.Out += wages
		}
		if mech.Facilitators && o.facilitators > 0 {
			fee := float64(o.facilitators) * w.p.Facilitators.Fee
			o.cash -= fee
			o.spent += fee
			w.ledger.Out += fee
		}
		if o.roof >= 0 {
			if mech.Protection {
				fee := w.p.Patronage.RoofFee
				o.cash -= fee
				o.spent += fee
				w.elites[o.roof].month += fee
				w.ledger.Elites += fee
			} else {
				o.roof = -1
			}
		}
		// A year's mean of outflows and idle vehicles.
		o.costs += (o.spent - o.costs) / 12
		if surplus := o.cash - op.ReserveMonths*o.costs; surplus > 0 {
			out := op.Payout * surplus
			o.cash -= out
			w.ledger.Out += out
		}
		o.spent = 0
		o.idle += (float64(o.idleLast) - o.idle) / 12
		row := w.exposure[i*ne : (i+1)*ne]
		for e := range row {
			row[e] *= w.p.Patronage.RentMemory
		}
		if o.cash < 0 {
			o.negMonths++
		} else {
			o.negMonths = 0
		}
		if int(o.negMonths) >= op.ExitMonths || o.members <= 0 {
			w.exit(int32(i))
			continue
		}
		if d := o.founding - o.members; d > 0 {
			o.members += int32(w.r.binomial(int(d), op.Recruit))
		}
		o.age++
	}
}

// exit ends organization g; its shipments on the road are delivered to no
// one and its cases go on.
func (w *World) exit(g int32) {
	o := &w.orgs[g]
	o.alive = false
	o.roof = -1
	w.ledger.Exited += o.cash
	w.rec[StashLostKg] += o.stash
	o.stash = 0
	w.rec[OrganizationsExited]++
}

// investigateFinances removes facilitators by financial investigation.
func (w *World) investigateFinances() {
	if w.finHazard <= 0 {
		return
	}
	for i := range w.orgs {
		o := &w.orgs[i]
		if o.alive && o.facilitators > 0 {
			k := int32(w.r.binomial(int(o.facilitators), w.finHazard))
			o.facilitators -= k
			w.rec[FacilitatorsRemoved] += float64(k)
		}
	}
}
