package plots

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Points are observations drawn as markers, e.g. the yearly figures of
// the US Trafficking in Persons reports.
type Points struct {
	// Label names the source, e.g. "convictions observed (US TIP
	// report)". It must not be empty. If it starts with the label of a
	// Band the markers take that band's colour, otherwise black.
	Label string

	// X and Y are the coordinates of the observations, in any order.
	// They have the same, non-zero length and hold finite numbers only.
	X, Y []float64
}

// validate returns an error wrapping one of the Err variables if p
// cannot be drawn.
func (p *Points) validate() error {
	if p.Label == "" {
		return ErrNoLabel
	}
	names := []string{"X", "Y"}
	if err := checkLengths(names, p.X, p.Y); err != nil {
		return err
	}
	return checkFinite(names, p.X, p.Y)
}

// pointCost is what the legend pays for hiding one observation, in the
// square points of occupier: about a fifth of a typical legend's area,
// so that it prefers covering some shading to covering a data point.
const pointCost = 40 * 40

// pointsPlotter is a plot.Plotter drawing observations as filled glyphs
// with a dark outline.
type pointsPlotter struct {
	xys   plotter.XYs
	glyph draw.GlyphStyle
}

// newPointsPlotter validates and copies p, to be drawn in fill with the
// given shape (see outlinedGlyph).
func newPointsPlotter(p Points, fill color.Color, shape int) (*pointsPlotter, error) {
	if err := p.validate(); err != nil {
		return nil, err
	}
	xys := make(plotter.XYs, len(p.X))
	for i := range p.X {
		xys[i] = plotter.XY{X: p.X[i], Y: p.Y[i]}
	}
	return &pointsPlotter{
		xys:   xys,
		glyph: draw.GlyphStyle{Color: fill, Radius: glyphRadius, Shape: outlinedGlyph{shape: shape}},
	}, nil
}

// Plot implements plot.Plotter.
func (pp *pointsPlotter) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	for _, p := range pp.xys {
		c.DrawGlyph(pp.glyph, vg.Point{X: trX(p.X), Y: trY(p.Y)})
	}
}

// DataRange implements plot.DataRanger.
func (pp *pointsPlotter) DataRange() (xmin, xmax, ymin, ymax float64) {
	return plotter.XYRange(pp.xys)
}

// GlyphBoxes implements plot.GlyphBoxer, so that the plot leaves room
// for markers at the edge of the data.
func (pp *pointsPlotter) GlyphBoxes(plt *plot.Plot) []plot.GlyphBox {
	bs := make([]plot.GlyphBox, len(pp.xys))
	for i, p := range pp.xys {
		bs[i] = plot.GlyphBox{X: plt.X.Norm(p.X), Y: plt.Y.Norm(p.Y), Rectangle: pp.glyph.Rectangle()}
	}
	return bs
}

// Thumbnail implements plot.Thumbnailer.
func (pp *pointsPlotter) Thumbnail(c *draw.Canvas) {
	c.DrawGlyph(pp.glyph, c.Center())
}

// occupancy implements occupier: pointCost for each marker touching r.
func (pp *pointsPlotter) occupancy(c draw.Canvas, plt *plot.Plot, r vg.Rectangle) float64 {
	trX, trY := plt.Transforms(&c)
	rad := pp.glyph.Radius
	var cost float64
	for _, p := range pp.xys {
		x, y := trX(p.X), trY(p.Y)
		if x+rad >= r.Min.X && x-rad <= r.Max.X && y+rad >= r.Min.Y && y-rad <= r.Max.Y {
			cost += pointCost
		}
	}
	return cost
}
