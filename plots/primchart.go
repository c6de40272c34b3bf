package plots

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// PrimChart shows what scenario discovery (PRIM) found, in two panels.
// On the left, the peeling trajectory: each box's coverage (the share of
// the runs of interest it holds) against its density (the share of its
// runs that are of interest), one point a box from the whole sample on,
// coloured by how many parameters the box restricts, and the chosen box
// ringed. On the right, the chosen box: for each parameter it restricts,
// its range as a bar within the parameter's range in the sample (scaled
// to 0–1), its limits written at the bar's ends and, after the name, the
// restriction's quasi-p-value.
type PrimChart struct {
	Title string
	// Coverage and Density are the trajectory's boxes, at least one,
	// each in [0, 1]; Restricted the number of parameters each box
	// restricts, ≥ 0.
	Coverage, Density []float64
	Restricted        []int
	// Chosen indexes the chosen box in the trajectory.
	Chosen int
	// Box is the chosen box, which pasting may have widened beyond the
	// trajectory's.
	Box PrimBox
}

// A PrimBox is the box PRIM chose: its coverage and density, in [0, 1],
// and its restrictions, possibly none.
type PrimBox struct {
	Coverage, Density float64
	Limits            []PrimLimit
}

// A PrimLimit is one parameter the chosen box restricts.
type PrimLimit struct {
	Param string
	// Lo and Hi are the box's limits, Min and Max the parameter's range
	// in the sample: Min ≤ Lo ≤ Hi ≤ Max, Min < Max.
	Lo, Hi, Min, Max float64
	// QP is the restriction's quasi-p-value; NaN leaves it out.
	QP float64
}

// Figure validates and copies the chart and returns it ready to draw. An
// error is a *SeriesError of kind "prim".
func (p *PrimChart) Figure() (Figure, error) {
	if err := p.validate(); err != nil {
		return nil, &SeriesError{Kind: "prim", Label: p.Title, Err: err}
	}
	maxR := 0
	for _, r := range p.Restricted {
		maxR = max(maxR, r)
	}
	colorOf := func(r int) color.Color {
		if maxR == 0 {
			return seriesColor(3)
		}
		// The top of viridis, yellow, is faint on white: stop short of it.
		c, _ := viridis(0, 1.25*float64(maxR)).At(float64(r))
		return c
	}
	traj := newPlot("", "coverage", "density")
	panelTitle(traj, "peeling trajectory")
	traj.Add(newGrid(), &primTrajectory{
		cov: append([]float64(nil), p.Coverage...), den: append([]float64(nil), p.Density...),
		restricted: append([]int(nil), p.Restricted...), chosen: p.Chosen, colorOf: colorOf,
	})
	for _, a := range []*plot.Axis{&traj.X, &traj.Y} {
		a.Min, a.Max = 0, 1.02
		a.Tick.Marker = linearTicks{step: 0.2}
	}
	box := newPlot("", "position in the parameter's range in the sample", "")
	panelTitle(box, fmt.Sprintf("box %d: coverage %.2f, density %.2f", p.Chosen, p.Box.Coverage, p.Box.Density))
	bp := &primBox{limits: append([]PrimLimit(nil), p.Box.Limits...)}
	box.Add(bp)
	box.X.Min, box.X.Max = 0, 1
	box.X.Tick.Marker = linearTicks{step: 0.25}
	n := len(bp.limits)
	box.Y.Min, box.Y.Max = -0.5, math.Max(float64(n)-0.5, 0.5)
	ticks := make(plot.ConstantTicks, n)
	for i, l := range bp.limits {
		label := l.Param
		if !math.IsNaN(l.QP) {
			label += " (qp " + formatQP(l.QP) + ")"
		}
		ticks[i] = plot.Tick{Value: float64(n - 1 - i), Label: label}
	}
	box.Y.Tick.Marker = ticks
	box.Y.Tick.Length = 0

	g := &panelGrid{title: p.Title, cols: 2, plots: []*plot.Plot{traj, box}, widths: []float64{0.36, 0.64}}
	var counts []int // the distinct numbers of restricted parameters
	for r := 0; r <= maxR; r++ {
		if slices.Contains(p.Restricted, r) {
			counts = append(counts, r)
		}
	}
	if len(counts) <= maxKeyCounts {
		for _, r := range counts {
			g.key = append(g.key, keyItem{label: fmt.Sprintf("%d restricted", r), swatch: dotSwatch(colorOf(r))})
		}
	} else {
		g.key = append(g.key, keyItem{label: fmt.Sprintf("parameters restricted, 0 to %d", maxR), width: 5 * keySwatch,
			swatch: func(c draw.Canvas, r vg.Rectangle) {
				const n = 24
				w := (r.Max.X - r.Min.X) / n
				h := (r.Max.Y - r.Min.Y) * 0.35
				mid := (r.Min.Y + r.Max.Y) / 2
				for i := range n {
					x := r.Min.X + vg.Length(i)*w
					fillRect(c, colorOf(int(math.Round(float64(i)/(n-1)*float64(maxR)))),
						vg.Point{X: x, Y: mid - h}, vg.Point{X: x + w + 0.3, Y: mid + h})
				}
			}})
	}
	g.key = append(g.key, keyItem{label: "chosen box", swatch: func(c draw.Canvas, r vg.Rectangle) {
		ring(c, vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: (r.Min.Y + r.Max.Y) / 2})
	}})
	return g, nil
}

