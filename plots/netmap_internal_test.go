package plots

import (
	"math"
	"slices"
	"testing"

	"gonum.org/v1/plot/vg"
)

// centralAsia is a few of the default scenario's places, with the two
// destinations far outside the region.
func centralAsia() *NetworkMap {
	return &NetworkMap{
		Nodes: []MapNode{
			{ID: "kunduz", Country: "AF", Lon: 68.86, Lat: 36.73},
			{ID: "tashkent", Country: "UZ", Lon: 69.24, Lat: 41.30},
			{ID: "bishkek", Country: "KG", Lon: 74.60, Lat: 42.87},
			{ID: "korday", Kind: "border", Country: "KZ", Lon: 74.70, Lat: 43.03},
			{ID: "almaty", Kind: "market", Country: "KZ", Lon: 76.95, Lat: 43.24},
			{ID: "astana", Kind: "market", Country: "KZ", Lon: 71.45, Lat: 51.17},
			{ID: "orenburg", Kind: "market", Country: "RU", Lon: 55.10, Lat: 51.77},
			{ID: "chelyabinsk", Kind: "market", Country: "RU", Lon: 61.40, Lat: 55.16},
			{ID: "istanbul", Label: "Istanbul", Kind: "market", Country: "TR", Lon: 28.97, Lat: 41.01},
			{ID: "dubai", Label: "Dubai", Kind: "market", Country: "AE", Lon: 55.27, Lat: 25.20},
		},
		Panels: []MapPanel{
			{Title: "Drugs 2005", Unit: "kg", Segments: []MapSegment{
				{From: "bishkek", To: "korday", Flow: 900, SeizureRate: 0.3},
				{From: "korday", To: "almaty", Flow: 800, SeizureRate: 0.05},
			}},
			{Title: "People", Unit: "persons", Segments: []MapSegment{
				{From: "almaty", To: "istanbul", Flow: 30},
				{From: "dubai", To: "almaty", Flow: 3},
				{From: "astana", To: "istanbul", Flow: 10},
				{From: "istanbul", To: "astana", Flow: 1},
			}},
			{Title: "Drugs 2012", Unit: "kg", Segments: []MapSegment{
				{From: "bishkek", To: "korday", Flow: 1600, SeizureRate: 0.2},
			}},
		},
	}
}

func TestAutoRegion(t *testing.T) {
	t.Parallel()
	d, err := newMapDrawing(centralAsia())
	if err != nil {
		t.Fatal(err)
	}
	var far []string
	for _, n := range d.nodes {
		if n.far {
			far = append(far, n.id)
		}
	}
	if want := []string{"istanbul", "dubai"}; !slices.Equal(far, want) {
		t.Errorf("off the map: %q, want %q", far, want)
	}
	// The box of the rest: Orenburg to Almaty, Kunduz to Chelyabinsk.
	want := MapRegion{West: 55.10, East: 76.95, South: 36.73, North: 55.16}
	if d.region != want {
		t.Errorf("region %+v, want %+v", d.region, want)
	}
}

func TestAutoRegionKeepsEvenSpread(t *testing.T) {
	t.Parallel()
	m := &NetworkMap{Panels: []MapPanel{{}}}
	for i := range 8 {
		m.Nodes = append(m.Nodes, MapNode{ID: string(rune('a' + i)), Lon: 50 + 3*float64(i), Lat: 40 + float64(i%3)})
	}
	d, err := newMapDrawing(m)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range d.nodes {
		if n.far {
			t.Errorf("node %s left out of an evenly spread network", n.id)
		}
	}
}

func TestWidthScaleSharedByUnit(t *testing.T) {
	t.Parallel()
	d, err := newMapDrawing(centralAsia())
	if err != nil {
		t.Fatal(err)
	}
	if len(d.units) != 2 || d.units[0].maxFlow != 1600 || d.units[1].maxFlow != 30 {
		t.Fatalf("units %+v, want kg up to 1600 and persons up to 30", d.units)
	}
	if d.panels[0].unit != d.panels[2].unit {
		t.Error("the two years of drugs have different width scales")
	}
	tests := []struct {
		unit int
		flow float64
		want vg.Length
	}{
		{0, 1600, DefaultMaxFlowWidth},
		{0, 400, DefaultMaxFlowWidth / 2}, // a quarter of the flow, half the width
		{1, 30, DefaultMaxFlowWidth},
		{0, 1e-9, minFlowWidth},
		{0, 0, noFlowWidth},
	}
	for _, tt := range tests {
		if got := d.width(tt.unit, tt.flow); math.Abs(float64(got-tt.want)) > 1e-9 {
			t.Errorf("width(%d, %v) = %v, want %v", tt.unit, tt.flow, got, tt.want)
		}
	}
}

