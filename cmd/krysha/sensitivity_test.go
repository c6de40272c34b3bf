package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/krysha/krysha/sim/experiment"
)

// sensSmall varies three parameters of small.toml, one of which
// (people.scope_discount) the model ignores with diversification
// switched off: only drug organizations that diversify into people pay
// the entry cost it discounts.
var sensSmall = []string{
	"-set", "mechanisms.diversification=false",
	"-vary", "enforcement.budget_scale=0.5:2",
	"-vary", "bribe.same_clan=0:2",
	"-vary", "people.scope_discount=0:0.9",
	"-replicates", "2", "-resamples", "200",
}

// tinyMorris is 4 trajectories of 4 points × 2 replicates = 32 runs;
// tinySobol 16 base rows of 5 points × 2 replicates = 160 runs, by year.
var (
	tinyMorris = append([]string{"-method", "morris", "-trajectories", "4"}, sensSmall...)
	tinySobol  = append([]string{"-method", "sobol", "-samples", "16", "-by-year"}, sensSmall...)
)

// sensitivityFiles are the files an analysis writes whose bytes depend
// only on the inputs.
var sensitivityFiles = []string{experiment.RunsFile, experiment.YearlyFile, experiment.FailuresFile, sensitivityCSV}

// sensitivitySmall runs krysha sensitivity on small.toml into dir and
// returns its stdout, failing the test unless it exits 0 with nothing on
// stderr.
func sensitivitySmall(t *testing.T, dir string, flags ...string) string {
	t.Helper()
	args := append(append([]string{"sensitivity", "-quiet", "-out", dir}, flags...), small)
	code, out, errOut := krysha(context.Background(), args...)
	if code != 0 || errOut != "" {
		t.Fatalf("krysha %s: exit %d, stderr:\n%s", strings.Join(args, " "), code, errOut)
	}
	return out
}

func sameSensFiles(t *testing.T, names []string, want, got string) {
	t.Helper()
	for _, name := range names {
		w, g := readFile(t, filepath.Join(want, name)), readFile(t, filepath.Join(got, name))
		if !bytes.Equal(w, g) {
			t.Errorf("%s differs between %s (%d bytes) and %s (%d bytes)", name, want, len(w), got, len(g))
		}
	}
}

// sensRows returns the rows of sensitivity.csv by outcome, span and
// parameter ("prosecutions 2000-2004 routes.tau"), each column by name.
func sensRows(t *testing.T, dir string) map[string]map[string]float64 {
	t.Helper()
	recs := readCSV(t, filepath.Join(dir, sensitivityCSV))
	out := map[string]map[string]float64{}
	for _, r := range recs[1:] {
		row := map[string]float64{}
		for j, c := range recs[0][4:] {
			v, err := strconv.ParseFloat(r[4+j], 64)
			if err != nil {
				t.Fatalf("%s: %s %q: %v", sensitivityCSV, c, r[4+j], err)
			}
			row[c] = v
		}
		out[r[0]+" "+r[1]+"-"+r[2]+" "+r[3]] = row
	}
	return out
}

