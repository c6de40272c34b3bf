package plots

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Waterfall shows how a quantity went from one value to another through
// the contributions that add up to the change, such as a Shapley
// attribution of the fall in prosecutions from 2011 to 2012 to the
// model's mechanisms. Bars run horizontally, one a row from the top: the
// start value from zero, then each step floating from the running total
// to the total after it (vermillion when it lowers the quantity, blue
// when it raises it), with a whisker for the step's interval, and the
// end value from zero. Thin dashed lines link each bar's end to the next
// bar's start, so that the eye can follow the running total.
type Waterfall struct {
	Title, XLabel string

	StartLabel string
	Start      float64
	Steps      []WaterfallStep
	EndLabel   string
	// End must equal Start plus the steps' deltas to rounding (within
	// 1e-6 of the largest magnitude involved): a waterfall that does not
	// add up is a bug in its caller.
	End float64

	// FromZero starts the value axis at zero, so that the start and end
	// bars show their whole size. Otherwise the axis spans the running
	// totals and the whiskers only, which shows steps small beside the
	// level (a change of 20 in 180), and the start and end bars begin at
	// the axis' edge; the axis label then says that it does not start at
	// zero.
	FromZero bool
}

// A WaterfallStep is one contribution. Lo and Hi bound an interval of
// Delta (e.g. across replicates), drawn as a whisker around the running
// total; NaN for none.
type WaterfallStep struct {
	Label         string
	Delta, Lo, Hi float64
}

// Colours of the steps.
var (
	waterfallDown  = okabeIto[4] // vermillion
	waterfallUp    = okabeIto[3] // blue
	waterfallTotal = mutedColor
)

// validate checks the waterfall and returns the running totals before
// each step.
func (w *Waterfall) validate() ([]float64, error) {
	if w.StartLabel == "" || w.EndLabel == "" {
		return nil, &SeriesError{Kind: "waterfall", Label: w.Title, Err: ErrNoLabel}
	}
	if err := checkFinite([]string{"Start", "End"}, []float64{w.Start}, []float64{w.End}); err != nil {
		return nil, &SeriesError{Kind: "waterfall", Label: w.Title, Err: err}
	}
	run := make([]float64, len(w.Steps)+1)
	run[0] = w.Start
	scale := math.Max(math.Abs(w.Start), math.Abs(w.End))
	for i, s := range w.Steps {
		if s.Label == "" {
			return nil, &SeriesError{Kind: "step", Index: i, Err: ErrNoLabel}
		}
		if err := checkFinite([]string{"Delta"}, []float64{s.Delta}); err != nil {
			return nil, &SeriesError{Kind: "step", Index: i, Label: s.Label, Err: err}
		}
		for _, v := range []float64{s.Lo, s.Hi} {
			if !math.IsNaN(v) && !(math.Abs(v) <= maxMagnitude) {
				return nil, &SeriesError{Kind: "step", Index: i, Label: s.Label, Err: fmt.Errorf("%w: interval %v", ErrNotFinite, v)}
			}
		}
		if s.Lo > s.Hi {
			return nil, &SeriesError{Kind: "step", Index: i, Label: s.Label, Err: fmt.Errorf("%w: Lo=%v > Hi=%v", ErrInverted, s.Lo, s.Hi)}
		}
		run[i+1] = run[i] + s.Delta
		scale = math.Max(scale, math.Abs(run[i+1]))
	}
	if d := math.Abs(run[len(w.Steps)] - w.End); d > 1e-6*math.Max(scale, 1) {
		return nil, &SeriesError{Kind: "waterfall", Label: w.Title,
			Err: fmt.Errorf("the steps add up to %v, not End = %v", run[len(w.Steps)], w.End)}
	}
	return run, nil
}

// Figure validates and copies the waterfall and returns it ready to
// draw: the plot with a margin around it, since the row labels, right
// aligned on the axis, would otherwise touch the image's left edge. An
// error is a *SeriesError of kind "waterfall" or "step".
func (w *Waterfall) Figure() (Figure, error) {
	p, err := w.Plot()
	if err != nil {
		return nil, err
	}
	return &waterfallFigure{p: p}, nil
}

// waterfallFigure is a plot drawn inside a margin on white.
type waterfallFigure struct{ p *plot.Plot }

// waterfallMargin is the margin around a waterfall.
const waterfallMargin = vg.Length(8)

func (f *waterfallFigure) Draw(c draw.Canvas) {
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	f.p.Draw(draw.Crop(c, waterfallMargin, -waterfallMargin, waterfallMargin, -waterfallMargin))
}

