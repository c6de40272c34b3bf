package main

import (
	"github.com/krysha/krysha/sim"
	"github.com/krysha/krysha/sim/analysis/effects"
	"github.com/krysha/krysha/sim/experiment"
)

// A compareOutcome is one outcome of a comparison: a yearly quantity of
// a run, averaged over the window's years like the outcomes of runs.csv
// (flows summed over a year's months, stocks at its end).
type compareOutcome struct {
	// name is the column name, as in yearly.csv or runs.csv; doc says
	// what a year's value is, for axes; unit names one unit of it, for
	// the cost per unit.
	name, doc, unit string
	// better orders the ranking and decides when a cost per unit of the
	// effect means anything.
	better effects.Direction
	// metric is the yearly metric; corrupt, the officials-weighted
	// corrupt share (experiment.CorruptShare) instead.
	metric  sim.Metric
	corrupt bool
}

// compareOutcomes are the outcomes of `krysha compare`, in the order of
// the table: the five of runs.csv and two more read from yearly.csv.
// Seizures count as better when higher, as enforcement's output; the
// direction only orders the ranking.
var compareOutcomes = [...]compareOutcome{
	{name: "prosecutions", doc: "prosecutions a year", unit: "prosecution", better: effects.MoreIsBetter, metric: sim.Prosecutions},
	{name: "convictions", doc: "convictions a year", unit: "conviction", better: effects.MoreIsBetter, metric: sim.Convictions},
	{name: "victims_identified", doc: "victims identified a year", unit: "victim identified", better: effects.MoreIsBetter, metric: sim.VictimsIdentified},
	{name: "victims_trafficked", doc: "persons trafficked a year", unit: "victim fewer", better: effects.LessIsBetter, metric: sim.VictimsTrafficked},
	{name: "drug_seizures_kg", doc: "kg of drugs seized a year", unit: "kg seized", better: effects.MoreIsBetter, metric: sim.DrugSeizuresKg},
	{name: "corrupt_share", doc: "share of officials corrupt", unit: "unit of share", better: effects.LessIsBetter, corrupt: true},
	{name: "organizations", doc: "organizations alive at year end", unit: "organization fewer", better: effects.LessIsBetter, metric: sim.Organizations},
}

// compareOutcomeByName returns the index of the outcome called name.
func compareOutcomeByName(name string) (int, bool) {
	for i, o := range compareOutcomes {
		if o.name == name {
			return i, true
		}
	}
	return 0, false
}

// value returns the outcome's value in a year's record; weights are the
// officials of each role (experiment.OfficialWeights).
func (o *compareOutcome) value(rec *sim.Record, weights []float64) float64 {
	if o.corrupt {
		return experiment.CorruptShare(rec, weights)
	}
	return rec[o.metric]
}

// compareOutcomeNames lists the outcomes' names, for messages.
func compareOutcomeNames() []string {
	out := make([]string, len(compareOutcomes))
	for i, o := range compareOutcomes {
		out[i] = o.name
	}
	return out
}
