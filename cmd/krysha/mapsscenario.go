package main

import (
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/krysha/krysha/scenarios"
	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/scenario"
)

// dirScenario returns the scenario the runs of dir were made with, for
// drawing their maps: routes.csv names the segments, the scenario says
// where the places are and which segments have checkpoints.
//
// It is file if given (-scenario), else the file the manifest names, or
// the embedded default if the manifest names it; read with the
// manifest's -set overrides, its SHA-256 must be the manifest's, so that
// a map is never drawn on a network the runs did not use. Each failure
// is an *inputError that says which file is needed and how to pass it.
func dirScenario(dir string, man *experiment.StudyManifest, file string) (*scenario.Scenario, error) {
	manPath := filepath.Join(dir, experiment.ManifestFile)
	name, embedded := file, file == "" && man.ScenarioFile == embeddedName
	var text []byte
	switch {
	case embedded:
		b, err := fs.ReadFile(scenarios.FS, scenarios.Default)
		if err != nil {
			panic("krysha: the embedded default scenario is missing: " + err.Error())
		}
		name, text = embeddedName, b
	case file != "":
		b, err := readLimited(file)
		if err != nil {
			return nil, &inputError{fmt.Errorf("-scenario %s: %v", file, unwrapPath(err))}
		}
		text = b
	case man.ScenarioFile == "":
		return nil, &inputError{fmt.Errorf("%s names no scenario file: pass the scenario the runs were made with, with -scenario FILE", manPath)}
	default:
		name = man.ScenarioFile
		b, err := readLimited(name)
		if err != nil {
			return nil, &inputError{fmt.Errorf("%s was run with the scenario %s, which cannot be read from here (%v); the map needs it for the places and checkpoints: pass it with -scenario FILE",
				dir, name, unwrapPath(err))}
		}
		text = b
	}
	src := &scenario.Source{Name: name, Text: text, Sets: man.Sets}
	if got := src.Hash(); got != man.ScenarioSHA256 {
		what := fmt.Sprintf("%s is not the scenario %s was run with: with the %d -set overrides %s records, its SHA-256 is %s, not %s",
			name, dir, len(man.Sets), manPath, shortHash(got), shortHash(man.ScenarioSHA256))
		switch {
		case embedded:
			what += fmt.Sprintf(" (the runs were made by krysha %s): pass the scenario file they were made with, with -scenario FILE", man.Version)
		case file == "":
			what += ": pass the file the runs were made with, with -scenario FILE"
		}
		return nil, &inputError{fmt.Errorf("%s", what)}
	}
	parsed, err := scenario.Parse(name, text, man.Sets)
	if err != nil {
		return nil, &inputError{err}
	}
	return parsed.Scenario, nil
}

// shortHash abbreviates a SHA-256 for messages.
func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12] + "…"
	}
	if h == "" {
		return "(none)"
	}
	return h
}