// A tiny Morris and a tiny Sobol analysis write their files, the same
// bytes for 1 and 2 workers, and give the parameter the model ignores
// indices of zero — exactly, since with common random numbers a run
// that changes only that parameter is the same run.
func TestSensitivityWorkersAndIgnoredParameter(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name  string
		flags []string
		files []string
	}{
		{"morris", tinyMorris, []string{sensitivityPNG}},
		{"sobol", tinySobol, []string{sensitivityPNG, sensitivityYearsPNG}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			root := t.TempDir()
			one, two := filepath.Join(root, "one"), filepath.Join(root, "two")
			out1 := sensitivitySmall(t, one, append(tt.flags, "-workers", "1")...)
			out2 := sensitivitySmall(t, two, append(tt.flags, "-workers", "2")...)
			sameSensFiles(t, append(sensitivityFiles, tt.files...), one, two)
			if out1 != out2 {
				t.Errorf("stdout differs between 1 and 2 workers:\n%s\n---\n%s", out1, out2)
			}
			m := readManifest(t, one)
			if m.Command != "sensitivity" || m.Status != experiment.StatusComplete || len(m.Files) != 4+len(tt.files) {
				t.Errorf("manifest: command %s, status %s, files %v", m.Command, m.Status, m.Files)
			}
			rows := sensRows(t, one)
			spans := []string{"2000-2004"}
			if tt.name == "sobol" {
				spans = append(spans, "2000-2000", "2004-2004")
			}
			for _, o := range []string{"prosecutions", "convictions", "corrupt_share"} {
				for _, span := range spans {
					ignored := rows[o+" "+span+" people.scope_discount"]
					budget := rows[o+" "+span+" enforcement.budget_scale"]
					if ignored == nil || budget == nil {
						t.Fatalf("no rows for %s %s", o, span)
					}
					for _, c := range []string{"mu_star", "sigma", "mu_star_hi", "ST", "S1", "ST_hi"} {
						if v, ok := ignored[c]; ok && v != 0 {
							t.Errorf("%s %s: %s of the ignored people.scope_discount = %g, want 0", o, span, c, v)
						}
					}
					if budget["mu_star"]+budget["ST"] <= 0 {
						t.Errorf("%s %s: the budget has no effect: %v", o, span, budget)
					}
				}
			}
		})
	}
}

// The Morris table printed, its CSV and its noise floor agree with
// what a reader of the docs expects; the golden file shows the table.
func TestSensitivityMorrisGolden(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "m")
	golden(t, "sensitivity-morris.txt", sensitivitySmall(t, dir, tinyMorris...))
	head := strings.Join(readCSV(t, filepath.Join(dir, sensitivityCSV))[0], ",")
	if want := "outcome,first_year,last_year,parameter," + strings.Join(morrisColumns, ","); head != want {
		t.Errorf("header %q, want %q", head, want)
	}
}

// Shards, merged and analysed with -resume, give the unsharded
// analysis; -resume of a finished analysis redoes only the analysis.
func TestSensitivityShardsAndResume(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	whole := filepath.Join(root, "whole")
	want := sensitivitySmall(t, whole, tinySobol...)
	shards := filepath.Join(root, "shards")
	for _, sh := range []string{"0/2", "1/2"} {
		if out := sensitivitySmall(t, shards, append(tinySobol, "-shard", sh)...); out != "" {
			t.Errorf("shard %s printed %q; a shard has nothing to analyse", sh, out)
		}
	}
	if code, _, errOut := krysha(context.Background(), "merge", "-quiet", shards); code != 0 {
		t.Fatalf("merge: exit %d, %s", code, errOut)
	}
	got := sensitivitySmall(t, shards, append(tinySobol, "-resume")...)
	sameSensFiles(t, sensitivityFiles, whole, shards)
	if got != want {
		t.Errorf("the merged analysis prints\n%s\nthe whole one\n%s", got, want)
	}
	// Nothing left to run: -resume analyses again, the same.
	if again := sensitivitySmall(t, whole, append(tinySobol, "-resume")...); again != want {
		t.Errorf("a second -resume prints\n%s", again)
	}
	if m := readManifest(t, whole); m.Sessions != 2 || m.Done != m.Runs {
		t.Errorf("after -resume: %d sessions, %d of %d runs", m.Sessions, m.Done, m.Runs)
	}
}

