package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/krysha/krysha/sim/analysis/effects"
	"github.com/krysha/krysha/sim/experiment"
)

// compareSmall is small.toml with three policies: budget (the budget
// doubles from 2002-01, 2M USD a year), audits (from 2002-07, 0.5M) and
// noop (a scale by 1 from 2002-01, no cost). Runs take milliseconds.
const compareSmall = "testdata/compare_small.toml"

// krcompare runs krysha compare with args and fails the test unless it
// exits 0; it returns stdout.
func krcompare(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := krysha(context.Background(), append([]string{"compare"}, args...)...)
	if code != 0 {
		t.Fatalf("krysha compare %s: exit %d, stderr:\n%s", strings.Join(args, " "), code, errOut)
	}
	return out
}

// compareRows reads compare.csv into maps from column to cell.
func compareRows(t *testing.T, dir string) []map[string]string {
	t.Helper()
	recs := readCSV(t, filepath.Join(dir, compareCSV))
	if got := strings.Join(recs[0], ","); got != compareCSVHeader {
		t.Fatalf("compare.csv header %q", got)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for j, h := range recs[0] {
			m[h] = r[j]
		}
		out = append(out, m)
	}
	return out
}

// compareCell returns the row of policy and outcome.
func compareCell(t *testing.T, rows []map[string]string, policy, outcome string) map[string]string {
	t.Helper()
	for _, r := range rows {
		if r["policy"] == policy && r["outcome"] == outcome {
			return r
		}
	}
	t.Fatalf("compare.csv has no row for %s and %s", policy, outcome)
	return nil
}

func csvNum(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return v
}

func TestCompareWritesFiles(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "cmp")
	out := krcompare(t, "-quiet", "-replicates", "4", "-out", dir, compareSmall)
	for _, want := range []string{
		"compare small: 3 policies against the baseline, 4 replicates of seed 7 on common random numbers",
		"outcomes are means a year over 2002–2004",
		"Student's t, 3 degrees of freedom",
		"Ranked by the effect on convictions (higher is better):",
		"Variance reduction factor (VRF)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.TrimRight(line, " ") != line {
			t.Errorf("trailing spaces in %q", line)
		}
	}
	for _, name := range []string{experiment.RunsFile, experiment.YearlyFile, experiment.RoutesFile, experiment.FailuresFile, compareCSV, compareChart, effectsChart} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	man := readManifest(t, dir)
	if man.Command != "compare" || man.Arms != 4 || man.Runs != 16 || !slices.Equal(man.Columns, []string{"policy"}) ||
		man.Window != (experiment.Window{First: 2002, Last: 2004}) || man.Status != experiment.StatusComplete ||
		!slices.Contains(man.Files, compareCSV) || !slices.Contains(man.Files, effectsChart) {
		t.Errorf("manifest: %+v", man)
	}
	var d compareDesign
	if err := json.Unmarshal(man.Design, &d); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range d.Arms {
		names = append(names, a.Name)
	}
	if d.Kind != compareKind || !slices.Equal(names, []string{"baseline", "budget", "audits", "noop"}) ||
		d.Arms[1].CostUSD != 2e6 || d.Arms[2].Start != "2002-07" || d.Rank != "convictions" || len(d.OfficialWeights) != 5 {
		t.Errorf("design: %+v", d)
	}
	runs := readCSV(t, filepath.Join(dir, experiment.RunsFile))
	if runs[0][4] != "policy" || runs[5][4] != "budget" || !strings.Contains(runs[5][len(runs[5])-1], "-policy budget") {
		t.Errorf("runs.csv row of run 4: %v", runs[5])
	}
	rows := compareRows(t, dir)
	if len(rows) != 3*numCompareOutcomes {
		t.Fatalf("compare.csv has %d rows, want 3 policies × %d outcomes", len(rows), numCompareOutcomes)
	}
	b := compareCell(t, rows, "budget", "convictions")
	if csvNum(t, b["cost_usd"]) != 2e6 || b["pairs"] != "4" || b["ranked_by"] != "convictions" || b["better"] != "higher" ||
		compareCell(t, rows, "budget", "victims_trafficked")["better"] != "lower" {
		t.Errorf("the budget's convictions row: %v", b)
	}
}

