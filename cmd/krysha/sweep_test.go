package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"github.com/krysha/krysha/internal/testhook"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/krysha/krysha/sim/experiment"
)

// smallGrid is a sweep of small.toml: 3 × 2 points, 2 replicates, 12
// runs of a few milliseconds.
var smallGrid = []string{"-vary", "enforcement.budget_scale=0.5:2:3", "-vary", "patronage.rotation_months=12,24", "-replicates", "2"}

// sweepFiles are the data files of a sweep's directory.
var sweepFiles = []string{experiment.RunsFile, experiment.YearlyFile, experiment.RoutesFile, experiment.FailuresFile}

// sweepSmall runs krysha sweep on small.toml into dir with the flags,
// and fails the test unless it exits 0 without a word.
func sweepSmall(t *testing.T, dir string, flags ...string) {
	t.Helper()
	args := append(append([]string{"sweep", "-quiet", "-out", dir}, flags...), small)
	code, out, errOut := krysha(context.Background(), args...)
	if code != 0 || out != "" || errOut != "" {
		t.Fatalf("krysha %s: exit %d, stdout %q, stderr:\n%s", strings.Join(args, " "), code, out, errOut)
	}
}

// sameSweep compares the data files of two sweep directories byte for
// byte.
func sameSweep(t *testing.T, want, got string) {
	t.Helper()
	for _, name := range sweepFiles {
		w, g := readFile(t, filepath.Join(want, name)), readFile(t, filepath.Join(got, name))
		if !bytes.Equal(w, g) {
			t.Errorf("%s differs between %s (%d bytes) and %s (%d bytes)", name, want, len(w), got, len(g))
		}
	}
}

// readCSV reads a whole CSV file, failing on any malformed row.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(readFile(t, path))).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

