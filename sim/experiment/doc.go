// Package experiment runs a scenario many times and writes what came out:
// the replicates of `krysha run`, and studies — the parameter sweeps of
// `krysha sweep` now; policy comparisons, calibrations, attributions and
// sensitivity analyses on the same machinery later.
//
// # Map
//
// The core is Map, a deterministic parallel map over run indices: runs go
// to a pool of workers, each owning state it reuses from run to run (a
// *sim.World), and their results come back to one goroutine in index
// order. Because a run is a pure function of (scenario, seed, run index)
// and results are consumed in index order, everything written downstream
// is byte-identical for any number of workers. Replicates is Map applied
// to the replicates of one model.
//
// The files of `krysha run` are each written whole or not at all, so that
// a crash or an interrupt never leaves a truncated file under its final
// name:
//
//	yearly.csv     replicate,seed,year,<every metric in sim order>
//	monthly.csv    replicate,seed,year,month,<every metric in sim order>
//	manifest.json  what was run, by which krysha, when and how fast
//
// Numbers are written with strconv's shortest exact form ('g', -1), so
// that a file is lossless and its bytes depend only on the values. Rows go
// by replicate, then time. Summary gives, per year and metric, the mean
// and the 90% interval across replicates, with the quantile definition
// documented at Quantile. The observed figures a run is compared with
// are read by package sim/observed.
//
// # Studies
//
// A study is a Plan: the arms of a base scenario, each run for Replicates
// replicates. An Arm is a variant of the base, described by overrides in
// the syntax of -set (Arm.Sets) and by events added to the scenario's
// (Arm.Events: a policy's events, or "mechanism X off from month M" as an
// event that sets mechanisms.X = false at M). Arms is the table of a
// study's arms, with named columns: DesignArms turns the points of a
// design (package design) into arms, ArmList holds a few named ones. Run
// i is replicate i mod R of arm i / R (arm-major), and replicate r of
// every arm uses the random stream (Seed, r): arms are compared on common
// random numbers, and any run is reproduced alone by the `krysha run`
// command Plan.Command gives.
//
// A Runner does any list of a plan's runs (all, a Shard's, those a resume
// left) on a pool of workers, building each arm's model once and sharing
// it, and hands each Result back in order: its yearly records, its route
// statistics (Routes) and its summary Outcomes over the plan's Window. A
// Store appends them, run by run, to the files of a run directory, with a
// protocol that survives kill -9 (see Store); OpenStore resumes one;
// MergeShards joins the directories of a study's shards. A StudyManifest
// records the study, with the command's own description of its design:
//
//	runs.csv       run,point,replicate,seed,<arm columns>,<outcomes>,command
//	yearly.csv     run,point,replicate,seed,year,<every metric in sim order>
//	routes.csv     run,replicate,year,kind,from,to,product,shipments,units,
//	               detections,bribes,seized,stash_kg,raids
//	failures.csv   run,point,replicate,seed,<arm columns>,error,command
//	manifest.json  StudyManifest
//
// ("point" is the arm's index.) docs/sweeps.md describes every column for
// users. ReadRuns and ReadRoutes read the files back.
//
// A new study command (compare, explain, calibrate, sensitivity) makes its
// arms — an ArmList of policies whose Args reproduce them, of mechanism
// switches, or DesignArms over a Saltelli or Morris design — and a Plan,
// and then does what cmd/krysha/sweep.go does: CreateStore (or OpenStore
// for -resume), Runner.Run over Store.Pending(shard.Runs(plan.Runs())),
// Store.Write or Store.Fail for each run, Store.Finish, and a
// StudyManifest whose Design is its own JSON. The analysis reads runs.csv
// back with ReadRuns, or keeps the Outcomes and Yearly records of the
// Results as they pass. So progress, workers, shards, resume and merge
// work the same for every study.
//
// `krysha run` gets route statistics for its replicates from a Runner
// with Routes (and Months, for monthly.csv) over ReplicatesPlan, run i
// being replicate i, and writes routes.csv with a RoutesWriter:
// NewRoutesWriter(w), then WriteRun(r.Replicate, r.Replicate, r.Routes)
// for each Result.
//
// The package reads no clock and no flags: timing and the choice of what
// to run belong to the caller (cmd/krysha). It never changes the engine's
// results; it only schedules runs and records them.
package experiment