// The effects are the paired differences of the window means that
// runs.csv holds, computed again by hand here; the two outcomes not in
// runs.csv are checked against yearly.csv.
func TestCompareEffectsFromRuns(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "cmp")
	krcompare(t, "-quiet", "-replicates", "4", "-policy", "budget", "-out", dir, compareSmall)
	f, err := os.Open(filepath.Join(dir, experiment.RunsFile))
	if err != nil {
		t.Fatal(err)
	}
	tab, err := experiment.ReadRuns(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	rows := compareRows(t, dir)
	for o := range experiment.NumOutcomes {
		var d, base []float64
		for r := range 4 {
			a, b := tab.Rows[4+r].Outcomes[o], tab.Rows[r].Outcomes[o]
			d, base = append(d, a-b), append(base, b)
		}
		mean := (d[0] + d[1] + d[2] + d[3]) / 4
		bm := (base[0] + base[1] + base[2] + base[3]) / 4
		row := compareCell(t, rows, "budget", o.Name())
		// 1e-12 relative: the same sums in another order.
		if got := csvNum(t, row["effect"]); math.Abs(got-mean) > 1e-12*math.Max(1, math.Abs(mean)) {
			t.Errorf("%s: effect %v, want %v", o, got, mean)
		}
		if got := csvNum(t, row["baseline_mean"]); math.Abs(got-bm) > 1e-12*math.Max(1, math.Abs(bm)) {
			t.Errorf("%s: baseline %v, want %v", o, got, bm)
		}
	}
	// victims_trafficked: the mean over 2002-2004 of yearly.csv's column.
	yearly := readCSV(t, filepath.Join(dir, experiment.YearlyFile))
	col := slices.Index(yearly[0], "victims_trafficked")
	var sum float64
	for _, r := range yearly[1:] {
		if y := r[4]; r[1] == "0" && y >= "2002" && y <= "2004" {
			sum += csvNum(t, r[col])
		}
	}
	want := sum / 3 / 4
	if got := csvNum(t, compareCell(t, rows, "budget", "victims_trafficked")["baseline_mean"]); math.Abs(got-want) > 1e-12*want {
		t.Errorf("victims_trafficked baseline %v, want %v", got, want)
	}
}

// A policy that changes nothing (the budget scaled by 1) gives every
// replicate the same numbers as the baseline's: every effect is exactly
// zero, with a zero interval.
func TestCompareNoopIsZero(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "cmp")
	krcompare(t, "-quiet", "-replicates", "5", "-policy", "noop", "-routes=false", "-out", dir, compareSmall)
	yearly := readCSV(t, filepath.Join(dir, experiment.YearlyFile))
	n := (len(yearly) - 1) / 2 // baseline rows, then noop rows
	for i := 1; i <= n; i++ {
		base, noop := yearly[i], yearly[n+i]
		if base[1] != "0" || noop[1] != "1" || base[2] != noop[2] || base[4] != noop[4] || !slices.Equal(base[5:], noop[5:]) {
			t.Fatalf("replicate %s, year %s: the noop policy's record differs from the baseline's:\n%v\n%v", base[2], base[4], base, noop)
		}
	}
	for _, r := range compareRows(t, dir) {
		for _, k := range []string{"effect", "se", "ci95_low", "ci95_high"} {
			if r[k] != "0" {
				t.Errorf("noop, %s: %s = %s, want 0", r["outcome"], k, r[k])
			}
		}
		if r["relative_change"] != "0" && r["relative_change"] != "" {
			t.Errorf("noop, %s: relative change %s", r["outcome"], r["relative_change"])
		}
	}
}

// The effects do not depend on the number of workers.
func TestCompareDeterministic(t *testing.T) {
	t.Parallel()
	var outs [2]string
	var csvs [2][]byte
	for i, w := range []string{"1", "3"} {
		dir := filepath.Join(t.TempDir(), "cmp")
		outs[i] = krcompare(t, "-quiet", "-replicates", "4", "-workers", w, "-routes=false", "-out", dir, compareSmall)
		csvs[i] = readFile(t, filepath.Join(dir, compareCSV))
	}
	if outs[0] != outs[1] || !bytes.Equal(csvs[0], csvs[1]) {
		t.Errorf("1 and 3 workers differ:\n%s\n%s", outs[0], outs[1])
	}
}

// On the default scenario, pairing makes the interval of the effects on
// prosecutions and convictions narrower than independent runs would:
// the variance reduction factor exceeds 1 for each policy. Eight
// replicates of two policies, about a second of CPU.
func TestCompareVarianceReductionDefault(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the default scenario")
	}
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "cmp")
	out := krcompare(t, "-quiet", "-replicates", "8", "-policy", "victim-centred,budget-increase", "-routes=false", "-out", dir)
	rows := compareRows(t, dir)
	for _, p := range []string{"victim-centred", "budget-increase"} {
		for _, o := range []string{"prosecutions", "convictions"} {
			r := compareCell(t, rows, p, o)
			vrf, se, unpaired := csvNum(t, r["variance_reduction"]), csvNum(t, r["se"]), csvNum(t, r["unpaired_se"])
			if !(vrf > 1) || !(se < unpaired) {
				t.Errorf("%s, %s: variance reduction %v, paired SE %v, unpaired %v; want pairing to help", p, o, vrf, se, unpaired)
			}
			// The factor is the ratio of the squared standard errors.
			if math.Abs(vrf-unpaired*unpaired/(se*se)) > 1e-9*vrf {
				t.Errorf("%s, %s: variance reduction %v, but (unpaired/paired SE)² = %v", p, o, vrf, unpaired*unpaired/(se*se))
			}
		}
	}
	if !strings.Contains(out, "means a year over 2012–2015") {
		t.Errorf("the default window should start with the policies in 2012:\n%s", out)
	}
}

