package plots

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// IndexLines draws sensitivity indices over the years, one panel per
// outcome: for each parameter, its index in each year as a line, so
// that one sees when in the period a parameter matters. To stay
// readable a panel draws only its Top parameters (by their mean index
// over the years); a parameter keeps one colour and dash in every panel,
// and the key under the title names those drawn. A panel may add a
// reference line, dashed grey, such as the share of variance that is
// replicate noise.
type IndexLines struct {
	Title, YLabel string
	// Params name the parameters, at least one, distinct and not empty.
	Params []string
	Panels []IndexLinesPanel
	// Top is the number of parameters drawn in a panel; 0 means
	// DefaultTopLines.
	Top int
	// RefLabel names the panels' Ref lines in the key.
	RefLabel string
	// Columns is the number of panels a row; 0 means up to two.
	Columns int
}

// An IndexLinesPanel is one outcome's indices over the years.
type IndexLinesPanel struct {
	Title string
	// Years are the x values, at least one, strictly increasing.
	Years []float64
	// Value[i][y] is parameter i's index in Years[y]: len(Params) rows of
	// len(Years). NaN breaks the line (a year with no variance).
	Value [][]float64
	// Ref, nil or one a year, is the reference line; NaN breaks it.
	Ref []float64
}

// DefaultTopLines is how many parameters a panel draws by default: more
// lines than this are hard to follow.
const DefaultTopLines = 6

// Figure validates and copies the chart and returns it ready to draw. An
// error is a *SeriesError of kind "index lines".
func (l *IndexLines) Figure() (Figure, error) {
	if len(l.Params) == 0 || len(l.Panels) == 0 {
		return nil, &SeriesError{Kind: "index lines", Label: l.Title, Err: ErrEmpty}
	}
	seen := map[string]bool{}
	for i, p := range l.Params {
		if p == "" {
			return nil, &SeriesError{Kind: "index lines", Index: i, Label: l.Title, Err: ErrNoLabel}
		}
		if seen[p] {
			return nil, &SeriesError{Kind: "index lines", Index: i, Label: p, Err: ErrDuplicate}
		}
		seen[p] = true
	}
	top := l.Top
	if top <= 0 {
		top = DefaultTopLines
	}
	cols := l.Columns
	if cols <= 0 {
		cols = min(2, len(l.Panels))
	}
	g := &panelGrid{title: l.Title, cols: cols}
	drawn := make([]bool, len(l.Params))
	hasRef := false
	for i, pn := range l.Panels {
		if err := l.check(pn); err != nil {
			return nil, &SeriesError{Kind: "index lines", Index: i, Label: pn.Title, Err: err}
		}
		pl := newPlot("", "year", l.YLabel)
		panelTitle(pl, pn.Title)
		pl.Add(newGrid())
		lines := &yearLines{}
		for _, p := range topParams(pn.Value, top) {
			drawn[p] = true
			lines.add(pn.Years, pn.Value[p], paramStyle(p))
		}
		if pn.Ref != nil {
			hasRef = true
			lines.add(pn.Years, pn.Ref, refStyle())
		}
		pl.Add(lines)
		setYearAxes(pl, lines, pn.Years)
		g.plots = append(g.plots, pl)
	}
	for p, name := range l.Params {
		if drawn[p] {
			sty := paramStyle(p)
			g.key = append(g.key, keyItem{label: name, swatch: lineSwatch(sty)})
		}
	}
	if hasRef && l.RefLabel != "" {
		g.key = append(g.key, keyItem{label: l.RefLabel, swatch: lineSwatch(refStyle())})
	}
	return g, nil
}

// check validates one panel against the chart's parameters.
func (l *IndexLines) check(pn IndexLinesPanel) error {
	if len(pn.Years) == 0 {
		return fmt.Errorf("%w: no years", ErrEmpty)
	}
	if err := checkFinite([]string{"Years"}, pn.Years); err != nil {
		return err
	}
	if err := checkIncreasing(pn.Years); err != nil {
		return err
	}
	if len(pn.Value) != len(l.Params) {
		return fmt.Errorf("%w: len(Value)=%d, %d parameters", ErrLength, len(pn.Value), len(l.Params))
	}
	for i, row := range pn.Value {
		if len(row) != len(pn.Years) {
			return fmt.Errorf("%w: len(Value[%d])=%d, %d years", ErrLength, i, len(row), len(pn.Years))
		}
		if err := checkFiniteOrNaN(fmt.Sprintf("Value[%d]", i), row); err != nil {
			return err
		}
	}
	if pn.Ref != nil {
		if len(pn.Ref) != len(pn.Years) {
			return fmt.Errorf("%w: len(Ref)=%d, %d years", ErrLength, len(pn.Ref), len(pn.Years))
		}
		if err := checkFiniteOrNaN("Ref", pn.Ref); err != nil {
			return err
		}
	}
	return nil
}

