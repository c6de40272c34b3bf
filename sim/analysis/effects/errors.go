package effects

import "fmt"

// A LengthError reports samples whose sizes do not allow the estimate:
// arm and baseline of different lengths, or fewer than two pairs.
type LengthError struct {
	Arm, Baseline int
}

func (e *LengthError) Error() string {
	if e.Arm != e.Baseline {
		return fmt.Sprintf("effects: %d arm values and %d baseline values; pairs need as many of each", e.Arm, e.Baseline)
	}
	return fmt.Sprintf("effects: %d pairs; an interval needs at least 2", e.Arm)
}

// A ValueError reports an input that is not a number the estimate can
// use: a non-finite outcome, or a level outside (0, 1).
type ValueError struct {
	// What names the input, e.g. "arm[3]" or "level".
	What  string
	Value float64
}

func (e *ValueError) Error() string {
	if e.What == "level" {
		return fmt.Sprintf("effects: level = %g, want a probability in (0, 1)", e.Value)
	}
	return fmt.Sprintf("effects: %s = %g, want a finite number", e.What, e.Value)
}
