package calib

import (
	"fmt"
	"math"
)

// DefaultOffset is the offset c of the loss, half a count: ln(m + c)
// stays finite when a mean or an observed figure is zero, and moves
// ln(13) by 4% and ln(500) by 0.1%.
const DefaultOffset = 0.5

// DefaultMargin is the margin δ of a direction target: a change counts
// as going the stated way once |ln(m_b + c) − ln(m_a + c)| ≥ 0.1, a
// change of about 10%, which is more than the noise of a yearly mean of a
// few replicates of counts in the tens and less than a "decrease" a
// report would bother to mention.
const DefaultMargin = 0.1

// A CountTarget compares the replicate mean of Metric in Year, times
// Scale, with Observed. It scores Weight (ln((m + c)/(Observed + c)))².
type CountTarget struct {
	Metric   string  // model metric column, e.g. "convictions"
	Year     int     // calendar year
	Observed float64 // the observed figure, ≥ 0, in the source's unit
	Scale    float64 // source units per model unit, > 0 (1 if the same)
	Weight   float64 // ≥ 0; 0 reports the term without scoring it
	Label    string  // for reports, e.g. "trafficking_convictions 2005"
	Source   string  // who published Observed
}

// Name is Label, or "metric year" if Label is empty.
func (c *CountTarget) Name() string {
	if c.Label != "" {
		return c.Label
	}
	return fmt.Sprintf("%s %d", c.Metric, c.Year)
}

// Direction is the sign of a change a DirectionTarget asks for.
type Direction int

const (
	Down Direction = -1 // s = −1
	Up   Direction = +1 // s = +1
)

func (d Direction) String() string {
	switch d {
	case Down:
		return "down"
	case Up:
		return "up"
	}
	return fmt.Sprintf("Direction(%d)", int(d))
}

// ParseDirection reads "down" or "up".
func ParseDirection(s string) (Direction, error) {
	switch s {
	case "down":
		return Down, nil
	case "up":
		return Up, nil
	}
	return 0, &TargetError{Label: s, Msg: `direction must be "down" or "up"`}
}

// A DirectionTarget asks the replicate mean of Metric to move in
// Direction from year From to year To. With Δ = ln(m_To + c) −
// ln(m_From + c) and s the Direction it scores
// Weight (max(0, δ − s Δ))², and is met when that is zero.
//
// A Required direction is a constraint as well as a term of the loss: a
// parameter vector whose replicates do not meet it is infeasible
// (Loss.Feasible), whatever its loss. It is for a change the model must
// reproduce, such as the decline it was built to explain.
type DirectionTarget struct {
	Metric    string
	From, To  int
	Direction Direction
	Weight    float64 // ≥ 0
	Required  bool
	Label     string // for reports
	Source    string // where the words come from
}

// Name is Label, or "metric from->to direction" if Label is empty.
func (d *DirectionTarget) Name() string {
	if d.Label != "" {
		return d.Label
	}
	return fmt.Sprintf("%s %d->%d %v", d.Metric, d.From, d.To, d.Direction)
}

// Targets is everything a calibration is scored against.
type Targets struct {
	Counts     []CountTarget
	Directions []DirectionTarget
	// Offset is c in ln(m + c), > 0. DefaultOffset.
	Offset float64
	// Margin is δ of the direction hinge, ≥ 0. DefaultMargin.
	Margin float64
}

// Validate checks every target. Loss calls it; calling it first reports
// problems before any simulation.
func (t *Targets) Validate() error {
	if !(t.Offset > 0) || math.IsInf(t.Offset, 0) {
		return &SettingError{Field: "Offset", Value: t.Offset, Msg: "must be finite and > 0"}
	}
	if !(t.Margin >= 0) || math.IsInf(t.Margin, 0) {
		return &SettingError{Field: "Margin", Value: t.Margin, Msg: "must be finite and ≥ 0"}
	}
	if len(t.Counts)+len(t.Directions) == 0 {
		return &TargetError{Label: "(none)", Msg: "there are no targets"}
	}
	for i := range t.Counts {
		c := &t.Counts[i]
		switch {
		case c.Metric == "":
			return &TargetError{Label: c.Name(), Msg: "no metric"}
		case !(c.Observed >= 0) || math.IsInf(c.Observed, 0):
			return &TargetError{Label: c.Name(), Msg: fmt.Sprintf("observed value %v must be finite and ≥ 0", c.Observed)}
		case !(c.Scale > 0) || math.IsInf(c.Scale, 0):
			return &TargetError{Label: c.Name(), Msg: fmt.Sprintf("scale %v must be finite and > 0", c.Scale)}
		case !(c.Weight >= 0) || math.IsInf(c.Weight, 0):
			return &TargetError{Label: c.Name(), Msg: fmt.Sprintf("weight %v must be finite and ≥ 0", c.Weight)}
		}
	}
	for i := range t.Directions {
		d := &t.Directions[i]
		switch {
		case d.Metric == "":
			return &TargetError{Label: d.Name(), Msg: "no metric"}
		case d.From == d.To:
			return &TargetError{Label: d.Name(), Msg: "from and to are the same year"}
		case d.Direction != Up && d.Direction != Down:
			return &TargetError{Label: d.Name(), Msg: `direction must be "down" or "up"`}
		case !(d.Weight >= 0) || math.IsInf(d.Weight, 0):
			return &TargetError{Label: d.Name(), Msg: fmt.Sprintf("weight %v must be finite and ≥ 0", d.Weight)}
		}
	}
	return nil
}

// DefaultDirections are the changes scenarios/data/README.md knows only
// in words, each with weight 1:
//
//   - investigations and prosecutions 2011 -> 2012 down: TIP reports say
//     the investigation and prosecution of trafficking cases decreased
//     from 2011 through 2012;
//   - convictions 2006 -> 2007 up: convictions "significantly increased"
//     in 2007 after the 2006 low.
//
// The fall in convictions from 2005 to 2006 is not among them: the
// counts 13 and 1 are count targets already, and a direction on top
// would score the same fact twice.
func DefaultDirections() []DirectionTarget {
	const tip = "US Department of State, Trafficking in Persons Reports, Kazakhstan narratives (scenarios/data/README.md)"
	return []DirectionTarget{
		{Metric: "investigations", From: 2011, To: 2012, Direction: Down, Weight: 1, Source: tip},
		{Metric: "prosecutions", From: 2011, To: 2012, Direction: Down, Weight: 1, Source: tip},
		{Metric: "convictions", From: 2006, To: 2007, Direction: Up, Weight: 1, Source: tip},
	}
}
