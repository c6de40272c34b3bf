package plots

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
)

// rateBounds are the upper bounds of the bins of the seizure-rate
// scale but the last, in 1-2-5 steps. The scale is fixed, so that maps
// drawn apart compare; its steps are fine at the low rates that most
// segments have and coarse at the high ones that few reach.
var rateBounds = [...]float64{0.02, 0.05, 0.1, 0.2, 0.5}

// rateColors are the colours of the bins, light to dark: ColorBrewer's
// YlOrRd in seven classes without its palest, which would vanish on the
// light background. Sequential in lightness, they read in order under
// the common colour-blindnesses and in greyscale.
var rateColors = [len(rateBounds) + 1]color.RGBA{
	{R: 0xFE, G: 0xD9, B: 0x76, A: 0xFF},
	{R: 0xFE, G: 0xB2, B: 0x4C, A: 0xFF},
	{R: 0xFD, G: 0x8D, B: 0x3C, A: 0xFF},
	{R: 0xFC, G: 0x4E, B: 0x2A, A: 0xFF},
	{R: 0xE3, G: 0x1A, B: 0x1C, A: 0xFF},
	{R: 0xB1, G: 0x00, B: 0x26, A: 0xFF},
}

// Widths of segments, in points.
const (
	minFlowWidth = vg.Length(1.2) // any positive flow: visible, and wider than a segment without flow
	noFlowWidth  = vg.Length(0.7)
)

var noFlowColor = color.RGBA{R: 0xB0, G: 0xB0, B: 0xB0, A: 0xFF}

// width returns the width of a segment carrying flow in a panel of the
// given unit: maxWidth·√(flow/maxFlow), at least minFlowWidth; or
// noFlowWidth for no flow. The square root keeps flows a hundred times
// below the largest a tenth as wide, so they stay visible.
func (d *mapDrawing) width(unit int, flow float64) vg.Length {
	top := d.units[unit].maxFlow
	if !(flow > 0 && top > 0) {
		return noFlowWidth
	}
	return max(minFlowWidth, d.maxWidth*vg.Length(math.Sqrt(flow/top)))
}

// rateBin returns the bin of the colour scale that rate falls in.
func rateBin(rate float64) int {
	k := 0
	for k < len(rateBounds) && rate >= rateBounds[k] {
		k++
	}
	return k
}

// rateColor returns the colour of a seizure rate.
func rateColor(rate float64) color.RGBA {
	return rateColors[rateBin(rate)]
}

// rateLabels returns the legend's labels of the colour bins.
func rateLabels() []string {
	pct := func(v float64) string { return formatNumber(v*100, 0, false) }
	labels := make([]string, 0, len(rateColors))
	labels = append(labels, "under "+pct(rateBounds[0])+"%")
	for k := 1; k < len(rateBounds); k++ {
		labels = append(labels, pct(rateBounds[k-1])+"–"+pct(rateBounds[k])+"%")
	}
	return append(labels, pct(rateBounds[len(rateBounds)-1])+"% or more")
}

// referenceFlows returns the flows whose widths the legend shows: the
// largest flow, a fifth and a twenty-fifth of it, each rounded down to
// one significant digit, without repeats; with the decimals they need.
func referenceFlows(maxFlow float64) (flows []float64, decimals int) {
	if !(maxFlow > 0) {
		return nil, 0
	}
	for _, f := range []float64{1, 1.0 / 5, 1.0 / 25} {
		x := maxFlow * f
		e := math.Floor(math.Log10(x))
		p := math.Pow(10, e)
		v := math.Floor(x/p+1e-9) * p
		if v > 0 && (len(flows) == 0 || v < flows[len(flows)-1]) {
			flows = append(flows, v)
			decimals = max(decimals, int(-e))
		}
	}
	return flows, min(decimals, 6)
}