func (p *PrimChart) validate() error {
	n := len(p.Coverage)
	if n == 0 {
		return fmt.Errorf("%w: no boxes", ErrEmpty)
	}
	if len(p.Density) != n || len(p.Restricted) != n {
		return fmt.Errorf("%w: %d coverages, %d densities, %d restricted counts", ErrLength, n, len(p.Density), len(p.Restricted))
	}
	for i := range n {
		if !(p.Coverage[i] >= 0 && p.Coverage[i] <= 1) || !(p.Density[i] >= 0 && p.Density[i] <= 1) {
			return fmt.Errorf("%w: box %d has coverage %v, density %v, want both in [0, 1]", ErrNotFinite, i, p.Coverage[i], p.Density[i])
		}
		if p.Restricted[i] < 0 {
			return fmt.Errorf("%w: box %d restricts %d parameters", ErrLength, i, p.Restricted[i])
		}
	}
	if p.Chosen < 0 || p.Chosen >= n {
		return fmt.Errorf("%w: chosen box %d of %d", ErrLength, p.Chosen, n)
	}
	if !(p.Box.Coverage >= 0 && p.Box.Coverage <= 1) || !(p.Box.Density >= 0 && p.Box.Density <= 1) {
		return fmt.Errorf("%w: the box has coverage %v, density %v, want both in [0, 1]", ErrNotFinite, p.Box.Coverage, p.Box.Density)
	}
	for i, l := range p.Box.Limits {
		if l.Param == "" {
			return fmt.Errorf("%w: limit %d", ErrNoLabel, i)
		}
		if err := checkFinite([]string{"Lo", "Hi", "Min", "Max"}, []float64{l.Lo}, []float64{l.Hi}, []float64{l.Min}, []float64{l.Max}); err != nil {
			return fmt.Errorf("%s: %w", l.Param, err)
		}
		if !(l.Min <= l.Lo && l.Lo <= l.Hi && l.Hi <= l.Max && l.Min < l.Max) {
			return fmt.Errorf("%w: %s: box [%v, %v] in range [%v, %v]", ErrInverted, l.Param, l.Lo, l.Hi, l.Min, l.Max)
		}
	}
	return nil
}

// maxKeyCounts is the most restriction counts the key lists one by one;
// beyond, it shows the colour scale.
const maxKeyCounts = 5

// formatQP writes a quasi-p-value in two significant digits.
func formatQP(q float64) string {
	if q < 0.001 {
		return strconv.FormatFloat(q, 'e', 1, 64)
	}
	return strconv.FormatFloat(q, 'g', 2, 64)
}

