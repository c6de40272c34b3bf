package plots

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// Kinds of invalid input in a NetworkMap, wrapped in a MapError with the
// offending values; test for them with errors.Is. A map also reports
// ErrEmpty, ErrDuplicate and ErrNotFinite.
var (
	ErrNoID        = errors.New("empty ID")
	ErrUnknownNode = errors.New("unknown node")
	ErrUnknownKind = errors.New("unknown kind")
	ErrLoop        = errors.New("segment from a node to itself")
	ErrRange       = errors.New("out of range")
)

// MapError reports invalid input in a NetworkMap, naming the node or
// the panel and segment so that it can be found among many.
type MapError struct {
	Kind       string // "map", "node" or "segment"
	Panel      int    // index in Panels, for "segment"
	PanelTitle string
	Index      int    // index in Nodes, or in the panel's Segments
	Name       string // the node's ID, or "from->to" for a segment
	Err        error  // wraps one of the Err variables
}

func (e *MapError) Error() string {
	switch e.Kind {
	case "node":
		return fmt.Sprintf("plots: node %d %q: %v", e.Index, e.Name, e.Err)
	case "segment":
		return fmt.Sprintf("plots: panel %d %q: segment %d %q: %v", e.Panel, e.PanelTitle, e.Index, e.Name, e.Err)
	}
	return fmt.Sprintf("plots: network map: %v", e.Err)
}

func (e *MapError) Unwrap() error { return e.Err }

var (
	nodeKinds    = []string{"origin", "border", "city", "transit", "stash", "market"}
	segmentModes = []string{"road", "rail", "air", "track"}
)

// maxFlowWidth bounds MaxWidth: wider arrows would hide the towns.
const maxFlowWidth = 30

// checkMap returns a *MapError for the first fault in m, in the order
// map, nodes, panels; index maps each node ID to its position.
func checkMap(m *NetworkMap) (index map[string]int, err error) {
	mapErr := func(err error) error { return &MapError{Kind: "map", Err: err} }
	if len(m.Panels) == 0 {
		return nil, mapErr(fmt.Errorf("%w: no panels", ErrEmpty))
	}
	if !(m.MaxWidth >= 0 && m.MaxWidth <= maxFlowWidth) {
		return nil, mapErr(fmt.Errorf("%w: MaxWidth=%v not in [0, %d] points", ErrRange, float64(m.MaxWidth), maxFlowWidth))
	}
	if err := checkRegion(m.Region); err != nil {
		return nil, mapErr(err)
	}
	index = make(map[string]int, len(m.Nodes))
	for i, n := range m.Nodes {
		if err := checkNode(n, index); err != nil {
			return nil, &MapError{Kind: "node", Index: i, Name: n.ID, Err: err}
		}
		index[n.ID] = i
	}
	for p, pan := range m.Panels {
		seen := make(map[[2]string]int, len(pan.Segments))
		for i, s := range pan.Segments {
			err := checkSegment(s, index)
			if j, dup := seen[[2]string{s.From, s.To}]; dup && err == nil {
				err = fmt.Errorf("%w: also segment %d", ErrDuplicate, j)
			}
			if err != nil {
				return nil, &MapError{Kind: "segment", Panel: p, PanelTitle: pan.Title,
					Index: i, Name: s.From + "->" + s.To, Err: err}
			}
			seen[[2]string{s.From, s.To}] = i
		}
	}
	return index, nil
}

func checkRegion(r MapRegion) error {
	if r.IsZero() {
		return nil
	}
	if err := checkFinite([]string{"Region.West", "Region.East", "Region.South", "Region.North"},
		[]float64{r.West}, []float64{r.East}, []float64{r.South}, []float64{r.North}); err != nil {
		return err
	}
	if !(-180 <= r.West && r.West < r.East && r.East <= 180) {
		return fmt.Errorf("%w: Region West=%v, East=%v; want -180 <= West < East <= 180", ErrRange, r.West, r.East)
	}
	if !(-90 <= r.South && r.South < r.North && r.North <= 90) {
		return fmt.Errorf("%w: Region South=%v, North=%v; want -90 <= South < North <= 90", ErrRange, r.South, r.North)
	}
	return nil
}

func checkNode(n MapNode, index map[string]int) error {
	if n.ID == "" {
		return ErrNoID
	}
	if j, dup := index[n.ID]; dup {
		return fmt.Errorf("%w: also node %d", ErrDuplicate, j)
	}
	if n.Kind != "" && !slices.Contains(nodeKinds, n.Kind) {
		return fmt.Errorf("%w: Kind=%q, want one of %q", ErrUnknownKind, n.Kind, nodeKinds)
	}
	if err := checkFinite([]string{"Lon", "Lat"}, []float64{n.Lon}, []float64{n.Lat}); err != nil {
		return err
	}
	if math.Abs(n.Lon) > 180 {
		return fmt.Errorf("%w: Lon=%v not in [-180, 180]", ErrRange, n.Lon)
	}
	if math.Abs(n.Lat) > 90 {
		return fmt.Errorf("%w: Lat=%v not in [-90, 90]", ErrRange, n.Lat)
	}
	return nil
}

func checkSegment(s MapSegment, index map[string]int) error {
	if _, ok := index[s.From]; !ok {
		return fmt.Errorf("%w: From=%q", ErrUnknownNode, s.From)
	}
	if _, ok := index[s.To]; !ok {
		return fmt.Errorf("%w: To=%q", ErrUnknownNode, s.To)
	}
	if s.From == s.To {
		return fmt.Errorf("%w: %q", ErrLoop, s.From)
	}
	if err := checkFinite([]string{"Flow"}, []float64{s.Flow}); err != nil {
		return err
	}
	if s.Flow < 0 {
		return fmt.Errorf("%w: Flow=%v < 0", ErrRange, s.Flow)
	}
	// The rate of nothing is 0/0: NaN is allowed where nothing moved.
	nanOK := s.Flow == 0 && math.IsNaN(s.SeizureRate)
	if !nanOK && !(s.SeizureRate >= 0 && s.SeizureRate <= 1) {
		return fmt.Errorf("%w: SeizureRate=%v not in [0, 1]", ErrRange, s.SeizureRate)
	}
	if s.Mode != "" && !slices.Contains(segmentModes, s.Mode) {
		return fmt.Errorf("%w: Mode=%q, want one of %q", ErrUnknownKind, s.Mode, segmentModes)
	}
	return nil
}
