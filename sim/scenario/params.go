package scenario

// Params are the parameters of every mechanism. Numeric and boolean fields
// are levers unless tagged `lever:"no"`: an event may set or scale them at
// run time by their dotted TOML path, e.g. "bribe.same_clan". The equations
// they enter are in docs/ODD.md; each field's comment gives its meaning,
// unit and valid range.
type Params struct {
	Mechanisms    Mechanisms    `toml:"mechanisms"`
	Routes        Routes        `toml:"routes"`
	Transport     Transport     `toml:"transport"`
	Detection     Detection     `toml:"detection"`
	Drugs         DrugParams    `toml:"drugs"`
	People        PeopleParams  `toml:"people"`
	Bribe         Bribe         `toml:"bribe"`
	Patronage     Patronage     `toml:"patronage"`
	Organizations Organizations `toml:"organizations"`
	Officials     Officials     `toml:"officials"`
	Enforcement   Enforcement   `toml:"enforcement"`
	Investigation Investigation `toml:"investigation"`
	Trial         Trial         `toml:"trial"`
	Training      Training      `toml:"training"`
	Coordination  Coordination  `toml:"coordination"`
	Audits        Audits        `toml:"audits"`
	Victims       Victims       `toml:"victims"`
	Facilitators  Facilitators  `toml:"facilitators"`
	Stash         Stash         `toml:"stash"`
	Extortion     Extortion     `toml:"extortion"`
	Foreign       Foreign       `toml:"foreign"`
}

// Mechanisms switch each mechanism of the model on or off, so that it can
// be studied alone and its contribution to a change measured. An event may
// switch a mechanism at a month.
type Mechanisms struct {
	// Learning: organizations update their per-segment risk beliefs from
	// outcomes. Off: beliefs stay at the prior.
	Learning bool `toml:"learning"`
	// Diversification: drug organizations can move into human trafficking.
	Diversification bool `toml:"diversification"`
	// Papers: people shipments can travel on documents bought from an
	// immigration official.
	Papers bool `toml:"papers"`
	// Facilitators: lawyers, accountants, bankers and realtors who shield
	// an organization at trial and from asset seizure.
	Facilitators bool `toml:"facilitators"`
	// Stash: drugs for the domestic market are stockpiled at the stash
	// node and sold over months, and the stash can be raided. Off: sold on
	// arrival.
	Stash bool `toml:"stash"`
	// Bribery: detected shipments and prosecuted cases can be bought off.
	Bribery bool `toml:"bribery"`
	// Contagion: the corrupt share of peers at a post raises acceptance.
	Contagion bool `toml:"contagion"`
	// Patronage: elites place clients in posts at rotations (clan capture)
	// and collect rents from them.
	Patronage bool `toml:"patronage"`
	// Protection: organizations buy roof from elites, whose clients then
	// favour them and drop their cases.
	Protection bool `toml:"protection"`
	// Scare: an elite's clients grow more loyal when rival clans gain posts.
	Scare bool `toml:"scare"`
	// Audits catch and dismiss corrupt officials.
	Audits bool `toml:"audits"`
	// Training raises detection and evidence quality.
	Training bool `toml:"training"`
	// Coordination raises detection on cross-border segments.
	Coordination bool `toml:"coordination"`
	// Targeting: the state moves detection effort to the segments where it
	// recently seized most (intelligence-led interdiction).
	Targeting bool `toml:"targeting"`
	// VictimServices raise victim identification and testimony.
	VictimServices bool `toml:"victim_services"`
	// CaseExpiry drops cases that waited longer than investigation.case_limit.
	CaseExpiry bool `toml:"case_expiry"`
	// Entry: new organizations enter. Off: none do (those that fail still
	// exit).
	Entry bool `toml:"entry"`
	// Extortion: criminal rackets tax organizations and officials solicit
	// bribes (extortion.*).
	Extortion bool `toml:"extortion"`
}

