package main

import (
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/krysha/krysha/plots"
	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/observed"
	"github.com/krysha/krysha/sim/scenario"
)

// mapPNGSize returns the size in pixels of the PNG at path.
func mapPNGSize(t *testing.T, path string) (w, h int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return cfg.Width, cfg.Height
}

// wantMapPNGSize is the size in pixels of a map of rows rows of n panels.
func wantMapPNGSize(n, rows int) (w, h int) {
	mw, mh := mapSize(n, rows)
	return int(mw.Dots(plots.MapDPI) + 0.5), int(mh.Dots(plots.MapDPI) + 0.5)
}

func TestRunWritesMap(t *testing.T) {
	t.Parallel()
	dir, _ := runSmall(t, "-map-window", "2002:2003")
	w, h := mapPNGSize(t, filepath.Join(dir, mapFile))
	if ww, wh := wantMapPNGSize(2, 1); w != ww || h != wh {
		t.Errorf("routes.png is %d × %d pixels, want %d × %d: two panels", w, h, ww, wh)
	}
	for _, bad := range []string{"1999:2001", "2003:2002", "2002-2003", "2005"} {
		code, out, errOut := krysha(context.Background(), "run", "-quiet", "-out", filepath.Join(t.TempDir(), "out"), "-map-window", bad, small)
		if code != exitUsage || out != "" || !strings.HasPrefix(errOut, "krysha run: -map-window: ") {
			t.Errorf("-map-window %s: exit %d, stderr %q; want 2 and a message", bad, code, errOut)
		}
	}
}

