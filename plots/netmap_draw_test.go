package plots_test

import (
	"bytes"
	"fmt"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/krysha/krysha/plots"
)

// TestNetworkMapDegenerate draws maps that are odd but valid: they must
// give a plot, and drawing it at any size must not panic.
func TestNetworkMapDegenerate(t *testing.T) {
	t.Parallel()
	node := func(id, kind string, lon, lat float64) plots.MapNode {
		return plots.MapNode{ID: id, Kind: kind, Lon: lon, Lat: lat}
	}
	tests := []struct {
		name string
		m    plots.NetworkMap
	}{
		{"no nodes", plots.NetworkMap{Panels: []plots.MapPanel{{}}}},
		{"one node", plots.NetworkMap{Nodes: []plots.MapNode{node("a", "", 70, 45)}, Panels: []plots.MapPanel{{Title: "x"}}}},
		{"all in one place", plots.NetworkMap{
			Nodes: []plots.MapNode{node("a", "origin", 70, 45), node("b", "stash", 70, 45), node("c", "market", 70, 45)},
			Panels: []plots.MapPanel{{Segments: []plots.MapSegment{
				{From: "a", To: "b", Flow: 5, SeizureRate: 0.1}, {From: "b", To: "a", Flow: 1}, {From: "b", To: "c", Mode: "air"},
			}}},
		}},
		{"no flow at all", plots.NetworkMap{
			Nodes:  []plots.MapNode{node("a", "", 60, 40), node("b", "", 70, 50)},
			Panels: []plots.MapPanel{{Unit: "kg", Segments: []plots.MapSegment{{From: "a", To: "b", SeizureRate: math.NaN()}}}},
		}},
		{"region leaves nodes out", plots.NetworkMap{
			Nodes: []plots.MapNode{node("a", "", 60, 40), node("b", "", 70, 50), node("far", "market", 29, 41), node("farther", "market", -74, 40.7)},
			Panels: []plots.MapPanel{{Segments: []plots.MapSegment{
				{From: "a", To: "far", Flow: 3, Mode: "air"}, {From: "far", To: "b", Flow: 2},
				{From: "far", To: "farther", Flow: 1}, {From: "b", To: "far", Flow: 1},
			}}},
			Region: plots.MapRegion{West: 55, East: 75, South: 35, North: 55},
		}},
		{"across the date line and the pole", plots.NetworkMap{
			Nodes:  []plots.MapNode{node("a", "", -180, -90), node("b", "", 180, 90)},
			Panels: []plots.MapPanel{{Segments: []plots.MapSegment{{From: "a", To: "b", Flow: 1e300, SeizureRate: 1}}}},
		}},
		{"widest arrows", plots.NetworkMap{
			Nodes:    []plots.MapNode{node("a", "", 60, 40), node("b", "", 60.1, 40)},
			Panels:   []plots.MapPanel{{Segments: []plots.MapSegment{{From: "a", To: "b", Flow: 1, Checkpoint: true}, {From: "b", To: "a", Flow: 1, FuelCorridor: true, Mode: "track"}}}},
			MaxWidth: 30,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := tt.m.Plot()
			if err != nil {
				t.Fatal(err)
			}
			renderSize(t, p, "png", plots.DefaultMapWidth, plots.DefaultMapHeight)
			renderSize(t, p, "svg", plots.DefaultMapWidth, plots.DefaultMapHeight)
			renderSize(t, p, "png", vg.Centimeter, vg.Centimeter) // no room for anything
		})
	}
	t.Run("scenario, small", func(t *testing.T) {
		t.Parallel()
		p, err := scenarioMap(t).Plot()
		if err != nil {
			t.Fatal(err)
		}
		renderSize(t, p, "png", 2*vg.Centimeter, 2*vg.Centimeter)
	})
}

