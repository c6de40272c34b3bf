package sim

import (
	"math"

	"github.com/krysha/krysha/sim/scenario"
)

// roleParams returns the parameters of role r.
func roleParams(p *scenario.Params, r int) *scenario.Role {
	switch r {
	case roleBorderGuard:
		return &p.Officials.BorderGuard
	case rolePolice:
		return &p.Officials.Police
	case roleImmigration:
		return &p.Officials.Immigration
	case roleProsecutor:
		return &p.Officials.Prosecutor
	}
	return &p.Officials.Judge
}

// appoint fills official id's slot with a new person: a clan drawn from
// the post's region, an integrity drawn for the role, and a patron. With
// captured, the dominant elite may place one of its clan's clients.
func (w *World) appoint(id int32, captured bool) {
	o := &w.officials[id]
	po := &w.m.posts[o.post]
	o.lastBribe = never
	o.listed = false
	rp := roleParams(&w.p, int(o.role))
	o.integrity = w.r.beta(rp.Integrity.Alpha, rp.Integrity.Beta)
	o.clan = w.drawClan(int(po.dist))
	o.patron = -1
	pa := &w.p.Patronage
	if captured && w.dominant >= 0 && w.r.bernoulli(pa.ClanCapture*w.elites[w.dominant].influence) {
		o.clan = w.m.eliteClan[w.dominant]
		o.patron = w.dominant
		return
	}
	if es := w.m.elitesOfClan[o.clan]; len(es) > 0 && w.r.bernoulli(pa.InitialClients) {
		o.patron = es[w.r.intn(len(es))]
	}
}

func (w *World) drawClan(dist int) int32 {
	cum := w.m.clanCum[dist]
	x := w.r.float() * cum[len(cum)-1]
	for i, c := range cum {
		if x < c {
			return int32(i)
		}
	}
	return int32(len(cum) - 1)
}

// pick returns a random official of post.
func (w *World) pick(post int32) int32 {
	po := &w.m.posts[post]
	return w.slots[po.first+int32(w.r.intn(int(po.n)))]
}

// accepts decides whether official id takes bribe b from org g:
//
//	logit P = intercept + amount ln(b / salary) + same_clan [same clan]
//	        + patron_deal (1 + loyalty) [patron sells roof to g]
//	        + peers c_post(t-1) - audit A(t) penalty - integrity θ
//	        + bureaucratic extortion.
func (w *World) accepts(id, g int32, b float64) bool {
	if b <= 0 {
		return false
	}
	// P = 1 / (1 + e^-x), drawn without a division.
	return w.r.float()*(1+exp(-w.acceptLogit(id, g, b))) < 1
}

// acceptLogit is the log-odds that official id takes bribe b > 0 from g.
func (w *World) acceptLogit(id, g int32, b float64) float64 {
	o := &w.officials[id]
	gr := &w.orgs[g]
	mech := &w.p.Mechanisms
	br := &w.p.Bribe
	x := br.Intercept + br.Amount*math.Log(b/w.salary[o.role]) - br.Integrity*o.integrity
	if o.clan == gr.clan {
		x += br.SameClan
	}
	if mech.Protection && gr.roof >= 0 && o.patron == gr.roof {
		loyal := 1.0
		if mech.Scare {
			loyal += w.elites[o.patron].loyalty
		}
		x += br.PatronDeal * loyal
	}
	if mech.Contagion {
		x += br.Peers * w.posts[o.post].peer
	}
	if mech.Audits {
		x -= br.Audit * w.audit * br.Penalty
	}
	if mech.Extortion {
		x += w.p.Extortion.Bureaucratic
	}
	return x
}

// pay moves an accepted bribe from org g to official id, and the patron's
// share of it up the patron-client tree.
func (w *World) pay(id, g int32, b float64) {
	o := &w.officials[id]
	w.orgs[g].cash -= b
	w.orgs[g].spent += b
	w.rec[BribesAccepted]++
	w.rec[BribesUSD] += b
	o.lastBribe = int32(w.t)
	if !o.listed {
		o.listed = true
		w.corrupt = append(w.corrupt, id)
	}
	w.posts[o.post].income += b
	kept := b
	if o.patron >= 0 {
		if w.p.Mechanisms.Patronage {
			rent := w.p.Patronage.RentShare * b
			w.elites[o.patron].month += rent
			w.ledger.Elites += rent
			kept -= rent
		}
		w.exposure[int(g)*len(w.elites)+int(o.patron)] += b
	}
	w.ledger.Officials += kept
}

// officialsMonth counts the corrupt, lets audits dismiss some of them and
// sets each post's corrupt share for next month's contagion. Only the
// officials who took a bribe within bribe.corrupt_memory months are
// visited: they are kept in w.corrupt, in the order they first took one.
func (w *World) officialsMonth() {
	for i := range w.posts {
		w.posts[i].corrupt = 0
		w.posts[i].income *= w.p.Patronage.RentMemory
	}
	var corrupt [nRoles]float64
	memory := int32(w.p.Bribe.CorruptMemory)
	now := int32(w.t)
	shield := w.p.Patronage.Shield
	if !w.p.Mechanisms.Patronage {
		shield = 0
	}
	kept := w.corrupt[:0]
	for _, id := range w.corrupt {
		o := &w.officials[id]
		if now-o.lastBribe >= memory {
			o.listed = false
			continue
		}
		if w.audit > 0 {
			pa := w.audit
			if o.patron >= 0 {
				pa *= 1 - shield
			}
			if w.r.float() < pa {
				w.rec[Dismissals]++
				w.appoint(id, true)
				continue
			}
		}
		w.posts[o.post].corrupt++
		corrupt[o.role]++
		kept = append(kept, id)
	}
	w.corrupt = kept
	for i := range w.posts {
		w.posts[i].peer = float64(w.posts[i].corrupt) / float64(w.m.posts[i].n)
	}
	for r := 0; r < nRoles; r++ {
		share := 0.0
		if n := w.m.roleCount[r]; n > 0 {
			share = corrupt[r] / float64(n)
		}
		w.rec[CorruptShareBorderGuard+Metric(r)] = share
	}
}

// elitesMonth books the month's rents and updates influence.
func (w *World) elitesMonth() {
	m := w.p.Patronage.RentMemory
	for e := range w.elites {
		el := &w.elites[e]
		el.rents = el.rents*m + el.month
		el.month = 0
		el.loyalty *= m
	}
	w.updateInfluence()
}

// updateInfluence sets influence_e = R_e^gamma / Σ R^gamma and the
// dominant elite (ties to the lower index).
func (w *World) updateInfluence() {
	w.dominant = -1
	if len(w.elites) == 0 {
		return
	}
	gamma := w.p.Patronage.Gamma
	total := 0.0
	for e := range w.elites {
		w.elites[e].influence = math.Pow(w.elites[e].rents+1, gamma)
		total += w.elites[e].influence
	}
	for e := range w.elites {
		w.elites[e].influence /= total
		if w.dominant < 0 || w.elites[e].influence > w.elites[w.dominant].influence {
			w.dominant = int32(e)
		}
	}
	w.rec[DominantInfluence] = w.elites[w.dominant].influence
}
