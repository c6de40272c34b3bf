package plots

import (
	"math"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// stubEnd is the open end of a stub: a short, broken arrow that stands
// for the segments between a node on the map and a node off it, such as
// Almaty and Istanbul. Drawing such segments to the edge of the map
// would take them across the whole region; a stub keeps the region
// legible, and its label names the place it leads to.
type stubEnd struct {
	near, far int          // node indices
	in, out   bool         // segments lead to the far node (in), or come from it (out)
	bearing   float64      // true direction of far from near on the page, radians
	box       vg.Rectangle // of the label
}

// stubLength is the length of a stub: enough for the widest arrowhead,
// a break and some shaft.
const stubLength = vg.Length(46)

// addStubs sets the ends of every segment of the panel, adding a stub
// for each pair of nodes on and off the map that segments join, in the
// order of the segments. A segment between two nodes off the map is not
// drawn.
func (v *panelView) addStubs() {
	d, n := v.d, len(v.d.nodes)
	v.ends = make([][2]int, len(v.p.segs))
	at := map[[2]int]int{} // (near, far) to the index of the stub in v.stubs
	for k, s := range v.p.segs {
		from, to := s.from, s.to
		fromFar, toFar := d.nodes[from].far, d.nodes[to].far
		if fromFar && toFar {
			v.ends[k] = [2]int{-1, -1}
			continue
		}
		if fromFar || toFar {
			key := [2]int{from, to}
			if fromFar {
				key = [2]int{to, from}
			}
			i, ok := at[key]
			if !ok {
				i = len(v.stubs)
				at[key] = i
				v.stubs = append(v.stubs, stubEnd{near: key[0], far: key[1]})
			}
			v.stubs[i].in = v.stubs[i].in || toFar
			v.stubs[i].out = v.stubs[i].out || fromFar
			if toFar {
				to = n + i
			} else {
				from = n + i
			}
		}
		v.ends[k] = [2]int{from, to}
	}
	// Now that their labels are known, place the stubs in turn.
	for i := range v.stubs {
		st := &v.stubs[i]
		fn := d.nodes[st.far]
		toward := v.frame.point(fn.lon, fn.lat).Sub(v.pts[st.near])
		st.bearing = math.Atan2(float64(toward.Y), float64(toward.X))
		var end vg.Point
		end, st.box = v.stubPoint(i)
		v.pts = append(v.pts, end)
		v.radius = append(v.radius, 0)
	}
}

// stubLabelStyle is the style of the labels of stubs.
func stubLabelStyle() text.Style {
	sty := textStyle(mapLabelSize, false)
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YCenter
	return sty
}

// stubLabelBox returns the box of a label w × h beyond the end of a
// stub pointing in direction u: the point of the box's edge that faces
// the stub (the middle of its right edge for a stub pointing west, its
// top-right corner for one pointing south-west) just past the tip.
func stubLabelBox(tip, u vg.Point, w, h vg.Length) vg.Rectangle {
	m := max(math.Abs(float64(u.X)), math.Abs(float64(u.Y)))
	fx := vg.Length(0.5 - 0.5*float64(u.X)/m)
	fy := vg.Length(0.5 - 0.5*float64(u.Y)/m)
	minPt := tip.Add(u.Scale(2)).Sub(vg.Point{X: fx * w, Y: fy * h})
	return vg.Rectangle{Min: minPt, Max: minPt.Add(vg.Point{X: w, Y: h})}
}

// stubPoint returns where the stub from near towards far ends:
// stubLength away (or half as far again, to get clear of a cluster) in
// the direction of far, turned by up to 60° to where it crosses the
// fewest segments, passes furthest from markers and other stubs, and
// leaves room for its label.
func (v *panelView) stubPoint(i int) (end vg.Point, label vg.Rectangle) {
	near, bearing := v.stubs[i].near, v.stubs[i].bearing
	p := v.pts[near]
	sty := stubLabelStyle()
	w, h := sty.Width(v.stubText(i)), sty.Height(v.stubText(i))
	bestCost := math.Inf(1)
	for _, long := range []bool{false, true} {
		for _, k := range []int{0, 1, -1, 2, -2, 3, -3, 4, -4} {
			th := bearing + float64(k)*math.Pi/12
			l := stubLength
			// Straying from the true direction misleads more than
			// a crossing: 5 turns of 15° cost as much as three.
			cost := 3 * float64(k*k)
			if long {
				l *= 1.5
				cost += 10
			}
			e := p.Add(vg.Point{X: l * vg.Length(math.Cos(th)), Y: l * vg.Length(math.Sin(th))})
			u := vg.Point{X: vg.Length(math.Cos(th)), Y: vg.Length(math.Sin(th))}
			box := stubLabelBox(e, u, w, h)
			cost += v.stubCost(i, p, e, box)
			if cost < bestCost {
				end, label, bestCost = e, box, cost
			}
		}
	}
	return end, label
}

// stubCost returns the cost of stub i from p to e with its label in
// box: what they cross and come close to, and leaving the map.
func (v *panelView) stubCost(i int, p, e vg.Point, box vg.Rectangle) float64 {
	d := v.d
	near, bearing := v.stubs[i].near, v.stubs[i].bearing
	line := []vg.Point{p, e}
	sz := box.Size()
	cost := 10 * (float64(sz.X*sz.Y) - overlap(box, v.area))
	if clampPoint(e, v.inner) != e {
		cost += 1000
	}
	for j, n := range d.nodes {
		if n.far || j == near {
			continue
		}
		cost += 5 * float64(max(0, v.radius[j]+10-distToPath(v.pts[j], line)))
		r := v.radius[j] + 3
		cost += overlap(box, vg.Rectangle{Min: v.pts[j].Sub(vg.Point{X: r, Y: r}), Max: v.pts[j].Add(vg.Point{X: r, Y: r})})
	}
	for k := range i { // the stubs placed before
		st := v.stubs[k]
		o := v.pts[len(d.nodes)+k]
		cost += 20 * overlap(box, st.box)
		cost += 5 * float64(max(0, 30-distToPath(o, line)))
		if st.near == near {
			// Stubs of one node fan out at least 30° apart, in the
			// order of their true directions.
			a, b := e.Sub(p), o.Sub(p)
			cos := float64(a.Dot(b) / (length(a) * length(b)))
			cost += 100 * math.Max(0, cos-math.Cos(math.Pi/6))
			if (float64(a.X*b.Y-a.Y*b.X) > 0) != (math.Sin(st.bearing-bearing) > 0) {
				cost += 100
			}
		}
	}
	for _, s := range v.p.segs {
		if s.from == near || s.to == near || d.nodes[s.from].far || d.nodes[s.to].far {
			continue
		}
		if crosses(p, e, v.pts[s.from], v.pts[s.to]) {
			cost += 15
		}
	}
	return cost
}

// crosses reports whether the line from a to b crosses the line from c
// to e.
func crosses(a, b, c, e vg.Point) bool {
	side := func(p, q, r vg.Point) float64 {
		return float64((q.X-p.X)*(r.Y-p.Y) - (q.Y-p.Y)*(r.X-p.X))
	}
	d1, d2 := side(a, b, c), side(a, b, e)
	d3, d4 := side(c, e, a), side(c, e, b)
	return d1*d2 < 0 && d3*d4 < 0
}
