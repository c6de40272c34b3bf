package experiment

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// studyFiles are the files a store writes.
var studyFiles = []string{RunsFile, YearlyFile, RoutesFile, FailuresFile}

func readFileT(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sameFiles compares the study files of two directories byte for byte.
func sameFiles(t *testing.T, want, got string) {
	t.Helper()
	for _, name := range studyFiles {
		w, g := readFileT(t, filepath.Join(want, name)), readFileT(t, filepath.Join(got, name))
		if !bytes.Equal(w, g) {
			t.Errorf("%s differs: %d bytes in %s, %d in %s", name, len(w), want, len(g), got)
		}
	}
}

func lineCount(t testing.TB, path string) int {
	return bytes.Count(readFileT(t, path), []byte("\n"))
}

// A store's files have a header and, per run, one row in runs.csv, a
// row a year in yearly.csv and a row a year and segment-product or
// stash in routes.csv, in order of runs.
func TestStoreFiles(t *testing.T) {
	t.Parallel()
	p := gridPlan(t, 2, "enforcement.budget_scale=0.5:2:3", "patronage.rotation_months=12,24")
	dir := t.TempDir()
	runStudy(t, p, dir, Shard{}, 2)
	runs := strings.Split(strings.TrimSpace(string(readFileT(t, filepath.Join(dir, RunsFile)))), "\n")
	if runs[0] != RunsHeader([]string{"enforcement.budget_scale", "patronage.rotation_months"}) || len(runs) != 1+p.Runs() {
		t.Fatalf("runs.csv: header %q and %d rows, want %d", runs[0], len(runs)-1, p.Runs())
	}
	if want := "3,1,1,11,0.5,24,"; !strings.HasPrefix(runs[4], want) {
		t.Errorf("runs.csv row 3 = %.40q..., want it to start %q", runs[4], want)
	}
	if want := "krysha run -seed 11 -first 1 -replicates 1 -set enforcement.budget_scale=0.5 -set patronage.rotation_months=24 small.toml"; !strings.HasSuffix(runs[4], ","+want) {
		t.Errorf("runs.csv row 3 = %q, want the command %q", runs[4], want)
	}
	if n := lineCount(t, filepath.Join(dir, YearlyFile)); n != 1+5*p.Runs() {
		t.Errorf("yearly.csv has %d lines, want a header and 5 years × %d runs", n, p.Runs())
	}
	lay := newRouteLayout(p.Source.Scenario)
	if n, want := lineCount(t, filepath.Join(dir, RoutesFile)), 1+5*(len(lay.segs)+len(lay.nodes))*p.Runs(); n != want {
		t.Errorf("routes.csv has %d lines, want %d", n, want)
	}
	if n := lineCount(t, filepath.Join(dir, FailuresFile)); n != 1 {
		t.Errorf("failures.csv has %d lines, want the header only", n)
	}
	// A new store does not overwrite an old one.
	if _, err := CreateStore(dir, p, true); !errors.Is(err, os.ErrExist) {
		t.Errorf("CreateStore over a store: %v, want ErrExist", err)
	}
}

// A store cut short in any of the ways a kill or a crash leaves it is
// repaired by OpenStore: incomplete runs are dropped from every file and
// run again, and the finished files are those of an uninterrupted study.
func TestStoreResume(t *testing.T) {
	t.Parallel()
	p := gridPlan(t, 2, "enforcement.budget_scale=0.5:2:4")
	want := t.TempDir()
	runStudy(t, p, want, Shard{}, 1)

	type damage func(t *testing.T, dir string)
	appendTo := func(name, s string) damage {
		return func(t *testing.T, dir string) {
			f, err := os.OpenFile(filepath.Join(dir, name), os.O_WRONLY|os.O_APPEND, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if _, err := f.WriteString(s); err != nil {
				t.Fatal(err)
			}
		}
	}
	// dropLine removes the first line of name that starts with prefix.
	dropLine := func(name, prefix string) damage {
		return func(t *testing.T, dir string) {
			path := filepath.Join(dir, name)
			lines := strings.SplitAfter(string(readFileT(t, path)), "\n")
			i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, prefix) })
			if i < 0 {
				t.Fatalf("%s has no line %q", name, prefix)
			}
			if err := os.WriteFile(path, []byte(strings.Join(slices.Delete(lines, i, i+1), "")), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	truncate := func(name string, size int64) damage {
		return func(t *testing.T, dir string) {
			if err := os.Truncate(filepath.Join(dir, name), size); err != nil {
				t.Fatal(err)
			}
		}
	}
	tests := []struct {
		name    string
		written int      // runs written before the damage
		damage  []damage // what the kill left
		pending []int    // runs to do again, beyond the ones not written
	}{
		{"clean stop", 5, nil, nil},
		{"torn yearly row of an unrecorded run", 5, []damage{appendTo(YearlyFile, "5,2,1,11,2001,3,4")}, nil},
		{"rows of a run that did not reach runs.csv", 5, []damage{
			appendTo(YearlyFile, strings.Repeat("5,2,1,11,2000"+strings.Repeat(",1", 61)+"\n", 5)),
			appendTo(RoutesFile, "5,1,2000,segment,o,b1,dr")}, nil},
		{"torn runs.csv row", 5, []damage{dropLine(RunsFile, "4,"), appendTo(RunsFile, "4,2,0,11,1.5,12,3")}, []int{4}},
		{"run whose yearly rows were lost", 6, []damage{dropLine(YearlyFile, "2,1,0,11,2003,")}, []int{2}},
		{"run whose route rows were lost", 6, []damage{dropLine(RoutesFile, "1,1,2004,")}, []int{1}},
		{"failures are retried", 4, []damage{appendTo(FailuresFile, "4,2,0,11,1.5,boom,krysha run\n")}, nil},
		{"torn header only", 0, []damage{truncate(YearlyFile, 10), truncate(RoutesFile, 0)}, nil},
		{"run given twice in runs.csv", 3, []damage{func(t *testing.T, dir string) {
			lines := strings.SplitAfter(string(readFileT(t, filepath.Join(dir, RunsFile))), "\n")
			appendTo(RunsFile, lines[1])(t, dir)
		}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			s, err := CreateStore(dir, p, true)
			if err != nil {
				t.Fatal(err)
			}
			rn := &Runner{Plan: p, Workers: 2, Routes: true, Rows: true}
			err = rn.Run(t.Context(), Indices(tt.written), func(run int, r *Result, err error) error {
				if err != nil {
					return err
				}
				return s.Write(r)
			})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			for _, d := range tt.damage {
				d(t, dir)
			}
			s, err = OpenStore(dir, p, true)
			if err != nil {
				t.Fatal(err)
			}
			wantPending := slices.Concat(tt.pending, Indices(p.Runs())[tt.written:])
			slices.Sort(wantPending)
			if got := s.Pending(Indices(p.Runs())); !slices.Equal(got, wantPending) {
				t.Errorf("pending %v, want %v", got, wantPending)
			}
			continueStudy(t, s, p, Shard{}, 2)
			sameFiles(t, want, dir)
		})
	}
}

// A directory of another study is not opened.
func TestStoreOpenOtherStudy(t *testing.T) {
	t.Parallel()
	p := gridPlan(t, 1, "enforcement.budget_scale=0.5:2:2")
	dir := t.TempDir()
	runStudy(t, p, dir, Shard{}, 1)
	q := gridPlan(t, 1, "bribe.same_clan=0:2:2")
	var he *HeaderError
	if _, err := OpenStore(dir, q, true); !errors.As(err, &he) || he.File != filepath.Join(dir, YearlyFile) && he.File != filepath.Join(dir, FailuresFile) && he.File != filepath.Join(dir, RunsFile) {
		t.Errorf("OpenStore of another sweep's directory: %v, want a HeaderError", err)
	}
}

// Two stores never write one directory at once.
func TestStoreLocked(t *testing.T) {
	t.Parallel()
	p := gridPlan(t, 1, "enforcement.budget_scale=0.5:2:2")
	dir := t.TempDir()
	s, err := CreateStore(dir, p, true)
	if err != nil {
		t.Fatal(err)
	}
	var le *LockedError
	if _, err := OpenStore(dir, p, true); !errors.As(err, &le) {
		t.Errorf("OpenStore of a directory being written: %v, want a LockedError", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = OpenStore(dir, p, true)
	if err != nil {
		t.Fatalf("OpenStore after Close: %v", err)
	}
	s.Close()
}
