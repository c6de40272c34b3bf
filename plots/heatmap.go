package plots

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Heatmap shows a quantity over a grid of two parameters, such as the
// mean yearly prosecutions of a sweep at every combination of budget and
// clan loyalty: cell (i, j), at X[j] and Y[i], is coloured by Z[i][j] on
// the viridis scale, whose lightness rises steadily from low to high so
// that it reads in grey and under colour blindness, and a colour bar on
// the right gives the scale. On grids of up to MaxLabelledCells cells
// each cell also shows its value.
type Heatmap struct {
	Title, XLabel, YLabel string
	// ZLabel names the quantity, on the colour bar.
	ZLabel string
	// X and Y are the levels of the two parameters, strictly increasing
	// and at least one each; Z has len(Y) rows of len(X) values, all
	// finite.
	X, Y []float64
	Z    [][]float64
}

// MaxLabelledCells is the largest grid whose cells are labelled with
// their values; beyond it the labels would not fit.
const MaxLabelledCells = 12 * 12

// viridisStops are matplotlib's viridis (van der Walt and Smith, 2015,
// CC0) at ten evenly spaced points.
var viridisStops = []color.Color{
	color.RGBA{0x44, 0x01, 0x54, 0xFF}, color.RGBA{0x48, 0x28, 0x78, 0xFF},
	color.RGBA{0x3E, 0x49, 0x89, 0xFF}, color.RGBA{0x31, 0x68, 0x8E, 0xFF},
	color.RGBA{0x26, 0x82, 0x8E, 0xFF}, color.RGBA{0x1F, 0x9E, 0x89, 0xFF},
	color.RGBA{0x35, 0xB7, 0x79, 0xFF}, color.RGBA{0x6E, 0xCE, 0x58, 0xFF},
	color.RGBA{0xB5, 0xDE, 0x2B, 0xFF}, color.RGBA{0xFD, 0xE7, 0x25, 0xFF},
}

// viridis returns the colour map over [lo, hi].
func viridis(lo, hi float64) palette.ColorMap {
	cm, err := moreland.NewLuminance(viridisStops)
	if err != nil {
		panic("plots: viridis stops not rising in lightness: " + err.Error())
	}
	cm.SetMin(lo)
	cm.SetMax(hi)
	return cm
}

// validate checks the grid.
func (h *Heatmap) validate() error {
	if len(h.X) == 0 || len(h.Y) == 0 {
		return fmt.Errorf("%w: %d × %d cells", ErrEmpty, len(h.X), len(h.Y))
	}
	if err := checkFinite([]string{"X", "Y"}, h.X, h.Y); err != nil {
		return err
	}
	if err := checkIncreasing(h.X); err != nil {
		return err
	}
	if err := checkIncreasing(h.Y); err != nil {
		return fmt.Errorf("%w (in Y)", err)
	}
	if len(h.Z) != len(h.Y) {
		return fmt.Errorf("%w: len(Z)=%d, len(Y)=%d", ErrLength, len(h.Z), len(h.Y))
	}
	for i, row := range h.Z {
		if len(row) != len(h.X) {
			return fmt.Errorf("%w: len(Z[%d])=%d, len(X)=%d", ErrLength, i, len(row), len(h.X))
		}
		if err := checkFinite([]string{fmt.Sprintf("Z[%d]", i)}, row); err != nil {
			return err
		}
	}
	return nil
}

// Figure validates and copies the heatmap and returns it ready to draw.
// An error is a *SeriesError of kind "heatmap".
func (h *Heatmap) Figure() (Figure, error) {
	if err := h.validate(); err != nil {
		return nil, &SeriesError{Kind: "heatmap", Label: h.ZLabel, Err: err}
	}
	g := &heatGrid{x: append([]float64(nil), h.X...), y: append([]float64(nil), h.Y...)}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, row := range h.Z {
		g.z = append(g.z, append([]float64(nil), row...))
		for _, v := range row {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if lo == hi { // one colour; give the scale some width
		d := math.Max(1, math.Abs(lo)/10)
		lo, hi = lo-d, hi+d
	}
	cm := viridis(lo, hi)
	main := newPlot(h.Title, h.XLabel, h.YLabel)
	hm := plotter.NewHeatMap(g, cm.Palette(256))
	hm.Min, hm.Max = lo, hi
	main.Add(hm)
	if len(g.x)*len(g.y) <= MaxLabelledCells {
		main.Add(&heatLabels{g: g, cm: cm, style: textStyle(smallSize, false)})
	}
	main.X.Tick.Marker = heatTicks(g.x)
	main.Y.Tick.Marker = heatTicks(g.y)

	bar := newPlot("", "", h.ZLabel)
	bar.Add(&plotter.ColorBar{ColorMap: cm, Vertical: true})
	bar.HideX()
	bar.Y.Tick.Marker = linearTicks{}
	bar.Y.Padding = 0
	return &heatmapFigure{main: main, bar: bar}, nil
}

// heatGrid is a plotter.GridXYZ over the heatmap's copied data.
type heatGrid struct {
	x, y []float64
	z    [][]float64
}

func (g *heatGrid) Dims() (c, r int)   { return len(g.x), len(g.y) }
func (g *heatGrid) Z(c, r int) float64 { return g.z[r][c] }
func (g *heatGrid) X(c int) float64    { return g.x[c] }
func (g *heatGrid) Y(r int) float64    { return g.y[r] }

// heatTicks labels every level of a grid, or every k-th if there are
// more than a dozen.
func heatTicks(levels []float64) plot.ConstantTicks {
	step := (len(levels) + 11) / 12
	ticks := make(plot.ConstantTicks, len(levels))
	for i, v := range levels {
		ticks[i].Value = v
		if i%step == 0 {
			ticks[i].Label = strconv.FormatFloat(v, 'g', 3, 64)
		}
	}
	return ticks
}

// heatLabels writes each cell's value at its centre, in white on dark
// cells and in ink on light ones.
type heatLabels struct {
	g     *heatGrid
	cm    palette.ColorMap
	style text.Style
}

func (l *heatLabels) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	sty := l.style
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
	for r, row := range l.g.z {
		for col, v := range row {
			sty.Color = inkColor
			if cl, err := l.cm.At(v); err == nil && relLuminance(cl) < 0.45 {
				sty.Color = color.White
			}
			c.FillText(sty, vg.Point{X: trX(l.g.x[col]), Y: trY(l.g.y[r])}, strconv.FormatFloat(v, 'g', 3, 64))
		}
	}
}

// relLuminance is the relative luminance of c in [0, 1], roughly (sRGB
// weights on the gamma-encoded channels, enough to pick a text colour).
func relLuminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	return (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xFFFF
}

// heatmapFigure draws the heatmap with its colour bar on the right,
// spanning the height of the data area.
type heatmapFigure struct {
	main, bar *plot.Plot
}

// colorBarWidth is the width of the colour bar's strip, tick labels included.
const colorBarWidth = 2.8 * vg.Centimeter

func (f *heatmapFigure) Draw(c draw.Canvas) {
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	left := draw.Crop(c, 0, -colorBarWidth, 0, 0)
	f.main.Draw(left)
	da := f.main.DataCanvas(left)
	strip := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
		Min: vg.Point{X: c.Max.X - colorBarWidth + 0.6*vg.Centimeter, Y: da.Min.Y},
		Max: vg.Point{X: c.Max.X - 0.4*vg.Centimeter, Y: da.Max.Y},
	}}
	f.bar.Draw(strip)
}
