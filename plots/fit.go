package plots

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// FitChart shows how a calibrated model meets its targets, one panel a
// metric: the simulated mean and interval over the years as bands (the
// posterior sample and the fitted point, say), the observed figures as
// markers, and each direction target (a change known only in words) as
// an arrow between its two years on the first band's mean, drawn in
// bluish green when the target is met and in vermillion when it is not.
// Every panel gives its bands the palette's colours in the same order,
// so that one legend, in the first panel, reads for all. The observed
// figures are black in every panel.
type FitChart struct {
	Title string
	// Interval says what each band's Lo–Hi range is, e.g. "90% interval".
	Interval string
	Panels   []FitPanel
	// Columns is the number of panels a row; 0 means up to two.
	Columns int
}

// A FitPanel is one metric and its targets.
type FitPanel struct {
	Title  string // the metric, e.g. "convictions"
	YLabel string
	// Bands are drawn as in BandChart; X are years.
	Bands []Band
	// Observed are the observed figures, in the metric's units; empty
	// (no X) for a metric with only direction targets.
	Observed Points
	// Directions are the direction targets on this metric.
	Directions []FitDirection
}

// A FitDirection is a direction target: the mean moved (or did not) from
// YFrom in year From to YTo in year To. Label says what was asked, e.g.
// "down 2011-2012".
type FitDirection struct {
	From, To   float64
	YFrom, YTo float64
	Label      string
	Met        bool
}

// Colours of a direction target met and not met (Okabe–Ito bluish green
// and vermillion).
var (
	fitMetColor    = okabeIto[2]
	fitNotMetColor = okabeIto[4]
)

// Figure validates and copies the chart and returns it ready to draw.
// An error is a *SeriesError naming the panel ("fit panel") or its band,
// points or direction.
func (f *FitChart) Figure() (Figure, error) {
	if len(f.Panels) == 0 {
		return nil, &SeriesError{Kind: "fit panel", Label: f.Title, Err: ErrEmpty}
	}
	cols := f.Columns
	if cols <= 0 {
		cols = min(2, len(f.Panels))
	}
	interval := f.Interval
	if interval == "" {
		interval = "band"
	}
	fig := &panelsFigure{title: f.Title, cols: cols}
	for i, pn := range f.Panels {
		p, err := pn.plot(interval, i == 0)
		if err != nil {
			if se, ok := err.(*SeriesError); ok && se.Kind == "fit panel" {
				se.Index = i
			}
			return nil, err
		}
		fig.plots = append(fig.plots, p)
	}
	return fig, nil
}

// plot draws one panel. The first (first is true) carries the legend of
// the bands and the observed figures, which read the same in every
// panel; a panel with directions has theirs.
func (pn *FitPanel) plot(interval string, first bool) (*plot.Plot, error) {
	if len(pn.Bands) == 0 && len(pn.Observed.X) == 0 && len(pn.Directions) == 0 {
		return nil, &SeriesError{Kind: "fit panel", Label: pn.Title, Err: ErrEmpty}
	}
	bs, err := newBands(pn.Bands)
	if err != nil {
		return nil, err
	}
	p := newPlot(pn.Title, "year", pn.YLabel)
	p.Title.TextStyle = textStyle(labelSize, true)
	p.Title.TextStyle.XAlign, p.Title.TextStyle.YAlign = draw.XCenter, draw.YTop
	leg := newLegend()
	p.Add(newGrid(), bs)
	leg.under = append(leg.under, bs)
	for i, s := range bs.series {
		if first {
			leg.add(pn.Bands[i].Label+" (mean, "+interval+")", s)
		}
	}
	if len(pn.Observed.X) > 0 {
		pp, err := newPointsPlotter(pn.Observed, okabeIto[len(okabeIto)-1], 0)
		if err != nil {
			return nil, &SeriesError{Kind: "points", Label: pn.Observed.Label, Err: err}
		}
		p.Add(pp)
		leg.under = append(leg.under, pp)
		if first {
			leg.add(pn.Observed.Label, pp)
		}
	}
	shown := map[bool]bool{}
	for i, d := range pn.Directions {
		dp, err := newFitArrow(d, i)
		if err != nil {
			return nil, &SeriesError{Kind: "direction", Index: i, Label: d.Label, Err: err}
		}
		p.Add(dp)
		leg.under = append(leg.under, dp)
		if !shown[d.Met] {
			shown[d.Met] = true
			leg.add(map[bool]string{true: "direction target met", false: "direction target not met"}[d.Met], dp)
		}
	}
	fitRanges(p)
	p.Add(leg)
	return p, nil
}

// fitRanges fixes the axes on the data: whole years on x, and y from
// zero (the metrics are counts and amounts) to a round number.
func fitRanges(p *plot.Plot) {
	xmin, xmax := p.X.Min, p.X.Max
	if xmin >= xmax {
		xmin, xmax = xmin-1, xmax+1
	}
	p.X.Min, p.X.Max = xmin, xmax
	p.X.Tick.Marker = integerTicks{}
	ymin, ymax := math.Min(p.Y.Min, 0), math.Max(p.Y.Max, 0)
	if ymin >= ymax {
		ymax = ymin + 1
	}
	// A tenth more at the top leaves room for the legend and labels.
	lo, hi, step := roundRange(ymin, ymax+0.1*(ymax-ymin))
	p.Y.Min, p.Y.Max = lo, hi
	p.Y.Tick.Marker = linearTicks{step: step}
}

