package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"time"

	"github.com/krysha/krysha/internal/version"
	"github.com/krysha/krysha/sim/experiment"
)

// A studyRun is a study that runs on the sweep's machinery into a run
// directory: the design of `krysha calibrate`, the arms of `krysha
// explain` and the points of `krysha sensitivity`. It does what sweep.go
// does (the Store's files, the manifest, progress, workers, shards and
// -resume) and then leaves the
// directory to the command's analysis, which reads yearly.csv back, so
// that an analysis is the same whether the runs were done now, before
// an interrupt, or on the machines of a cluster and merged.
type studyRun struct {
	command string // the manifest's command: "calibrate", "explain" or "sensitivity"
	st      *study
	sf      *scenarioFile
	plan    *experiment.Plan
	// design describes the arms in the command's terms, for the
	// manifest; a directory resumes only the same design. It must not
	// hold what the runs do not depend on (targets, the metric
	// explained), so that a finished study can be analysed again.
	design json.RawMessage
	shard  experiment.Shard
	dir    string
	// timing is the plan whose first run -dry-run times; nil for plan.
	// An explanation times its full model, since its arm 0 has every
	// mechanism off and runs faster than most.
	timing *experiment.Plan
}

// studyOutcome is what execute leaves for the analysis.
type studyOutcome struct {
	man *experiment.StudyManifest // the analysis adds its files to it
	// whole is true when the directory holds the whole study (not a
	// shard), every run recorded as done or failed.
	whole bool
	// failed counts the runs recorded in failures.csv.
	failed int
}

// failedError is the error of a study with failed runs.
func (s *studyRun) failedError(failed int) error {
	return fmt.Errorf("%d of %d runs failed; their errors are in %s (-resume runs them again)",
		failed, s.plan.Runs(), filepath.Join(s.dir, experiment.FailuresFile))
}

// shardDone says how to go on once a shard's runs are done.
func (s *studyRun) shardDone(e *env, quiet bool) {
	if !quiet {
		fmt.Fprintf(e.stderr, "shard %s done; merge the shards with 'krysha merge', then run the same command on the merged directory with -resume to analyse\n", s.shard)
	}
}

// execute runs the study's pending runs of its shard into its directory.
func (s *studyRun) execute(ctx context.Context, e *env, f *studyFlags, workers int) (*studyOutcome, error) {
	start := time.Now()
	store, man, err := s.open(e, f.resume, workers, start)
	if err != nil {
		return nil, err
	}
	mine := s.shard.Runs(s.plan.Runs())
	pending := store.Pending(mine)
	done0, _ := store.Counts()
	prog := newStudyProgress(e.stderr, s.command, f.quiet, len(mine), done0)
	runErr := runPending(ctx, s.plan, workers, false, store, pending, prog)
	err = s.finish(store, man, runErr, start)
	if err := endOfRuns(ctx, e, f.quiet, runErr, err, store, len(mine)); err != nil {
		return nil, err
	}
	_, failed := store.Counts()
	if len(pending) > 0 {
		prog.finish(time.Since(start), min(workers, len(pending)), s.dir)
	}
	return &studyOutcome{man: man, whole: s.shard.Whole(), failed: failed}, nil
}

// open makes the study's directory, or opens it to resume, and writes
// its manifest with status running.
func (s *studyRun) open(e *env, resume bool, workers int, start time.Time) (*experiment.Store, *experiment.StudyManifest, error) {
	man := s.manifest(workers)
	old, err := checkExisting(e, s.dir, resume, man, (*experiment.StudyManifest).SameStudy, studyWords)
	if err != nil {
		return nil, nil, err
	}
	store, err := openStudyDir(s.dir, s.plan, false, man, old, start)
	return store, man, err
}

// finish closes the store (putting its rows in order if the study is
// done) and writes the manifest with the study's status.
func (s *studyRun) finish(store *experiment.Store, man *experiment.StudyManifest, runErr error, start time.Time) error {
	err := closeStudyDir(store, man, runErr, start)
	return errors.Join(err, man.WriteFile(filepath.Join(s.dir, experiment.ManifestFile)))
}

// addFiles records the analysis's files in the manifest.
func (s *studyRun) addFiles(man *experiment.StudyManifest, files ...string) error {
	man.Files = append(man.Files, files...)
	return man.WriteFile(filepath.Join(s.dir, experiment.ManifestFile))
}

// manifest returns the study's manifest, before it runs.
func (s *studyRun) manifest(workers int) *experiment.StudyManifest {
	return newStudyManifest(s.command, s.st, s.sf, s.plan, s.shard, s.design, workers, false)
}

// newStudyManifest is the manifest of a study about to run: command's
// runs of plan in shard, on the scenario st read from sf, with design
// (the arms in the command's terms, compared on -resume and merge),
// workers and whether routes.csv is written.
func newStudyManifest(command string, st *study, sf *scenarioFile, plan *experiment.Plan, shard experiment.Shard,
	design json.RawMessage, workers int, routes bool) *experiment.StudyManifest {
	m := &experiment.StudyManifest{
		Design:    design,
		Columns:   plan.Arms.Columns(),
		Arms:      plan.Arms.Len(),
		Runs:      plan.Runs(),
		Window:    plan.Window,
		Routes:    routes,
		Status:    experiment.StatusRunning,
		Shard:     experiment.Shard{Index: shard.Index, Count: max(1, shard.Count)},
		ShardRuns: len(shard.Runs(plan.Runs())),
	}
	m.Manifest = experiment.Manifest{
		Command:        command,
		Scenario:       st.src.Scenario.Name,
		ScenarioFile:   sf.name,
		ScenarioSHA256: st.src.Hash(),
		Sets:           st.src.Sets,
		Seed:           plan.Seed,
		Replicates:     plan.Replicates,
		Version:        version.String(),
		GoVersion:      runtime.Version(),
		Workers:        workers,
	}
	return m
}

// dryRunTiming prints the CPU time the study's runs of this shard and
// extra more runs would take, timed on replicate 0 of arms spread over
// the timing plan (timeOneRun), and where the output goes.
func (s *studyRun) dryRunTiming(ctx context.Context, w io.Writer, workers, extra int) error {
	p := s.plan
	mine := len(s.shard.Runs(p.Runs()))
	tp := s.timing
	if tp == nil {
		tp = p
	}
	build, run, timed, err := timeOneRun(ctx, tp)
	if err != nil {
		return err
	}
	what := fmt.Sprintf("%d arm%s spread over the design", timed, plural(timed))
	if s.timing != nil {
		what = "the full model"
	}
	fmt.Fprintf(w, "a run took %v (the mean of replicate 0 of %s) and building an arm's model %v:\n",
		shortDuration(run), what, shortDuration(build))
	workers = printCPU(w, p, mine, extra, workers, run, build)
	fmt.Fprintf(w, "output: %s\n", s.dir)
	printExisting(w, s.dir, s.manifest(workers), (*experiment.StudyManifest).SameStudy, s.command, "study")
	return nil
}

// studyWords name the studies on studyRun in checkExisting's messages.
var studyWords = studyDirWords{kind: "study", another: "study", resume: "go on with it, or analyse it again, with -resume; or choose another -out",
	files: []string{experiment.RunsFile, experiment.YearlyFile, experiment.FailuresFile}}
