package main

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/krysha/krysha/internal/fsx"
	"github.com/krysha/krysha/sim/analysis/gsa"
	"github.com/krysha/krysha/sim/experiment"
)

// The columns of sensitivity.csv, after outcome,first_year,last_year,
// parameter, by method. The names follow SALib's (mu, mu_star, sigma;
// S1, ST) so that scripts written for it read the file with few changes;
// intervals are bounds (_lo, _hi), not SALib's half-widths.
var (
	morrisColumns = []string{"mu", "mu_star", "mu_star_lo", "mu_star_hi", "sigma", "sigma_lo", "sigma_hi",
		"noise_mu_star", "noise_mu_star_lo", "noise_mu_star_hi", "trajectories", "replicates"}
	sobolColumns = []string{"S1", "S1_lo", "S1_hi", "ST", "ST_lo", "ST_hi",
		"noise_share", "noise_share_lo", "noise_share_hi", "mean_noise_share", "variance", "base_rows", "replicates"}
)

// writeCSV writes sensitivity.csv: one row per outcome, span of years
// and parameter, outcomes in their order, the window's span first, then
// the years, parameters in the order of -vary. Numbers are in the
// shortest form that reads back exactly; NaN where an index is not
// defined (an outcome without variance) or the noise is unknown (one
// replicate).
func (s *sensitivity) writeCSV(path string, results []sensResult) error {
	cols := morrisColumns
	if s.method == methodSobol {
		cols = sobolColumns
	}
	var b []byte
	b = append(b, "outcome,first_year,last_year,parameter,"...)
	b = append(b, strings.Join(cols, ",")...)
	b = append(b, '\n')
	num := func(v float64) { b = experiment.AppendFloat(append(b, ','), v) }
	whole := func(v int) { b = strconv.AppendInt(append(b, ','), int64(v), 10) }
	for _, r := range results {
		for i, f := range s.factors {
			b = fmt.Appendf(b, "%s,%d,%d,%s", r.outcome.Name(), r.first, r.last, f.Path)
			if m := r.morris; m != nil {
				num(m.Mu[i])
				num(m.MuStar[i])
				lo, hi := confBounds(m.MuStarConf, i)
				num(lo)
				num(hi)
				num(m.Sigma[i])
				lo, hi = confBounds(m.SigmaConf, i)
				num(lo)
				num(hi)
				num(valueAt(m.NoiseMuStar, i))
				lo, hi = confBounds(m.NoiseMuStarConf, i)
				num(lo)
				num(hi)
				whole(m.MorrisResult.R)
				whole(m.R)
			} else {
				x := r.sobol
				num(x.S[i])
				lo, hi := confBounds(x.SConf, i)
				num(lo)
				num(hi)
				num(x.ST[i])
				lo, hi = confBounds(x.STConf, i)
				num(lo)
				num(hi)
				num(x.NoiseShare)
				num(x.NoiseShareConf.Lo)
				num(x.NoiseShareConf.Hi)
				num(x.MeanNoiseShare)
				num(x.Variance)
				whole(x.N)
				whole(x.R)
			}
			b = append(b, '\n')
		}
	}
	return fsx.WriteFile(path, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// bounds returns interval i, or NaNs without a bootstrap.
func confBounds(c []gsa.Interval, i int) (lo, hi float64) {
	if c == nil {
		return math.NaN(), math.NaN()
	}
	return c[i].Lo, c[i].Hi
}

// at returns v[i], or NaN if v is nil.
func valueAt(v []float64, i int) float64 {
	if v == nil {
		return math.NaN()
	}
	return v[i]
}

// ranking returns the parameters by decreasing ST (Sobol) or μ*
// (Morris), undefined last, ties in the order of -vary.
func (r *sensResult) ranking() []int {
	key := func(i int) float64 {
		if r.morris != nil {
			return r.morris.MuStar[i]
		}
		return r.sobol.ST[i]
	}
	k := 0
	if r.morris != nil {
		k = r.morris.K
	} else {
		k = r.sobol.K
	}
	idx := make([]int, k)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		va, vb := key(a), key(b)
		// Descending; cmp.Compare orders NaN first, so NaN comes last.
		return cmp.Compare(vb, va)
	})
	return idx
}

// printTable prints, for each outcome over the window, the parameters
// ranked by ST or μ*, with intervals and the noise.
func (s *sensitivity) printTable(w io.Writer, results []sensResult) error {
	p := s.plan
	size := fmt.Sprintf("%d trajectories", s.sample.Spec().N)
	if s.method == methodSobol {
		size = fmt.Sprintf("%d base rows", s.sample.Spec().N)
	}
	fmt.Fprintf(w, "%s sensitivity of %s: %s × %d replicates = %d runs; outcomes are means a year over %d-%d; [95%% bootstrap interval]\n",
		s.method, p.Source.Scenario.Name, size, p.Replicates, p.Runs(), p.Window.First, p.Window.Last)
	for _, r := range results {
		if r.first != p.Window.First || r.last != p.Window.Last {
			continue
		}
		fmt.Fprintf(w, "\n%s (%s)%s\n", r.outcome.Name(), r.outcome.Doc(), noiseNote(&r))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		if r.morris != nil {
			fmt.Fprintln(tw, "  parameter\tmu*\t\tsigma\t\tmu\tnoise floor of mu*\t")
		} else {
			fmt.Fprintln(tw, "  parameter\tST\t\tS1\t")
		}
		for _, i := range r.ranking() {
			if m := r.morris; m != nil {
				fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", s.factors[i].Path,
					sensG3(m.MuStar[i]), sensInterval(m.MuStarConf, i, sensG3), sensG3(m.Sigma[i]), sensInterval(m.SigmaConf, i, sensG3),
					sensG3(m.Mu[i]), sensG3(valueAt(m.NoiseMuStar, i)), sensInterval(m.NoiseMuStarConf, i, sensG3))
			} else {
				x := r.sobol
				fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", s.factors[i].Path,
					sensF2(x.ST[i]), sensInterval(x.STConf, i, sensF2), sensF2(x.S[i]), sensInterval(x.SConf, i, sensF2))
			}
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// noiseNote says how much of the outcome is replicate noise.
func noiseNote(r *sensResult) string {
	if x := r.sobol; x != nil && !math.IsNaN(x.NoiseShare) {
		return fmt.Sprintf(": replicate noise is %.0f%% [%.0f%%, %.0f%%] of a run's variance, %.0f%% of the replicate mean's",
			100*x.NoiseShare, 100*x.NoiseShareConf.Lo, 100*x.NoiseShareConf.Hi, 100*x.MeanNoiseShare)
	}
	if m := r.morris; m != nil && m.NoiseMuStar == nil {
		return ": one replicate a point, noise unknown"
	}
	return ""
}

// sensG3 writes v in three significant digits; sensF2 with two decimals.
func sensG3(v float64) string { return strconv.FormatFloat(v, 'g', 3, 64) }
func sensF2(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

// interval writes interval i as [lo, hi], each number by format.
func sensInterval(c []gsa.Interval, i int, format func(float64) string) string {
	if c == nil {
		return ""
	}
	return fmt.Sprintf("[%s, %s]", format(c[i].Lo), format(c[i].Hi))
}
