package experiment

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/krysha/krysha/sim"
)

// SyncEvery is how many runs a Store writes between two fsyncs of its
// files. A killed process loses nothing written (the kernel has it); a
// machine that loses power loses at most the runs since the last sync,
// and OpenStore finds and reruns them.
const SyncEvery = 64

// The files a Store appends to, in the order a run's rows are written:
// runs.csv last, so that a run in runs.csv is a run whose rows are all
// on disk.
const (
	fileYearly = iota
	fileRoutes
	fileFailures
	fileRuns
	numFiles
)

var storeNames = [numFiles]string{YearlyFile, RoutesFile, FailuresFile, RunsFile}

// A Store is the run directory of a study being written: runs.csv,
// yearly.csv, routes.csv and failures.csv, to which each run's rows are
// appended as it finishes, so that nothing is held in memory and a
// study that is stopped, even by kill -9, can be resumed.
//
// The protocol: a run's rows go to yearly.csv and routes.csv (or its
// row to failures.csv) first and to runs.csv last, each file in one
// write, so that runs.csv is the record of the runs that are done. When
// a directory is opened again (OpenStore), a run counts as done only if
// its row in runs.csv and all its rows in the other files are whole;
// every row of any other run is removed, and failed runs are forgotten,
// so that they run again. Rows are written in the order runs are given,
// which Finish restores to the order of run indices after a resume.
type Store struct {
	dir     string
	plan    *Plan
	routes  bool
	cols    []string
	headers [numFiles]string
	widths  [numFiles]int
	files   [numFiles]*os.File
	lock    *os.File

	done     bitset
	nDone    int
	nFailed  int
	lastRun  int  // the greatest run written
	unsorted bool // a run was written after one with a greater index
	unsynced int
	buf      []byte

	arm   int // the arm whose cells are in cells
	cells []string
}

func newStore(dir string, p *Plan, routes bool) (*Store, error) {
	if err := p.check(); err != nil {
		return nil, err
	}
	cols := p.Arms.Columns()
	s := &Store{dir: dir, plan: p, routes: routes, cols: cols, done: newBitset(p.Runs()), lastRun: -1, arm: -1}
	s.headers = [numFiles]string{YearlyHeader(), RoutesHeader, FailuresHeader(cols), RunsHeader(cols)}
	s.widths = [numFiles]int{5 + int(sim.NumMetrics), 14, 4 + len(cols) + 2, 4 + len(cols) + int(NumOutcomes) + 1}
	return s, nil
}

// CreateStore creates the files of a new study in dir, which must exist
// and hold none of them. routes says whether routes.csv is written. The
// store locks dir until it is closed: a second store on it is a
// *LockedError.
func CreateStore(dir string, p *Plan, routes bool) (*Store, error) {
	s, err := newStore(dir, p, routes)
	if err != nil {
		return nil, err
	}
	if s.lock, err = lockDir(dir); err != nil {
		return nil, err
	}
	for k := range numFiles {
		if !s.uses(k) {
			continue
		}
		f, err := os.OpenFile(s.path(k), os.O_WRONLY|os.O_CREATE|os.O_EXCL|os.O_APPEND, 0o644)
		if err != nil {
			s.closeFiles()
			return nil, err
		}
		s.files[k] = f
		if _, err := f.WriteString(s.headers[k] + "\n"); err != nil {
			s.closeFiles()
			return nil, err
		}
	}
	return s, s.sync()
}

func (s *Store) uses(k int) bool { return k != fileRoutes || s.routes }

func (s *Store) path(k int) string { return filepath.Join(s.dir, storeNames[k]) }

// Done reports whether run i is recorded as done.
func (s *Store) Done(i int) bool { return s.done.has(i) }

// Pending returns the runs of runs that are not done, in order.
func (s *Store) Pending(runs []int) []int {
	var out []int
	for _, i := range runs {
		if !s.done.has(i) {
			out = append(out, i)
		}
	}
	return out
}

// Counts returns the runs recorded as done and as failed.
func (s *Store) Counts() (done, failed int) { return s.nDone, s.nFailed }

