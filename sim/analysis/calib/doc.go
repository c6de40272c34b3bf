// Package calib is the statistical core of `krysha calibrate`: it scores
// simulated yearly metrics against the observed figures on Kazakhstan,
// keeps the parameter vectors that score best (rejection approximate
// Bayesian computation, ABC) and refines the best of them by Nelder-Mead.
//
// The package works on numbers only. A model is a Simulator, a function
// from a parameter vector to the yearly metrics of R replicates; the
// design (which parameter vectors to try) and the running of the model
// belong to the caller, who scores each design point with Evaluate (or
// Targets.Loss on replicates it ran itself) and hands the losses to
// Reject. Nothing here reads files, clocks or global randomness, so every
// result is a pure function of its inputs.
//
// # Targets
//
// A CountTarget compares a simulated metric in one year with an observed
// count: trafficking_convictions 2005 = 13 against the model's
// `convictions` in 2005. Mapping.Targets builds them from the rows of the
// observed CSV (package sim/observed), with a unit factor Scale from the
// model's unit to the source's and a weight from the source's quality
// (DefaultQualityWeights: reported 1, secondary 0.5). A series the
// mapping leaves unmatched on purpose is returned with its reason; a
// series the mapping does not know is an error, so that a new row in the
// data is never silently ignored.
//
// A DirectionTarget states what is known only in words: "the prosecution
// of trafficking cases decreased from 2011 through 2012" becomes
// prosecutions 2011 -> 2012 down. DefaultDirections lists those in
// scenarios/data/README.md.
//
// # Loss
//
// Let m be the mean of a metric over the R replicates of one parameter
// vector, times the target's Scale, c = Targets.Offset (DefaultOffset =
// 0.5) and w the target's weight. A count target with observed value y
// scores
//
//	L = w (ln((m + c) / (y + c)))²
//
// a squared log ratio: a factor-2 miss either way costs w·0.48, so
// targets of very different size (13 convictions, 500 kg of heroin) weigh
// alike, and c, half a count, keeps an observed or simulated zero finite
// (it is negligible beside counts above about 10). A direction target from
// year a to year b scores
//
//	Δ = ln(m_b + c) − ln(m_a + c)
//	L = w (max(0, δ − s Δ))²
//
// with s = +1 for "up" and −1 for "down" and margin δ = Targets.Margin
// (DefaultMargin = 0.1): the penalty is zero once the mean moves the
// stated way by at least δ in log terms (about 10%), and grows
// quadratically, on the same log scale as the counts, as it falls short or
// moves the other way. The total loss is the sum over targets, and Loss
// reports every term, so that a calibration shows which figure it could
// not match.
//
// A direction may be Required: then it is also a constraint, and a
// parameter vector whose replicate means do not meet it (Δ short of the
// margin) is infeasible, Loss.Feasible false. Rejection keeps only
// feasible points (their loss counts as +Inf) and refinement returns the
// best feasible point it saw (Loss.Better). A required direction is for
// a change the model exists to explain: no fit to the figures, however
// close, stands in for it.
//
// Means are taken before the logarithm: the loss compares the expected
// yearly figure with the observed one, and a replicate with zero cases
// does not dominate it. Targets.Spread gives, beside it, the central
// interval of each target's value taken replicate by replicate, so that a
// report can tell a miss of the model from one unlucky realisation.
//
// # Rejection ABC
//
// Given N design points and their losses, Reject keeps the best fraction
// (ABCSettings.Fraction, default 5%, and at least MinKeep = 20 points);
// the kept points are a sample of the ABC posterior at the tolerance ε
// equal to the largest kept loss, under the prior from which the design
// was drawn (uniform on the box, or log-uniform for a Log parameter, when
// the design is a Latin hypercube on the box). For each parameter it
// reports the median and the central 90% interval of the kept values
// (quantile definition 7 of Hyndman and Fan, as in sim/experiment).
//
// Identifiability is judged on the prior's scale (linear, or logarithmic
// for a Log parameter): the share of a parameter is the width of its 90%
// posterior interval divided by the width of the box. A share above
// ABCSettings.Coverage (default 0.8) means the targets barely narrowed
// the prior, and the parameter is reported "not identified by these
// targets": its median is then a property of the prior, not of the data.
// The rule needs enough kept points. A parameter the targets do not
// constrain at all has a uniform posterior, whose sample 90% interval
// covers on average 0.81, 0.86, 0.88 of the range with 20, 50, 100 kept
// points, and falls at or below 0.8 (so passes as identified) in 39%, 9%,
// 1% of designs (100,000 simulated uniform samples each). Below
// MinReliableKeep = 100 kept points, Posterior.Warnings says so.
//
// # Refinement
//
// Refine minimises the mean loss over R replicates by Nelder-Mead
// (gonum.org/v1/gonum/optimize.NelderMead, with the adaptive coefficients
// of Gao and Han, 2012), from a start such as the best ABC point. Every evaluation runs the same R replicates
// (common random numbers: the Simulator must seed replicate r identically
// at every parameter vector), so the objective is a deterministic
// function of θ and differences between nearby θ are not drowned by
// replicate noise. The box is removed by the transform
//
//	u = (θ − Min) / (Max − Min)     (u = ln(θ/Min) / ln(Max/Min) if Log)
//	z = ln(u / (1 − u))
//
// Nelder-Mead moves freely in z ∈ ℝ and every z maps back inside the box.
// A start closer than 1% of the range to a bound, where z would be
// infinite or huge, is first moved to 1% inside. The search stops after
// RefineSettings.MaxEvaluations evaluations or when the best loss has
// not improved for Stall iterations (a collapsed simplex stops improving,
// so it ends the search this way too), and returns the best point
// evaluated.
//
// The refined point is a best fit, not an estimate with an error: read
// it beside the posterior. A parameter that is not identified ends
// wherever the search left it, and its refined value means nothing.
// With CRN the objective is still a step function of θ for discrete
// counts, so Refine finds a good point near the optimum, not the last
// digit of it.
//
// # Pairs
//
// Posterior.Pair names the two parameters whose kept values are most
// correlated (Pearson, on the prior's scale): the pair to draw as a
// scatter plot, since a ridge between two parameters is how a
// trade-off the targets cannot resolve shows itself.
package calib
