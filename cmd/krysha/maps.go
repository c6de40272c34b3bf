package main

import (
	"fmt"
	"io"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/krysha/krysha/internal/fsx"
	"github.com/krysha/krysha/plots"
	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/scenario"
)

// mapFile is the route map of a run directory.
const mapFile = "routes.png"

// Size of a route map. A row of two panels and the legend column is
// plots.DefaultMapWidth wide, and each panel keeps that width however
// many there are, so that the ~30 names of Central Asia stay legible.
const (
	mapPanelWidth  = 12.5 * vg.Centimeter
	mapLegendWidth = plots.DefaultMapWidth - 2*mapPanelWidth
	mapRowHeight   = plots.DefaultMapHeight
	// maxMapPanels bounds the panels of a row: eight are a metre wide.
	maxMapPanels = 8
)

// A mapPanelSpec is one panel of a route map: the flows of Product over
// the span Spans[Span] of a routeTotals.
type mapPanelSpec struct {
	Product string
	Span    int
	Title   string
}

// productTitle and productUnit name a product's panels and flows.
func productTitle(product string) string {
	if product == scenario.People {
		return "People"
	}
	return "Drugs"
}

func productUnit(product string) string {
	if product == scenario.People {
		return "persons a year"
	}
	return "kg a year"
}

// spanText writes a span of years for titles: "2012" or "2009–2012".
func spanText(w experiment.Window) string {
	if w.First == w.Last {
		return fmt.Sprint(w.First)
	}
	return fmt.Sprintf("%d–%d", w.First, w.Last)
}

// routeMap returns the map of sc's network with the panels drawn from t:
// on each segment that carries the panel's product, the mean yearly
// flow over the panel's span (units / (runs × years)) and the share
// seized (seized / units). The checkpoints, border crossings, fuel
// corridors and modes are the scenario's. An error says that t does not
// come from sc's network.
func routeMap(sc *scenario.Scenario, title string, t *routeTotals, panels []mapPanelSpec) (*plots.NetworkMap, error) {
	if err := checkRouteLayout(sc, t); err != nil {
		return nil, err
	}
	m := &plots.NetworkMap{Title: title}
	for _, n := range sc.Nodes {
		m.Nodes = append(m.Nodes, plots.MapNode{ID: n.ID, Label: n.Name, Kind: n.Kind, Country: n.Country, Lon: n.Lon, Lat: n.Lat})
	}
	for _, ps := range panels {
		span := t.Spans[ps.Span]
		per := float64(t.Runs * span.Years())
		p := plots.MapPanel{Title: ps.Title, Unit: productUnit(ps.Product)}
		for _, e := range sc.Edges {
			if !e.Carries(ps.Product) {
				continue
			}
			s := t.Seg[ps.Span][routeKey{ps.Product, e.From, e.To}]
			rate := math.NaN() // nothing moved: nothing to rate
			if s.units > 0 {
				rate = min(1, s.seized/s.units) // ≤ 1 but for rounding
			}
			p.Segments = append(p.Segments, plots.MapSegment{
				From: e.From, To: e.To, Flow: s.units / per, SeizureRate: rate,
				Checkpoint: e.Checkpoint, CrossBorder: e.CrossBorder, FuelCorridor: e.FuelCorridor, Mode: e.Mode,
			})
		}
		m.Panels = append(m.Panels, p)
	}
	return m, nil
}

// checkRouteLayout checks that every span of t has exactly the
// segment-products of sc's network.
func checkRouteLayout(sc *scenario.Scenario, t *routeTotals) error {
	want := map[routeKey]bool{}
	for _, e := range sc.Edges {
		for _, p := range []string{scenario.Drugs, scenario.People} {
			if e.Carries(p) {
				want[routeKey{p, e.From, e.To}] = true
			}
		}
	}
	for k, segs := range t.Seg {
		for key := range segs {
			if !want[key] {
				return &inputError{fmt.Errorf("%s: routes.csv has %s on %s→%s in %s, a segment the scenario %s does not have for them: the files do not belong together",
					sc.Name, key.product, key.from, key.to, spanText(t.Spans[k]), sc.Name)}
			}
		}
		for _, e := range sc.Edges {
			for _, p := range []string{scenario.Drugs, scenario.People} {
				if e.Carries(p) && segs[routeKey{p, e.From, e.To}] == nil {
					return &inputError{fmt.Errorf("%s: routes.csv has no %s on %s→%s in %s, a segment of the scenario: the files do not belong together",
						sc.Name, p, e.From, e.To, spanText(t.Spans[k]))}
				}
			}
		}
	}
	return nil
}

// mapSize is the size of a map of rows rows of n panels.
func mapSize(n, rows int) (w, h vg.Length) {
	return mapLegendWidth + vg.Length(n)*mapPanelWidth, vg.Length(rows) * mapRowHeight
}

// saveRouteMaps writes the maps, one above the other, each a row of
// panels, to the PNG at path, whole or not at all. Each row keeps its
// own legend, so that a row of drugs and one of people each have the
// key of their unit.
func saveRouteMaps(path string, rows ...*plots.NetworkMap) error {
	n := 0
	for _, m := range rows {
		n = max(n, len(m.Panels))
	}
	w, h := mapSize(n, len(rows))
	if len(rows) == 1 {
		return plots.SaveMap(rows[0], path, w, h)
	}
	c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(plots.MapDPI))
	dc := draw.New(c)
	for i, m := range rows {
		p, err := m.Plot()
		if err != nil {
			return err
		}
		// Row i from the top: crop the rows above and below it.
		p.Draw(draw.Crop(dc, 0, 0, vg.Length(len(rows)-1-i)*mapRowHeight, -vg.Length(i)*mapRowHeight))
	}
	err := fsx.WriteFile(path, func(w io.Writer) error {
		_, err := vgimg.PngCanvas{Canvas: c}.WriteTo(w)
		return err
	})
	if err != nil {
		return fmt.Errorf("saving %s: %w", path, err)
	}
	return nil
}
