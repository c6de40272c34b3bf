package plots

import (
	"fmt"
	"image/color"
	"math"
	"sort"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Band is a mean line with a shaded interval around it, such as the mean
// yearly count across replicates and the interval holding 90% of them.
type Band struct {
	// Label names the quantity, e.g. "prosecutions". It must not be
	// empty; Points whose label starts with it take its colour.
	Label string

	// X holds the abscissae in strictly increasing order; Mean, Lo and
	// Hi the centre line and the interval's bounds at each, with
	// Lo[i] <= Hi[i]. Mean need not lie inside [Lo, Hi]. All have the
	// same, non-zero length and hold finite numbers only.
	X, Mean, Lo, Hi []float64
}

// validate returns an error wrapping one of the Err variables if b
// cannot be drawn.
func (b *Band) validate() error {
	if b.Label == "" {
		return ErrNoLabel
	}
	names := []string{"X", "Mean", "Lo", "Hi"}
	if err := checkLengths(names, b.X, b.Mean, b.Lo, b.Hi); err != nil {
		return err
	}
	if err := checkFinite(names, b.X, b.Mean, b.Lo, b.Hi); err != nil {
		return err
	}
	if err := checkIncreasing(b.X); err != nil {
		return err
	}
	for i := range b.Lo {
		if b.Lo[i] > b.Hi[i] {
			return fmt.Errorf("%w: Lo[%d]=%v > Hi[%d]=%v", ErrInverted, i, b.Lo[i], i, b.Hi[i])
		}
	}
	return nil
}

// bandSeries is a validated copy of one Band and its colour.
type bandSeries struct {
	x, mean, lo, hi []float64
	color           color.RGBA
}

// Thumbnail implements plot.Thumbnailer: a patch of the shading with the
// mean line across it.
func (s *bandSeries) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(translucent(s.color, intervalAlpha), []vg.Point{
		c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y},
	})
	y := c.Center().Y
	c.StrokeLine2(s.lineStyle(), c.Min.X, y, c.Max.X, y)
}

func (s *bandSeries) lineStyle() draw.LineStyle {
	return draw.LineStyle{Color: s.color, Width: lineWidth}
}

// bands is a plot.Plotter for a set of Bands. It shades every interval
// before it draws any mean line, so that no band's shading dims another
// band's line.
type bands struct {
	series []*bandSeries
}

// newBands validates and copies bs, giving band i the i-th palette
// colour. Errors are *SeriesError.
func newBands(bs []Band) (*bands, error) {
	seen := make(map[string]int, len(bs))
	out := &bands{series: make([]*bandSeries, len(bs))}
	for i := range bs {
		b := &bs[i]
		if err := b.validate(); err != nil {
			return nil, &SeriesError{Kind: "band", Index: i, Label: b.Label, Err: err}
		}
		if j, ok := seen[b.Label]; ok {
			// Points are matched to bands by label.
			return nil, &SeriesError{Kind: "band", Index: i, Label: b.Label,
				Err: fmt.Errorf("%w: also band %d", ErrDuplicate, j)}
		}
		seen[b.Label] = i
		out.series[i] = &bandSeries{
			x:     append([]float64(nil), b.X...),
			mean:  append([]float64(nil), b.Mean...),
			lo:    append([]float64(nil), b.Lo...),
			hi:    append([]float64(nil), b.Hi...),
			color: seriesColor(i),
		}
	}
	return out, nil
}

