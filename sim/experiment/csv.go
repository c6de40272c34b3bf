package experiment

import (
	"io"
	"strconv"

	"github.com/krysha/krysha/sim"
	"github.com/krysha/krysha/sim/scenario"
)

// File names of a run directory.
const (
	YearlyFile   = "yearly.csv"
	MonthlyFile  = "monthly.csv"
	ManifestFile = "manifest.json"
)

// A TraceWriter writes the time series of runs as CSV, one row per
// replicate and period, with every metric in sim order:
//
//	replicate,seed,year,<metrics>        (yearly)
//	replicate,seed,year,month,<metrics>  (monthly)
//
// Numbers are in the shortest form that reads back to the same float64
// (strconv 'g', -1), so the file is lossless and its bytes depend only on
// the values. The header is written by the constructor. Errors are
// sticky: after one, every call returns it.
type TraceWriter struct {
	w       io.Writer
	monthly bool
	buf     []byte
	err     error
}

// NewYearlyWriter returns a writer of yearly rows to w.
func NewYearlyWriter(w io.Writer) *TraceWriter { return newTraceWriter(w, false) }

// NewMonthlyWriter returns a writer of monthly rows to w.
func NewMonthlyWriter(w io.Writer) *TraceWriter { return newTraceWriter(w, true) }

func newTraceWriter(w io.Writer, monthly bool) *TraceWriter {
	t := &TraceWriter{w: w, monthly: monthly}
	t.buf = append(t.buf, "replicate,seed,year"...)
	if monthly {
		t.buf = append(t.buf, ",month"...)
	}
	for m := range sim.NumMetrics {
		t.buf = append(t.buf, ',')
		t.buf = append(t.buf, m.Info().Name...)
	}
	t.buf = append(t.buf, '\n')
	t.flush()
	return t
}

// WriteRun writes the rows of one run: recs are its yearly records from
// start's year on for a yearly writer, its monthly records from start on
// for a monthly one.
func (t *TraceWriter) WriteRun(rep int, seed uint64, start scenario.Month, recs []sim.Record) error {
	for i := range recs {
		if t.err != nil {
			return t.err
		}
		t.buf = strconv.AppendInt(t.buf[:0], int64(rep), 10)
		t.buf = append(t.buf, ',')
		t.buf = strconv.AppendUint(t.buf, seed, 10)
		t.buf = append(t.buf, ',')
		if t.monthly {
			mo := start + scenario.Month(i)
			t.buf = strconv.AppendInt(t.buf, int64(mo.Year()), 10)
			t.buf = append(t.buf, ',')
			t.buf = strconv.AppendInt(t.buf, int64(mo.Num()), 10)
		} else {
			t.buf = strconv.AppendInt(t.buf, int64(start.Year()+i), 10)
		}
		for _, v := range &recs[i] {
			t.buf = append(t.buf, ',')
			t.buf = AppendFloat(t.buf, v)
		}
		t.buf = append(t.buf, '\n')
		t.flush()
	}
	return t.err
}

// Err returns the first write error, if any.
func (t *TraceWriter) Err() error { return t.err }

func (t *TraceWriter) flush() {
	if t.err == nil {
		_, t.err = t.w.Write(t.buf)
	}
	t.buf = t.buf[:0]
}

// AppendFloat appends v in the form of the result files: the shortest
// text that parses back to v exactly ("12", "0.25", "1.5e+06").
func AppendFloat(b []byte, v float64) []byte {
	return strconv.AppendFloat(b, v, 'g', -1, 64)
}
