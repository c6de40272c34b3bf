package gsa

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
)

// DefaultResamples is the number of bootstrap resamples when the options
// leave it zero: enough that the 2.5% and 97.5% percentiles rest on 25
// resamples each (Efron and Tibshirani, 1993, §13.3, ask for 1000 for
// percentile intervals).
const DefaultResamples = 1000

// BootstrapOptions set how an analysis computes its confidence intervals.
// Nil means defaults.
type BootstrapOptions struct {
	// Resamples is the number of bootstrap resamples B. Zero means
	// DefaultResamples; negative means no intervals.
	Resamples int
	// Level is the intervals' confidence level, in (0, 1); zero means
	// 0.95.
	Level float64
	// Src is the source of the resampling. Nil means a fixed source, so
	// that an analysis repeated gives the same intervals.
	Src rand.Source
}

func (o *BootstrapOptions) resamples() int {
	switch {
	case o == nil || o.Resamples == 0:
		return DefaultResamples
	case o.Resamples < 0:
		return 0
	}
	return o.Resamples
}

func (o *BootstrapOptions) level() float64 {
	if o == nil || o.Level == 0 {
		return 0.95
	}
	return o.Level
}

func (o *BootstrapOptions) src() rand.Source {
	if o == nil || o.Src == nil {
		return defaultSource()
	}
	return o.Src
}

func (o *BootstrapOptions) check(fn string) error {
	if l := o.level(); !(l > 0 && l < 1) {
		return &ValueError{Func: fn, What: "Level", Value: l, Want: "in (0, 1)"}
	}
	return nil
}

// defaultSource is the source used when none is given.
func defaultSource() rand.Source { return rand.NewPCG(0x6b72797368610000, 0x677361) } // "krysha", "gsa"

// An Interval is a confidence interval [Lo, Hi].
type Interval struct {
	Lo, Hi float64
}

// Contains reports whether v lies in the interval.
func (c Interval) Contains(v float64) bool { return c.Lo <= v && v <= c.Hi }

// Width returns Hi − Lo.
func (c Interval) Width() float64 { return c.Hi - c.Lo }

// resample fills rows with n draws, with replacement, from 0..n−1.
func resample(src rand.Source, rows []int) {
	for j := range rows {
		rows[j] = intn(src, len(rows))
	}
}

// intn returns a uniform integer in [0, n) by Lemire's (2019) method. It
// is written here, not taken from rand.Rand, so that the intervals depend
// only on the source's output and not on the Go release.
func intn(src rand.Source, n int) int {
	hi, lo := bits.Mul64(src.Uint64(), uint64(n))
	if lo < uint64(n) {
		thresh := -uint64(n) % uint64(n)
		for lo < thresh {
			hi, lo = bits.Mul64(src.Uint64(), uint64(n))
		}
	}
	return int(hi)
}

// percentile returns the bootstrap percentile interval of the resampled
// statistics t (reordered in place) at confidence level: the (1−level)/2
// and (1+level)/2 quantiles, by linear interpolation between order
// statistics (Hyndman and Fan's type 7, R's default). Non-finite values,
// from resamples that happened to have no variance, are dropped.
func percentile(t []float64, level float64) Interval {
	t = slices.DeleteFunc(t, func(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) })
	if len(t) == 0 {
		return Interval{math.NaN(), math.NaN()}
	}
	slices.Sort(t)
	return Interval{quantile7(t, (1-level)/2), quantile7(t, (1+level)/2)}
}

// quantile7 returns the p-quantile of sorted x, type 7.
func quantile7(x []float64, p float64) float64 {
	h := p * float64(len(x)-1)
	j := int(h)
	if j >= len(x)-1 {
		return x[len(x)-1]
	}
	return x[j] + (h-float64(j))*(x[j+1]-x[j])
}
