package sim

// Metric indexes one column of a Record.
type Metric int

// The metrics of a month, in the order of the CSV columns. Flows count what
// happened in the period; stocks are the state at its end. Units are
// persons, kilograms and US dollars. investigations, prosecutions and
// convictions count human-trafficking cases (the series of the US
// Trafficking in Persons reports); the drug_ ones count drug cases.
const (
	ShipmentsDrugs Metric = iota
	ShipmentsPeople
	DrugsShippedKg
	DrugsMovedKg
	PeopleMoved
	Detections
	BribesOffered
	BribesAccepted
	BribesUSD
	DrugSeizuresKg
	PeopleIntercepted
	Arrests
	CasesOpened
	MigrationOffences
	DrugCasesOpened
	Investigations
	Prosecutions
	Convictions
	DrugInvestigations
	DrugProsecutions
	DrugConvictions
	Acquittals
	CasesExpired
	CasesProtected
	CasesBribed
	CasesWeak
	VictimsTrafficked
	VictimsIdentified
	VictimsTestifying
	PapersBought
	Raids
	Dismissals
	FacilitatorsRemoved
	OrganizationsEntered
	OrganizationsExited
	SeizuresAbroadKg
	PeopleInterceptedAbroad
	StashInKg
	StashSoldKg
	StashSeizedKg
	StashLostKg
	BudgetSpentUSD
	// Stocks from here on.
	Backlog
	DrugBacklog
	TrialsPending
	PeopleInTransit
	DrugsInTransitKg
	StashKg
	CorruptShareBorderGuard
	CorruptSharePolice
	CorruptShareImmigration
	CorruptShareProsecutor
	CorruptShareJudge
	ProtectionDeals
	Organizations
	OrganizationsInPeople
	CapitalUSD
	Facilitators
	DominantInfluence
	NumMetrics
)

// firstStock is the first stock metric; those before it are flows.
const firstStock = Backlog

// MetricInfo describes a metric for output headers and documentation.
type MetricInfo struct {
	Name  string
	Stock bool
	Doc   string
}

