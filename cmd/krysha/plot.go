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
		args:    "[flags] DIR",
		summary: "redraw a sweep's charts, or map the routes of a run or sweep, from the files",
		doc: `
Plot redraws the charts of a sweep's directory (or a comparison's: its
table and charts) from its runs.csv and manifest.json alone, without
running anything: per outcome (prosecutions,
convictions, victims identified, drug seizures, corrupt share, each averaged
over the sweep's window) a response curve with a 90% band when one parameter
varies, a heatmap when two vary on a grid, and one panel a parameter,
points and a smoothed mean, otherwise. It prints the files it wrote. The directory of a sensitivity
analysis, calibration or explanation gets the same sweep charts of its
runs; its own charts are redrawn by its command with -resume.

With -map, it draws instead the route maps of a run's or a sweep's directory
from its routes.csv: one panel a year (or FIRST:LAST, the mean over those
years) side by side, each segment as wide as its mean yearly flow over the
runs of the directory (-point N: those of one sweep point) and coloured by
the share seized, into DIR/map-PRODUCT-YEARS.png. The places and checkpoints
come from the scenario the manifest names, which must be the one the runs
were made with (its SHA-256 is checked): the embedded default, or the file,
found from the current directory or given with -scenario. Flags may follow
DIR.`,
		example: `krysha plot out/kazakhstan-sweep
krysha plot out/kazakhstan -map 2005,2012 -product both
krysha plot out/budget-clan -map 2001:2004,2009:2012 -point 3`,
		setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			mf := defineMapFlags(fs)
			return withGiven(fs, func(ctx context.Context, e *env, given map[string]bool, args []string) error {
				if given["map"] {
					return runPlotMap(e, mf, given, args)
				}
				for _, name := range mapOnly {
					if given[name] {
						return e.usagef("-%s goes with -map YEARS", name)
					}
				}
				return runPlot(ctx, e, args)
			})
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
		if m, _ := readDirManifest(dir); m != nil && m.Command == "run" {
			return e.usagef("%s holds a run, whose chart is %s; map its routes with -map YEARS", dir, chartFile)
		}
		return &inputError{fmt.Errorf("%s: not a sweep's directory: %w", dir, err)}
	}
	charts, err := studyCharts(man.Command)(dir, man)
	if err != nil {
		return err
	}
	if len(charts) == 0 {
		fmt.Fprintf(e.stdout, "%s: nothing to draw (no runs, or nothing numeric varied)\n", dir)
		return nil
	}
	fmt.Fprintf(e.stdout, "%s: %s\n", dir, strings.Join(charts, " "))
	switch man.Command {
	case "sensitivity", "calibrate", "explain":
		// Their own charts come from an analysis of the runs, which
		// plot does not redo.
		fmt.Fprintf(e.stdout, "%s: these are a sweep's charts of the %s runs; its own charts are redrawn with 'krysha %s -resume -out %s' and the same flags\n", dir, man.Command, man.Command, dir)
	}
	return nil
}
