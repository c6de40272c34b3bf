package main

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The command a comparison records for a policy's run, 'krysha run -seed
// S -first r -replicates 1 -policy NAME ...', reproduces that run alone:
// its yearly rows equal the comparison's, apart from the leading columns.
func TestRunPolicyReproducesCompareRun(t *testing.T) {
	t.Parallel()
	cmp := filepath.Join(t.TempDir(), "cmp")
	krcompare(t, "-quiet", "-replicates", "3", "-policy", "budget", "-routes=false", "-out", cmp, compareSmall)
	f, err := os.Open(filepath.Join(cmp, "runs.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header, row := recs[0], recs[len(recs)-1] // the policy's last replicate
	var command, run string
	for i, h := range header {
		switch h {
		case "command":
			command = row[i]
		case "run":
			run = row[i]
		}
	}
	args := strings.Fields(command)
	if len(args) < 2 || args[0] != "krysha" || args[1] != "run" || !strings.Contains(command, "-policy budget") {
		t.Fatalf("command %q does not run the policy", command)
	}
	one := filepath.Join(t.TempDir(), "one")
	code, _, errOut := krysha(context.Background(), append([]string{"run", "-quiet", "-out", one}, args[2:]...)...)
	if code != 0 {
		t.Fatalf("%s: exit %d\n%s", command, code, errOut)
	}
	// yearly.csv of a study starts run,point,replicate,seed; of a run,
	// replicate,seed: compare the metrics from year on.
	tail := func(line string, skip int) string { return strings.Join(strings.Split(line, ",")[skip:], ",") }
	var want []string
	for _, l := range strings.Split(string(readFile(t, filepath.Join(cmp, "yearly.csv"))), "\n")[1:] {
		if strings.HasPrefix(l, run+",") {
			want = append(want, tail(l, 4))
		}
	}
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(string(readFile(t, filepath.Join(one, "yearly.csv")))), "\n")[1:] {
		got = append(got, tail(l, 2))
	}
	if len(want) == 0 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s does not reproduce run %s of the comparison", command, run)
	}
}
