package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/krysha/krysha/sim"
	"github.com/krysha/krysha/sim/experiment"
)

// tableMetrics are the columns of the table `krysha run` prints.
var tableMetrics = []sim.Metric{sim.Investigations, sim.Prosecutions, sim.Convictions, sim.VictimsIdentified}

// printTable writes, per year, the mean and the 90% interval across
// replicates of tableMetrics, aligned in columns.
func printTable(w io.Writer, name string, seed uint64, s *experiment.Summary) error {
	fmt.Fprintf(w, "scenario %s, %d replicates, seed %d: mean [90%% interval] across replicates\n\n",
		name, s.Replicates, seed)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head := []string{"year"}
	for _, m := range tableMetrics {
		head = append(head, m.Info().Name)
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for y := range s.Years() {
		row := []string{fmt.Sprint(s.FirstYear + y)}
		for _, m := range tableMetrics {
			row = append(row, fmt.Sprintf("%.1f [%.1f, %.1f]", s.Mean[y][m], s.Lo[y][m], s.Hi[y][m]))
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	return tw.Flush()
}