func TestRateBins(t *testing.T) {
	t.Parallel()
	tests := []struct {
		rate float64
		bin  int
	}{{0, 0}, {0.0199, 0}, {0.02, 1}, {0.049, 1}, {0.05, 2}, {0.1, 3}, {0.2, 4}, {0.49, 4}, {0.5, 5}, {1, 5}}
	for _, tt := range tests {
		if got := rateBin(tt.rate); got != tt.bin {
			t.Errorf("rateBin(%v) = %d, want %d", tt.rate, got, tt.bin)
		}
	}
	want := []string{"under 2%", "2–5%", "5–10%", "10–20%", "20–50%", "50% or more"}
	if got := rateLabels(); !slices.Equal(got, want) {
		t.Errorf("rateLabels() = %q, want %q", got, want)
	}
}

func TestReferenceFlows(t *testing.T) {
	t.Parallel()
	tests := []struct {
		max      float64
		want     []float64
		decimals int
	}{
		{24000, []float64{20000, 4000, 900}, 0},
		{5500, []float64{5000, 1000, 200}, 0},
		{1, []float64{1, 0.2, 0.04}, 2},
		{3, []float64{3, 0.6, 0.1}, 1},
		{0, nil, 0},
	}
	for _, tt := range tests {
		got, dec := referenceFlows(tt.max)
		if len(got) != len(tt.want) || dec != tt.decimals {
			t.Errorf("referenceFlows(%v) = %v, %d; want %v, %d", tt.max, got, dec, tt.want, tt.decimals)
			continue
		}
		for i := range got {
			// One significant digit: exact up to rounding in the
			// last place of the power of ten.
			if math.Abs(got[i]-tt.want[i]) > 1e-12*tt.want[i] {
				t.Errorf("referenceFlows(%v) = %v, want %v", tt.max, got, tt.want)
				break
			}
		}
	}
}

func TestDeclutter(t *testing.T) {
	t.Parallel()
	// Bishkek, Korday and the Chuy green border a few points apart, a
	// point twice over, and one far away that must not move.
	pts := []vg.Point{{X: 100, Y: 100}, {X: 102, Y: 103}, {X: 94, Y: 104}, {X: 50, Y: 50}, {X: 50, Y: 50}, {X: 300, Y: 300}}
	bounds := vg.Rectangle{Max: vg.Point{X: 400, Y: 400}}
	declutter(pts, 24, bounds)
	for i := range pts {
		for j := i + 1; j < len(pts); j++ {
			if d := length(pts[j].Sub(pts[i])); d < 24*0.999 {
				t.Errorf("points %d and %d are %.2f apart, want 24 or more", i, j, d)
			}
		}
	}
	if pts[5] != (vg.Point{X: 300, Y: 300}) {
		t.Errorf("a lone point moved to %v", pts[5])
	}
	// Korday stays north of Bishkek.
	if pts[1].Y <= pts[0].Y {
		t.Errorf("Korday %v pushed south of Bishkek %v", pts[1], pts[0])
	}
}

func TestStubs(t *testing.T) {
	t.Parallel()
	d, err := newMapDrawing(centralAsia())
	if err != nil {
		t.Fatal(err)
	}
	area := vg.Rectangle{Max: vg.Point{X: 300, Y: 350}}
	v := d.newPanelView(&d.panels[1], area)
	var labels []string
	for k := range v.stubs {
		labels = append(labels, v.stubText(k))
	}
	want := []string{"to Istanbul (TR)", "from Dubai (AE)", "Istanbul (TR)"}
	if !slices.Equal(labels, want) {
		t.Errorf("stub labels %q, want %q", labels, want)
	}
	for k, st := range v.stubs {
		end := v.pts[len(d.nodes)+k]
		if l := length(end.Sub(v.pts[st.near])); l < stubLength*0.999 || l > stubLength*1.501 {
			t.Errorf("stub %d is %.1f long, want %v to %v", k, l, stubLength, 1.5*stubLength)
		}
		if clampPoint(end, v.inner) != end {
			t.Errorf("stub %d ends at %v, off the map %v", k, end, v.inner)
		}
	}
	// Both directions between Astana and Istanbul share one stub.
	if len(v.stubs) != 3 {
		t.Errorf("%d stubs, want 3", len(v.stubs))
	}
}

func TestClippedLength(t *testing.T) {
	t.Parallel()
	r := vg.Rectangle{Min: vg.Point{X: 0, Y: 0}, Max: vg.Point{X: 10, Y: 10}}
	tests := []struct {
		a, b vg.Point
		want vg.Length
	}{
		{vg.Point{X: -5, Y: 5}, vg.Point{X: 15, Y: 5}, 10},
		{vg.Point{X: 2, Y: 2}, vg.Point{X: 5, Y: 6}, 5},
		{vg.Point{X: -5, Y: -5}, vg.Point{X: 15, Y: 15}, vg.Length(10 * math.Sqrt2)},
		{vg.Point{X: -5, Y: 11}, vg.Point{X: 15, Y: 11}, 0},
		{vg.Point{X: 20, Y: 0}, vg.Point{X: 30, Y: 10}, 0},
	}
	for _, tt := range tests {
		if got := clippedLength(tt.a, tt.b, r); math.Abs(float64(got-tt.want)) > 1e-9 {
			t.Errorf("clippedLength(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
