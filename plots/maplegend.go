package plots

import (
	"image/color"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// mapLegendRow is a row of the map's legend: a header, or a thumbnail
// and its meaning.
type mapLegendRow struct {
	text   string
	header bool
	height vg.Length                           // of the thumbnail; the text's if larger
	thumb  func(c draw.Canvas, r vg.Rectangle) // nil for a header
}

// mapLegend is the legend column of a map: sections of rows, kept whole,
// filling columns top to bottom and then left to right.
type mapLegend struct {
	sections [][]mapLegendRow
	text     text.Style
	head     text.Style
}

// Legend geometry in points.
const (
	mapLegendThumb      = vg.Length(30)
	mapLegendSectionGap = vg.Length(7)
)

// legendArrowColor fills the arrows of the width key: a neutral grey,
// which no seizure rate takes.
var legendArrowColor = color.RGBA{R: 0x9E, G: 0x9E, B: 0x9E, A: 0xFF}

// legend returns the map's legend: a width key for each unit, the
// colour bins, the kinds of place and the marks on segments that occur.
func (d *mapDrawing) legend() *mapLegend {
	l := &mapLegend{text: textStyle(8.5, false), head: textStyle(8.5, true)}
	for _, sty := range []*text.Style{&l.text, &l.head} {
		sty.XAlign, sty.YAlign = draw.XLeft, draw.YCenter
	}
	for u, us := range d.units {
		flows, decimals := referenceFlows(us.maxFlow)
		if len(flows) == 0 {
			continue
		}
		head := "Flow"
		if us.name != "" {
			head += ", " + us.name
		}
		sec := []mapLegendRow{{text: head, header: true}}
		for _, f := range flows {
			w := d.width(u, f)
			sec = append(sec, mapLegendRow{text: formatNumber(f, decimals, true), height: w + 2*2, thumb: arrowThumb(w, legendArrowColor)})
		}
		l.sections = append(l.sections, sec)
	}

	rates := []mapLegendRow{{text: "Share seized", header: true}}
	for k, lab := range rateLabels() {
		rates = append(rates, mapLegendRow{text: lab, height: 6, thumb: arrowThumb(5, rateColors[k])})
	}
	rates = append(rates, mapLegendRow{text: "no flow", height: 4, thumb: func(c draw.Canvas, r vg.Rectangle) {
		y := (r.Min.Y + r.Max.Y) / 2
		c.StrokeLine2(draw.LineStyle{Color: noFlowColor, Width: noFlowWidth}, r.Min.X, y, r.Max.X, y)
	}})
	l.sections = append(l.sections, rates, d.placesLegend(), d.segmentsLegend())
	return l
}

// placesLegend returns the section of node markers, for the kinds on
// the map.
func (d *mapDrawing) placesLegend() []mapLegendRow {
	kinds := []struct{ kind, text string }{
		{"origin", "origin"},
		{"market", "market"},
		{"stash", "stash"},
		{"city", "city"},
		{"border", "border post, transit"},
	}
	has := map[string]bool{}
	for _, n := range d.nodes {
		k := n.kind
		if k == "transit" {
			k = "border"
		}
		has[k] = has[k] || !n.far
	}
	sec := []mapLegendRow{{text: "Places", header: true}}
	for _, k := range kinds {
		if !has[k.kind] {
			continue
		}
		n := mapNode{kind: k.kind}
		fill := color.Color(countryTints[3].fill) // the neutral grey tint
		if k.kind == "stash" {
			fill = stashColor
		}
		sec = append(sec, mapLegendRow{text: k.text, height: 2 * nodeRadius(n), thumb: markerThumb(n, fill)})
	}
	if len(d.countries) > 1 {
		sec = append(sec, mapLegendRow{text: "fill: country", height: 7, thumb: func(c draw.Canvas, r vg.Rectangle) {
			for k := range min(3, len(d.countries)) {
				p := vg.Point{X: r.Min.X + 5 + vg.Length(k)*9, Y: (r.Min.Y + r.Max.Y) / 2}
				outlinedGlyph{shape: shapeCircle}.DrawGlyph(&c, draw.GlyphStyle{Color: countryTints[k].fill, Radius: 3.2}, p)
			}
		}})
	}
	return sec
}

// segmentsLegend returns the section of marks on segments, for those
// on the map.
func (d *mapDrawing) segmentsLegend() []mapLegendRow {
	var checkpoint, crossing, fuel, track, air, far bool
	for _, p := range d.panels {
		for _, s := range p.segs {
			checkpoint = checkpoint || s.checkpoint
			crossing = crossing || s.crossing
			fuel = fuel || s.fuel
			track = track || s.mode == "track"
			ends := d.nodes[s.from].far || d.nodes[s.to].far
			air = air || (s.mode == "air" && !ends) // to or from off the map: a stub
			far = far || ends
		}
	}
	const w = 4
	sec := []mapLegendRow{{text: "Segments", header: true}}
	add := func(ok bool, text string, s mapSeg, farEnd int) {
		if ok {
			sec = append(sec, mapLegendRow{text: text, height: w + 6, thumb: segmentThumb(s, farEnd)})
		}
	}
	add(checkpoint, "checkpoint", mapSeg{checkpoint: true}, 0)
	add(crossing, "border, no checkpoint", mapSeg{crossing: true}, 0)
	add(fuel, "fuel corridor", mapSeg{fuel: true}, 0)
	add(track, "off-road track", mapSeg{mode: "track"}, 0)
	add(air, "air route", mapSeg{mode: "air"}, 0)
	add(far, "to a place off the map", mapSeg{}, farTo)
	if len(sec) == 1 {
		return nil
	}
	return sec
}

// arrowThumb draws a horizontal arrow of width w across the thumbnail.
func arrowThumb(w vg.Length, fill color.Color) func(draw.Canvas, vg.Rectangle) {
	return func(c draw.Canvas, r vg.Rectangle) {
		y := (r.Min.Y + r.Max.Y) / 2
		path := []vg.Point{{X: r.Min.X, Y: y}, {X: r.Max.X, Y: y}}
		drawArrow(c, segDraw{seg: &mapSeg{}, path: path, w: w, head: headLength(w), colour: fill})
	}
}

// segmentThumb draws a light arrow with the marks of s.
func segmentThumb(s mapSeg, farEnd int) func(draw.Canvas, vg.Rectangle) {
	return func(c draw.Canvas, r vg.Rectangle) {
		const w = 4
		y := (r.Min.Y + r.Max.Y) / 2
		var path []vg.Point
		if s.mode == "air" {
			path = segmentPath(vg.Point{X: r.Min.X, Y: y - 3}, vg.Point{X: r.Max.X, Y: y - 3}, 0, 0, 0, 6)
		} else {
			path = []vg.Point{{X: r.Min.X, Y: y}, {X: r.Max.X, Y: y}}
		}
		sd := segDraw{seg: &s, path: path, w: w, head: headLength(w), colour: rateColors[1], far: farEnd}
		drawArrow(c, sd)
		drawSegmentMarks(c, sd)
	}
}

// markerThumb draws the marker of a node like n, filled with fill.
func markerThumb(n mapNode, fill color.Color) func(draw.Canvas, vg.Rectangle) {
	return func(c draw.Canvas, r vg.Rectangle) {
		p := vg.Point{X: r.Min.X + mapLegendThumb/2, Y: (r.Min.Y + r.Max.Y) / 2}
		outlinedGlyph{shape: nodeShape(n)}.DrawGlyph(&c, draw.GlyphStyle{Color: fill, Radius: nodeRadius(n)}, p)
	}
}

// rowHeight returns the height of a row: its thumbnail's or its text's.
func (l *mapLegend) rowHeight(r mapLegendRow) vg.Length {
	e := l.text.FontExtents()
	return max(r.height, e.Ascent+e.Descent) + 2
}

// mapLegendColumns is a legend laid out in columns.
type mapLegendColumns struct {
	l      *mapLegend
	cols   [][][]mapLegendRow
	widths []vg.Length
}

// layout fills columns no taller than height with whole sections.
func (l *mapLegend) layout(height vg.Length) *mapLegendColumns {
	lc := &mapLegendColumns{l: l}
	var used vg.Length
	for _, sec := range l.sections {
		if len(sec) == 0 {
			continue
		}
		var h vg.Length
		for _, r := range sec {
			h += l.rowHeight(r)
		}
		if len(lc.cols) == 0 || used+mapLegendSectionGap+h > height {
			lc.cols = append(lc.cols, nil)
			lc.widths = append(lc.widths, 0)
			used = -mapLegendSectionGap
		}
		k := len(lc.cols) - 1
		lc.cols[k] = append(lc.cols[k], sec)
		used += mapLegendSectionGap + h
		for _, r := range sec {
			w := l.text.Width(r.text) + mapLegendThumb + legendGap
			if r.header {
				w = l.head.Width(r.text)
			}
			lc.widths[k] = max(lc.widths[k], w)
		}
	}
	return lc
}

// width returns the width of all columns with the gaps between them.
func (lc *mapLegendColumns) width() vg.Length {
	var w vg.Length
	for k, cw := range lc.widths {
		if k > 0 {
			w += mapPanelGap
		}
		w += cw
	}
	return w
}

// draw draws the columns from top-left corner at.
func (lc *mapLegendColumns) draw(c draw.Canvas, at vg.Point) {
	x := at.X
	for k, col := range lc.cols {
		y := at.Y
		for _, sec := range col {
			for _, r := range sec {
				h := lc.l.rowHeight(r)
				mid := y - h/2
				if r.header {
					c.FillText(lc.l.head, vg.Point{X: x, Y: mid + textLift(lc.l.head)}, r.text)
				} else {
					r.thumb(c, vg.Rectangle{Min: vg.Point{X: x, Y: mid - r.height/2}, Max: vg.Point{X: x + mapLegendThumb, Y: mid + r.height/2}})
					c.FillText(lc.l.text, vg.Point{X: x + mapLegendThumb + legendGap, Y: mid + textLift(lc.l.text)}, r.text)
				}
				y -= h
			}
			y -= mapLegendSectionGap
		}
		x += lc.widths[k] + mapPanelGap
	}
}
