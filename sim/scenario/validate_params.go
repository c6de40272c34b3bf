package scenario

// validateParams checks the range of every parameter. The ranges are those
// documented on the fields; keys are prefixed with prefix.
func validateParams(c *checker, prefix string, p *Params) {
	k := func(s string) string { return prefix + s }

	r := &p.Routes
	c.in(k("routes.tau"), r.Tau, 1e-6, 10)
	c.intIn(k("routes.paths"), r.Paths, 1, MaxPaths)
	c.intIn(k("routes.max_hops"), r.MaxHops, 1, MaxHops)
	c.in(k("routes.memory"), r.Memory, 1e-9, 1)
	c.prob(k("routes.share_info"), r.ShareInfo)
	c.beta(k("routes.prior_detect"), r.PriorDetect)
	c.beta(k("routes.prior_accept"), r.PriorAccept)
	c.in(k("routes.diversify"), r.Diversify, 0, 1000)
	c.in(k("routes.min_load"), r.MinLoad, 1e-3, 1)

	t := &p.Transport
	c.positive(k("transport.speed_road"), t.SpeedRoad)
	c.positive(k("transport.speed_rail"), t.SpeedRail)
	c.positive(k("transport.speed_air"), t.SpeedAir)
	c.positive(k("transport.speed_track"), t.SpeedTrack)
	c.nonneg(k("transport.cost_km"), t.CostKm)
	c.nonneg(k("transport.cost_day"), t.CostDay)
	c.nonneg(k("transport.traffic_low_detect"), t.TrafficLowDetect)
	c.nonneg(k("transport.traffic_high_detect"), t.TrafficHighDetect)
	c.positive(k("transport.traffic_low_speed"), t.TrafficLowSpeed)
	c.in(k("transport.fuel_capacity"), t.FuelCapacity, 1, 100)
	c.nonneg(k("transport.vehicle_cost"), t.VehicleCost)

	d := &p.Detection
	c.in(k("detection.scale"), d.Scale, 0, 100)
	c.in(k("detection.hide_drugs"), d.HideDrugs, 0, 100)
	c.in(k("detection.hide_people"), d.HidePeople, 0, 100)
	c.in(k("detection.hide_papers"), d.HidePapers, 0, 100)
	c.in(k("detection.targeting"), d.Targeting, 0, 100)
	c.in(k("detection.intel_memory"), d.IntelMemory, 1e-9, 1)

	c.in(k("drugs.cargo"), p.Drugs.Cargo, 1e-3, 1e6)
	c.nonneg(k("drugs.penalty"), p.Drugs.Penalty)
	c.in(k("drugs.price_scale"), p.Drugs.PriceScale, 1e-3, 1000)
	c.in(k("people.price_scale"), p.People.PriceScale, 1e-3, 1000)
	pp := &p.People
	c.in(k("people.cargo"), pp.Cargo, 1, 1000)
	c.nonneg(k("people.penalty"), pp.Penalty)
	c.nonneg(k("people.papers_cost"), pp.PapersCost)
	c.nonneg(k("people.entry_cost"), pp.EntryCost)
	c.in(k("people.scope_discount"), pp.ScopeDiscount, 0, 0.999)
	c.in(k("people.horizon"), pp.Horizon, 0, 1200)

	b := &p.Bribe
	for _, x := range []struct {
		name string
		v    float64
	}{
		{"intercept", b.Intercept}, {"amount", b.Amount}, {"same_clan", b.SameClan},
		{"patron_deal", b.PatronDeal}, {"peers", b.Peers}, {"audit", b.Audit},
		{"penalty", b.Penalty}, {"integrity", b.Integrity},
	} {
		c.in(k("bribe."+x.name), x.v, -100, 100)
	}
	c.in(k("bribe.offer_share"), b.OfferShare, 1e-9, 1)
	c.prob(k("bribe.max_cash_share"), b.MaxCashShare)
	c.nonneg(k("bribe.case_offer"), b.CaseOffer)
	c.intIn(k("bribe.corrupt_memory"), b.CorruptMemory, 1, 240)

	pa := &p.Patronage
	c.prob(k("patronage.clan_capture"), pa.ClanCapture)
	c.intIn(k("patronage.rotation_months"), pa.RotationMonths, 0, MaxMonths)
	c.prob(k("patronage.lucrative_share"), pa.LucrativeShare)
	c.in(k("patronage.gamma"), pa.Gamma, 1e-3, 10)
	c.prob(k("patronage.rent_share"), pa.RentShare)
	c.in(k("patronage.rent_memory"), pa.RentMemory, 1e-9, 1)
	c.nonneg(k("patronage.roof_fee"), pa.RoofFee)
	c.prob(k("patronage.roof_saving"), pa.RoofSaving)
	c.prob(k("patronage.shield"), pa.Shield)
	c.in(k("patronage.scare"), pa.Scare, 0, 100)
	c.prob(k("patronage.initial_clients"), pa.InitialClients)

	o := &p.Organizations
	c.intIn(k("organizations.max"), o.Max, 1, MaxOrganizations)
	c.in(k("organizations.entry_rate"), o.EntryRate, 0, 100)
	c.nonneg(k("organizations.entry_capital"), o.EntryCapital)
	c.intIn(k("organizations.entry_vehicles"), o.EntryVehicles, 1, max(1, o.MaxVehicles))
	c.intIn(k("organizations.entry_members"), o.EntryMembers, 1, 1_000_000)
	c.prob(k("organizations.entry_people"), o.EntryPeople)
	c.intIn(k("organizations.exit_months"), o.ExitMonths, 1, MaxMonths)
	c.intIn(k("organizations.max_vehicles"), o.MaxVehicles, 1, 100_000)
	c.in(k("organizations.reserve_months"), o.ReserveMonths, 0, 1200)
	c.intIn(k("organizations.arrests"), o.Arrests, 0, 1000)
	c.prob(k("organizations.recruit"), o.Recruit)
	c.nonneg(k("organizations.wage"), o.Wage)
	c.prob(k("organizations.payout"), o.Payout)

	for i, role := range p.Officials.Roles() {
		rk := k("officials." + RoleNames[i])
		c.intIn(rk+".count", role.Count, 0, MaxOfficials)
		c.in(rk+".salary", role.Salary, 1e-3, 1e7)
		c.beta(rk+".integrity", role.Integrity)
	}

	e := &p.Enforcement
	c.nonneg(k("enforcement.budget"), e.Budget)
	c.in(k("enforcement.budget_scale"), e.BudgetScale, 0, 1000)
	c.in(k("enforcement.legislation"), e.Legislation, 0, 2)
	c.in(k("enforcement.drug_legislation"), e.DrugLegislation, 0, 2)
	shares := []struct {
		name string
		v    float64
	}{
		{"share_investigation", e.ShareInvestigation}, {"share_training", e.ShareTraining},
		{"share_coordination", e.ShareCoordination}, {"share_audits", e.ShareAudits},
		{"share_victim_services", e.ShareVictimServices}, {"share_salaries", e.ShareSalaries},
		{"share_financial", e.ShareFinancial},
	}
	sum := 0.0
	for _, s := range shares {
		c.prob(k("enforcement."+s.name), s.v)
		sum += s.v
	}
	if sum > 1+1e-9 {
		c.addf(k("enforcement"), "budget shares sum to %g; they must sum to at most 1", sum)
	}
	c.prob(k("enforcement.trafficking_share"), e.TraffickingShare)

	iv := &p.Investigation
	c.positive(k("investigation.investigator_cost"), iv.InvestigatorCost)
	c.in(k("investigation.cases_per_investigator"), iv.CasesPerInvestigator, 0, 1000)
	c.in(k("investigation.hiring"), iv.Hiring, 1e-6, 1)
	c.intIn(k("investigation.case_limit"), iv.CaseLimit, 1, MaxMonths)
	c.in(k("investigation.threshold"), iv.Threshold, 0, 2)
	c.beta(k("investigation.evidence"), iv.Evidence)

	tr := &p.Trial
	c.intIn(k("trial.delay"), tr.Delay, 0, 120)
	for _, x := range []struct {
		name string
		v    float64
	}{
		{"c0", tr.C0}, {"evidence", tr.Evidence}, {"testimony", tr.Testimony},
		{"facilitators", tr.Facilitators}, {"judge_corruption", tr.JudgeCorruption},
	} {
		c.in(k("trial."+x.name), x.v, -100, 100)
	}
	c.prob(k("trial.seize_share"), tr.SeizeShare)
	c.intIn(k("trial.convicted"), tr.Convicted, 0, 1000)
	c.prob(k("trial.leader_share"), tr.LeaderShare)

	c.in(k("training.kappa"), p.Training.Kappa, 0, 100)
	c.positive(k("training.scale"), p.Training.Scale)
	c.prob(k("training.depreciation"), p.Training.Depreciation)
	c.in(k("coordination.kappa"), p.Coordination.Kappa, 0, 100)
	c.positive(k("coordination.scale"), p.Coordination.Scale)
	c.prob(k("audits.max"), p.Audits.Max)
	c.positive(k("audits.scale"), p.Audits.Scale)

	v := &p.Victims
	c.prob(k("victims.identify_base"), v.IdentifyBase)
	c.prob(k("victims.identify_max"), v.IdentifyMax)
	c.prob(k("victims.testify_base"), v.TestifyBase)
	c.prob(k("victims.testify_max"), v.TestifyMax)
	c.positive(k("victims.scale"), v.Scale)

	f := &p.Facilitators
	c.positive(k("facilitators.cash_per"), f.CashPer)
	c.intIn(k("facilitators.max"), f.Max, 0, 1000)
	c.nonneg(k("facilitators.fee"), f.Fee)
	c.in(k("facilitators.shield"), f.Shield, 0, 100)
	c.prob(k("facilitators.kappa"), f.Kappa)
	c.positive(k("facilitators.scale"), f.Scale)

	st := &p.Stash
	c.prob(k("stash.breakdown_rate"), st.BreakdownRate)
	c.in(k("stash.raid"), st.Raid, 0, 100)
	c.in(k("stash.eta"), st.Eta, 0, 10)
	c.positive(k("stash.stock_ref"), st.StockRef)

	c.prob(k("extortion.criminal"), p.Extortion.Criminal)
	c.in(k("extortion.bureaucratic"), p.Extortion.Bureaucratic, -100, 100)
	c.in(k("foreign.detect_scale"), p.Foreign.DetectScale, 0, 100)
	c.prob(k("foreign.accept"), p.Foreign.Accept)
}