// Routes are the parameters of route choice (mechanism 1).
type Routes struct {
	// Tau is the temperature of the multinomial logit over paths, on the
	// scale of profit margins: P(r) ∝ exp(u_r / Tau), u_r = U_r / (q p_m).
	// Tau → 0 always takes the best path. Range (0, 10].
	Tau float64 `toml:"tau"`
	// Paths is the number of candidate paths per origin-market pair
	// (Yen's k shortest by travel time). Range 1..50.
	Paths int `toml:"paths" lever:"no"`
	// MaxHops bounds the segments of a candidate path. Range 1..40.
	MaxHops int `toml:"max_hops" lever:"no"`
	// Memory is the monthly decay of belief counts, in (0, 1]: 1 never
	// forgets.
	Memory float64 `toml:"memory"`
	// ShareInfo is the weight of other organizations' outcomes in a
	// belief, in [0, 1].
	ShareInfo float64 `toml:"share_info"`
	// PriorDetect is the Beta(a, b) prior belief of detection on a segment
	// for a shipment of hiding factor 1. Organizations know the hiding
	// factors (detection.hide_*), so channel k starts from the mean
	// 1 - (1 - a/(a+b))^hide_k with the same strength a + b.
	PriorDetect BetaDist `toml:"prior_detect"`
	// PriorAccept is the Beta(a, b) prior belief that a bribe is accepted.
	PriorAccept BetaDist `toml:"prior_accept"`
	// Diversify θ ≥ 0 is an organization's aversion to exposure: a route's
	// expected loss E this month costs θ E² / V (V a full load's value),
	// so that risky routes get smaller loads (f* = sqrt(K / (θ V)) / P) and
	// the month's loads spread over more routes. 0: full loads, and
	// shipments chosen independently.
	Diversify float64 `toml:"diversify"`
	// MinLoad in (0, 1] is the smallest load, as a share of a full one.
	MinLoad float64 `toml:"min_load"`
}

// BetaDist is a Beta(Alpha, Beta) distribution, both > 0.
type BetaDist struct {
	Alpha float64 `toml:"alpha"` // first shape parameter a > 0
	Beta  float64 `toml:"beta"`  // second shape parameter b > 0; the mean is a / (a + b)
}

// Mean is Alpha / (Alpha + Beta).
func (b BetaDist) Mean() float64 { return b.Alpha / (b.Alpha + b.Beta) }

// Transport sets speeds, costs and capacities.
type Transport struct {
	// Speeds by mode in km a day, > 0.
	SpeedRoad  float64 `toml:"speed_road"`
	SpeedRail  float64 `toml:"speed_rail"`
	SpeedAir   float64 `toml:"speed_air"`
	SpeedTrack float64 `toml:"speed_track"`
	// CostKm is USD per vehicle-km; CostDay USD per vehicle-day (crew,
	// upkeep of people carried).
	CostKm  float64 `toml:"cost_km"`
	CostDay float64 `toml:"cost_day"`
	// TrafficLowDetect and TrafficHighDetect multiply the detection hazard
	// of lightly and heavily travelled segments; TrafficLowSpeed multiplies
	// the speed on lightly travelled ones. Medium traffic is 1.
	TrafficLowDetect  float64 `toml:"traffic_low_detect"`
	TrafficHighDetect float64 `toml:"traffic_high_detect"`
	TrafficLowSpeed   float64 `toml:"traffic_low_speed"`
	// FuelCapacity multiplies the cargo of a vehicle on a path that uses a
	// fuel-smuggling corridor, ≥ 1.
	FuelCapacity float64 `toml:"fuel_capacity"`
	// VehicleCost is the USD price of a vehicle, lost when intercepted.
	VehicleCost float64 `toml:"vehicle_cost"`
}

