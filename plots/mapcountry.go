package plots

import (
	"cmp"
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// countryTints are the light marker fills of countries and the darker
// shade of each for their codes: the paired colours of ColorBrewer's
// "Paired" scheme, without its reds and oranges, which would be read
// as seizure rates.
var countryTints = [...]struct{ fill, ink color.RGBA }{
	{color.RGBA{R: 0xA6, G: 0xCE, B: 0xE3, A: 0xFF}, color.RGBA{R: 0x1F, G: 0x78, B: 0xB4, A: 0xFF}},
	{color.RGBA{R: 0xB2, G: 0xDF, B: 0x8A, A: 0xFF}, color.RGBA{R: 0x33, G: 0xA0, B: 0x2C, A: 0xFF}},
	{color.RGBA{R: 0xCA, G: 0xB2, B: 0xD6, A: 0xFF}, color.RGBA{R: 0x6A, G: 0x3D, B: 0x9A, A: 0xFF}},
	{color.RGBA{R: 0xD9, G: 0xD9, B: 0xD9, A: 0xFF}, color.RGBA{R: 0x63, G: 0x63, B: 0x63, A: 0xFF}},
	{color.RGBA{R: 0x8D, G: 0xD3, B: 0xC7, A: 0xFF}, color.RGBA{R: 0x1B, G: 0x7E, B: 0x6F, A: 0xFF}},
	{color.RGBA{R: 0xFC, G: 0xCD, B: 0xE5, A: 0xFF}, color.RGBA{R: 0xC5, G: 0x1B, B: 0x7D, A: 0xFF}},
	{color.RGBA{R: 0xE5, G: 0xD8, B: 0xBD, A: 0xFF}, color.RGBA{R: 0x8C, G: 0x6D, B: 0x31, A: 0xFF}},
}

// setTints gives each country a tint, the countries with most nodes
// first (ties by code), cycling if there are more countries than tints.
func (d *mapDrawing) setTints() {
	count := map[string]int{}
	for _, n := range d.nodes {
		if n.country != "" {
			if count[n.country] == 0 {
				d.countries = append(d.countries, n.country)
			}
			count[n.country]++
		}
	}
	slices.SortFunc(d.countries, func(a, b string) int {
		return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(a, b))
	})
	for i := range d.nodes {
		d.nodes[i].tint = slices.Index(d.countries, d.nodes[i].country)
	}
}

// tintFill returns the marker fill of node i: its country's tint, or
// white.
func (d *mapDrawing) tintFill(i int) color.Color {
	if t := d.nodes[i].tint; t >= 0 {
		return countryTints[t%len(countryTints)].fill
	}
	return color.White
}

// placeCountryCodes places each country's code near the middle of its
// nodes on the map, where it covers no marker or label and is nearer
// to a node of the country than to any other, or leaves it out if
// there is no such place within reach.
func (v *panelView) placeCountryCodes() {
	markers := v.markerBoxes()
	for t, code := range v.d.countries {
		var sum vg.Point
		k := 0
		for i, n := range v.d.nodes {
			if n.tint == t && !n.far {
				sum = sum.Add(v.pts[i])
				k++
			}
		}
		if k == 0 {
			continue
		}
		centre := sum.Scale(1 / vg.Length(k))
		sty := textStyle(15, true)
		sty.XAlign, sty.YAlign = draw.XLeft, draw.YCenter
		sty.Color = translucent(countryTints[t%len(countryTints)].ink, 0.5)
		w, h := sty.Width(code), sty.Height(code)
		best, found := math.Inf(1), false
		var box vg.Rectangle
		for dx := vg.Length(-60); dx <= 60; dx += 6 {
			for dy := vg.Length(-60); dy <= 60; dy += 6 {
				c := centre.Add(vg.Point{X: dx, Y: dy})
				b := vg.Rectangle{Min: c.Sub(vg.Point{X: w / 2, Y: h / 2}), Max: c.Add(vg.Point{X: w / 2, Y: h / 2})}
				// Clear of markers, labels and the edge by a few
				// points, so that a code does not read as part of a name.
				clear := vg.Point{X: 4, Y: 2}
				hard := v.labelCost(vg.Rectangle{Min: b.Min.Sub(clear), Max: b.Max.Add(clear)}, -1, markers, 0)
				for _, o := range v.codes {
					// Apart, so that "UZ" and "TJ" do not read "UZTJ".
					gap := vg.Point{X: 8, Y: 2}
					hard += overlap(b, vg.Rectangle{Min: o.box.Min.Sub(gap), Max: o.box.Max.Add(gap)})
				}
				if hard > 0 || !v.nearestIs(c, t) {
					continue
				}
				// A code under a wide arrow is lost.
				cost := float64(length(vg.Point{X: dx, Y: dy})) + 0.2*v.labelCost(b, -1, nil, 1)
				if cost < best {
					best, box, found = cost, b, true
				}
			}
		}
		if found {
			v.codes = append(v.codes, mapLabel{text: code, sty: sty, box: box})
		}
	}
}

// nearestIs reports whether the node on the map nearest to p is of the
// country of tint t, so that a code is never read as naming another
// country's towns.
func (v *panelView) nearestIs(p vg.Point, t int) bool {
	best, tint := vg.Length(math.Inf(1)), -1
	for i, n := range v.d.nodes {
		if d := length(v.pts[i].Sub(p)); !n.far && d < best {
			best, tint = d, n.tint
		}
	}
	return tint == t
}
