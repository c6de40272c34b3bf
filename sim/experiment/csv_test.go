package experiment

import (
	"bytes"
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/krysha/krysha/sim"
	"github.com/krysha/krysha/sim/scenario"
)

func TestTraceWriterHeader(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name  string
		new   func(*bytes.Buffer) *TraceWriter
		first string
	}{
		{"yearly", func(b *bytes.Buffer) *TraceWriter { return NewYearlyWriter(b) }, "replicate,seed,year"},
		{"monthly", func(b *bytes.Buffer) *TraceWriter { return NewMonthlyWriter(b) }, "replicate,seed,year,month"},
	} {
		var b bytes.Buffer
		if err := tt.new(&b).Err(); err != nil {
			t.Fatal(err)
		}
		head := strings.TrimSuffix(b.String(), "\n")
		cols := strings.Split(head, ",")
		fixed := strings.Count(tt.first, ",") + 1
		if strings.Join(cols[:fixed], ",") != tt.first || len(cols) != fixed+int(sim.NumMetrics) {
			t.Errorf("%s header %q: want %s and %d metrics", tt.name, head, tt.first, sim.NumMetrics)
		}
		for m := range sim.NumMetrics {
			if cols[fixed+int(m)] != m.Info().Name {
				t.Errorf("%s column %d is %q, want %q", tt.name, fixed+int(m), cols[fixed+int(m)], m.Info().Name)
			}
		}
	}
}

func TestTraceWriterRows(t *testing.T) {
	t.Parallel()
	recs := make([]sim.Record, 3)
	recs[0][sim.Convictions] = 3
	recs[1][sim.CapitalUSD] = 2.5e6
	recs[2][sim.DominantInfluence] = 1.0 / 3
	recs[2][sim.Backlog] = -0.0

	var y, m bytes.Buffer
	start := scenario.MonthOf(2000, 11)
	if err := NewYearlyWriter(&y).WriteRun(4, 99, start, recs); err != nil {
		t.Fatal(err)
	}
	if err := NewMonthlyWriter(&m).WriteRun(4, 99, start, recs); err != nil {
		t.Fatal(err)
	}
	yl := strings.Split(strings.TrimSpace(y.String()), "\n")[1:]
	ml := strings.Split(strings.TrimSpace(m.String()), "\n")[1:]
	// Yearly rows count years from start's; monthly rows roll over into
	// January.
	for i, want := range []string{"4,99,2000,", "4,99,2001,", "4,99,2002,"} {
		if !strings.HasPrefix(yl[i], want) {
			t.Errorf("yearly row %d = %.30q..., want it to start %q", i, yl[i], want)
		}
	}
	for i, want := range []string{"4,99,2000,11,", "4,99,2000,12,", "4,99,2001,1,"} {
		if !strings.HasPrefix(ml[i], want) {
			t.Errorf("monthly row %d = %.30q..., want it to start %q", i, ml[i], want)
		}
	}
	// Every value reads back exactly.
	for i, line := range ml {
		cells := strings.Split(line, ",")[4:]
		for k, c := range cells {
			v, err := strconv.ParseFloat(c, 64)
			if err != nil || v != recs[i][k] || math.Signbit(v) != math.Signbit(recs[i][k]) {
				t.Errorf("row %d %s = %q, want %v", i, sim.Metric(k), c, recs[i][k])
			}
		}
	}
	if got := strings.Split(ml[1], ",")[4+int(sim.CapitalUSD)]; got != "2.5e+06" {
		t.Errorf("2.5e6 written %q, want the shortest form 2.5e+06", got)
	}
}

type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.n--; f.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestTraceWriterStickyError(t *testing.T) {
	t.Parallel()
	w := NewYearlyWriter(&failWriter{n: 1}) // the header, then no more
	recs := make([]sim.Record, 2)
	if err := w.WriteRun(0, 1, scenario.MonthOf(2000, 1), recs); err == nil || err.Error() != "disk full" {
		t.Errorf("WriteRun = %v, want disk full", err)
	}
	if err := w.WriteRun(1, 1, scenario.MonthOf(2000, 1), recs); err == nil {
		t.Error("the error did not stick")
	}
}
