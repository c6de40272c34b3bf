package experiment

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// A RunRow is one row of runs.csv.
type RunRow struct {
	Run, Point, Replicate int
	Seed                  uint64
	// Cells are the arm's values, one per column of the table; Values
	// the same read as numbers (NaN where a cell is not one).
	Cells    []string
	Values   []float64
	Outcomes Outcomes
	Command  string
}

// A RunsTable is runs.csv read whole: the arm columns and the rows.
type RunsTable struct {
	Columns []string
	Rows    []RunRow
}

// ReadRuns reads runs.csv. Its header must be RunsHeader of some
// columns; an error names the line at fault.
func ReadRuns(r io.Reader) (*RunsTable, error) {
	cr := csv.NewReader(r)
	head, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty file", RunsFile)
		}
		return nil, fmt.Errorf("%s: %w", RunsFile, err)
	}
	nk, no := len(strings.Split(runKey, ",")), int(NumOutcomes)
	if len(head) < nk+no+1 || strings.Join(head[:nk], ",") != runKey {
		return nil, fmt.Errorf("%s:1: not the header of runs.csv: %q", RunsFile, strings.Join(head, ","))
	}
	t := &RunsTable{Columns: slices.Clone(head[nk : len(head)-no-1])}
	if got, want := strings.Join(head, ","), RunsHeader(t.Columns); got != want {
		return nil, fmt.Errorf("%s:1: header %q, want %q", RunsFile, got, want)
	}
	nc := len(t.Columns)
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return t, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", RunsFile, err)
		}
		line, _ := cr.FieldPos(0)
		row := RunRow{Cells: slices.Clone(rec[nk : nk+nc]), Values: make([]float64, nc), Command: rec[len(rec)-1]}
		ints := []*int{&row.Run, &row.Point, &row.Replicate}
		for i, p := range ints {
			if *p, err = strconv.Atoi(rec[i]); err != nil {
				return nil, fmt.Errorf("%s:%d: %s %q is not a whole number", RunsFile, line, head[i], rec[i])
			}
		}
		if row.Seed, err = strconv.ParseUint(rec[3], 10, 64); err != nil {
			return nil, fmt.Errorf("%s:%d: seed %q is not a whole number", RunsFile, line, rec[3])
		}
		for j, c := range row.Cells {
			v, err := strconv.ParseFloat(c, 64)
			switch {
			case c == "true":
				v = 1
			case c == "false":
				v = 0
			case err != nil:
				v = math.NaN()
			}
			row.Values[j] = v
		}
		for o := range NumOutcomes {
			c := rec[nk+nc+int(o)]
			if row.Outcomes[o], err = strconv.ParseFloat(c, 64); err != nil {
				return nil, fmt.Errorf("%s:%d: %s %q is not a number", RunsFile, line, o.Name(), c)
			}
		}
		t.Rows = append(t.Rows, row)
	}
}

// PointStats summarise the runs of one arm (design point) of a study:
// their number and, per outcome, the mean and the 90% interval (LoP-
// and HiP-quantiles, see Quantile) across replicates.
type PointStats struct {
	Point  int
	Values []float64
	N      int
	Mean   Outcomes
	Lo, Hi Outcomes
}

// Points returns the statistics of every arm in the table, in the order
// of arm indices. Means are summed in run order, so that they do not
// depend on the order of the rows.
func (t *RunsTable) Points() []PointStats {
	var out []PointStats
	var col [NumOutcomes][]float64
	flush := func() {
		if len(out) == 0 {
			return
		}
		p := &out[len(out)-1]
		for o := range NumOutcomes {
			x := col[o]
			sum := 0.0
			for _, v := range x {
				sum += v
			}
			slices.Sort(x)
			p.Mean[o] = sum / float64(len(x))
			p.Lo[o], p.Hi[o] = Quantile(LoP, x), Quantile(HiP, x)
			col[o] = x[:0]
		}
	}
	byPoint := slices.Clone(t.Rows)
	slices.SortFunc(byPoint, func(a, b RunRow) int {
		if a.Point != b.Point {
			return a.Point - b.Point
		}
		return a.Run - b.Run
	})
	for _, r := range byPoint {
		if len(out) == 0 || out[len(out)-1].Point != r.Point {
			flush()
			out = append(out, PointStats{Point: r.Point, Values: r.Values})
		}
		out[len(out)-1].N++
		for o := range NumOutcomes {
			col[o] = append(col[o], r.Outcomes[o])
		}
	}
	flush()
	return out
}
