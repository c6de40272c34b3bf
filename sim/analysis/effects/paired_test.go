package effects

import (
	"errors"
	"math"
	"testing"
)

// Student's t quantiles. For ν = 1 and 2 they have closed forms,
// t(p, 1) = tan(π(p − 1/2)) and t(p, 2) = (2p − 1)/√(2p(1 − p)); t(0.975,
// 29) is R's qt(0.975, 29), which a numerical integration of the
// density confirms to 2e-13.
var (
	t975nu2  = 0.95 / math.Sqrt(2*0.975*0.025)
	t90nu1   = math.Tan(math.Pi * 0.4)
	t975nu29 = 2.045229642132703
)

func TestPaired(t *testing.T) {
	t.Parallel()
	inf, nan := math.Inf(1), math.NaN()
	tests := []struct {
		name      string
		arm, base []float64
		level     float64
		want      Effect
	}{
		{
			// d = (1, 2, 1): d̄ = 4/3, s_d² = (1/9 + 4/9 + 1/9)/2 = 1/3,
			// SE = √(1/9) = 1/3. s_b² = (4 + 0 + 4)/2 = 4; the arm's
			// deviations from 40/3 are (−7, 2, 5)/3, s_a² = 78/18 = 13/3.
			// Unpaired SE² = (4 + 13/3)/3 = 25/9, VRF = (25/9)/(1/9) = 25.
			name: "three pairs", arm: []float64{11, 14, 15}, base: []float64{10, 12, 14}, level: 0.95,
			want: Effect{N: 3, Baseline: 12, Arm: 40.0 / 3, Mean: 4.0 / 3, SD: math.Sqrt(1.0 / 3), SE: 1.0 / 3,
				Level: 0.95, Lo: 4.0/3 - t975nu2/3, Hi: 4.0/3 + t975nu2/3, Relative: (4.0 / 3) / 12,
				UnpairedSE: 5.0 / 3, VarianceReduction: 25},
		},
		{
			// The arm is the baseline: every difference is 0, and so are
			// the interval and the relative change; pairing removed all
			// the variance (VRF = ∞). s_a² = s_b² = 10/4 for (1, …, 5),
			// so the unpaired SE is √(5/5) = 1.
			name: "no effect", arm: []float64{1, 2, 3, 4, 5}, base: []float64{1, 2, 3, 4, 5}, level: 0.95,
			want: Effect{N: 5, Baseline: 3, Arm: 3, Level: 0.95, UnpairedSE: 1, VarianceReduction: inf},
		},
		{
			// A baseline mean of zero: no relative change. d = (1, −1),
			// d̄ = 0, s_d² = 2, SE = 1, so the interval is ±t(0.9, 1).
			// s_a² = 0.5, s_b² = 0.5: unpaired SE =
			// √(1/2), VRF = 1/2: anticorrelated arms lose by pairing.
			name: "zero baseline", arm: []float64{1, 0}, base: []float64{0, 1}, level: 0.8,
			want: Effect{N: 2, Baseline: 0.5, Arm: 0.5, SD: math.Sqrt2, SE: 1, Level: 0.8,
				Lo: -t90nu1, Hi: t90nu1, Relative: 0, UnpairedSE: math.Sqrt(0.5), VarianceReduction: 0.5},
		},
		{
			// A constant shift of 2 with no variance in either arm: SE
			// = 0 and nothing to reduce (VRF NaN); relative 2/0 is NaN.
			name: "constant arms", arm: []float64{2, 2, 2}, base: []float64{0, 0, 0}, level: 0.95,
			want: Effect{N: 3, Arm: 2, Mean: 2, Level: 0.95, Lo: 2, Hi: 2, Relative: nan, VarianceReduction: nan},
		},
	}
	for _, tt := range tests {
		got, err := Paired(tt.arm, tt.base, tt.level)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		check := func(what string, g, w float64) {
			// 1e-12 relative: the formulas are a few dozen floating-point
			// operations on small integers; 1e-9 for the interval, whose
			// t quantile gonum finds by inverting the incomplete beta
			// function to about 1e-11.
			tol := 1e-12
			if what == "Lo" || what == "Hi" {
				tol = 1e-9
			}
			if !(math.IsNaN(g) && math.IsNaN(w) || g == w || math.Abs(g-w) <= tol*math.Max(1, math.Abs(w))) {
				t.Errorf("%s: %s = %v, want %v", tt.name, what, g, w)
			}
		}
		w := tt.want
		if got.N != w.N {
			t.Errorf("%s: N = %d, want %d", tt.name, got.N, w.N)
		}
		check("Baseline", got.Baseline, w.Baseline)
		check("Arm", got.Arm, w.Arm)
		check("Mean", got.Mean, w.Mean)
		check("SD", got.SD, w.SD)
		check("SE", got.SE, w.SE)
		check("Level", got.Level, w.Level)
		check("Lo", got.Lo, w.Lo)
		check("Hi", got.Hi, w.Hi)
		check("Relative", got.Relative, w.Relative)
		check("UnpairedSE", got.UnpairedSE, w.UnpairedSE)
		check("VarianceReduction", got.VarianceReduction, w.VarianceReduction)
	}
}

