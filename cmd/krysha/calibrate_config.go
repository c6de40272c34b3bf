package main

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/krysha/krysha/internal/tomlx"
	"github.com/krysha/krysha/sim"
	"github.com/krysha/krysha/sim/analysis/calib"
)

// calibrateKeys are the keys of a scenario's [calibrate] table.
var calibrateKeys = []string{"observed", "fit", "directions", "quality", "series", "design", "samples", "replicates", "keep", "select", "refine_evaluations", "refine_replicates"}

// A calibConfig is a calibration as the scenario's [calibrate] table and
// the flags give it; a flag given on the command line wins over the
// table's key, and -fit and -direction replace the table's lists.
type calibConfig struct {
	observed     string // a file, relative to the scenario when from the table
	observedFrom string // "-observed", or "FILE:LINE: calibrate.observed"; "" for the scenario's own
	fit          []string
	fitSource    string // "-fit", or "FILE:LINE: calibrate.fit"
	directions   []calib.DirectionTarget
	dirsGiven    bool               // false: the default directions
	quality      map[string]float64 // nil: calib.DefaultQualityWeights
	series       []calib.SeriesMap  // before the defaults
	design       string
	samples      int
	replicates   int
	keep         float64
	selectN      int  // kept points run again to choose the start; 0: the best design point
	selectSet    bool // select was given in the table
	refine       int  // Nelder-Mead evaluations; 0 skips the refinement
	refineSet    bool // refine was given in the table
	refineReps   int
}

// Defaults of a calibration beside calib's.
const (
	defaultCalibSamples    = 400
	defaultCalibReplicates = 10
	defaultRefineEvals     = 150
	defaultSelect          = 10
)

// readCalibrateTable reads the [calibrate] table of sf's scenario:
//
//	[calibrate]
//	observed   = "data/kazakhstan_observed.csv"  # relative to the scenario
//	fit        = ["bribe.same_clan=0:3", "trial.c0=-3:1"]
//	directions = [{ metric = "prosecutions", from = 2011, to = 2012, direction = "down" }]
//	quality    = { reported = 1, secondary = 0.5 }
//	series     = [{ series = "arrests", metric = "arrests", scale = 1, reason = "..." }]
//	design     = "lhs"
//	samples    = 400
//	replicates = 10
//	keep       = 0.05
//	select     = 10
//	refine_evaluations = 150
//	refine_replicates  = 10
//
// Every problem is reported at once, each FILE:LINE: calibrate.KEY: message.
func readCalibrateTable(sf *scenarioFile, t map[string]any) (*calibConfig, error) {
	c := &calibConfig{}
	if len(t) == 0 {
		return c, nil
	}
	r := newTableReader(sf, "calibrate")
	bad, where := r.bad, r.where
	for _, k := range r.keys(t) {
		v := t[k]
		switch k {
		case "observed":
			if s, ok := r.str(k, v); ok {
				c.observed, c.observedFrom = s, where(k)
			}
		case "design":
			c.design, _ = r.str(k, v)
		case "samples":
			c.samples, _ = r.whole(k, v, 1)
		case "replicates":
			c.replicates, _ = r.whole(k, v, 1)
		case "refine_replicates":
			c.refineReps, _ = r.whole(k, v, 1)
		case "select":
			c.selectN, c.selectSet = r.whole(k, v, 0)
		case "refine_evaluations":
			c.refine, c.refineSet = r.whole(k, v, 0)
		case "keep":
			x, ok := v.(float64)
			if !ok || !(x > 0 && x <= 1) {
				bad(k, "expected the share of the design kept, in (0, 1], found %v", v)
				continue
			}
			c.keep = x
		case "fit":
			c.fit = r.strs(k, v, `a list of "path=lo:hi" strings`, `a string "path=lo:hi"`)
			c.fitSource = where(k)
		case "directions":
			list, ok := v.([]any)
			if !ok {
				bad(k, "expected a list of tables { metric, from, to, direction, weight }, found %v", v)
				continue
			}
			c.dirsGiven = true
			for i, e := range list {
				d, err := directionFromTable(e)
				if err != nil {
					bad(fmt.Sprintf("directions[%d]", i), "%v", err)
					continue
				}
				c.directions = append(c.directions, d)
			}
		case "quality":
			m, ok := v.(map[string]any)
			if !ok {
				bad(k, "expected a table of weights by quality, e.g. { reported = 1, secondary = 0.5 }, found %v", v)
				continue
			}
			c.quality = map[string]float64{}
			for _, q := range slices.Sorted(maps.Keys(m)) {
				w := m[q]
				x, ok := w.(float64)
				if !ok || !(x >= 0) || math.IsInf(x, 0) {
					bad("quality."+q, "expected a weight ≥ 0, found %v", w)
					continue
				}
				c.quality[q] = x
			}
		case "series":
			list, ok := v.([]any)
			if !ok {
				bad(k, "expected a list of tables { series, metric, scale, reason }, found %v", v)
				continue
			}
			for i, e := range list {
				sm, err := seriesFromTable(e)
				if err != nil {
					bad(fmt.Sprintf("series[%d]", i), "%v", err)
					continue
				}
				c.series = append(c.series, sm)
			}
		default:
			r.unknown(k, calibrateKeys)
		}
	}
	if err := r.err(); err != nil {
		return nil, err
	}
	return c, nil
}