// primTrajectory draws the trajectory's boxes as points joined by a thin
// line, the chosen one ringed and labelled.
type primTrajectory struct {
	cov, den   []float64
	restricted []int
	chosen     int
	colorOf    func(int) color.Color
}

func (t *primTrajectory) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	pts := make([]vg.Point, len(t.cov))
	for i := range pts {
		pts[i] = vg.Point{X: trX(t.cov[i]), Y: trY(t.den[i])}
	}
	c.StrokeLines(draw.LineStyle{Color: gridColor, Width: 1.2}, c.ClipLinesXY(pts)...)
	for i, pt := range pts {
		c.FillPolygon(t.colorOf(t.restricted[i]), c.ClipPolygonXY(circle(pt, 2.6)))
	}
	ch := pts[t.chosen]
	ring(c, ch)
	sty := textStyle(smallSize, false)
	sty.YAlign = draw.YCenter
	label := fmt.Sprintf("box %d", t.chosen)
	sty.XAlign = draw.XLeft
	at := vg.Point{X: ch.X + 9, Y: ch.Y}
	if ch.X+9+sty.Width(label) > c.Max.X {
		sty.XAlign = draw.XRight
		at.X = ch.X - 9
	}
	c.FillText(sty, at, label)
}

func (t *primTrajectory) DataRange() (xmin, xmax, ymin, ymax float64) { return 0, 1, 0, 1 }

func ring(c draw.Canvas, p vg.Point) {
	c.StrokeLines(draw.LineStyle{Color: inkColor, Width: 1.5}, append(circle(p, 6.5), circle(p, 6.5)[0]))
}

func dotSwatch(clr color.Color) func(c draw.Canvas, r vg.Rectangle) {
	return func(c draw.Canvas, r vg.Rectangle) {
		c.FillPolygon(clr, circle(vg.Point{X: (r.Min.X + r.Max.X) / 2, Y: (r.Min.Y + r.Max.Y) / 2}, 3.2))
	}
}

// primBox draws each restricted parameter's range in the box, scaled to
// the parameter's range in the sample, row 0 on top.
type primBox struct {
	limits []PrimLimit
}

func (b *primBox) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	sty := textStyle(smallSize, false)
	sty.YAlign = draw.YCenter
	if len(b.limits) == 0 {
		sty.XAlign = draw.XCenter
		c.FillText(sty, vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: (c.Min.Y + c.Max.Y) / 2}, "the box restricts no parameter")
		return
	}
	n := len(b.limits)
	for i, l := range b.limits {
		y := float64(n - 1 - i)
		span := l.Max - l.Min
		lo, hi := (l.Lo-l.Min)/span, (l.Hi-l.Min)/span
		fillRect(c, gridColor, vg.Point{X: trX(0), Y: trY(y - 0.08)}, vg.Point{X: trX(1), Y: trY(y + 0.08)})
		fillRect(c, seriesColor(3), vg.Point{X: trX(lo), Y: trY(y - 0.25)}, vg.Point{X: trX(hi), Y: trY(y + 0.25)})
		num := func(v float64) string { return strconv.FormatFloat(v, 'g', 3, 64) }
		ly := trY(y + 0.42)
		sty.XAlign = draw.XCenter
		if lo > 0 {
			c.FillText(sty, vg.Point{X: trX(lo), Y: ly}, num(l.Lo))
		}
		if hi < 1 {
			c.FillText(sty, vg.Point{X: trX(hi), Y: ly}, num(l.Hi))
		}
	}
}

func (b *primBox) DataRange() (xmin, xmax, ymin, ymax float64) {
	return 0, 1, -0.5, float64(len(b.limits)) - 0.5
}

// Height is the height at which the chart reads well.
func (p *PrimChart) Height() vg.Length {
	return vg.Length(math.Max(9, 3.5+1.1*float64(len(p.Box.Limits))))*vg.Centimeter + keyHeight(1)
}
