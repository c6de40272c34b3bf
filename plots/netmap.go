package plots

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/krysha/krysha/internal/fsx"
)

// Default size of a route map: two panels side by side and a legend
// column, the width of a landscape A4 page. Each panel gets about
// 11 × 12 cm, enough for the ~30 names of Central Asia at 8 points.
const (
	DefaultMapWidth  = 30 * vg.Centimeter
	DefaultMapHeight = 14 * vg.Centimeter
)

// DefaultMaxFlowWidth is the width of the arrow of the largest flow when
// NetworkMap.MaxWidth is zero: wide enough for the legend's reference
// widths (the largest flow, a fifth and a twenty-fifth of it) to be told
// apart, narrow enough that the five arrows meeting at a border town
// 24 points from the next still leave it visible.
const DefaultMaxFlowWidth = vg.Length(7)

// NetworkMap is the route map: the trafficking network drawn on a plain
// map of the region, in one or more panels side by side (one per product,
// or one per year for a before/after comparison), with a legend column on
// the right.
//
// The projection is equirectangular, x = lon·cos φ₀ and y = lat, where φ₀
// is the latitude of the middle of the region, so that the region keeps
// its shape; a faint graticule of about five lines each way orients the
// reader. There are no coastlines or borders: each node's marker is
// tinted by its country, and the country codes are written faintly near
// their nodes.
//
// A segment is an arrow from node to node. Its width is
// MaxWidth·√(Flow/max), where max is the largest flow among the panels of
// the same Unit, so that panels of one unit compare directly and small
// flows stay visible; a positive flow is at least 1.2 points wide.
// Segments without flow are thin grey lines, so that the shape of the
// network shows. The colour gives the seizure rate on a fixed scale of
// six bins, under 2%, 2–5%, 5–10%, 10–20%, 20–50% and 50% or more, from
// light yellow to dark red (ColorBrewer YlOrRd, safe for colour-blind
// readers), the same on every map so that maps drawn apart compare.
// Opposite segments between two nodes are drawn side by side, each with
// a half arrowhead on its outer side. A line bends just enough to pass
// clear of the towns it does not join; air routes always arc. Off-road
// tracks have a dashed edge and fuel corridors a blue one. A dark bar
// across a segment marks a checkpoint, a hollow bar a border crossing
// without one.
//
// The map is a diagram on a geographic base: nodes closer than 24
// points on the page (a border post 20 km from a city) are pushed apart
// until they are not, and a node outside the region (Istanbul and Dubai
// seen from Central Asia) is not drawn at all. Its segments become
// stubs: short arrows from the node they join, pointing its way (turned
// by up to 60° to find room), broken by "//" and labelled "to Istanbul
// (TR)" or "from …".
type NetworkMap struct {
	Title string

	// Nodes are the places; every panel draws all of them that lie in
	// the region.
	Nodes []MapNode

	// Panels are drawn left to right. There must be at least one.
	Panels []MapPanel

	// Region is the part of the world to draw. The zero value chooses
	// it from the nodes: their bounding box, leaving out in turn (up to
	// a quarter of the nodes) the node at either end of either axis
	// that lies beyond the rest by more than a third of their extent.
	Region MapRegion

	// MaxWidth is the width of the largest flow's arrow, in [0, 30]
	// points; zero means DefaultMaxFlowWidth.
	MaxWidth vg.Length
}

// MapNode is a place on the map.
type MapNode struct {
	// ID names the node for segments; it is unique and not empty.
	ID string

	// Label is the name written on the map; empty means ID.
	Label string

	// Kind is "origin", "border", "city", "transit", "stash" or
	// "market"; empty means "city". Origins are triangles, markets
	// squares, the stash a dark diamond, cities circles, transit
	// points and border posts small circles.
	Kind string

	// Country is a short code such as "KZ"; nodes of one country share
	// a marker tint. It may be empty.
	Country string

	// Lon and Lat are degrees east and north, in [-180, 180] and
	// [-90, 90].
	Lon, Lat float64
}

// MapSegment is a directed link between two nodes in a panel.
type MapSegment struct {
	// From and To are node IDs; they differ. A panel holds at most one
	// segment from a node to another.
	From, To string

	// Flow is what moved along the segment, in the panel's Unit; it is
	// finite and not negative. Zero draws a thin grey line.
	Flow float64

	// SeizureRate is the share of the flow seized on the segment
	// (seized/units), in [0, 1]. Where Flow is zero it is not drawn,
	// and may be NaN (0/0).
	SeizureRate float64

	// Checkpoint marks an official post; CrossBorder a segment
	// across a national border (unguarded, unless Checkpoint);
	// FuelCorridor a fuel-smuggling route.
	Checkpoint, CrossBorder, FuelCorridor bool

	// Mode is "road", "rail", "air" or "track"; empty means "road".
	// Air routes between places on the map are drawn as arcs, tracks
	// with a dashed edge; rail is drawn as road.
	Mode string
}

// MapPanel is one map of the network, e.g. the drug flows of a year.
type MapPanel struct {
	// Title is written above the panel, e.g. "Drugs, 2012".
	Title string

	// Unit is the unit of the flows, e.g. "kg a year". Panels with the
	// same Unit share one width scale and one legend key.
	Unit string

	// Segments are the links drawn in this panel.
	Segments []MapSegment
}

// MapRegion is a box of longitude and latitude, in degrees.
type MapRegion struct {
	West, East, South, North float64
}

// IsZero reports whether r is the zero MapRegion, which asks for the
// region to be chosen from the nodes.
func (r MapRegion) IsZero() bool { return r == MapRegion{} }

// Plot validates and copies the map's data and returns a plot that
// draws it, without axes. An error is a *MapError naming the offending
// node or segment.
func (m *NetworkMap) Plot() (*plot.Plot, error) {
	d, err := newMapDrawing(m)
	if err != nil {
		return nil, err
	}
	p := newPlot(m.Title, "", "")
	p.HideAxes()
	p.X.Padding, p.Y.Padding = 0, 0
	p.Add(d)
	return p, nil
}

// MapDPI is the resolution of the PNG files SaveMap writes: twice that
// of Save, so that the 7- and 8-point names of a crowded border region
// stay sharp.
const MapDPI = 192

// SaveMap draws m at width × height and writes it to path as PNG (at
// MapDPI) or SVG, chosen by the extension, whole or not at all, as Save
// does. DefaultMapWidth and DefaultMapHeight suit two panels. An invalid
// map is a *MapError.
func SaveMap(m *NetworkMap, path string, width, height vg.Length) error {
	p, err := m.Plot()
	if err != nil {
		return err
	}
	if strings.ToLower(filepath.Ext(path)) != ".png" {
		return Save(p, path, width, height) // which also refuses other formats
	}
	// As in Save: a map a few metres across is a mistake in units.
	const maxSide = 300 * vg.Centimeter
	if !(width > 0 && height > 0 && width <= maxSide && height <= maxSide) {
		return fmt.Errorf("plots: saving %s: size %.3g × %.3g cm is not in (0, %.3g] cm",
			path, float64(width/vg.Centimeter), float64(height/vg.Centimeter), float64(maxSide/vg.Centimeter))
	}
	c := vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(MapDPI))}
	p.Draw(draw.New(c))
	err = fsx.WriteFile(path, func(w io.Writer) error {
		_, err := c.WriteTo(w)
		return err
	})
	if err != nil {
		return fmt.Errorf("plots: saving %s: %w", path, err)
	}
	return nil
}