var metricInfo = [NumMetrics]MetricInfo{
	ShipmentsDrugs:          {"shipments_drugs", false, "drug shipments (vehicle trips) launched"},
	ShipmentsPeople:         {"shipments_people", false, "people shipments launched"},
	DrugsShippedKg:          {"drugs_shipped_kg", false, "kg of drugs loaded at origins"},
	DrugsMovedKg:            {"drugs_moved_kg", false, "kg of drugs delivered to a market or the stash"},
	PeopleMoved:             {"people_moved", false, "persons delivered to a market"},
	Detections:              {"detections", false, "shipments stopped by an official (checkpoint or patrol), before any bribe"},
	BribesOffered:           {"bribes_offered", false, "bribes offered at detections, raids and for papers"},
	BribesAccepted:          {"bribes_accepted", false, "of those, accepted"},
	BribesUSD:               {"bribes_usd", false, "USD paid in accepted bribes (including to prosecutors and judges)"},
	DrugSeizuresKg:          {"drug_seizures_kg", false, "kg of drugs seized on the road and in stash raids"},
	PeopleIntercepted:       {"people_intercepted", false, "persons in intercepted shipments"},
	Arrests:                 {"arrests", false, "organization members arrested"},
	CasesOpened:             {"cases_opened", false, "human-trafficking cases opened (registered crimes)"},
	MigrationOffences:       {"migration_offences", false, "intercepted people shipments handled as migration offences, not registered as trafficking (see enforcement.legislation)"},
	DrugCasesOpened:         {"drug_cases_opened", false, "drug-trafficking cases opened"},
	Investigations:          {"investigations", false, "human-trafficking investigations completed"},
	Prosecutions:            {"prosecutions", false, "human-trafficking cases sent to trial"},
	Convictions:             {"convictions", false, "human-trafficking convictions"},
	DrugInvestigations:      {"drug_investigations", false, "drug investigations completed"},
	DrugProsecutions:        {"drug_prosecutions", false, "drug cases sent to trial"},
	DrugConvictions:         {"drug_convictions", false, "drug convictions"},
	Acquittals:              {"acquittals", false, "trials of either kind that ended without conviction"},
	CasesExpired:            {"cases_expired", false, "cases dropped for waiting longer than investigation.case_limit"},
	CasesProtected:          {"cases_protected", false, "cases dropped by a prosecutor who is a client of the organization's roof"},
	CasesBribed:             {"cases_bribed", false, "cases dropped for a bribe to the prosecutor"},
	CasesWeak:               {"cases_weak", false, "cases dropped because evidence × legislation fell below the threshold"},
	VictimsTrafficked:       {"victims_trafficked", false, "persons recruited and put on the road"},
	VictimsIdentified:       {"victims_identified", false, "intercepted persons identified as trafficking victims"},
	VictimsTestifying:       {"victims_testifying", false, "identified victims who agree to testify"},
	PapersBought:            {"papers_bought", false, "people shipments that obtained travel documents by bribe"},
	Raids:                   {"raids", false, "police raids on stash stockpiles"},
	Dismissals:              {"dismissals", false, "corrupt officials caught by audits and dismissed"},
	FacilitatorsRemoved:     {"facilitators_removed", false, "facilitators removed by financial investigations"},
	OrganizationsEntered:    {"organizations_entered", false, "new organizations"},
	OrganizationsExited:     {"organizations_exited", false, "organizations that ended (bankrupt, dismantled or leaderless)"},
	SeizuresAbroadKg:        {"seizures_abroad_kg", false, "kg of drugs seized by foreign forces on foreign segments"},
	PeopleInterceptedAbroad: {"people_intercepted_abroad", false, "persons intercepted by foreign forces on foreign segments"},
	StashInKg:               {"stash_in_kg", false, "kg of drugs delivered into stockpiles at the stash"},
	StashSoldKg:             {"stash_sold_kg", false, "kg sold from stockpiles (broken down for retail)"},
	StashSeizedKg:           {"stash_seized_kg", false, "kg seized in raids on stockpiles (also in drug_seizures_kg)"},
	StashLostKg:             {"stash_lost_kg", false, "kg left in the stockpiles of organizations that ended"},
	BudgetSpentUSD:          {"budget_spent_usd", false, "enforcement budget spent, USD"},
	Backlog:                 {"backlog", true, "human-trafficking cases waiting for investigation"},
	DrugBacklog:             {"drug_backlog", true, "drug cases waiting for investigation"},
	TrialsPending:           {"trials_pending", true, "cases of either kind sent to trial and awaiting a verdict"},
	PeopleInTransit:         {"people_in_transit", true, "persons on the road"},
	DrugsInTransitKg:        {"drugs_in_transit_kg", true, "kg of drugs on the road"},
	StashKg:                 {"stash_kg", true, "kg of drugs stockpiled at the stash"},
	CorruptShareBorderGuard: {"corrupt_share_border_guard", true, "share of border guards who took a bribe within bribe.corrupt_memory months"},
	CorruptSharePolice:      {"corrupt_share_police", true, "likewise, police"},
	CorruptShareImmigration: {"corrupt_share_immigration", true, "likewise, immigration officials"},
	CorruptShareProsecutor:  {"corrupt_share_prosecutor", true, "likewise, prosecutors"},
	CorruptShareJudge:       {"corrupt_share_judge", true, "likewise, judges"},
	ProtectionDeals:         {"protection_deals", true, "organizations paying an elite for roof"},
	Organizations:           {"organizations", true, "organizations alive"},
	OrganizationsInPeople:   {"organizations_in_people", true, "of those, in human trafficking"},
	CapitalUSD:              {"capital_usd", true, "cash of all organizations, USD"},
	Facilitators:            {"facilitators", true, "facilitators working for organizations"},
	DominantInfluence:       {"dominant_influence", true, "influence of the dominant elite, in [0, 1]"},
}

// Info returns the metric's name, kind and meaning.
func (m Metric) Info() MetricInfo { return metricInfo[m] }

func (m Metric) String() string { return metricInfo[m].Name }

// MetricByName returns the metric with the given column name.
func MetricByName(name string) (Metric, bool) {
	for i := range metricInfo {
		if metricInfo[i].Name == name {
			return Metric(i), true
		}
	}
	return 0, false
}

// Record holds every metric for one month or one year.
type Record [NumMetrics]float64

// Yearly aggregates monthly records into calendar years: flows are summed,
// stocks are taken at the last month of the year in the run. first is the
// Month of months[0]; the result's years start at first's year.
func Yearly(months []Record, firstYear, firstMonthNum int) []Record {
	if len(months) == 0 {
		return nil
	}
	nYears := (firstMonthNum-1+len(months)-1)/12 + 1
	out := make([]Record, nYears)
	for i := range months {
		y := (firstMonthNum - 1 + i) / 12
		for m := Metric(0); m < NumMetrics; m++ {
			if m >= firstStock {
				out[y][m] = months[i][m]
			} else {
				out[y][m] += months[i][m]
			}
		}
	}
	return out
}
