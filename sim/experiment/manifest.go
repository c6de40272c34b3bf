package experiment

import (
	"encoding/json"
	"io"
	"time"

	"github.com/krysha/krysha/internal/fsx"
)

// A Manifest records what a run directory holds and how it was made, so
// that any result can be traced to its scenario and reproduced: the
// scenario's hash and the seed fix every number in the CSV files.
type Manifest struct {
	// Command is the krysha command that wrote the directory, e.g. "run".
	Command string `json:"command"`
	// Scenario is the scenario's name; ScenarioFile the file it was read
	// from ("kazakhstan.toml (embedded)" for the shipped default), and
	// ScenarioSHA256 the hash of its text and Sets (scenario.Source.Hash).
	Scenario       string `json:"scenario"`
	ScenarioFile   string `json:"scenario_file"`
	ScenarioSHA256 string `json:"scenario_sha256"`
	// Sets are the -set overrides applied over the file, in order.
	Sets []string `json:"sets"`
	// Policy names the scenario's policy (or policies, a+b) whose events
	// were added, for a run made with -policy.
	Policy string `json:"policy,omitempty"`
	// Seed, First and Replicates: the run did replicates First to
	// First+Replicates-1 of Seed.
	Seed       uint64 `json:"seed"`
	First      int    `json:"first,omitempty"`
	Replicates int    `json:"replicates"`
	// Version is krysha's version (with its VCS revision when known) and
	// GoVersion the toolchain's (runtime.Version()).
	Version   string `json:"krysha_version"`
	GoVersion string `json:"go_version"`
	// Workers is the number of runs done in parallel; it does not change
	// the results.
	Workers int `json:"workers"`
	// Start and End are the wall-clock times of the run, in RFC 3339, and
	// Seconds the time it took.
	Start   string  `json:"start"`
	End     string  `json:"end"`
	Seconds float64 `json:"seconds"`
	// Files are the files written beside the manifest.
	Files []string `json:"files"`
}

// SetTimes fills Start, End and Seconds: times in UTC to the second,
// seconds to the millisecond.
func (m *Manifest) SetTimes(start, end time.Time) {
	m.Start = start.UTC().Format(time.RFC3339)
	m.End = end.UTC().Format(time.RFC3339)
	m.Seconds = float64(end.Sub(start).Milliseconds()) / 1000
}

// WriteFile writes m to path as indented JSON, whole or not at all.
func (m *Manifest) WriteFile(path string) error {
	c := *m
	// Lists are [] rather than null when empty, for readers in any language.
	if c.Sets == nil {
		c.Sets = []string{}
	}
	if c.Files == nil {
		c.Files = []string{}
	}
	return fsx.WriteFile(path, func(w io.Writer) error {
		e := json.NewEncoder(w)
		e.SetIndent("", "  ")
		return e.Encode(&c)
	})
}
