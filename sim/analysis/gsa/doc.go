// Package gsa does global sensitivity analysis and scenario discovery on
// the inputs and outputs of a study: which parameters the model's output
// depends on, how much, and in which region of parameter space an outcome
// of interest happens. It works on plain matrices — x[i] the inputs of run
// i, y[i] its output — and runs no model, so every method here is tested
// on functions whose answers are known.
//
// Three methods, each for its question:
//
// Sobol indices (Sobol, SobolReplicates), on the runs of a Saltelli design
// (package sim/experiment/design): how much of the output's variance each
// input explains. S[i], the first-order index, is the share explained by
// input i alone; ST[i], the total index, the share that involves input i
// at all, alone or with others. The inputs' S add up to at most 1, the
// rest being interactions; an input with ST near 0 does not matter and can
// be fixed. Read an index with its interval: indices whose intervals
// overlap are not ranked by the data. For a stochastic model the indices
// are those of the mean over R replicates, and NoiseShare says how much of
// a single run's variance is chance alone: if it is large, no parameter
// decides the outcome of one run, whatever the indices say of the mean.
//
// Morris elementary effects (MorrisTrajectories, Morris), on r(k+1) runs:
// a cheap screening of many inputs. μ* ranks them by influence; σ shows
// non-linearity or interaction; μ its sign, if μ ≈ ±μ*. Use it to choose
// the few inputs worth a Sobol analysis. For a stochastic model run R
// times at each point, MorrisReplicates reads the replicate means and
// gives each μ* a noise floor: what replicate noise alone would give.
//
// PRIM (Prim), on any sample with a yes/no outcome, say "the route was
// still open in 2030": a box of input ranges where the outcome is mostly
// true. Coverage is the share of all true outcomes the box holds, density
// the share of its runs that are true, mass the share of runs in it; the
// trajectory shows the trade between coverage and density, and the chosen
// box (the knee, the first to reach a density, or one the analyst picks)
// names the few inputs that define the scenario, each with a
// quasi-p-value for whether its restriction is real.
//
// Intervals are bootstrap percentile intervals, 95% and 1000 resamples by
// default, from a BootstrapOptions.Src that fixes them; nothing here uses
// global randomness or reads a clock.
package gsa