// Plot implements plot.Plotter.
func (b *bands) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	for _, s := range b.series {
		shade := translucent(s.color, intervalAlpha)
		if len(s.x) == 1 {
			// A lone interval has no outline to shade; draw it as a bar.
			x := trX(s.x[0])
			c.FillPolygon(shade, c.ClipPolygonXY([]vg.Point{
				{X: x - glyphRadius, Y: trY(s.lo[0])}, {X: x + glyphRadius, Y: trY(s.lo[0])},
				{X: x + glyphRadius, Y: trY(s.hi[0])}, {X: x - glyphRadius, Y: trY(s.hi[0])},
			}))
			continue
		}
		poly := make([]vg.Point, 0, 2*len(s.x))
		for i := range s.x {
			poly = append(poly, vg.Point{X: trX(s.x[i]), Y: trY(s.hi[i])})
		}
		for i := len(s.x) - 1; i >= 0; i-- {
			poly = append(poly, vg.Point{X: trX(s.x[i]), Y: trY(s.lo[i])})
		}
		c.FillPolygon(shade, c.ClipPolygonXY(poly))
	}
	for _, s := range b.series {
		if len(s.x) == 1 {
			x, y := trX(s.x[0]), trY(s.mean[0])
			c.StrokeLines(s.lineStyle(), c.ClipLinesXY([]vg.Point{
				{X: x - 1.5*glyphRadius, Y: y}, {X: x + 1.5*glyphRadius, Y: y},
			})...)
			continue
		}
		line := make([]vg.Point, len(s.x))
		for i := range s.x {
			line[i] = vg.Point{X: trX(s.x[i]), Y: trY(s.mean[i])}
		}
		c.StrokeLines(s.lineStyle(), c.ClipLinesXY(line)...)
	}
}

// DataRange implements plot.DataRanger.
func (b *bands) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, s := range b.series {
		xmin = math.Min(xmin, s.x[0])
		xmax = math.Max(xmax, s.x[len(s.x)-1])
		for i := range s.x {
			ymin = math.Min(ymin, math.Min(s.lo[i], s.mean[i]))
			ymax = math.Max(ymax, math.Max(s.hi[i], s.mean[i]))
		}
	}
	return xmin, xmax, ymin, ymax
}

// occupancy implements occupier: the area of r that shading or a mean
// line covers, estimated on a grid of sample points.
func (b *bands) occupancy(c draw.Canvas, plt *plot.Plot, r vg.Rectangle) float64 {
	const nx, ny = 24, 8 // samples; a legend is wider than tall
	const slack = vg.Length(2)
	trX, trY := plt.Transforms(&c)
	size := r.Size()
	covered := 0
	for i := 0; i < nx; i++ {
		px := r.Min.X + (vg.Length(i)+0.5)*size.X/nx
		for j := 0; j < ny; j++ {
			py := r.Min.Y + (vg.Length(j)+0.5)*size.Y/ny
			for _, s := range b.series {
				if s.covers(trX, trY, px, py, slack) {
					covered++
					break
				}
			}
		}
	}
	return float64(covered) / (nx * ny) * float64(size.X*size.Y)
}

// covers reports whether the point (px, py) of the canvas lies within
// slack of the series' shading or mean line.
func (s *bandSeries) covers(trX, trY func(float64) vg.Length, px, py, slack vg.Length) bool {
	n := len(s.x)
	if n == 1 {
		x := trX(s.x[0])
		return px >= x-1.5*glyphRadius-slack && px <= x+1.5*glyphRadius+slack &&
			py >= trY(s.lo[0])-slack && py <= trY(s.hi[0])+slack
	}
	if px < trX(s.x[0])-slack || px > trX(s.x[n-1])+slack {
		return false
	}
	// Segment [k-1, k] holds px; interpolate in data space, which the
	// linear transforms preserve.
	k := sort.Search(n, func(i int) bool { return trX(s.x[i]) >= px })
	k = min(max(k, 1), n-1)
	x0, x1 := trX(s.x[k-1]), trX(s.x[k])
	t := math.Min(1, math.Max(0, float64((px-x0)/(x1-x0))))
	at := func(v []float64) vg.Length { return trY(v[k-1] + t*(v[k]-v[k-1])) }
	lo, hi, mean := at(s.lo), at(s.hi), at(s.mean)
	return (py >= lo-slack && py <= hi+slack) || vg.Length(math.Abs(float64(py-mean))) <= lineWidth+slack
}
