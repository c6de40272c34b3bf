package plots

import (
	"image/color"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

// line returns a band over 2000–2010 from y0 to y1, w either side.
func line(label string, y0, y1, w float64) Band {
	b := Band{Label: label}
	for i := 0; i <= 10; i++ {
		y := y0 + (y1-y0)*float64(i)/10
		b.X = append(b.X, float64(2000+i))
		b.Mean = append(b.Mean, y)
		b.Lo = append(b.Lo, y-w)
		b.Hi = append(b.Hi, y+w)
	}
	return b
}

// placed returns the legend's box at the default size, as a corner name,
// with what it covers.
func placed(t *testing.T, c *BandChart) (*plot.Plot, string, float64) {
	t.Helper()
	p, leg, err := c.plot()
	if err != nil {
		t.Fatal(err)
	}
	da := p.DataCanvas(draw.NewCanvas(new(recorder.Canvas), DefaultWidth, DefaultHeight))
	r, cost := leg.place(da, p)
	corner := "bottom"
	if r.Max.Y > da.Center().Y {
		corner = "top"
	}
	if r.Min.X < da.Center().X {
		corner += "-left"
	} else {
		corner += "-right"
	}
	return p, corner, cost
}

func TestLegendPlacement(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		chart   BandChart
		corner  string
		headway bool // y axis raised above the rounded data range
	}{
		{"rising: top-left free", BandChart{YFromZero: true, Bands: []Band{line("a", 2, 118, 2)}}, "top-left", false},
		{"falling: top-right free", BandChart{YFromZero: true, Bands: []Band{line("a", 118, 2, 2)}}, "top-right", false},
		{"label in the way", BandChart{
			Bands:   []Band{line("a", 0, 100, 5)},
			Markers: []Marker{{X: 2000.5, Label: "a long label for a policy change"}},
		}, "top-right", false},
		{"points in the way", BandChart{
			Bands:  []Band{line("a", 0, 60, 5)},
			Points: []Points{{Label: "seen", X: []float64{2000, 2001, 2002, 2008, 2009, 2010}, Y: []float64{90, 90, 90, 90, 90, 90}}},
		}, "bottom-right", false},
		{"everything covered: raise the axis", BandChart{Bands: []Band{line("a", 50, 50, 49)}}, "top-left", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, corner, cost := placed(t, &tt.chart)
			if corner != tt.corner || cost != 0 {
				t.Errorf("legend %s covering %v, want %s covering nothing", corner, cost, tt.corner)
			}
			ymax := dataMax(t, &tt.chart)
			_, hi, _ := roundRange(p.Y.Min, ymax)
			if raised := p.Y.Max > hi; raised != tt.headway {
				t.Errorf("y axis up to %v for data up to %v: raised = %v, want %v", p.Y.Max, ymax, raised, tt.headway)
			}
		})
	}
}

// dataMax returns the top of the chart's bands and points.
func dataMax(t *testing.T, c *BandChart) float64 {
	t.Helper()
	p := plot.New()
	bs, err := newBands(c.Bands)
	if err != nil {
		t.Fatal(err)
	}
	p.Add(bs)
	for _, pts := range c.Points {
		pp, err := newPointsPlotter(pts, color.Black, 0)
		if err != nil {
			t.Fatal(err)
		}
		p.Add(pp)
	}
	return p.Y.Max
}

func TestPointColor(t *testing.T) {
	t.Parallel()
	c := &BandChart{Bands: []Band{
		{Label: "prosecutions"}, {Label: "prosecutions of officials"}, {Label: "convictions"},
	}}
	black := okabeIto[len(okabeIto)-1]
	tests := []struct {
		label string
		want  color.RGBA
	}{
		{"prosecutions observed (US TIP report)", seriesColor(0)},
		{"prosecutions of officials observed", seriesColor(1)}, // the longer match wins
		{"convictions", seriesColor(2)},
		{"Convictions observed", black}, // case matters
		{"arrests observed", black},
	}
	for _, tt := range tests {
		if got := c.pointColor(tt.label); got != tt.want {
			t.Errorf("pointColor(%q) = %v, want %v", tt.label, got, tt.want)
		}
	}
}

func TestLegendSize(t *testing.T) {
	t.Parallel()
	l := newLegend()
	l.add("short", &bandSeries{color: seriesColor(0)})
	one := l.size()
	l.add("a much longer label than the first", &bandSeries{color: seriesColor(1)})
	two := l.size()
	if !(two.X > one.X && two.Y > one.Y && one.X > legendThumb && one.Y > 2*legendPad) {
		t.Errorf("sizes %v then %v", one, two)
	}
}
