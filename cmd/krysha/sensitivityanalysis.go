package main

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/krysha/krysha/sim"
	"github.com/krysha/krysha/sim/analysis/gsa"
	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/experiment/design"
)

// The files of the analysis, beside the study's.
const (
	sensitivityCSV      = "sensitivity.csv"
	sensitivityPNG      = "sensitivity.png"
	sensitivityYearsPNG = "sensitivity_years.png"
)

// A sensSpan is what one analysis is of: an outcome averaged over the
// years First to Last (the window, or one year).
type sensSpan struct {
	outcome     experiment.Outcome
	first, last int
}

// A sensSeries is a span's value in every run, in run order.
type sensSeries struct {
	sensSpan
	y []float64
}

// A sensResult is the analysis of one span. Exactly one of morris and
// sobol is set, as the method says. With one replicate a point, the
// noise is unknown: NoiseMuStar is nil, the noise shares NaN.
type sensResult struct {
	sensSpan
	morris *gsa.MorrisReplicateResult
	sobol  *gsa.ReplicateResult
}

// analyse reads the finished runs back, estimates the indices of every
// outcome (over the window and, with byYear, in each year), writes
// sensitivity.csv and the charts, prints the ranked table and returns
// the files written.
func (s *sensitivity) analyse(e *env, workers int) ([]string, error) {
	series, err := s.readSeries()
	if err != nil {
		return nil, err
	}
	results, err := s.estimate(series, workers)
	if err != nil {
		return nil, err
	}
	if err := s.writeCSV(filepath.Join(s.dir, sensitivityCSV), results); err != nil {
		return nil, err
	}
	files := []string{sensitivityCSV}
	if err := s.printTable(e.stdout, results); err != nil {
		return files, err
	}
	charts, err := s.drawCharts(results)
	return append(files, charts...), err
}

// readSeries reads the outcomes of every run from runs.csv and, with
// byYear, each year's from yearly.csv.
func (s *sensitivity) readSeries() ([]sensSeries, error) {
	n := s.plan.Runs()
	f, err := os.Open(filepath.Join(s.dir, experiment.RunsFile))
	if err != nil {
		return nil, err
	}
	t, err := experiment.ReadRuns(f)
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.dir, err)
	}
	if len(t.Rows) != n {
		return nil, fmt.Errorf("%s: %s holds %d runs, the analysis has %d", s.dir, experiment.RunsFile, len(t.Rows), n)
	}
	w := s.plan.Window
	var out []sensSeries
	for o := range experiment.NumOutcomes {
		ss := sensSeries{sensSpan: sensSpan{o, w.First, w.Last}, y: make([]float64, n)}
		for i, r := range t.Rows {
			if r.Run != i {
				return nil, fmt.Errorf("%s: row %d of %s is run %d: the rows are not in run order", s.dir, i+1, experiment.RunsFile, r.Run)
			}
			ss.y[i] = r.Outcomes[o]
		}
		out = append(out, ss)
	}
	if !s.byYear {
		return out, nil
	}
	years, err := s.readYears()
	if err != nil {
		return nil, err
	}
	return append(out, years...), nil
}

// readYears reads each run's outcomes in each calendar year from
// yearly.csv: outcome o in year y is the window outcome over y alone.
func (s *sensitivity) readYears() ([]sensSeries, error) {
	sc := s.plan.Source.Scenario
	first, last := sc.Start.Year(), sc.End.Year()
	n := s.plan.Runs()
	// byYear[o][y-first][run]
	var vals [experiment.NumOutcomes][][]float64
	seen := make([][]bool, last-first+1)
	for o := range vals {
		vals[o] = make([][]float64, last-first+1)
		for y := range vals[o] {
			vals[o][y] = make([]float64, n)
		}
	}
	for y := range seen {
		seen[y] = make([]bool, n)
	}
	weights := s.weights()
	f, err := os.Open(filepath.Join(s.dir, experiment.YearlyFile))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	err = experiment.ReadYearly(f, func(row *experiment.YearlyRow) error {
		if row.Run < 0 || row.Run >= n || row.Year < first || row.Year > last {
			return fmt.Errorf("%s: run %d, year %d is not of this analysis", experiment.YearlyFile, row.Run, row.Year)
		}
		w, err := weights(row.Point)
		if err != nil {
			return err
		}
		out := experiment.Summarize([]sim.Record{row.Record}, row.Year, experiment.Window{First: row.Year, Last: row.Year}, w)
		for o := range out {
			vals[o][row.Year-first][row.Run] = out[o]
		}
		seen[row.Year-first][row.Run] = true
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.dir, err)
	}
	for y := range seen {
		for run, ok := range seen[y] {
			if !ok {
				return nil, fmt.Errorf("%s: %s has no row for run %d in %d", s.dir, experiment.YearlyFile, run, first+y)
			}
		}
	}
	var out []sensSeries
	for o := range experiment.NumOutcomes {
		for y := range vals[o] {
			out = append(out, sensSeries{sensSpan: sensSpan{o, first + y, first + y}, y: vals[o][y]})
		}
	}
	return out, nil
}

