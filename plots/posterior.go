package plots

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// PosteriorChart shows the sample of an approximate posterior (the kept
// points of a rejection ABC): one histogram a parameter over its whole
// prior range, so that a posterior as wide as its prior looks it, with
// the median, the central interval and the fitted value marked; and a
// last panel with the kept points of the two most correlated parameters
// against each other, the trade-off the data could not resolve.
type PosteriorChart struct {
	Title  string
	Params []PosteriorParam
	// Pair is drawn as the last panel; nil for none.
	Pair *PosteriorPair
	// Columns is the number of panels a row; 0 means up to three.
	Columns int
}

// A PosteriorParam is one parameter's kept values and their summary.
// Min < Max is the prior range; Values, Median, Lo, Hi and Fitted must
// be finite (Fitted may be NaN: not drawn).
type PosteriorParam struct {
	Name           string
	Min, Max       float64
	Values         []float64
	Median, Lo, Hi float64
	Fitted         float64
	// Identified false adds "(not identified)" under the panel's title.
	Identified bool
}

// A PosteriorPair is the scatter of two parameters' kept values over
// their prior ranges (XMin < XMax, YMin < YMax), so that a ridge shows
// against the whole box; R is their correlation, written in the panel's
// title.
type PosteriorPair struct {
	XName, YName string
	X, Y         []float64
	XMin, XMax   float64
	YMin, YMax   float64
	R            float64
}

// posteriorBins is the number of histogram bins for n values: about √n,
// from 5 to 20, so that 100 kept points give 10 bins of 10 on average.
func posteriorBins(n int) int {
	return min(20, max(5, int(math.Ceil(math.Sqrt(float64(n))))))
}

// Figure validates and copies the chart and returns it ready to draw.
// An error is a *SeriesError of kind "posterior" or "pair".
func (pc *PosteriorChart) Figure() (Figure, error) {
	if len(pc.Params) == 0 {
		return nil, &SeriesError{Kind: "posterior", Label: pc.Title, Err: ErrEmpty}
	}
	n := len(pc.Params)
	if pc.Pair != nil {
		n++
	}
	cols := pc.Columns
	if cols <= 0 {
		cols = min(3, n)
	}
	fig := &panelsFigure{title: pc.Title, cols: cols}
	for i, pp := range pc.Params {
		p, err := pp.plot(i == 0)
		if err != nil {
			return nil, &SeriesError{Kind: "posterior", Index: i, Label: pp.Name, Err: err}
		}
		fig.plots = append(fig.plots, p)
	}
	if pc.Pair != nil {
		p, err := pc.Pair.plot()
		if err != nil {
			return nil, &SeriesError{Kind: "pair", Label: pc.Pair.XName + " " + pc.Pair.YName, Err: err}
		}
		fig.plots = append(fig.plots, p)
	}
	return fig, nil
}