// topParams returns the indices of the top rows of v by their mean over
// the defined years, in the order of the rows; rows never defined are
// left out.
func topParams(v [][]float64, top int) []int {
	type ranked struct {
		i    int
		mean float64
	}
	var rs []ranked
	for i, row := range v {
		var s float64
		n := 0
		for _, x := range row {
			if !math.IsNaN(x) {
				s += x
				n++
			}
		}
		if n > 0 {
			rs = append(rs, ranked{i, s / float64(n)})
		}
	}
	slices.SortStableFunc(rs, func(a, b ranked) int {
		switch {
		case a.mean > b.mean:
			return -1
		case a.mean < b.mean:
			return 1
		}
		return 0
	})
	out := make([]int, 0, top)
	for _, r := range rs[:min(top, len(rs))] {
		out = append(out, r.i)
	}
	slices.Sort(out)
	return out
}

// lineColors are the palette positions of parameters' lines: all but
// yellow, too faint for a thin line on white.
var lineColors = [...]int{0, 1, 2, 3, 4, 5, 7}

// paramStyle is parameter p's line: a palette colour, solid for the
// first seven parameters, dashed for the next seven, dotted for the
// seven after, and so on.
func paramStyle(p int) draw.LineStyle {
	sty := draw.LineStyle{Color: seriesColor(lineColors[p%len(lineColors)]), Width: 1.8}
	switch (p / len(lineColors)) % 3 {
	case 1:
		sty.Dashes = []vg.Length{6, 3}
	case 2:
		sty.Dashes = []vg.Length{1.5, 2.5}
	}
	return sty
}

func refStyle() draw.LineStyle {
	return draw.LineStyle{Color: mutedColor, Width: 1.4, Dashes: []vg.Length{4, 3}}
}

func lineSwatch(sty draw.LineStyle) func(c draw.Canvas, r vg.Rectangle) {
	return func(c draw.Canvas, r vg.Rectangle) {
		y := (r.Min.Y + r.Max.Y) / 2
		strokeLine(c, sty, vg.Point{X: r.Min.X, Y: y}, vg.Point{X: r.Max.X, Y: y})
	}
}

// yearLines are lines over the years, broken at NaN, copied.
type yearLines struct {
	x, y   [][]float64
	styles []draw.LineStyle
}

func (l *yearLines) add(x, y []float64, sty draw.LineStyle) {
	l.x = append(l.x, slices.Clone(x))
	l.y = append(l.y, slices.Clone(y))
	l.styles = append(l.styles, sty)
}

// Plot implements plot.Plotter.
func (l *yearLines) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	for s := range l.x {
		var pts []vg.Point
		flush := func() {
			if len(pts) == 1 { // a year alone between gaps: a dot
				c.FillPolygon(l.styles[s].Color, c.ClipPolygonXY(circle(pts[0], l.styles[s].Width*1.2)))
			} else if len(pts) > 1 {
				c.StrokeLines(l.styles[s], c.ClipLinesXY(pts)...)
			}
			pts = pts[:0]
		}
		for i, v := range l.y[s] {
			if math.IsNaN(v) {
				flush()
				continue
			}
			pts = append(pts, vg.Point{X: trX(l.x[s][i]), Y: trY(v)})
		}
		flush()
	}
}

// circle returns the polygon of a small circle about p.
func circle(p vg.Point, r vg.Length) []vg.Point {
	const n = 12
	out := make([]vg.Point, n)
	for i := range out {
		a := 2 * math.Pi * float64(i) / n
		out[i] = vg.Point{X: p.X + r*vg.Length(math.Cos(a)), Y: p.Y + r*vg.Length(math.Sin(a))}
	}
	return out
}

// DataRange implements plot.DataRanger over the defined values.
func (l *yearLines) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for s := range l.x {
		for i, v := range l.y[s] {
			if !math.IsNaN(v) {
				xmin, xmax = math.Min(xmin, l.x[s][i]), math.Max(xmax, l.x[s][i])
				ymin, ymax = math.Min(ymin, v), math.Max(ymax, v)
			}
		}
	}
	return xmin, xmax, ymin, ymax
}

// setYearAxes puts the years on x, whole numbers, and the values on a
// y axis from zero (or below, if an index is negative).
func setYearAxes(pl *plot.Plot, l *yearLines, years []float64) {
	pl.X.Min, pl.X.Max = years[0], years[len(years)-1]
	if pl.X.Min == pl.X.Max {
		pl.X.Min, pl.X.Max = pl.X.Min-1, pl.X.Max+1
	}
	pl.X.Tick.Marker = integerTicks{}
	_, _, ymin, ymax := l.DataRange()
	if ymin > ymax { // nothing defined
		ymin, ymax = 0, 1
	}
	ymin, ymax = math.Min(ymin, 0), math.Max(ymax, 0)
	if ymin == ymax {
		ymax = 1
	}
	lo, hi, step := roundRange(ymin, ymax)
	pl.Y.Min, pl.Y.Max = lo, hi
	pl.Y.Tick.Marker = linearTicks{step: step}
}

// Height is the height at which the chart reads well: the title, a key
// of up to three rows and about 6.5 cm a row of panels.
func (l *IndexLines) Height() vg.Length {
	cols := l.Columns
	if cols <= 0 {
		cols = min(2, len(l.Panels))
	}
	rows := (len(l.Panels) + cols - 1) / max(1, cols)
	return vg.Length(rows)*6.5*vg.Centimeter + keyHeight(3)
}