// Detection sets how visible each product is (mechanism 3). The hazard of
// detection on segment e is
//
//	p = 1 - exp(-detect_e × traffic_e × Scale × hide_k × training(t) × coordination_e(t)).
type Detection struct {
	// Scale multiplies every segment's detection, ≥ 0.
	Scale float64 `toml:"scale"`
	// HideDrugs (< 1: drugs are hidden), HidePeople (> 1: people are hard
	// to hide) and HidePapers (documented travellers) multiply the hazard.
	HideDrugs  float64 `toml:"hide_drugs"`
	HidePeople float64 `toml:"hide_people"`
	HidePapers float64 `toml:"hide_papers"`
	// Targeting ≥ 0 is the mobile, intelligence-led interdiction effort
	// added to the static posts, in units of their effort: on domestic
	// segment e the hazard is multiplied by 1 + Targeting × n × s_e, where
	// n is the number of domestic segments and s_e the segment's share of
	// the market value that crossed them, smoothed with IntelMemory. On
	// average the hazard grows by 1 + Targeting; on the busiest segments
	// by much more.
	Targeting float64 `toml:"targeting"`
	// IntelMemory in (0, 1] is the monthly decay of seizure intelligence.
	IntelMemory float64 `toml:"intel_memory"`
}

// DrugParams describe the drug business.
type DrugParams struct {
	// Cargo is the kilograms a vehicle carries, > 0.
	Cargo float64 `toml:"cargo"`
	// Penalty is the cost in USD to an organization of an intercepted
	// shipment beyond cargo and vehicle (lawyers, replacing couriers).
	Penalty float64 `toml:"penalty"`
	// PriceScale multiplies every market's price (not origins'), > 0:
	// demand growing or shrinking over the period.
	PriceScale float64 `toml:"price_scale"`
}

// PeopleParams describe human trafficking (mechanisms 2 and 3).
type PeopleParams struct {
	// Cargo is the persons a vehicle carries, > 0.
	Cargo float64 `toml:"cargo"`
	// Penalty is the cost in USD to an organization of an intercepted
	// shipment beyond cargo and vehicle.
	Penalty float64 `toml:"penalty"`
	// PriceScale multiplies every market's price for people, > 0.
	PriceScale float64 `toml:"price_scale"`
	// PapersCost is the bribe in USD per person for travel documents.
	PapersCost float64 `toml:"papers_cost"`
	// EntryCost is the USD cost of setting up recruitment and exploitation.
	EntryCost float64 `toml:"entry_cost"`
	// ScopeDiscount in [0, 1) is the share of EntryCost saved by an
	// organization that already owns logistics: it enters when
	// Horizon × expected monthly margin > EntryCost × (1 - ScopeDiscount).
	ScopeDiscount float64 `toml:"scope_discount"`
	// Horizon is the months over which an entry must pay off.
	Horizon float64 `toml:"horizon"`
}

// Bribe sets the logistic of bribe acceptance (mechanism 6):
//
//	logit P = Intercept + Amount ln(B / salary) + SameClan [same clan]
//	        + PatronDeal [patron sells roof to the organization]
//	        + Peers c_post(t-1) - Audit A(t) Penalty - Integrity θ.
type Bribe struct {
	Intercept  float64 `toml:"intercept"`   // log-odds of acceptance with every other term zero
	Amount     float64 `toml:"amount"`      // per unit of ln(bribe / salary)
	SameClan   float64 `toml:"same_clan"`   // when official and organization share a clan
	PatronDeal float64 `toml:"patron_deal"` // when the official's patron sells roof to the organization
	Peers      float64 `toml:"peers"`       // per unit of the post's corrupt share last month
	Audit      float64 `toml:"audit"`       // per unit of audit risk A(t) × penalty, subtracted
	Penalty    float64 `toml:"penalty"`     // severity of punishment when an audit catches a bribe
	Integrity  float64 `toml:"integrity"`   // per unit of the official's integrity θ, subtracted
	// OfferShare is the offer as a share of the cargo's market value, in
	// (0, 1], bounded by MaxCashShare of the organization's cash.
	OfferShare   float64 `toml:"offer_share"`
	MaxCashShare float64 `toml:"max_cash_share"`
	// CaseOffer is the USD offered to a prosecutor or judge to drop a case.
	CaseOffer float64 `toml:"case_offer"`
	// CorruptMemory is the months after an accepted bribe during which an
	// official counts as corrupt, ≥ 1. An event that raises it does not
	// bring back officials whose last bribe was already forgotten.
	CorruptMemory int `toml:"corrupt_memory"`
}

