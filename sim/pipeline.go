package sim

import "math"

// openCase registers a case against org g (as it was at generation gen)
// with evidence ε = 1 - (1 - ε0)^training(t), ε0 ~ Beta.
func (w *World) openCase(g int32, gen uint32, p int, testimony bool) {
	ev := w.p.Investigation.Evidence
	e0 := w.r.beta(ev.Alpha, ev.Beta)
	c := kase{
		org: g, gen: gen, product: int8(p), testimony: testimony,
		opened: int32(w.t), evidence: 1 - math.Pow(1-e0, w.training),
	}
	// Closed cases leave their slot to new ones, so that memory follows
	// the cases open, not all the cases of the run.
	var id int32
	if n := len(w.free); n > 0 {
		id = w.free[n-1]
		w.free = w.free[:n-1]
		w.cases[id] = c
	} else {
		id = int32(len(w.cases))
		w.cases = append(w.cases, c)
	}
	w.queue[p] = append(w.queue[p], id)
	if p == people {
		w.rec[CasesOpened]++
	} else {
		w.rec[DrugCasesOpened]++
	}
}

var (
	investigationsOf = [2]Metric{DrugInvestigations, Investigations}
	prosecutionsOf   = [2]Metric{DrugProsecutions, Prosecutions}
	convictionsOf    = [2]Metric{DrugConvictions, Convictions}
)

// investigate serves each queue first in, first out with this month's
// investigator capacity (fractional capacity carries over, up to one
// case), dropping cases that waited longer than investigation.case_limit,
// and passes completed investigations to a prosecutor.
func (w *World) investigate() {
	limit := int32(w.p.Investigation.CaseLimit)
	for p := 0; p < 2; p++ {
		w.credit[p] = math.Min(w.credit[p]+w.capacity[p], w.capacity[p]+1)
		q := w.queue[p]
		h := w.qhead[p]
		if w.p.Mechanisms.CaseExpiry {
			for h < len(q) && int32(w.t)-w.cases[q[h]].opened > limit {
				w.free = append(w.free, q[h])
				h++
				w.rec[CasesExpired]++
			}
		}
		for h < len(q) && w.credit[p] >= 1 {
			id := q[h]
			h++
			w.credit[p]--
			w.rec[investigationsOf[p]]++
			w.prosecute(id)
		}
		// Reclaim the served head of the queue now and then.
		if h > 256 && h > len(q)/2 {
			n := copy(q, q[h:])
			q = q[:n]
			h = 0
		}
		w.queue[p], w.qhead[p] = q, h
	}
}

// prosecute decides what a prosecutor does with a completed investigation:
// drop it for the organization's roof (if the prosecutor is a client of
// the elite that protects it), for a bribe, or for weak evidence under the
// law (ε × legislation < threshold); otherwise send it to trial.
func (w *World) prosecute(id int32) {
	if !w.charge(id) {
		w.free = append(w.free, id)
	}
}

// charge decides the prosecution of case id and reports whether it went
// to trial.
func (w *World) charge(id int32) bool {
	c := &w.cases[id]
	pool := w.m.pool[roleProsecutor]
	pros := w.pick(pool)
	if o := w.owner(c.org, c.gen); o != nil {
		if w.p.Mechanisms.Protection && o.roof >= 0 && w.officials[pros].patron == o.roof {
			w.rec[CasesProtected]++
			return false
		}
		if w.p.Mechanisms.Bribery {
			b := math.Min(w.p.Bribe.CaseOffer, w.p.Bribe.MaxCashShare*o.cash)
			if b > 0 {
				w.rec[BribesOffered]++
				if w.accepts(pros, c.org, b) {
					w.pay(pros, c.org, b)
					w.rec[CasesBribed]++
					return false
				}
			}
		}
	}
	law := w.p.Enforcement.DrugLegislation
	if c.product == people {
		law = w.p.Enforcement.Legislation
	}
	if c.evidence*law < w.p.Investigation.Threshold {
		w.rec[CasesWeak]++
		return false
	}
	w.rec[prosecutionsOf[c.product]]++
	c.due = int32(w.t + w.p.Trial.Delay)
	w.trials = append(w.trials, id)
	return true
}

// tryCases gives a verdict on every case whose trial is due:
//
//	logit P(convict) = c0 + evidence ε + testimony [victim testifies]
//	                 - facilitators ln(1 + f) - judge_corruption [judge bought or protected].
//
// A conviction removes members and confiscates cash, and may reach the
// leadership, which ends the organization.
func (w *World) tryCases() {
	j := 0
	for _, id := range w.trials {
		c := &w.cases[id]
		if c.due > int32(w.t) {
			w.trials[j] = id
			j++
			continue
		}
		w.verdict(id)
		w.free = append(w.free, id)
	}
	w.trials = w.trials[:j]
}

func (w *World) verdict(id int32) {
	c := &w.cases[id]
	tr := &w.p.Trial
	mech := &w.p.Mechanisms
	judge := w.pick(w.m.pool[roleJudge])
	x := tr.C0 + tr.Evidence*c.evidence
	if c.testimony {
		x += tr.Testimony
	}
	o := w.owner(c.org, c.gen)
	if o != nil {
		if mech.Facilitators {
			x -= tr.Facilitators * math.Log1p(float64(o.facilitators))
		}
		bought := mech.Protection && o.roof >= 0 && w.officials[judge].patron == o.roof
		if !bought && mech.Bribery {
			b := math.Min(w.p.Bribe.CaseOffer, w.p.Bribe.MaxCashShare*o.cash)
			if b > 0 {
				w.rec[BribesOffered]++
				if w.accepts(judge, c.org, b) {
					w.pay(judge, c.org, b)
					bought = true
				}
			}
		}
		if bought {
			x -= tr.JudgeCorruption
		}
	}
	if w.r.float()*(1+exp(-x)) >= 1 {
		w.rec[Acquittals]++
		return
	}
	w.rec[convictionsOf[c.product]]++
	if o == nil {
		return
	}
	o.members -= min(int32(tr.Convicted), o.members)
	shield := 1.0
	if mech.Facilitators {
		shield += w.p.Facilitators.Shield * float64(o.facilitators)
	}
	if o.cash > 0 {
		seized := o.cash * tr.SeizeShare / shield
		o.cash -= seized
		w.ledger.State += seized
	}
	if w.r.bernoulli(tr.LeaderShare) {
		w.exit(c.org)
	}
}

// recordStocks writes the end-of-month stocks.
func (w *World) recordStocks() {
	r := &w.rec
	r[Backlog] = float64(len(w.queue[people]) - w.qhead[people])
	r[DrugBacklog] = float64(len(w.queue[drugs]) - w.qhead[drugs])
	r[TrialsPending] = float64(len(w.trials))
	for i := range w.ships {
		if w.ships[i].product == drugs {
			r[DrugsInTransitKg] += w.ships[i].qty
		} else {
			r[PeopleInTransit] += w.ships[i].qty
		}
	}
	for i := range w.orgs {
		o := &w.orgs[i]
		if !o.alive {
			continue
		}
		r[Organizations]++
		if o.people {
			r[OrganizationsInPeople]++
		}
		if o.roof >= 0 {
			r[ProtectionDeals]++
		}
		r[CapitalUSD] += o.cash
		r[StashKg] += o.stash
		r[Facilitators] += float64(o.facilitators)
	}
}
