package plots

import (
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
)

// maxIntervals is the most intervals between labelled ticks on an axis.
// Six keeps labels like "2005" or "12,000" well apart down to a chart
// about 8 cm wide.
const maxIntervals = 6

// Round steps are these mantissas times a power of ten. Whole-number
// axes (years) skip 2.5, which would put labels on half-years.
var (
	roundMantissas   = []float64{1, 2, 2.5, 5}
	integerMantissas = []float64{1, 2, 5}
)

// roundStep returns the smallest step m·10^k, m in mantissas, that cuts
// span into at most maxIntervals intervals. It returns 1 for a span that
// is not a positive finite number.
func roundStep(span float64, mantissas []float64) float64 {
	if !(span > 0) || math.IsInf(span, 0) {
		return 1
	}
	e := math.Floor(math.Log10(span / maxIntervals))
	if math.IsInf(e, 0) { // span/maxIntervals underflowed
		return span
	}
	for ; ; e++ {
		p := math.Pow(10, e)
		for _, m := range mantissas {
			if s := m * p; span/s <= maxIntervals*(1+1e-9) {
				return s
			}
		}
	}
}

// roundRange widens [lo, hi] (lo < hi) to multiples of a round step and
// returns the step, so that the axis starts and ends on labelled ticks.
func roundRange(lo, hi float64) (rlo, rhi, step float64) {
	for step = roundStep(hi-lo, roundMantissas); ; step = roundStep(step*maxIntervals*(1+1e-6), roundMantissas) {
		// The 1e-9 keeps 0.3/0.1 = 2.9999999999999996 from rounding
		// down; Min and Max keep 3*0.1 = 0.30000000000000004 from
		// leaving out the data at 0.3.
		rlo = math.Min(lo, math.Floor(lo/step+1e-9)*step)
		rhi = math.Max(hi, math.Ceil(hi/step-1e-9)*step)
		if (rhi-rlo)/step <= maxIntervals*(1+1e-9) {
			return rlo, rhi, step
		}
	}
}

// linearTicks is a plot.Ticker for a linear axis: labelled ticks at a
// round step, with as many decimals as the step needs and thousands
// separated by commas once labels reach 10,000. If step is zero or would
// give too many ticks for the range, a round step is chosen for it.
type linearTicks struct{ step float64 }

// Ticks implements plot.Ticker.
func (t linearTicks) Ticks(min, max float64) []plot.Tick {
	step := t.step
	if !(step > 0) || (max-min)/step > 2*maxIntervals {
		step = roundStep(max-min, roundMantissas)
	}
	format := tickFormat(min, max, step, true)
	var ticks []plot.Tick
	for k := math.Ceil(min/step - 1e-9); k <= math.Floor(max/step+1e-9); k++ {
		v := k * step
		ticks = append(ticks, plot.Tick{Value: v, Label: format(v)})
	}
	return ticks
}

// tickFormat returns the formatter of tick labels step apart on [lo,
// hi]: as many decimals as the step needs, thousands separated by
// commas once labels reach 10,000 if group is set, and the exponent
// notation of "3e+09" for magnitudes a fixed notation would spell out
// in a dozen or more digits.
func tickFormat(lo, hi, step float64, group bool) func(float64) string {
	top := math.Max(math.Abs(lo), math.Abs(hi))
	if top >= 1e9 || step < 1e-6 {
		// Significant digits: from the largest label down to the step,
		// plus one for steps of 2.5.
		prec := int(math.Floor(math.Log10(top))-math.Floor(math.Log10(step))) + 2
		prec = max(1, min(prec, 15))
		return func(v float64) string {
			if v == 0 {
				v = 0 // no "-0"
			}
			return strconv.FormatFloat(v, 'g', prec, 64)
		}
	}
	decimals := 0
	for !isWhole(step * math.Pow10(decimals)) {
		decimals++
	}
	group = group && decimals == 0 && top >= 1e4
	return func(v float64) string { return formatNumber(v, decimals, group) }
}

// integerTicks is a plot.Ticker for whole-number axes such as years:
// labels like "2005", never "2,005.0", at a step of 1, 2, 5, 10, 20…
// (every 5 years for a span of 20), with unlabelled minor ticks on whole
// numbers in between.
type integerTicks struct{}

// Ticks implements plot.Ticker.
func (integerTicks) Ticks(min, max float64) []plot.Tick {
	step := math.Max(1, roundStep(max-min, integerMantissas))
	minor := minorStep(step)
	if (max-min)/minor > 200 { // a comb, not a scale
		minor = step
	}
	format := tickFormat(min, max, step, false)
	var ticks []plot.Tick
	for k := math.Ceil(min/minor - 1e-9); k <= math.Floor(max/minor+1e-9); k++ {
		v := k * minor
		var label string
		if isWhole(v / step) {
			label = format(v)
		}
		ticks = append(ticks, plot.Tick{Value: v, Label: label})
	}
	return ticks
}

// minorStep returns the whole-number spacing of minor ticks between
// major ticks step apart (1, 2, 5 or 10·10^k): a fifth of 5 or 10, a
// quarter of 20, a half of 2; the step itself when no whole division
// fits.
func minorStep(step float64) float64 {
	m := step / math.Pow(10, math.Floor(math.Log10(step)+1e-9))
	var div []float64
	switch {
	case math.Abs(m-2) < 1e-9:
		div = []float64{4, 2}
	default:
		div = []float64{5}
	}
	for _, d := range div {
		if s := step / d; s >= 1 && isWhole(s) {
			return s
		}
	}
	return step
}

// isWhole reports whether v is a whole number to within rounding error.
func isWhole(v float64) bool {
	return math.Abs(v-math.Round(v)) <= 1e-9*math.Max(1, math.Abs(v))
}

// formatNumber formats v with the given number of decimals, grouping
// thousands with commas if group is set.
func formatNumber(v float64, decimals int, group bool) string {
	if v == 0 {
		v = 0 // no "-0"
	}
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if s == "-0" || strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-")
	}
	if !group {
		return s
	}
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return sign + b.String()
}
