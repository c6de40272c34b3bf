package main

import (
	"context"
	"fmt"
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