// Write records a run that is done: its yearly rows, its route rows and
// then its row of runs.csv.
func (s *Store) Write(r *Result) error {
	if s.done.has(r.Run) {
		return fmt.Errorf("experiment: run %d written twice", r.Run)
	}
	if s.routes && r.Routes == nil {
		return fmt.Errorf("experiment: run %d has no route statistics for %s", r.Run, RoutesFile)
	}
	rows := r.yearlyRows
	if len(rows) == 0 {
		rows = appendYearlyRows(s.buf[:0], r)
	}
	if err := s.append(fileYearly, rows); err != nil {
		return err
	}
	if s.routes {
		rows = r.routesRows
		if len(rows) == 0 {
			rows = r.Routes.AppendCSV(s.buf[:0], r.Run, r.Replicate)
		}
		if err := s.append(fileRoutes, rows); err != nil {
			return err
		}
	}
	s.buf = appendRunRow(s.buf[:0], r, s.armCells(r.Arm), s.plan.Command(r.Run))
	if err := s.append(fileRuns, s.buf); err != nil {
		return err
	}
	s.done.set(r.Run)
	s.nDone++
	return s.written(r.Run)
}

// Fail records a run that failed with err in failures.csv.
func (s *Store) Fail(run int, err error) error {
	arm, rep := s.plan.Locate(run)
	s.buf = appendFailureRow(s.buf[:0], run, arm, rep, s.plan.Seed, s.armCells(arm), err, s.plan.Command(run))
	if err := s.append(fileFailures, s.buf); err != nil {
		return err
	}
	s.nFailed++
	return s.written(run)
}

func (s *Store) armCells(a int) []string {
	if a != s.arm {
		s.arm, s.cells = a, s.plan.Arms.Arm(a).Cells
	}
	return s.cells
}

func (s *Store) append(k int, b []byte) error {
	if _, err := s.files[k].Write(b); err != nil {
		return fmt.Errorf("writing %s: %w", s.path(k), err)
	}
	return nil
}

// written notes that run was written, and syncs every SyncEvery runs.
func (s *Store) written(run int) error {
	if run < s.lastRun {
		s.unsorted = true
	}
	s.lastRun = max(s.lastRun, run)
	if s.unsynced++; s.unsynced >= SyncEvery {
		return s.sync()
	}
	return nil
}

func (s *Store) sync() error {
	s.unsynced = 0
	for k, f := range s.files {
		if f != nil {
			if err := f.Sync(); err != nil {
				return fmt.Errorf("writing %s: %w", s.path(k), err)
			}
		}
	}
	return nil
}

// closeFiles closes the files and releases the lock.
func (s *Store) closeFiles() error {
	err := s.closeData()
	if s.lock != nil {
		s.lock.Close()
		s.lock = nil
	}
	return err
}

func (s *Store) closeData() error {
	var errs []error
	for k, f := range s.files {
		if f != nil {
			if err := f.Close(); err != nil && !errors.Is(err, fs.ErrClosed) {
				errs = append(errs, fmt.Errorf("writing %s: %w", s.path(k), err))
			}
			s.files[k] = nil
		}
	}
	return errors.Join(errs...)
}

// Close syncs and closes the files. They hold every run written, each
// whole; the store can be opened again with OpenStore.
func (s *Store) Close() error {
	err := s.sync()
	return errors.Join(err, s.closeFiles())
}

// Finish closes the store and, if runs were written out of order (after
// a resume), rewrites each file in the order of run indices, so that a
// study's files are the same however often it was stopped.
func (s *Store) Finish() error {
	defer s.closeFiles()
	if err := errors.Join(s.sync(), s.closeData()); err != nil {
		return err
	}
	if !s.unsorted {
		return nil
	}
	for k := range numFiles {
		if s.uses(k) {
			if err := sortFile(s.path(k)); err != nil {
				return err
			}
		}
	}
	s.unsorted = false
	return nil
}

// A bitset is a set of run indices.
type bitset []uint64

func newBitset(n int) bitset    { return make(bitset, (n+63)/64) }
func (b bitset) has(i int) bool { return i >= 0 && i/64 < len(b) && b[i/64]&(1<<(i%64)) != 0 }
func (b bitset) set(i int)      { b[i/64] |= 1 << (i % 64) }
func (b bitset) clear(i int)    { b[i/64] &^= 1 << (i % 64) }