// Patronage sets clan capture of posts and the sale of protection
// (mechanism 7).
type Patronage struct {
	// ClanCapture in [0, 1]: at a rotation, each lucrative slot goes to a
	// client of the dominant elite with probability ClanCapture × influence.
	ClanCapture float64 `toml:"clan_capture"`
	// RotationMonths between reassignments of posts; 0 never rotates.
	RotationMonths int `toml:"rotation_months"`
	// LucrativeShare in [0, 1] is the share of a role's slots, ranked by
	// bribe income over the past year, that are open to capture.
	LucrativeShare float64 `toml:"lucrative_share"`
	// Gamma > 0: influence_e = R_e^Gamma / Σ R^Gamma over rents R.
	Gamma float64 `toml:"gamma"`
	// RentShare in [0, 1] of a client's bribes flows up to the patron.
	RentShare float64 `toml:"rent_share"`
	// RentMemory in (0, 1] is the monthly decay of smoothed rents.
	RentMemory float64 `toml:"rent_memory"`
	// RoofFee is the USD a month an organization pays for protection.
	RoofFee float64 `toml:"roof_fee"`
	// RoofSaving in [0, 1] is the share of its costs at an elite's posts
	// that an organization expects protection to save.
	RoofSaving float64 `toml:"roof_saving"`
	// Shield in [0, 1] is how much a patron lowers a client's audit risk.
	Shield float64 `toml:"shield"`
	// Scare ≥ 0: an elite's clients' loyalty (a multiplier 1 + loyalty on
	// PatronDeal) rises by Scare × the share of lucrative slots rivals took
	// at the last rotation.
	Scare float64 `toml:"scare"`
	// InitialClients in [0, 1] is the share of officials of an elite's
	// clan who start as its clients.
	InitialClients float64 `toml:"initial_clients"`
}

// Organizations set entry, exit and growth.
type Organizations struct {
	// Max is the most organizations alive at once (array sizes), 1..10000.
	Max int `toml:"max" lever:"no"`
	// EntryRate is the expected new organizations a month (Poisson).
	EntryRate float64 `toml:"entry_rate"`
	// EntryCapital (USD), EntryVehicles and EntryMembers of a newcomer.
	EntryCapital  float64 `toml:"entry_capital"`
	EntryVehicles int     `toml:"entry_vehicles"`
	EntryMembers  int     `toml:"entry_members"`
	// EntryPeople in [0, 1] is the share of newcomers in human trafficking.
	EntryPeople float64 `toml:"entry_people"`
	// ExitMonths of negative cash make an organization exit.
	ExitMonths int `toml:"exit_months"`
	// MaxVehicles an organization may own; it buys one when all were busy
	// last month and cash exceeds ReserveMonths of running costs.
	MaxVehicles   int     `toml:"max_vehicles"`
	ReserveMonths float64 `toml:"reserve_months"`
	// Arrests are the members arrested at an interception or raid.
	Arrests int `toml:"arrests"`
	// Recruit is the members recruited a month per missing member below
	// the organization's founding size, in [0, 1].
	Recruit float64 `toml:"recruit"`
	// Wage is the USD a month each member costs, whether or not the
	// organization ships: a group without business runs out of cash.
	Wage float64 `toml:"wage"`
	// Payout in [0, 1] is the share of cash above ReserveMonths of costs
	// that leaves the organization each month (to its owners, suppliers
	// and backers), so that cash tracks the size of the business.
	Payout float64 `toml:"payout"`
}

