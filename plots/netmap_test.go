package plots_test

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/cmpimg"
	"gonum.org/v1/plot/vg"

	"github.com/krysha/krysha/plots"
)

// scenarioNet is the part of a scenario file the route map needs: its
// places and segments, read into local structs so that this package
// stays free of the simulation's types.
type scenarioNet struct {
	Nodes []struct {
		ID, Name, Kind, Country string
		Lon, Lat                float64
	}
	Edges []struct {
		From, To, Mode string
		Checkpoint     bool
		CrossBorder    bool `toml:"cross_border"`
		FuelCorridor   bool `toml:"fuel_corridor"`
		Detect         float64
		Products       []string
	}
}

// route is a made-up yearly flow along a path of node IDs.
type route struct {
	flow float64
	path []string
}

// drugRoutes and peopleRoutes are invented flows shaped like the
// northern route: most heroin through Kyrgyzstan to Almaty and the stash
// near Astana, some through Uzbekistan west to Russia; people from the
// south to Almaty, Astana and on by air. They give wide and thin arrows
// and leave some segments empty; they are not estimates.
var (
	drugRoutes = []route{
		{15000, []string{"afg-kunduz", "dushanbe", "osh", "bishkek", "korday", "almaty", "balkhash", "karaganda", "astana-stash"}},
		{12000, []string{"afg-kunduz", "termez", "tashkent", "zhibek-zholy", "shymkent", "kyzylorda", "aktobe", "orenburg"}},
		{6000, []string{"afg-badakhshan", "khorog", "osh", "talas", "aisha-bibi", "taraz", "almaty"}},
		{5000, []string{"afg-badakhshan", "khorog", "osh", "bishkek", "chuy-green", "almaty", "balkhash", "karaganda", "astana-stash"}},
		{4000, []string{"afg-kunduz", "dushanbe", "osh", "bishkek", "chaldybar", "taraz", "shymkent"}},
		{3000, []string{"afg-kunduz", "dushanbe", "tashkent", "saryagash-green", "shymkent", "zhezkazgan", "karaganda", "astana"}},
		{2500, []string{"astana", "petropavl", "omsk"}},
		{500, []string{"astana", "kostanay", "steppe-north", "chelyabinsk"}},
		{400, []string{"astana", "astana-stash"}},
	}
	peopleRoutes = []route{
		{1500, []string{"tashkent", "zhibek-zholy", "shymkent", "taraz", "almaty"}},
		{900, []string{"bishkek", "korday", "almaty"}},
		{400, []string{"osh", "bishkek", "chuy-green", "almaty"}},
		{500, []string{"dushanbe", "tashkent", "saryagash-green", "shymkent", "taraz", "almaty"}},
		{300, []string{"shymkent", "taraz", "almaty", "astana"}},
		{600, []string{"almaty", "dubai"}},
		{350, []string{"almaty", "istanbul"}},
		{150, []string{"astana", "istanbul"}},
		{200, []string{"shymkent", "kyzylorda", "aktobe", "orenburg"}},
		{120, []string{"astana", "petropavl", "omsk"}},
	}
)

// scenarioMap returns a two-panel route map of the default scenario's
// network with the made-up flows, the seizure rate of a segment being
// its detection hazard in the scenario (halved for people).
func scenarioMap(t testing.TB) *plots.NetworkMap {
	t.Helper()
	var net scenarioNet
	if _, err := toml.DecodeFile(filepath.Join("..", "scenarios", "kazakhstan.toml"), &net); err != nil {
		t.Fatal(err)
	}
	m := &plots.NetworkMap{Title: "Trafficking routes through Kazakhstan (synthetic flows)"}
	for _, n := range net.Nodes {
		m.Nodes = append(m.Nodes, plots.MapNode{ID: n.ID, Label: n.Name, Kind: n.Kind, Country: n.Country, Lon: n.Lon, Lat: n.Lat})
	}
	panel := func(title, unit, product string, routes []route, rateFactor float64) plots.MapPanel {
		flows := map[[2]string]float64{}
		for _, r := range routes {
			for k := 1; k < len(r.path); k++ {
				flows[[2]string{r.path[k-1], r.path[k]}] += r.flow
			}
		}
		p := plots.MapPanel{Title: title, Unit: unit}
		for _, e := range net.Edges {
			if len(e.Products) > 0 && !slices.Contains(e.Products, product) {
				continue
			}
			p.Segments = append(p.Segments, plots.MapSegment{
				From: e.From, To: e.To,
				Flow:        flows[[2]string{e.From, e.To}],
				SeizureRate: e.Detect * rateFactor,
				Checkpoint:  e.Checkpoint, CrossBorder: e.CrossBorder, FuelCorridor: e.FuelCorridor,
				Mode: e.Mode,
			})
			delete(flows, [2]string{e.From, e.To})
		}
		for k := range flows {
			t.Fatalf("route uses %s->%s, not a %s segment of the scenario", k[0], k[1], product)
		}
		return p
	}
	m.Panels = []plots.MapPanel{
		panel("Drugs (kg a year)", "kg a year", "drugs", drugRoutes, 1),
		panel("People (persons a year)", "persons a year", "people", peopleRoutes, 0.5),
	}
	return m
}

