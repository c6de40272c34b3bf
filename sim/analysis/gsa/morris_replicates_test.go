package gsa_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/krysha/krysha/sim/analysis/gsa"
)

// noisyMorris runs y = 5·x1 + ε on r trajectories over two inputs (x2
// inert), R replicates a point; shared is the part of ε's variance that
// replicate r has at every point (common random numbers), the rest
// being drawn afresh at each point.
func noisyMorris(t *testing.T, r, R int, shared float64) ([][]float64, [][]float64) {
	t.Helper()
	x, err := gsa.MorrisTrajectories(2, r, 4, rand.NewPCG(1, 2))
	if err != nil {
		t.Fatal(err)
	}
	src := rand.New(rand.NewPCG(3, 4))
	common := make([]float64, R)
	for i := range common {
		common[i] = src.NormFloat64()
	}
	y := make([][]float64, len(x))
	for p, pt := range x {
		y[p] = make([]float64, R)
		for rep := range y[p] {
			e := math.Sqrt(shared)*common[rep] + math.Sqrt(1-shared)*src.NormFloat64()
			y[p][rep] = 5*pt[0] + e
		}
	}
	return x, y
}

// With independent noise of variance 1 and R = 4, an effect of a step of
// Δ = 2/3 has noise variance 2/(RΔ²) = 1.125, so μ* of the inert x2 and
// its floor are both √(2/π)·√1.125 ≈ 0.846.
func TestMorrisReplicatesNoiseFloor(t *testing.T) {
	t.Parallel()
	const r, R = 400, 4
	x, y := noisyMorris(t, r, R, 0)
	m, err := gsa.MorrisReplicates(x, y, &gsa.BootstrapOptions{Resamples: 200})
	if err != nil {
		t.Fatal(err)
	}
	want := math.Sqrt(2 / math.Pi * 2 / R / (4.0 / 9))
	// Each floor averages 400 standard deviations of 4 differences, each
	// with a relative error of √(1/c4² − 1) ≈ 0.42 (c4(4) = 0.9213): the
	// mean's is 0.42/20 ≈ 2%; 6% is three of those.
	for i := range 2 {
		if math.Abs(m.NoiseMuStar[i]-want)/want > 0.06 {
			t.Errorf("noise floor of x%d = %.3f, want %.3f", i+1, m.NoiseMuStar[i], want)
		}
	}
	// μ* of x2 is the mean of 400 |N(0, 1.125)|, relative error
	// √(1 − 2/π)/√(2/π)/20 ≈ 4%; 12% is three of those.
	if math.Abs(m.MuStar[1]-want)/want > 0.12 {
		t.Errorf("μ* of the inert x2 = %.3f, want its noise floor %.3f", m.MuStar[1], want)
	}
	if !m.NoiseMuStarConf[1].Contains(want) || m.NoiseMuStarConf[1].Width() > 0.15*want {
		t.Errorf("noise floor interval of x2 %v: want a narrow one around %.3f", m.NoiseMuStarConf[1], want)
	}
	if !(m.MuStarConf[0].Lo > m.NoiseMuStar[0]) || math.Abs(m.MuStar[0]-5) > 0.2 {
		t.Errorf("μ* of x1 = %.3f %v, want 5, clear of the floor %.3f", m.MuStar[0], m.MuStarConf[0], m.NoiseMuStar[0])
	}
	// x1's effects are 5 plus that noise: σ = √1.125 ≈ 1.06.
	if sd := math.Sqrt(1.125); !m.SigmaConf[0].Contains(sd) {
		t.Errorf("σ of x1 = %.3f %v, want %.3f", m.Sigma[0], m.SigmaConf[0], sd)
	}
	if m.R != R || m.MorrisResult.R != r || len(m.SigmaConf) != 2 {
		t.Errorf("R = %d, trajectories = %d, %d σ intervals", m.R, m.MorrisResult.R, len(m.SigmaConf))
	}
}

// Noise that every point shares (the same stream gives the same luck
// everywhere) cancels in the differences: the floor is zero.
func TestMorrisReplicatesCommonNoiseCancels(t *testing.T) {
	t.Parallel()
	x, y := noisyMorris(t, 20, 3, 1)
	m, err := gsa.MorrisReplicates(x, y, &gsa.BootstrapOptions{Resamples: -1})
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range m.NoiseMuStar {
		if f > 1e-9 {
			t.Errorf("noise floor of x%d = %g, want 0 when all noise is common", i+1, f)
		}
	}
}

func TestMorrisReplicatesShapes(t *testing.T) {
	t.Parallel()
	x, _ := gsa.MorrisTrajectories(2, 2, 4, nil)
	one := make([][]float64, len(x))
	for i := range one {
		one[i] = []float64{1}
	}
	ragged := make([][]float64, len(x))
	for i := range ragged {
		ragged[i] = []float64{1, 2}
	}
	ragged[4] = []float64{1}
	tests := []struct {
		y    [][]float64
		want string
	}{
		{one, "gsa: MorrisReplicates: len(y[0]) = 1, want R ≥ 2 replicates"},
		{ragged, "gsa: MorrisReplicates: len(y[4]) = 1, want R = 2, as y[0]"},
		{ragged[:3], "gsa: MorrisReplicates: len(y) = 3, want len(x)"},
	}
	for _, tt := range tests {
		if _, err := gsa.MorrisReplicates(x, tt.y, nil); err == nil || err.Error() != tt.want {
			t.Errorf("error = %v, want %q", err, tt.want)
		}
	}
}

// Noise that differs over the input space: standard deviation 0.1 where
// x1 < 0.5 and 3 elsewhere. The floor averages the steps' noise, as μ*
// averages the steps' |effects|, so the inert x2's μ* meets its floor;
// pooling the variances would put the floor 37% higher,
// √((0.01 + 9)/2) against (0.1 + 3)/2.
func TestMorrisReplicatesHeteroscedastic(t *testing.T) {
	t.Parallel()
	const r, R = 400, 4
	x, err := gsa.MorrisTrajectories(2, r, 4, rand.NewPCG(5, 6))
	if err != nil {
		t.Fatal(err)
	}
	src := rand.New(rand.NewPCG(7, 8))
	y := make([][]float64, len(x))
	for p, pt := range x {
		sd := 0.1
		if pt[0] >= 0.5 {
			sd = 3
		}
		y[p] = make([]float64, R)
		for rep := range y[p] {
			y[p][rep] = 5*pt[0] + sd*src.NormFloat64()
		}
	}
	m, err := gsa.MorrisReplicates(x, y, &gsa.BootstrapOptions{Resamples: -1})
	if err != nil {
		t.Fatal(err)
	}
	// μ* of x2 averages 400 |effects| whose spread is about their mean:
	// a relative error near 1/20 = 5%; the floor's is smaller. 15% is
	// three of those.
	if rel := math.Abs(m.MuStar[1]-m.NoiseMuStar[1]) / m.NoiseMuStar[1]; rel > 0.15 {
		t.Errorf("μ* of the inert x2 = %.3f, its noise floor %.3f: %.0f%% apart", m.MuStar[1], m.NoiseMuStar[1], 100*rel)
	}
}
