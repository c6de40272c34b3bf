package main

import (
	"fmt"
	"math"
	"path/filepath"

	"github.com/krysha/krysha/plots"
	"github.com/krysha/krysha/sim/analysis/gsa"
	"github.com/krysha/krysha/sim/experiment"
)

// drawCharts draws sensitivity.png from the window's results and, with
// byYear, sensitivity_years.png from the years', and returns the files.
// The results are in the order readSeries makes them: each outcome over
// the window, then each outcome's years.
func (s *sensitivity) drawCharts(results []sensResult) ([]string, error) {
	window, years := results[:experiment.NumOutcomes], results[experiment.NumOutcomes:]
	if err := s.saveBars(filepath.Join(s.dir, sensitivityPNG), window); err != nil {
		return nil, err
	}
	files := []string{sensitivityPNG}
	if !s.byYear {
		return files, nil
	}
	if err := s.saveLines(filepath.Join(s.dir, sensitivityYearsPNG), years); err != nil {
		return files, err
	}
	return append(files, sensitivityYearsPNG), nil
}

func (s *sensitivity) params() []string {
	out := make([]string, len(s.factors))
	for i, f := range s.factors {
		out[i] = f.Path
	}
	return out
}

// saveBars draws the ranked indices of each outcome over the window.
func (s *sensitivity) saveBars(path string, results []sensResult) error {
	p := s.plan
	b := &plots.IndexBars{Interval: "95% bootstrap interval"}
	if s.method == methodSobol {
		b.Title = fmt.Sprintf("%s: Sobol indices of the %d–%d mean, %d base rows × %d replicates",
			p.Source.Scenario.Name, p.Window.First, p.Window.Last, s.sample.Spec().N, p.Replicates)
		b.XLabel = "share of the variance of the replicate mean"
		b.Indices = []string{"ST (total)", "S1 (first order)"}
	} else {
		b.Title = fmt.Sprintf("%s: Morris elementary effects on the %d–%d mean, %d trajectories × %d replicates",
			p.Source.Scenario.Name, p.Window.First, p.Window.Last, s.sample.Spec().N, p.Replicates)
		b.XLabel = "change of the outcome over the parameter's range"
		b.Indices = []string{"μ* (influence)", "σ (interaction, non-linearity)"}
		b.FloorLabel = "noise floor of μ*"
	}
	for _, r := range results {
		pn := plots.IndexPanel{Title: r.outcome.Name(), Params: s.params()}
		if m := r.morris; m != nil {
			pn.Value = [][]float64{m.MuStar, m.Sigma}
			if m.MuStarConf != nil {
				lo1, hi1 := splitConf(m.MuStarConf)
				lo2, hi2 := splitConf(m.SigmaConf)
				pn.Lo, pn.Hi = [][]float64{lo1, lo2}, [][]float64{hi1, hi2}
			}
			pn.Floor = m.NoiseMuStar
		} else {
			x := r.sobol
			pn.Value = [][]float64{x.ST, x.S}
			if x.STConf != nil {
				lo1, hi1 := splitConf(x.STConf)
				lo2, hi2 := splitConf(x.SConf)
				pn.Lo, pn.Hi = [][]float64{lo1, lo2}, [][]float64{hi1, hi2}
			}
			if !math.IsNaN(x.NoiseShare) {
				pn.Title += fmt.Sprintf("\nnoise: %.0f%% of a run's variance, %.0f%% of the mean's",
					100*x.NoiseShare, 100*x.MeanNoiseShare)
			}
		}
		b.Panels = append(b.Panels, pn)
	}
	fig, err := b.Figure()
	if err != nil {
		return fmt.Errorf("drawing %s: %w", path, err)
	}
	return plots.SaveFigure(fig, path, 24*plotsCm, b.Height())
}

// plotsCm is a centimetre in the plots' units.
const plotsCm = plots.DefaultWidth / 20

// split returns the lower and upper bounds of the intervals.
func splitConf(c []gsa.Interval) (lo, hi []float64) {
	lo, hi = make([]float64, len(c)), make([]float64, len(c))
	for i, x := range c {
		lo[i], hi[i] = x.Lo, x.Hi
	}
	return lo, hi
}

// saveLines draws each outcome's indices over the years: ST with the
// noise share (Sobol), or μ* with the mean noise floor (Morris).
func (s *sensitivity) saveLines(path string, results []sensResult) error {
	p := s.plan
	l := &plots.IndexLines{Params: s.params()}
	if s.method == methodSobol {
		l.Title = fmt.Sprintf("%s: total Sobol index ST of each year's outcome (top %d parameters a panel)",
			p.Source.Scenario.Name, plots.DefaultTopLines)
		l.YLabel = "ST"
		l.RefLabel = "noise in the replicate mean (raises every ST by up to this)"
	} else {
		l.Title = fmt.Sprintf("%s: Morris μ* of each year's outcome (top %d parameters a panel)",
			p.Source.Scenario.Name, plots.DefaultTopLines)
		l.YLabel = "μ*"
		l.RefLabel = "noise floor of μ* (mean over the parameters)"
	}
	k := len(s.factors)
	for o := range experiment.NumOutcomes {
		pn := plots.IndexLinesPanel{Title: o.Name(), Value: make([][]float64, k)}
		hasRef := false
		for _, r := range results {
			if r.outcome != o {
				continue
			}
			pn.Years = append(pn.Years, float64(r.first))
			ref := math.NaN()
			for i := range k {
				if m := r.morris; m != nil {
					pn.Value[i] = append(pn.Value[i], m.MuStar[i])
					if m.NoiseMuStar != nil {
						hasRef = true
						ref = meanOf(m.NoiseMuStar)
					}
				} else {
					pn.Value[i] = append(pn.Value[i], r.sobol.ST[i])
					if !math.IsNaN(r.sobol.MeanNoiseShare) {
						hasRef = true
					}
					ref = r.sobol.MeanNoiseShare
				}
			}
			pn.Ref = append(pn.Ref, ref)
		}
		if !hasRef {
			pn.Ref = nil
		}
		l.Panels = append(l.Panels, pn)
	}
	fig, err := l.Figure()
	if err != nil {
		return fmt.Errorf("drawing %s: %w", path, err)
	}
	return plots.SaveFigure(fig, path, 24*plotsCm, l.Height())
}

func meanOf(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}