// TestNetworkMapCopiesInput checks that changing the caller's slices
// after Plot does not change the picture.
func TestNetworkMapCopiesInput(t *testing.T) {
	t.Parallel()
	m := scenarioMap(t)
	p, err := m.Plot()
	if err != nil {
		t.Fatal(err)
	}
	want := renderSize(t, p, "svg", plots.DefaultMapWidth, plots.DefaultMapHeight)
	for i := range m.Nodes {
		m.Nodes[i].Lon, m.Nodes[i].Label, m.Nodes[i].Kind = 0, "changed", "stash"
	}
	for i := range m.Panels {
		for j := range m.Panels[i].Segments {
			m.Panels[i].Segments[j].Flow *= 3
			m.Panels[i].Segments[j].SeizureRate = 1
		}
	}
	m.Panels[0].Title = "changed"
	if got := renderSize(t, p, "svg", plots.DefaultMapWidth, plots.DefaultMapHeight); !bytes.Equal(got, want) {
		t.Error("the map changed with its input")
	}
}

func TestSaveMap(t *testing.T) {
	t.Parallel()
	m := tinyMap()
	dir := t.TempDir()
	w, h := 12*vg.Centimeter, 8*vg.Centimeter
	path := filepath.Join(dir, "routes.png")
	if err := plots.SaveMap(m, path, w, h); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatal(err)
	}
	// Pixels are inches times MapDPI, rounded as vgimg does.
	wantW, wantH := int(w.Dots(plots.MapDPI)+0.5), int(h.Dots(plots.MapDPI)+0.5)
	if cfg.Width != wantW || cfg.Height != wantH {
		t.Errorf("routes.png is %d × %d pixels, want %d × %d", cfg.Width, cfg.Height, wantW, wantH)
	}
	if err := plots.SaveMap(m, filepath.Join(dir, "routes.svg"), w, h); err != nil {
		t.Error(err)
	}

	// Refusals leave nothing behind.
	m.Panels[0].Segments[0].Flow = -1
	bad := []struct {
		name string
		m    *plots.NetworkMap
		w, h vg.Length
	}{
		{"bad.png", m, w, h},
		{"big.png", tinyMap(), 400 * vg.Centimeter, h},
		{"zero.png", tinyMap(), 0, h},
		{"map.pdf", tinyMap(), w, h},
	}
	for _, b := range bad {
		if err := plots.SaveMap(b.m, filepath.Join(dir, b.name), b.w, b.h); err == nil {
			t.Errorf("SaveMap(%s) succeeded", b.name)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %q, want only routes.png and routes.svg", names)
	}
}

// gridMap returns a map of n×n nodes a degree apart, each joined to its
// right and upper neighbours, for benchmarks beyond the scenario's size.
func gridMap(n int) *plots.NetworkMap {
	m := &plots.NetworkMap{Panels: make([]plots.MapPanel, 2)}
	id := func(i, j int) string { return fmt.Sprintf("n%d-%d", i, j) }
	for i := range n {
		for j := range n {
			m.Nodes = append(m.Nodes, plots.MapNode{ID: id(i, j), Lon: 60 + float64(i), Lat: 40 + float64(j)})
			for p := range m.Panels {
				if i+1 < n {
					m.Panels[p].Segments = append(m.Panels[p].Segments, plots.MapSegment{From: id(i, j), To: id(i+1, j), Flow: float64(j + p), SeizureRate: 0.1})
				}
				if j+1 < n {
					m.Panels[p].Segments = append(m.Panels[p].Segments, plots.MapSegment{From: id(i, j), To: id(i, j+1), Flow: float64(i), SeizureRate: 0.03})
				}
			}
		}
	}
	return m
}

// BenchmarkNetworkMap times checking, laying out and drawing a map (as
// SVG, to leave out rasterising), for the default scenario's 33 nodes
// and for grids of 100 and 225.
func BenchmarkNetworkMap(b *testing.B) {
	maps := []struct {
		name string
		m    *plots.NetworkMap
	}{
		{"kazakhstan", scenarioMap(b)},
		{"grid-100", gridMap(10)},
		{"grid-225", gridMap(15)},
	}
	for _, bm := range maps {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				p, err := bm.m.Plot()
				if err != nil {
					b.Fatal(err)
				}
				wt, err := p.WriterTo(plots.DefaultMapWidth, plots.DefaultMapHeight, "svg")
				if err != nil {
					b.Fatal(err)
				}
				if _, err := wt.WriteTo(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(bm.m.Nodes)), "nodes")
		})
	}
}
