package plots

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// BandPanels are small multiples of band charts: each panel shows one
// band (say, a policy's yearly convictions) against the same reference
// band (the baseline's), so that many variants can each be compared
// with the reference where one chart of all of them would be a tangle
// of overlapping bands. The reference is drawn in black and the
// panel's band in blue, every panel on the same axes, with one key for
// the figure above the panels.
type BandPanels struct {
	Title, XLabel, YLabel string
	// Reference is drawn in every panel.
	Reference Band
	Panels    []BandPanel
	// Label names the panels' bands in the key, e.g. "policy".
	Label string
	// Interval says what the bands' ranges are, as BandChart.Interval.
	Interval string
	// YFromZero and IntegerX are as for BandChart.
	YFromZero, IntegerX bool
	// Columns is the number of panels a row; 0 means up to four.
	Columns int
}

// A BandPanel is one panel: its title, its band and its markers (e.g.
// the month its policy starts).
type BandPanel struct {
	Title   string
	Band    Band
	Markers []Marker
}

// BandPanelsHeight is the height of a figure of n panels in rows of
// cols (0: up to four): a title and key, and about 6 cm a row.
func BandPanelsHeight(n, cols int) vg.Length {
	if cols <= 0 {
		cols = min(4, n)
	}
	rows := (n + max(cols, 1) - 1) / max(cols, 1)
	return vg.Length(rows)*6*vg.Centimeter + 2*vg.Centimeter
}

// Figure validates and copies the panels and returns them ready to
// draw. An error is a *SeriesError: of kind "band" for the reference
// (index 0) or a panel's band (index 1 + the panel's), of kind
// "marker" for a marker.
func (b *BandPanels) Figure() (Figure, error) {
	if len(b.Panels) == 0 {
		return nil, &SeriesError{Kind: "band", Label: b.Title, Err: ErrEmpty}
	}
	cols := b.Columns
	if cols <= 0 {
		cols = min(4, len(b.Panels))
	}
	interval := b.Interval
	if interval == "" {
		interval = "band"
	}
	fig := &bandPanelsFigure{title: b.Title, cols: cols}
	xmin, xmax := math.Inf(1), math.Inf(-1)
	ymin, ymax := math.Inf(1), math.Inf(-1)
	for k, pn := range b.Panels {
		ref := b.Reference
		ref.Label = "reference"
		band := pn.Band
		band.Label = "panel"
		bs, err := newBands([]Band{ref, band})
		if err != nil {
			se := err.(*SeriesError)
			if se.Index == 0 {
				se.Label = b.Reference.Label
			} else {
				se.Index, se.Label = 1+k, pn.Band.Label
			}
			return nil, se
		}
		bs.series[0].color, bs.series[1].color = referenceColor, seriesColor(3)
		if k == 0 {
			fig.key = []*bandSeries{bs.series[0], bs.series[1]}
			fig.keyLabels = []string{b.Reference.Label + " (mean, " + interval + ")", b.Label + " (mean, " + interval + ")"}
		}
		pl := newPlot(pn.Title, b.XLabel, "")
		pl.Title.TextStyle = textStyle(labelSize, true)
		pl.Title.TextStyle.XAlign, pl.Title.TextStyle.YAlign = draw.XCenter, draw.YTop
		pl.Title.Padding = vg.Length(4)
		if k%cols == 0 {
			pl.Y.Label.Text = b.YLabel
		}
		pl.Add(newGrid())
		for i, m := range pn.Markers {
			mp, err := newMarkerPlotter(m)
			if err != nil {
				return nil, &SeriesError{Kind: "marker", Index: i, Label: m.Label, Err: err}
			}
			pl.Add(mp)
		}
		pl.Add(bs)
		x0, x1, y0, y1 := bs.DataRange()
		for _, m := range pn.Markers {
			x0, x1 = math.Min(x0, m.X), math.Max(x1, m.X)
		}
		xmin, xmax = math.Min(xmin, x0), math.Max(xmax, x1)
		ymin, ymax = math.Min(ymin, y0), math.Max(ymax, y1)
		fig.plots = append(fig.plots, pl)
	}
	// One scale for all, so that the panels compare at a glance.
	if xmin == xmax {
		xmin, xmax = xmin-1, xmax+1
	}
	if b.YFromZero {
		ymin, ymax = math.Min(ymin, 0), math.Max(ymax, 0)
	}
	if ymin == ymax {
		d := math.Max(1, math.Abs(ymin)/10)
		ymin, ymax = ymin-d, ymax+d
	}
	ylo, yhi, step := roundRange(ymin, ymax)
	for _, pl := range fig.plots {
		pl.X.Min, pl.X.Max = xmin, xmax
		pl.X.Tick.Marker = linearTicks{}
		if b.IntegerX {
			pl.X.Tick.Marker = integerTicks{}
		}
		pl.Y.Min, pl.Y.Max = ylo, yhi
		pl.Y.Tick.Marker = linearTicks{step: step}
	}
	return fig, nil
}

// referenceColor is the reference band's: the palette's black.
var referenceColor = okabeIto[len(okabeIto)-1]

// bandPanelsFigure draws the title, the key and the panels.
type bandPanelsFigure struct {
	title     string
	key       []*bandSeries
	keyLabels []string
	cols      int
	plots     []*plot.Plot
}

func (f *bandPanelsFigure) Draw(c draw.Canvas) {
	top := drawPage(c, f.title) - 8
	mid := (c.Min.X + c.Max.X) / 2

	// The key: a swatch and a label per entry, centred on one line.
	sty := textStyle(smallSize, false)
	sty.YAlign = draw.YCenter
	h := sty.FontExtents().Ascent + sty.FontExtents().Descent
	var w vg.Length
	for i, l := range f.keyLabels {
		if i > 0 {
			w += legendGap * 3
		}
		w += legendThumb + legendGap + sty.Width(l)
	}
	x := mid - w/2
	for i, l := range f.keyLabels {
		sw := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
			Min: vg.Point{X: x, Y: top - h}, Max: vg.Point{X: x + legendThumb, Y: top}}}
		f.key[i].Thumbnail(&sw)
		x += legendThumb + legendGap
		c.FillText(sty, vg.Point{X: x, Y: top - h/2}, l)
		x += sty.Width(l) + legendGap*3
	}
	top -= h + 6

	rows := (len(f.plots) + f.cols - 1) / f.cols
	grid := make([][]*plot.Plot, rows)
	for i := range grid {
		grid[i] = make([]*plot.Plot, f.cols)
		for j := range grid[i] {
			if k := i*f.cols + j; k < len(f.plots) {
				grid[i][j] = f.plots[k]
			}
		}
	}
	t := draw.Tiles{Rows: rows, Cols: f.cols, PadTop: c.Max.Y - top, PadX: 8, PadY: 10, PadLeft: 2, PadRight: 10, PadBottom: 2}
	canvases := plot.Align(grid, t, c)
	for i := range grid {
		for j, pl := range grid[i] {
			if pl != nil {
				pl.Draw(canvases[i][j])
			}
		}
	}
}
