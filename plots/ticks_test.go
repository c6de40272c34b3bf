package plots

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot"
)

// labelled returns the labels of the major ticks, in order.
func labelled(ticks []plot.Tick) []string {
	var out []string
	for _, t := range ticks {
		if !t.IsMinor() {
			out = append(out, t.Label)
		}
	}
	return out
}

func TestIntegerTicks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		min, max float64
		want     string // major labels
		minor    float64
	}{
		{1995, 2015, "1995 2000 2005 2010 2015", 1},
		{1996, 2015, "2000 2005 2010 2015", 1},
		{2004, 2006, "2004 2005 2006", 0},
		{2010, 2013, "2010 2011 2012 2013", 0},
		{2000, 2012, "2000 2002 2004 2006 2008 2010 2012", 1},
		{1960, 2015, "1960 1970 1980 1990 2000 2010", 2},
		{1815, 2015, "1850 1900 1950 2000", 10},
		{-1, 1, "-1 0 1", 0},
		{0, 4e12, "0 1e+12 2e+12 3e+12 4e+12", 2e11},
		{0, 1, "0 1", 0},
	}
	for _, tt := range tests {
		ticks := integerTicks{}.Ticks(tt.min, tt.max)
		if got := strings.Join(labelled(ticks), " "); got != tt.want {
			t.Errorf("[%v, %v]: labels %q, want %q", tt.min, tt.max, got, tt.want)
		}
		var minors []float64
		for _, tk := range ticks {
			if tk.Value < tt.min || tk.Value > tt.max {
				t.Errorf("[%v, %v]: tick %v out of range", tt.min, tt.max, tk.Value)
			}
			if tk.IsMinor() {
				minors = append(minors, tk.Value)
			}
			if tk.Value != math.Round(tk.Value) {
				t.Errorf("[%v, %v]: tick at %v is not a whole number", tt.min, tt.max, tk.Value)
			}
		}
		if tt.minor == 0 && len(minors) > 0 {
			t.Errorf("[%v, %v]: minor ticks %v, want none", tt.min, tt.max, minors)
		}
		if tt.minor != 0 {
			for _, v := range minors {
				if math.Mod(v, tt.minor) != 0 {
					t.Errorf("[%v, %v]: minor tick %v not a multiple of %v", tt.min, tt.max, v, tt.minor)
				}
			}
		}
	}
}

func TestLinearTicks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		min, max, step float64
		want           string
	}{
		{0, 200, 50, "0 50 100 150 200"},
		{0, 1, 0.25, "0.00 0.25 0.50 0.75 1.00"},
		{-25, 125, 25, "-25 0 25 50 75 100 125"},
		{0, 40000, 10000, "0 10,000 20,000 30,000 40,000"},
		{-2e6, 4e6, 1e6, "-2,000,000 -1,000,000 0 1,000,000 2,000,000 3,000,000 4,000,000"},
		{0, 3e-4, 5e-5, "0.00000 0.00005 0.00010 0.00015 0.00020 0.00025 0.00030"},
		{0, 3e9, 5e8, "0 5e+08 1e+09 1.5e+09 2e+09 2.5e+09 3e+09"},
		{-1e300, 1e300, 5e299, "-1e+300 -5e+299 0 5e+299 1e+300"},
		{1e-7, 2e-7, 2.5e-8, "1e-07 1.25e-07 1.5e-07 1.75e-07 2e-07"},
		{0, 200, 0, "0 50 100 150 200"},      // step chosen
		{0, 2000, 1, "0 500 1000 1500 2000"}, // step too small for the range
	}
	for _, tt := range tests {
		got := strings.Join(labelled(linearTicks{step: tt.step}.Ticks(tt.min, tt.max)), " ")
		if got != tt.want {
			t.Errorf("linearTicks{%v}.Ticks(%v, %v): %q, want %q", tt.step, tt.min, tt.max, got, tt.want)
		}
	}
}

// TestRoundRange checks that the widened range starts and ends on ticks
// and that the ticker, given it, keeps the same step.
func TestRoundRange(t *testing.T) {
	t.Parallel()
	for _, r := range [][2]float64{
		{0, 1}, {0, 59}, {0, 61}, {5, 64}, {0.3, 0.71}, {-7.1, -6.9}, {0, 143.7}, {-1e6, 4e6}, {1995, 2015},
	} {
		lo, hi, step := roundRange(r[0], r[1])
		name := fmt.Sprintf("roundRange(%v, %v) = %v, %v, %v", r[0], r[1], lo, hi, step)
		if lo > r[0] || hi < r[1] {
			t.Errorf("%s: does not cover the data", name)
		}
		if n := (hi - lo) / step; n > maxIntervals+1e-9 || n < 1-1e-9 {
			t.Errorf("%s: %v intervals", name, n)
		}
		ticks := linearTicks{step: step}.Ticks(lo, hi)
		if len(ticks) < 2 || math.Abs(ticks[0].Value-lo) > 1e-9*step || math.Abs(ticks[len(ticks)-1].Value-hi) > 1e-9*step {
			t.Errorf("%s: ticks %v do not span the range", name, labelled(ticks))
		}
	}
}

func TestFormatNumber(t *testing.T) {
	t.Parallel()
	tests := []struct {
		v     float64
		dec   int
		group bool
		want  string
	}{
		{2005, 0, false, "2005"},
		{math.Copysign(0, -1), 0, false, "0"},
		{-0.0001, 2, false, "0.00"},
		{12000, 0, true, "12,000"},
		{-1234567, 0, true, "-1,234,567"},
		{999, 0, true, "999"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.v, tt.dec, tt.group); got != tt.want {
			t.Errorf("formatNumber(%v, %d, %v) = %q, want %q", tt.v, tt.dec, tt.group, got, tt.want)
		}
	}
}
