package plots

import (
	"math"

	"gonum.org/v1/plot/vg"
)

// mapFrame maps degrees to points in one panel: the equirectangular
// projection x = lon·cos φ₀, y = lat, scaled to fit the region into the
// panel's map area and centred in it.
type mapFrame struct {
	region MapRegion
	cosLat float64   // cos φ₀, φ₀ the middle latitude of the region
	scale  vg.Length // points per degree of latitude
	origin vg.Point  // where (West, South) falls
}

func newMapFrame(region MapRegion, inner vg.Rectangle) mapFrame {
	f := mapFrame{region: region}
	// Near a pole the parallels shrink to nothing; 0.1 keeps a map of
	// the Arctic from becoming a vertical line.
	f.cosLat = math.Max(0.1, math.Cos((region.South+region.North)/2*math.Pi/180))
	w := (region.East - region.West) * f.cosLat
	h := region.North - region.South
	size := inner.Size()
	f.scale = max(0, min(size.X/vg.Length(w), size.Y/vg.Length(h)))
	f.origin = vg.Point{
		X: inner.Min.X + (size.X-f.scale*vg.Length(w))/2,
		Y: inner.Min.Y + (size.Y-f.scale*vg.Length(h))/2,
	}
	return f
}

// point returns where (lon, lat) falls on the page.
func (f mapFrame) point(lon, lat float64) vg.Point {
	return vg.Point{
		X: f.origin.X + f.scale*vg.Length((lon-f.region.West)*f.cosLat),
		Y: f.origin.Y + f.scale*vg.Length(lat-f.region.South),
	}
}

// lonLat is the inverse of point.
func (f mapFrame) lonLat(p vg.Point) (lon, lat float64) {
	if f.scale == 0 {
		return f.region.West, f.region.South
	}
	return f.region.West + float64((p.X-f.origin.X)/f.scale)/f.cosLat,
		f.region.South + float64((p.Y-f.origin.Y)/f.scale)
}

// nodePoints returns where each node is drawn: at its place, or, if it
// lies outside the region, at the nearest point of the region's edge;
// then pushed apart until no two are closer than minSep.
func (d *mapDrawing) nodePoints(f mapFrame, bounds vg.Rectangle, minSep vg.Length) []vg.Point {
	r := d.region
	pts := make([]vg.Point, len(d.nodes))
	for i, n := range d.nodes {
		lon := math.Min(math.Max(n.lon, r.West), r.East)
		lat := math.Min(math.Max(n.lat, r.South), r.North)
		pts[i] = f.point(lon, lat)
	}
	declutter(pts, minSep, bounds)
	return pts
}

// declutter moves points apart, each pair that is closer than minSep
// by half the shortfall each, until none is or a bound on the work is
// reached, keeping them within bounds. Points that coincide part in a
// direction fixed by their indices, so the result is deterministic.
func declutter(pts []vg.Point, minSep vg.Length, bounds vg.Rectangle) {
	const rounds = 200 // enough for clusters of a few points; each round is O(n²)
	for range rounds {
		moved := false
		for i := range pts {
			for j := i + 1; j < len(pts); j++ {
				v := pts[j].Sub(pts[i])
				dist := length(v)
				if dist >= minSep {
					continue
				}
				var u vg.Point
				if dist < 1e-3 {
					a := float64(i+j) * 2.39996 // the golden angle spreads repeats
					u = vg.Point{X: vg.Length(math.Cos(a)), Y: vg.Length(math.Sin(a))}
				} else {
					u = v.Scale(1 / dist)
				}
				// A little more than the shortfall, so that the
				// loop ends rather than creeping towards minSep.
				push := (minSep - dist) * 0.51
				pts[i] = clampPoint(pts[i].Sub(u.Scale(push)), bounds)
				pts[j] = clampPoint(pts[j].Add(u.Scale(push)), bounds)
				moved = true
			}
		}
		if !moved {
			return
		}
	}
}

func clampPoint(p vg.Point, r vg.Rectangle) vg.Point {
	return vg.Point{X: min(max(p.X, r.Min.X), r.Max.X), Y: min(max(p.Y, r.Min.Y), r.Max.Y)}
}

func length(v vg.Point) vg.Length {
	return vg.Length(math.Hypot(float64(v.X), float64(v.Y)))
}

// segmentPath returns the centre line of a segment from a to b, between
// the edges of their markers (radii ra and rb) and shifted right of its
// direction by offset: a straight line if bend is zero, otherwise a
// quadratic curve whose middle lies bend to the left of the chord (to
// the right if bend is negative).
func segmentPath(a, b vg.Point, ra, rb, offset, bend vg.Length) []vg.Point {
	v := b.Sub(a)
	dist := length(v)
	if dist <= ra+rb {
		return nil
	}
	u := v.Scale(1 / dist)
	var pts []vg.Point
	if bend == 0 {
		pts = []vg.Point{a.Add(u.Scale(ra)), b.Sub(u.Scale(rb))}
	} else {
		for _, p := range curve(a, b, bend) {
			if length(p.Sub(a)) >= ra && length(p.Sub(b)) >= rb {
				pts = append(pts, p)
			}
		}
		if len(pts) < 2 {
			return nil
		}
	}
	if offset != 0 {
		pts = offsetPath(pts, -offset)
	}
	return pts
}

