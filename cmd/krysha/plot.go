package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/krysha/krysha/sim/experiment"
)

func init() {
	register(&command{
		name:    "plot",
		args:    "DIR",
		summary: "redraw the charts of a sweep from its files",
		doc: `
Plot redraws the charts of a sweep's directory from its runs.csv and
manifest.json alone, without running anything: per outcome (prosecutions,
convictions, victims identified, drug seizures, corrupt share, each averaged
over the sweep's window) a response curve with a 90% band when one parameter
varies, a heatmap when two vary on a grid, and one panel a parameter,
points and a smoothed mean, otherwise. It prints the files it wrote.`,
		example: "krysha plot out/kazakhstan-sweep",
		setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			return runPlot
		},
	})
}

func runPlot(_ context.Context, e *env, args []string) error {
	if len(args) != 1 {
		return e.usagef("one directory, got %d", len(args))
	}
	dir := args[0]
	man, err := experiment.ReadStudyManifest(dir)
	if err != nil {
		return &inputError{fmt.Errorf("%s: not a sweep's directory: %w", dir, err)}
	}
	charts, err := drawSweep(dir, man)
	if err != nil {
		return err
	}
	if len(charts) == 0 {
		fmt.Fprintf(e.stdout, "%s: nothing to draw (no runs, or nothing numeric varied)\n", dir)
		return nil
	}
	fmt.Fprintf(e.stdout, "%s: %s\n", dir, strings.Join(charts, " "))
	return nil
}
