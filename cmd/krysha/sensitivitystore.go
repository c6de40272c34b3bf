package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/krysha/krysha/sim/experiment"
)

// open makes the analysis's directory, or opens it to resume, and writes
// its manifest with status running.
func (s *sensitivity) open(e *env, resume bool, workers int, start time.Time) (*experiment.Store, *experiment.StudyManifest, error) {
	man := s.manifest(workers)
	old, err := s.existing(e, resume, man)
	if err != nil {
		return nil, nil, err
	}
	if err := os.MkdirAll(s.dir, 0o777); err != nil {
		return nil, nil, fmt.Errorf("creating the output directory: %w", err)
	}
	manPath := filepath.Join(s.dir, experiment.ManifestFile)
	man.SetTimes(start, start)
	man.Sessions = 1
	var store *experiment.Store
	if old != nil {
		man.Start, man.Seconds, man.Sessions = old.Start, old.Seconds, old.Sessions+1
		man.MergedFrom = old.MergedFrom
		store, err = experiment.OpenStore(s.dir, s.plan, false)
	} else if err = man.WriteFile(manPath); err == nil {
		// The manifest goes first, so that the directory is a study's
		// however early it is killed.
		store, err = experiment.CreateStore(s.dir, s.plan, false)
	}
	if err != nil {
		return nil, nil, err
	}
	man.Done, man.Failed = store.Counts()
	if err := man.WriteFile(manPath); err != nil {
		store.Close()
		return nil, nil, err
	}
	return store, man, nil
}

// existing checks what the directory holds: nothing, or, with -resume,
// this analysis, whose manifest it returns.
func (s *sensitivity) existing(e *env, resume bool, man *experiment.StudyManifest) (*experiment.StudyManifest, error) {
	old, err := experiment.ReadStudyManifest(s.dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		for _, name := range []string{experiment.RunsFile, experiment.YearlyFile, experiment.FailuresFile} {
			if _, err := os.Stat(filepath.Join(s.dir, name)); err == nil {
				return nil, e.usagef("%s holds %s but no manifest: it is not a study's directory; choose another -out", s.dir, name)
			}
		}
		return nil, nil
	case err != nil:
		return nil, e.usagef("%s: %v; choose another -out", s.dir, err)
	case !resume:
		return nil, e.usagef("%s already holds a %s (status %s): go on with it with -resume, or choose another -out", s.dir, old.Command, old.Status)
	}
	if err := old.SameStudy(man); err != nil {
		return nil, e.usagef("cannot resume %s: it holds another study: %v", s.dir, err)
	}
	if old.Shard != man.Shard {
		return nil, e.usagef("cannot resume %s: it holds shard %s, not %s", s.dir, old.Shard, man.Shard)
	}
	return old, nil
}

// finish closes the store (putting its rows in order if every run is
// done), analyses a whole study whose runs all succeeded, and writes the
// manifest with the study's status.
func (s *sensitivity) finish(e *env, store *experiment.Store, man *experiment.StudyManifest, runErr error, start time.Time, workers int) error {
	var err error
	if runErr == nil {
		err = store.Finish()
	} else {
		err = store.Close()
	}
	man.Done, man.Failed = store.Counts()
	man.Files = []string{experiment.RunsFile, experiment.YearlyFile, experiment.FailuresFile}
	switch {
	case runErr != nil || err != nil:
		man.Status = experiment.StatusInterrupted
	case man.Failed > 0:
		man.Status = experiment.StatusFailed
	default:
		man.Status = experiment.StatusComplete
	}
	if man.Status == experiment.StatusComplete && s.shard.Whole() {
		var files []string
		files, err = s.analyse(e, workers)
		man.Files = append(man.Files, files...)
	}
	end := time.Now()
	man.End = end.UTC().Format(time.RFC3339)
	man.Seconds += float64(end.Sub(start).Milliseconds()) / 1000
	return errors.Join(err, man.WriteFile(filepath.Join(s.dir, experiment.ManifestFile)))
}

// dryRun prints what the analysis would do and how long it would take,
// timing one run, and runs nothing else.
func (s *sensitivity) dryRun(ctx context.Context, e *env, workers int) error {
	p := s.plan
	mine := len(s.shard.Runs(p.Runs()))
	w := e.stdout
	spec := s.design.Spec()
	size := fmt.Sprintf("%d trajectories of %d points on a grid of %d levels", spec.N, len(s.factors)+1, spec.Levels)
	if s.method == methodSobol {
		size = fmt.Sprintf("%d base rows of %d points (Saltelli)", spec.N, len(s.factors)+2)
	}
	fmt.Fprintf(w, "%s sensitivity of %s (%s) over %d parameter%s, seed %d: %s\n",
		s.method, p.Source.Scenario.Name, s.sf.name, len(s.factors), plural(len(s.factors)), p.Seed, size)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, fc := range s.factors {
		kind := fc.Kind()
		if fc.Int {
			kind = "integer " + kind
		}
		_, r, _ := strings.Cut(fc.String(), "=")
		fmt.Fprintf(tw, "\t%s\t%s\t%s\n", fc.Path, r, kind)
	}
	tw.Flush()
	fmt.Fprintf(w, "%d points × %d replicates = %d runs", p.Arms.Len(), p.Replicates, p.Runs())
	if !s.shard.Whole() {
		fmt.Fprintf(w, "; shard %s has %d", s.shard, mine)
	}
	fmt.Fprintf(w, "; outcomes averaged over %s", p.Window)
	if s.byYear {
		fmt.Fprint(w, " and analysed by year")
	}
	fmt.Fprintln(w)
	build, run, timed, err := timeOneRun(ctx, p)
	if err != nil {
		return err
	}
	points := min(p.Arms.Len(), mine)
	cpu := time.Duration(mine)*run + time.Duration(points*min(workers, p.Replicates))*build
	workers = max(1, min(workers, mine))
	fmt.Fprintf(w, "a run took %v (the mean of replicate 0 of %d point%s spread over the design) and building a point's model %v:\n",
		shortDuration(run), timed, plural(timed), shortDuration(build))
	fmt.Fprintf(w, "about %v of CPU time, %v on %d worker%s\n", roundDuration(cpu), roundDuration(cpu/time.Duration(workers)), workers, plural(workers))
	fmt.Fprintf(w, "output: %s (%s, %s, %s, %s", s.dir, experiment.ManifestFile, experiment.RunsFile, experiment.YearlyFile, experiment.FailuresFile)
	if s.shard.Whole() {
		fmt.Fprintf(w, ", %s, %s", sensitivityCSV, sensitivityPNG)
		if s.byYear {
			fmt.Fprintf(w, ", %s", sensitivityYearsPNG)
		}
	}
	fmt.Fprintln(w, ")")
	if old, err := experiment.ReadStudyManifest(s.dir); err == nil {
		man := s.manifest(workers)
		if err := old.SameStudy(man); err != nil || old.Shard != man.Shard {
			fmt.Fprintf(w, "%s holds another study: choose another -out\n", s.dir)
		} else {
			fmt.Fprintf(w, "%s holds this analysis (%s, %d of %d runs done): -resume goes on with it\n",
				s.dir, old.Status, old.Done, old.ShardRuns)
		}
	}
	return nil
}
