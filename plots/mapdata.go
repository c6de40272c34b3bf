package plots

import (
	"cmp"
	"math"
	"slices"

	"gonum.org/v1/plot/vg"
)

// mapNode is a validated copy of a MapNode.
type mapNode struct {
	id, label, kind, country string
	lon, lat                 float64
	far                      bool // outside the region: not drawn; its segments are stubs
	tint                     int  // index in countryTints, or -1
}

// mapSeg is a validated copy of a MapSegment, its ends resolved to node
// indices.
type mapSeg struct {
	from, to             int
	flow, rate           float64
	checkpoint, crossing bool // crossing: across a border without a checkpoint
	fuel                 bool
	mode                 string
	paired               bool // the panel also holds the segment to→from
}

// mapPanel is a validated copy of a MapPanel.
type mapPanel struct {
	title string
	unit  int // index in mapDrawing.units
	segs  []mapSeg
}

// unitScale is the width scale shared by the panels of one unit.
type unitScale struct {
	name    string
	maxFlow float64 // largest flow in any panel of the unit; may be 0
}

// mapDrawing is a NetworkMap checked and copied, ready to draw: a
// plot.Plotter that lays out the panels and the legend in the data area.
type mapDrawing struct {
	nodes     []mapNode
	panels    []mapPanel
	units     []unitScale
	countries []string // by tint index
	region    MapRegion
	maxWidth  vg.Length
}

// newMapDrawing checks and copies m. Errors are *MapError.
func newMapDrawing(m *NetworkMap) (*mapDrawing, error) {
	index, err := checkMap(m)
	if err != nil {
		return nil, err
	}
	d := &mapDrawing{maxWidth: m.MaxWidth}
	if d.maxWidth == 0 {
		d.maxWidth = DefaultMaxFlowWidth
	}
	d.nodes = make([]mapNode, len(m.Nodes))
	for i, n := range m.Nodes {
		d.nodes[i] = mapNode{id: n.ID, label: n.Label, kind: n.Kind, country: n.Country, lon: n.Lon, lat: n.Lat}
		if d.nodes[i].label == "" {
			d.nodes[i].label = n.ID
		}
		if d.nodes[i].kind == "" {
			d.nodes[i].kind = "city"
		}
	}
	d.setRegion(m.Region)
	d.setTints()

	for _, p := range m.Panels {
		u := slices.IndexFunc(d.units, func(u unitScale) bool { return u.name == p.Unit })
		if u < 0 {
			u = len(d.units)
			d.units = append(d.units, unitScale{name: p.Unit})
		}
		mp := mapPanel{title: p.Title, unit: u, segs: make([]mapSeg, len(p.Segments))}
		ends := make(map[[2]int]bool, len(p.Segments))
		for i, s := range p.Segments {
			from, to := index[s.From], index[s.To]
			mp.segs[i] = mapSeg{
				from: from, to: to, flow: s.Flow, rate: s.SeizureRate,
				checkpoint: s.Checkpoint, crossing: s.CrossBorder && !s.Checkpoint,
				fuel: s.FuelCorridor, mode: s.Mode,
			}
			ends[[2]int{from, to}] = true
			d.units[u].maxFlow = math.Max(d.units[u].maxFlow, s.Flow)
		}
		for i := range mp.segs {
			mp.segs[i].paired = ends[[2]int{mp.segs[i].to, mp.segs[i].from}]
		}
		d.panels = append(d.panels, mp)
	}
	return d, nil
}

// setRegion sets the region to draw and marks the nodes outside it.
func (d *mapDrawing) setRegion(r MapRegion) {
	if r.IsZero() {
		r = d.autoRegion()
	}
	d.region = r
	for i := range d.nodes {
		n := &d.nodes[i]
		n.far = n.lon < r.West || n.lon > r.East || n.lat < r.South || n.lat > r.North
	}
}

// autoRegion returns the bounding box of the nodes that are not
// outliers, at least a degree each way. An outlier is the node at
// either end of either axis that lies beyond the rest by more than a
// third of their extent (Istanbul and Dubai seen from Central Asia);
// they are left out in turn, up to a quarter of the nodes, so that a
// network spread evenly is drawn whole.
func (d *mapDrawing) autoRegion() MapRegion {
	if len(d.nodes) == 0 {
		return MapRegion{West: 0, East: 1, South: 0, North: 1}
	}
	out := make([]bool, len(d.nodes))
	for range len(d.nodes) / 4 {
		i := d.outlier(out)
		if i < 0 {
			break
		}
		out[i] = true
	}
	r := MapRegion{West: math.Inf(1), East: math.Inf(-1), South: math.Inf(1), North: math.Inf(-1)}
	for i, n := range d.nodes {
		if !out[i] {
			r.West, r.East = math.Min(r.West, n.lon), math.Max(r.East, n.lon)
			r.South, r.North = math.Min(r.South, n.lat), math.Max(r.North, n.lat)
		}
	}
	widen := func(lo, hi, limit float64) (float64, float64) {
		if pad := (1 - (hi - lo)) / 2; pad > 0 {
			lo, hi = lo-pad, hi+pad
		}
		return math.Max(lo, -limit), math.Min(hi, limit)
	}
	r.West, r.East = widen(r.West, r.East, 180)
	r.South, r.North = widen(r.South, r.North, 90)
	return r
}

// outlier returns the index of the worst outlier among the nodes not
// yet out, or -1 if there is none.
func (d *mapDrawing) outlier(out []bool) int {
	var in []int
	for i := range d.nodes {
		if !out[i] {
			in = append(in, i)
		}
	}
	if len(in) < 3 {
		return -1
	}
	best, bestScore := -1, 1.0/3
	coords := []func(n mapNode) float64{
		func(n mapNode) float64 { return n.lon }, // the aspect factor cancels in the ratio
		func(n mapNode) float64 { return n.lat },
	}
	for _, at := range coords {
		s := slices.Clone(in)
		slices.SortStableFunc(s, func(a, b int) int { return cmp.Compare(at(d.nodes[a]), at(d.nodes[b])) })
		v := func(k int) float64 { return at(d.nodes[s[k]]) }
		n := len(s)
		for _, end := range []struct {
			node      int
			gap, rest float64
		}{
			{s[0], v(1) - v(0), v(n-1) - v(1)},
			{s[n-1], v(n-1) - v(n-2), v(n-2) - v(0)},
		} {
			if end.gap > 0 && end.gap > bestScore*end.rest {
				best, bestScore = end.node, end.gap/math.Max(end.rest, 1e-9)
			}
		}
	}
	return best
}