func readManifest(t *testing.T, dir string) *experiment.StudyManifest {
	t.Helper()
	m, err := experiment.ReadStudyManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestSweepWritesFiles(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	sweepSmall(t, dir, smallGrid...)
	runs := readCSV(t, filepath.Join(dir, experiment.RunsFile))
	wantHead := "run,point,replicate,seed,enforcement.budget_scale,patronage.rotation_months,prosecutions,convictions,victims_identified,drug_seizures_kg,corrupt_share,command"
	if strings.Join(runs[0], ",") != wantHead || len(runs) != 13 {
		t.Fatalf("runs.csv: %d rows, header %q", len(runs)-1, strings.Join(runs[0], ","))
	}
	if got := strings.Join(runs[4][:6], ","); got != "3,1,1,7,0.5,24" {
		t.Errorf("run 3 is %s, want run 3 of point 1 (budget 0.5, rotation 24), replicate 1, seed 7", got)
	}
	yearly := readCSV(t, filepath.Join(dir, experiment.YearlyFile))
	if len(yearly) != 1+12*smallYears || strings.Join(yearly[0][:6], ",") != "run,point,replicate,seed,year,shipments_drugs" {
		t.Errorf("yearly.csv: %d rows, header %v", len(yearly)-1, yearly[0][:6])
	}
	routes := readCSV(t, filepath.Join(dir, experiment.RoutesFile))
	if strings.Join(routes[0], ",") != experiment.RoutesHeader || (len(routes)-1)%(12*smallYears) != 0 {
		t.Errorf("routes.csv: %d rows, header %v", len(routes)-1, routes[0])
	}
	if f := readCSV(t, filepath.Join(dir, experiment.FailuresFile)); len(f) != 1 {
		t.Errorf("failures.csv has %d rows", len(f)-1)
	}
	m := readManifest(t, dir)
	var spec struct {
		Kind    string `json:"kind"`
		Factors []struct {
			Path string `json:"path"`
			Int  bool   `json:"int"`
		} `json:"factors"`
	}
	if err := json.Unmarshal(m.Design, &spec); err != nil {
		t.Fatal(err)
	}
	if m.Command != "sweep" || m.Status != experiment.StatusComplete || m.Runs != 12 || m.Arms != 6 || m.Done != 12 ||
		m.Seed != 7 || m.Replicates != 2 || m.Window != (experiment.Window{First: 2000, Last: 2004}) || m.Sessions != 1 ||
		spec.Kind != "grid" || len(spec.Factors) != 2 || spec.Factors[0].Int || !spec.Factors[1].Int {
		t.Errorf("manifest: %+v, design %+v", m, spec)
	}
	for _, name := range m.Files {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	if n := len(m.Files); n != 4+5 {
		t.Errorf("%d files in the manifest, want the 4 data files and 5 heatmaps: %v", n, m.Files)
	}
}

// Results do not depend on -workers, and the shards of a sweep, merged,
// are the sweep, byte for byte.
func TestSweepWorkersAndShards(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	one, two := filepath.Join(root, "one"), filepath.Join(root, "two")
	sweepSmall(t, one, append(smallGrid, "-workers", "1")...)
	sweepSmall(t, two, append(smallGrid, "-workers", "2")...)
	sameSweep(t, one, two)

	shards := filepath.Join(root, "shards")
	for _, sh := range []string{"0/3", "1/3", "2/3"} {
		sweepSmall(t, shards, append(smallGrid, "-shard", sh)...)
	}
	code, _, errOut := krysha(context.Background(), "merge", shards)
	if code != 0 || !strings.HasPrefix(errOut, "merged 3 shards, 12 runs, in ") {
		t.Fatalf("krysha merge: exit %d, stderr %q", code, errOut)
	}
	sameSweep(t, one, shards)
	m := readManifest(t, shards)
	if m.Status != experiment.StatusComplete || m.Shard.Count != 1 || m.Done != 12 || len(m.MergedFrom) != 3 {
		t.Errorf("merged manifest: %+v", m)
	}
	for _, name := range m.Files {
		if _, err := os.Stat(filepath.Join(shards, name)); err != nil {
			t.Error(err)
		}
	}
	// A merge can be made again, over the first.
	if code, _, errOut := krysha(context.Background(), "merge", "-quiet", shards); code != 0 || errOut != "" {
		t.Errorf("second merge: exit %d, %s", code, errOut)
	}
	sameSweep(t, one, shards)
}

// The command in a run's row reproduces it: `krysha run` writes the same
// yearly numbers.
func TestSweepCommandReproducesRun(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "sweep")
	sweepSmall(t, dir, smallGrid...)
	runs := readCSV(t, filepath.Join(dir, experiment.RunsFile))
	row := runs[10] // run 9: point 4, replicate 1
	cmd := strings.Fields(row[len(row)-1])
	if cmd[0] != "krysha" || cmd[1] != "run" {
		t.Fatalf("command %q", row[len(row)-1])
	}
	one := filepath.Join(t.TempDir(), "one")
	code, _, errOut := krysha(context.Background(), append([]string{"run", "-quiet", "-out", one}, cmd[2:]...)...)
	if code != 0 {
		t.Fatalf("%s: exit %d, %s", row[len(row)-1], code, errOut)
	}
	var want []string
	for _, r := range readCSV(t, filepath.Join(dir, experiment.YearlyFile))[1:] {
		if r[0] == "9" {
			want = append(want, strings.Join(r[2:], ",")) // replicate,seed,year,... as run writes them
		}
	}
	got := readCSV(t, filepath.Join(one, experiment.YearlyFile))[1:]
	if len(got) != len(want) || len(want) != smallYears {
		t.Fatalf("%d years from run, %d in the sweep", len(got), len(want))
	}
	for i := range got {
		if g := strings.Join(got[i], ","); g != want[i] {
			t.Errorf("year %d:\nrun   %.80s…\nsweep %.80s…", i, g, want[i])
		}
	}
}

// A [sweep] table in the scenario is a sweep; flags win over its keys.
func TestSweepTable(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	code, _, errOut := krysha(context.Background(), "sweep", "-quiet", "-out", dir, "testdata/sweep_table.toml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	m := readManifest(t, dir)
	if m.Runs != 24 || m.Replicates != 2 || m.Window != (experiment.Window{First: 2002, Last: 2004}) ||
		strings.Join(m.Columns, " ") != "enforcement.budget_scale patronage.rotation_months" {
		t.Errorf("manifest %+v", m)
	}
	for _, r := range readCSV(t, filepath.Join(dir, experiment.RunsFile))[1:] {
		if strings.ContainsAny(r[5], ".e") {
			t.Errorf("run %s: rotation_months %s is not a whole number", r[0], r[5])
		}
	}
	dir2 := filepath.Join(t.TempDir(), "out")
	code, _, errOut = krysha(context.Background(), "sweep", "-quiet", "-out", dir2, "-samples", "3", "-replicates", "1", "testdata/sweep_table.toml")
	if m := readManifest(t, dir2); code != 0 || m.Runs != 3 {
		t.Errorf("flags over the table: exit %d, %d runs (%s)", code, m.Runs, errOut)
	}
}

// Bad input exits 2 with a message, and writes nothing.
func TestSweepInvalid(t *testing.T) {
	t.Parallel()
	usage := "usage: krysha sweep [flags] [SCENARIO.toml]\n"
	tests := []struct {
		name string
		args []string
		want []string // each in stderr
	}{
		{"nothing to vary", []string{small}, []string{"krysha sweep: nothing to vary", usage}},
		{"bad factor", []string{"-vary", "bribe.same_clan=2:1:3", small}, []string{"-vary bribe.same_clan=2:1:3: lo must be below hi"}},
		{"unknown parameter", []string{"-vary", "bribe.same_clam=0:1:2", small}, []string{`-vary bribe.same_clam=0:1:2: bribe.same_clam: unknown lever (did you mean "bribe.same_clan"?)`}},
		{"not a number", []string{"-vary", "name=1,2", small}, []string{"name is not a number or a switch"}},
		{"seed", []string{"-vary", "seed=1,2", small}, []string{"seed is not a model parameter"}},
		{"integer", []string{"-vary", "patronage.rotation_months=6.5,12", small}, []string{"value 6.5 is not an integer"}},
		{"switch", []string{"-vary", "mechanisms.patronage=0,2", small}, []string{"a switch takes the values 0 (false) and 1 (true)"}},
		{"range on a grid", []string{"-vary", "bribe.same_clan=0:1", small}, []string{"a grid needs levels"}},
		{"lhs without samples", []string{"-design", "lhs", "-vary", "bribe.same_clan=0:1", small}, []string{"-design lhs needs -samples N"}},
		{"unknown design", []string{"-design", "taguchi", "-vary", "bribe.same_clan=0:1:2", small}, []string{`-design "taguchi": want grid, lhs or sobol`}},
		{"samples on a grid", []string{"-samples", "5", "-vary", "bribe.same_clan=0:1:2", small}, []string{"-samples is for -design lhs or sobol"}},
		{"out of range", []string{"-vary", "patronage.clan_capture=0.5:1.5:3", small}, []string{
			"-vary: the point patronage.clan_capture=1.5 is not a valid scenario:",
			"patronage.clan_capture: must be in [0, 1], is 1.5"}},
		{"window", []string{"-window", "1990:1999", "-vary", "bribe.same_clan=0:1:2", small}, []string{"-window: window 1990:1999 is outside the scenario's years 2000:2004"}},
		{"shard", []string{"-shard", "3/3", "-vary", "bribe.same_clan=0:1:2", small}, []string{"-shard: shard 3/3: the index must be in 0..2"}},
		{"bad table", []string{"testdata/sweep_bad_table.toml"}, []string{
			`testdata/sweep_bad_table.toml:75: sweep.desing: unknown key (did you mean "design"?)`,
			`testdata/sweep_bad_table.toml:76: sweep.samples: expected a whole number of at least 1, found many`,
			`sweep.vary[1]: expected a string`}},
		{"two files", []string{small, small}, []string{"one scenario file at most"}},
		{"zero workers", []string{"-workers", "0", small}, []string{"-workers must be at least 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "out")
			code, out, errOut := krysha(context.Background(), append([]string{"sweep", "-out", dir}, tt.args...)...)
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

// A run that panics inside the engine (forced by a test hook) is recorded
// in failures.csv with its seed and parameters, the other runs finish,
// and the exit status says that runs failed.
func TestSweepEnginePanic(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	file := filepath.Join(root, "panics.toml")
	text := strings.Replace(string(readFile(t, small)), `name       = "small"`, `name       = "engine-panic-hook"`, 1)
	if err := os.WriteFile(file, []byte(text), 0o666); err != nil {
		t.Fatal(err)
	}
	obs := filepath.Join("testdata", "small_observed.csv")
	if err := os.WriteFile(filepath.Join(root, "small_observed.csv"), readFile(t, obs), 0o666); err != nil {
		t.Fatal(err)
	}
	defer testhook.SetStepPanic(func(scenario string, replicate, month int) bool {
		return scenario == "engine-panic-hook" && replicate == 1 && month == 7
	})()
	dir := filepath.Join(root, "out")
	code, _, errOut := krysha(context.Background(), "sweep", "-quiet", "-out", dir, "-replicates", "2",
		"-vary", "bribe.same_clan=0,1.5", file)
	if code != exitFailure || !strings.Contains(errOut, "krysha: 2 of 4 runs failed; their errors are in "+filepath.Join(dir, "failures.csv")) {
		t.Fatalf("exit %d, stderr %q; want 1 and the count of failed runs", code, errOut)
	}
	f := readCSV(t, filepath.Join(dir, experiment.FailuresFile))
	if len(f) != 3 {
		t.Fatalf("failures.csv: %q; want the two runs of replicate 1", f)
	}
	for i, want := range []string{"1,0,1,", "3,1,1,"} {
		row := strings.Join(f[i+1], ",")
		if !strings.HasPrefix(row, want) || !strings.Contains(row, "panicked") || !strings.Contains(row, "a panic forced in month 7 of replicate 1") ||
			!strings.Contains(row, "-set bribe.same_clan=") {
			t.Errorf("failures.csv row %q; want run, point, replicate 1, seed, the parameter, the panic and the command", row)
		}
	}
	if n := len(readCSV(t, filepath.Join(dir, experiment.RunsFile))); n != 3 {
		t.Errorf("runs.csv has %d runs, want the 2 that did not panic", n-1)
	}
}

// A run that fails is recorded with its error, the sweep goes on, and
// the exit status says so.
func TestSweepFailures(t *testing.T) {
	t.Parallel()
	// The default budget shares sum to 1, investigation 0.5 and training
	// 0.15 of it: the corners of these values are valid, but point
	// (0.5, 0.3) spends 115% of the budget.
	dir := filepath.Join(t.TempDir(), "out")
	code, _, errOut := krysha(context.Background(), "sweep", "-quiet", "-out", dir, "-replicates", "2",
		"-vary", "enforcement.share_investigation=0.1,0.5,0.2", "-vary", "enforcement.share_training=0.1,0.3", small)
	if code != exitFailure || !strings.Contains(errOut, "krysha: 2 of 12 runs failed; their errors are in "+filepath.Join(dir, "failures.csv")) {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	f := readCSV(t, filepath.Join(dir, experiment.FailuresFile))
	if len(f) != 3 || strings.Join(f[0], ",") != "run,point,replicate,seed,enforcement.share_investigation,enforcement.share_training,error,command" ||
		strings.Join(f[1][:6], ",") != "6,3,0,7,0.5,0.3" || !strings.Contains(f[1][6], "budget shares sum to") {
		t.Errorf("failures.csv: %q", f)
	}
	if m := readManifest(t, dir); m.Status != experiment.StatusFailed || m.Done != 10 || m.Failed != 2 {
		t.Errorf("manifest: status %s, %d done, %d failed", m.Status, m.Done, m.Failed)
	}
	if n := len(readCSV(t, filepath.Join(dir, experiment.RunsFile))); n != 11 {
		t.Errorf("runs.csv has %d runs, want the 10 that ran", n-1)
	}
}

func TestSweepDryRun(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	// Flags before and after the scenario.
	code, out, errOut := krysha(context.Background(), append([]string{"sweep", "-dry-run", small, "-out", dir, "-shard", "1/4"}, smallGrid...)...)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	for _, want := range []string{
		"sweep of small (testdata/small.toml): grid design over 2 parameters, seed 7\n",
		"  patronage.rotation_months  12,24    integer values\n",
		"6 points × 2 replicates = 12 runs; shard 1/4 has 3; outcomes averaged over 2000:2004\n",
		"a run took ", " of CPU time, ",
		"output: " + filepath.Join(dir, "shard-1-of-4") + " (manifest.json, runs.csv, yearly.csv, routes.csv, failures.csv)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("a dry run created the output directory (%v)", err)
	}
}

// A directory that holds a sweep is resumed only with -resume, and only
// if it is the same sweep.
func TestSweepExistingDirectory(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	sweepSmall(t, dir, smallGrid...)
	before := readFile(t, filepath.Join(dir, experiment.RunsFile))
	args := append([]string{"sweep", "-quiet", "-out", dir}, smallGrid...)
	if code, _, errOut := krysha(context.Background(), append(args, small)...); code != exitUsage ||
		!strings.Contains(errOut, "already holds a sweep (status complete): go on with it with -resume") {
		t.Errorf("again without -resume: exit %d, %s", code, errOut)
	}
	if code, _, errOut := krysha(context.Background(), append(args, "-resume", small)...); code != 0 || errOut != "" {
		t.Errorf("-resume of a finished sweep: exit %d, %s", code, errOut)
	}
	if !bytes.Equal(before, readFile(t, filepath.Join(dir, experiment.RunsFile))) {
		t.Error("resuming a finished sweep changed runs.csv")
	}
	if m := readManifest(t, dir); m.Sessions != 2 || m.Status != experiment.StatusComplete {
		t.Errorf("manifest after a resume: %d sessions, status %s", m.Sessions, m.Status)
	}
	other := append([]string{"sweep", "-quiet", "-resume", "-out", dir, "-seed", "8"}, append(smallGrid, small)...)
	if code, _, errOut := krysha(context.Background(), other...); code != exitUsage || !strings.Contains(errOut, "it holds another sweep: the seed differs") {
		t.Errorf("-resume with another seed: exit %d, %s", code, errOut)
	}
}

// krysha plot redraws the charts from the files alone.
func TestPlotRedraws(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	sweepSmall(t, dir, "-vary", "bribe.same_clan=0:2:3", "-replicates", "3")
	m := readManifest(t, dir)
	charts := m.Files[4:]
	if len(charts) != 5 || charts[0] != "response-prosecutions.png" {
		t.Fatalf("charts %v, want 5 response curves", charts)
	}
	old := map[string][]byte{}
	for _, c := range charts {
		old[c] = readFile(t, filepath.Join(dir, c))
		if err := os.Remove(filepath.Join(dir, c)); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := krysha(context.Background(), "plot", dir)
	if code != 0 || out != dir+": "+strings.Join(charts, " ")+"\n" {
		t.Fatalf("krysha plot: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	for _, c := range charts {
		if !bytes.Equal(old[c], readFile(t, filepath.Join(dir, c))) {
			t.Errorf("%s redrawn differs from the sweep's", c)
		}
	}
	if code, _, errOut := krysha(context.Background(), "plot", t.TempDir()); code != exitUsage || !strings.Contains(errOut, "not a sweep's directory") {
		t.Errorf("plot of an empty directory: exit %d, %s", code, errOut)
	}
}

// Merge names the runs that no shard holds, and writes nothing.
func TestMergeMissingShard(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	for _, sh := range []string{"0/3", "2/3"} {
		sweepSmall(t, root, append(smallGrid, "-shard", sh)...)
	}
	out := filepath.Join(root, "merged")
	code, _, errOut := krysha(context.Background(), "merge", root, "-out", out) // flags after the directories
	if code != exitFailure || errOut != "krysha: 4 of the 12 runs are in no shard: 1, 4, 7, 10\n" {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("the failed merge wrote %d files", len(entries))
	}
}

func TestSweepHelp(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"sweep", "merge", "plot"} {
		code, out, errOut := krysha(context.Background(), "help", name)
		if code != 0 || errOut != "" {
			t.Errorf("help %s: exit %d, %s", name, code, errOut)
		}
		golden(t, "help-"+name+".txt", out)
	}
}
