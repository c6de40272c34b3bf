package plots

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Forest is a forest plot: estimates with their intervals, one row per
// item (say, a policy) and one panel per quantity (say, an outcome), as
// in a meta-analysis. Each panel has its own x axis, in the quantity's
// units, with a dashed line at zero; an estimate whose interval lies
// wholly on one side of zero is drawn in colour, one whose interval
// holds zero in hollow grey, so that the effects the data are sure of
// stand out. Rows read from the top down, in the order given.
type Forest struct {
	// Title heads the figure; Note, if any, is a line under it in
	// small type, e.g. what the intervals are.
	Title, Note string
	// Rows label the rows, top to bottom; at least one.
	Rows []string
	// Panels are the quantities; at least one.
	Panels []ForestPanel
	// Columns is the number of panels a row of the figure; 0 means up
	// to four.
	Columns int
}

// A ForestPanel is one quantity: for row i, the estimate Est[i] and its
// interval [Lo[i], Hi[i]]. Each slice has len(Forest.Rows) values. A row
// with no estimate has all three NaN and is left blank; any other row
// has finite values with Lo[i] ≤ Hi[i] (the estimate may lie outside
// the interval).
type ForestPanel struct {
	// Title names the quantity above the panel; XLabel the units of
	// its axis.
	Title, XLabel string
	Est, Lo, Hi   []float64
}

// Forest geometry.
const (
	forestRowHeight = 0.55 * vg.Centimeter // a row of a panel
	forestAxes      = 2.4 * vg.Centimeter  // a panel's title and x axis
	forestHeader    = 1.6 * vg.Centimeter  // the figure's title and note
	forestCapHeight = vg.Length(3)         // half the whisker caps
	forestRadius    = vg.Length(3.5)       // the estimate's dot
	forestLineWidth = vg.Length(1.5)       // the interval's line
)

// ForestHeight is the height of a forest of rows rows and panels panels
// cols to a row (0: as Forest.Columns 0): a title and, per row of
// panels, its title and axis and about half a centimetre a row.
func ForestHeight(rows, panels, cols int) vg.Length {
	if cols <= 0 {
		cols = min(4, panels)
	}
	prow := (panels + max(cols, 1) - 1) / max(cols, 1)
	return forestHeader + vg.Length(prow)*(forestAxes+vg.Length(rows)*forestRowHeight)
}

// validate checks the rows and panels.
func (f *Forest) validate() error {
	if len(f.Rows) == 0 || len(f.Panels) == 0 {
		return &SeriesError{Kind: "forest", Label: f.Title, Err: fmt.Errorf("%w: %d rows, %d panels", ErrEmpty, len(f.Rows), len(f.Panels))}
	}
	for k, p := range f.Panels {
		bad := func(err error) error { return &SeriesError{Kind: "forest panel", Index: k, Label: p.Title, Err: err} }
		if len(p.Est) != len(f.Rows) || len(p.Lo) != len(f.Rows) || len(p.Hi) != len(f.Rows) {
			return bad(fmt.Errorf("%w: %d rows, len(Est)=%d, len(Lo)=%d, len(Hi)=%d", ErrLength, len(f.Rows), len(p.Est), len(p.Lo), len(p.Hi)))
		}
		for i := range f.Rows {
			if math.IsNaN(p.Est[i]) && math.IsNaN(p.Lo[i]) && math.IsNaN(p.Hi[i]) {
				continue
			}
			if err := checkFinite([]string{"Est", "Lo", "Hi"}, p.Est[i:i+1], p.Lo[i:i+1], p.Hi[i:i+1]); err != nil {
				return bad(fmt.Errorf("row %d %q: %w", i, f.Rows[i], err))
			}
			if p.Lo[i] > p.Hi[i] {
				return bad(fmt.Errorf("%w: row %d %q: Lo=%v > Hi=%v", ErrInverted, i, f.Rows[i], p.Lo[i], p.Hi[i]))
			}
		}
	}
	return nil
}

// Figure validates and copies the forest and returns it ready to draw.
// An error is a *SeriesError of kind "forest" or "forest panel".
func (f *Forest) Figure() (Figure, error) {
	if err := f.validate(); err != nil {
		return nil, err
	}
	cols := f.Columns
	if cols <= 0 {
		cols = min(4, len(f.Panels))
	}
	fig := &forestFigure{title: f.Title, note: f.Note, rows: append([]string(nil), f.Rows...), cols: cols}
	n := len(f.Rows)
	for _, p := range f.Panels {
		pl := newPlot(p.Title, p.XLabel, "")
		pl.Title.TextStyle = textStyle(labelSize, true)
		pl.Title.TextStyle.XAlign, pl.Title.TextStyle.YAlign = draw.XCenter, draw.YTop
		pl.Title.Padding = vg.Length(4)
		pl.Add(newGrid())
		zero, _ := newMarkerPlotter(Marker{X: 0}) // finite: cannot fail
		zero.line.Color = inkColor
		pl.Add(zero)
		fp := &forestPlotter{
			est: append([]float64(nil), p.Est...),
			lo:  append([]float64(nil), p.Lo...),
			hi:  append([]float64(nil), p.Hi...),
		}
		pl.Add(fp)
		pl.Y.Min, pl.Y.Max = -0.5, float64(n)-0.5
		pl.Y.Tick.Marker = rowTicks{n: n}
		pl.Y.Tick.Length = 0
		lo, hi, step := coarseRange(fp.xRange())
		pl.X.Min, pl.X.Max = lo, hi
		pl.X.Tick.Marker = linearTicks{step: step}
		fig.plots = append(fig.plots, pl)
	}
	return fig, nil
}

// forestIntervals is the most intervals between labelled ticks on a
// forest's x axes: its panels are narrow, and labels such as "-0.025"
// must stay apart.
const forestIntervals = 4

