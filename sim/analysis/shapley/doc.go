// Package shapley is the statistical core of `krysha explain`: it
// attributes the change of a metric between two years, such as the fall
// in trafficking prosecutions from 2011 to 2012, to the model's
// mechanisms, by Shapley values over counterfactual arms.
//
// # What is computed
//
// The players are n mechanisms, each with an on/off switch
// (scenario.Mechanisms). An arm is a coalition S, written as a Mask whose
// bit i is set when mechanism i is on: the scenario is run with the
// mechanisms of S as they are and every other one switched off from the
// month `since` on. The value of the arm is the change it shows,
//
//	v(S) = metric(to) − metric(from),
//
// so v(all) is the change the full model shows and v(none) the change
// that remains with every mechanism off from `since`, the momentum of the
// state reached by then. The Shapley value of mechanism i,
//
//	φᵢ = Σ_{S ⊆ N∖{i}} |S|! (n − |S| − 1)! / n! · (v(S ∪ {i}) − v(S)),
//
// is its marginal contribution v(S ∪ {i}) − v(S) averaged over the n!
// orders in which the mechanisms could be switched on. It is the only
// split with these properties, which are what make it readable:
//
//   - efficiency: Σᵢ φᵢ = v(all) − v(none), to rounding; nothing is left
//     over and nothing counted twice;
//   - dummy: a mechanism whose switch never changes the metric gets
//     exactly 0;
//   - symmetry: two mechanisms that act interchangeably get the same value;
//     an interaction between mechanisms is split equally between them.
//
// A negative φᵢ, when the metric fell, means mechanism i pushed it down;
// a positive one means it held it up. Attribution.Share gives φᵢ / v(all),
// the fraction of the full model's change due to i, and BaselineShare
// v(none) / v(all); together they sum to 1.
//
// # Exact and sampled
//
// For n ≤ MaxExact = 10 mechanisms every one of the 2ⁿ ≤ 1,024 arms is
// run and the sum above is computed exactly. For more, the orders are
// sampled: a sampled permutation π switches its mechanisms on one by
// one, running the n + 1 arms ∅, {π₁}, {π₁, π₂}, …, all, and credits
// each its marginal contribution along that chain; φᵢ is the mean over
// permutations (Castro, Gómez and Tejada, "Polynomial calculation of the
// Shapley value based on sampling", Comput. Oper. Res. 36, 2009). Each
// chain's contributions sum to v(all) − v(none) exactly, so the estimate
// keeps efficiency exactly, and a dummy still gets exactly 0. With
// Antithetic, each permutation is followed by its reverse, which pairs
// early with late positions and cancels much of the variance (Mitchell,
// Cooper, Frank and Holmes, "Sampling permutations for Shapley value
// estimation", JMLR 23, 2022). The standard error SE is the standard
// deviation of the per-permutation (or per-pair) contributions over the
// square root of their number. K permutations need at most K(n − 1) + 2
// distinct arms; the reverse of a chain runs the complements of its arms.
//
// # Replicates
//
// The runner runs every arm for R replicates with common random numbers:
// replicate r of every arm uses the same seeds, so that v_r(S ∪ {i}) −
// v_r(S) is the effect of mechanism i and not of a different draw. Each
// replicate is a game of its own; Attribute computes φ for each (the
// spread of these, Lo to Hi, shows how much the attribution varies from
// one realisation of the world to another) and for their mean (Phi, with
// RepSE its standard error over replicates and, when sampled, SE the part
// due to sampling permutations). By linearity, Phi is the mean of the
// per-replicate values.
//
// # Protocol
//
// Build a Plan, run the arms it lists (in any order, in parallel, across
// restarts: rebuild the plan from the same seed to resume), then compute:
//
//	plan, _ := shapley.NewPlan(len(mechs), &shapley.SampleSettings{Src: rand.NewPCG(seed, 0)})
//	for _, m := range plan.Arms() { ... run arm m for R replicates ... }
//	vals, _ := plan.Table(results) // results[mask] = the R values of that arm
//	att, _ := plan.Attribute(vals, 0.9)
//
// The package does no simulation and no I/O, and uses no randomness but
// the Src it is given.
//
// # Assumptions
//
// The attribution is about the period after `since`: what a mechanism
// did before it is in the state every arm starts from, and so in
// v(none). Mechanisms switched off in the scenario itself should not be
// players (they would be dummies). "Off" means what the engine's switch
// means; a mechanism whose absence the model cannot represent well
// yields a counterfactual of the same quality.
package shapley
