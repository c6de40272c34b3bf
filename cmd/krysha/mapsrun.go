package main

import (
	"fmt"
	"path/filepath"

	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/observed"
	"github.com/krysha/krysha/sim/scenario"
)

// mapWindowYears is the length of routes.png's default window: four
// years, long enough to smooth a year's luck, short enough to show one
// period of the network's history.
const mapWindowYears = 4

// defaultMapWindow is the window of `krysha run`'s routes.png: the
// mapWindowYears years ending with the last year of observed data within
// the scenario's years (2009:2012 for the default scenario), so that the
// map shows the period the model is compared with; without observed data
// there, the scenario's last years. It is clipped to the scenario's
// years.
func defaultMapWindow(sc *scenario.Scenario, obs []observed.Row) experiment.Window {
	first, last := sc.Start.Year(), sc.End.Year()
	end := 0
	for _, r := range obs {
		if r.Year >= first && r.Year <= last {
			end = max(end, r.Year)
		}
	}
	if end == 0 {
		end = last
	}
	return experiment.Window{First: max(first, end-mapWindowYears+1), Last: end}
}

// parseMapWindow reads -map-window: FIRST:LAST or a year, within the
// scenario's years.
func parseMapWindow(s string, sc *scenario.Scenario) (experiment.Window, error) {
	w, err := experiment.ParseWindow(s)
	if err != nil {
		return w, err
	}
	if first, last := sc.Start.Year(), sc.End.Year(); w.First < first || w.Last > last {
		return w, fmt.Errorf("%s is not within the scenario's years %d:%d", w, first, last)
	}
	return w, nil
}

// saveRunMap draws routes.png of a run directory from its routes.csv:
// the drugs and the people panels, mean yearly flows over window across
// the reps replicates.
func saveRunMap(dir string, sc *scenario.Scenario, window experiment.Window, reps int) error {
	path := filepath.Join(dir, mapFile)
	t, err := readRouteTotals(filepath.Join(dir, experiment.RoutesFile), []experiment.Window{window}, nil)
	if err != nil {
		// The file was just written from sc's runs: a bug.
		return fmt.Errorf("drawing %s: %v", path, err)
	}
	s := "s"
	if reps == 1 {
		s = ""
	}
	title := fmt.Sprintf("%s: mean yearly flows %s, %d replicate%s", sc.Name, spanText(window), reps, s)
	var panels []mapPanelSpec
	for _, p := range []string{scenario.Drugs, scenario.People} {
		panels = append(panels, mapPanelSpec{Product: p, Title: fmt.Sprintf("%s (%s)", productTitle(p), productUnit(p))})
	}
	m, err := routeMap(sc, title, t, panels)
	if err != nil {
		return fmt.Errorf("drawing %s: %v", path, err)
	}
	return saveRouteMaps(path, m)
}