// Policies run together have the events and the costs of both.
func TestCompareCombination(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "cmp")
	krcompare(t, "-quiet", "-replicates", "3", "-policy", "budget,audits,budget+audits", "-routes=false", "-out", dir, compareSmall)
	rows := compareRows(t, dir)
	both := compareCell(t, rows, "budget+audits", "corrupt_share")
	if csvNum(t, both["cost_usd"]) != 2.5e6 || !strings.Contains(both["description"], " + ") {
		t.Errorf("budget+audits: %v", both)
	}
	alone := compareCell(t, rows, "budget", "corrupt_share")
	if both["effect"] == alone["effect"] || both["effect"] == compareCell(t, rows, "audits", "corrupt_share")["effect"] {
		t.Errorf("budget+audits has the effect of one policy alone: %s", both["effect"])
	}
}

// A comparison split in shards, merged and then resumed writes the same
// table and files as one run whole.
func TestCompareShardsMerge(t *testing.T) {
	t.Parallel()
	args := []string{"-quiet", "-replicates", "3", "-routes=false"}
	whole := filepath.Join(t.TempDir(), "whole")
	want := krcompare(t, append(args, "-out", whole, compareSmall)...)
	split := filepath.Join(t.TempDir(), "split")
	for _, sh := range []string{"0/2", "1/2"} {
		if out := krcompare(t, append(args, "-shard", sh, "-out", split, compareSmall)...); out != "" {
			t.Errorf("a shard printed a table:\n%s", out)
		}
	}
	if code, _, errOut := krysha(context.Background(), "merge", "-quiet", split); code != 0 {
		t.Fatalf("merge: exit %d\n%s", code, errOut)
	}
	got := krcompare(t, append(args, "-resume", "-out", split, compareSmall)...)
	if got != want {
		t.Errorf("merged and resumed:\n%s\nwhole:\n%s", got, want)
	}
	for _, name := range []string{experiment.RunsFile, experiment.YearlyFile, compareCSV} {
		if !bytes.Equal(readFile(t, filepath.Join(whole, name)), readFile(t, filepath.Join(split, name))) {
			t.Errorf("%s differs between the whole comparison and the merged shards", name)
		}
	}
	if m := readManifest(t, split); len(m.MergedFrom) != 2 || m.Sessions != 3 || m.Status != experiment.StatusComplete {
		t.Errorf("merged manifest: merged from %v, %d sessions, %s", m.MergedFrom, m.Sessions, m.Status)
	}
}

// A finished comparison resumed with another -rank is ranked again;
// with other policies it is refused.
func TestCompareResume(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "cmp")
	args := []string{"-quiet", "-replicates", "3", "-routes=false", "-out", dir}
	krcompare(t, append(args, compareSmall)...)
	out := krcompare(t, append(args, "-resume", "-rank", "corrupt_share", compareSmall)...)
	if !strings.Contains(out, "Ranked by the effect on corrupt_share (lower is better)") {
		t.Errorf("resumed with -rank corrupt_share:\n%s", out)
	}
	if r := compareRows(t, dir)[0]; r["ranked_by"] != "corrupt_share" {
		t.Errorf("compare.csv ranked by %s", r["ranked_by"])
	}
	code, _, errOut := krysha(context.Background(), append(append([]string{"compare"}, args...), "-resume", "-policy", "budget", compareSmall)...)
	if code != exitUsage || !strings.Contains(errOut, "cannot resume") || !strings.Contains(errOut, "the design differs") {
		t.Errorf("resumed with other policies: exit %d\n%s", code, errOut)
	}
	code, _, errOut = krysha(context.Background(), append(append([]string{"compare"}, args...), compareSmall)...)
	if code != exitUsage || !strings.Contains(errOut, "already holds a compare") {
		t.Errorf("run again without -resume: exit %d\n%s", code, errOut)
	}
}

// The hook for 'krysha plot' redraws a comparison from its directory.
func TestCompareRedraw(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "cmp")
	krcompare(t, "-quiet", "-replicates", "3", "-routes=false", "-out", dir, compareSmall)
	want := readFile(t, filepath.Join(dir, compareCSV))
	for _, name := range []string{compareCSV, compareChart, effectsChart} {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	files, err := studyCharts("compare")(dir, readManifest(t, dir))
	if err != nil || !slices.Equal(files, []string{compareCSV, compareChart, effectsChart}) {
		t.Fatalf("redraw: %v, %v", files, err)
	}
	if !bytes.Equal(readFile(t, filepath.Join(dir, compareCSV)), want) {
		t.Errorf("the redrawn compare.csv differs")
	}
}