// Plot validates and copies the waterfall and returns the plot (without
// Figure's margin). An error is a *SeriesError of kind "waterfall" or
// "step".
func (w *Waterfall) Plot() (*plot.Plot, error) {
	run, err := w.validate()
	if err != nil {
		return nil, err
	}
	n := len(w.Steps) + 2
	bars := make([]waterfallBar, 0, n)
	bars = append(bars, waterfallBar{label: w.StartLabel, from: 0, to: w.Start, lo: math.NaN(), hi: math.NaN(), total: true})
	for i, s := range w.Steps {
		bars = append(bars, waterfallBar{label: s.Label, from: run[i], to: run[i+1], lo: run[i] + s.Lo, hi: run[i] + s.Hi})
	}
	bars = append(bars, waterfallBar{label: w.EndLabel, from: 0, to: w.End, lo: math.NaN(), hi: math.NaN(), total: true})

	xlabel := w.XLabel
	if !w.FromZero {
		xlabel += " (axis not from zero)"
	}
	p := newPlot(w.Title, xlabel, "")
	p.Add(newGrid())
	wp := &waterfallPlotter{bars: bars}
	p.Add(wp)
	// Rows from the top: bar k at y = n−1−k.
	ticks := make([]plot.Tick, n)
	for k, b := range bars {
		ticks[k] = plot.Tick{Value: float64(n - 1 - k), Label: b.label}
	}
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)
	p.Y.Min, p.Y.Max = -0.6, float64(n)-0.4
	xmin, xmax := wp.xRange(w.FromZero)
	if w.FromZero {
		xmin, xmax = math.Min(xmin, 0), math.Max(xmax, 0)
	}
	if xmin == xmax {
		xmin, xmax = xmin-1, xmax+1
	}
	// Room on the right for the values written beside the bars.
	lo, hi, step := roundRange(xmin, xmax+0.1*(xmax-xmin))
	p.X.Min, p.X.Max = lo, hi
	p.X.Tick.Marker = linearTicks{step: step}
	return p, nil
}

// WaterfallHeight is the height of a waterfall of n steps: room for a
// title, an axis and a row a bar.
func WaterfallHeight(n int) vg.Length {
	return vg.Length(n+2)*0.9*vg.Centimeter + 3*vg.Centimeter
}

// A waterfallBar is one row.
type waterfallBar struct {
	label    string
	from, to float64
	lo, hi   float64 // whisker, NaN for none
	total    bool
}

type waterfallPlotter struct {
	bars []waterfallBar
}

// xRange is the extent of the bars and whiskers; with whole false, of
// the running totals and whiskers only (not the total bars' zero ends).
func (wp *waterfallPlotter) xRange(whole bool) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, b := range wp.bars {
		vs := []float64{b.from, b.to, b.lo, b.hi}
		if b.total && !whole {
			vs = []float64{b.to}
		}
		for _, v := range vs {
			if !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	return lo, hi
}

// barHalf is half a bar's height, in rows.
const barHalf = 0.32

// Plot implements plot.Plotter.
func (wp *waterfallPlotter) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	n := len(wp.bars)
	link := draw.LineStyle{Color: mutedColor, Width: 0.75, Dashes: []vg.Length{2, 2}}
	whisker := draw.LineStyle{Color: inkColor, Width: 1}
	sty := textStyle(smallSize, false)
	sty.YAlign = draw.YCenter
	for k, b := range wp.bars {
		y := float64(n - 1 - k)
		clr := waterfallTotal
		switch {
		case b.total:
		case b.to < b.from:
			clr = waterfallDown
		default:
			clr = waterfallUp
		}
		x0, x1 := trX(math.Min(b.from, b.to)), trX(math.Max(b.from, b.to))
		if b.total { // from the axis' edge when it does not start at zero
			x0, x1 = max(x0, c.Min.X), max(x1, c.Min.X)
		}
		if x1-x0 < 1 { // a zero step still shows as a hairline
			x1 = x0 + 1
		}
		y0, y1 := trY(y-barHalf), trY(y+barHalf)
		c.FillPolygon(clr, []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}})
		if !math.IsNaN(b.lo) && !math.IsNaN(b.hi) {
			yc := trY(y)
			l, h := trX(b.lo), trX(b.hi)
			c.StrokeLine2(whisker, l, yc, h, yc)
			c.StrokeLine2(whisker, l, yc-3, l, yc+3)
			c.StrokeLine2(whisker, h, yc-3, h, yc+3)
		}
		if k+1 < n {
			next := float64(n - 2 - k)
			c.StrokeLine2(link, trX(b.to), trY(y-barHalf), trX(b.to), trY(next+barHalf))
		}
		if b.total {
			c.FillText(sty, vg.Point{X: x1 + 4, Y: trY(y)}, waterfallNumber(b.to, false))
			continue
		}
		// The step, right of the bar and of its whisker.
		right := math.Max(b.from, b.to)
		if !math.IsNaN(b.hi) {
			right = math.Max(right, b.hi)
		}
		c.FillText(sty, vg.Point{X: trX(right) + 4, Y: trY(y)}, waterfallNumber(b.to-b.from, true))
	}
}

// waterfallNumber writes v with three significant digits (whole numbers
// from 1,000), with a sign for a step.
func waterfallNumber(v float64, step bool) string {
	var s string
	if math.Abs(v) >= 1000 {
		s = strconv.FormatFloat(v, 'f', 0, 64)
	} else {
		s = strconv.FormatFloat(v, 'g', 3, 64)
	}
	if step && v > 0 {
		s = "+" + s
	}
	return s
}

// DataRange implements plot.DataRanger.
func (wp *waterfallPlotter) DataRange() (xmin, xmax, ymin, ymax float64) {
	lo, hi := wp.xRange(true)
	return lo, hi, -0.6, float64(len(wp.bars)) - 0.4
}
