package main

import (
	"bytes"
	"context"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/krysha/krysha/sim/experiment"
)

// nostash is small.toml without its stash: the stash mechanism cannot
// act there, from any month.
const nostash = "testdata/explain_nostash.toml"

// explainSmall runs krysha explain on nostash into dir with the flags,
// and fails the test unless it exits 0. It returns stdout.
func explainSmall(t *testing.T, dir string, flags ...string) string {
	t.Helper()
	args := append(append([]string{"explain", "-quiet", "-out", dir, "-metric", "investigations", "-from", "2001", "-to", "2003", "-since", "2001-01"}, flags...), nostash)
	code, out, errOut := krysha(context.Background(), args...)
	if code != 0 || errOut != "" {
		t.Fatalf("krysha %s: exit %d, stderr:\n%s", strings.Join(args, " "), code, errOut)
	}
	return out
}

// explainRows reads explain.csv as player -> row.
func explainRows(t *testing.T, dir string) (map[string][]string, []string) {
	t.Helper()
	recs := readCSV(t, filepath.Join(dir, explainCSVFile))
	want := "player,mechanisms,contribution,lo,hi,replicate_se,sampling_se,share"
	if strings.Join(recs[0], ",") != want {
		t.Fatalf("explain.csv header %v", recs[0])
	}
	rows := map[string][]string{}
	var order []string
	for _, r := range recs[1:] {
		rows[r[0]] = r
		order = append(order, r[0])
	}
	return rows, order
}

// checkEfficiency checks that the players' contributions and the
// baseline add up to the total, to rounding: the sum of a few dozen
// terms of order 1 is exact to about 1e-14, so 1e-9 is slack.
func checkEfficiency(t *testing.T, rows map[string][]string, order []string) {
	t.Helper()
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%q is not a number", s)
		}
		return v
	}
	var sum float64
	for _, p := range order {
		if p != "total" {
			sum += num(rows[p][2])
		}
	}
	if total := num(rows["total"][2]); math.Abs(sum-total) > 1e-9 {
		t.Errorf("contributions and baseline add up to %v, the total change is %v", sum, total)
	}
}

// An exact explanation adds up, gives a mechanism that cannot act
// exactly nothing, and does not depend on -workers.
func TestExplainExact(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	one, two := filepath.Join(root, "one"), filepath.Join(root, "two")
	flags := []string{"-mechanisms", "stash,bribery,patronage,audits", "-replicates", "4"}
	out := explainSmall(t, one, append(flags, "-workers", "1")...)
	explainSmall(t, two, append(flags, "-workers", "2")...)
	for _, name := range []string{explainCSVFile, experiment.RunsFile, experiment.YearlyFile, studyReportFile} {
		a, b := readFile(t, filepath.Join(one, name)), readFile(t, filepath.Join(two, name))
		if name == studyReportFile { // it names its directory
			b = bytes.ReplaceAll(b, []byte(two), []byte(one))
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between -workers 1 and 2", name)
		}
	}
	rows, order := explainRows(t, one)
	if len(order) != 6 || order[4] != "baseline" || order[5] != "total" {
		t.Fatalf("explain.csv rows %v; want 4 players, the baseline and the total", order)
	}
	checkEfficiency(t, rows, order)
	if s := rows["stash"]; s[2] != "0" || s[3] != "0" || s[4] != "0" {
		t.Errorf("stash, which has no node to act on, got %v; want exactly 0", s)
	}
	if !strings.Contains(out, "exact Shapley values over 4 players (16 arms)") {
		t.Errorf("report:\n%s", out)
	}
	m := readManifest(t, one)
	if m.Command != "explain" || m.Arms != 16 || m.Runs != 64 || m.Status != experiment.StatusComplete {
		t.Errorf("manifest %+v", m)
	}
	for _, f := range []string{explainCSVFile, explainPNGFile, studyReportFile} {
		if !strings.Contains(strings.Join(m.Files, " "), f) {
			t.Errorf("the manifest does not list %s: %v", f, m.Files)
		}
	}

	// Another change of the same arms is explained without running them.
	args := []string{"explain", "-quiet", "-resume", "-out", one, "-metric", "prosecutions", "-from", "2000", "-to", "2004", "-since", "2001-01"}
	args = append(append(args, flags...), nostash)
	code, _, errOut := krysha(context.Background(), args...)
	if code != 0 {
		t.Fatalf("re-analysis: exit %d: %s", code, errOut)
	}
	if m := readManifest(t, one); m.Sessions != 2 || m.Done != 64 {
		t.Errorf("after the re-analysis: %d sessions, %d runs", m.Sessions, m.Done)
	}
	rows, order = explainRows(t, one)
	checkEfficiency(t, rows, order)
}

