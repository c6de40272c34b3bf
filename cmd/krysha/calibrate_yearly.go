package main

import (
	"fmt"
	"os"

	"github.com/krysha/krysha/sim"
	"github.com/krysha/krysha/sim/analysis/calib"
	"github.com/krysha/krysha/sim/experiment"
)

// readStudyYearly reads the columns metrics of a study's yearly.csv
// (path) into one table a run, indexed by run, runs of them; a run
// without rows (a failed run) is nil. Only the columns asked for are
// kept, so that the tens of thousands of runs of an explanation take a
// few megabytes. The numbers were written in their shortest exact form,
// so they are the numbers the runs made, to the bit.
func readStudyYearly(path string, runs int, metrics []string) ([]*calib.Table, error) {
	ms := make([]sim.Metric, len(metrics))
	for k, name := range metrics {
		m, ok := sim.MetricByName(name)
		if !ok {
			return nil, fmt.Errorf("%s: no metric %q", path, name)
		}
		ms[k] = m
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := make([]*calib.Table, runs)
	err = experiment.ReadYearly(f, func(row *experiment.YearlyRow) error {
		if row.Run < 0 || row.Run >= runs {
			return fmt.Errorf("%s: run %d is outside the study's %d runs", path, row.Run, runs)
		}
		t := out[row.Run]
		if t == nil {
			t = &calib.Table{FirstYear: row.Year, Columns: make(map[string][]float64, len(metrics))}
			out[row.Run] = t
		}
		if len(metrics) > 0 {
			if want := t.FirstYear + len(t.Columns[metrics[0]]); row.Year != want {
				return fmt.Errorf("%s: run %d has year %d where %d was expected", path, row.Run, row.Year, want)
			}
		}
		for k, name := range metrics {
			t.Columns[name] = append(t.Columns[name], row.Record[ms[k]])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// calibRecordsTable is the table of metrics of a run's yearly records, as
// readStudyYearly would read it back from the run's rows.
func calibRecordsTable(firstYear int, yearly []sim.Record, metrics []string) *calib.Table {
	t := &calib.Table{FirstYear: firstYear, Columns: make(map[string][]float64, len(metrics))}
	for _, name := range metrics {
		m, ok := sim.MetricByName(name)
		if !ok {
			panic("krysha: calibRecordsTable: unknown metric " + name) // names are checked when targets are made
		}
		col := make([]float64, len(yearly))
		for y := range yearly {
			col[y] = yearly[y][m]
		}
		t.Columns[name] = col
	}
	return t
}
