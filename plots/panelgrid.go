package plots

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// A keyItem is one entry of a figure's key: a swatch and its label.
type keyItem struct {
	label string
	// swatch draws the entry's sample into r, width wide (keySwatch if
	// zero).
	swatch func(c draw.Canvas, r vg.Rectangle)
	width  vg.Length
}

func (it keyItem) swatchWidth() vg.Length {
	if it.width > 0 {
		return it.width
	}
	return keySwatch
}

// Key geometry in points.
const (
	keySwatch = vg.Length(18) // swatch width
	keyGap    = vg.Length(5)  // swatch to label
	keySpace  = vg.Length(16) // label to the next swatch
	keyRowGap = vg.Length(4)
)

// panelGrid draws a title, a key under it (its entries in rows as wide
// as the canvas) and then plots in a grid of cols columns, aligned so
// that the data areas of a column line up. It is the frame of the
// figures of several panels that share one key.
type panelGrid struct {
	title string
	key   []keyItem
	cols  int
	plots []*plot.Plot
	// widths, if set, lays the plots out in one row instead, plot i
	// taking the share widths[i] of the width, unaligned: for panels of
	// different kinds side by side.
	widths []float64
}

// keyRows splits the key into rows that fit width.
func (g *panelGrid) keyRows(width vg.Length) [][]keyItem {
	sty := textStyle(smallSize, false)
	var rows [][]keyItem
	var w vg.Length
	for _, it := range g.key {
		iw := it.swatchWidth() + keyGap + sty.Width(it.label)
		if len(rows) == 0 || w+keySpace+iw > width {
			rows = append(rows, nil)
			w = -keySpace
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], it)
		w += keySpace + iw
	}
	return rows
}

func (g *panelGrid) Draw(c draw.Canvas) {
	top := drawPage(c, g.title) - 6

	sty := textStyle(smallSize, false)
	sty.YAlign = draw.YCenter
	rowH := sty.FontExtents().Ascent + sty.FontExtents().Descent
	for _, row := range g.keyRows(c.Size().X - 24) {
		var w vg.Length
		for i, it := range row {
			if i > 0 {
				w += keySpace
			}
			w += it.swatchWidth() + keyGap + sty.Width(it.label)
		}
		x := (c.Min.X + c.Max.X - w) / 2
		mid := top - rowH/2
		for _, it := range row {
			sw := it.swatchWidth()
			it.swatch(c, vg.Rectangle{Min: vg.Point{X: x, Y: mid - rowH/2}, Max: vg.Point{X: x + sw, Y: mid + rowH/2}})
			x += sw + keyGap
			c.FillText(sty, vg.Point{X: x, Y: mid}, it.label)
			x += sty.Width(it.label) + keySpace
		}
		top -= rowH + keyRowGap
	}

	if g.widths != nil {
		x := c.Min.X + 4
		w := c.Size().X - 8
		for i, pl := range g.plots {
			cw := w * vg.Length(g.widths[i])
			pl.Draw(draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
				Min: vg.Point{X: x, Y: c.Min.Y + 4}, Max: vg.Point{X: x + cw - 10, Y: top - 4}}})
			x += cw
		}
		return
	}
	rows := (len(g.plots) + g.cols - 1) / g.cols
	grid := make([][]*plot.Plot, rows)
	for i := range grid {
		grid[i] = make([]*plot.Plot, g.cols)
		for j := range grid[i] {
			if k := i*g.cols + j; k < len(g.plots) {
				grid[i][j] = g.plots[k]
			}
		}
	}
	t := draw.Tiles{Rows: rows, Cols: g.cols, PadTop: c.Max.Y - top + 4, PadX: 14, PadY: 12, PadLeft: 4, PadRight: 10, PadBottom: 4}
	canvases := plot.Align(grid, t, c)
	for i := range grid {
		for j, pl := range grid[i] {
			if pl != nil {
				pl.Draw(canvases[i][j])
			}
		}
	}
}

// keyHeight is the height the title and a key of n rows take.
func keyHeight(rows int) vg.Length {
	sty := textStyle(smallSize, false)
	rowH := sty.FontExtents().Ascent + sty.FontExtents().Descent
	return 8 + textStyle(titleSize, true).Height("X") + 6 + vg.Length(rows)*(rowH+keyRowGap) + 4
}

// panelTitle sets a panel's title in the shared look, a size smaller
// than a figure's.
func panelTitle(p *plot.Plot, title string) {
	p.Title.Text = title
	p.Title.TextStyle = textStyle(labelSize, true)
	p.Title.TextStyle.XAlign = draw.XCenter
	p.Title.TextStyle.YAlign = draw.YTop
	p.Title.Padding = vg.Length(4)
}

// fillRect fills the rectangle between two corners in any order.
func fillRect(c draw.Canvas, clr color.Color, a, b vg.Point) {
	r := vg.Rectangle{
		Min: vg.Point{X: min(a.X, b.X), Y: min(a.Y, b.Y)},
		Max: vg.Point{X: max(a.X, b.X), Y: max(a.Y, b.Y)},
	}
	c.SetColor(clr)
	c.Fill(r.Path())
}

// strokeLine draws a straight line from a to b.
func strokeLine(c draw.Canvas, sty draw.LineStyle, a, b vg.Point) {
	c.StrokeLine2(sty, a.X, a.Y, b.X, b.Y)
}