// coarseRange widens [lo, hi] (lo < hi) to multiples of a round step
// that cuts it into at most forestIntervals intervals, as roundRange
// does for maxIntervals.
func coarseRange(lo, hi float64) (rlo, rhi, step float64) {
	scale := float64(maxIntervals) / forestIntervals
	for step = roundStep((hi-lo)*scale, roundMantissas); ; step = roundStep(step*maxIntervals*(1+1e-6), roundMantissas) {
		rlo = math.Min(lo, math.Floor(lo/step+1e-9)*step)
		rhi = math.Max(hi, math.Ceil(hi/step-1e-9)*step)
		if (rhi-rlo)/step <= forestIntervals*(1+1e-9) {
			return rlo, rhi, step
		}
	}
}

// rowTicks puts an unlabelled tick at each of n rows, so that the grid
// marks every row; the figure writes the rows' labels left of the
// panels.
type rowTicks struct{ n int }

// Ticks implements plot.Ticker.
func (t rowTicks) Ticks(_, _ float64) []plot.Tick {
	ticks := make([]plot.Tick, t.n)
	for i := range ticks {
		ticks[i].Value = float64(i)
	}
	return ticks
}

// forestPlotter draws a panel's intervals and estimates: row i at
// y = n−1−i.
type forestPlotter struct {
	est, lo, hi []float64
}

// xRange returns the span of the intervals and estimates, with zero in
// it and some width if all are zero.
func (f *forestPlotter) xRange() (lo, hi float64) {
	lo, hi = 0, 0
	for i := range f.est {
		if math.IsNaN(f.est[i]) {
			continue
		}
		lo = math.Min(lo, math.Min(f.lo[i], f.est[i]))
		hi = math.Max(hi, math.Max(f.hi[i], f.est[i]))
	}
	if lo == hi {
		return -1, 1
	}
	return lo, hi
}

// Plot implements plot.Plotter.
func (f *forestPlotter) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	n := len(f.est)
	sure := seriesColor(3)
	for i := range f.est {
		if math.IsNaN(f.est[i]) {
			continue
		}
		y := trY(float64(n - 1 - i))
		clr := color.Color(sure)
		excludes := f.lo[i] > 0 || f.hi[i] < 0
		if !excludes {
			clr = mutedColor
		}
		line := draw.LineStyle{Color: clr, Width: forestLineWidth}
		x0, x1 := trX(f.lo[i]), trX(f.hi[i])
		c.StrokeLine2(line, x0, y, x1, y)
		c.StrokeLine2(line, x0, y-forestCapHeight, x0, y+forestCapHeight)
		c.StrokeLine2(line, x1, y-forestCapHeight, x1, y+forestCapHeight)
		var dot vg.Path
		pt := vg.Point{X: trX(f.est[i]), Y: y}
		dot.Move(vg.Point{X: pt.X + forestRadius, Y: pt.Y})
		dot.Arc(pt, forestRadius, 0, 2*math.Pi)
		dot.Close()
		if excludes {
			c.SetColor(clr)
		} else {
			c.SetColor(color.White)
		}
		c.Fill(dot)
		c.SetLineStyle(draw.LineStyle{Color: clr, Width: forestLineWidth})
		c.Stroke(dot)
	}
}

// forestFigure draws the panels of a forest in rows under a title and a
// note, with the rows' labels left of each row of panels. It lays the
// panels out itself, in tiles of equal size: each panel has the same
// furniture (no y tick labels, one line of title, one of x label), so
// their data areas line up without plot.Align, which misplaces panels
// whose tick labels overhang differently.
type forestFigure struct {
	title, note string
	rows        []string
	cols        int
	plots       []*plot.Plot
}

// Spacing of a forest's panels, in points.
const (
	forestPadX  = vg.Length(14) // between panels of a row
	forestPadY  = vg.Length(10) // between rows of panels
	forestLabel = vg.Length(6)  // row label to panel
)

func (f *forestFigure) Draw(c draw.Canvas) {
	top := drawPage(c, f.title) - 4
	mid := (c.Min.X + c.Max.X) / 2
	if f.note != "" {
		note := textStyle(smallSize, false)
		note.Color = mutedColor
		note.XAlign, note.YAlign = draw.XCenter, draw.YTop
		c.FillText(note, vg.Point{X: mid, Y: top}, f.note)
		top -= note.Height(f.note) + 4
	}
	top -= 6

	label := textStyle(tickSize, false)
	label.XAlign, label.YAlign = draw.XRight, draw.YCenter
	var lw vg.Length
	for _, r := range f.rows {
		lw = max(lw, label.Width(r))
	}
	left := c.Min.X + 4 + lw + forestLabel
	right := c.Max.X - 10
	prows := (len(f.plots) + f.cols - 1) / f.cols
	tw := (right - left - vg.Length(f.cols-1)*forestPadX) / vg.Length(f.cols)
	th := (top - c.Min.Y - 2 - vg.Length(prows-1)*forestPadY) / vg.Length(prows)
	n := len(f.rows)
	for k, pl := range f.plots {
		i, j := k/f.cols, k%f.cols
		x0 := left + vg.Length(j)*(tw+forestPadX)
		y1 := top - vg.Length(i)*(th+forestPadY)
		tile := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{Min: vg.Point{X: x0, Y: y1 - th}, Max: vg.Point{X: x0 + tw, Y: y1}}}
		pl.Draw(tile)
		if j == 0 {
			da := pl.DataCanvas(tile)
			_, trY := pl.Transforms(&da)
			for r, l := range f.rows {
				c.FillText(label, vg.Point{X: tile.Min.X - forestLabel, Y: trY(float64(n - 1 - r))}, l)
			}
		}
	}
}
