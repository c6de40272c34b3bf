package scenario_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/krysha/krysha/internal/tomlx"
	"github.com/krysha/krysha/scenarios"
	"github.com/krysha/krysha/sim"
	"github.com/krysha/krysha/sim/scenario"
)

// The fuzz targets of scenario loading. Their seeds are the shipped
// scenario, the test scenarios and the broken scenarios of the command's
// tests (f.Add below), and testdata/fuzz/FuzzX, where every crash found
// is kept. Run one with
//
//	go test -run='^$' -fuzz=FuzzParse -fuzztime=10m ./sim/scenario
//
// Each checks that loading never panics, that an error is a non-empty
// tomlx.Errors whose entries are well placed, and that a scenario that
// passes is built by sim.NewModel: validation is what stands between a
// file and the engine, so a scenario it lets through must not fail (or
// explode) there.

// seedFiles are the scenarios every target starts from.
func seedFiles(f *testing.F) [][]byte {
	f.Helper()
	kz, err := scenarios.FS.ReadFile(scenarios.Default)
	if err != nil {
		f.Fatal(err)
	}
	out := [][]byte{kz}
	for _, name := range []string{
		"testdata/small.toml",
		"../../cmd/krysha/testdata/small.toml",
		"../../cmd/krysha/testdata/bad_values.toml",
		"../../cmd/krysha/testdata/bad_keys.toml",
	} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// seedSets are -set lists, one override a line.
var seedSets = []string{
	"",
	"bribe.same_clan=0\nenforcement.budget_scale=2",
	"routes.paths=50\nroutes.max_hops=40",
	"officials.police.count=1e9",
	`event[0].set."enforcement.budget"=nan`,
	"nodes[0].id=\"dup\"\nedges=[]",
	"end=\"9999-12\"",
	"organizations.max=10000\norganizations.max_vehicles=100000",
	"oops",
}

func FuzzParse(f *testing.F) {
	for _, b := range seedFiles(f) {
		for _, s := range seedSets[:3] {
			f.Add(b, s)
		}
	}
	f.Add([]byte(""), "")
	f.Add([]byte("\x00\xff\xfe"), "")
	f.Fuzz(func(t *testing.T, data []byte, sets string) {
		checkParse(t, data, splitSets(sets))
	})
}

// FuzzSet applies arbitrary -set overrides to the small scenario, which
// is valid as it is: whatever an override makes of it is refused cleanly
// or built.
func FuzzSet(f *testing.F) {
	small, err := os.ReadFile("testdata/small.toml")
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range seedSets {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sets string) {
		checkParse(t, small, splitSets(sets))
	})
}

func splitSets(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func checkParse(t *testing.T, data []byte, sets []string) {
	t.Helper()
	const name = "fuzz.toml"
	lastLine := bytes.Count(data, []byte("\n")) + 1
	src, err := scenario.Parse(name, data, sets)
	if err != nil {
		var es tomlx.Errors
		if !errors.As(err, &es) || len(es) == 0 {
			t.Fatalf("error %v (%T) is not a non-empty tomlx.Errors", err, err)
		}
		for _, e := range es {
			if e.Msg == "" || e.Line < 0 || e.Line > lastLine || (e.File != name && e.File != "-set") {
				t.Errorf("malformed error %#v (the file has %d lines)", e, lastLine)
			}
		}
		return
	}
	sc := src.Scenario
	if probs := sc.Validate(); len(probs) > 0 {
		t.Fatalf("Parse accepted a scenario that Validate refuses: %v", probs)
	}
	_ = src.Hash()
	if _, err := sim.NewModel(sc); err != nil {
		t.Fatalf("a valid scenario is refused by sim.NewModel: %v", err)
	}
}
