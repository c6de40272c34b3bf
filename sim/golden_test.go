package sim

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// yearlyCSV formats a run's yearly records as the CLI does, for golden
// comparison: any change in the engine's behaviour shows up as a diff.
func yearlyCSV(ys []Record, firstYear int) []byte {
	var b bytes.Buffer
	b.WriteString("year")
	for m := Metric(0); m < NumMetrics; m++ {
		b.WriteString("," + m.String())
	}
	b.WriteByte('\n')
	for i, r := range ys {
		b.WriteString(strconv.Itoa(firstYear + i))
		for _, v := range r {
			b.WriteByte(',')
			b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// The yearly output of the small scenario is pinned; run with -update
// after an intended change of the model and review the diff.
func TestGoldenSmallYearly(t *testing.T) {
	m := mustModel(t, small())
	out := make([]Record, m.Months())
	m.NewWorld().Run(1, 0, out)
	got := yearlyCSV(Yearly(out, 2000, 1), 2000)
	path := filepath.Join("testdata", "small_yearly.csv")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./sim -run Golden -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("yearly output of the small scenario changed; if intended, rerun with -update and review the diff\n got: %s\nwant: %s", firstDiff(got, want), firstDiff(want, got))
	}
}

func firstDiff(a, b []byte) string {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := range la {
		if i >= len(lb) || !bytes.Equal(la[i], lb[i]) {
			return string(la[i])
		}
	}
	return ""
}

// A World reused across replicates gives the same run as a fresh one, and
// replicates differ: Reset leaves nothing behind, and the stream depends
// on the replicate.
func TestResetIsComplete(t *testing.T) {
	t.Parallel()
	m := mustModel(t, small())
	fresh := make([]Record, m.Months())
	m.NewWorld().Run(4, 2, fresh)

	w := m.NewWorld()
	other := make([]Record, m.Months())
	w.Run(4, 0, other)
	reused := make([]Record, m.Months())
	w.Run(4, 2, reused)
	for i := range fresh {
		if fresh[i] != reused[i] {
			t.Fatalf("month %d differs between a fresh and a reused World", i)
		}
	}
	same := true
	for i := range fresh {
		same = same && fresh[i] == other[i]
	}
	if same {
		t.Fatal("replicates 0 and 2 are identical")
	}
}

// Every metric is documented in docs/outputs.md, with its kind.
func TestOutputsDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "outputs.md"))
	if err != nil {
		t.Fatal(err)
	}
	for m := Metric(0); m < NumMetrics; m++ {
		kind := "flow"
		if m.Info().Stock {
			kind = "stock"
		}
		row := "| `" + m.String() + "` | " + kind + " |"
		if !bytes.Contains(doc, []byte(row)) {
			t.Errorf("docs/outputs.md has no row starting %q", row)
		}
	}
}