// plot draws one histogram; the first panel carries the legend.
func (pp *PosteriorParam) plot(legend bool) (*plot.Plot, error) {
	if err := checkLengths([]string{"Values"}, pp.Values); err != nil {
		return nil, err
	}
	names := []string{"Min", "Max", "Values", "Median", "Lo", "Hi"}
	if err := checkFinite(names, []float64{pp.Min}, []float64{pp.Max}, pp.Values, []float64{pp.Median}, []float64{pp.Lo}, []float64{pp.Hi}); err != nil {
		return nil, err
	}
	if !(pp.Min < pp.Max) {
		return nil, fmt.Errorf("%w: Min=%v ≥ Max=%v", ErrInverted, pp.Min, pp.Max)
	}
	if pp.Lo > pp.Hi {
		return nil, fmt.Errorf("%w: Lo=%v > Hi=%v", ErrInverted, pp.Lo, pp.Hi)
	}
	title := pp.Name
	if !pp.Identified {
		title += "\n(not identified)" // on a line of its own: long paths fill a panel's width
	}
	p := newPlot(title, "", "kept points")
	p.Title.TextStyle = textStyle(smallSize+1, true)
	p.Title.TextStyle.XAlign, p.Title.TextStyle.YAlign = draw.XCenter, draw.YTop
	p.Add(newGrid())
	k := posteriorBins(len(pp.Values))
	w := (pp.Max - pp.Min) / float64(k)
	bins := make([]plotter.HistogramBin, k)
	for b := range bins {
		bins[b] = plotter.HistogramBin{Min: pp.Min + float64(b)*w, Max: pp.Min + float64(b+1)*w}
	}
	bins[k-1].Max = pp.Max
	for _, v := range pp.Values {
		b := min(k-1, max(0, int((v-pp.Min)/w)))
		bins[b].Weight++
	}
	h := &plotter.Histogram{Bins: bins, Width: w, FillColor: translucent(seriesColor(1), 0.6),
		LineStyle: draw.LineStyle{Color: seriesColor(3), Width: 0.5}}
	p.Add(h)
	leg := newLegend()
	marks := []posteriorMark{
		{x: pp.Lo, style: draw.LineStyle{Color: inkColor, Width: 1.2, Dashes: []vg.Length{4, 3}}, label: "90% interval"},
		{x: pp.Hi, style: draw.LineStyle{Color: inkColor, Width: 1.2, Dashes: []vg.Length{4, 3}}},
		{x: pp.Median, style: draw.LineStyle{Color: inkColor, Width: 2}, label: "median"},
	}
	if !math.IsNaN(pp.Fitted) {
		if !(math.Abs(pp.Fitted) <= maxMagnitude) {
			return nil, fmt.Errorf("%w: Fitted=%v", ErrNotFinite, pp.Fitted)
		}
		marks = append(marks, posteriorMark{x: pp.Fitted, style: draw.LineStyle{Color: seriesColor(4), Width: 2}, label: "fitted"})
	}
	for i := range marks {
		p.Add(&marks[i])
		if legend && marks[i].label != "" {
			leg.add(marks[i].label, &marks[i])
		}
	}
	p.X.Min, p.X.Max = pp.Min, pp.Max
	p.X.Tick.Marker = linearTicks{}
	var top float64
	for _, b := range bins {
		top = math.Max(top, b.Weight)
	}
	// Room above the bars for the legend of the first panel.
	lo, hi, step := roundRange(0, math.Max(1, top*map[bool]float64{true: 1.6, false: 1.1}[legend]))
	p.Y.Min, p.Y.Max = lo, hi
	p.Y.Tick.Marker = linearTicks{step: step}
	if legend {
		p.Add(leg)
	}
	return p, nil
}

// posteriorMark is a vertical line across a histogram.
type posteriorMark struct {
	x     float64
	style draw.LineStyle
	label string
}

// Plot implements plot.Plotter.
func (m *posteriorMark) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, _ := plt.Transforms(&c)
	x := trX(m.x)
	if c.ContainsX(x) {
		c.StrokeLine2(m.style, x, c.Min.Y, x, c.Max.Y)
	}
}

// Thumbnail implements plot.Thumbnailer: a short vertical line.
func (m *posteriorMark) Thumbnail(c *draw.Canvas) {
	x := c.Center().X
	c.StrokeLine2(m.style, x, c.Min.Y, x, c.Max.Y)
}

// plot draws the scatter of the pair.
func (pr *PosteriorPair) plot() (*plot.Plot, error) {
	names := []string{"X", "Y"}
	if err := checkLengths(names, pr.X, pr.Y); err != nil {
		return nil, err
	}
	if err := checkFinite(names, pr.X, pr.Y); err != nil {
		return nil, err
	}
	if !(pr.XMin < pr.XMax && pr.YMin < pr.YMax) {
		return nil, fmt.Errorf("%w: prior ranges [%v, %v] and [%v, %v]", ErrInverted, pr.XMin, pr.XMax, pr.YMin, pr.YMax)
	}
	p := newPlot(fmt.Sprintf("most correlated pair, r = %.2f", pr.R), pr.XName, pr.YName)
	p.Title.TextStyle = textStyle(smallSize+1, true)
	p.Title.TextStyle.XAlign, p.Title.TextStyle.YAlign = draw.XCenter, draw.YTop
	p.Add(newGrid())
	xy := make(plotter.XYs, len(pr.X))
	for i := range pr.X {
		xy[i] = plotter.XY{X: pr.X[i], Y: pr.Y[i]}
	}
	sc, _ := plotter.NewScatter(xy) // validated above
	sc.GlyphStyle = draw.GlyphStyle{Color: translucent(seriesColor(3), 0.6), Radius: vg.Length(2.5), Shape: draw.CircleGlyph{}}
	p.Add(sc)
	p.X.Min, p.X.Max = pr.XMin, pr.XMax
	p.Y.Min, p.Y.Max = pr.YMin, pr.YMax
	p.X.Tick.Marker = linearTicks{}
	p.Y.Tick.Marker = linearTicks{}
	return p, nil
}

// PosteriorHeight is the height of a posterior chart of n panels (the
// parameters and the pair) in rows of cols (0: up to three).
func PosteriorHeight(n, cols int) vg.Length {
	if cols <= 0 {
		cols = min(3, n)
	}
	return PanelsHeight(n, cols)
}