func TestCompareDryRun(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "cmp")
	out := krcompare(t, "-dry-run", "-replicates", "4", "-policy", "budget,budget+audits", "-out", dir, compareSmall)
	for _, want := range []string{"the baseline and 2 policies, seed 7", "budget+audits  from 2002-01  2.5M USD a year",
		"3 arms × 4 replicates = 12 runs; outcomes averaged over 2002:2004; ranked by convictions", "compare.csv, compare.png, effects.png"} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run lacks %q:\n%s", want, out)
		}
	}
	if _, err := os.Stat(dir); err == nil {
		t.Errorf("a dry run made %s", dir)
	}
}

func TestCompareUsageErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-policy", "budget,nope"}, `-policy: nope: unknown policy "nope"; the scenario's policies are budget, audits, noop`},
		{[]string{"-policy", "budget,,audits"}, "an empty name"},
		{[]string{"-policy", "budget,budget"}, "budget is given twice"},
		{[]string{"-policy", "budget+budget"}, "budget+budget: budget is named twice"},
		{[]string{"-policy", "baseline"}, "the baseline is always run"},
		{[]string{"-rank", "arrests"}, `-rank "arrests": want one of prosecutions, convictions`},
		{[]string{"-replicates", "1"}, "-replicates must be in 2.."},
		{[]string{"-window", "2020:2030"}, "-window: window 2020:2030 is outside the scenario's years 2000:2004"},
		{[]string{"-workers", "0"}, "-workers must be at least 1"},
	}
	for _, tt := range tests {
		args := append(append([]string{"compare", "-out", filepath.Join(t.TempDir(), "x")}, tt.args...), compareSmall)
		code, out, errOut := krysha(context.Background(), args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, tt.want) {
			t.Errorf("krysha %s: exit %d, stderr:\n%s\nwant exit 2 and %q", strings.Join(args, " "), code, errOut, tt.want)
		}
	}
	code, _, errOut := krysha(context.Background(), "compare", "-out", filepath.Join(t.TempDir(), "x"), small)
	if code != exitUsage || !strings.Contains(errOut, "all: the scenario has no [[policy]] tables") {
		t.Errorf("a scenario without policies: exit %d\n%s", code, errOut)
	}
}

func TestCompareHelp(t *testing.T) {
	t.Parallel()
	_, out, _ := krysha(context.Background(), "help", "compare")
	golden(t, "help-compare.txt", out)
}

func TestCompareFormats(t *testing.T) {
	t.Parallel()
	nan := math.NaN()
	tests := []struct{ got, want string }{
		{fmtUSD(2.5e6), "2.5M"},
		{fmtUSD(577312), "577k"},
		{fmtUSD(1.2e10), "12bn"},
		{fmtUSD(0), "0"},
		{fmtUSD(nan), "–"},
		// Two significant digits of the SE fix the decimals.
		{fmtEffect(effects.Effect{Mean: 1.3333, Lo: -0.1009, Hi: 2.7675, SE: 1.0 / 3}), "+1.33 [-0.10, +2.77]"},
		{fmtEffect(effects.Effect{Mean: -2443.2, Lo: -3672.4, Hi: -1214.9, SE: 442}), "-2443 [-3672, -1215]"},
		{fmtEffect(effects.Effect{Mean: -0.0786, Lo: -0.0818, Hi: -0.0754, SE: 0.00156}), "-0.0786 [-0.0818, -0.0754]"},
		// No spread: three digits of the means, and no sign on zero.
		{fmtEffect(effects.Effect{Baseline: 44.4, Arm: 44.4}), "0.0 [0.0, 0.0]"},
		{fmtEffect(noEffect(1)), "– (1 pairs)"},
		{fmtRelative(-0.9090909), "-90.9%"},
		{fmtRelative(nan), "–"},
		{fmtVRF(math.Inf(1)), "∞"},
		{fmtVRF(14.42), "14.4"},
		{fmtVRF(348.2), "348"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: %q, want %q", i, tt.got, tt.want)
		}
	}
	// A batch log's progress lines name the comparison.
	var b bytes.Buffer
	prog := newStudyProgress(&b, "compare", false, 2, 0)
	prog.last = prog.last.Add(-logEvery)
	prog.step()
	if got := b.String(); !strings.HasPrefix(got, "compare: 1/2 runs") {
		t.Errorf("progress line %q; want it to begin with compare: 1/2 runs", got)
	}
}
