package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/krysha/krysha/sim"
	"github.com/krysha/krysha/sim/experiment"
)

// testdata/small.toml: 5 years (2000-2004), seed 7, 3 replicates.
const (
	small      = "testdata/small.toml"
	smallYears = 5
)

// runSmall runs krysha run on small.toml into a new directory with the
// extra flags and returns the directory and stdout.
func runSmall(t *testing.T, flags ...string) (dir, stdout string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "out")
	args := append([]string{"run", "-quiet", "-out", dir}, flags...)
	code, out, errOut := krysha(context.Background(), append(args, small)...)
	if code != 0 || errOut != "" {
		t.Fatalf("krysha %s: exit %d, stderr:\n%s", strings.Join(args, " "), code, errOut)
	}
	return dir, out
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestRunWritesFiles(t *testing.T) {
	t.Parallel()
	dir, out := runSmall(t)
	// The numbers are the engine's; the layout is tested in table_test.go.
	table := strings.Split(out, "\n")
	if len(table) != 3+smallYears+1 || table[0] != "scenario small, 3 replicates, seed 7: mean [90% interval] across replicates" ||
		!strings.HasPrefix(table[2], "year  investigations") || !strings.HasPrefix(table[3], "2000  ") || !strings.HasPrefix(table[7], "2004  ") {
		t.Errorf("table:\n%s", out)
	}

	lines := func(name string) []string {
		return strings.Split(strings.TrimSuffix(string(readFile(t, filepath.Join(dir, name))), "\n"), "\n")
	}
	yearly, monthly := lines(experiment.YearlyFile), lines(experiment.MonthlyFile)
	if want := 1 + 3*smallYears; len(yearly) != want {
		t.Errorf("yearly.csv has %d lines, want %d (a header, 3 replicates × %d years)", len(yearly), want, smallYears)
	}
	if want := 1 + 3*smallYears*12; len(monthly) != want {
		t.Errorf("monthly.csv has %d lines, want %d", len(monthly), want)
	}
	if want := "replicate,seed,year," + sim.Metric(0).Info().Name; !strings.HasPrefix(yearly[0], want) {
		t.Errorf("yearly.csv header %.60q..., want it to start %q", yearly[0], want)
	}
	if !strings.HasPrefix(yearly[1], "0,7,2000,") || !strings.HasPrefix(yearly[len(yearly)-1], "2,7,2004,") {
		t.Errorf("yearly rows are not by replicate then year: %.20q ... %.20q", yearly[1], yearly[len(yearly)-1])
	}
	if !strings.HasPrefix(monthly[1], "0,7,2000,1,") || !strings.HasPrefix(monthly[len(monthly)-1], "2,7,2004,12,") {
		t.Errorf("monthly rows are not by replicate then month: %.20q ... %.20q", monthly[1], monthly[len(monthly)-1])
	}
	if png := readFile(t, filepath.Join(dir, chartFile)); !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Errorf("%s is not a PNG", chartFile)
	}

	var man experiment.Manifest
	if err := json.Unmarshal(readFile(t, filepath.Join(dir, experiment.ManifestFile)), &man); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(readFile(t, small))
	if man.Command != "run" || man.Scenario != "small" || man.ScenarioFile != small || man.Seed != 7 || man.Replicates != 3 ||
		man.ScenarioSHA256 != hex.EncodeToString(sum[:]) || len(man.Sets) != 0 || man.Workers < 1 || man.Version == "" ||
		!strings.HasPrefix(man.GoVersion, "go") || man.Start == "" || man.End == "" || man.Seconds < 0 || len(man.Files) != 5 {
		t.Errorf("manifest: %+v", man)
	}
	if png := readFile(t, filepath.Join(dir, mapFile)); !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Errorf("%s is not a PNG", mapFile)
	}
	if routes := strings.SplitN(string(readFile(t, filepath.Join(dir, experiment.RoutesFile))), "\n", 2); routes[0] != experiment.RoutesHeader {
		t.Errorf("routes.csv header %q", routes[0])
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 6 {
		t.Errorf("%d files in the output directory, want the 6 results (and no temporary file)", len(entries))
	}
}

