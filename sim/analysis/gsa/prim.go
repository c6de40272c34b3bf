package gsa

import (
	"fmt"
	"slices"
)

// PrimOptions are the options of Prim. Nil means defaults.
type PrimOptions struct {
	// Alpha is the peeling fraction α ∈ (0, 0.5): each step removes about
	// α of the points in the box from one side of one input. Zero means
	// 0.05 (Friedman and Fisher, 1999; the EMA Workbench's default).
	Alpha float64
	// MassMin is the least mass a box may have, in (0, 1): peeling stops
	// before a box would hold fewer than MassMin of the points. Zero
	// means 0.05.
	MassMin float64
	// Threshold chooses the box: the box of highest coverage whose
	// density is at least Threshold, in (0, 1]. Zero means the knee of
	// the trajectory instead (see PrimResult.Chosen).
	Threshold float64
	// Paste pastes the chosen box (see PrimResult.Box), with pasting
	// fraction PasteAlpha ∈ (0, 0.5); zero PasteAlpha means Alpha.
	Paste      bool
	PasteAlpha float64
	// Choose, if positive, chooses box Choose of the trajectory, as an
	// analyst does who has looked at the trajectory and prefers another
	// trade between coverage and density than Threshold or the knee
	// give. It must be less than the trajectory's length; ThresholdMet
	// then says whether the box meets Threshold.
	Choose int
}

func (o PrimOptions) withDefaults() PrimOptions {
	if o.Alpha == 0 {
		o.Alpha = 0.05
	}
	if o.MassMin == 0 {
		o.MassMin = 0.05
	}
	if o.PasteAlpha == 0 {
		o.PasteAlpha = o.Alpha
	}
	return o
}

func (o PrimOptions) check() error {
	const fn = "Prim"
	switch {
	case !(o.Alpha > 0 && o.Alpha < 0.5):
		return &ValueError{Func: fn, What: "Alpha", Value: o.Alpha, Want: "in (0, 0.5)"}
	case !(o.PasteAlpha > 0 && o.PasteAlpha < 0.5):
		return &ValueError{Func: fn, What: "PasteAlpha", Value: o.PasteAlpha, Want: "in (0, 0.5)"}
	case !(o.MassMin > 0 && o.MassMin < 1):
		return &ValueError{Func: fn, What: "MassMin", Value: o.MassMin, Want: "in (0, 1)"}
	case !(o.Threshold >= 0 && o.Threshold <= 1):
		return &ValueError{Func: fn, What: "Threshold", Value: o.Threshold, Want: "in [0, 1]"}
	case o.Choose < 0:
		return &ValueError{Func: fn, What: "Choose", Value: float64(o.Choose), Want: "≥ 0"}
	}
	return nil
}

// A Box is the set of points x with Lo[j] ≤ x[j] ≤ Hi[j] for every input j.
type Box struct {
	Lo, Hi []float64
}

// Contains reports whether x lies in the box.
func (b Box) Contains(x []float64) bool {
	for j, v := range x {
		if v < b.Lo[j] || v > b.Hi[j] {
			return false
		}
	}
	return true
}

func (b Box) clone() Box { return Box{slices.Clone(b.Lo), slices.Clone(b.Hi)} }

// A PrimStep is one box of the peeling trajectory, described as the EMA
// Workbench does.
type PrimStep struct {
	Box Box
	// N is the number of points in the box and Hits the number of those
	// whose outcome is true.
	N, Hits int
	// Coverage is Hits over all true points: how much of what we look
	// for the box holds. Density is Hits/N: how pure the box is. Mass is
	// N over all points: how large a part of the input space it is.
	Coverage, Density, Mass float64
	// Restricted are the inputs whose range the box narrows, ascending.
	Restricted []int
}

// PrimResult is what Prim found.
type PrimResult struct {
	// Limits is the box of all the data, from each input's least to its
	// greatest value; a box restricts input j where it is narrower.
	Limits Box
	// Total is the number of points and Hits the number of true outcomes.
	Total, Hits int
	// Trajectory is the peeling trajectory: Trajectory[0] is Limits, each
	// next box one peel smaller, denser as a rule, less covering.
	Trajectory []PrimStep
	// Chosen indexes the box chosen from the trajectory: with a
	// threshold, the box of highest coverage with density ≥ Threshold
	// (the densest box if none reaches it, ThresholdMet false); without,
	// the knee: the box farthest above the straight line from the first
	// to the last box in the coverage–density plane, where peeling stops
	// buying density cheaply; or box PrimOptions.Choose.
	Chosen       int
	ThresholdMet bool
	// Box is the chosen box, pasted if the options ask, and Restrictions
	// its restricted inputs: the result to report.
	Box          PrimStep
	Restrictions []Restriction
}