// fitArrow draws a direction target: a thick arrow from (From, YFrom) to
// (To, YTo) and its label above the arrow's head.
type fitArrow struct {
	d     FitDirection
	color color.RGBA
	row   int // the k-th direction of its panel: labels stack upwards
}

func newFitArrow(d FitDirection, row int) (*fitArrow, error) {
	if err := checkFinite([]string{"From", "To", "YFrom", "YTo"}, []float64{d.From}, []float64{d.To}, []float64{d.YFrom}, []float64{d.YTo}); err != nil {
		return nil, err
	}
	c := fitNotMetColor
	if d.Met {
		c = fitMetColor
	}
	return &fitArrow{d: d, color: c, row: row}, nil
}

const fitArrowWidth = vg.Length(3)

// Plot implements plot.Plotter.
func (a *fitArrow) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	p0 := vg.Point{X: trX(a.d.From), Y: trY(a.d.YFrom)}
	p1 := vg.Point{X: trX(a.d.To), Y: trY(a.d.YTo)}
	a.draw(c, p0, p1)
	sty := textStyle(smallSize, true)
	sty.Color = a.color
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YBottom
	label := a.d.Label + map[bool]string{true: ": met", false: ": not met"}[a.d.Met]
	top := vg.Length(math.Max(float64(p0.Y), float64(p1.Y))) + 3*glyphRadius +
		vg.Length(a.row)*(sty.Height(label)+2)
	// Centred over the arrow, but kept inside the data area.
	half := sty.Width(label) / 2
	x := min(max((p0.X+p1.X)/2, c.Min.X+half), c.Max.X-half)
	c.FillText(sty, vg.Point{X: x, Y: top}, label)
}

// draw strokes the arrow from p0 to p1 with a filled head at p1.
func (a *fitArrow) draw(c draw.Canvas, p0, p1 vg.Point) {
	dx, dy := float64(p1.X-p0.X), float64(p1.Y-p0.Y)
	n := math.Hypot(dx, dy)
	if n == 0 {
		c.DrawGlyph(draw.GlyphStyle{Color: a.color, Radius: glyphRadius, Shape: draw.CircleGlyph{}}, p0)
		return
	}
	ux, uy := dx/n, dy/n
	head := vg.Length(math.Min(9, n/2))
	base := vg.Point{X: p1.X - head*vg.Length(ux), Y: p1.Y - head*vg.Length(uy)}
	c.StrokeLine2(draw.LineStyle{Color: a.color, Width: fitArrowWidth}, p0.X, p0.Y, base.X, base.Y)
	w := head * 0.6
	c.FillPolygon(a.color, []vg.Point{
		p1,
		{X: base.X - w*vg.Length(uy), Y: base.Y + w*vg.Length(ux)},
		{X: base.X + w*vg.Length(uy), Y: base.Y - w*vg.Length(ux)},
	})
}

// DataRange implements plot.DataRanger.
func (a *fitArrow) DataRange() (xmin, xmax, ymin, ymax float64) {
	return math.Min(a.d.From, a.d.To), math.Max(a.d.From, a.d.To), math.Min(a.d.YFrom, a.d.YTo), math.Max(a.d.YFrom, a.d.YTo)
}

// Thumbnail implements plot.Thumbnailer: a short arrow.
func (a *fitArrow) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	a.draw(*c, vg.Point{X: c.Min.X, Y: y}, vg.Point{X: c.Max.X, Y: y})
}

// occupancy implements occupier: the arrow and its label count as a
// marker each where they touch r.
func (a *fitArrow) occupancy(c draw.Canvas, plt *plot.Plot, r vg.Rectangle) float64 {
	trX, trY := plt.Transforms(&c)
	var cost float64
	for _, p := range []vg.Point{
		{X: trX(a.d.From), Y: trY(a.d.YFrom)},
		{X: trX(a.d.To), Y: trY(a.d.YTo)},
		{X: (trX(a.d.From) + trX(a.d.To)) / 2, Y: vg.Length(math.Max(float64(trY(a.d.YFrom)), float64(trY(a.d.YTo)))) + 6*glyphRadius},
	} {
		if p.X+2*glyphRadius >= r.Min.X && p.X-2*glyphRadius <= r.Max.X && p.Y+2*glyphRadius >= r.Min.Y && p.Y-2*glyphRadius <= r.Max.Y {
			cost += pointCost
		}
	}
	return cost
}

// FitHeight is the height of a fit chart of n panels in rows of cols
// (0: up to two): a title and about 7 cm a row.
func FitHeight(n, cols int) vg.Length {
	if cols <= 0 {
		cols = min(2, n)
	}
	return PanelsHeight(n, cols)
}
