package calib

import (
	"fmt"

	"github.com/krysha/krysha/sim/observed"
)

// A SeriesMap says which model metric an observed series is compared
// with. An empty Metric leaves the series unmatched on purpose, for the
// stated Reason.
type SeriesMap struct {
	Series string  // observed series, e.g. "trafficking_convictions"
	Metric string  // model metric column, or "" for none
	Scale  float64 // source units per model unit, > 0 when Metric is set
	Reason string  // why this metric, or why none
}

// DefaultQualityWeights weigh a figure by how direct its source is
// (observed.Qualities): the authority's own figure counts fully, a press
// report quoting one half, since a quoted figure may have been rounded,
// mis-dated or taken from a different definition.
func DefaultQualityWeights() map[string]float64 {
	return map[string]float64{"reported": 1, "secondary": 0.5}
}

// DefaultSeriesMaps match the series shipped in
// scenarios/data/kazakhstan_observed.csv.
func DefaultSeriesMaps() []SeriesMap {
	return []SeriesMap{
		{Series: "trafficking_convictions", Metric: "convictions", Scale: 1,
			Reason: "TIP counts traffickers convicted, the model convictions; one trafficker a conviction"},
		{Series: "victims_identified", Metric: "victims_identified", Scale: 1,
			Reason: "persons recorded as victims are the model's identified victims"},
		{Series: "trafficking_crimes_registered", Metric: "cases_opened", Scale: 1,
			Reason: "a registered trafficking crime is an opened human-trafficking case"},
		{Series: "heroin_seizures", Metric: "drug_seizures_kg", Scale: 1,
			Reason: "the model's drugs are heroin equivalents, so its seizures are heroin seizures"},
		{Series: "drug_seizures",
			Reason: "all drugs seized, mostly cannabis by weight; the model's drugs are heroin equivalents, so drug_seizures_kg is compared with heroin_seizures instead"},
	}
}

// A Mapping turns observed rows into count targets.
type Mapping struct {
	Series []SeriesMap
	// Quality maps a row's quality to its weight, ≥ 0.
	Quality map[string]float64
}

// DefaultMapping is DefaultSeriesMaps with DefaultQualityWeights.
func DefaultMapping() *Mapping {
	return &Mapping{Series: DefaultSeriesMaps(), Quality: DefaultQualityWeights()}
}

// An Unmatched row is an observed figure left out of the calibration.
type Unmatched struct {
	Row    observed.Row
	Reason string
}

// Targets returns one CountTarget a matched row, in the order of rows,
// and the rows left unmatched with their reason. A series with no
// SeriesMap, or a quality with no weight, is a *TargetError: a new kind
// of figure must be matched or set aside deliberately.
func (m *Mapping) Targets(rows []observed.Row) ([]CountTarget, []Unmatched, error) {
	var (
		counts []CountTarget
		left   []Unmatched
	)
	for _, r := range rows {
		sm, ok := m.lookup(r.Series)
		if !ok {
			return nil, nil, &TargetError{Label: r.Series, Line: r.Line, Msg: "the mapping has no entry for this series; map it to a metric or leave it unmatched with a reason"}
		}
		if sm.Metric == "" {
			left = append(left, Unmatched{Row: r, Reason: sm.Reason})
			continue
		}
		w, ok := m.Quality[r.Quality]
		if !ok {
			return nil, nil, &TargetError{Label: r.Series, Line: r.Line, Msg: fmt.Sprintf("no weight for quality %q", r.Quality)}
		}
		counts = append(counts, CountTarget{
			Metric:   sm.Metric,
			Year:     r.Year,
			Observed: r.Value,
			Scale:    sm.Scale,
			Weight:   w,
			Label:    fmt.Sprintf("%s %d", r.Series, r.Year),
			Source:   r.Source,
		})
	}
	return counts, left, nil
}

// lookup returns the first SeriesMap of series.
func (m *Mapping) lookup(series string) (SeriesMap, bool) {
	for _, sm := range m.Series {
		if sm.Series == series {
			return sm, true
		}
	}
	return SeriesMap{}, false
}

// DefaultTargets are the targets of the shipped data: the count targets
// of DefaultMapping over rows, DefaultDirections, DefaultOffset and
// DefaultMargin. It returns the unmatched rows too, to be reported.
func DefaultTargets(rows []observed.Row) (*Targets, []Unmatched, error) {
	counts, left, err := DefaultMapping().Targets(rows)
	if err != nil {
		return nil, nil, err
	}
	t := &Targets{Counts: counts, Directions: DefaultDirections(), Offset: DefaultOffset, Margin: DefaultMargin}
	if err := t.Validate(); err != nil {
		return nil, nil, err
	}
	return t, left, nil
}
