package experiment

import (
	"fmt"
	"math"
	"slices"

	"github.com/krysha/krysha/sim"
)

// The interval of a Summary holds the middle 90% of replicates: from the
// 5th to the 95th percentile.
const (
	LoP = 0.05
	HiP = 0.95
)

// Summary is, for each year and metric, the mean and the 90% interval of
// the yearly values across replicates. Year y is FirstYear+y; Mean[y][m]
// is the mean of metric m in that year, and Lo[y][m], Hi[y][m] the LoP-
// and HiP-quantiles (see Quantile).
type Summary struct {
	FirstYear  int
	Replicates int
	Mean       []sim.Record
	Lo, Hi     []sim.Record
}

// Years is the number of years summarised.
func (s *Summary) Years() int { return len(s.Mean) }

// Series returns metric m over the years, ready for a band chart.
func (s *Summary) Series(m sim.Metric) (years, mean, lo, hi []float64) {
	n := s.Years()
	years, mean = make([]float64, n), make([]float64, n)
	lo, hi = make([]float64, n), make([]float64, n)
	for y := range n {
		years[y] = float64(s.FirstYear + y)
		mean[y], lo[y], hi[y] = s.Mean[y][m], s.Lo[y][m], s.Hi[y][m]
	}
	return years, mean, lo, hi
}

// A Summarizer collects the yearly records of replicates, in the order
// they are added, and summarises them. The zero value is ready to use.
type Summarizer struct {
	firstYear int
	years     int
	recs      []sim.Record // replicate r, year y at r*years+y
}

// Add adds one replicate's yearly records, the first being of firstYear.
// Every replicate must cover the same years.
func (s *Summarizer) Add(firstYear int, yearly []sim.Record) {
	if len(s.recs) == 0 {
		s.firstYear, s.years = firstYear, len(yearly)
	} else if firstYear != s.firstYear || len(yearly) != s.years {
		panic(fmt.Sprintf("experiment: Summarizer.Add: years %d+%d after %d+%d",
			firstYear, len(yearly), s.firstYear, s.years))
	}
	s.recs = append(s.recs, yearly...)
}

// Summary returns the summary of the replicates added so far. Means are
// summed in the order replicates were added, so that the result is the
// same to the bit whenever the same runs are added in the same order.
func (s *Summarizer) Summary() *Summary {
	n := 0
	if s.years > 0 {
		n = len(s.recs) / s.years
	}
	out := &Summary{
		FirstYear:  s.firstYear,
		Replicates: n,
		Mean:       make([]sim.Record, s.years),
		Lo:         make([]sim.Record, s.years),
		Hi:         make([]sim.Record, s.years),
	}
	if n == 0 {
		return out
	}
	col := make([]float64, n)
	for y := range s.years {
		for m := range sim.NumMetrics {
			sum := 0.0
			for r := range n {
				col[r] = s.recs[r*s.years+y][m]
				sum += col[r]
			}
			slices.Sort(col)
			out.Mean[y][m] = sum / float64(n)
			out.Lo[y][m] = Quantile(LoP, col)
			out.Hi[y][m] = Quantile(HiP, col)
		}
	}
	return out
}

// Quantile returns the p-quantile of the sorted sample x by linear
// interpolation between order statistics: with h = (n-1)p,
//
//	Q(p) = x[⌊h⌋] + (h - ⌊h⌋) (x[⌊h⌋+1] - x[⌊h⌋])
//
// (0-based). This is definition 7 of Hyndman and Fan (1996), the default
// of R's quantile, NumPy's percentile and pandas, so that intervals match
// what users of Mesa and the EMA Workbench compute from the CSV files.
// Q(0) is the minimum and Q(1) the maximum. p must be in [0, 1] and x
// non-empty.
func Quantile(p float64, x []float64) float64 {
	if len(x) == 0 || !(p >= 0 && p <= 1) {
		panic(fmt.Sprintf("experiment: Quantile(%v) of %d values", p, len(x)))
	}
	h := float64(len(x)-1) * p
	j := int(math.Floor(h))
	if j >= len(x)-1 {
		return x[len(x)-1]
	}
	f := h - float64(j)
	if f == 0 {
		return x[j]
	}
	return x[j] + f*(x[j+1]-x[j])
}