// directionFromTable reads { metric, from, to, direction, weight, required, source }.
func directionFromTable(v any) (calib.DirectionTarget, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return calib.DirectionTarget{}, fmt.Errorf("expected a table { metric, from, to, direction }, found %v", v)
	}
	d := calib.DirectionTarget{Weight: 1}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		x := m[k]
		var err error
		switch k {
		case "metric", "direction", "source":
			s, ok := x.(string)
			if !ok {
				return d, fmt.Errorf("%s: expected a string, found %v", k, x)
			}
			switch k {
			case "metric":
				d.Metric = s
			case "source":
				d.Source = s
			default:
				d.Direction, err = calib.ParseDirection(s)
				if err != nil {
					return d, fmt.Errorf(`direction: want "down" or "up", found %q`, s)
				}
			}
		case "from", "to":
			y, ok := x.(float64)
			if !ok || y != math.Trunc(y) || math.Abs(y) > 1e5 {
				return d, fmt.Errorf("%s: expected a year, found %v", k, x)
			}
			if k == "from" {
				d.From = int(y)
			} else {
				d.To = int(y)
			}
		case "required":
			r, ok := x.(bool)
			if !ok {
				return d, fmt.Errorf("required: expected true or false, found %v", x)
			}
			d.Required = r
		case "weight":
			w, ok := x.(float64)
			if !ok || !(w >= 0) || math.IsInf(w, 0) {
				return d, fmt.Errorf("weight: expected a number ≥ 0, found %v", x)
			}
			d.Weight = w
		default:
			return d, fmt.Errorf("unknown key %q; a direction has metric, from, to, direction, weight, required and source", k)
		}
	}
	return d, checkDirection(d)
}

// checkDirection reports a direction target with a missing part or an
// unknown metric.
func checkDirection(d calib.DirectionTarget) error {
	switch {
	case d.Metric == "":
		return fmt.Errorf("no metric")
	case d.Direction == 0:
		return fmt.Errorf(`no direction ("down" or "up")`)
	case d.From == 0 || d.To == 0:
		return fmt.Errorf("from and to must both be years")
	case d.From == d.To:
		return fmt.Errorf("from and to are the same year")
	}
	if _, ok := sim.MetricByName(d.Metric); !ok {
		return calibUnknownMetric(d.Metric)
	}
	return nil
}

// calibUnknownMetric is the error of a metric name that is not a column of
// yearly.csv, with a suggestion.
func calibUnknownMetric(name string) error {
	names := make([]string, sim.NumMetrics)
	for m := range sim.NumMetrics {
		names[m] = m.Info().Name
	}
	msg := fmt.Sprintf("unknown metric %q", name)
	if s, ok := tomlx.Nearest(name, names); ok {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	return fmt.Errorf("%s; the metrics are the columns of yearly.csv (docs/outputs.md)", msg)
}

// parseDirectionFlag reads -direction metric:from:to:down|up[:weight][:required].
func parseDirectionFlag(s string) (calib.DirectionTarget, error) {
	parts := strings.Split(s, ":")
	d := calib.DirectionTarget{Weight: 1}
	if n := len(parts); n > 4 && strings.TrimSpace(parts[n-1]) == "required" {
		d.Required = true
		parts = parts[:n-1]
	}
	if len(parts) != 4 && len(parts) != 5 {
		return d, fmt.Errorf("-direction %s: want metric:from:to:down (or up), with an optional :weight and :required", s)
	}
	d.Metric = strings.TrimSpace(parts[0])
	var err1, err2, err3 error
	d.From, err1 = strconv.Atoi(strings.TrimSpace(parts[1]))
	d.To, err2 = strconv.Atoi(strings.TrimSpace(parts[2]))
	d.Direction, err3 = calib.ParseDirection(strings.TrimSpace(parts[3]))
	if err1 != nil || err2 != nil {
		return d, fmt.Errorf("-direction %s: from and to must be years", s)
	}
	if err3 != nil {
		return d, fmt.Errorf(`-direction %s: the direction must be "down" or "up"`, s)
	}
	if len(parts) == 5 {
		w, err := strconv.ParseFloat(strings.TrimSpace(parts[4]), 64)
		if err != nil || !(w >= 0) || math.IsInf(w, 0) {
			return d, fmt.Errorf("-direction %s: the weight must be a number ≥ 0 (or the word required)", s)
		}
		d.Weight = w
	}
	if err := checkDirection(d); err != nil {
		return d, fmt.Errorf("-direction %s: %v", s, err)
	}
	return d, nil
}

// seriesFromTable reads { series, metric, scale, reason }.
func seriesFromTable(v any) (calib.SeriesMap, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return calib.SeriesMap{}, fmt.Errorf("expected a table { series, metric, scale, reason }, found %v", v)
	}
	sm := calib.SeriesMap{Scale: 1}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		x := m[k]
		switch k {
		case "series", "metric", "reason":
			s, ok := x.(string)
			if !ok {
				return sm, fmt.Errorf("%s: expected a string, found %v", k, x)
			}
			*map[string]*string{"series": &sm.Series, "metric": &sm.Metric, "reason": &sm.Reason}[k] = s
		case "scale":
			f, ok := x.(float64)
			if !ok || !(f > 0) || math.IsInf(f, 0) {
				return sm, fmt.Errorf("scale: expected a number > 0 (source units per model unit), found %v", x)
			}
			sm.Scale = f
		default:
			return sm, fmt.Errorf("unknown key %q; a series has series, metric, scale and reason", k)
		}
	}
	switch {
	case sm.Series == "":
		return sm, fmt.Errorf("no series")
	case sm.Metric == "" && sm.Reason == "":
		return sm, fmt.Errorf("a series left unmatched (no metric) needs a reason")
	}
	if _, ok := sim.MetricByName(sm.Metric); sm.Metric != "" && !ok {
		return sm, calibUnknownMetric(sm.Metric)
	}
	return sm, nil
}
