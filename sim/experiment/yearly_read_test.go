package experiment

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A study's yearly.csv reads back into the records its runs produced,
// in the order of the file.
func TestReadYearlyRoundTrip(t *testing.T) {
	t.Parallel()
	p := gridPlan(t, 2, "enforcement.budget_scale=1,2")
	dir := t.TempDir()
	runStudy(t, p, dir, Shard{}, 1)
	want := collectResults(t, &Runner{Plan: p, Workers: 1}, Indices(p.Runs()))
	f, err := os.Open(filepath.Join(dir, YearlyFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	k := 0
	err = ReadYearly(f, func(row *YearlyRow) error {
		res := &want[k/len(want[0].Yearly)]
		y := k % len(res.Yearly)
		if row.Run != res.Run || row.Point != res.Arm || row.Replicate != res.Replicate || row.Seed != p.Seed ||
			row.Year != res.Start.Year()+y || row.Record != res.Yearly[y] {
			t.Fatalf("row %d: run %d point %d replicate %d year %d, want run %d year %d, or its record differs",
				k, row.Run, row.Point, row.Replicate, row.Year, res.Run, res.Start.Year()+y)
		}
		k++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(want) * len(want[0].Yearly); k != n {
		t.Errorf("%d rows, want %d", k, n)
	}
}

func TestReadYearlyErrors(t *testing.T) {
	t.Parallel()
	row := "0,0,0,7,2000" + strings.Repeat(",1", len(strings.Split(YearlyHeader(), ","))-5)
	for _, tt := range []struct{ in, want string }{
		{"", "empty file"},
		{"replicate,seed,year\n", "yearly.csv:1: not the header of a study's yearly.csv"},
		{YearlyHeader() + "\n" + row + "\n" + strings.Replace(row, "2000", "y2k", 1) + "\n", `yearly.csv:3: year "y2k"`},
		{YearlyHeader() + "\n" + strings.Replace(row, ",1", ",one", 1) + "\n", `yearly.csv:2: shipments_drugs "one" is not a number`},
		{YearlyHeader() + "\n" + row + ",9\n", "wrong number of fields"},
	} {
		err := ReadYearly(strings.NewReader(tt.in), func(*YearlyRow) error { return nil })
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%.40q…: %v, want an error with %q", tt.in, err, tt.want)
		}
	}
	stop := errors.New("stop")
	if err := ReadYearly(strings.NewReader(YearlyHeader()+"\n"+row+"\n"), func(*YearlyRow) error { return stop }); err != stop {
		t.Errorf("the callback's error: %v", err)
	}
}
