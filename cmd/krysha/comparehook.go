package main

import "github.com/krysha/krysha/sim/experiment"

// studyCharts returns the function that draws the charts (and, for a
// comparison, the table) of a study's directory, by the command that
// made it, as its manifest says: drawCompare for compare, drawSweep for
// the others.
//
// 'krysha plot DIR' and 'krysha merge' draw through it, so that plot
// redraws a comparison and merge finishes one.
func studyCharts(command string) func(dir string, man *experiment.StudyManifest) ([]string, error) {
	if command == "compare" {
		return drawCompare
	}
	return drawSweep
}
