package experiment

import (
	"math"
	"testing"

	"github.com/krysha/krysha/sim"
)

func TestQuantile(t *testing.T) {
	t.Parallel()
	one20 := make([]float64, 20)
	for i := range one20 {
		one20[i] = float64(i + 1)
	}
	// Expected values are numpy.percentile(x, 100p) (method "linear",
	// the default), which is Hyndman and Fan's definition 7.
	tests := []struct {
		x    []float64
		p    float64
		want float64
	}{
		{[]float64{1, 2, 3, 4}, 0.05, 1.15},
		{[]float64{1, 2, 3, 4}, 0.95, 3.85},
		{[]float64{1, 2, 3, 4}, 0.5, 2.5},
		{one20, 0.05, 1.95},
		{one20, 0.95, 19.05},
		{[]float64{0, 0, 0, 10}, 0.95, 8.5},
		{[]float64{7}, 0.05, 7},
		{[]float64{7}, 0.95, 7},
		{[]float64{2, 9}, 0, 2},
		{[]float64{2, 9}, 1, 9},
		{[]float64{-3, -1, 4}, 0.25, -2},
	}
	for _, tt := range tests {
		// 1e-12: the interpolation costs a few ulps of values near 10.
		if got := Quantile(tt.p, tt.x); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("Quantile(%v, %v) = %v, want %v", tt.p, tt.x, got, tt.want)
		}
	}
}

func TestQuantilePanicsOnBadInput(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		p float64
		x []float64
	}{{0.5, nil}, {-0.1, []float64{1}}, {1.5, []float64{1}}, {math.NaN(), []float64{1}}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Quantile(%v, %v) did not panic", tt.p, tt.x)
				}
			}()
			Quantile(tt.p, tt.x)
		}()
	}
}

func TestSummarizer(t *testing.T) {
	t.Parallel()
	var s Summarizer
	// Three replicates of two years; metric Convictions is 1, 2, 6 in
	// the first year (in that order of replicates), and 10, 10, 10.
	for _, v := range []float64{2, 6, 1} {
		var y0, y1 sim.Record
		y0[sim.Convictions], y1[sim.Convictions] = v, 10
		y0[sim.Backlog] = -v
		s.Add(2005, []sim.Record{y0, y1})
	}
	sum := s.Summary()
	if sum.FirstYear != 2005 || sum.Replicates != 3 || sum.Years() != 2 {
		t.Fatalf("summary of %d replicates from %d over %d years", sum.Replicates, sum.FirstYear, sum.Years())
	}
	c := sim.Convictions
	check := func(what string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-12 {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	check("mean 2005", sum.Mean[0][c], 3)
	check("lo 2005", sum.Lo[0][c], 1.1) // sorted 1, 2, 6: h = 0.1
	check("hi 2005", sum.Hi[0][c], 5.6) // h = 1.9
	check("lo 2006", sum.Lo[1][c], 10)  // a constant has a point interval
	check("lo backlog", sum.Lo[0][sim.Backlog], -5.6)
	years, mean, lo, hi := sum.Series(c)
	if years[1] != 2006 || mean[1] != 10 || lo[0] != sum.Lo[0][c] || hi[0] != sum.Hi[0][c] {
		t.Errorf("Series = %v %v %v %v", years, mean, lo, hi)
	}

	var empty Summarizer
	if e := empty.Summary(); e.Replicates != 0 || e.Years() != 0 {
		t.Errorf("empty summary: %+v", e)
	}
	defer func() {
		if recover() == nil {
			t.Error("adding a replicate of other years did not panic")
		}
	}()
	s.Add(2006, []sim.Record{{}, {}})
}