// Role is one kind of official.
type Role struct {
	// Count of officials of the role, 0..1,000,000.
	Count int `toml:"count" lever:"no"`
	// Salary in USD a month, > 0.
	Salary float64 `toml:"salary"`
	// Integrity θ of a new official is drawn from this Beta distribution.
	Integrity BetaDist `toml:"integrity" lever:"no"`
}

// Officials lists the five roles of the state.
type Officials struct {
	BorderGuard Role `toml:"border_guard"`
	Police      Role `toml:"police"`
	Immigration Role `toml:"immigration"`
	Prosecutor  Role `toml:"prosecutor"`
	Judge       Role `toml:"judge"`
}

// RoleNames in the order of Officials' fields.
var RoleNames = []string{"border_guard", "police", "immigration", "prosecutor", "judge"}

// Roles returns the roles in the order of RoleNames.
func (o *Officials) Roles() []*Role {
	return []*Role{&o.BorderGuard, &o.Police, &o.Immigration, &o.Prosecutor, &o.Judge}
}

// Enforcement is the state's budget and law (mechanism 9). The yearly
// budget Budget × BudgetScale is spent in twelfths, split by the shares.
type Enforcement struct {
	Budget      float64 `toml:"budget"`       // USD a year
	BudgetScale float64 `toml:"budget_scale"` // multiplier, ≥ 0
	// Legislation in [0, 2] is how far the law covers trafficking: an
	// intercepted people shipment is registered as a trafficking case with
	// probability min(1, Legislation) (otherwise it is a migration
	// offence), and a case is prosecuted only if evidence × Legislation ≥
	// investigation.threshold.
	Legislation float64 `toml:"legislation"`
	// DrugLegislation does the same for drug cases.
	DrugLegislation float64 `toml:"drug_legislation"`
	// Shares of the budget, each in [0, 1], summing to at most 1.
	ShareInvestigation  float64 `toml:"share_investigation"`
	ShareTraining       float64 `toml:"share_training"`
	ShareCoordination   float64 `toml:"share_coordination"`
	ShareAudits         float64 `toml:"share_audits"`
	ShareVictimServices float64 `toml:"share_victim_services"`
	ShareSalaries       float64 `toml:"share_salaries"`
	ShareFinancial      float64 `toml:"share_financial"`
	// TraffickingShare in [0, 1] of investigators work trafficking cases;
	// the rest work drug cases.
	TraffickingShare float64 `toml:"trafficking_share"`
}

// Investigation is the first stage of the pipeline (mechanism 10).
type Investigation struct {
	// InvestigatorCost is USD per investigator-month.
	InvestigatorCost float64 `toml:"investigator_cost"`
	// CasesPerInvestigator completed per investigator-month.
	CasesPerInvestigator float64 `toml:"cases_per_investigator"`
	// Hiring in (0, 1] is the share of the gap between the investigators
	// the budget pays for and those in post that is closed each month:
	// investigators are recruited and trained over months, not overnight.
	Hiring float64 `toml:"hiring"`
	// CaseLimit months after which a waiting case is dropped.
	CaseLimit int `toml:"case_limit"`
	// Threshold in [0, 2] of evidence × legislation to prosecute.
	Threshold float64 `toml:"threshold"`
	// Evidence ε0 of a new case is Beta distributed; training raises it to
	// ε = 1 - (1 - ε0)^training(t).
	Evidence BetaDist `toml:"evidence"`
}

