package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/krysha/krysha/sim/experiment"
)

// openStudyDir makes the study's directory dir, or opens it to resume
// the study whose manifest old is (nil for a new one), and writes man
// there with status running. A new study's manifest goes first, so that
// the directory is a study's however early it is killed; a resumed one
// keeps its start, time so far, sessions and the shards it was merged
// from.
func openStudyDir(dir string, plan *experiment.Plan, routes bool, man, old *experiment.StudyManifest, start time.Time) (*experiment.Store, error) {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, fmt.Errorf("creating the output directory: %w", err)
	}
	manPath := filepath.Join(dir, experiment.ManifestFile)
	man.SetTimes(start, start)
	man.Sessions = 1
	var store *experiment.Store
	var err error
	if old != nil {
		man.Start, man.Seconds, man.Sessions = old.Start, old.Seconds, old.Sessions+1
		man.MergedFrom = old.MergedFrom
		store, err = experiment.OpenStore(dir, plan, routes)
	} else if err = man.WriteFile(manPath); err == nil {
		store, err = experiment.CreateStore(dir, plan, routes)
	}
	if err != nil {
		return nil, err
	}
	man.Done, man.Failed = store.Counts()
	if err := man.WriteFile(manPath); err != nil {
		store.Close()
		return nil, err
	}
	return store, nil
}

// closeStudyDir closes the store, putting its rows in order if the runs
// ended without error (runErr nil), and brings man up to date: the end,
// the time this session took since start, the counts, the data files and
// the status. It writes nothing else; the caller adds the analysis's
// files and writes man. The error is the store's.
func closeStudyDir(store *experiment.Store, man *experiment.StudyManifest, runErr error, start time.Time) error {
	var err error
	if runErr == nil {
		err = store.Finish()
	} else {
		err = store.Close()
	}
	end := time.Now()
	man.End = end.UTC().Format(time.RFC3339)
	man.Seconds += float64(end.Sub(start).Milliseconds()) / 1000
	man.Done, man.Failed = store.Counts()
	man.Files = studyFiles(man.Routes)
	switch {
	case runErr != nil || err != nil:
		man.Status = experiment.StatusInterrupted
	case man.Failed > 0:
		man.Status = experiment.StatusFailed
	default:
		man.Status = experiment.StatusComplete
	}
	return err
}

// studyFiles lists the data files of a study's directory.
func studyFiles(routes bool) []string {
	out := []string{experiment.RunsFile, experiment.YearlyFile}
	if routes {
		out = append(out, experiment.RoutesFile)
	}
	return append(out, experiment.FailuresFile)
}

// runPending runs the pending runs of plan on workers into store, each
// run's rows or its failure as it ends, stepping prog; it returns the
// runner's error (the context's when interrupted).
func runPending(ctx context.Context, plan *experiment.Plan, workers int, routes bool,
	store *experiment.Store, pending []int, prog *sweepProgress) error {
	rn := &experiment.Runner{Plan: plan, Workers: workers, Routes: routes, Rows: true}
	err := rn.Run(ctx, pending, func(run int, res *experiment.Result, err error) error {
		defer prog.step()
		if err != nil {
			return store.Fail(run, err)
		}
		return store.Write(res)
	})
	prog.clear()
	return err
}

// studyDirWords are how a command names its study in checkExisting's
// messages, and the data files that mark a directory as a study's.
type studyDirWords struct {
	kind    string // "it is not a KIND's directory"
	another string // "it holds another ANOTHER"
	resume  string // what to do about a study already there
	files   []string
}

// checkExisting checks what dir holds: nothing, or, with resume, the
// study of manifest man (by same, and the same shard), whose manifest
// it returns. Data files without a manifest, another study, or a study
// without resume are usage errors.
func checkExisting(e *env, dir string, resume bool, man *experiment.StudyManifest,
	same func(old, man *experiment.StudyManifest) error, w studyDirWords) (*experiment.StudyManifest, error) {
	old, err := experiment.ReadStudyManifest(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		for _, name := range w.files {
			if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
				return nil, e.usagef("%s holds %s but no manifest: it is not a %s's directory; choose another -out", dir, name, w.kind)
			}
		}
		return nil, nil
	case err != nil:
		return nil, e.usagef("%s: %v; choose another -out", dir, err)
	case !resume:
		return nil, e.usagef("%s already holds a %s (status %s): %s", dir, old.Command, old.Status, w.resume)
	}
	if err := same(old, man); err != nil {
		return nil, e.usagef("cannot resume %s: it holds another %s: %v", dir, w.another, err)
	}
	if old.Shard != man.Shard {
		return nil, e.usagef("cannot resume %s: it holds shard %s, not %s", dir, old.Shard, man.Shard)
	}
	return old, nil
}

// endOfRuns turns the end of a study's run loop into its error: on an
// interruption the context's cause, after saying how far the runs got
// and how to go on; else the runner's error (runErr), else the error of
// closing the directory (finishErr). It is nil when the runs ended and
// were recorded, failed ones included.
func endOfRuns(ctx context.Context, e *env, quiet bool, runErr, finishErr error, store *experiment.Store, mine int) error {
	switch {
	case runErr != nil && ctx.Err() != nil:
		if !quiet {
			done, failed := store.Counts()
			fmt.Fprintf(e.stderr, "stopped after %d of %d runs; go on with the same command and -resume\n", done+failed, mine)
		}
		return context.Cause(ctx)
	case runErr != nil:
		return runErr
	}
	return finishErr
}
