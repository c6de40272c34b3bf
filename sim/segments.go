package sim

// SegmentStats counts what happened on one segment for one product in the
// last month: the route-level view behind the yearly totals.
type SegmentStats struct {
	Shipments  float64 // vehicles that entered the segment
	Units      float64 // kg or persons they carried
	Detections float64 // stopped by an official or foreign forces
	Bribes     float64 // let through for a bribe
	Seized     float64 // kg or persons intercepted on the segment
}

// Segments returns last month's statistics of segment e for product p
// (0 drugs, 1 people). Segments are numbered as in the scenario's edges.
func (w *World) Segments(e int, p int) SegmentStats { return w.seg[2*e+p] }

// NumSegments is the number of segments of the world.
func (w *World) NumSegments() int { return len(w.m.net.edges) }

// NodeStats counts what happened at one node in the last month.
type NodeStats struct {
	StashKg float64 // kg stockpiled at the node at the end of the month
	Raids   float64 // police raids on stockpiles at the node
	Seized  float64 // kg seized in those raids
}

// Node returns last month's statistics of node n (numbered as in the
// scenario's nodes). Only the stash node stockpiles.
func (w *World) Node(n int) NodeStats {
	if int32(n) != w.m.net.stash {
		return NodeStats{}
	}
	return NodeStats{StashKg: w.rec[StashKg], Raids: w.rec[Raids], Seized: w.rec[StashSeizedKg]}
}

// NumNodes is the number of nodes of the world.
func (w *World) NumNodes() int { return len(w.m.sc.Nodes) }

// RouteShipments returns, for product p, the shipments launched last month
// on each candidate route, in the order of Routes. Their entropy measures
// how far traffic is spread over the network.
func (w *World) RouteShipments(p int, out []float64) []float64 {
	out = out[:0]
	for i := range w.m.net.all {
		if int(w.m.net.all[i].product) == p {
			out = append(out, w.routed[i])
		}
	}
	return out
}
