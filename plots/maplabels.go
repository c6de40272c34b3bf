package plots

import (
	"cmp"
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// mapLabel is a name on the map and the box it is written in.
type mapLabel struct {
	text   string
	sty    text.Style
	box    vg.Rectangle
	anchor vg.Point // the marker it names
	leader bool     // away from its marker: joined to it by a line
}

// textPoint returns where FillText puts the label: it is left-aligned
// and centred vertically.
func (l mapLabel) textPoint() vg.Point {
	return vg.Point{X: l.box.Min.X, Y: (l.box.Min.Y+l.box.Max.Y)/2 + textLift(l.sty)}
}

// textLift is how far to raise text aligned by draw.YCenter so that its
// capitals and digits, rather than the box from descender to ascender,
// are centred: a tenth of the font size for Liberation Sans.
func textLift(sty text.Style) vg.Length {
	return sty.Font.Size / 10
}

// Label sizes in points: places of note larger than border posts and
// transit points.
const (
	mapLabelSize      = vg.Length(8)
	mapSmallLabelSize = vg.Length(7)
	labelHaloPad      = vg.Length(0.8)
)

var labelHalo = color.NRGBA{R: 0xFF, G: 0xFF, B: 0xFF, A: 0xC8} // lines under a label still show faintly

// labelRank orders the nodes for labelling: those that matter most
// choose their place first.
func labelRank(n mapNode) int {
	switch n.kind {
	case "market":
		return 1
	case "stash":
		return 2
	case "origin":
		return 3
	case "city":
		return 4
	}
	return 5
}

// stubText returns the label of the k-th stub: "to Istanbul (TR)", or
// "from …" if the panel's segments only come from the place.
func (v *panelView) stubText(k int) string {
	st := v.stubs[k]
	n := v.d.nodes[st.far]
	name := n.label
	if n.country != "" {
		name += " (" + n.country + ")"
	}
	switch {
	case st.in && !st.out:
		return "to " + name
	case st.out && !st.in:
		return "from " + name
	}
	return name
}

// labelRequest is a label to place: its text at a marker of radius r.
type labelRequest struct {
	self int // index in pts
	text string
	sty  text.Style
	rank int // lower chooses first
}

// placeLabels places the labels of the nodes on the map and of the
// stubs, in order of importance, each where it hides the least.
func (v *panelView) placeLabels() {
	var reqs []labelRequest
	for i, n := range v.d.nodes {
		if !n.far {
			reqs = append(reqs, labelRequest{self: i, text: n.label, sty: v.d.labelStyle(i), rank: labelRank(n)})
		}
	}
	for k, st := range v.stubs {
		// Stubs' labels go in line with them, as they were chosen.
		v.labels = append(v.labels, mapLabel{text: v.stubText(k), sty: stubLabelStyle(), box: st.box, anchor: v.pts[len(v.d.nodes)+k]})
	}
	slices.SortStableFunc(reqs, func(a, b labelRequest) int { return cmp.Compare(a.rank, b.rank) })

	markers := v.markerBoxes()
	for _, r := range reqs {
		at, rad := v.pts[r.self], v.radius[r.self]
		l := mapLabel{text: r.text, sty: r.sty, anchor: at}
		best := math.Inf(1)
		for _, cand := range labelCandidates(at, rad, r.sty.Width(r.text), r.sty.Height(r.text)) {
			cost := cand.penalty + v.labelCost(cand.box, r.self, markers, 1)
			if cost < best {
				best, l.box, l.leader = cost, cand.box, cand.leader
			}
		}
		v.labels = append(v.labels, l)
	}
}

// markerBoxes returns the box around each marker, empty for nodes off
// the map and stub ends.
func (v *panelView) markerBoxes() []vg.Rectangle {
	boxes := make([]vg.Rectangle, len(v.pts))
	for i := range v.d.nodes {
		if !v.d.nodes[i].far {
			r := v.radius[i] + 1
			boxes[i] = vg.Rectangle{Min: v.pts[i].Sub(vg.Point{X: r, Y: r}), Max: v.pts[i].Add(vg.Point{X: r, Y: r})}
		}
	}
	return boxes
}

// drawLabels draws labels on a light halo, with a thin line to the
// marker of those placed away from it.
func drawLabels(c draw.Canvas, labels []mapLabel) {
	for _, l := range labels {
		if l.leader {
			to := clampPoint(l.anchor, l.box)
			c.StrokeLine2(draw.LineStyle{Color: mutedColor, Width: 0.5}, l.anchor.X, l.anchor.Y, to.X, to.Y)
		}
	}
	for _, l := range labels {
		pad := vg.Point{X: labelHaloPad}
		halo := vg.Rectangle{Min: l.box.Min.Sub(pad), Max: l.box.Max.Add(pad)}
		c.SetColor(labelHalo)
		c.Fill(halo.Path())
		c.FillText(l.sty, l.textPoint(), l.text)
	}
}

// labelStyle returns the text style of node i's label.
func (d *mapDrawing) labelStyle(i int) text.Style {
	n := d.nodes[i]
	sty := textStyle(mapLabelSize, n.kind == "market")
	if labelRank(n) == 5 {
		sty = textStyle(mapSmallLabelSize, false)
		sty.Color = mutedColor
	}
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YCenter
	return sty
}

// labelCandidate is a place a label may take, and the price of taking
// it over the first choice.
type labelCandidate struct {
	box     vg.Rectangle
	penalty float64
	leader  bool
}

// labelCandidates returns the boxes, w × h, a label may take around a
// marker of radius r at p: right, left, the four diagonals, above and
// below, in that order of preference, close to it and then further away.
func labelCandidates(p vg.Point, r, w, h vg.Length) []labelCandidate {
	var cs []labelCandidate
	for tier, gap := range []vg.Length{1.5, 5, 10, 16} {
		d := r + gap
		g := (r + gap) * 0.7 // diagonal
		mins := []vg.Point{
			{X: p.X + d, Y: p.Y - h/2},       // right
			{X: p.X - d - w, Y: p.Y - h/2},   // left
			{X: p.X + g, Y: p.Y + g - h/4},   // above right
			{X: p.X + g, Y: p.Y - g - h*3/4}, // below right
			{X: p.X - g - w, Y: p.Y + g - h/4},
			{X: p.X - g - w, Y: p.Y - g - h*3/4},
			{X: p.X - w/2, Y: p.Y + d}, // above
			{X: p.X - w/2, Y: p.Y - d - h},
		}
		for k, m := range mins {
			cs = append(cs, labelCandidate{
				box:     vg.Rectangle{Min: m, Max: m.Add(vg.Point{X: w, Y: h})},
				penalty: float64(k)*3 + float64(tier*tier)*30,
				leader:  tier >= 2,
			})
		}
	}
	return cs
}

// labelCost returns how much a label in box would hide, in about square
// points: heavily for leaving the map or covering a marker (other than
// that of point self) or a label placed before, and segments times
// segWeight, in proportion to their width.
func (v *panelView) labelCost(box vg.Rectangle, self int, markers []vg.Rectangle, segWeight float64) float64 {
	sz := box.Size()
	inside := vg.Rectangle{Min: v.area.Min.Add(vg.Point{X: 2, Y: 2}), Max: v.area.Max.Sub(vg.Point{X: 2, Y: 2})}
	cost := 100 * (float64(sz.X*sz.Y) - overlap(box, inside))
	for i, m := range markers {
		if i != self {
			cost += 20 * overlap(box, m)
		}
	}
	for _, l := range v.labels {
		cost += 20 * overlap(box, l.box)
	}
	if segWeight == 0 {
		return cost
	}
	for _, s := range v.segs {
		if overlap(box, s.bounds) == 0 {
			continue
		}
		grown := vg.Rectangle{Min: box.Min.Sub(vg.Point{X: s.w / 2, Y: s.w / 2}), Max: box.Max.Add(vg.Point{X: s.w / 2, Y: s.w / 2})}
		for k := 1; k < len(s.path); k++ {
			cost += segWeight * 1.5 * float64(clippedLength(s.path[k-1], s.path[k], grown)*(s.w+1))
		}
	}
	return cost
}

// clippedLength returns the length of the line from a to b inside r
// (Liang–Barsky clipping).
func clippedLength(a, b vg.Point, r vg.Rectangle) vg.Length {
	t0, t1 := 0.0, 1.0
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	for _, e := range [4][2]float64{
		{-dx, float64(a.X - r.Min.X)}, {dx, float64(r.Max.X - a.X)},
		{-dy, float64(a.Y - r.Min.Y)}, {dy, float64(r.Max.Y - a.Y)},
	} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return 0
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = math.Max(t0, t)
		} else {
			t1 = math.Min(t1, t)
		}
	}
	if t0 >= t1 {
		return 0
	}
	return vg.Length((t1 - t0) * math.Hypot(dx, dy))
}
