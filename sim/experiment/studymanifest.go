package experiment

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/krysha/krysha/internal/fsx"
)

// Status of a study's run directory, in its manifest.
const (
	StatusRunning     = "running"     // being written, or killed
	StatusInterrupted = "interrupted" // stopped by a signal; resume it
	StatusComplete    = "complete"    // every run of the shard done
	StatusFailed      = "failed"      // finished, but some runs failed
)

// A StudyManifest is the manifest.json of a study's run directory (a
// sweep, and the comparisons and calibrations built on Runner): the
// fields of Manifest, then the study's.
//
// It is written when the study starts, with status "running", and again
// when it ends, so that a directory can always be told apart and
// resumed. Seed and Replicates give the streams: replicate r of every
// arm uses (Seed, r).
type StudyManifest struct {
	Manifest
	// Status is one of the Status constants.
	Status string `json:"status"`
	// Design describes the arms in the command's own terms; for a sweep,
	// the design.Spec the points come from.
	Design json.RawMessage `json:"design"`
	// Columns name the arms' columns of runs.csv, Arms counts them, and
	// Runs = Arms × Replicates is the number of runs of the whole study.
	Columns []string `json:"columns"`
	Arms    int      `json:"arms"`
	Runs    int      `json:"runs"`
	// Window is the span of years of the summary outcomes.
	Window Window `json:"window"`
	// Routes says whether routes.csv is written.
	Routes bool `json:"routes"`
	// Shard is the part of the study this directory holds (count 1: all
	// of it) and ShardRuns its number of runs.
	Shard     Shard `json:"shard"`
	ShardRuns int   `json:"shard_runs"`
	// Done and Failed count the runs recorded in runs.csv and
	// failures.csv.
	Done   int `json:"runs_done"`
	Failed int `json:"runs_failed"`
	// Sessions is how many times the study was started or resumed;
	// Seconds (of Manifest) adds up their durations.
	Sessions int `json:"sessions"`
	// MergedFrom lists the shard directories a merge was made from.
	MergedFrom []string `json:"merged_from,omitempty"`
}

// WriteFile writes m to path as indented JSON, whole or not at all.
func (m *StudyManifest) WriteFile(path string) error {
	c := *m
	if c.Sets == nil {
		c.Sets = []string{}
	}
	if c.Files == nil {
		c.Files = []string{}
	}
	if c.Columns == nil {
		c.Columns = []string{}
	}
	if c.Design == nil {
		c.Design = json.RawMessage("null")
	}
	return fsx.WriteFile(path, func(w io.Writer) error {
		e := json.NewEncoder(w)
		e.SetIndent("", "  ")
		return e.Encode(&c)
	})
}

// ReadStudyManifest reads the manifest.json of the run directory dir.
func ReadStudyManifest(dir string) (*StudyManifest, error) {
	path := filepath.Join(dir, ManifestFile)
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m := new(StudyManifest)
	if err := json.Unmarshal(b, m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if m.Runs < 1 || m.Replicates < 1 || m.Arms*m.Replicates != m.Runs {
		return nil, fmt.Errorf("%s: not the manifest of a study (runs %d, arms %d, replicates %d)", path, m.Runs, m.Arms, m.Replicates)
	}
	return m, nil
}

// SameStudy returns an error naming the first thing in which m and o
// differ as studies: command, scenario, design, seed, replicates,
// window or files. Shards, times and counts may differ.
func (m *StudyManifest) SameStudy(o *StudyManifest) error {
	diff := func(what string, a, b any) error {
		return fmt.Errorf("%s differs: %v here, %v there", what, a, b)
	}
	switch {
	case m.Command != o.Command:
		return diff("the command", m.Command, o.Command)
	case m.ScenarioSHA256 != o.ScenarioSHA256:
		return diff("the scenario (SHA-256 of its text and -set overrides)", short(m.ScenarioSHA256), short(o.ScenarioSHA256))
	case !sameJSON(m.Design, o.Design):
		return diff("the design", string(compactJSON(m.Design)), string(compactJSON(o.Design)))
	case !slices.Equal(m.Columns, o.Columns):
		return diff("the varied columns", m.Columns, o.Columns)
	case m.Arms != o.Arms || m.Runs != o.Runs:
		return diff("the number of runs", m.Runs, o.Runs)
	case m.Seed != o.Seed:
		return diff("the seed", m.Seed, o.Seed)
	case m.Replicates != o.Replicates:
		return diff("the replicates", m.Replicates, o.Replicates)
	case m.Window != o.Window:
		return diff("the window", m.Window, o.Window)
	case m.Routes != o.Routes:
		return diff("whether routes.csv is written", m.Routes, o.Routes)
	}
	return nil
}

func short(h string) string {
	if len(h) > 12 {
		return h[:12] + "…"
	}
	return h
}

func compactJSON(b []byte) []byte {
	var buf bytes.Buffer
	if json.Compact(&buf, b) != nil {
		return b
	}
	return buf.Bytes()
}

func sameJSON(a, b []byte) bool { return bytes.Equal(compactJSON(a), compactJSON(b)) }
