package plots

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Ends of a segment off the map.
const (
	farFrom = 1 + iota
	farTo
)

// segDraw is a segment as drawn in a panel.
type segDraw struct {
	seg    *mapSeg
	path   []vg.Point
	w      vg.Length
	head   vg.Length // length of the arrowhead; 0 for none
	far    int       // farFrom or farTo if that end is off the map, else 0
	colour color.Color
	bounds vg.Rectangle // of the path, grown by half the width
}

// layoutSegments sets the drawn shape of each segment. Opposite
// segments are drawn side by side along one line; each line bends just
// enough to pass clear of the markers of the nodes it does not join.
func (v *panelView) layoutSegments() {
	type pair [2]int // indices in pts, lower first
	p, n := v.p, len(v.d.nodes)
	widths := make([]vg.Length, len(p.segs))
	band := map[pair]vg.Length{} // width of the line of a pair, both directions
	for k, s := range p.segs {
		a, b := v.ends[k][0], v.ends[k][1]
		widths[k] = v.d.width(p.unit, s.flow)
		band[pair{min(a, b), max(a, b)}] += widths[k] + mapPairGap
	}
	bends := map[pair]vg.Length{}
	for k := range p.segs {
		s := &p.segs[k]
		a, b := v.ends[k][0], v.ends[k][1]
		if a < 0 {
			continue
		}
		w := widths[k]
		sd := segDraw{seg: s, w: w, colour: noFlowColor}
		if w > noFlowWidth {
			sd.colour = rateColor(s.rate)
			sd.head = headLength(w)
		}
		switch {
		case a >= n:
			sd.far = farFrom
		case b >= n:
			sd.far = farTo
		}
		key := pair{min(a, b), max(a, b)}
		bend, ok := bends[key]
		if !ok {
			if sd.far == 0 {
				bend = v.chooseBend(key[0], key[1], band[key], s.mode == "air")
			}
			bends[key] = bend
		}
		if a != key[0] {
			bend = -bend // the left of the way back is the right of the way there
		}
		var offset vg.Length
		if s.paired {
			offset = w/2 + mapPairGap
		}
		const clear = 1.5 // between a marker and the arrow's ends
		sd.path = segmentPath(v.pts[a], v.pts[b], v.radius[a]+clear, v.radius[b]+clear, offset, bend)
		if sd.path != nil {
			sd.bounds = pathBounds(sd.path, sd.w/2)
			v.segs = append(v.segs, sd)
		}
	}
}

// chooseBend returns the bend (see segmentPath) of the line from point i
// to point j, band wide: the smallest that keeps it clear of the other
// markers, or failing that the one that comes least close to them,
// left before right. Ground routes bend by at most a third of their
// length; air routes always arc, by an eighth or more.
func (v *panelView) chooseBend(i, j int, band vg.Length, air bool) vg.Length {
	a, b := v.pts[i], v.pts[j]
	chord := length(b.Sub(a))
	var mags []vg.Length
	if air {
		mags = []vg.Length{chord / 8, chord / 6, chord / 4.5}
	} else {
		for m := vg.Length(0); m <= chord/3; m += 5 {
			mags = append(mags, m)
		}
	}
	// Air routes keep well away from places: an arc is the eye's
	// path across the map, and threading it between towns confuses.
	margin := vg.Length(2)
	if air {
		margin = 12
	}
	// Only markers near the widest curve can come close to any.
	reach := mags[len(mags)-1] + band/2 + margin + nodeRadius(mapNode{kind: "market"})
	near := []int{}
	box := pathBounds([]vg.Point{a, b}, reach)
	for k, n := range v.d.nodes {
		if k != i && k != j && !n.far && clampPoint(v.pts[k], box) == v.pts[k] {
			near = append(near, k)
		}
	}
	best, bestCost := vg.Length(0), math.Inf(1)
	for _, m := range mags {
		for _, bend := range []vg.Length{m, -m} {
			path := curve(a, b, bend)
			var cost float64 // how far markers reach into the line's clearance
			for _, k := range near {
				clearance := v.radius[k] + band/2 + margin
				cost += float64(max(0, clearance-distToPath(v.pts[k], path)))
			}
			if cost < bestCost-0.5 { // a bend must earn its keep
				best, bestCost = bend, cost
			}
			if m == 0 {
				break
			}
		}
		if bestCost == 0 {
			break
		}
	}
	return best
}

