package plots

import (
	"fmt"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// nodeRadius returns the radius of a node's marker: markets, origins and
// the stash are large, cities middling, border posts and transit points
// small.
func nodeRadius(n mapNode) vg.Length {
	switch n.kind {
	case "market", "origin", "stash":
		return 4.5
	case "city":
		return 3.5
	}
	return 2.6
}

// nodeShape returns the outlinedGlyph shape of a node's marker.
func nodeShape(n mapNode) int {
	switch n.kind {
	case "origin":
		return shapeTriangle
	case "market":
		return shapeSquare
	case "stash":
		return shapeDiamond
	}
	return shapeCircle
}

// stashColor fills the stash's marker: the one dark marker on the map.
var stashColor = inkColor

// drawNode draws node i's marker at p: its shape, filled with its
// country's tint, or dark for the stash.
func (d *mapDrawing) drawNode(c draw.Canvas, i int, p vg.Point) {
	n := d.nodes[i]
	fill := d.tintFill(i)
	if n.kind == "stash" {
		fill = stashColor
	}
	g := outlinedGlyph{shape: nodeShape(n)}
	g.DrawGlyph(&c, draw.GlyphStyle{Color: fill, Radius: nodeRadius(n)}, p)
}

// graticuleStep returns the spacing of the graticule for a region
// spanning span degrees: about five lines.
func graticuleStep(span float64) float64 {
	for _, s := range []float64{1, 2, 5, 10, 20, 30} {
		if span/s <= 6 {
			return s
		}
	}
	return 60
}

// drawGraticule draws faint parallels and meridians across area, with
// their degrees just inside its left and bottom edges.
func (d *mapDrawing) drawGraticule(c draw.Canvas, f mapFrame, area vg.Rectangle) {
	west, south := f.lonLat(area.Min)
	east, north := f.lonLat(area.Max)
	line := draw.LineStyle{Color: gridColor, Width: gridWidth}
	sty := textStyle(7, false)
	sty.Color = mutedColor
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
	step := graticuleStep(math.Max(north-south, east-west))
	for lat := math.Ceil(south/step) * step; lat <= north; lat += step {
		y := f.point(west, lat).Y
		c.StrokeLine2(line, area.Min.X, y, area.Max.X, y)
		if y+1+sty.Height("0") < area.Max.Y {
			c.FillText(sty, vg.Point{X: area.Min.X + 2, Y: y + 1}, degrees(lat, "N", "S"))
		}
	}
	for lon := math.Ceil(west/step) * step; lon <= east; lon += step {
		x := f.point(lon, south).X
		c.StrokeLine2(line, x, area.Min.Y, x, area.Max.Y)
		if lab := degrees(lon, "E", "W"); x+2+sty.Width(lab) < area.Max.X {
			c.FillText(sty, vg.Point{X: x + 2, Y: area.Min.Y + 2}, lab)
		}
	}
}

// degrees formats an angle as "45°N" or "10°W".
func degrees(v float64, pos, neg string) string {
	h := pos
	if v < 0 {
		h, v = neg, -v
	}
	if v == 0 {
		h = ""
	}
	return fmt.Sprintf("%g°%s", v, h)
}