func TestNetworkMapGolden(t *testing.T) {
	m := scenarioMap(t)
	golden := filepath.Join("testdata", "netmap_golden.png")
	if *update {
		if err := plots.SaveMap(m, golden, plots.DefaultMapWidth, plots.DefaultMapHeight); err != nil {
			t.Fatal(err)
		}
		return
	}
	out := filepath.Join(t.TempDir(), "netmap_got.png")
	if dir := os.Getenv("KRYSHA_TEST_OUT"); dir != "" {
		out = filepath.Join(dir, "netmap_got.png")
	}
	if err := plots.SaveMap(m, out, plots.DefaultMapWidth, plots.DefaultMapHeight); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	ok, err := cmpimg.EqualApprox("png", got, want, goldenDelta)
	if err != nil {
		t.Fatal(err)
	}
	if !ok {
		t.Errorf("route map differs from %s; got %s (set KRYSHA_TEST_OUT to keep it); if the change is intended, run go test -update", golden, out)
	}
}

// renderSize draws p at width × height in the given format.
func renderSize(t *testing.T, p *plot.Plot, format string, width, height vg.Length) []byte {
	t.Helper()
	wt, err := p.WriterTo(width, height, format)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := wt.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// tinyMap is a valid three-place map for tests to break.
func tinyMap() *plots.NetworkMap {
	return &plots.NetworkMap{
		Nodes: []plots.MapNode{
			{ID: "kunduz", Kind: "origin", Country: "AF", Lon: 68.86, Lat: 36.73},
			{ID: "osh", Kind: "transit", Country: "KG", Lon: 72.80, Lat: 40.53},
			{ID: "almaty", Kind: "market", Country: "KZ", Lon: 76.95, Lat: 43.24},
		},
		Panels: []plots.MapPanel{{Title: "Drugs", Unit: "kg", Segments: []plots.MapSegment{
			{From: "kunduz", To: "osh", Flow: 100, SeizureRate: 0.1},
			{From: "osh", To: "almaty", Flow: 90, SeizureRate: 0.2, Checkpoint: true, CrossBorder: true},
		}}},
	}
}

func TestNetworkMapValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(m *plots.NetworkMap)
		want   error
		naming string // how the error names the culprit
	}{
		{"no panels", func(m *plots.NetworkMap) { m.Panels = nil }, plots.ErrEmpty, "network map"},
		{"negative max width", func(m *plots.NetworkMap) { m.MaxWidth = -1 }, plots.ErrRange, "MaxWidth=-1"},
		{"region inverted", func(m *plots.NetworkMap) { m.Region = plots.MapRegion{West: 80, East: 60, South: 35, North: 55} }, plots.ErrRange, "West=80"},
		{"region NaN", func(m *plots.NetworkMap) { m.Region = plots.MapRegion{West: math.NaN(), East: 60, North: 55} }, plots.ErrNotFinite, "Region.West"},
		{"empty ID", func(m *plots.NetworkMap) { m.Nodes[1].ID = "" }, plots.ErrNoID, `node 1 ""`},
		{"duplicate ID", func(m *plots.NetworkMap) { m.Nodes[2].ID = "osh" }, plots.ErrDuplicate, `node 2 "osh": duplicate label: also node 1`},
		{"unknown kind", func(m *plots.NetworkMap) { m.Nodes[0].Kind = "farm" }, plots.ErrUnknownKind, `node 0 "kunduz"`},
		{"NaN longitude", func(m *plots.NetworkMap) { m.Nodes[2].Lon = math.NaN() }, plots.ErrNotFinite, `node 2 "almaty"`},
		{"infinite latitude", func(m *plots.NetworkMap) { m.Nodes[1].Lat = math.Inf(-1) }, plots.ErrNotFinite, `node 1 "osh"`},
		{"latitude beyond the pole", func(m *plots.NetworkMap) { m.Nodes[1].Lat = 91 }, plots.ErrRange, `node 1 "osh": out of range: Lat=91`},
		{"longitude beyond 180", func(m *plots.NetworkMap) { m.Nodes[0].Lon = 181 }, plots.ErrRange, `node 0 "kunduz"`},
		{"unknown from", func(m *plots.NetworkMap) { m.Panels[0].Segments[1].From = "bishkek" }, plots.ErrUnknownNode,
			`panel 0 "Drugs": segment 1 "bishkek->almaty": unknown node: From="bishkek"`},
		{"unknown to", func(m *plots.NetworkMap) { m.Panels[0].Segments[0].To = "dushanbe" }, plots.ErrUnknownNode, `segment 0 "kunduz->dushanbe"`},
		{"loop", func(m *plots.NetworkMap) { m.Panels[0].Segments[0].To = "kunduz" }, plots.ErrLoop, `segment 0 "kunduz->kunduz"`},
		{"duplicate segment", func(m *plots.NetworkMap) {
			m.Panels[0].Segments = append(m.Panels[0].Segments, plots.MapSegment{From: "osh", To: "almaty"})
		}, plots.ErrDuplicate, `segment 2 "osh->almaty": duplicate label: also segment 1`},
		{"negative flow", func(m *plots.NetworkMap) { m.Panels[0].Segments[1].Flow = -5 }, plots.ErrRange, `segment 1 "osh->almaty": out of range: Flow=-5 < 0`},
		{"NaN flow", func(m *plots.NetworkMap) { m.Panels[0].Segments[1].Flow = math.NaN() }, plots.ErrNotFinite, `segment 1 "osh->almaty"`},
		{"rate above 1", func(m *plots.NetworkMap) { m.Panels[0].Segments[0].SeizureRate = 1.5 }, plots.ErrRange, `SeizureRate=1.5 not in [0, 1]`},
		{"negative rate", func(m *plots.NetworkMap) { m.Panels[0].Segments[0].SeizureRate = -0.1 }, plots.ErrRange, `segment 0 "kunduz->osh"`},
		{"NaN rate with flow", func(m *plots.NetworkMap) { m.Panels[0].Segments[0].SeizureRate = math.NaN() }, plots.ErrRange, `SeizureRate=NaN`},
		{"rate above 1 without flow", func(m *plots.NetworkMap) {
			s := &m.Panels[0].Segments[0]
			s.Flow, s.SeizureRate = 0, 2
		}, plots.ErrRange, `segment 0 "kunduz->osh"`},
		{"unknown mode", func(m *plots.NetworkMap) { m.Panels[0].Segments[0].Mode = "boat" }, plots.ErrUnknownKind, `Mode="boat"`},
		{"second panel", func(m *plots.NetworkMap) {
			m.Panels = append(m.Panels, plots.MapPanel{Title: "People", Segments: []plots.MapSegment{{From: "osh", To: "tashkent"}}})
		}, plots.ErrUnknownNode, `panel 1 "People": segment 0 "osh->tashkent"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := tinyMap()
			tt.change(m)
			p, err := m.Plot()
			if p != nil || !errors.Is(err, tt.want) {
				t.Fatalf("Plot() = %v, %v; want nil, %v", p, err, tt.want)
			}
			var me *plots.MapError
			if !errors.As(err, &me) {
				t.Fatalf("error %v is a %T, not a *MapError", err, err)
			}
			if !strings.Contains(err.Error(), tt.naming) {
				t.Errorf("error %q does not name %s", err, tt.naming)
			}
		})
	}
}
