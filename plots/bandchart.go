package plots

import (
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

// BandChart is krysha's headline chart: for each quantity (say,
// investigations, prosecutions and convictions per year) the mean across
// replicates as a line with a shaded interval around it, observed
// figures as markers on top, and labelled vertical lines for events.
//
// Band i and its line take colour i of the Okabe–Ito palette; Points
// take the colour of the band whose label starts theirs. The legend goes
// in the corner of the data area where it hides the least data; if no
// corner is free at the default size, the y axis is raised to make room
// for it above the data.
type BandChart struct {
	Title, XLabel, YLabel string

	Bands   []Band
	Points  []Points
	Markers []Marker

	// Interval says what each band's Lo–Hi range is, e.g. "90% band";
	// the legend reads "<label> (mean, <Interval>)". Empty reads "band".
	Interval string

	// YFromZero starts the y axis at zero (or below, if the data go
	// there), as counts should be shown.
	YFromZero bool

	// IntegerX puts x ticks on whole numbers only, as for years:
	// "2005", not "2,005.0"; every 5 years over a span of 20.
	IntegerX bool
}

// Plot validates and copies the chart's data and returns the plot. An
// error is a *SeriesError naming the offending band, points or marker.
// A chart with no data at all is valid and gives empty axes.
func (c *BandChart) Plot() (*plot.Plot, error) {
	p, _, err := c.plot()
	return p, err
}

// plot is Plot, also returning the legend for tests to inspect.
func (c *BandChart) plot() (*plot.Plot, *legend, error) {
	bs, err := newBands(c.Bands)
	if err != nil {
		return nil, nil, err
	}
	pts := make([]*pointsPlotter, len(c.Points))
	for i, obs := range c.Points {
		pts[i], err = newPointsPlotter(obs, c.pointColor(obs.Label), i)
		if err != nil {
			return nil, nil, &SeriesError{Kind: "points", Index: i, Label: obs.Label, Err: err}
		}
	}
	marks := make([]*markerPlotter, len(c.Markers))
	for i, m := range c.Markers {
		marks[i], err = newMarkerPlotter(m)
		if err != nil {
			return nil, nil, &SeriesError{Kind: "marker", Index: i, Label: m.Label, Err: err}
		}
	}

	p := newPlot(c.Title, c.XLabel, c.YLabel)
	leg := newLegend()
	p.Add(newGrid())
	for _, m := range marks {
		p.Add(m)
		leg.under = append(leg.under, m)
	}
	p.Add(bs)
	leg.under = append(leg.under, bs)
	interval := c.Interval
	if interval == "" {
		interval = "band"
	}
	for i, s := range bs.series {
		leg.add(c.Bands[i].Label+" (mean, "+interval+")", s)
	}
	for i, pp := range pts {
		p.Add(pp)
		leg.under = append(leg.under, pp)
		leg.add(c.Points[i].Label, pp)
	}
	dataMax := c.setRanges(p)
	p.Add(leg)
	c.makeRoom(p, leg, dataMax)
	return p, leg, nil
}

// pointColor returns the colour of the band with the longest label that
// starts label, or black.
func (c *BandChart) pointColor(label string) color.RGBA {
	best, clr := -1, okabeIto[len(okabeIto)-1]
	for i, b := range c.Bands {
		if b.Label != "" && strings.HasPrefix(label, b.Label) && len(b.Label) > best {
			best, clr = len(b.Label), seriesColor(i)
		}
	}
	return clr
}

// setRanges fixes the axes on the data and sets their tickers. It
// returns the top of the data, before rounding, for makeRoom.
func (c *BandChart) setRanges(p *plot.Plot) (dataMax float64) {
	xmin, xmax := p.X.Min, p.X.Max
	if xmin > xmax { // no data
		xmin, xmax = 0, 1
	}
	if xmin == xmax { // one year: show its neighbours
		xmin, xmax = xmin-1, xmax+1
	}
	p.X.Min, p.X.Max = xmin, xmax
	p.X.Tick.Marker = linearTicks{}
	if c.IntegerX {
		p.X.Tick.Marker = integerTicks{}
	}

	ymin, ymax := p.Y.Min, p.Y.Max
	if ymin > ymax {
		ymin, ymax = 0, 1
	}
	if c.YFromZero {
		ymin, ymax = math.Min(ymin, 0), math.Max(ymax, 0)
	}
	dataMax = ymax
	switch {
	case ymin < ymax:
	case c.YFromZero: // all zeros
		ymax = 1
	default: // all one value
		d := math.Max(1, math.Abs(ymin)/10)
		ymin, ymax = ymin-d, ymax+d
	}
	lo, hi, step := roundRange(ymin, ymax)
	p.Y.Min, p.Y.Max = lo, hi
	p.Y.Tick.Marker = linearTicks{step: step}
	return dataMax
}

// makeRoom raises the top of the y axis if, at the default size, every
// corner the legend could take would hide data: the data are squeezed
// into the lower part of the area so that a strip as tall as the legend
// is free above them.
func (c *BandChart) makeRoom(p *plot.Plot, leg *legend, dataMax float64) {
	if len(leg.entries) == 0 {
		return
	}
	da := p.DataCanvas(draw.NewCanvas(new(recorder.Canvas), DefaultWidth, DefaultHeight))
	if _, cost := leg.place(da, p); cost == 0 || da.Size().Y <= 0 {
		return
	}
	f := float64((leg.size().Y + 2*legendInset) / da.Size().Y)
	f = math.Min(f, 0.5) // beyond this the data would be too squeezed to read
	top := p.Y.Min + (dataMax-p.Y.Min)/(1-f)
	lo, hi, step := roundRange(p.Y.Min, top)
	p.Y.Min, p.Y.Max = lo, hi
	p.Y.Tick.Marker = linearTicks{step: step}
}
