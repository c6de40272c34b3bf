package plots

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Marker is a labelled vertical line, e.g. the start of a policy at 2012.
// X must be finite; Label may be empty for a bare line.
type Marker struct {
	X     float64
	Label string
}

// validate returns an error wrapping one of the Err variables if m
// cannot be drawn.
func (m *Marker) validate() error {
	return checkFinite([]string{"X"}, []float64{m.X})
}

// markerPlotter is a plot.Plotter drawing a dashed vertical line across
// the data area with its label just inside the top, on the side of the
// line where it fits.
type markerPlotter struct {
	x     float64
	label string
	line  draw.LineStyle
	text  text.Style
}

// labelGap separates a marker's label from its line and the top edge.
const labelGap = vg.Length(3)

func newMarkerPlotter(m Marker) (*markerPlotter, error) {
	if err := m.validate(); err != nil {
		return nil, err
	}
	sty := textStyle(smallSize, false)
	sty.Color = mutedColor
	sty.YAlign = draw.YTop
	return &markerPlotter{
		x:     m.X,
		label: m.Label,
		line:  draw.LineStyle{Color: mutedColor, Width: 1, Dashes: []vg.Length{4, 3}},
		text:  sty,
	}, nil
}

// Plot implements plot.Plotter.
func (m *markerPlotter) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, _ := plt.Transforms(&c)
	x := trX(m.x)
	if !c.ContainsX(x) {
		return
	}
	c.StrokeLine2(m.line, x, c.Min.Y, x, c.Max.Y)
	if m.label == "" {
		return
	}
	r := m.labelRect(c, plt)
	c.FillText(m.text, vg.Point{X: r.Min.X, Y: r.Max.Y}, m.label)
}

// labelRect returns where the label goes: right of the line, or left of
// it if it would run past the right edge.
func (m *markerPlotter) labelRect(c draw.Canvas, plt *plot.Plot) vg.Rectangle {
	trX, _ := plt.Transforms(&c)
	x := trX(m.x)
	w, h := m.text.Width(m.label), m.text.Height(m.label)
	left := x + labelGap
	if left+w > c.Max.X {
		left = x - labelGap - w
	}
	top := c.Max.Y - labelGap
	return vg.Rectangle{Min: vg.Point{X: left, Y: top - h}, Max: vg.Point{X: left + w, Y: top}}
}

// DataRange implements plot.DataRanger; a marker widens only the x range.
func (m *markerPlotter) DataRange() (xmin, xmax, ymin, ymax float64) {
	return m.x, m.x, math.Inf(1), math.Inf(-1)
}

// occupancy implements occupier: a little for crossing r, much for a
// label under it.
func (m *markerPlotter) occupancy(c draw.Canvas, plt *plot.Plot, r vg.Rectangle) float64 {
	trX, _ := plt.Transforms(&c)
	var cost float64
	if x := trX(m.x); x >= r.Min.X && x <= r.Max.X {
		cost += float64(4 * r.Size().Y)
	}
	if m.label != "" {
		cost += 4 * overlap(r, m.labelRect(c, plt))
	}
	return cost
}

// overlap returns the area common to a and b.
func overlap(a, b vg.Rectangle) float64 {
	w := math.Min(float64(a.Max.X), float64(b.Max.X)) - math.Max(float64(a.Min.X), float64(b.Min.X))
	h := math.Min(float64(a.Max.Y), float64(b.Max.Y)) - math.Max(float64(a.Min.Y), float64(b.Min.Y))
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}
