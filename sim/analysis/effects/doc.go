// Package effects estimates the effect of an intervention from paired
// runs: arm r and baseline r are replicate r of two variants of one
// scenario, run on the same random stream (common random numbers, CRN),
// so that they differ only by the intervention and by whatever chance
// the intervention sets off.
//
// For R pairs of outcomes (a_r, b_r) the effect is estimated from the
// paired differences d_r = a_r − b_r:
//
//	d̄  = Σ d_r / R                        the mean effect
//	SE = s_d / √R                         s_d² = Σ (d_r − d̄)² / (R − 1)
//	CI = d̄ ± t(1 − α/2, R − 1) · SE       Student's t, level 1 − α
//
// The interval is for the mean effect over the replicates' chance, of
// the model as specified: it says nothing of the model's own error.
// Pairing removes from the difference the chance the two arms share;
// what it gains is the variance reduction factor
//
//	VRF = SE_unpaired² / SE² = (s_a² + s_b²) / s_d²
//
// the ratio of the variance the difference would have had, had the arms
// been run on independent streams, to the variance it has: the number of
// times more replicates an unpaired comparison would need for the same
// interval. It is above 1 when the arms' outcomes are positively
// correlated across replicates (s_d² = s_a² + s_b² − 2 cov(a, b)).
//
// The package works on plain slices: it runs no model, reads no files
// and uses no randomness, so every number it gives is a function of its
// input and is tested against values computed by hand.
package effects
