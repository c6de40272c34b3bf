package plots_test

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"

	"gonum.org/v1/plot/cmpimg"
	"gonum.org/v1/plot/vg"

	"github.com/krysha/krysha/plots"
)

// budgetClan is a synthetic sweep result shaped like krysha's: mean
// yearly prosecutions over a grid of budget scale and same-clan
// loyalty, rising with the budget and falling with loyalty.
func budgetClan() *plots.Heatmap {
	h := &plots.Heatmap{
		Title:  "Prosecutions a year, mean of 10 replicates",
		XLabel: "enforcement.budget_scale",
		YLabel: "bribe.same_clan",
		ZLabel: "prosecutions a year",
		X:      []float64{0.5, 1, 1.5, 2, 2.5, 3},
		Y:      []float64{0, 0.5, 1, 1.5, 2},
	}
	for _, c := range h.Y {
		row := make([]float64, len(h.X))
		for j, b := range h.X {
			row[j] = math.Round(10 * 60 * (1 - math.Exp(-b)) / (1 + 0.6*c))
			row[j] /= 10
		}
		h.Z = append(h.Z, row)
	}
	return h
}

// threeParameters is a synthetic Latin hypercube of 60 runs over three
// parameters: the outcome rises with the first, falls with the second,
// ignores the third, plus a deterministic wobble for noise.
func threeParameters() *plots.Panels {
	names := []string{"enforcement.budget_scale", "bribe.same_clan", "patronage.rotation_months"}
	lo := []float64{0.5, 0, 6}
	hi := []float64{3, 2, 48}
	p := &plots.Panels{Title: "Convictions a year against each parameter", YLabel: "convictions a year"}
	cols := make([][]float64, 3)
	var y []float64
	for i := range 60 {
		u := make([]float64, 3)
		for j := range u {
			u[j] = math.Mod(float64(i)*[]float64{0.618034, 0.754878, 0.569840}[j]+0.5/60, 1)
			cols[j] = append(cols[j], lo[j]+u[j]*(hi[j]-lo[j]))
		}
		y = append(y, 20+25*u[0]-12*u[1]+6*math.Sin(float64(7*i)))
	}
	for j, n := range names {
		p.Panels = append(p.Panels, plots.Panel{XLabel: n, X: cols[j], Y: y})
	}
	return p
}

// goldenFigure compares fig drawn at w × h with testdata/name, or writes
// it there with -update.
func goldenFigure(t *testing.T, fig plots.Figure, name string, w, h vg.Length) {
	t.Helper()
	golden := filepath.Join("testdata", name)
	if *update {
		if err := plots.SaveFigure(fig, golden, w, h); err != nil {
			t.Fatal(err)
		}
		return
	}
	out := filepath.Join(t.TempDir(), name)
	if dir := os.Getenv("KRYSHA_TEST_OUT"); dir != "" {
		out = filepath.Join(dir, name)
	}
	if err := plots.SaveFigure(fig, out, w, h); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	ok, err := cmpimg.EqualApprox("png", got, want, goldenDelta)
	if err != nil {
		t.Fatal(err)
	}
	if !ok {
		t.Errorf("%s differs from %s (set KRYSHA_TEST_OUT to keep it); if the change is intended, run go test -update", out, golden)
	}
}

func TestHeatmapGolden(t *testing.T) {
	fig, err := budgetClan().Figure()
	if err != nil {
		t.Fatal(err)
	}
	goldenFigure(t, fig, "heatmap_golden.png", plots.DefaultWidth, plots.DefaultHeight)
}

func TestPanelsGolden(t *testing.T) {
	fig, err := threeParameters().Figure()
	if err != nil {
		t.Fatal(err)
	}
	goldenFigure(t, fig, "panels_golden.png", plots.DefaultWidth, plots.PanelsHeight(3, 0))
}

func TestHeatmapValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(h *plots.Heatmap)
		want   error
	}{
		{"no columns", func(h *plots.Heatmap) { h.X = nil }, plots.ErrEmpty},
		{"X unsorted", func(h *plots.Heatmap) { h.X[1], h.X[2] = h.X[2], h.X[1] }, plots.ErrXOrder},
		{"Y unsorted", func(h *plots.Heatmap) { h.Y[0] = 9 }, plots.ErrXOrder},
		{"short row", func(h *plots.Heatmap) { h.Z[2] = h.Z[2][1:] }, plots.ErrLength},
		{"missing row", func(h *plots.Heatmap) { h.Z = h.Z[1:] }, plots.ErrLength},
		{"NaN", func(h *plots.Heatmap) { h.Z[1][1] = math.NaN() }, plots.ErrNotFinite},
	}
	for _, tt := range tests {
		h := budgetClan()
		tt.change(h)
		_, err := h.Figure()
		var se *plots.SeriesError
		if !errors.Is(err, tt.want) || !errors.As(err, &se) || se.Kind != "heatmap" {
			t.Errorf("%s: %v, want a heatmap SeriesError wrapping %v", tt.name, err, tt.want)
		}
	}
	h := budgetClan()
	for _, row := range h.Z {
		for j := range row {
			row[j] = 7 // one colour: still drawable
		}
	}
	if _, err := h.Figure(); err != nil {
		t.Errorf("a constant heatmap: %v", err)
	}
}

func TestPanelsValidation(t *testing.T) {
	t.Parallel()
	p := threeParameters()
	p.Panels[1].Y = p.Panels[1].Y[1:]
	if _, err := p.Figure(); !errors.Is(err, plots.ErrLength) {
		t.Errorf("panel with short Y: %v", err)
	}
	if _, err := (&plots.Panels{}).Figure(); !errors.Is(err, plots.ErrEmpty) {
		t.Errorf("no panels: %v", err)
	}
	one := &plots.Panels{Panels: []plots.Panel{{XLabel: "x", X: []float64{1, 1}, Y: []float64{2, 2}}}}
	if _, err := one.Figure(); err != nil {
		t.Errorf("a panel of one point twice: %v", err)
	}
}

func TestSmooth(t *testing.T) {
	t.Parallel()
	x := []float64{0, 1, 2, 3, 4}
	// A constant is its own smooth; a line is too at its centre of
	// symmetry, and the ends are pulled inwards.
	c := plots.Smooth(x, []float64{5, 5, 5, 5, 5}, []float64{0, 2.5, 4}, 1)
	line := plots.Smooth(x, []float64{0, 1, 2, 3, 4}, []float64{0, 2, 4}, 1)
	for i, v := range c {
		if math.Abs(v-5) > 1e-12 {
			t.Errorf("smooth of a constant at %d = %v", i, v)
		}
	}
	if math.Abs(line[1]-2) > 1e-12 || !(line[0] > 0 && line[0] < 1) || !(line[2] > 3 && line[2] < 4) {
		t.Errorf("smooth of a line: %v", line)
	}
	// Silverman's rule for 0..4: σ = √2, n = 5: 1.06·√2·5^(−1/5) ≈ 1.084.
	if h := plots.Bandwidth(x); math.Abs(h-1.06*math.Sqrt2*math.Pow(5, -0.2)) > 1e-12 {
		t.Errorf("Bandwidth = %v", h)
	}
	if h := plots.Bandwidth([]float64{3, 3, 3}); h != 1 {
		t.Errorf("Bandwidth of a constant = %v, want 1", h)
	}
}
