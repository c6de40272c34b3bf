package experiment

import (
	"io"
	"strconv"

	"github.com/krysha/krysha/sim"
	"github.com/krysha/krysha/sim/scenario"
)

// RoutesFile is the route statistics of a run directory.
const RoutesFile = "routes.csv"

// RoutesHeader is the header of routes.csv. The file is tidy and long:
// one row per run, year and segment-product (kind "segment") or stash
// node (kind "node"); see RouteRow for the columns.
const RoutesHeader = "run,replicate,year,kind,from,to,product,shipments,units,detections,bribes,seized,stash_kg,raids"

// Kinds of rows of routes.csv.
const (
	RouteSegment = "segment"
	RouteNode    = "node"
)

// products are the engine's products by index (sim.World.Segments).
var products = [2]string{scenario.Drugs, scenario.People}

// routeLayout lists the rows a year of routes.csv has for a scenario:
// every segment for every product it carries, in the order of the
// edges, drugs first; then every stash node, in the order of the nodes.
type routeLayout struct {
	segs  []routeSeg
	nodes []int
	ids   []string // node ids, for from and to
}

type routeSeg struct {
	edge, product int
	from, to      string
}

func newRouteLayout(sc *scenario.Scenario) *routeLayout {
	l := &routeLayout{}
	for e := range sc.Edges {
		ed := &sc.Edges[e]
		for p, name := range products {
			if ed.Carries(name) {
				l.segs = append(l.segs, routeSeg{edge: e, product: p, from: ed.From, to: ed.To})
			}
		}
	}
	for n := range sc.Nodes {
		l.ids = append(l.ids, sc.Nodes[n].ID)
		if sc.Nodes[n].Kind == scenario.KindStash {
			l.nodes = append(l.nodes, n)
		}
	}
	return l
}

// same reports whether two layouts give the same rows.
func (l *routeLayout) same(o *routeLayout) bool {
	if len(l.segs) != len(o.segs) || len(l.nodes) != len(o.nodes) {
		return false
	}
	for i := range l.segs {
		if l.segs[i] != o.segs[i] {
			return false
		}
	}
	for i := range l.nodes {
		if l.ids[l.nodes[i]] != o.ids[o.nodes[i]] {
			return false
		}
	}
	return true
}

// Routes are one run's route statistics by calendar year: per segment
// and product the sums over the year of the engine's monthly
// sim.SegmentStats, and per stash node the stock at the end of the year
// (its last simulated month) and the raids and kilograms seized in
// raids during the year.
type Routes struct {
	lay       *routeLayout
	start     scenario.Month
	firstYear int
	years     int
	seg       []sim.SegmentStats // year-major
	node      []sim.NodeStats    // year-major
}

// NewRoutes returns an empty collector for runs of sc.
func NewRoutes(sc *scenario.Scenario) *Routes {
	r := &Routes{}
	r.reset(newRouteLayout(sc), sc.Start, sc.End)
	return r
}

// reset empties r for a run with layout lay from start to end, reusing
// its memory.
func (r *Routes) reset(lay *routeLayout, start, end scenario.Month) {
	r.lay, r.start = lay, start
	r.firstYear, r.years = start.Year(), end.Year()-start.Year()+1
	r.seg = resize(r.seg, r.years*len(lay.segs))
	r.node = resize(r.node, r.years*len(lay.nodes))
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// Reset empties r for the next run.
func (r *Routes) Reset() { clear(r.seg); clear(r.node) }

// Add adds month t of a run (0 for the scenario's first month), which w
// has just stepped.
func (r *Routes) Add(t int, w *sim.World) {
	y := (r.start.Num() - 1 + t) / 12
	segs := r.seg[y*len(r.lay.segs):]
	for i, s := range r.lay.segs {
		m := w.Segments(s.edge, s.product)
		a := &segs[i]
		a.Shipments += m.Shipments
		a.Units += m.Units
		a.Detections += m.Detections
		a.Bribes += m.Bribes
		a.Seized += m.Seized
	}
	nodes := r.node[y*len(r.lay.nodes):]
	for i, n := range r.lay.nodes {
		m := w.Node(n)
		a := &nodes[i]
		a.StashKg = m.StashKg
		a.Raids += m.Raids
		a.Seized += m.Seized
	}
}

// Rows is the number of rows the run has in routes.csv.
func (r *Routes) Rows() int { return r.years * (len(r.lay.segs) + len(r.lay.nodes)) }

// AppendCSV appends the run's rows of routes.csv, by year, then
// segments, then nodes.
func (r *Routes) AppendCSV(b []byte, run, rep int) []byte {
	for y := range r.years {
		for i, s := range r.lay.segs {
			m := &r.seg[y*len(r.lay.segs)+i]
			b = r.appendKey(b, run, rep, y, RouteSegment, s.from, s.to, products[s.product])
			for _, v := range [...]float64{m.Shipments, m.Units, m.Detections, m.Bribes, m.Seized} {
				b = AppendFloat(append(b, ','), v)
			}
			b = append(b, ",,\n"...)
		}
		for i, n := range r.lay.nodes {
			m := &r.node[y*len(r.lay.nodes)+i]
			b = r.appendKey(b, run, rep, y, RouteNode, r.lay.ids[n], "", scenario.Drugs)
			b = append(b, ",,,,,"...)
			b = AppendFloat(b, m.Seized)
			b = AppendFloat(append(b, ','), m.StashKg)
			b = AppendFloat(append(b, ','), m.Raids)
			b = append(b, '\n')
		}
	}
	return b
}

func (r *Routes) appendKey(b []byte, run, rep, y int, kind, from, to, product string) []byte {
	b = strconv.AppendInt(b, int64(run), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(rep), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(r.firstYear+y), 10)
	b = append(b, ',')
	b = append(b, kind...)
	b = append(b, ',')
	b = appendCell(b, from)
	b = append(b, ',')
	b = appendCell(b, to)
	b = append(b, ',')
	return append(b, product...)
}

// A RoutesWriter writes routes.csv: the header when it is made, then
// the rows of each run given to WriteRun. Errors are sticky.
type RoutesWriter struct {
	w   io.Writer
	buf []byte
	err error
}

// NewRoutesWriter returns a writer of routes.csv to w. `krysha run`
// writes its replicates with run = replicate.
func NewRoutesWriter(w io.Writer) *RoutesWriter {
	rw := &RoutesWriter{w: w}
	_, rw.err = io.WriteString(w, RoutesHeader+"\n")
	return rw
}

// WriteRun writes the rows of run (replicate rep).
func (rw *RoutesWriter) WriteRun(run, rep int, r *Routes) error {
	if rw.err == nil {
		rw.buf = r.AppendCSV(rw.buf[:0], run, rep)
		_, rw.err = rw.w.Write(rw.buf)
	}
	return rw.err
}
