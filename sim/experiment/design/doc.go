// Package design makes the experimental designs of parameter sweeps: which
// parameter values each run of a study gets.
//
// A study varies factors, model parameters named by their dotted TOML
// path. ParseFactor reads them as written after -vary and -fit or in a
// scenario's [sweep] table:
//
//	enforcement.budget_scale=0.5:2:4   a grid: 4 levels 0.5, 1, 1.5, 2
//	enforcement.budget_scale=0.5:2     a range, for designs that sample
//	officials.honest_share=0.1,0.3,0.6 explicit values
//
// and Merge rejects a path given twice. A Design turns factors into runs:
//
//	Grid             full factorial of grids and value lists (NewGrid)
//	LatinHypercube   n points, one in each of n strata of every factor
//	Sobol            the first n points of the scrambled Sobol sequence
//	Saltelli         the N(k+2) runs from which gsa.Sobol estimates Sobol
//	                 indices, built on a 2k-dimensional Sobol sequence
//	Morris           r one-at-a-time trajectories for gsa.Morris
//
// Runs are numbered 0..Len()−1 and Point(i) gives run i's factor values,
// in factor order and in the factors' units. A design is a pure function
// of its Spec — factors, size, seed, options — and Point(i) of the spec
// and i alone: nothing is drawn from a stream that earlier runs advanced.
// So a shard of a study, on any machine, makes exactly its runs without
// making the others, and a run directory's manifest, holding the Spec as
// JSON, is enough for New to rebuild the design and any run of it. The
// random numbers come from hashing (seed, purpose, run, dimension) and
// from PCG, whose outputs are fixed by their algorithms, so they do not
// change with the Go release either.
//
// The sampling designs (all but Grid) make points in the unit cube
// (Unit(i), each coordinate in [0, 1)) and map coordinate u of a factor
// to its units by Factor.At: linearly onto a range, or onto one of a grid's
// or value list's levels with equal probability. The analyses of package
// sim/analysis/gsa read the unit points or the run order these designs
// document; they need nothing else from here.
//
// Which to use: a Grid to tabulate a few levels of few factors; a Latin
// hypercube or Sobol sample to explore many factors, or to fit a model to
// the runs; Saltelli for variance-based sensitivity (a few thousand base
// rows for stable indices); Morris to screen many factors cheaply first
// (r = 10–50 trajectories of k+1 runs).
//
// The package runs no model, reads no files, flags or clocks, and keeps
// no state between calls.
package design