func TestRunProgress(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	code, _, errOut := krysha(context.Background(), "run", "-out", dir, "-workers", "1", small)
	if code != 0 || !strings.HasPrefix(errOut, "ran 3 replicates in ") ||
		!strings.HasSuffix(errOut, " (1 worker); results in "+dir+"\n") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// The results do not depend on the number of workers.
func TestRunDeterministic(t *testing.T) {
	t.Parallel()
	d1, out1 := runSmall(t, "-workers", "1", "-replicates", "6")
	d4, out4 := runSmall(t, "-workers", "4", "-replicates", "6")
	for _, name := range []string{experiment.YearlyFile, experiment.MonthlyFile, experiment.RoutesFile} {
		if !bytes.Equal(readFile(t, filepath.Join(d1, name)), readFile(t, filepath.Join(d4, name))) {
			t.Errorf("%s differs between -workers 1 and -workers 4", name)
		}
	}
	if out1 != out4 {
		t.Errorf("the table differs between -workers 1 and -workers 4:\n%s\n%s", out1, out4)
	}
}

// -first r -replicates 1 reproduces replicate r of a larger run alone.
func TestRunFirstReproducesOneReplicate(t *testing.T) {
	t.Parallel()
	all, _ := runSmall(t, "-replicates", "4")
	one, _ := runSmall(t, "-first", "3", "-replicates", "1")
	lines := strings.Split(string(readFile(t, filepath.Join(all, experiment.YearlyFile))), "\n")
	var want []string
	for _, l := range lines[1:] {
		if strings.HasPrefix(l, "3,") {
			want = append(want, l)
		}
	}
	got := strings.Split(strings.TrimSpace(string(readFile(t, filepath.Join(one, experiment.YearlyFile)))), "\n")[1:]
	if len(want) == 0 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("replicate 3 alone:\n%s\nwithin four replicates:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Replicate r of seed S is the same in any run with seed S, and -seed
// and -set change the runs and are recorded.
func TestRunSeedAndSet(t *testing.T) {
	t.Parallel()
	d1, _ := runSmall(t, "-seed", "11", "-replicates", "1")
	d3, out3 := runSmall(t, "-seed", "11", "-replicates", "3")
	y1 := string(readFile(t, filepath.Join(d1, experiment.YearlyFile)))
	y3 := string(readFile(t, filepath.Join(d3, experiment.YearlyFile)))
	if !strings.HasPrefix(y3, y1) || !strings.Contains(y1, "\n0,11,2000,") {
		t.Error("replicate 0 of seed 11 differs between -replicates 1 and -replicates 3")
	}
	if !strings.HasPrefix(out3, "scenario small, 3 replicates, seed 11:") {
		t.Errorf("table header: %.60q", out3)
	}
	ds, _ := runSmall(t, "-seed", "11", "-replicates", "3", "-set", "bribe.same_clan=0", "-set", "enforcement.budget_scale=2")
	if bytes.Equal(readFile(t, filepath.Join(ds, experiment.YearlyFile)), []byte(y3)) {
		t.Error("-set did not change the results")
	}
	var man experiment.Manifest
	if err := json.Unmarshal(readFile(t, filepath.Join(ds, experiment.ManifestFile)), &man); err != nil {
		t.Fatal(err)
	}
	if strings.Join(man.Sets, " ") != "bribe.same_clan=0 enforcement.budget_scale=2" || man.Seed != 11 {
		t.Errorf("manifest sets %q, seed %d", man.Sets, man.Seed)
	}
}

// Bad input exits 2 with every problem and writes nothing.
func TestRunInvalid(t *testing.T) {
	t.Parallel()
	usage := "usage: krysha run [flags] [SCENARIO.toml]\n\nFlags:\n"
	tests := []struct {
		name string
		args []string
		want []string // each in stderr
	}{
		{"unknown key and wrong type", []string{"testdata/bad_keys.toml"}, []string{
			`testdata/bad_keys.toml:5: seed: expected a non-negative integer, found string "seven"` + "\n",
			`testdata/bad_keys.toml:6: replicats: unknown key (did you mean "replicates"?)` + "\n"}},
		{"bad values", []string{"testdata/bad_values.toml"}, []string{
			"testdata/bad_values.toml:4: end: must not be before start",
			`testdata/bad_values.toml:21: edges[4].to: unknown node "x"`,
			"testdata/bad_values.toml:49: organization[0].capital: must not be negative"}},
		{"syntax", []string{"testdata/bad_syntax.toml"}, []string{"testdata/bad_syntax.toml:4: "}},
		{"bad -set", []string{"-set", "bribe.nope=1", "-set", "enforcement.budget_scale=abc", "-set", "oops", small}, []string{
			"-set: bribe.nope: unknown key",
			"-set: enforcement.budget_scale: expected a number",
			`-set: "oops": expected PATH=VALUE`}},
		{"missing file", []string{"testdata/nosuch.toml"}, []string{"testdata/nosuch.toml: no such file or directory\n"}},
		{"missing observed", []string{"testdata/missing_observed.toml"}, []string{
			"testdata/missing_observed.toml:7: observed: cannot read " + filepath.Join("testdata", "no_such_data.csv")}},
		{"bad observed", []string{"testdata/bad_observed.toml"}, []string{
			`bad_observed.csv:3: value: must be a number, is "three"`,
			"bad_observed.csv:4: source: is empty"}},
		{"bad flag", []string{"-replicate", "2", small}, []string{
			"krysha run: flag provided but not defined: -replicate\n" + usage}},
		{"negative replicates", []string{"-replicates", "-3", small}, []string{
			"krysha run: -replicates must be in 1..100000, is -3\n" + usage}},
		{"zero workers", []string{"-workers", "0", small}, []string{"krysha run: -workers must be at least 1, is 0\n" + usage}},
		{"negative seed", []string{"-seed", "-1", small}, []string{`krysha run: invalid value "-1" for flag -seed`}},
		{"two files", []string{small, small}, []string{"krysha run: one scenario file at most, got 2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "out")
			args := append([]string{"run", "-out", dir}, tt.args...)
			code, out, errOut := krysha(context.Background(), args...)
			if code != exitUsage || out != "" {
				t.Errorf("exit %d, stdout %q; want 2 and nothing", code, out)
			}
			for _, w := range tt.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
			if _, err := os.Stat(dir); !os.IsNotExist(err) {
				t.Errorf("the output directory was created (%v)", err)
			}
		})
	}
}

func TestRunOutputNotWritable(t *testing.T) {
	t.Parallel()
	// A regular file where a directory should be: fails even for root.
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o666); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := krysha(context.Background(), "run", "-quiet", "-out", filepath.Join(file, "out"), small)
	if code != exitFailure || !strings.HasPrefix(errOut, "krysha: creating the output directory: ") {
		t.Errorf("exit %d, stderr %q; want 1 and a message", code, errOut)
	}
}

// An interrupted run exits 128+signal and leaves no result file, whole
// or partial, nor the manifest of an earlier run in the same directory.
func TestRunInterrupted(t *testing.T) {
	t.Parallel()
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		ctx, cancel := context.WithCancelCause(context.Background())
		cancel(&interrupted{sig: sig})
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, experiment.ManifestFile), []byte("{}\n"), 0o666); err != nil {
			t.Fatal(err)
		}
		code, out, errOut := krysha(ctx, "run", "-quiet", "-out", dir, small)
		if code != 128+int(sig) || out != "" || errOut != "krysha: interrupted\n" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", sig, code, out, errOut)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%v: the interrupted run left %d files", sig, len(entries))
		}
	}
}

// The first command of the README: the embedded default runs.
func TestRunDefault(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	code, out, errOut := krysha(context.Background(), "run", "-quiet", "-replicates", "2", "-out", dir)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	if !strings.HasPrefix(out, "scenario kazakhstan, 2 replicates, seed 1:") || !strings.Contains(out, "\n2015 ") {
		t.Errorf("table:\n%s", out)
	}
	var man experiment.Manifest
	if err := json.Unmarshal(readFile(t, filepath.Join(dir, experiment.ManifestFile)), &man); err != nil {
		t.Fatal(err)
	}
	if man.ScenarioFile != "kazakhstan.toml (embedded)" {
		t.Errorf("scenario_file %q", man.ScenarioFile)
	}
	if _, err := os.Stat(filepath.Join(dir, chartFile)); err != nil {
		t.Error(err)
	}
}
