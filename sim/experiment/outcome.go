package experiment

import (
	"github.com/krysha/krysha/sim"
	"github.com/krysha/krysha/sim/scenario"
)

// An Outcome is one summary number of a run in runs.csv: the mean of a
// yearly quantity over the years of the plan's Window.
type Outcome int

// The outcomes, in the order of their columns.
const (
	// OutProsecutions is the mean yearly number of human-trafficking
	// cases sent to trial (sim.Prosecutions).
	OutProsecutions Outcome = iota
	// OutConvictions: human-trafficking convictions (sim.Convictions).
	OutConvictions
	// OutVictimsIdentified: intercepted persons identified as victims
	// of trafficking (sim.VictimsIdentified).
	OutVictimsIdentified
	// OutDrugSeizuresKg: kg of drugs seized on the road and in stash
	// raids (sim.DrugSeizuresKg).
	OutDrugSeizuresKg
	// OutCorruptShare is the share of officials who took a bribe within
	// bribe.corrupt_memory months, at the end of each year: the mean of
	// the five roles' corrupt shares weighted by their numbers of
	// officials (officials.ROLE.count),
	//
	//	corrupt_share = Σ_r n_r · corrupt_share_r / Σ_r n_r,
	//
	// so that it is the corrupt share of all officials of the state.
	OutCorruptShare
	NumOutcomes
)

var outcomeInfo = [NumOutcomes]struct{ name, doc string }{
	{"prosecutions", "human-trafficking prosecutions a year"},
	{"convictions", "human-trafficking convictions a year"},
	{"victims_identified", "victims identified a year"},
	{"drug_seizures_kg", "kg of drugs seized a year"},
	{"corrupt_share", "share of officials corrupt at year end"},
}

// Name is the outcome's column name.
func (o Outcome) Name() string { return outcomeInfo[o].name }

// Doc says in a few words what the outcome measures, for axis labels.
func (o Outcome) Doc() string { return outcomeInfo[o].doc }

func (o Outcome) String() string { return o.Name() }

// OutcomeByName returns the outcome with the given column name.
func OutcomeByName(name string) (Outcome, bool) {
	for o := range NumOutcomes {
		if o.Name() == name {
			return o, true
		}
	}
	return 0, false
}

// Outcomes are a run's summary outcomes, indexed by Outcome.
type Outcomes [NumOutcomes]float64

// roleMetrics are the corrupt shares in the order of scenario.RoleNames.
var roleMetrics = [...]sim.Metric{
	sim.CorruptShareBorderGuard, sim.CorruptSharePolice, sim.CorruptShareImmigration,
	sim.CorruptShareProsecutor, sim.CorruptShareJudge,
}

// OfficialWeights returns the weights of the corrupt share: the number
// of officials of each role, in the order of scenario.RoleNames.
func OfficialWeights(sc *scenario.Scenario) []float64 {
	roles := sc.Officials.Roles()
	w := make([]float64, len(roles))
	for r, role := range roles {
		w[r] = float64(role.Count)
	}
	return w
}

// Summarize returns the outcomes of a run from its yearly records, the
// first of year firstYear, over the years of win that the records
// cover; weights are OfficialWeights of the run's scenario. A window
// that covers no record gives zeros.
func Summarize(yearly []sim.Record, firstYear int, win Window, weights []float64) Outcomes {
	var out Outcomes
	n := 0
	for y := max(win.First, firstYear); y <= win.Last && y-firstYear < len(yearly); y++ {
		rec := &yearly[y-firstYear]
		n++
		out[OutProsecutions] += rec[sim.Prosecutions]
		out[OutConvictions] += rec[sim.Convictions]
		out[OutVictimsIdentified] += rec[sim.VictimsIdentified]
		out[OutDrugSeizuresKg] += rec[sim.DrugSeizuresKg]
		out[OutCorruptShare] += CorruptShare(rec, weights)
	}
	if n > 0 {
		for o := range out {
			out[o] /= float64(n)
		}
	}
	return out
}

// CorruptShare returns the officials-weighted mean of the roles' corrupt
// shares in rec (see OutCorruptShare); 0 if there are no officials.
func CorruptShare(rec *sim.Record, weights []float64) float64 {
	var num, den float64
	for r, m := range roleMetrics {
		if r < len(weights) {
			num += weights[r] * rec[m]
			den += weights[r]
		}
	}
	if den == 0 {
		return 0
	}
	return num / den
}
