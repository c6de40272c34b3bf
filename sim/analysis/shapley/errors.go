package shapley

import (
	"fmt"
	"strings"
)

// A SizeError is a number of mechanisms, or a mask, out of range.
type SizeError struct {
	N, Max int
	Msg    string
}

func (e *SizeError) Error() string { return "shapley: " + e.Msg }

// A SettingError is a setting out of its range.
type SettingError struct {
	Field string
	Value float64
	Msg   string
}

func (e *SettingError) Error() string {
	return fmt.Sprintf("shapley: %s = %v: %s", e.Field, e.Value, e.Msg)
}

// A ValuesError is a table of arm values of the wrong shape or with a
// value that is not finite.
type ValuesError struct {
	Replicate int // −1 if about the table as a whole
	Arm       Mask
	N         int // mechanisms, to print the mask
	Msg       string
}

func (e *ValuesError) Error() string {
	if e.Replicate < 0 {
		return "shapley: values: " + e.Msg
	}
	return fmt.Sprintf("shapley: replicate %d, arm %s: %s", e.Replicate, e.Arm.Bits(e.N), e.Msg)
}

// A MissingError lists the arms of a plan that have no results yet.
type MissingError struct {
	N    int    // mechanisms, to print the masks
	Arms []Mask // in plan order
}

func (e *MissingError) Error() string {
	const show = 5
	s := make([]string, 0, show)
	for i, m := range e.Arms {
		if i == show {
			s = append(s, "…")
			break
		}
		s = append(s, m.Bits(e.N))
	}
	return fmt.Sprintf("shapley: %d arms have no results: %s", len(e.Arms), strings.Join(s, " "))
}