// Trial sets conviction odds:
//
//	logit P = C0 + Evidence ε + Testimony [victim testifies]
//	        - Facilitators ln(1 + f) - JudgeCorruption [judge bought or protected].
type Trial struct {
	// Delay in months from prosecution to verdict.
	Delay           int     `toml:"delay"`
	C0              float64 `toml:"c0"`
	Evidence        float64 `toml:"evidence"`
	Testimony       float64 `toml:"testimony"`
	Facilitators    float64 `toml:"facilitators"`
	JudgeCorruption float64 `toml:"judge_corruption"`
	// SeizeShare in [0, 1] of the organization's cash is confiscated at a
	// conviction (divided by 1 + facilitators.shield × f).
	SeizeShare float64 `toml:"seize_share"`
	// Convicted members removed from the organization.
	Convicted int `toml:"convicted"`
	// LeaderShare in [0, 1]: chance a conviction reaches the leadership,
	// which ends the organization.
	LeaderShare float64 `toml:"leader_share"`
}

// Training: training(t) = 1 + Kappa (1 - exp(-stock / Scale)), where the
// stock is cumulated training spending depreciating by Depreciation a month.
type Training struct {
	Kappa        float64 `toml:"kappa"`
	Scale        float64 `toml:"scale"` // USD
	Depreciation float64 `toml:"depreciation"`
}

// Coordination on cross-border segments: 1 + Kappa (1 - exp(-spend / Scale))
// with spend the monthly coordination budget (USD).
type Coordination struct {
	Kappa float64 `toml:"kappa"`
	Scale float64 `toml:"scale"`
}

// Audits: a corrupt official is caught in a month with probability
// A(t) = Max (1 - exp(-spend / Scale)), spend the monthly audit budget.
type Audits struct {
	Max   float64 `toml:"max"`
	Scale float64 `toml:"scale"`
}

// Victims: an intercepted person is identified as a victim with
// probability IdentifyBase + (IdentifyMax - IdentifyBase) s, and an
// identified victim testifies with TestifyBase + (TestifyMax - TestifyBase) s,
// where s = 1 - exp(-spend / Scale) for the monthly victim-services spend.
type Victims struct {
	IdentifyBase float64 `toml:"identify_base"`
	IdentifyMax  float64 `toml:"identify_max"`
	TestifyBase  float64 `toml:"testify_base"`
	TestifyMax   float64 `toml:"testify_max"`
	Scale        float64 `toml:"scale"`
}

// Facilitators (mechanism 4): an organization keeps one facilitator per
// CashPer USD of cash up to Max, paying Fee a month each. Financial
// investigations remove each with hazard Kappa (1 - exp(-spend / Scale)).
type Facilitators struct {
	CashPer float64 `toml:"cash_per"`
	Max     int     `toml:"max"`
	Fee     float64 `toml:"fee"`
	// Shield divides asset seizure: share / (1 + Shield f).
	Shield float64 `toml:"shield"`
	Kappa  float64 `toml:"kappa"`
	Scale  float64 `toml:"scale"`
}

// Stash (mechanism 5): delivered drugs are sold at BreakdownRate of the
// stock a month; a raid comes with probability 1 - exp(-Raid (stock /
// StockRef)^Eta) a month.
type Stash struct {
	BreakdownRate float64 `toml:"breakdown_rate"`
	Raid          float64 `toml:"raid"`
	Eta           float64 `toml:"eta"`
	StockRef      float64 `toml:"stock_ref"` // kg
}

// Extortion sets the regime (mechanism 8).
type Extortion struct {
	// Criminal is the share of revenue that criminal rackets take.
	Criminal float64 `toml:"criminal"`
	// Bureaucratic is added to the logit of bribe acceptance: officials
	// who solicit rather than wait for offers.
	Bureaucratic float64 `toml:"bureaucratic"`
}

// Foreign sets policing on segments outside the country (see
// Scenario.Country), which the model does not hold in detail.
type Foreign struct {
	// DetectScale multiplies the base detection of foreign segments.
	DetectScale float64 `toml:"detect_scale"`
	// Accept is the probability, in [0, 1], that a foreign official takes
	// the bribe offered at a detection; otherwise the cargo is seized abroad.
	Accept float64 `toml:"accept"`
}
