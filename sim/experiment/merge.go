package experiment

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/krysha/krysha/internal/fsx"
)

// MergeShards merges the run directories of a study's shards, srcs,
// into dir (made if need be): runs.csv, yearly.csv, routes.csv and failures.csv, each with
// its rows in the order of run indices, so that the files are those the
// study would have written unsharded. It checks that the shards are of
// one study (SameStudy) and finished, and that every run is in exactly
// one of them, in runs.csv or failures.csv; a *CoverageError names the
// runs missing or given twice. It returns the merged manifest, which
// the caller completes and writes.
func MergeShards(dir string, srcs []string) (*StudyManifest, error) {
	if len(srcs) == 0 {
		return nil, errors.New("no shard directories to merge")
	}
	mans := make([]*StudyManifest, len(srcs))
	for i, src := range srcs {
		m, err := ReadStudyManifest(src)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			if err := mans[0].SameStudy(m); err != nil {
				return nil, fmt.Errorf("%s and %s are not shards of one study: %w", srcs[0], src, err)
			}
		}
		if m.Status != StatusComplete && m.Status != StatusFailed {
			return nil, fmt.Errorf("%s: shard %s is not finished (status %q): resume it with -resume first", src, m.Shard, m.Status)
		}
		mans[i] = m
	}
	if err := checkCoverage(srcs, mans[0]); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, err
	}
	names := []string{RunsFile, YearlyFile, FailuresFile}
	if mans[0].Routes {
		names = append(names, RoutesFile)
	}
	for _, name := range names {
		if err := mergeFile(filepath.Join(dir, name), srcs, name); err != nil {
			return nil, err
		}
	}
	out := *mans[0]
	out.Shard, out.ShardRuns = Shard{Index: 0, Count: 1}, out.Runs
	out.Done, out.Failed, out.Seconds, out.Sessions = 0, 0, 0, 0
	out.MergedFrom = append([]string(nil), srcs...)
	for _, m := range mans {
		out.Done += m.Done
		out.Failed += m.Failed
		out.Seconds += m.Seconds
		out.Sessions += m.Sessions
		if m.Start < out.Start {
			out.Start = m.Start
		}
		if m.End > out.End {
			out.End = m.End
		}
	}
	out.Status = StatusComplete
	if out.Failed > 0 {
		out.Status = StatusFailed
	}
	return &out, nil
}

// mergeFile merges the files name of srcs into path, which is written
// whole or not at all. The headers must agree.
func mergeFile(path string, srcs []string, name string) error {
	var header []byte
	var segs []segment
	for _, src := range srcs {
		p := filepath.Join(src, name)
		h, s, err := fileSegments(p)
		if errors.Is(err, fs.ErrNotExist) && name == FailuresFile {
			continue // written only by the newer krysha; no failures
		}
		if err != nil {
			return err
		}
		if header == nil {
			header = h
		} else if string(h) != string(header) {
			return &HeaderError{File: p, Got: strings.TrimSpace(string(h)), Want: strings.TrimSpace(string(header))}
		}
		segs = append(segs, s...)
	}
	if header == nil {
		return nil
	}
	return fsx.WriteFile(path, func(w io.Writer) error {
		if _, err := w.Write(header); err != nil {
			return err
		}
		return mergeSegments(w, segs)
	})
}

// A CoverageError reports runs of a study that no shard holds, or that
// more than one holds, by index (the first few of each).
type CoverageError struct {
	Runs                int
	Missing, Duplicated []int
	NMissing, NDup      int
	// Dirs names, for each of Duplicated, the directories that hold it.
	Dirs [][]string
}

// maxNamed bounds the runs a CoverageError names.
const maxNamed = 10

func (e *CoverageError) Error() string {
	var b strings.Builder
	if e.NMissing > 0 {
		fmt.Fprintf(&b, "%d of the %d runs are in no shard: %s", e.NMissing, e.Runs, listRuns(e.Missing, e.NMissing))
	}
	if e.NDup > 0 {
		if b.Len() > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%d runs are in more than one shard:", e.NDup)
		for i, r := range e.Duplicated {
			fmt.Fprintf(&b, " %d (%s)", r, strings.Join(e.Dirs[i], ", "))
		}
		if e.NDup > len(e.Duplicated) {
			b.WriteString(" …")
		}
	}
	return b.String()
}

func listRuns(runs []int, n int) string {
	s := make([]string, len(runs))
	for i, r := range runs {
		s[i] = fmt.Sprint(r)
	}
	out := strings.Join(s, ", ")
	if n > len(runs) {
		out += ", …"
	}
	return out
}

// checkCoverage checks that the runs.csv and failures.csv of srcs hold
// every run of the study once.
func checkCoverage(srcs []string, m *StudyManifest) error {
	owner := make([]int32, m.Runs) // 1 + the first directory holding a run
	e := &CoverageError{Runs: m.Runs}
	for d, src := range srcs {
		for _, name := range []string{RunsFile, FailuresFile} {
			f, err := os.Open(filepath.Join(src, name))
			if errors.Is(err, fs.ErrNotExist) && name == FailuresFile {
				continue
			}
			if err != nil {
				return err
			}
			first := true
			err = readLines(f, func(line []byte, _ int64) error {
				if first {
					first = false
					return nil
				}
				run, ok := rowRun(line)
				if !ok || run >= m.Runs {
					return fmt.Errorf("%s: a row is not of this study: %.60q", f.Name(), line)
				}
				if owner[run] != 0 {
					e.NDup++
					if len(e.Duplicated) < maxNamed {
						e.Duplicated = append(e.Duplicated, run)
						e.Dirs = append(e.Dirs, []string{srcs[owner[run]-1], src})
					}
					return nil
				}
				owner[run] = int32(d + 1)
				return nil
			})
			f.Close()
			if err != nil {
				return err
			}
		}
	}
	for run, o := range owner {
		if o == 0 {
			e.NMissing++
			if len(e.Missing) < maxNamed {
				e.Missing = append(e.Missing, run)
			}
		}
	}
	if e.NMissing > 0 || e.NDup > 0 {
		return e
	}
	return nil
}
