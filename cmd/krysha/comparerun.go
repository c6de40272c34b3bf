package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/krysha/krysha/sim/experiment"
)

// run runs the comparison's pending runs into its directory and, when
// the whole comparison is done, prints its table and writes its files.
// It is sweep's run with the analysis at the end.
func (c *comparePlan) run(ctx context.Context, e *env, f *compareFlags, workers int) error {
	start := time.Now()
	store, man, err := c.open(e, f, workers, start)
	if err != nil {
		return err
	}
	mine := c.shard.Runs(c.plan.Runs())
	pending := store.Pending(mine)
	done0, _ := store.Counts()
	prog := newStudyProgress(e.stderr, "compare", f.quiet, len(mine), done0)
	runErr := runPending(ctx, c.plan, workers, f.routes, store, pending, prog)
	cmp, err := c.finish(store, man, runErr, start)
	if err := endOfRuns(ctx, e, f.quiet, runErr, err, store, len(mine)); err != nil {
		return err
	}
	_, failed := store.Counts()
	prog.finish(time.Since(start), min(workers, max(1, len(pending))), c.dir)
	if cmp != nil {
		if err := printCompare(e.stdout, cmp); err != nil {
			return err
		}
	} else if !f.quiet {
		fmt.Fprintf(e.stderr, "shard %s of the comparison is done; when all are, join them with 'krysha merge %s', then run this command with -resume -out %s (without -shard) for the table and charts\n",
			c.shard, filepath.Dir(c.dir), filepath.Dir(c.dir))
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d runs failed; their errors are in %s", failed, len(mine), filepath.Join(c.dir, experiment.FailuresFile))
	}
	return nil
}

// open makes the comparison's directory, or opens it to resume, and
// writes its manifest with status running.
func (c *comparePlan) open(e *env, f *compareFlags, workers int, start time.Time) (*experiment.Store, *experiment.StudyManifest, error) {
	man := c.manifest(workers, f.routes)
	old, err := checkExisting(e, c.dir, f.resume, man, sameComparison, compareWords)
	if err != nil {
		return nil, nil, err
	}
	store, err := openStudyDir(c.dir, c.plan, f.routes, man, old, start)
	return store, man, err
}

// finish closes the store (putting its rows in order if the comparison
// is done), analyses a whole comparison that is done, writing its table
// and charts, and writes the manifest with the comparison's status. The
// comparison is nil unless it was analysed.
func (c *comparePlan) finish(store *experiment.Store, man *experiment.StudyManifest, runErr error, start time.Time) (*comparison, error) {
	err := closeStudyDir(store, man, runErr, start)
	var cmp *comparison
	if runErr == nil && err == nil && c.shard.Whole() {
		var files []string
		cmp, files, err = writeCompare(c.dir, man)
		man.Files = append(man.Files, files...)
	}
	return cmp, errors.Join(err, man.WriteFile(filepath.Join(c.dir, experiment.ManifestFile)))
}

// compareWords name a comparison in checkExisting's messages.
var compareWords = studyDirWords{kind: "comparison", another: "study", resume: "go on with it with -resume, or choose another -out",
	files: []string{experiment.RunsFile, experiment.YearlyFile, experiment.RoutesFile, experiment.FailuresFile}}
