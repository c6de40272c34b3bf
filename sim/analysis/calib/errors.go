package calib

import "fmt"

// A TargetError is a target, or an observed row, that cannot be scored.
type TargetError struct {
	Label string // the target, e.g. "convictions 2005", or the series
	Line  int    // line of the observed file, 0 if none
	Msg   string
}

func (e *TargetError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("calib: target %s (line %d): %s", e.Label, e.Line, e.Msg)
	}
	return fmt.Sprintf("calib: target %s: %s", e.Label, e.Msg)
}

// An OutputError is a simulated value a target needs that is missing,
// negative or not finite.
type OutputError struct {
	Metric    string
	Year      int
	Replicate int
	Value     float64 // the offending value, NaN if missing
	Msg       string
}

func (e *OutputError) Error() string {
	return fmt.Sprintf("calib: replicate %d, %s %d: %s", e.Replicate, e.Metric, e.Year, e.Msg)
}

// A ParamError is a parameter of the box with an unusable range, or a
// parameter vector that does not fit the box.
type ParamError struct {
	Index int
	Name  string
	Value float64 // the offending value
	Msg   string
}

func (e *ParamError) Error() string {
	return fmt.Sprintf("calib: parameter %d (%s) = %v: %s", e.Index, e.Name, e.Value, e.Msg)
}

// A DesignError is a design point, or its loss, that Reject cannot use.
type DesignError struct {
	Point int
	Msg   string
}

func (e *DesignError) Error() string {
	return fmt.Sprintf("calib: design point %d: %s", e.Point, e.Msg)
}

// A SettingError is a setting out of its range.
type SettingError struct {
	Field string
	Value float64
	Msg   string
}

func (e *SettingError) Error() string {
	return fmt.Sprintf("calib: %s = %v: %s", e.Field, e.Value, e.Msg)
}
