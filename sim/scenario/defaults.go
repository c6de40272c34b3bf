package scenario

// Default returns a scenario with every parameter at a generic default and
// an empty world. Scenario files are decoded over it, so a file states only
// what differs; the shipped scenarios state every parameter anyway, each
// with its source.
func Default() *Scenario {
	return &Scenario{
		Name:       "unnamed",
		Start:      MonthOf(2000, 1),
		End:        MonthOf(2010, 12),
		Seed:       1,
		Replicates: 10,
		Params:     DefaultParams(),
	}
}

// DefaultParams are generic parameter values, chosen to keep every
// mechanism active and every probability moderate; they are not estimates
// for any country.
func DefaultParams() Params {
	return Params{
		Mechanisms: Mechanisms{
			Learning: true, Diversification: true, Papers: true, Facilitators: true,
			Stash: true, Bribery: true, Contagion: true, Patronage: true, Protection: true,
			Scare: true, Audits: true, Training: true, Coordination: true, Targeting: true,
			VictimServices: true, CaseExpiry: true, Entry: true, Extortion: true,
		},
		Routes: Routes{
			Tau: 0.1, Paths: 6, MaxHops: 12, Memory: 0.9, ShareInfo: 0.2,
			PriorDetect: BetaDist{1, 9}, PriorAccept: BetaDist{3, 1}, Diversify: 0, MinLoad: 0.1,
		},
		Transport: Transport{
			SpeedRoad: 400, SpeedRail: 500, SpeedAir: 3000, SpeedTrack: 60,
			CostKm: 0.5, CostDay: 50,
			TrafficLowDetect: 0.5, TrafficHighDetect: 1.2, TrafficLowSpeed: 0.6,
			FuelCapacity: 3, VehicleCost: 20000,
		},
		Detection: Detection{Scale: 1, HideDrugs: 0.5, HidePeople: 2, HidePapers: 0.3, Targeting: 0.3, IntelMemory: 0.8},
		Drugs:     DrugParams{Cargo: 20, Penalty: 20000, PriceScale: 1},
		People: PeopleParams{
			Cargo: 6, Penalty: 10000, PriceScale: 1, PapersCost: 300, EntryCost: 300000,
			ScopeDiscount: 0.5, Horizon: 24,
		},
		Bribe: Bribe{
			Intercept: -1, Amount: 0.8, SameClan: 1, PatronDeal: 2.5, Peers: 2,
			Audit: 20, Penalty: 1, Integrity: 4,
			OfferShare: 0.05, MaxCashShare: 0.5, CaseOffer: 20000, CorruptMemory: 12,
		},
		Patronage: Patronage{
			ClanCapture: 0.5, RotationMonths: 36, LucrativeShare: 0.3, Gamma: 1.5,
			RentShare: 0.3, RentMemory: 0.95, RoofFee: 10000, RoofSaving: 0.6,
			Shield: 0.5, Scare: 1, InitialClients: 0.2,
		},
		Organizations: Organizations{
			Max: 200, EntryRate: 0.1, EntryCapital: 200000, EntryVehicles: 3,
			EntryMembers: 10, EntryPeople: 0.3, ExitMonths: 6, MaxVehicles: 40,
			ReserveMonths: 3, Arrests: 2, Recruit: 0.1, Wage: 300, Payout: 0.1,
		},
		Officials: Officials{
			BorderGuard: Role{Count: 1000, Salary: 250, Integrity: BetaDist{4, 2}},
			Police:      Role{Count: 2000, Salary: 250, Integrity: BetaDist{4, 2}},
			Immigration: Role{Count: 300, Salary: 250, Integrity: BetaDist{4, 2}},
			Prosecutor:  Role{Count: 200, Salary: 400, Integrity: BetaDist{5, 2}},
			Judge:       Role{Count: 150, Salary: 500, Integrity: BetaDist{5, 2}},
		},
		Enforcement: Enforcement{
			Budget: 5e6, BudgetScale: 1, Legislation: 1, DrugLegislation: 1,
			ShareInvestigation: 0.5, ShareTraining: 0.15, ShareCoordination: 0.05,
			ShareAudits: 0.1, ShareVictimServices: 0.05, ShareSalaries: 0.1,
			ShareFinancial: 0.05, TraffickingShare: 0.3,
		},
		Investigation: Investigation{
			InvestigatorCost: 1500, CasesPerInvestigator: 0.1, Hiring: 0.1, CaseLimit: 24,
			Threshold: 0.4, Evidence: BetaDist{3, 3},
		},
		Trial: Trial{
			Delay: 3, C0: -0.5, Evidence: 2, Testimony: 1.5, Facilitators: 0.8,
			JudgeCorruption: 3, SeizeShare: 0.5, Convicted: 2, LeaderShare: 0.1,
		},
		Training:     Training{Kappa: 0.5, Scale: 2e6, Depreciation: 0.02},
		Coordination: Coordination{Kappa: 0.5, Scale: 50000},
		Audits:       Audits{Max: 0.05, Scale: 50000},
		Victims: Victims{
			IdentifyBase: 0.05, IdentifyMax: 0.5, TestifyBase: 0.1, TestifyMax: 0.6,
			Scale: 50000,
		},
		Facilitators: Facilitators{
			CashPer: 500000, Max: 10, Fee: 2000, Shield: 0.5, Kappa: 0.05, Scale: 50000,
		},
		Stash:     Stash{BreakdownRate: 0.25, Raid: 0.05, Eta: 0.5, StockRef: 100},
		Extortion: Extortion{Criminal: 0.05, Bureaucratic: 0},
		Foreign:   Foreign{DetectScale: 1, Accept: 0.7},
	}
}
