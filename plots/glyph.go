package plots

import (
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// outlinedGlyph is a draw.GlyphDrawer that fills a shape in the glyph's
// colour and strokes a thin dark edge around it, so that a marker stays
// visible on top of a band of the same colour.
type outlinedGlyph struct{ shape int }

// The shapes of outlinedGlyph, taken in turn by successive series so
// that they stay apart in greyscale print as well as in colour.
const (
	shapeCircle = iota
	shapeSquare
	shapeTriangle
	shapeDiamond
	numShapes
)

// DrawGlyph implements draw.GlyphDrawer.
func (g outlinedGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	p := g.path(pt, sty.Radius)
	c.SetColor(sty.Color)
	c.Fill(p)
	c.SetLineStyle(draw.LineStyle{Color: inkColor, Width: outlineWidth})
	c.Stroke(p)
}

// path returns the outline of the shape centred on pt. The shapes are
// scaled to about the area of a circle of radius r so that none looks
// more important than another.
func (g outlinedGlyph) path(pt vg.Point, r vg.Length) vg.Path {
	var p vg.Path
	switch g.shape % numShapes {
	case shapeSquare:
		h := r * vg.Length(math.Sqrt(math.Pi)/2) // half side, area πr²
		p.Move(vg.Point{X: pt.X - h, Y: pt.Y - h})
		p.Line(vg.Point{X: pt.X + h, Y: pt.Y - h})
		p.Line(vg.Point{X: pt.X + h, Y: pt.Y + h})
		p.Line(vg.Point{X: pt.X - h, Y: pt.Y + h})
	case shapeTriangle:
		// Equilateral with area πr²; centroid on pt.
		s := r * vg.Length(math.Sqrt(4*math.Pi/math.Sqrt(3))) // side
		h := s * vg.Length(math.Sqrt(3)/2)
		p.Move(vg.Point{X: pt.X, Y: pt.Y + 2*h/3})
		p.Line(vg.Point{X: pt.X - s/2, Y: pt.Y - h/3})
		p.Line(vg.Point{X: pt.X + s/2, Y: pt.Y - h/3})
	case shapeDiamond:
		d := r * vg.Length(math.Sqrt(math.Pi/2)) // half diagonal, area πr²
		p.Move(vg.Point{X: pt.X, Y: pt.Y + d})
		p.Line(vg.Point{X: pt.X - d, Y: pt.Y})
		p.Line(vg.Point{X: pt.X, Y: pt.Y - d})
		p.Line(vg.Point{X: pt.X + d, Y: pt.Y})
	default:
		p.Move(vg.Point{X: pt.X + r, Y: pt.Y})
		p.Arc(pt, r, 0, 2*math.Pi)
	}
	p.Close()
	return p
}
