package plots

import (
	"cmp"
	"image/color"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Map geometry, in points.
const (
	mapMargin    = vg.Length(4)  // from the edges of the image
	mapPanelGap  = vg.Length(10) // between panels, and before the legend
	mapInset     = vg.Length(16) // from the panel's edge to the region's box
	mapMinSep    = vg.Length(24) // closest two nodes may be drawn: room for an arrow between them
	mapPairGap   = vg.Length(1)  // half the gap between opposite segments
	mapTitleSize = vg.Length(10.5)
	casingWidth  = vg.Length(0.5)
)

var (
	mapBackground = color.RGBA{R: 0xF5, G: 0xF6, B: 0xF7, A: 0xFF}
	casingColor   = color.NRGBA{R: 0x22, G: 0x22, B: 0x22, A: 0xA0}
	fuelColor     = okabeIto[3] // blue: apart from every colour of the rate scale
)

// trackDashes is the dashed edge of off-road tracks.
var trackDashes = []vg.Length{2.5, 1.5}

// Plot implements plot.Plotter: the panels side by side, then the legend
// column, in the data area.
func (d *mapDrawing) Plot(c draw.Canvas, _ *plot.Plot) {
	c.Min = c.Min.Add(vg.Point{X: mapMargin, Y: mapMargin})
	c.Max.X -= mapMargin
	leg := d.legend()
	cols := leg.layout(c.Size().Y)
	legW := cols.width()
	n := vg.Length(len(d.panels))
	pw := (c.Size().X - legW - n*mapPanelGap) / n
	for i := range d.panels {
		x := c.Min.X + vg.Length(i)*(pw+mapPanelGap)
		d.drawPanel(c, i, vg.Rectangle{Min: vg.Point{X: x, Y: c.Min.Y}, Max: vg.Point{X: x + pw, Y: c.Max.Y}})
	}
	cols.draw(c, vg.Point{X: c.Max.X - legW, Y: c.Max.Y})
}

// panelView is a panel laid out on the page.
type panelView struct {
	d     *mapDrawing
	p     *mapPanel
	area  vg.Rectangle // the map's background
	inner vg.Rectangle // where the region is drawn
	frame mapFrame

	// pts are where the nodes are drawn, then the open ends of stubs
	// (see addStubs); radius the size of the marker at each, 0 at the
	// end of a stub.
	pts    []vg.Point
	radius []vg.Length
	stubs  []stubEnd  // the open end at pts[len(d.nodes)+k]
	ends   [][2]int   // each segment's ends, as indices in pts; -1 if not drawn
	segs   []segDraw  // the segments drawn
	labels []mapLabel // of nodes and stubs
	codes  []mapLabel // of countries
}

// drawPanel draws panel i within r: its title, then the map.
func (d *mapDrawing) drawPanel(c draw.Canvas, i int, r vg.Rectangle) {
	p := &d.panels[i]
	title := textStyle(mapTitleSize, true)
	title.XAlign, title.YAlign = draw.XCenter, draw.YTop
	c.FillText(title, vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: r.Max.Y}, p.title)
	area := r
	area.Max.Y -= title.Height(p.title) + 4
	v := d.newPanelView(p, area)
	v.draw(c)
}

// newPanelView lays out panel p in area: nodes, stubs, segments, labels.
func (d *mapDrawing) newPanelView(p *mapPanel, area vg.Rectangle) *panelView {
	v := &panelView{d: d, p: p, area: area}
	in := vg.Point{X: mapInset, Y: mapInset}
	v.inner = vg.Rectangle{Min: area.Min.Add(in), Max: area.Max.Sub(in)}
	v.frame = newMapFrame(d.region, v.inner)
	v.pts = d.nodePoints(v.frame, v.inner, mapMinSep)
	for _, n := range d.nodes {
		v.radius = append(v.radius, nodeRadius(n))
	}
	v.addStubs()
	v.layoutSegments()
	v.placeLabels()
	v.placeCountryCodes()
	return v
}

// draw draws the panel's map: background and graticule, country codes,
// segments without flow, arrows widest first so that a thin flow is
// never hidden under a wide one, marks on segments, markers, labels.
func (v *panelView) draw(c draw.Canvas) {
	c.SetColor(mapBackground)
	c.Fill(v.area.Path())
	v.d.drawGraticule(c, v.frame, v.area)
	for _, l := range v.codes {
		c.FillText(l.sty, l.textPoint(), l.text)
	}
	for _, s := range v.segs {
		if s.head == 0 {
			c.StrokeLines(draw.LineStyle{Color: noFlowColor, Width: noFlowWidth}, s.path)
		}
	}
	order := make([]int, len(v.segs))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(v.segs[b].w, v.segs[a].w) })
	for _, k := range order {
		if s := v.segs[k]; s.head > 0 {
			drawArrow(c, s)
		}
	}
	for _, s := range v.segs {
		drawSegmentMarks(c, s)
	}
	for k, n := range v.d.nodes {
		if !n.far {
			v.d.drawNode(c, k, v.pts[k])
		}
	}
	drawLabels(c, v.labels)
	c.SetLineStyle(draw.LineStyle{Color: gridColor, Width: gridWidth})
	c.Stroke(v.area.Path())
}