// A Restriction is one input a box narrows, with its bounds.
type Restriction struct {
	Dim    int
	Lo, Hi float64
	// QP is the quasi-p-value of the restriction, as the EMA Workbench
	// computes it (after Bryant and Lempert, 2010): with the restriction
	// dropped the box has density p; QP is the probability that N draws
	// of density p give at least the box's Hits, P(Binomial(N, p) ≥ Hits).
	// A large QP (say above 0.05) means the restriction adds little
	// density and may be noise.
	QP float64
}

// Prim runs the Patient Rule Induction Method (Friedman and Fisher, 1999,
// "Bump hunting in high-dimensional data", Stat. Comput. 9, 123–143) for
// scenario discovery: it looks for a box in the inputs x (one row per run)
// where the outcome y is mostly true.
//
// Peeling: starting from the box of all the data, each step considers,
// for every input, removing the α-fraction of the box's points with the
// lowest values and the α-fraction with the highest, and makes the
// removal that leaves the densest box (ties: the one that keeps more
// points, then the lower input, low side first). Ties in x are removed
// together. Peeling stops when no removal keeps MassMin of the points.
// Pasting, if asked, then widens the chosen box side by side, α-fraction
// at a time, while that raises its density.
func Prim(x [][]float64, y []bool, opt *PrimOptions) (*PrimResult, error) {
	o := PrimOptions{}
	if opt != nil {
		o = *opt
	}
	o = o.withDefaults()
	if err := o.check(); err != nil {
		return nil, err
	}
	if err := checkPrimData(x, y); err != nil {
		return nil, err
	}
	p := newPrimData(x, y)
	res := &PrimResult{Limits: p.limits.clone(), Total: len(x), Hits: p.hits}
	box := p.limits.clone()
	in := make([]int, len(x))
	for i := range in {
		in[i] = i
	}
	res.Trajectory = append(res.Trajectory, p.step(box, in))
	for {
		next, kept := p.peel(box, in, o.Alpha, o.MassMin)
		if kept == nil {
			break
		}
		box, in = next, kept
		res.Trajectory = append(res.Trajectory, p.step(box, in))
	}
	res.Chosen, res.ThresholdMet = choose(res.Trajectory, o.Threshold)
	if o.Choose > 0 {
		if o.Choose >= len(res.Trajectory) {
			return nil, &ValueError{Func: "Prim", What: "Choose", Value: float64(o.Choose),
				Want: fmt.Sprintf("less than the trajectory's %d boxes", len(res.Trajectory))}
		}
		res.Chosen, res.ThresholdMet = o.Choose, o.Threshold == 0 || res.Trajectory[o.Choose].Density >= o.Threshold
	}
	chosen := res.Trajectory[res.Chosen].Box.clone()
	if o.Paste {
		chosen = p.paste(chosen, o.PasteAlpha)
	}
	res.Box = p.step(chosen, p.inside(chosen))
	res.Restrictions = p.restrictions(res.Box)
	return res, nil
}

func checkPrimData(x [][]float64, y []bool) error {
	const fn = "Prim"
	if len(x) == 0 || len(x[0]) == 0 {
		return &ShapeError{Func: fn, What: "len(x)", Got: len(x), Want: "at least one row of at least one input"}
	}
	if len(y) != len(x) {
		return &ShapeError{Func: fn, What: "len(y)", Got: len(y), Want: "len(x)"}
	}
	for i, row := range x {
		if len(row) != len(x[0]) {
			return &ShapeError{Func: fn, What: fmt.Sprintf("len(x[%d])", i), Got: len(row), Want: "len(x[0])"}
		}
		if err := checkFinite(fn, fmt.Sprintf("x[%d]", i), row); err != nil {
			return err
		}
	}
	return nil
}
