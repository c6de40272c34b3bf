package gsa_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/krysha/krysha/sim/analysis/gsa"
)

// TestSobolReplicatesNoiseShare runs a noisy Ishigami function,
// y = f(x) + ε with ε ~ N(0, V(f)), R = 4 times at each point: half of a
// single run's variance is noise, and a fifth of the variance of the
// means, (V/R)/(V + V/R) = 0.2.
func TestSobolReplicatesNoiseShare(t *testing.T) {
	t.Parallel()
	const k, n, R = 4, 1024, 4
	const a, b = 7.0, 0.1
	pi4 := math.Pow(math.Pi, 4)
	v := 0.5*(1+b*pi4/5)*(1+b*pi4/5) + a*a/8 + b*b*pi4*pi4*(1.0/18-1.0/50)
	sd := math.Sqrt(v)

	x := saltelliRuns(t, k, n, 7)
	noise := rand.New(rand.NewPCG(3, 4))
	y := make([][]float64, len(x))
	for i, p := range x {
		f := ishigami(p)
		y[i] = make([]float64, R)
		for r := range y[i] {
			y[i][r] = f + sd*noise.NormFloat64()
		}
	}
	res, err := gsa.SobolReplicates(y, k, &gsa.BootstrapOptions{Resamples: 500, Src: rand.NewPCG(5, 6)})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("noise share %.4f %v (planted 0.5), of means %.4f (planted 0.2)", res.NoiseShare, res.NoiseShareConf, res.MeanNoiseShare)
	if !res.NoiseShareConf.Contains(0.5) || math.Abs(res.NoiseShare-0.5) > 0.03 {
		t.Errorf("noise share = %.4f %v, want 0.5", res.NoiseShare, res.NoiseShareConf)
	}
	// The mean noise share's error is about that of two variance
	// estimates of 6144 values, ~2% relative each.
	if math.Abs(res.MeanNoiseShare-0.2) > 0.02 {
		t.Errorf("mean noise share = %.4f, want 0.2", res.MeanNoiseShare)
	}
	// On the means, S_1 is the exact S_1 scaled by V/(V + V/R) = 0.8.
	s, _ := ishigamiIndices()
	if !res.SConf[0].Contains(0.8 * s[0]) {
		t.Errorf("S_1 of means = %.4f %v, want ≈ %.4f", res.S[0], res.SConf[0], 0.8*s[0])
	}
	if res.R != R || res.N != n {
		t.Errorf("R, N = %d, %d; want %d, %d", res.R, res.N, R, n)
	}
}

func TestSobolReplicatesDeterministicModel(t *testing.T) {
	t.Parallel()
	x := saltelliRuns(t, 4, 64, 1)
	y := make([][]float64, len(x))
	for i, p := range x {
		y[i] = []float64{ishigami(p), ishigami(p)}
	}
	res, err := gsa.SobolReplicates(y, 4, &gsa.BootstrapOptions{Resamples: 10})
	if err != nil {
		t.Fatal(err)
	}
	if res.NoiseShare != 0 || res.MeanNoiseShare != 0 {
		t.Errorf("noise shares = %g, %g; want 0 for identical replicates", res.NoiseShare, res.MeanNoiseShare)
	}
}

func TestSobolReplicatesRejectsRaggedReplicates(t *testing.T) {
	t.Parallel()
	y := [][]float64{{1, 2}, {1, 2}, {1}, {1, 2}, {1, 2}, {1, 2}}
	_, err := gsa.SobolReplicates(y, 1, nil)
	if want := "gsa: SobolReplicates: len(y[2]) = 1, want R = 2, as y[0]"; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}
