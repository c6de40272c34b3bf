package sim

import "math"

// updateEnforcement turns this month's levers into the quantities the
// mechanisms use: detection hazards, salaries, audit risk, victim services,
// investigator capacity. It runs once a month, before anyone acts.
func (w *World) updateEnforcement() {
	p := &w.p
	mech := &p.Mechanisms
	e := &p.Enforcement
	month := e.Budget * e.BudgetScale / 12
	spend := func(share float64) float64 { return month * share }
	w.rec[BudgetSpentUSD] = month * (e.ShareInvestigation + e.ShareTraining + e.ShareCoordination +
		e.ShareAudits + e.ShareVictimServices + e.ShareSalaries + e.ShareFinancial)

	// Training is a stock of past spending that depreciates.
	w.trainingStock = w.trainingStock*(1-p.Training.Depreciation) + spend(e.ShareTraining)
	w.training = 1
	if mech.Training {
		w.training = 1 + p.Training.Kappa*(1-math.Exp(-w.trainingStock/p.Training.Scale))
	}
	w.coordination = 1
	if mech.Coordination {
		w.coordination = 1 + p.Coordination.Kappa*(1-math.Exp(-spend(e.ShareCoordination)/p.Coordination.Scale))
	}
	w.audit = 0
	if mech.Audits {
		w.audit = p.Audits.Max * (1 - math.Exp(-spend(e.ShareAudits)/p.Audits.Scale))
	}
	s := 0.0
	if mech.VictimServices {
		s = 1 - math.Exp(-spend(e.ShareVictimServices)/p.Victims.Scale)
	}
	v := &p.Victims
	w.identify = v.IdentifyBase + (v.IdentifyMax-v.IdentifyBase)*s
	w.testify = v.TestifyBase + (v.TestifyMax-v.TestifyBase)*s
	w.finHazard = 0
	if mech.Facilitators {
		w.finHazard = p.Facilitators.Kappa * (1 - math.Exp(-spend(e.ShareFinancial)/p.Facilitators.Scale))
	}

	// Investigators in post move towards those the budget pays for, and
	// work trafficking and drug cases in the set shares.
	target := spend(e.ShareInvestigation) / p.Investigation.InvestigatorCost
	if w.t == 0 {
		w.investigators = target
	} else {
		w.investigators += (target - w.investigators) * p.Investigation.Hiring
	}
	cases := w.investigators * p.Investigation.CasesPerInvestigator
	w.capacity[people] = cases * e.TraffickingShare
	w.capacity[drugs] = cases * (1 - e.TraffickingShare)

	// The salary share of the budget raises every salary in proportion.
	payroll := 0.0
	for r := 0; r < nRoles; r++ {
		payroll += float64(w.m.roleCount[r]) * roleParams(p, r).Salary
	}
	raise := 0.0
	if payroll > 0 {
		raise = spend(e.ShareSalaries) / payroll
	}
	for r := 0; r < nRoles; r++ {
		w.salary[r] = roleParams(p, r).Salary * (1 + raise)
	}

	hide := [nChan]float64{p.Detection.HideDrugs, p.Detection.HidePeople, p.Detection.HidePapers}
	w.updateTargeting()
	for i := range w.m.net.edges {
		ed := &w.m.net.edges[i]
		if w.closed[i] {
			w.pDet[i] = [nChan]float64{1, 1, 1}
			continue
		}
		h := w.detect[i] * ed.traffic * p.Detection.Scale * w.training * w.target[i]
		switch {
		case ed.foreign:
			h = w.detect[i] * ed.traffic * p.Foreign.DetectScale
		case ed.cross:
			h *= w.coordination
		}
		for c := 0; c < nChan; c++ {
			w.pDet[i][c] = 1 - math.Exp(-h*hide[c])
		}
	}
}

// updateTargeting adds mobile interdiction effort on the domestic segments
// where traffic was seen (mechanism targeting): the multiplier of segment
// e is 1 + a n s_e, with s_e its share of the smoothed value that crossed
// the n domestic segments. Without intelligence yet, it is 1.
func (w *World) updateTargeting() {
	d := &w.p.Detection
	total := 0.0
	n := 0
	for i := range w.intel {
		w.intel[i] *= d.IntelMemory
		total += w.intel[i]
		if !w.m.net.edges[i].foreign {
			n++
		}
	}
	a := d.Targeting
	if !w.p.Mechanisms.Targeting || total == 0 {
		a = 0
	}
	for i := range w.target {
		w.target[i] = 1
		if a > 0 && !w.m.net.edges[i].foreign {
			w.target[i] = 1 + a*float64(n)*w.intel[i]/total
		}
	}
}
