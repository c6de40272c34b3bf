package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/krysha/krysha/plots"
	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/scenario"
)

// mapFlags are the flags of `krysha plot -map`.
type mapFlags struct {
	years    string
	product  string
	point    int
	scenario string
}

func defineMapFlags(fs *flag.FlagSet) *mapFlags {
	f := new(mapFlags)
	fs.StringVar(&f.years, "map", "", "draw the route maps of the years `Y1,Y2,...` side by side from routes.csv (each a year, or FIRST:LAST for the mean over those years)")
	fs.StringVar(&f.product, "product", scenario.Drugs, "with -map, map the flows of `P`: drugs, people, or both (a row each)")
	fs.IntVar(&f.point, "point", 0, "with -map, map only the runs of the sweep's point `N` (default all the runs of DIR)")
	fs.StringVar(&f.scenario, "scenario", "", "with -map, read the places from the scenario `FILE` the runs were made with (default the file the manifest names)")
	return f
}

// mapOnly are the flags that mean nothing without -map.
var mapOnly = []string{"product", "point", "scenario"}

// parseMapYears reads -map: a comma-separated list of years or spans
// FIRST:LAST, at most maxMapPanels.
func parseMapYears(s string) ([]experiment.Window, error) {
	var out []experiment.Window
	for item := range strings.SplitSeq(s, ",") {
		w, err := experiment.ParseWindow(item)
		if err != nil {
			return nil, fmt.Errorf("%q is not a year or FIRST:LAST, in %q (e.g. -map 2005,2012)", strings.TrimSpace(item), s)
		}
		out = append(out, w)
	}
	if len(out) > maxMapPanels {
		return nil, fmt.Errorf("%d panels asked for, at most %d fit on a page", len(out), maxMapPanels)
	}
	return out, nil
}

// mapProducts reads -product.
func mapProducts(s string) ([]string, error) {
	switch s {
	case scenario.Drugs, scenario.People:
		return []string{s}, nil
	case "both":
		return []string{scenario.Drugs, scenario.People}, nil
	}
	return nil, fmt.Errorf("%q, want drugs, people or both", s)
}

// runPlotMap is `krysha plot DIR -map YEARS`: the route maps of a run's
// or a study's directory, from its routes.csv and manifest and the
// scenario the manifest names.
func runPlotMap(e *env, f *mapFlags, given map[string]bool, args []string) error {
	if len(args) != 1 {
		return e.usagef("one directory, got %d", len(args))
	}
	dir := args[0]
	spans, err := parseMapYears(f.years)
	if err != nil {
		return e.usagef("-map: %v", err)
	}
	products, err := mapProducts(f.product)
	if err != nil {
		return e.usagef("-product: %v", err)
	}
	man, err := readDirManifest(dir)
	if err != nil {
		return err
	}
	study := man.Runs > 0
	var keep func(int) bool
	if given["point"] {
		if !study {
			return e.usagef("-point picks a point of a sweep, and %s holds a %s", dir, man.Command)
		}
		if f.point < 0 || f.point >= man.Arms {
			return e.usagef("-point must be in 0..%d (the points of %s), is %d", man.Arms-1, dir, f.point)
		}
		keep = func(run int) bool { return run/man.Replicates == f.point }
	}
	if study && !man.Routes {
		return &inputError{fmt.Errorf("%s: the %s ran with -routes=false and wrote no routes.csv to map", dir, man.Command)}
	}
	sc, err := dirScenario(dir, man, f.scenario)
	if err != nil {
		return err
	}
	for _, s := range spans {
		if first, last := sc.Start.Year(), sc.End.Year(); s.First < first || s.Last > last {
			return e.usagef("-map: %s is not within the years %d:%d of the scenario %s", s, first, last, sc.Name)
		}
	}
	path := filepath.Join(dir, experiment.RoutesFile)
	t, err := readRouteTotals(path, spans, keep)
	if errors.Is(err, fs.ErrNotExist) {
		return &inputError{fmt.Errorf("%s has no %s: it was written by a krysha that did not record the routes; run it again to map it", dir, experiment.RoutesFile)}
	}
	if err != nil {
		return err
	}
	who := fmt.Sprintf("mean of %d runs", t.Runs)
	switch {
	case !study:
		who = fmt.Sprintf("mean of %d replicates", t.Runs)
	case keep != nil:
		who = fmt.Sprintf("point %d, mean of %d runs", f.point, t.Runs)
	}
	var rows []*plots.NetworkMap
	for _, p := range products {
		var panels []mapPanelSpec
		for k, s := range spans {
			panels = append(panels, mapPanelSpec{Product: p, Span: k, Title: fmt.Sprintf("%s, %s (%s)", productTitle(p), spanText(s), productUnit(p))})
		}
		title := fmt.Sprintf("%s: %s flows, %s", sc.Name, strings.TrimSuffix(strings.ToLower(productTitle(p)), "s"), who)
		m, err := routeMap(sc, title, t, panels)
		if err != nil {
			return err
		}
		rows = append(rows, m)
	}
	name := mapFileName(f.product, spans, keep != nil, f.point)
	if err := saveRouteMaps(filepath.Join(dir, name), rows...); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s: %s\n", dir, name)
	return nil
}

// mapFileName names the file of `plot -map`, e.g. map-drugs-2005-2012.png
// or map-both-2001to2004-2009to2012-point3.png.
func mapFileName(product string, spans []experiment.Window, point bool, n int) string {
	parts := []string{"map", product}
	for _, s := range spans {
		if s.First == s.Last {
			parts = append(parts, fmt.Sprint(s.First))
		} else {
			parts = append(parts, fmt.Sprintf("%dto%d", s.First, s.Last))
		}
	}
	if point {
		parts = append(parts, fmt.Sprintf("point%d", n))
	}
	return strings.Join(parts, "-") + ".png"
}

// readDirManifest reads the manifest of a run's or a study's directory:
// a study's fields are zero in a run's.
func readDirManifest(dir string) (*experiment.StudyManifest, error) {
	path := filepath.Join(dir, experiment.ManifestFile)
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, &inputError{fmt.Errorf("%s: %v: not the directory of a finished krysha run or sweep (a sharded sweep's shards are mapped one by one, or after krysha merge)", dir, unwrapPath(err))}
	}
	man := new(experiment.StudyManifest)
	if err := json.Unmarshal(b, man); err != nil {
		return nil, &inputError{fmt.Errorf("%s: %v", path, err)}
	}
	if man.Runs > 0 && (man.Replicates < 1 || man.Arms*man.Replicates != man.Runs) {
		return nil, &inputError{fmt.Errorf("%s: runs %d, arms %d and replicates %d do not agree", path, man.Runs, man.Arms, man.Replicates)}
	}
	return man, nil
}
