package experiment

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/krysha/krysha/internal/fsx"
)

// OpenStore opens the files of a study that was stopped, in dir, to go
// on with it. A run is done if its row of runs.csv is whole and
// yearly.csv and routes.csv hold all its rows, whole; the rows of every
// other run (torn by a kill, or written before the kill reached
// runs.csv) are removed from every file, and failures.csv is emptied,
// so that those runs, and the failed ones, run again. A file that is
// missing, or holds a torn header only, is made anew. A file whose
// header is not the one p and routes give belongs to another study and
// is an error, as is a directory another store has locked.
func OpenStore(dir string, p *Plan, routes bool) (*Store, error) {
	s, err := newStore(dir, p, routes)
	if err != nil {
		return nil, err
	}
	if s.lock, err = lockDir(dir); err != nil {
		return nil, err
	}
	var exists [numFiles]bool
	for k := range numFiles {
		if !s.uses(k) {
			continue
		}
		if exists[k], err = s.checkHeader(k); err != nil {
			s.closeFiles()
			return nil, err
		}
	}
	n := p.Runs()
	committed := newBitset(n)
	if exists[fileRuns] {
		if err := s.scan(fileRuns, func(run int) { committed.set(run) }, committed); err != nil {
			s.closeFiles()
			return nil, err
		}
	}
	// Runs whose rows are all there: as many as every run has.
	complete := committed
	lay := newRouteLayout(p.Source.Scenario)
	years := p.Source.Scenario.End.Year() - p.Source.Scenario.Start.Year() + 1
	want := [numFiles]int{fileYearly: years, fileRoutes: years * (len(lay.segs) + len(lay.nodes))}
	for _, k := range []int{fileYearly, fileRoutes} {
		if !s.uses(k) {
			continue
		}
		count := make([]int32, n)
		if exists[k] {
			if err := s.scan(k, func(run int) { count[run]++ }, nil); err != nil {
				s.closeFiles()
				return nil, err
			}
		}
		for i := range n {
			if complete.has(i) && int(count[i]) != want[k] {
				complete.clear(i)
			}
		}
	}
	for k := range numFiles {
		if !s.uses(k) {
			continue
		}
		if err := s.reopen(k, exists[k], complete); err != nil {
			s.closeFiles()
			return nil, err
		}
	}
	s.done = complete
	for i := range n {
		if complete.has(i) {
			s.nDone++
			s.lastRun = i
		}
	}
	return s, nil
}

// checkHeader reports whether file k exists with this study's header.
// A file holding a torn header only is removed.
func (s *Store) checkHeader(k int) (bool, error) {
	path := s.path(k)
	h, whole, err := readHeader(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, err
	case whole && h == s.headers[k]:
		return true, nil
	case !whole && strings.HasPrefix(s.headers[k], h):
		return false, os.Remove(path)
	}
	return false, &HeaderError{File: path, Got: h, Want: s.headers[k]}
}

// A HeaderError is a file of a run directory whose header is not the
// one of the study being resumed or merged: it holds another study.
type HeaderError struct {
	File      string
	Got, Want string
}

func (e *HeaderError) Error() string {
	return fmt.Sprintf("%s: its header is not this study's (it has %.60q…, want %.60q…): the directory holds another study", e.File, e.Got, e.Want)
}

// scan calls fn with the run of every whole row of file k that belongs
// to the plan. Rows of runs already in seen (the first of a run wins in
// runs.csv) are skipped; seen may be nil.
func (s *Store) scan(k int, fn func(run int), seen bitset) error {
	f, err := os.Open(s.path(k))
	if err != nil {
		return err
	}
	defer f.Close()
	n := s.plan.Runs()
	first := true
	return readLines(f, func(line []byte, _ int64) error {
		if first {
			first = false
			return nil
		}
		if run, ok := validRow(line, s.widths[k]); ok && run < n && (seen == nil || !seen.has(run)) {
			fn(run)
		}
		return nil
	})
}

// reopen opens file k for appending, keeping only the whole rows of the
// runs in keep (the first row of each run in runs.csv, and no failures).
// The file is rewritten, whole or not at all, only if it held anything
// else.
func (s *Store) reopen(k int, exists bool, keep bitset) error {
	path := s.path(k)
	if !exists {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC|os.O_APPEND, 0o644)
		if err != nil {
			return err
		}
		s.files[k] = f
		if _, err := f.WriteString(s.headers[k] + "\n"); err != nil {
			return fmt.Errorf("writing %s: %w", path, err)
		}
		return f.Sync()
	}
	n := s.plan.Runs()
	filter := func(w io.Writer) (dropped bool, err error) {
		f, err := os.Open(path)
		if err != nil {
			return false, err
		}
		defer f.Close()
		seen := newBitset(n)
		first := true
		err = readLines(f, func(line []byte, _ int64) error {
			if first {
				first = false
			} else if run, ok := validRow(line, s.widths[k]); !ok || run >= n || !keep.has(run) ||
				k == fileFailures || (k == fileRuns && seen.has(run)) {
				dropped = true
				return nil
			} else if k == fileRuns {
				seen.set(run)
			}
			if w != nil {
				_, err := w.Write(line)
				return err
			}
			return nil
		})
		return dropped, err
	}
	dropped, err := filter(nil)
	if err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	if dropped {
		if err := fsx.WriteFile(path, func(w io.Writer) error { _, err := filter(w); return err }); err != nil {
			return err
		}
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return err
	}
	s.files[k] = f
	return nil
}