// The interval of 30 pairs uses t(0.975, 29), not the normal 1.96.
func TestPairedThirtyPairs(t *testing.T) {
	t.Parallel()
	arm, base := make([]float64, 30), make([]float64, 30)
	for r := range arm {
		base[r] = float64(r)
		arm[r] = float64(r) + float64(r%2) // d alternates 0, 1
	}
	e, err := Paired(arm, base, DefaultLevel)
	if err != nil {
		t.Fatal(err)
	}
	// d̄ = 1/2, s_d² = 30 · 1/4 / 29, SE = √(s_d²/30) = √(1/116).
	se := math.Sqrt(1.0 / 116)
	if math.Abs(e.SE-se) > 1e-15 || math.Abs(e.Hi-(0.5+t975nu29*se)) > 1e-9 {
		t.Errorf("SE = %v, Hi = %v; want %v, %v", e.SE, e.Hi, se, 0.5+t975nu29*se)
	}
	if !e.ExcludesZero() {
		t.Errorf("interval [%v, %v] should exclude zero", e.Lo, e.Hi)
	}
}

// Adding a constant to both arms changes neither the effect nor its
// interval: the two-pass variance stays exact far from zero.
func TestPairedShiftInvariant(t *testing.T) {
	t.Parallel()
	arm, base := []float64{11, 14, 15}, []float64{10, 12, 14}
	e0, _ := Paired(arm, base, DefaultLevel)
	for r := range arm {
		arm[r] += 1e9
		base[r] += 1e9
	}
	e1, _ := Paired(arm, base, DefaultLevel)
	// 1e-6: a shift of 1e9 leaves about 7 significant digits of the
	// differences, which are exact here (integers below 2^53).
	if math.Abs(e1.Mean-e0.Mean) > 1e-6 || math.Abs(e1.SE-e0.SE) > 1e-6 || math.Abs(e1.VarianceReduction-e0.VarianceReduction) > 1e-6 {
		t.Errorf("shifted: %+v\nunshifted: %+v", e1, e0)
	}
}

func TestPairedErrors(t *testing.T) {
	t.Parallel()
	var le *LengthError
	var ve *ValueError
	if _, err := Paired([]float64{1, 2}, []float64{1}, DefaultLevel); !errors.As(err, &le) || le.Arm != 2 || le.Baseline != 1 {
		t.Errorf("lengths 2 and 1: %v", err)
	}
	if _, err := Paired([]float64{1}, []float64{1}, DefaultLevel); !errors.As(err, &le) {
		t.Errorf("one pair: %v", err)
	}
	if _, err := Paired([]float64{1, math.NaN()}, []float64{1, 2}, DefaultLevel); !errors.As(err, &ve) || ve.What != "arm[1]" {
		t.Errorf("NaN: %v", err)
	}
	if _, err := Paired([]float64{1, 2}, []float64{math.Inf(-1), 2}, DefaultLevel); !errors.As(err, &ve) || ve.What != "baseline[0]" {
		t.Errorf("-Inf: %v", err)
	}
	for _, lv := range []float64{0, 1, 95, math.NaN()} {
		if _, err := Paired([]float64{1, 2}, []float64{1, 2}, lv); !errors.As(err, &ve) || ve.What != "level" {
			t.Errorf("level %v: %v", lv, err)
		}
	}
}
