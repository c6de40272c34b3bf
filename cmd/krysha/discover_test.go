package main

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/krysha/krysha/sim/experiment"
	"github.com/krysha/krysha/sim/experiment/design"
)

// plantedRuns writes the runs.csv of a synthetic sweep of n points × reps
// replicates over three parameters, a, b ∈ [0, 1] and the integer c ∈
// 1..5, the points of a scrambled Sobol sequence, where prosecutions are
// 10 in the planted box a > 0.6, b < 0.3 (mass 0.12) and 100 elsewhere.
func plantedRuns(t *testing.T, dir string, n, reps int) {
	t.Helper()
	fs, err := design.ParseFactors("-vary", []string{"a=0:1", "b=0:1", "c=1:5"})
	if err != nil {
		t.Fatal(err)
	}
	fs[2].Int = true
	d, err := design.NewSobol(fs, n, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(experiment.RunsHeader([]string{"a", "b", "c"}) + "\n")
	num := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	for p := range n {
		x := d.Point(p)
		pros := 100.0
		if x[0] > 0.6 && x[1] < 0.3 {
			pros = 10
		}
		for r := range reps {
			fmt.Fprintf(&b, "%d,%d,%d,1,%s,%s,%s,%s,5,1,2,0.1,krysha run -first %d\n",
				p*reps+r, p, r, num(x[0]), num(x[1]), num(x[2]), num(pros), r)
		}
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, experiment.RunsFile), []byte(b.String()), 0o666); err != nil {
		t.Fatal(err)
	}
}

// Discover finds the planted box: a restricted near 0.6 from below, b
// near 0.3 from above, c left alone; the golden file holds the report.
func TestDiscoverPlantedBox(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "sweep")
	plantedRuns(t, dir, 1024, 1)
	code, out, errOut := krysha(context.Background(), "discover", dir, "-outcome", "prosecutions", "-below", "40")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	golden(t, "discover.txt", strings.ReplaceAll(out, dir, "DIR"))
	box := readCSV(t, filepath.Join(dir, discoverBoxCSV))
	if strings.Join(box[0], ",") != "parameter,lo,hi,min,max,qp" || len(box) != 3 {
		t.Fatalf("%s: %v", discoverBoxCSV, box)
	}
	// 1024 Sobol points leave gaps of about 1/1024 in each of a and b,
	// and a limit stops at a point: the limits are within 0.01 of the
	// planted ones.
	lim := map[string][2]float64{}
	for _, r := range box[1:] {
		lo, _ := strconv.ParseFloat(r[1], 64)
		hi, _ := strconv.ParseFloat(r[2], 64)
		lim[r[0]] = [2]float64{lo, hi}
	}
	if a, ok := lim["a"]; !ok || math.Abs(a[0]-0.6) > 0.01 || a[1] < 0.99 {
		t.Errorf("a in %v, want [0.6, 1]", a)
	}
	if b, ok := lim["b"]; !ok || b[0] > 0.01 || math.Abs(b[1]-0.3) > 0.01 {
		t.Errorf("b in %v, want [0, 0.3]", b)
	}
	traj := readCSV(t, filepath.Join(dir, discoverCSV))
	if got := strings.Join(traj[0][:9], ","); got != "box,coverage,density,mass,n,hits,restricted,restricted_parameters,chosen" ||
		len(traj[0]) != 9+6 {
		t.Errorf("%s header %v", discoverCSV, traj[0])
	}
	if _, err := os.Stat(filepath.Join(dir, discoverPNG)); err != nil {
		t.Error(err)
	}
}

// With -mean, design points are classified by their mean; the box is
// the same, and files go to -out.
func TestDiscoverMeanAndOut(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	dir, out := filepath.Join(root, "sweep"), filepath.Join(root, "found")
	plantedRuns(t, dir, 256, 2)
	code, stdout, errOut := krysha(context.Background(), "discover", "-outcome", "prosecutions", "-above", "5", "-below", "40",
		"-mean", "-threshold", "0.95", "-paste", "-out", out, dir)
	if code != 0 || !strings.Contains(stdout, "5 < prosecutions < 40 in 30 of 256 design points") ||
		!strings.Contains(stdout, "density at least 0.95, pasted") {
		t.Fatalf("exit %d, stderr %s, stdout:\n%s", code, errOut, stdout)
	}
	for _, name := range []string{discoverCSV, discoverBoxCSV, discoverPNG} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Error(err)
		}
	}
}

func TestDiscoverUsage(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "sweep")
	plantedRuns(t, dir, 100, 1)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-outcome", "prosecutions", dir}, "give the condition"},
		{[]string{"-outcome", "arrests", "-below", "1", dir}, `-outcome "arrests": want one of`},
		{[]string{"-outcome", "prosecutions", "-below", "1", "-above", "2", dir}, "no value is both"},
		{[]string{"-outcome", "prosecutions", "-below", "40", "-alpha", "0.5", dir}, "-alpha must be in (0, 0.5)"},
		{[]string{"-outcome", "prosecutions", "-below", "40", "-box", "999", dir}, "-box 999: want a box less than the trajectory's"},
		{[]string{"-outcome", "prosecutions", "-below", "40"}, "one directory, got 0"},
		{[]string{"-outcome", "prosecutions", "-below", "40", filepath.Dir(dir)}, "no runs.csv: not the directory of a sweep"},
	}
	for _, tt := range tests {
		code, _, errOut := krysha(context.Background(), append([]string{"discover"}, tt.args...)...)
		if code != exitUsage || !strings.Contains(errOut, tt.want) {
			t.Errorf("krysha discover %s: exit %d, stderr:\n%s\nwant exit 2 and %q", strings.Join(tt.args, " "), code, errOut, tt.want)
		}
	}
}