// The [sensitivity] table gives the parameters and sizes; flags win.
func TestSensitivityTable(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	code, _, errOut := krysha(context.Background(), "sensitivity", "-quiet", "-replicates", "3", "-out", dir, "testdata/sensitivity_table.toml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	m := readManifest(t, dir)
	// 3 trajectories of 3 points (the table), 3 replicates (the flag).
	if m.Runs != 27 || m.Replicates != 3 || m.Window != (experiment.Window{First: 2002, Last: 2004}) ||
		strings.Join(m.Columns, " ") != "enforcement.budget_scale patronage.rotation_months" {
		t.Errorf("manifest %+v", m)
	}
	if _, err := os.Stat(filepath.Join(dir, sensitivityYearsPNG)); err != nil {
		t.Errorf("by_year = true in the table: %v", err)
	}
}

// Where the ranges were written is not part of the study: one started
// from the [sensitivity] table resumes with the same ranges as -vary.
func TestSensitivityResumeAcrossSources(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	table := "testdata/sensitivity_table.toml"
	if code, _, errOut := krysha(context.Background(), "sensitivity", "-quiet", "-out", dir, table); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	args := []string{"sensitivity", "-quiet", "-resume", "-out", dir, "-trajectories", "3",
		"-vary", "enforcement.budget_scale=0.5:2", "-vary", "patronage.rotation_months=6:24", table}
	if code, _, errOut := krysha(context.Background(), args...); code != 0 {
		t.Errorf("krysha %s: exit %d: %s", strings.Join(args, " "), code, errOut)
	}
}

func TestSensitivityUsage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-method", "fast", "-vary", "a.b=0:1"}, `-method "fast": want morris or sobol`},
		{[]string{"-samples", "8", "-vary", "enforcement.budget_scale=0:1"}, "-samples is for -method sobol"},
		{[]string{"-method", "sobol", "-trajectories", "8", "-vary", "enforcement.budget_scale=0:1"}, "-trajectories and -levels are for -method morris"},
		{[]string{"-replicates", "0"}, "-replicates must be at least 1, is 0"},
		{[]string{"-method", "sobol", "-samples", "1", "-vary", "enforcement.budget_scale=0:1"}, "-samples must be at least 2"},
		{[]string{"-resamples", "-1"}, "-resamples must be at least 0"},
		{nil, "nothing to vary"},
		{[]string{"-vary", "enforcement.budget_scale=-1:1"}, "enforcement.budget_scale"},
		{[]string{"-vary", "enforcement.budget_scale=0:1", "-levels", "3"}, "levels p = 3, want an even number"},
	}
	for _, tt := range tests {
		args := append(append([]string{"sensitivity", "-out", filepath.Join(dir, "x")}, tt.args...), small)
		code, out, errOut := krysha(context.Background(), args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, tt.want) {
			t.Errorf("krysha %s: exit %d, stderr:\n%s\nwant exit 2 and %q", strings.Join(args, " "), code, errOut, tt.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x")); err == nil {
		t.Error("a usage error created the output directory")
	}
	code, _, errOut := krysha(context.Background(), "sensitivity", "testdata/sensitivity_bad_table.toml")
	for _, want := range []string{"sensitivity_bad_table.toml:", "sensitivity.replicate: unknown key (did you mean \"replicates\"?)", "sensitivity.by_year: expected true or false"} {
		if code != exitUsage || !strings.Contains(errOut, want) {
			t.Errorf("bad table: exit %d, stderr:\n%s\nwant %q", code, errOut, want)
		}
	}
}

func TestSensitivityDryRun(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "dry")
	code, out, errOut := krysha(context.Background(), append([]string{"sensitivity", "-dry-run", "-out", dir}, append(tinySobol, small)...)...)
	if code != 0 || !strings.Contains(out, "16 base rows of 5 points (Saltelli)") || !strings.Contains(out, "80 points × 2 replicates = 160 runs") {
		t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("-dry-run created the output directory")
	}
}

func TestSensitivityDiscoverHelp(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"sensitivity", "discover"} {
		code, out, errOut := krysha(context.Background(), "help", name)
		if code != 0 || errOut != "" {
			t.Fatalf("krysha help %s: exit %d, %s", name, code, errOut)
		}
		golden(t, "help-"+name+".txt", out)
	}
}
