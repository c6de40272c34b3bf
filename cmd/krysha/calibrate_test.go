package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/scenario"
)

func init() {
	// The date in calibrated.toml's comments, fixed so that the files
	// of two calibrations compare.
	calibrateClock = func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }
}

// recoveryTruth are the known values the recovery test simulates small
// with, away from the file's (cargo 20 kg, detection scale 1), and the
// metrics its observed file holds: the drug business in kilograms,
// shipments, detections and arrests, large counts that the cargo and the
// detection scale move in different proportions.
var (
	recoveryTruth   = map[string]float64{"drugs.cargo": 35, "detection.scale": 1.6}
	recoveryMetrics = []string{"drugs_shipped_kg", "shipments_drugs", "detections", "arrests", "bribes_offered"}
)

// writeObserved simulates small at the truth for 20 replicates of its
// own (replicates 100 to 119, which the calibration never runs) and
// writes their yearly means of recoveryMetrics as an observed file, in
// the observed format with the metrics' names as series.
func writeObserved(t *testing.T, path string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "truth")
	args := []string{"run", "-quiet", "-first", "100", "-replicates", "20", "-out", dir}
	for _, p := range []string{"drugs.cargo", "detection.scale"} {
		args = append(args, "-set", p+"="+strconv.FormatFloat(recoveryTruth[p], 'g', -1, 64))
	}
	if code, _, errOut := krysha(context.Background(), append(args, small)...); code != 0 {
		t.Fatalf("krysha %s: %s", strings.Join(args, " "), errOut)
	}
	recs := readCSV(t, filepath.Join(dir, experiment.YearlyFile))
	col := map[string]int{}
	for j, h := range recs[0] {
		col[h] = j
	}
	var b strings.Builder
	b.WriteString("series,year,value,unit,quality,source\n")
	for _, m := range recoveryMetrics {
		sums := map[string]float64{}
		var years []string
		for _, r := range recs[1:] {
			y := r[col["year"]]
			if _, ok := sums[y]; !ok {
				years = append(years, y)
			}
			v, _ := strconv.ParseFloat(r[col[m]], 64)
			sums[y] += v / 20
		}
		for _, y := range years {
			fmt.Fprintf(&b, "%s,%s,%v,model units,reported,\"krysha run at the known values\"\n", m, y, sums[y])
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o666); err != nil {
		t.Fatal(err)
	}
}

// calibrateRecovery are the flags of the recovery calibration: wide
// ranges (cargo 5 to 80 kg, detection a fifth to five times), a
// 400-point hypercube of 6 replicates (2,400 runs of a few
// milliseconds), the best 10% kept (40 points), 30 refining evaluations.
func calibrateRecovery(obs string) []string {
	return []string{"calibrate", "-quiet", "-observed", obs, "-direction", "none",
		"-fit", "drugs.cargo=5:80", "-fit", "detection.scale=0.2:5",
		"-samples", "400", "-replicates", "6", "-keep", "0.1", "-refine", "30"}
}

// The calibration finds known parameters: each falls inside its 90%
// posterior interval, and the files do not depend on -workers.
func TestCalibrateRecovers(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	obs := filepath.Join(root, "observed.csv")
	writeObserved(t, obs)
	workers := []int{1, 2}
	if raceEnabled {
		// Ten times slower: one calibration checks the recovery and the
		// runner's concurrency; the explain tests compare workers.
		workers = []int{2}
	}
	dirs := make([]string, len(workers))
	for i, w := range workers {
		dirs[i] = filepath.Join(root, "workers-"+strconv.Itoa(w))
		args := append(calibrateRecovery(obs), "-workers", strconv.Itoa(w), "-out", dirs[i], small)
		code, out, errOut := krysha(context.Background(), args...)
		if code != 0 || errOut != "" {
			t.Fatalf("krysha %s: exit %d, stderr:\n%s", strings.Join(args, " "), code, errOut)
		}
		if i == 0 {
			t.Logf("%s", out)
		}
	}
	one := dirs[0]
	for _, other := range dirs[1:] {
		for _, name := range []string{experiment.RunsFile, experiment.YearlyFile, fitCSVFile, posteriorCSV, parametersCSV, refineCSV, calibratedFile} {
			if a, b := readFile(t, filepath.Join(one, name)), readFile(t, filepath.Join(other, name)); !bytes.Equal(a, b) {
				t.Errorf("%s differs between -workers %d and %d", name, workers[0], workers[1])
			}
		}
	}
	params := readCSV(t, filepath.Join(one, parametersCSV))
	if got := strings.Join(params[0], ","); got != "parameter,prior_lo,prior_hi,scenario,median,lo,hi,share,identified,best_design_point,fitted" {
		t.Fatalf("parameters.csv header %s", got)
	}
	fitted := map[string]float64{}
	for _, r := range params[1:] {
		num := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
		truth, lo, hi := recoveryTruth[r[0]], num(r[5]), num(r[6])
		if !(truth >= lo && truth <= hi) {
			t.Errorf("%s: the known value %v is outside the 90%% interval [%v, %v]", r[0], truth, lo, hi)
		}
		if r[8] != "true" {
			t.Errorf("%s is not identified (share %s)", r[0], r[7])
		}
		fitted[r[0]] = num(r[10])
	}
	// calibrated.toml is small.toml with the fitted values.
	text := readFile(t, filepath.Join(one, calibratedFile))
	src, err := scenario.Parse("calibrated.toml", text, nil)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := calibParamValue(src.Scenario, "drugs.cargo"); v != fitted["drugs.cargo"] {
		t.Errorf("calibrated.toml: drugs.cargo = %v, fitted %v", v, fitted["drugs.cargo"])
	}
	for _, want := range []string{"# calibrated: ABC median", "(krysha calibrate, 2026-01-02)", "[detection]\nscale = "} {
		if !bytes.Contains(text, []byte(want)) {
			t.Errorf("calibrated.toml does not hold %q", want)
		}
	}
	fit := readCSV(t, filepath.Join(one, fitCSVFile))
	if len(fit) != 1+len(recoveryMetrics)*smallYears+1 || fit[len(fit)-1][0] != "total" {
		t.Errorf("fit.csv has %d rows", len(fit))
	}
	m := readManifest(t, one)
	if m.Command != "calibrate" || m.Runs != 2400 || m.Status != experiment.StatusComplete || len(m.Files) != 3+8 {
		t.Errorf("manifest: command %s, %d runs, status %s, files %v", m.Command, m.Runs, m.Status, m.Files)
	}
}