// curve returns points along the quadratic curve from a to b whose
// middle lies bend to the left of the chord.
func curve(a, b vg.Point, bend vg.Length) []vg.Point {
	v := b.Sub(a)
	dist := length(v)
	if dist == 0 || bend == 0 {
		return []vg.Point{a, b}
	}
	left := vg.Point{X: -v.Y / dist, Y: v.X / dist}
	// A quadratic curve passes halfway to its control point.
	ctrl := a.Add(v.Scale(0.5)).Add(left.Scale(2 * bend))
	const n = 32
	pts := make([]vg.Point, 0, n+1)
	for k := 0; k <= n; k++ {
		t := vg.Length(k) / n
		pts = append(pts, a.Scale((1-t)*(1-t)).Add(ctrl.Scale(2*t*(1-t))).Add(b.Scale(t*t)))
	}
	return pts
}

// distToPath returns the distance from p to the polyline pts.
func distToPath(p vg.Point, pts []vg.Point) vg.Length {
	best := vg.Length(math.Inf(1))
	for i := 1; i < len(pts); i++ {
		a, v := pts[i-1], pts[i].Sub(pts[i-1])
		t := vg.Length(0)
		if l2 := v.Dot(v); l2 > 0 {
			t = min(max(p.Sub(a).Dot(v)/l2, 0), 1)
		}
		best = min(best, length(p.Sub(a.Add(v.Scale(t)))))
	}
	return best
}

// normals returns the unit left normal at each point of a polyline,
// averaged over the two pieces that meet there.
func normals(pts []vg.Point) []vg.Point {
	ns := make([]vg.Point, len(pts))
	for i := range pts {
		a, b := pts[max(i-1, 0)], pts[min(i+1, len(pts)-1)]
		v := b.Sub(a)
		if l := length(v); l > 0 {
			ns[i] = vg.Point{X: -v.Y / l, Y: v.X / l}
		}
	}
	return ns
}

// offsetPath returns pts shifted left by by (right if negative).
func offsetPath(pts []vg.Point, by vg.Length) []vg.Point {
	out := make([]vg.Point, len(pts))
	for i, n := range normals(pts) {
		out[i] = pts[i].Add(n.Scale(by))
	}
	return out
}

// pathLength returns the length of a polyline.
func pathLength(pts []vg.Point) vg.Length {
	var l vg.Length
	for i := 1; i < len(pts); i++ {
		l += length(pts[i].Sub(pts[i-1]))
	}
	return l
}

// pathAt returns the point at distance s along a polyline and the unit
// direction there.
func pathAt(pts []vg.Point, s vg.Length) (p, dir vg.Point) {
	for i := 1; i < len(pts); i++ {
		v := pts[i].Sub(pts[i-1])
		l := length(v)
		if l == 0 {
			continue
		}
		if s <= l || i == len(pts)-1 {
			t := min(max(s/l, 0), 1)
			return pts[i-1].Add(v.Scale(t)), v.Scale(1 / l)
		}
		s -= l
	}
	return pts[0], vg.Point{X: 1}
}

// cutPath returns the polyline up to distance s along it.
func cutPath(pts []vg.Point, s vg.Length) []vg.Point {
	out := []vg.Point{pts[0]}
	for i := 1; i < len(pts); i++ {
		l := length(pts[i].Sub(pts[i-1]))
		if s <= l {
			if l > 0 {
				out = append(out, pts[i-1].Add(pts[i].Sub(pts[i-1]).Scale(s/l)))
			}
			return out
		}
		s -= l
		out = append(out, pts[i])
	}
	return out
}

// arrowPolygon returns the outline of an arrow along a polyline: a shaft
// of width w ending in a head of length headLen and half-width headHalf
// whose tip is the polyline's end. A half head has only its right barb,
// and its tip on the shaft's left edge.
func arrowPolygon(pts []vg.Point, w, headLen, headHalf vg.Length, half bool) []vg.Point {
	total := pathLength(pts)
	headLen = min(headLen, total*0.6) // short segments keep some shaft
	shaft := cutPath(pts, total-headLen)
	tip := pts[len(pts)-1]
	ns := normals(shaft)
	neck, nn := shaft[len(shaft)-1], ns[len(ns)-1]
	if len(shaft) == 1 { // all head
		_, dir := pathAt(pts, 0)
		nn = vg.Point{X: -dir.Y, Y: dir.X}
	}
	poly := make([]vg.Point, 0, 2*len(shaft)+3)
	for i, p := range shaft {
		poly = append(poly, p.Add(ns[i].Scale(w/2)))
	}
	if half {
		poly = append(poly, tip.Add(nn.Scale(w/2)), neck.Sub(nn.Scale(headHalf)))
	} else {
		poly = append(poly, neck.Add(nn.Scale(headHalf)), tip, neck.Sub(nn.Scale(headHalf)))
	}
	for i := len(shaft) - 1; i >= 0; i-- {
		poly = append(poly, shaft[i].Sub(ns[i].Scale(w/2)))
	}
	return poly
}
