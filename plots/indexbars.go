package plots

import (
	"cmp"
	"fmt"
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// IndexBars is a ranked bar chart of sensitivity indices, one panel per
// outcome: each parameter a row, holding one horizontal bar per index
// (say Sobol's total index ST and first-order index S, or Morris's μ*
// and σ) with its confidence interval as a whisker, the rows ranked by
// the first index, largest on top. A panel may also mark, on each row,
// a floor below which the first index is not told apart from noise.
//
// Index j takes the same colour in every panel; the key, under the
// title, names the indices, the interval and the floor.
type IndexBars struct {
	Title string
	// XLabel names the indices' scale, e.g. "Sobol index".
	XLabel string
	// Indices name the bars of a row, 1 to MaxIndices, drawn top to
	// bottom in this order; the first ranks the rows.
	Indices []string
	// Interval says what the whiskers are, e.g. "95% bootstrap
	// interval"; FloorLabel what the floor is. Empty leaves them out of
	// the key.
	Interval, FloorLabel string
	Panels               []IndexPanel
	// Columns is the number of panels a row; 0 means up to two.
	Columns int
}

// An IndexPanel is one outcome's indices.
type IndexPanel struct {
	Title string
	// Params name the rows, at least one, distinct and not empty.
	Params []string
	// Value[j][i] is index j of parameter i: len(Indices) rows of
	// len(Params). NaN means the index is not defined (an outcome with
	// no variance) and draws no bar. Lo and Hi, nil or of the same
	// shape, bound its interval; NaN in either draws no whisker.
	Value, Lo, Hi [][]float64
	// Floor, nil or one per parameter, is the noise floor of the first
	// index; NaN draws none.
	Floor []float64
}

// MaxIndices is the most bars a row holds.
const MaxIndices = 4

// indexColors are the palette positions of the indices: blue first, the
// strongest colour, then orange, green and purple.
var indexColors = [MaxIndices]int{3, 0, 2, 5}

// floorColor marks noise floors.
var floorColor = color.RGBA{R: 0x33, G: 0x33, B: 0x33, A: 0xFF}

// Figure validates and copies the chart and returns it ready to draw. An
// error is a *SeriesError of kind "index panel".
func (b *IndexBars) Figure() (Figure, error) {
	k := len(b.Indices)
	if k < 1 || k > MaxIndices {
		return nil, &SeriesError{Kind: "index panel", Label: b.Title,
			Err: fmt.Errorf("%w: %d indices, want 1 to %d", ErrLength, k, MaxIndices)}
	}
	if len(b.Panels) == 0 {
		return nil, &SeriesError{Kind: "index panel", Label: b.Title, Err: ErrEmpty}
	}
	g := &panelGrid{title: b.Title, cols: b.cols()}
	for i, pn := range b.Panels {
		bp, err := newIndexBarsPlot(pn, k)
		if err != nil {
			return nil, &SeriesError{Kind: "index panel", Index: i, Label: pn.Title, Err: err}
		}
		g.plots = append(g.plots, bp.plot(pn.Title, b.XLabel))
	}
	for j, name := range b.Indices {
		clr := seriesColor(indexColors[j])
		g.key = append(g.key, keyItem{label: name, swatch: func(c draw.Canvas, r vg.Rectangle) {
			h := (r.Max.Y - r.Min.Y) * 0.35
			mid := (r.Min.Y + r.Max.Y) / 2
			fillRect(c, clr, vg.Point{X: r.Min.X, Y: mid - h}, vg.Point{X: r.Max.X, Y: mid + h})
		}})
	}
	if b.Interval != "" {
		g.key = append(g.key, keyItem{label: b.Interval, swatch: func(c draw.Canvas, r vg.Rectangle) {
			drawWhisker(c, r.Min.X, r.Max.X, (r.Min.Y+r.Max.Y)/2, (r.Max.Y-r.Min.Y)*0.5)
		}})
	}
	if b.FloorLabel != "" && b.hasFloor() {
		g.key = append(g.key, keyItem{label: b.FloorLabel, swatch: func(c draw.Canvas, r vg.Rectangle) {
			x := (r.Min.X + r.Max.X) / 2
			strokeLine(c, floorStyle(), vg.Point{X: x, Y: r.Min.Y}, vg.Point{X: x, Y: r.Max.Y})
		}})
	}
	return g, nil
}

func (b *IndexBars) cols() int {
	if b.Columns > 0 {
		return b.Columns
	}
	return min(2, len(b.Panels))
}

func (b *IndexBars) hasFloor() bool {
	for _, pn := range b.Panels {
		for _, f := range pn.Floor {
			if !math.IsNaN(f) {
				return true
			}
		}
	}
	return false
}

// Height is the height at which the chart reads well: the title and
// key, and for each row of panels about 0.5 cm a bar row plus room for
// the panel's title and axis.
func (b *IndexBars) Height() vg.Length {
	params := 1
	for _, pn := range b.Panels {
		params = max(params, len(pn.Params))
	}
	rows := (len(b.Panels) + b.cols() - 1) / max(1, b.cols())
	perRow := vg.Length(params)*(0.32+0.18*vg.Length(len(b.Indices)))*vg.Centimeter + 2.6*vg.Centimeter
	return vg.Length(rows)*perRow + keyHeight(2)
}

// indexRow is one parameter's bars, copied.
type indexRow struct {
	param         string
	value, lo, hi []float64
	floor         float64
}

// indexBarsPlot draws one panel's rows, ranked, row 0 on top.
type indexBarsPlot struct {
	rows []indexRow
}

func newIndexBarsPlot(pn IndexPanel, k int) (*indexBarsPlot, error) {
	n := len(pn.Params)
	if n == 0 {
		return nil, fmt.Errorf("%w: no parameters", ErrEmpty)
	}
	seen := map[string]bool{}
	for _, p := range pn.Params {
		if p == "" {
			return nil, ErrNoLabel
		}
		if seen[p] {
			return nil, fmt.Errorf("%w: parameter %q", ErrDuplicate, p)
		}
		seen[p] = true
	}
	shape := func(name string, m [][]float64, optional bool) error {
		if m == nil && optional {
			return nil
		}
		if len(m) != k {
			return fmt.Errorf("%w: len(%s)=%d, %d indices", ErrLength, name, len(m), k)
		}
		for j, row := range m {
			if len(row) != n {
				return fmt.Errorf("%w: len(%s[%d])=%d, %d parameters", ErrLength, name, j, len(row), n)
			}
			if err := checkFiniteOrNaN(fmt.Sprintf("%s[%d]", name, j), row); err != nil {
				return err
			}
		}
		return nil
	}
	if err := shape("Value", pn.Value, false); err != nil {
		return nil, err
	}
	if err := shape("Lo", pn.Lo, true); err != nil {
		return nil, err
	}
	if err := shape("Hi", pn.Hi, true); err != nil {
		return nil, err
	}
	if (pn.Lo == nil) != (pn.Hi == nil) {
		return nil, fmt.Errorf("%w: give both Lo and Hi, or neither", ErrLength)
	}
	if pn.Floor != nil {
		if len(pn.Floor) != n {
			return nil, fmt.Errorf("%w: len(Floor)=%d, %d parameters", ErrLength, len(pn.Floor), n)
		}
		if err := checkFiniteOrNaN("Floor", pn.Floor); err != nil {
			return nil, err
		}
	}
	p := &indexBarsPlot{rows: make([]indexRow, n)}
	for i := range n {
		r := indexRow{param: pn.Params[i], value: make([]float64, k), lo: make([]float64, k), hi: make([]float64, k), floor: math.NaN()}
		for j := range k {
			r.value[j], r.lo[j], r.hi[j] = pn.Value[j][i], math.NaN(), math.NaN()
			if pn.Lo != nil {
				r.lo[j], r.hi[j] = pn.Lo[j][i], pn.Hi[j][i]
				if r.lo[j] > r.hi[j] {
					return nil, fmt.Errorf("%w: Lo[%d][%d]=%v > Hi[%d][%d]=%v", ErrInverted, j, i, r.lo[j], j, i, r.hi[j])
				}
			}
		}
		if pn.Floor != nil {
			r.floor = pn.Floor[i]
		}
		p.rows[i] = r
	}
	// Largest first index on top; undefined ones last; ties keep the
	// parameters' order.
	slices.SortStableFunc(p.rows, func(a, b indexRow) int {
		va, vb := a.value[0], b.value[0]
		// Descending; cmp.Compare orders NaN first, so NaN comes last.
		return cmp.Compare(vb, va)
	})
	return p, nil
}

// checkFiniteOrNaN is checkFinite that lets NaN, "not defined", pass.
func checkFiniteOrNaN(name string, v []float64) error {
	for i, x := range v {
		if !math.IsNaN(x) && !(math.Abs(x) <= maxMagnitude) {
			return fmt.Errorf("%w: %s[%d]=%v", ErrNotFinite, name, i, x)
		}
	}
	return nil
}

// plot returns the panel's plot with its axes set.
func (p *indexBarsPlot) plot(title, xLabel string) *plot.Plot {
	pl := newPlot("", xLabel, "")
	panelTitle(pl, title)
	grid := newGrid()
	grid.Horizontal.Color = nil // the rows are the parameters; vertical lines only
	pl.Add(grid, p)
	lo, hi := 0.0, 0.0
	for _, r := range p.rows {
		for j := range r.value {
			for _, v := range []float64{r.value[j], r.lo[j], r.hi[j]} {
				if !math.IsNaN(v) {
					lo, hi = math.Min(lo, v), math.Max(hi, v)
				}
			}
		}
		if !math.IsNaN(r.floor) {
			hi = math.Max(hi, r.floor)
		}
	}
	if lo == hi {
		hi = lo + 1
	}
	lo, hi, step := roundRange(lo, hi)
	pl.X.Min, pl.X.Max = lo, hi
	pl.X.Tick.Marker = linearTicks{step: step}
	n := len(p.rows)
	pl.Y.Min, pl.Y.Max = -0.5, float64(n)-0.5
	ticks := make(plot.ConstantTicks, n)
	for i, r := range p.rows {
		ticks[i] = plot.Tick{Value: float64(n - 1 - i), Label: r.param}
	}
	pl.Y.Tick.Marker = ticks
	pl.Y.Tick.Length = 0
	return pl
}

// barSpan is the share of a row's height its bars fill together.
const barSpan = 0.78

// Plot implements plot.Plotter.
func (p *indexBarsPlot) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	n := len(p.rows)
	for i, r := range p.rows {
		y := float64(n - 1 - i)
		k := len(r.value)
		h := barSpan / float64(k)
		for j, v := range r.value {
			if math.IsNaN(v) {
				continue
			}
			yc := y + barSpan/2 - h*(float64(j)+0.5)
			fillRect(c, seriesColor(indexColors[j]),
				vg.Point{X: trX(0), Y: trY(yc - 0.42*h)}, vg.Point{X: trX(v), Y: trY(yc + 0.42*h)})
			if !math.IsNaN(r.lo[j]) && !math.IsNaN(r.hi[j]) {
				drawWhisker(c, trX(r.lo[j]), trX(r.hi[j]), trY(yc), trY(yc+0.3*h)-trY(yc))
			}
		}
		if !math.IsNaN(r.floor) {
			x := trX(r.floor)
			strokeLine(c, floorStyle(), vg.Point{X: x, Y: trY(y - barSpan/2)}, vg.Point{X: x, Y: trY(y + barSpan/2)})
		}
	}
	if plt.X.Min < 0 {
		strokeLine(c, draw.LineStyle{Color: inkColor, Width: axisWidth},
			vg.Point{X: trX(0), Y: c.Min.Y}, vg.Point{X: trX(0), Y: c.Max.Y})
	}
}

// DataRange implements plot.DataRanger; the axes are set by plot.
func (p *indexBarsPlot) DataRange() (xmin, xmax, ymin, ymax float64) {
	return 0, 1, -0.5, float64(len(p.rows)) - 0.5
}

// drawWhisker draws an interval from x0 to x1 at height y, with end
// caps of half-height cap.
func drawWhisker(c draw.Canvas, x0, x1, y, cap vg.Length) {
	sty := draw.LineStyle{Color: inkColor, Width: 1}
	strokeLine(c, sty, vg.Point{X: x0, Y: y}, vg.Point{X: x1, Y: y})
	for _, x := range []vg.Length{x0, x1} {
		strokeLine(c, sty, vg.Point{X: x, Y: y - cap}, vg.Point{X: x, Y: y + cap})
	}
}

func floorStyle() draw.LineStyle {
	return draw.LineStyle{Color: floorColor, Width: 1.6, Dashes: []vg.Length{2.5, 1.5}}
}