// A finished calibration is analysed again with -resume, without
// running, and with other targets.
func TestCalibrateResumeAnalyses(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	base := []string{"calibrate", "-quiet", "-out", dir, "-fit", "trial.c0=-2:1", "-samples", "30", "-replicates", "2", "-refine", "5"}
	if code, _, errOut := krysha(context.Background(), append(base, small)...); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	runs := readFile(t, filepath.Join(dir, experiment.RunsFile))
	args := append(base, "-resume", "-direction", "convictions:2001:2003:up", small)
	code, out, errOut := krysha(context.Background(), args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !bytes.Equal(runs, readFile(t, filepath.Join(dir, experiment.RunsFile))) {
		t.Error("the re-analysis changed runs.csv")
	}
	if !strings.Contains(out, "convictions 2001->2003 up") || readManifest(t, dir).Sessions != 2 {
		t.Errorf("re-analysis:\n%s", out)
	}
	// Without -resume the directory is refused.
	code, _, errOut = krysha(context.Background(), append(base, small)...)
	if code != exitUsage || !strings.Contains(errOut, "already holds a calibrate") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

// A required direction is a constraint: the posterior holds only points
// that meet it (while there are enough), and the fitted point, chosen
// among the best kept points run again, meets it.
func TestCalibrateRequired(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	args := []string{"calibrate", "-quiet", "-out", dir, "-fit", "trial.c0=-2:1", "-fit", "bribe.intercept=-3:1",
		"-samples", "60", "-replicates", "2", "-keep", "0.5", "-refine", "5", "-refine-replicates", "4",
		"-direction", "convictions:2001:2003:down:required", small}
	code, out, errOut := krysha(context.Background(), args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	m := regexp.MustCompile(`required: convictions 2001->2003 down; (\d+) of 60 design points do not meet them`).FindStringSubmatch(out)
	if m == nil || m[1] == "0" || !strings.Contains(out, "selection: the best kept points (-select 10) and the scenario's values run again over 4 replicates") {
		t.Fatalf("report:\n%s", out)
	}
	infeasible, _ := strconv.Atoi(m[1])
	if kept := len(readCSV(t, filepath.Join(dir, posteriorCSV))) - 1; kept != min(30, max(20, 60-infeasible)) {
		t.Errorf("kept %d points with %d of 60 infeasible; want the best half of the design, at most the feasible points", kept, infeasible)
	}
	for _, r := range readCSV(t, filepath.Join(dir, fitCSVFile)) {
		if r[0] == "convictions 2001->2003 down" && r[len(r)-2] != "true" {
			t.Errorf("the fitted point does not meet the required direction: %v\n%s", r, out)
		}
	}
}

// The [calibrate] table gives what the flags do; flags win; its
// mistakes are reported with the file and line.
func TestCalibrateTable(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	base := string(readFile(t, small))
	for _, f := range []string{"small_observed.csv"} {
		if err := os.WriteFile(filepath.Join(root, f), readFile(t, filepath.Join("testdata", f)), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	good := filepath.Join(root, "good.toml")
	table := `
[calibrate]
samples    = 24
replicates = 2
refine_evaluations = 0
fit        = ["trial.c0=-2:1", "victims.identify_max=0.1:0.9"]
quality    = { reported = 1, secondary = 0.25 }
directions = [{ metric = "convictions", from = 2001, to = 2003, direction = "up", weight = 2 }]
`
	if err := os.WriteFile(good, []byte(base+table), 0o666); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "out")
	code, out, errOut := krysha(context.Background(), "calibrate", "-dry-run", "-out", dir, good)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"lhs design of 24 points over 2 parameters", "victims_identified 2002 = 10 against victims_identified, weight 0.25",
		"convictions 2001->2003 up, weight 2", "24 points × 2 replicates = 48 runs"} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run does not say %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Nelder-Mead") {
		t.Errorf("refine_evaluations = 0 still refines:\n%s", out)
	}
	code, out, _ = krysha(context.Background(), "calibrate", "-dry-run", "-out", dir, "-samples", "10", "-fit", "trial.c0=-1:0", good)
	if code != 0 || !strings.Contains(out, "lhs design of 10 points over 1 parameter,") {
		t.Errorf("flags do not win over the table:\n%s", out)
	}

	bad := filepath.Join(root, "bad.toml")
	badTable := `
[calibrate]
sample = 24
fit    = "trial.c0=-2:1"
directions = [{ metric = "convictons", from = 2001, to = 2003, direction = "up" }]
`
	if err := os.WriteFile(bad, []byte(base+badTable), 0o666); err != nil {
		t.Fatal(err)
	}
	lines := strings.Count(base, "\n")
	code, _, errOut = krysha(context.Background(), "calibrate", "-out", dir, bad)
	for _, want := range []string{
		fmt.Sprintf("bad.toml:%d: calibrate.sample: unknown key (did you mean \"samples\"?)", lines+3),
		fmt.Sprintf("bad.toml:%d: calibrate.fit: expected a list", lines+4),
		fmt.Sprintf(`bad.toml:%d: calibrate.directions[0]: unknown metric "convictons" (did you mean "convictions"?)`, lines+5),
	} {
		if code != exitUsage || !strings.Contains(errOut, want) {
			t.Errorf("exit %d; stderr does not say %q:\n%s", code, want, errOut)
		}
	}
}

func TestCalibrateUsageErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string
	}{
		{nil, "nothing to fit"},
		{[]string{"-fit", "trial.c0=-2:1:5"}, "give a range path=lo:hi"},
		{[]string{"-fit", "mechanisms.bribery=0:1"}, "a switch cannot be fitted"},
		{[]string{"-fit", "trial.c00=-2:1"}, "trial.c00"},
		{[]string{"-fit", "victims.identify_max=0.5:2"}, "is not a valid scenario"},
		{[]string{"-fit", "trial.c0=-2:1", "-direction", "convictions:2001:2003:sideways"}, `"down" or "up"`},
		{[]string{"-fit", "trial.c0=-2:1", "-direction", "convictions:1990:2003:up"}, "within the simulated years 2000-2004"},
		{[]string{"-fit", "trial.c0=-2:1", "-direction", "convictions:2001:2003:up:requird"}, "or the word required"},
		{[]string{"-fit", "trial.c0=-2:1", "-select", "-1"}, "-select must be at least 0"},
		{[]string{"-fit", "trial.c0=-2:1", "-design", "grid"}, "want lhs or sobol"},
		{[]string{"-fit", "trial.c0=-2:1", "-keep", "0"}, "-keep must be in (0, 1]"},
		{[]string{"-fit", "trial.c0=-2:1", "-observed", "testdata/no-such.csv"}, "-observed testdata/no-such.csv"},
	}
	for _, tt := range tests {
		dir := filepath.Join(t.TempDir(), "out")
		args := append(append([]string{"calibrate", "-out", dir}, tt.args...), small)
		code, out, errOut := krysha(context.Background(), args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, tt.want) {
			t.Errorf("krysha %s: exit %d, stdout %q, stderr:\n%s\nwant exit 2 and %q", strings.Join(args, " "), code, out, errOut, tt.want)
		}
		if m, _ := filepath.Glob(filepath.Join(dir, "*")); len(m) > 0 {
			t.Errorf("krysha %s wrote %v", strings.Join(args, " "), m)
		}
	}
}

func TestCalibrateHelp(t *testing.T) {
	t.Parallel()
	code, out, errOut := krysha(context.Background(), "help", "calibrate")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	golden(t, "help-calibrate.txt", out)
	if _, again, _ := krysha(context.Background(), "calibrate", "-h"); again != out {
		t.Errorf("krysha calibrate -h differs from krysha help calibrate:\n%s", again)
	}
}