// pathBounds returns the bounding box of pts grown by pad each way.
func pathBounds(pts []vg.Point, pad vg.Length) vg.Rectangle {
	r := vg.Rectangle{Min: pts[0], Max: pts[0]}
	for _, p := range pts[1:] {
		r.Min = vg.Point{X: min(r.Min.X, p.X), Y: min(r.Min.Y, p.Y)}
		r.Max = vg.Point{X: max(r.Max.X, p.X), Y: max(r.Max.Y, p.Y)}
	}
	g := vg.Point{X: pad, Y: pad}
	return vg.Rectangle{Min: r.Min.Sub(g), Max: r.Max.Add(g)}
}

// headLength returns the length of the head of an arrow w wide: a
// little longer than it is wide, and long enough to show on the
// thinnest.
func headLength(w vg.Length) vg.Length { return 3.5 + 1.1*w }

// drawArrow draws a segment with flow: an arrow in the colour of its
// seizure rate with a thin dark edge, blue for a fuel corridor, dashed
// for a track. Paired segments get a half head on their outer side, so
// that the two heads do not overlap.
func drawArrow(c draw.Canvas, s segDraw) {
	half := s.w/2 + 1.8 + 0.2*s.w
	poly := arrowPolygon(s.path, s.w, s.head, half, s.seg.paired)
	c.FillPolygon(s.colour, poly)
	edge := draw.LineStyle{Color: casingColor, Width: casingWidth}
	if s.seg.fuel {
		edge = draw.LineStyle{Color: fuelColor, Width: 1.3}
	}
	if s.seg.mode == "track" {
		edge.Dashes = trackDashes
	}
	c.StrokeLines(edge, append(poly, poly[0]))
}

// drawSegmentMarks draws the bar of a checkpoint or an unguarded border
// crossing across the middle of a segment's shaft, and the break of a
// segment to or from a node off the map.
func drawSegmentMarks(c draw.Canvas, s segDraw) {
	total := pathLength(s.path)
	shaft := total - min(s.head, total*0.6)
	if s.seg.checkpoint || s.seg.crossing {
		mid, dir := pathAt(s.path, shaft/2)
		fill := color.Color(inkColor)
		if s.seg.crossing {
			fill = color.White
		}
		bar := barPolygon(mid, dir, 2, s.w+4)
		c.FillPolygon(fill, bar)
		c.StrokeLines(draw.LineStyle{Color: inkColor, Width: 0.6}, append(bar, bar[0]))
	}
	switch s.far {
	case farFrom:
		drawBreak(c, s.path, shaft*0.25, s.w)
	case farTo:
		drawBreak(c, s.path, shaft*0.75, s.w)
	}
}

// barPolygon returns a rectangle thick along dir and long across it,
// centred on p.
func barPolygon(p, dir vg.Point, thick, long vg.Length) []vg.Point {
	n := vg.Point{X: -dir.Y, Y: dir.X}
	a, b := dir.Scale(thick/2), n.Scale(long/2)
	return []vg.Point{p.Sub(a).Sub(b), p.Add(a).Sub(b), p.Add(a).Add(b), p.Sub(a).Add(b)}
}

// drawBreak draws "//" across a path at distance s along it: the sign
// that the segment is not drawn to scale.
func drawBreak(c draw.Canvas, path []vg.Point, s, w vg.Length) {
	p, dir := pathAt(path, s)
	n := vg.Point{X: -dir.Y, Y: dir.X}
	// Slanted 30° from the normal.
	slant := n.Scale(vg.Length(math.Cos(math.Pi / 6))).Add(dir.Scale(vg.Length(math.Sin(math.Pi / 6))))
	long := (w + 7) / 2
	gap := dir.Scale(1.6)
	c.StrokeLine2(draw.LineStyle{Color: mapBackground, Width: 3.2},
		p.X-slant.X*long, p.Y-slant.Y*long, p.X+slant.X*long, p.Y+slant.Y*long)
	for _, g := range []vg.Point{gap, gap.Scale(-1)} {
		q := p.Add(g)
		c.StrokeLine2(draw.LineStyle{Color: inkColor, Width: 0.7},
			q.X-slant.X*long, q.Y-slant.Y*long, q.X+slant.X*long, q.Y+slant.Y*long)
	}
}
