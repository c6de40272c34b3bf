package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"

	"github.com/krysha/krysha/plots"
	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/experiment/design"
)

// maxScatterRuns bounds the points a panel draws one a run; beyond it
// each design point is one point, the mean of its replicates.
const maxScatterRuns = 20000

// drawSweep draws the charts of a study's run directory from its
// runs.csv and manifest, and returns the files written: per outcome, a
// response curve (response-NAME.png) when one parameter varies, a heatmap
// (heatmap-NAME.png) when two vary on a full grid, and panels
// (panels-NAME.png) otherwise. Columns that are not numbers are not
// drawn.
func drawSweep(dir string, man *experiment.StudyManifest) ([]string, error) {
	f, err := os.Open(filepath.Join(dir, experiment.RunsFile))
	if err != nil {
		return nil, err
	}
	t, err := experiment.ReadRuns(f)
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	var cols []int // numeric columns
	for j := range t.Columns {
		numeric := len(t.Rows) > 0
		for _, r := range t.Rows {
			if math.IsNaN(r.Values[j]) {
				numeric = false
				break
			}
		}
		if numeric {
			cols = append(cols, j)
		}
	}
	if len(t.Rows) == 0 || len(cols) == 0 {
		return nil, nil
	}
	var spec design.Spec
	_ = json.Unmarshal(man.Design, &spec) // another command's design: charts from the data alone
	title := func(o experiment.Outcome) string {
		return fmt.Sprintf("%s: %s, %d–%d mean", man.Scenario, o.Name(), man.Window.First, man.Window.Last)
	}
	var written []string
	for o := range experiment.NumOutcomes {
		var name string
		var err error
		switch {
		case len(cols) == 1 && responseCurve(t, cols[0]):
			name = "response-" + o.Name() + ".png"
			err = saveResponse(filepath.Join(dir, name), t, cols[0], o, title(o), isInt(spec, t.Columns[cols[0]]))
		case len(cols) == 2 && spec.Kind == design.KindGrid:
			name = "heatmap-" + o.Name() + ".png"
			err = saveHeatmap(filepath.Join(dir, name), t, cols, o, title(o))
		default:
			name = "panels-" + o.Name() + ".png"
			err = savePanels(filepath.Join(dir, name), t, cols, o, title(o))
		}
		if err != nil {
			return written, err
		}
		written = append(written, name)
	}
	return written, nil
}

func isInt(spec design.Spec, path string) bool {
	for _, f := range spec.Factors {
		if f.Path == path {
			return f.Int
		}
	}
	return false
}

// responseCurve reports whether column j takes few enough values, each
// in at least two runs, for a curve with a band.
func responseCurve(t *experiment.RunsTable, j int) bool {
	count := map[float64]int{}
	for _, r := range t.Rows {
		count[r.Values[j]]++
	}
	if len(count) > 60 {
		return false
	}
	for _, n := range count {
		if n < 2 {
			return false
		}
	}
	return true
}

// saveResponse draws outcome o against column j: at each value, the
// mean across its runs and the interval holding their middle 90%.
func saveResponse(path string, t *experiment.RunsTable, j int, o experiment.Outcome, title string, integer bool) error {
	byX := map[float64][]float64{}
	for _, r := range t.Rows {
		byX[r.Values[j]] = append(byX[r.Values[j]], r.Outcomes[o])
	}
	b := plots.Band{Label: o.Name()}
	b.X = slices.Sorted(maps.Keys(byX))
	for _, x := range b.X {
		ys := byX[x]
		sum := 0.0
		for _, y := range ys {
			sum += y
		}
		slices.Sort(ys)
		b.Mean = append(b.Mean, sum/float64(len(ys)))
		b.Lo = append(b.Lo, experiment.Quantile(experiment.LoP, ys))
		b.Hi = append(b.Hi, experiment.Quantile(experiment.HiP, ys))
	}
	c := &plots.BandChart{Title: title, XLabel: t.Columns[j], YLabel: o.Doc(), Bands: []plots.Band{b},
		Interval: "90% of runs", YFromZero: true, IntegerX: integer}
	p, err := c.Plot()
	if err != nil {
		return fmt.Errorf("drawing %s: %w", path, err)
	}
	return plots.Save(p, path, plots.DefaultWidth, plots.DefaultHeight)
}

// saveHeatmap draws the mean of outcome o at each point of a grid of
// two columns; a grid with a combination missing is drawn as panels.
func saveHeatmap(path string, t *experiment.RunsTable, cols []int, o experiment.Outcome, title string) error {
	pts := t.Points()
	xs, ys := map[float64]int{}, map[float64]int{}
	for _, p := range pts {
		xs[p.Values[cols[0]]], ys[p.Values[cols[1]]] = 0, 0
	}
	h := &plots.Heatmap{Title: title, XLabel: t.Columns[cols[0]], YLabel: t.Columns[cols[1]], ZLabel: o.Doc(),
		X: slices.Sorted(maps.Keys(xs)), Y: slices.Sorted(maps.Keys(ys))}
	for i, x := range h.X {
		xs[x] = i
	}
	for i, y := range h.Y {
		ys[y] = i
	}
	h.Z = make([][]float64, len(h.Y))
	seen := make([][]bool, len(h.Y))
	for i := range h.Z {
		h.Z[i] = make([]float64, len(h.X))
		seen[i] = make([]bool, len(h.X))
	}
	for _, p := range pts {
		i, k := ys[p.Values[cols[1]]], xs[p.Values[cols[0]]]
		h.Z[i][k], seen[i][k] = p.Mean[o], true
	}
	for i := range seen {
		if slices.Contains(seen[i], false) {
			return savePanels(path, t, cols, o, title)
		}
	}
	fig, err := h.Figure()
	if err != nil {
		return fmt.Errorf("drawing %s: %w", path, err)
	}
	return plots.SaveFigure(fig, path, plots.DefaultWidth, plots.DefaultHeight)
}

// savePanels draws outcome o against each column, a panel each: one
// point a run (or a design point, for large studies) and the smoothed
// mean.
func savePanels(path string, t *experiment.RunsTable, cols []int, o experiment.Outcome, title string) error {
	ps := &plots.Panels{Title: title, YLabel: o.Doc()}
	var pts []experiment.PointStats
	if len(t.Rows) > maxScatterRuns {
		pts = t.Points()
	}
	for _, j := range cols {
		pn := plots.Panel{XLabel: t.Columns[j]}
		if pts != nil {
			for _, p := range pts {
				pn.X, pn.Y = append(pn.X, p.Values[j]), append(pn.Y, p.Mean[o])
			}
		} else {
			for _, r := range t.Rows {
				pn.X, pn.Y = append(pn.X, r.Values[j]), append(pn.Y, r.Outcomes[o])
			}
		}
		ps.Panels = append(ps.Panels, pn)
	}
	fig, err := ps.Figure()
	if err != nil {
		return fmt.Errorf("drawing %s: %w", path, err)
	}
	return plots.SaveFigure(fig, path, plots.DefaultWidth, plots.PanelsHeight(len(ps.Panels), 0))
}
