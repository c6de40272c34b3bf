// Package experiment runs a scenario many times and writes what came out:
// the replicates of `krysha run` now, parameter sweeps later.
//
// Its core is Map, a deterministic parallel map over run indices: runs go
// to a pool of workers, each owning state it reuses from run to run (a
// *sim.World), and their results come back to one goroutine in index
// order. Because a run is a pure function of (scenario, seed, run index)
// and results are consumed in index order, everything written downstream
// is byte-identical for any number of workers. Replicates is Map applied
// to the replicates of one model.
//
// Around it are the result files of a run directory, each written whole or
// not at all so that a crash or an interrupt never leaves a truncated file
// under its final name:
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
// The package reads no clock and no flags: timing and the choice of what
// to run belong to the caller (cmd/krysha). It never changes the engine's
// results; it only schedules runs and records them.
package experiment