// weights returns the officials-weighted corrupt share's weights of a
// point: the base scenario's, unless the analysis varies the number of
// officials of a role, when each point's own.
func (s *sensitivity) weights() func(point int) ([]float64, error) {
	base := experiment.OfficialWeights(s.plan.Source.Scenario)
	varies := false
	for _, f := range s.factors {
		varies = varies || strings.HasPrefix(f.Path, "officials.") && strings.HasSuffix(f.Path, ".count")
	}
	if !varies {
		return func(int) ([]float64, error) { return base, nil }
	}
	cache := map[int][]float64{}
	return func(p int) ([]float64, error) {
		if w, ok := cache[p]; ok {
			return w, nil
		}
		sc, err := s.plan.Scenario(p)
		if err != nil {
			return nil, fmt.Errorf("point %d: %w", p, err)
		}
		cache[p] = experiment.OfficialWeights(sc)
		return cache[p], nil
	}
}

// estimate analyses each series, workers at a time. Each analysis has
// its own bootstrap source, fixed, so the results do not depend on the
// order or the number of workers.
func (s *sensitivity) estimate(series []sensSeries, workers int) ([]sensResult, error) {
	var unit [][]float64
	if m, ok := s.sample.(*design.Morris); ok {
		unit = make([][]float64, m.Len())
		for i := range unit {
			unit[i] = m.Unit(i)
		}
	}
	opt := &gsa.BootstrapOptions{Resamples: s.resamples}
	if s.resamples == 0 {
		opt.Resamples = -1
	}
	results := make([]sensResult, len(series))
	errs := make([]error, len(series))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, workers) {
		wg.Go(func() {
			for i := range next {
				o := *opt // each analysis its own default source
				results[i], errs[i] = s.estimateOne(series[i], unit, &o)
			}
		})
	}
	for i := range series {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("%s over %d-%d: %w", series[i].outcome.Name(), series[i].first, series[i].last, err)
		}
	}
	return results, nil
}

// estimateOne analyses one series: y by point and replicate, then the
// method's estimator.
func (s *sensitivity) estimateOne(ss sensSeries, unit [][]float64, opt *gsa.BootstrapOptions) (sensResult, error) {
	R := s.plan.Replicates
	points := s.plan.Arms.Len()
	res := sensResult{sensSpan: ss.sensSpan}
	k := len(s.factors)
	if R == 1 {
		if unit != nil {
			m, err := gsa.Morris(unit, ss.y, opt)
			if err != nil {
				return res, err
			}
			res.morris = &gsa.MorrisReplicateResult{MorrisResult: *m, R: 1}
			return res, nil
		}
		r, err := gsa.Sobol(ss.y, k, opt)
		if err != nil {
			return res, err
		}
		nan := math.NaN()
		res.sobol = &gsa.ReplicateResult{SobolResult: *r, R: 1, NoiseShare: nan,
			NoiseShareConf: gsa.Interval{Lo: nan, Hi: nan}, MeanNoiseShare: nan}
		return res, nil
	}
	y := make([][]float64, points)
	for p := range y {
		y[p] = ss.y[p*R : (p+1)*R]
	}
	var err error
	if unit != nil {
		res.morris, err = gsa.MorrisReplicates(unit, y, opt)
	} else {
		res.sobol, err = gsa.SobolReplicates(y, k, opt)
	}
	return res, err
}
