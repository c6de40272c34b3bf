package plots

import (
	"image/color"

	stdfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Default size of a chart: the text width of an A4 page at 5:3, room
// for 20 years of data and a legend of a handful of entries. Pass other
// sizes to Save as needed.
const (
	DefaultWidth  = 20 * vg.Centimeter
	DefaultHeight = 12 * vg.Centimeter
)

// okabeIto is the Okabe & Ito (2008) palette, "Color Universal Design",
// in the order series take it. Its eight colours stay distinguishable
// under protanopia, deuteranopia and tritanopia. Yellow comes late
// because it is faint on white.
var okabeIto = [...]color.RGBA{
	{R: 0xE6, G: 0x9F, B: 0x00, A: 0xFF}, // orange
	{R: 0x56, G: 0xB4, B: 0xE9, A: 0xFF}, // sky blue
	{R: 0x00, G: 0x9E, B: 0x73, A: 0xFF}, // bluish green
	{R: 0x00, G: 0x72, B: 0xB2, A: 0xFF}, // blue
	{R: 0xD5, G: 0x5E, B: 0x00, A: 0xFF}, // vermillion
	{R: 0xCC, G: 0x79, B: 0xA7, A: 0xFF}, // reddish purple
	{R: 0xF0, G: 0xE4, B: 0x42, A: 0xFF}, // yellow
	{R: 0x00, G: 0x00, B: 0x00, A: 0xFF}, // black
}

// seriesColor returns the colour of the i-th series, cycling through the
// palette when there are more series than colours.
func seriesColor(i int) color.RGBA {
	return okabeIto[i%len(okabeIto)]
}

// The shared look. Lengths are in points (1/72 inch).
const (
	// intervalAlpha is the opacity of a shaded interval: low enough
	// that two or three overlapping bands and the grid stay visible.
	intervalAlpha = 0.25

	lineWidth    = vg.Length(2)    // mean lines
	glyphRadius  = vg.Length(4)    // observed points; larger than the line is wide
	outlineWidth = vg.Length(0.8)  // dark edge around glyphs
	gridWidth    = vg.Length(0.5)  // light grid at major ticks
	axisWidth    = vg.Length(0.75) // axis lines and tick marks

	titleSize = vg.Length(13)
	labelSize = vg.Length(11) // axis labels
	tickSize  = vg.Length(9.5)
	smallSize = vg.Length(9) // legend and annotations
)

var (
	inkColor   = color.RGBA{R: 0x22, G: 0x22, B: 0x22, A: 0xFF} // text, axes, glyph outlines
	mutedColor = color.RGBA{R: 0x55, G: 0x55, B: 0x55, A: 0xFF} // annotations
	gridColor  = color.RGBA{R: 0xE4, G: 0xE4, B: 0xE4, A: 0xFF}
)

// sansFont is used for all text: at small sizes on screen a sans-serif
// face reads better than gonum's default serif.
var sansFont = font.Font{Typeface: "Liberation", Variant: "Sans"}

// translucent returns c with opacity alpha in [0, 1].
func translucent(c color.RGBA, alpha float64) color.NRGBA {
	return color.NRGBA{R: c.R, G: c.G, B: c.B, A: uint8(alpha*255 + 0.5)}
}

// textStyle returns left-aligned, baseline-anchored text in the shared
// font at size, in bold if bold is set.
func textStyle(size vg.Length, bold bool) text.Style {
	f := sansFont
	if bold {
		f.Weight = stdfont.WeightBold
	}
	return text.Style{
		Color:   inkColor,
		Font:    font.From(f, size),
		Handler: plot.DefaultTextHandler,
	}
}

// newPlot returns an empty plot in the shared look: title, axis labels,
// thin dark axes with short ticks.
func newPlot(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.Padding = vg.Length(8)
	p.Title.TextStyle = textStyle(titleSize, true)
	p.Title.TextStyle.XAlign = draw.XCenter
	p.Title.TextStyle.YAlign = draw.YTop

	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.LineStyle = draw.LineStyle{Color: inkColor, Width: axisWidth}
		a.Padding = vg.Length(4)
		a.Label.Padding = vg.Length(4)
		sty := textStyle(labelSize, false)
		sty.XAlign, sty.YAlign = a.Label.TextStyle.XAlign, a.Label.TextStyle.YAlign
		a.Label.TextStyle = sty
		tick := textStyle(tickSize, false)
		tick.XAlign, tick.YAlign = a.Tick.Label.XAlign, a.Tick.Label.YAlign
		a.Tick.Label = tick
		a.Tick.LineStyle = draw.LineStyle{Color: inkColor, Width: axisWidth}
		a.Tick.Length = vg.Length(4)
	}
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	return p
}

// newGrid returns light grid lines at the major ticks of both axes.
func newGrid() *plotter.Grid {
	sty := draw.LineStyle{Color: gridColor, Width: gridWidth}
	return &plotter.Grid{Vertical: sty, Horizontal: sty}
}
