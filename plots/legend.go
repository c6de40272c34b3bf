package plots

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// occupier is implemented by plotters that can tell how much of a
// rectangle of the data area their ink covers, so that the legend can go
// where it hides the least.
type occupier interface {
	// occupancy returns the cost of hiding what lies under r, roughly
	// in square points of important ink; 0 if r is free.
	occupancy(c draw.Canvas, plt *plot.Plot, r vg.Rectangle) float64
}

// legendEntry is one row of a legend.
type legendEntry struct {
	label string
	thumb plot.Thumbnailer
}

// legend is a plot.Plotter, added after the data, that draws its entries
// in a framed box in whichever corner of the data area covers the least
// of the occupiers. It stands in for plot.Legend, whose corner is fixed
// before the data are known.
type legend struct {
	entries []legendEntry
	text    text.Style
	under   []occupier
}

// Legend geometry in points.
const (
	legendInset  = vg.Length(6)  // from the edge of the data area
	legendPad    = vg.Length(5)  // inside the frame
	legendThumb  = vg.Length(22) // thumbnail width
	legendGap    = vg.Length(6)  // thumbnail to text
	legendRowGap = vg.Length(3)  // between rows
)

var legendFill = color.NRGBA{R: 0xFF, G: 0xFF, B: 0xFF, A: 0xE0} // mostly opaque, so a covered line still shows

func newLegend() *legend {
	return &legend{text: textStyle(smallSize, false)}
}

func (l *legend) add(label string, thumb plot.Thumbnailer) {
	l.entries = append(l.entries, legendEntry{label: label, thumb: thumb})
}

// rowHeight is the height of a line of legend text.
func (l *legend) rowHeight() vg.Length {
	e := l.text.FontExtents()
	return e.Ascent + e.Descent
}

// size returns the size of the framed box.
func (l *legend) size() vg.Point {
	var w vg.Length
	for _, e := range l.entries {
		w = max(w, l.text.Width(e.label))
	}
	n := vg.Length(len(l.entries))
	return vg.Point{
		X: 2*legendPad + legendThumb + legendGap + w,
		Y: 2*legendPad + n*l.rowHeight() + (n-1)*legendRowGap,
	}
}

// place returns the corner box, in order of preference top-left,
// top-right, bottom-right, bottom-left, that covers the least, and what
// it covers.
func (l *legend) place(c draw.Canvas, plt *plot.Plot) (vg.Rectangle, float64) {
	sz := l.size()
	left, right := c.Min.X+legendInset, c.Max.X-legendInset-sz.X
	top, bottom := c.Max.Y-legendInset-sz.Y, c.Min.Y+legendInset
	var best vg.Rectangle
	bestCost := -1.0
	for _, at := range []vg.Point{{X: left, Y: top}, {X: right, Y: top}, {X: right, Y: bottom}, {X: left, Y: bottom}} {
		r := vg.Rectangle{Min: at, Max: at.Add(sz)}
		var cost float64
		for _, o := range l.under {
			cost += o.occupancy(c, plt, r)
		}
		if bestCost < 0 || cost < bestCost {
			best, bestCost = r, cost
		}
	}
	return best, bestCost
}

// Plot implements plot.Plotter.
func (l *legend) Plot(c draw.Canvas, plt *plot.Plot) {
	if len(l.entries) == 0 {
		return
	}
	r, _ := l.place(c, plt)
	c.SetColor(legendFill)
	c.Fill(r.Path())
	c.SetLineStyle(draw.LineStyle{Color: gridColor, Width: gridWidth})
	c.Stroke(r.Path())

	rowH := l.rowHeight()
	sty := l.text
	sty.YAlign = draw.YCenter
	for i, e := range l.entries {
		rowTop := r.Max.Y - legendPad - vg.Length(i)*(rowH+legendRowGap)
		x := r.Min.X + legendPad
		thumb := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
			Min: vg.Point{X: x, Y: rowTop - rowH},
			Max: vg.Point{X: x + legendThumb, Y: rowTop},
		}}
		e.thumb.Thumbnail(&thumb)
		c.FillText(sty, vg.Point{X: x + legendThumb + legendGap, Y: rowTop - rowH/2}, e.label)
	}
}
