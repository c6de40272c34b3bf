package main

import (
	"bytes"
	"testing"

	"github.com/krysha/krysha/sim"
	"github.com/krysha/krysha/sim/experiment"
)

func TestPrintTable(t *testing.T) {
	t.Parallel()
	s := &experiment.Summary{
		FirstYear:  2011,
		Replicates: 20,
		Mean:       make([]sim.Record, 2),
		Lo:         make([]sim.Record, 2),
		Hi:         make([]sim.Record, 2),
	}
	for y, v := range []float64{3.25, 141.5} {
		for _, m := range tableMetrics {
			s.Mean[y][m], s.Lo[y][m], s.Hi[y][m] = v*float64(m)/10, v*float64(m)/20, v*float64(m)/5
		}
	}
	var b bytes.Buffer
	if err := printTable(&b, "kazakhstan", 1, s); err != nil {
		t.Fatal(err)
	}
	golden(t, "table.txt", b.String())
}