func TestDefaultMapWindow(t *testing.T) {
	t.Parallel()
	sc := func(start, end string) *scenario.Scenario {
		var s scenario.Scenario
		if err := s.Start.UnmarshalText([]byte(start)); err != nil {
			t.Fatal(err)
		}
		if err := s.End.UnmarshalText([]byte(end)); err != nil {
			t.Fatal(err)
		}
		return &s
	}
	obs := func(years ...int) []observed.Row {
		var out []observed.Row
		for _, y := range years {
			out = append(out, observed.Row{Series: "x", Year: y})
		}
		return out
	}
	tests := []struct {
		name string
		sc   *scenario.Scenario
		obs  []observed.Row
		want experiment.Window
	}{
		{"default scenario", sc("1995-01", "2015-12"), obs(2005, 2006, 2008, 2012, 2002), experiment.Window{First: 2009, Last: 2012}},
		{"no observed data", sc("1995-01", "2015-12"), nil, experiment.Window{First: 2012, Last: 2015}},
		{"data only after the end", sc("1995-01", "2015-12"), obs(2016, 2020), experiment.Window{First: 2012, Last: 2015}},
		{"data near the start", sc("2000-06", "2004-12"), obs(2001), experiment.Window{First: 2000, Last: 2001}},
		{"one year", sc("2000-01", "2000-12"), nil, experiment.Window{First: 2000, Last: 2000}},
	}
	for _, tt := range tests {
		if got := defaultMapWindow(tt.sc, tt.obs); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
	// The default scenario's, as docs/outputs.md says.
	sf, err := openScenario("")
	if err != nil {
		t.Fatal(err)
	}
	st, err := sf.load(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := defaultMapWindow(st.src.Scenario, st.observed); got != (experiment.Window{First: 2009, Last: 2012}) {
		t.Errorf("the default scenario's map window is %v, want 2009:2012", got)
	}
}

// A map's flows are mean yearly units over the runs and years of each
// panel, its rates pooled seizures over units, and it takes the
// scenario's checkpoints and modes.
func TestRouteMapFlows(t *testing.T) {
	t.Parallel()
	sf, err := openScenario(small)
	if err != nil {
		t.Fatal(err)
	}
	st, err := sf.load(nil)
	if err != nil {
		t.Fatal(err)
	}
	sc := st.src.Scenario
	lines := []string{experiment.RoutesHeader}
	for run := range 2 {
		for year := 2000; year <= 2001; year++ {
			for i, e := range sc.Edges {
				for _, p := range []string{scenario.Drugs, scenario.People} {
					// Units 10·(i+1)·(run+1)·(year-1999), a tenth seized.
					u := float64(10 * (i + 1) * (run + 1) * (year - 1999))
					lines = append(lines, fmt.Sprintf("%d,%d,%d,segment,%s,%s,%s,1,%g,0,0,%g,,", run, run, year, e.From, e.To, p, u, u/10))
				}
			}
			lines = append(lines, fmt.Sprintf("%d,%d,%d,node,s,,drugs,,,,,0,5,0", run, run, year))
		}
	}
	path := writeRoutesFile(t, lines...)
	tot, err := readRouteTotals(path, []experiment.Window{{First: 2001, Last: 2001}, {First: 2000, Last: 2001}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	m, err := routeMap(sc, "t", tot, []mapPanelSpec{{Product: scenario.People, Span: 0}, {Product: scenario.Drugs, Span: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Nodes) != len(sc.Nodes) || len(m.Panels) != 2 || len(m.Panels[0].Segments) != len(sc.Edges) {
		t.Fatalf("%d nodes, %d panels, %d segments", len(m.Nodes), len(m.Panels), len(m.Panels[0].Segments))
	}
	for i, e := range sc.Edges {
		// Span 2001: (10(i+1)·2 + 10(i+1)·4)/2 runs; 2000:2001: the
		// four run-years 1, 2, 2, 4 times 10(i+1), over 4.
		p0, p1 := m.Panels[0].Segments[i], m.Panels[1].Segments[i]
		if p0.Flow != float64(30*(i+1)) || p1.Flow != float64(10*(i+1))*9/4 {
			t.Errorf("segment %d: flows %v and %v, want %v and %v", i, p0.Flow, p1.Flow, 30*(i+1), float64(10*(i+1))*9/4)
		}
		if math.Abs(p0.SeizureRate-0.1) > 1e-15 || p0.Checkpoint != e.Checkpoint || p0.CrossBorder != e.CrossBorder || p0.Mode != e.Mode {
			t.Errorf("segment %d: %+v, from edge %+v", i, p0, e)
		}
	}
	if m.Panels[0].Unit != "persons a year" || m.Panels[1].Unit != "kg a year" {
		t.Errorf("units %q, %q", m.Panels[0].Unit, m.Panels[1].Unit)
	}

	// Routes of another network are refused.
	other := writeRoutesFile(t, experiment.RoutesHeader, "0,0,2001,segment,o,m,drugs,1,1,0,0,0,,")
	tot, err = readRouteTotals(other, []experiment.Window{{First: 2001, Last: 2001}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := routeMap(sc, "t", tot, nil); err == nil || !strings.Contains(err.Error(), "drugs on o→m in 2001, a segment the scenario small does not have") {
		t.Errorf("routes of another network: %v", err)
	}
}

// plot -map draws the maps of a run's directory from its files.
func TestPlotMapRun(t *testing.T) {
	t.Parallel()
	dir, _ := runSmall(t)
	tests := []struct {
		args       []string
		file       string
		n, rows    int
		titleWords string
	}{
		{[]string{"-map", "2001,2004"}, "map-drugs-2001-2004.png", 2, 1, ""},
		{[]string{"-map", "2000:2001,2003:2004,2002", "-product", "both"}, "map-both-2000to2001-2003to2004-2002.png", 3, 2, ""},
		{[]string{"-product", "people", "-map", "2004", "-scenario", small}, "map-people-2004.png", 1, 1, ""},
	}
	for _, tt := range tests {
		code, out, errOut := krysha(context.Background(), append([]string{"plot", dir}, tt.args...)...)
		if code != 0 || errOut != "" || out != dir+": "+tt.file+"\n" {
			t.Errorf("plot %s: exit %d, stdout %q, stderr %q", strings.Join(tt.args, " "), code, out, errOut)
			continue
		}
		w, h := mapPNGSize(t, filepath.Join(dir, tt.file))
		if ww, wh := wantMapPNGSize(tt.n, tt.rows); w != ww || h != wh {
			t.Errorf("%s is %d × %d pixels, want %d × %d", tt.file, w, h, ww, wh)
		}
	}
}

// plot -map on a sweep: all its runs, or one point's.
func TestPlotMapSweep(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "sweep")
	sweepSmall(t, dir, "-vary", "enforcement.budget_scale=1,2", "-replicates", "2")
	for _, args := range [][]string{{"-map", "2002"}, {"-map", "2002,2003", "-point", "1"}} {
		code, out, errOut := krysha(context.Background(), append([]string{"plot", dir}, args...)...)
		if code != 0 || errOut != "" || !strings.HasPrefix(out, dir+": map-drugs-2002") {
			t.Errorf("plot %s: exit %d, stdout %q, stderr %q", strings.Join(args, " "), code, out, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "map-drugs-2002-2003-point1.png")); err != nil {
		t.Error(err)
	}
	code, _, errOut := krysha(context.Background(), "plot", dir, "-map", "2002", "-point", "2")
	if code != exitUsage || !strings.Contains(errOut, "-point must be in 0..1 (the points of "+dir+"), is 2") {
		t.Errorf("-point 2 of 2 points: exit %d, %q", code, errOut)
	}
	// Without routes.csv.
	bare := filepath.Join(t.TempDir(), "bare")
	sweepSmall(t, bare, "-vary", "enforcement.budget_scale=1,2", "-replicates", "1", "-routes=false")
	code, _, errOut = krysha(context.Background(), "plot", bare, "-map", "2002")
	if code != exitUsage || !strings.Contains(errOut, "ran with -routes=false") {
		t.Errorf("a sweep without routes: exit %d, %q", code, errOut)
	}
}

// Bad -map years, a missing or wrong scenario, a directory that is not
// a run's: exit 2, a clear message, no map.
func TestPlotMapErrors(t *testing.T) {
	t.Parallel()
	dir, _ := runSmall(t)
	// A run of a copy of small.toml that is then removed; its observed
	// data go with it.
	tmp := t.TempDir()
	for _, f := range []string{small, "testdata/small_observed.csv"} {
		if err := os.WriteFile(filepath.Join(tmp, filepath.Base(f)), readFile(t, f), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	gone := filepath.Join(tmp, "small.toml")
	lost := filepath.Join(t.TempDir(), "lost")
	if code, _, errOut := krysha(context.Background(), "run", "-quiet", "-replicates", "1", "-out", lost, gone); code != 0 {
		t.Fatalf("run %s: exit %d, %s", gone, code, errOut)
	}
	if err := os.Remove(gone); err != nil {
		t.Fatal(err)
	}
	// A run whose manifest says it ran the embedded scenario.
	embedded := filepath.Join(t.TempDir(), "embedded")
	if err := os.CopyFS(embedded, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	var man map[string]any
	manPath := filepath.Join(embedded, experiment.ManifestFile)
	if err := json.Unmarshal(readFile(t, manPath), &man); err != nil {
		t.Fatal(err)
	}
	man["scenario_file"] = embeddedName
	b, _ := json.Marshal(man)
	if err := os.WriteFile(manPath, b, 0o666); err != nil {
		t.Fatal(err)
	}
	// A run directory of an older krysha, without routes.csv.
	old := filepath.Join(t.TempDir(), "old")
	if err := os.CopyFS(old, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(old, experiment.RoutesFile)); err != nil {
		t.Fatal(err)
	}

	usage := "usage: krysha plot [flags] DIR\n"
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"not a year", []string{dir, "-map", "2005,x"}, `krysha plot: -map: "x" is not a year or FIRST:LAST, in "2005,x" (e.g. -map 2005,2012)` + "\n" + usage},
		{"empty", []string{dir, "-map", ""}, `krysha plot: -map: "" is not a year`},
		{"backwards", []string{dir, "-map", "2003:2001"}, `-map: "2003:2001" is not a year or FIRST:LAST`},
		{"outside the scenario", []string{dir, "-map", "2001,1999"}, "krysha plot: -map: 1999:1999 is not within the years 2000:2004 of the scenario small\n" + usage},
		{"too many", []string{dir, "-map", "2000,2001,2002,2003,2004,2000,2001,2002,2003"}, "-map: 9 panels asked for, at most 8"},
		{"product", []string{dir, "-map", "2001", "-product", "guns"}, `krysha plot: -product: "guns", want drugs, people or both`},
		{"product without map", []string{dir, "-product", "people"}, "krysha plot: -product goes with -map YEARS\n" + usage},
		{"point of a run", []string{dir, "-map", "2001", "-point", "0"}, "-point picks a point of a sweep, and " + dir + " holds a run"},
		{"two directories", []string{dir, dir, "-map", "2001"}, "krysha plot: one directory, got 2"},
		{"scenario gone", []string{lost, "-map", "2001"}, lost + " was run with the scenario " + gone + ", which cannot be read from here (no such file or directory); the map needs it for the places and checkpoints: pass it with -scenario FILE\n"},
		{"scenario not found", []string{dir, "-map", "2001", "-scenario", gone}, "-scenario " + gone + ": no such file or directory\n"},
		{"another scenario", []string{lost, "-map", "2001", "-scenario", "testdata/sweep_table.toml"}, "testdata/sweep_table.toml is not the scenario " + lost + " was run with: with the 0 -set overrides"},
		{"embedded changed", []string{embedded, "-map", "2001"}, "kazakhstan.toml (embedded) is not the scenario " + embedded + " was run with"},
		{"no routes", []string{old, "-map", "2001"}, old + " has no routes.csv"},
		{"no manifest", []string{filepath.Join(dir, "nowhere"), "-map", "2001"}, "not the directory of a finished krysha run or sweep"},
		{"a run without -map", []string{dir}, "krysha plot: " + dir + " holds a run, whose chart is prosecutions.png; map its routes with -map YEARS"},
	}
	for _, tt := range tests {
		code, out, errOut := krysha(context.Background(), append([]string{"plot"}, tt.args...)...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, tt.want) {
			t.Errorf("%s: exit %d, stdout %q, stderr:\n%s\nwant 2 and stderr holding:\n%s", tt.name, code, out, errOut, tt.want)
		}
	}
	// The one map of -scenario with the right file: the lost run mapped.
	if code, out, errOut := krysha(context.Background(), "plot", lost, "-map", "2001", "-scenario", small); code != 0 {
		t.Errorf("-scenario with the right file: exit %d, %q, %q", code, out, errOut)
	}
	for _, d := range []string{dir, embedded, old} {
		matches, _ := filepath.Glob(filepath.Join(d, "map-*"))
		if len(matches) != 0 {
			t.Errorf("refused maps were written: %q", matches)
		}
	}
}