// A sampled explanation over every mechanism keeps efficiency and the
// dummy exactly, whatever the orderings drawn.
func TestExplainSampled(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	out := explainSmall(t, dir, "-permutations", "4", "-replicates", "2")
	rows, order := explainRows(t, dir)
	if len(order) != 18+2 {
		t.Fatalf("%d rows; want the 18 mechanisms, the baseline and the total", len(order))
	}
	checkEfficiency(t, rows, order)
	if s := rows["stash"]; s[2] != "0" || s[6] != "0" {
		t.Errorf("stash got %v; want exactly 0 with no sampling error", s)
	}
	if !strings.Contains(out, "sampled from 4 orderings") {
		t.Errorf("report:\n%s", out)
	}
}

// Groups are players; every run of an arm is reproduced alone by the
// command in its row of runs.csv.
func TestExplainGroupsAndCommands(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	explainSmall(t, dir, "-group", "corruption=bribery,contagion,patronage", "-mechanisms", "corruption,audits", "-replicates", "2")
	rows, _ := explainRows(t, dir)
	if r := rows["corruption"]; r == nil || r[1] != "bribery contagion patronage" {
		t.Fatalf("no group row: %v", rows)
	}
	runs := readCSV(t, filepath.Join(dir, experiment.RunsFile))
	if got := strings.Join(runs[0][:6], ","); got != "run,point,replicate,seed,corruption,audits" {
		t.Fatalf("runs.csv header %s", got)
	}
	// Run 1 is arm 0 (everything off), replicate 1.
	row := runs[2]
	if row[0] != "1" || row[4] != "0" || row[5] != "0" {
		t.Fatalf("run 1: %v", row)
	}
	words := shellWords(t, row[len(row)-1])
	if words[0] != "krysha" || words[len(words)-1] != nostash {
		t.Fatalf("command %q", row[len(row)-1])
	}
	alone := filepath.Join(t.TempDir(), "alone")
	args := append(append([]string(nil), words[1:len(words)-1]...), "-quiet", "-out", alone, nostash)
	if code, _, errOut := krysha(context.Background(), args...); code != 0 {
		t.Fatalf("krysha %s: exit %d: %s", strings.Join(args, " "), code, errOut)
	}
	// The study's yearly rows of run 1, without run,point, against the
	// lone run's, without replicate (both then start with seed,year).
	var study, lone []string
	for _, r := range readCSV(t, filepath.Join(dir, experiment.YearlyFile))[1:] {
		if r[0] == "1" {
			study = append(study, strings.Join(r[3:], ","))
		}
	}
	for _, r := range readCSV(t, filepath.Join(alone, experiment.YearlyFile))[1:] {
		lone = append(lone, strings.Join(r[1:], ","))
	}
	if strings.Join(study, "\n") != strings.Join(lone, "\n") {
		t.Errorf("the command of run 1 does not reproduce it:\n%s\nvs\n%s", strings.Join(study, "\n"), strings.Join(lone, "\n"))
	}
}

// shellWords splits a command as a POSIX shell would, for the quoting
// experiment.Plan.Command uses: bare words and '...' with '\” inside.
func shellWords(t *testing.T, s string) []string {
	t.Helper()
	var words []string
	var w strings.Builder
	in, started := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case in && c == '\'':
			in = false
		case in:
			w.WriteByte(c)
		case c == '\'':
			in, started = true, true
		case c == '\\' && i+1 < len(s):
			i++
			w.WriteByte(s[i])
			started = true
		case c == ' ':
			if started {
				words = append(words, w.String())
				w.Reset()
				started = false
			}
		default:
			w.WriteByte(c)
			started = true
		}
	}
	if in {
		t.Fatalf("unbalanced quote in %q", s)
	}
	if started {
		words = append(words, w.String())
	}
	return words
}

func TestExplainUsageErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-from", "2003", "-to", "2003"}, "the same year"},
		{[]string{"-metric", "prosecution"}, `unknown metric "prosecution" (did you mean "prosecutions"?)`},
		{[]string{"-from", "1990"}, "outside the scenario's years 2000-2004"},
		{[]string{"-since", "2010-01", "-from", "2001", "-to", "2002"}, "-since 2010-01 is outside"},
		{[]string{"-since", "May", "-from", "2001", "-to", "2002"}, "want a month YYYY-MM"},
		{[]string{"-mechanisms", "bribry", "-from", "2001", "-to", "2002", "-since", "2001-01"}, `unknown mechanism "bribry" (did you mean "bribery"?)`},
		{[]string{"-group", "g=bribery", "-group", "h=bribery", "-from", "2001", "-to", "2002", "-since", "2001-01"}, "bribery is already in group g"},
		{[]string{"-replicates", "0", "-from", "2001", "-to", "2002", "-since", "2001-01"}, "-replicates must be in"},
	}
	for _, tt := range tests {
		dir := filepath.Join(t.TempDir(), "out")
		args := append(append([]string{"explain", "-out", dir}, tt.args...), nostash)
		code, out, errOut := krysha(context.Background(), args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, tt.want) {
			t.Errorf("krysha %s: exit %d, stdout %q, stderr:\n%s\nwant exit 2 and %q", strings.Join(args, " "), code, out, errOut, tt.want)
		}
		if m, _ := filepath.Glob(filepath.Join(dir, "*")); len(m) > 0 {
			t.Errorf("krysha %s wrote %v", strings.Join(args, " "), m)
		}
	}
}

func TestExplainDryRun(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	code, out, errOut := krysha(context.Background(), "explain", "-dry-run", "-out", dir, "-mechanisms", "bribery,audits,stash",
		"-from", "2001", "-to", "2003", "-since", "2001-01", "-replicates", "5", nostash)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"exact Shapley values over 3 players: every subset, 8 arms × 5 replicates = 40 runs", "CPU time", "output: " + dir} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run does not say %q:\n%s", want, out)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*")); len(m) > 0 {
		t.Errorf("a dry run wrote %v", m)
	}
}

func TestExplainHelp(t *testing.T) {
	t.Parallel()
	code, out, errOut := krysha(context.Background(), "help", "explain")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	golden(t, "help-explain.txt", out)
	if _, again, _ := krysha(context.Background(), "explain", "-h"); again != out {
		t.Errorf("krysha explain -h differs from krysha help explain:\n%s", again)
	}
}

// The shards of an explanation, merged and analysed with -resume, give
// the explanation run whole, byte for byte.
func TestExplainShards(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	whole, sharded := filepath.Join(root, "whole"), filepath.Join(root, "sharded")
	flags := []string{"-mechanisms", "stash,bribery,audits", "-replicates", "3"}
	explainSmall(t, whole, flags...)
	for _, sh := range []string{"0/2", "1/2"} {
		if out := explainSmall(t, sharded, append(flags, "-shard", sh)...); out != "" {
			t.Errorf("shard %s printed a report:\n%s", sh, out)
		}
	}
	if code, _, errOut := krysha(context.Background(), "merge", "-quiet", sharded); code != 0 {
		t.Fatalf("merge: exit %d: %s", code, errOut)
	}
	explainSmall(t, sharded, append(flags, "-resume")...)
	for _, name := range []string{explainCSVFile, experiment.RunsFile, experiment.YearlyFile} {
		if a, b := readFile(t, filepath.Join(whole, name)), readFile(t, filepath.Join(sharded, name)); !bytes.Equal(a, b) {
			t.Errorf("%s differs between the whole and the merged shards", name)
		}
	}
}
