package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"time"

	"github.com/krysha/krysha/internal/version"
	"github.com/krysha/krysha/sim/experiment"
)

func init() {
	register(&command{
		name:    "merge",
		args:    "[flags] DIR...",
		summary: "join the shards of a sweep into one directory, with its charts",
		doc: `
Merge joins the output directories of the shards of a sweep (run with -shard
I/N, or as a Slurm job array or a Kubernetes Indexed Job) into one: runs.csv,
yearly.csv, routes.csv and failures.csv with their rows in the order of run
indices, exactly as the sweep would have written them unsharded, a manifest
and the charts. Each DIR is a shard's directory, or a directory holding
shard-I-of-N directories (the default layout of -shard), which are all taken.

Merge checks that the shards come from the same scenario (its SHA-256) and
design, that each finished, and that every run is in exactly one of them; it
names the runs missing or given twice, and writes nothing then. Exit status:
0 merged, 1 runs missing, duplicated or failed, 2 bad input.`,
		example: `krysha merge out/budget-clan                 # its shard-*-of-* directories, into out/budget-clan
krysha merge a/shard-0-of-2 b/shard-1-of-2 -out merged  # flags may follow the directories`,
		setup: setupMerge,
	})
}

type mergeFlags struct {
	out   string
	quiet bool
}

func setupMerge(fs *flag.FlagSet) func(context.Context, *env, []string) error {
	f := new(mergeFlags)
	fs.StringVar(&f.out, "out", "", "write the merged sweep to `DIR` (default the one directory given, when it holds the shards)")
	fs.BoolVar(&f.quiet, "quiet", false, "print nothing on stderr")
	return func(ctx context.Context, e *env, args []string) error {
		args, help, err := interleaved(e, fs, args)
		if help || err != nil {
			return err
		}
		return runMerge(ctx, e, f, args)
	}
}

func runMerge(ctx context.Context, e *env, f *mergeFlags, args []string) error {
	if len(args) == 0 {
		return e.usagef("no directories to merge")
	}
	var shards []string
	parent := ""
	for _, a := range args {
		// A directory of shards may hold an earlier merge's manifest too.
		subs, _ := filepath.Glob(filepath.Join(a, "shard-*-of-*"))
		var found []string
		for _, s := range subs {
			if _, err := os.Stat(filepath.Join(s, experiment.ManifestFile)); err == nil {
				found = append(found, s)
			}
		}
		if len(found) > 0 {
			slices.Sort(found)
			shards = append(shards, found...)
			parent = a
			continue
		}
		if _, err := os.Stat(filepath.Join(a, experiment.ManifestFile)); err != nil {
			return e.usagef("%s holds neither a sweep (manifest.json) nor shard-I-of-N directories", a)
		}
		shards = append(shards, a)
	}
	out := f.out
	if out == "" {
		if len(args) != 1 || parent == "" {
			return e.usagef("give -out DIR, the directory to merge into")
		}
		out = parent
	}
	for _, s := range shards {
		if same, _ := sameDir(s, out); same {
			return e.usagef("-out %s is one of the shards", out)
		}
	}
	if old, err := experiment.ReadStudyManifest(out); err == nil && len(old.MergedFrom) == 0 {
		return e.usagef("%s holds a sweep that is not a merge; merge into another -out", out)
	}
	if err := os.MkdirAll(out, 0o777); err != nil {
		return fmt.Errorf("creating the output directory: %w", err)
	}
	// The manifest is written last and marks the directory complete.
	manPath := filepath.Join(out, experiment.ManifestFile)
	if err := os.Remove(manPath); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	start := time.Now()
	man, err := experiment.MergeShards(out, shards)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return context.Cause(ctx)
	}
	charts, err := studyCharts(man.Command)(out, man)
	if err != nil {
		return err
	}
	man.Files = []string{experiment.RunsFile, experiment.YearlyFile}
	if man.Routes {
		man.Files = append(man.Files, experiment.RoutesFile)
	}
	man.Files = append(append(man.Files, experiment.FailuresFile), charts...)
	man.Version, man.GoVersion = version.String(), runtime.Version()
	if err := man.WriteFile(manPath); err != nil {
		return err
	}
	if !f.quiet {
		fmt.Fprintf(e.stderr, "merged %d shards, %d runs, in %v; results in %s\n",
			len(shards), man.Done+man.Failed, roundDuration(time.Since(start)), out)
	}
	if man.Failed > 0 {
		return fmt.Errorf("%d of %d runs failed; their errors are in %s", man.Failed, man.Runs, filepath.Join(out, experiment.FailuresFile))
	}
	return nil
}

// sameDir reports whether a and b name the same directory.
func sameDir(a, b string) (bool, error) {
	fa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	fb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(fa, fb), nil
}
