package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/krysha/krysha/internal/tomlx"
	"github.com/krysha/krysha/scenarios"
	"github.com/krysha/krysha/sim"
	"github.com/krysha/krysha/sim/observed"
	"github.com/krysha/krysha/sim/scenario"
)

// embeddedName names the shipped default scenario in messages.
const embeddedName = scenarios.Default + " (embedded)"

// A scenarioFile is the text of a scenario and where its relative paths
// (the observed data) are resolved: the file's directory, or the
// embedded FS for the default.
type scenarioFile struct {
	name string // in messages: the path as given, or embeddedName
	text []byte
	// readRel reads a file named relative to the scenario, returning
	// the name to use in messages too.
	readRel func(rel string) (text []byte, name string, err error)
}

// openScenario reads the scenario at file, or the embedded default if
// file is "". A file that cannot be read is an *inputError.
func openScenario(file string) (*scenarioFile, error) {
	if file == "" {
		text, err := fs.ReadFile(scenarios.FS, scenarios.Default)
		if err != nil {
			panic("krysha: the embedded default scenario is missing: " + err.Error())
		}
		return &scenarioFile{name: embeddedName, text: text, readRel: readEmbedded}, nil
	}
	if fi, err := os.Stat(file); err == nil && fi.Size() > scenario.MaxFileBytes {
		// Refused before it is read whole: a mistaken path may name
		// gigabytes.
		// Placed on line 1 like the same refusal by scenario.Parse.
		return nil, &inputError{fmt.Errorf("%s:1: the file is %d MB; a scenario may be at most %d MB",
			file, fi.Size()>>20, scenario.MaxFileBytes>>20)}
	}
	text, err := readLimited(file)
	if err != nil {
		return nil, &inputError{fmt.Errorf("%s: %w", file, unwrapPath(err))}
	}
	dir := filepath.Dir(file)
	return &scenarioFile{name: file, text: text, readRel: func(rel string) ([]byte, string, error) {
		p := rel
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, filepath.FromSlash(rel))
		}
		b, err := readLimited(p)
		return b, p, unwrapPath(err)
	}}, nil
}

// openAndLoad reads the scenario at file (the embedded default if "")
// and loads it with the overrides sets, as every command that runs it
// does.
func openAndLoad(file string, sets []string) (*scenarioFile, *study, error) {
	sf, err := openScenario(file)
	if err != nil {
		return nil, nil, err
	}
	st, err := sf.load(sets)
	if err != nil {
		return nil, nil, err
	}
	return sf, st, nil
}

// errTooLong is a file past scenario.MaxFileBytes whose size Stat did not
// tell (a device, a pipe, /proc).
var errTooLong = fmt.Errorf("longer than %d MB; not a scenario or its data", scenario.MaxFileBytes>>20)

// readLimited reads a file of at most scenario.MaxFileBytes. os.ReadFile
// would read /dev/zero, or a pipe that never closes, until memory ran out.
func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, scenario.MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > scenario.MaxFileBytes {
		return nil, errTooLong
	}
	return b, nil
}

func readEmbedded(rel string) ([]byte, string, error) {
	name := path.Clean(rel) + " (embedded)"
	if filepath.IsAbs(rel) {
		b, err := readLimited(rel)
		return b, rel, unwrapPath(err)
	}
	b, err := fs.ReadFile(scenarios.FS, path.Join(path.Dir(scenarios.Default), rel))
	return b, name, unwrapPath(err)
}

// unwrapPath drops the path from an *fs.PathError: messages name the
// file themselves.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// A study is a scenario ready to run: parsed, validated and compiled,
// with its observed data.
type study struct {
	src      *scenario.Source
	model    *sim.Model
	observed []observed.Row
}

// load parses and validates f with the -set overrides, reads its
// observed data and compiles the model. Every error is an *inputError
// listing all the problems found, each "FILE:LINE: key: message".
func (f *scenarioFile) load(sets []string) (*study, error) {
	src, err := scenario.Parse(f.name, f.text, sets)
	if err != nil {
		return nil, &inputError{err}
	}
	st := &study{src: src}
	if rel := src.Scenario.Observed; rel != "" {
		text, name, err := f.readRel(rel)
		if err != nil {
			return nil, &inputError{tomlx.Errors{{
				File: f.name, Line: f.line("observed"), Key: "observed",
				Msg: fmt.Sprintf("cannot read %s: %v", name, err),
			}}}
		}
		if st.observed, err = observed.Parse(name, text); err != nil {
			return nil, &inputError{err}
		}
	}
	if st.model, err = sim.NewModel(src.Scenario); err != nil {
		// Parse validated the scenario, so this is a gap between the
		// engine and the validation; still the scenario's to fix.
		return nil, &inputError{fmt.Errorf("%s: %w", f.name, err)}
	}
	return st, nil
}

// line is the line of key in the file, or 0.
func (f *scenarioFile) line(key string) int {
	doc, err := tomlx.ParseFile(f.name, f.text)
	if err != nil {
		return 0
	}
	return doc.Line(key)
}
