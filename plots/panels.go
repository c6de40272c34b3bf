package plots

import (
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Panels are small scatter charts side by side, one per parameter, of a
// quantity against the parameter: every run a translucent point and, as
// a line, the smoothed mean of the quantity along the parameter (see
// Smooth). They show, for a sample over many parameters (a Latin
// hypercube, a Sobol sequence), which parameters move the quantity.
// Every panel has the same y axis, so that slopes compare.
type Panels struct {
	Title  string
	YLabel string
	Panels []Panel
	// Columns is the number of panels a row; 0 means up to three.
	Columns int
}

// A Panel is one parameter: its name and, for each run, its value X and
// the quantity Y. X and Y have the same, non-zero length and are finite.
type Panel struct {
	XLabel string
	X, Y   []float64
}

// SmoothPoints is the number of points of the smoothed mean line.
const SmoothPoints = 60

// Smooth returns the Nadaraya–Watson estimate of the mean of y at each
// of at, with a Gaussian kernel of bandwidth h:
//
//	m(a) = Σ_i K((a − x_i)/h) y_i / Σ_i K((a − x_i)/h),  K(u) = exp(−u²/2)
//
// It is the weighted mean of the runs near a, nearer ones counting more.
func Smooth(x, y, at []float64, h float64) []float64 {
	out := make([]float64, len(at))
	for k, a := range at {
		var num, den float64
		for i := range x {
			u := (a - x[i]) / h
			w := math.Exp(-u * u / 2)
			num += w * y[i]
			den += w
		}
		if den > 0 {
			out[k] = num / den
		} else {
			out[k] = math.NaN()
		}
	}
	return out
}

// Bandwidth returns the kernel bandwidth Panels use for x: Silverman's
// rule of thumb, 1.06 σ n^(−1/5), but at least a twentieth of the range,
// so that a few distinct values (a grid) still give a continuous line.
func Bandwidth(x []float64) float64 {
	n := float64(len(x))
	var mean, ss float64
	for _, v := range x {
		mean += v
	}
	mean /= n
	for _, v := range x {
		ss += (v - mean) * (v - mean)
	}
	lo, hi := slices.Min(x), slices.Max(x)
	h := math.Max(1.06*math.Sqrt(ss/n)*math.Pow(n, -0.2), (hi-lo)/20)
	if h == 0 {
		h = 1
	}
	return h
}

// Figure validates and copies the panels and returns them ready to
// draw. An error is a *SeriesError of kind "panel".
func (p *Panels) Figure() (Figure, error) {
	if len(p.Panels) == 0 {
		return nil, &SeriesError{Kind: "panel", Label: p.Title, Err: ErrEmpty}
	}
	cols := p.Columns
	if cols <= 0 {
		cols = min(3, len(p.Panels))
	}
	f := &panelsFigure{title: p.Title, cols: cols}
	ymin, ymax := math.Inf(1), math.Inf(-1)
	for i, pn := range p.Panels {
		if err := checkLengths([]string{"X", "Y"}, pn.X, pn.Y); err != nil {
			return nil, &SeriesError{Kind: "panel", Index: i, Label: pn.XLabel, Err: err}
		}
		if err := checkFinite([]string{"X", "Y"}, pn.X, pn.Y); err != nil {
			return nil, &SeriesError{Kind: "panel", Index: i, Label: pn.XLabel, Err: err}
		}
		pl := newPlot("", pn.XLabel, "")
		if i%cols == 0 {
			pl.Y.Label.Text = p.YLabel
		}
		pl.Add(newGrid())
		xy := make(plotter.XYs, len(pn.X))
		for k := range pn.X {
			xy[k] = plotter.XY{X: pn.X[k], Y: pn.Y[k]}
		}
		sc, _ := plotter.NewScatter(xy) // copies; validated above
		sc.GlyphStyle = draw.GlyphStyle{Color: translucent(seriesColor(3), 0.35), Radius: vg.Length(2), Shape: draw.CircleGlyph{}}
		pl.Add(sc)
		lo, hi := slices.Min(pn.X), slices.Max(pn.X)
		at := make([]float64, SmoothPoints)
		for k := range at {
			at[k] = lo + (hi-lo)*float64(k)/float64(SmoothPoints-1)
		}
		m := Smooth(pn.X, pn.Y, at, Bandwidth(pn.X))
		line := make(plotter.XYs, len(at))
		for k := range at {
			line[k] = plotter.XY{X: at[k], Y: m[k]}
		}
		ln, _ := plotter.NewLine(line)
		ln.LineStyle = draw.LineStyle{Color: seriesColor(4), Width: lineWidth}
		pl.Add(ln)
		ymin, ymax = math.Min(ymin, slices.Min(pn.Y)), math.Max(ymax, slices.Max(pn.Y))
		if lo == hi {
			pl.X.Min, pl.X.Max = lo-1, hi+1
		}
		pl.X.Tick.Marker = linearTicks{}
		f.plots = append(f.plots, pl)
	}
	if ymin == ymax {
		ymin, ymax = ymin-1, ymax+1
	}
	ylo, yhi, step := roundRange(math.Min(ymin, 0), ymax)
	if ymin < 0 {
		ylo, yhi, step = roundRange(ymin, ymax)
	}
	for _, pl := range f.plots {
		pl.Y.Min, pl.Y.Max = ylo, yhi
		pl.Y.Tick.Marker = linearTicks{step: step}
	}
	return f, nil
}

// drawPage paints canvas c white and centres title in bold at its top;
// it returns the height just below the title.
func drawPage(c draw.Canvas, title string) vg.Length {
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	sty := textStyle(titleSize, true)
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YTop
	top := c.Max.Y - 8
	c.FillText(sty, vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: top}, title)
	return top - sty.Height(title)
}

// panelsFigure draws the panels in rows under a title.
type panelsFigure struct {
	title string
	cols  int
	plots []*plot.Plot
}

func (f *panelsFigure) Draw(c draw.Canvas) {
	drawPage(c, f.title)
	rows := (len(f.plots) + f.cols - 1) / f.cols
	grid := make([][]*plot.Plot, rows)
	for i := range grid {
		grid[i] = make([]*plot.Plot, f.cols)
		for j := range grid[i] {
			if k := i*f.cols + j; k < len(f.plots) {
				grid[i][j] = f.plots[k]
			}
		}
	}
	t := draw.Tiles{Rows: rows, Cols: f.cols, PadTop: textStyle(titleSize, true).Height(f.title) + 16, PadX: 6, PadY: 10, PadLeft: 2, PadRight: 8, PadBottom: 2}
	canvases := plot.Align(grid, t, c)
	for i := range grid {
		for j, pl := range grid[i] {
			if pl != nil {
				pl.Draw(canvases[i][j])
			}
		}
	}
}

// PanelsHeight is the height of a figure of n panels in rows of cols:
// a title and about 7 cm a row.
func PanelsHeight(n, cols int) vg.Length {
	if cols <= 0 {
		cols = min(3, n)
	}
	rows := (n + cols - 1) / max(cols, 1)
	return vg.Length(rows)*7*vg.Centimeter + 1.2*vg.Centimeter
}
